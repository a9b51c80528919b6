import { LitElement, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import type { BakedImage, Check, NestedResult, NestedRole, VerificationResult } from '../../core/result.js';
import { firstProblem, isNotRequested } from '../../core/result.js';
import type { Verifier, VerifyInput } from '../../core/verify.js';
import type { AlignmentView, BadgeView, EvidenceView } from '../../core/view.js';
import { ObVerifiedEvent } from '../../events/verified-event.js';
import { defaultVerifier } from '../../internal/default-verifier.js';
import { displayId } from '../../internal/display-id.js';
import { formatDate, formatDateTime, formatTime, languageOf } from '../../internal/format-date.js';
import {
  arrangeNested,
  countNested,
  flattenNested,
  nestedOf,
  orderEndorsements,
  verdictOfNested,
} from '../../internal/nested.js';
import {
  isMarkdownReady,
  loadMarkdown,
  MAX_MARKDOWN_LENGTH,
  renderMarkdown,
  renderPlainText,
} from '../../internal/markdown.js';
import {
  displayHost,
  en,
  type DisplayVerdict,
  type MessageContext,
  type Messages,
  type NestedCounts,
} from '../../internal/messages.js';
import { safeImageUrl, safeLinkUrl } from '../../internal/safe-url.js';
import { VerifyController } from '../../internal/verify-controller.js';
import { styles } from './badge.styles.js';

/** Inline credential types read from a child `<script>`; browsers never execute these types. */
const INLINE_TYPES = new Set(['application/json', 'application/ld+json', 'application/jwt', 'application/vc+jwt']);

const STATES = ['loading', 'verified', 'unverified', 'unknown', 'error'] as const;

/**
 * Narrative characters one badge renders as Markdown; later narratives are shown as plain text.
 * Lexing is not linear on hostile input (marked's emphasis matching: 20 KB of `_a` takes about a
 * second), and a badge can carry a criteria narrative and 50 evidence narratives of 20 KB each.
 */
const MARKDOWN_CHARS_PER_BADGE = 30_000;

type NarrativeRenderer = (source: string) => unknown;

/** The longest revocation reason shown; the issuer's words, quoted, so a reason cannot fill the card. */
const MAX_REASON = 200;

/**
 * Nested cards (a transcript's achievements, a presentation's credentials) drawn in the first
 * render; the rest follow in chunks of NESTED_CHUNK, one per idle period, so a 100-achievement
 * transcript never blocks the page in one long task. Each card is an element with its own shadow
 * root: creating them, not laying them out, is the cost (`content-visibility` saves the layout).
 */
const NESTED_FIRST = 16;
const NESTED_CHUNK = 24;

/** Names of nested credentials that did not verify, listed in the summary; the rest are counted. */
const MAX_NESTED_NAMES = 5;
/** How long a nested credential's name (or an endorser's) is shown in a summary or a button. */
const MAX_NESTED_NAME = 80;
/** A comment of an endorsement that did not verify is shown as plain text, at most this long. */
const MAX_UNTRUSTED_COMMENT = 600;

type RunArgs = readonly [
  credential: unknown,
  src: string | undefined,
  inline: string | undefined,
  verifier: Verifier | undefined,
  now: Date | undefined,
  recipient: string | undefined,
  proxy: string | undefined,
];

/** The page owner's identity from `<meta name="ob-recipient" content="…">`, if the page has one. */
function metaRecipient(document: Document): string | undefined {
  const meta = document.querySelector('meta[name="ob-recipient" i]');
  return text(meta?.getAttribute('content'))?.trim();
}

/**
 * Where a baked image is shown from. A PNG becomes a blob URL of type `image/png` (revoked when no
 * longer shown). An SVG becomes a `data:` URL instead: both are script-free in an `<img>`, but a
 * blob URL is also a document of the page's own origin to anyone who opens it ("Open image in new
 * tab"), where a hostile SVG's scripts would run as the page; a `data:` document has no origin.
 */
function bakedImageUrl(image: BakedImage): { url: string; revoke: boolean } | undefined {
  const bytes: unknown = image?.bytes;
  if (!(bytes instanceof Uint8Array) || bytes.byteLength === 0) return undefined;
  // The media type follows from the container the core parsed, never from a string beside it.
  if (image.container === 'png') {
    return {
      url: URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' })),
      revoke: true,
    };
  }
  if (image.container === 'svg') return { url: `data:image/svg+xml;base64,${base64Of(bytes)}`, revoke: false };
  return undefined;
}

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** At most `max` characters (code points) of an untrusted sentence, on one line. */
function clip(value: string, max: number): string {
  const chars = Array.from(value.replace(/\s+/gu, ' ').trim());
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/**
 * A result for a run the verifier could not complete (it threw or rejected, or returned junk):
 * the badge shows the error state and `ob-verified` still fires, with one failed check.
 */
function resultFromError(error: unknown, now: Date | undefined): VerificationResult {
  const maybe = error as { code?: unknown; message?: unknown; details?: unknown } | null;
  const code = typeof maybe?.code === 'string' && maybe.code.startsWith('ERR_OB_') ? maybe.code : undefined;
  const details =
    maybe?.details && typeof maybe.details === 'object' ? (maybe.details as Record<string, unknown>) : undefined;
  const check = {
    id: 'verify',
    status: 'failed',
    ...(code ? { code } : {}),
    message: typeof maybe?.message === 'string' ? maybe.message : String(error),
    ...(details ? { details } : {}),
  } as Check;
  const checkedAt = (now && !Number.isNaN(now.getTime()) ? now : new Date()).toISOString();
  return {
    verified: false,
    verdict: 'unverified',
    format: undefined,
    checks: [check],
    credential: undefined,
    badge: undefined,
    checkedAt,
  };
}

function isResult(value: unknown): value is VerificationResult {
  const r = value as Partial<VerificationResult> | null;
  return typeof r === 'object' && r !== null && Array.isArray(r.checks) && typeof r.verdict === 'string';
}

// Badge data is untrusted and comes through a render model that should be well typed; these keep a
// buggy or hostile model from breaking the render (a non-string becomes nothing, not "[object Object]").
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function list<T>(value: unknown): readonly T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

const icons = {
  verified: svg`<path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-1.2 14.2-4-4 1.4-1.4 2.6 2.6 5.6-5.6 1.4 1.4-7 7Z" />`,
  unverified: svg`<path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm3.6 12.2-1.4 1.4L12 13.4l-2.2 2.2-1.4-1.4 2.2-2.2-2.2-2.2 1.4-1.4 2.2 2.2 2.2-2.2 1.4 1.4-2.2 2.2 2.2 2.2Z" />`,
  unknown: svg`<path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-2h2v2Zm0-4h-2V7h2v6Z" />`,
  skipped: svg`<path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm5 11H7v-2h10v2Z" />`,
  loading: svg`<path class="spin" d="M12 2a10 10 0 1 0 10 10h-2.5A7.5 7.5 0 1 1 12 4.5V2Z" />`,
  medal: svg`<path d="M7 2h10l-2.2 5.2A7 7 0 1 1 9.2 7.2L7 2Zm5 8a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9Zm0 1.8 1.1 2.2 2.4.3-1.7 1.7.4 2.4-2.2-1.1-2.2 1.1.4-2.4-1.7-1.7 2.4-.3L12 11.8Z" />`,
};

function icon(name: keyof typeof icons, className = 'icon'): TemplateResult {
  return html`<svg
    class=${className}
    viewBox="0 0 24 24"
    width="1em"
    height="1em"
    aria-hidden="true"
    focusable="false"
    fill="currentColor"
  >
    ${icons[name]}
  </svg>`;
}

/**
 * Verifies an Open Badge / Verifiable Credential in the browser and shows it as a card.
 *
 * Input, first one set wins: the `credential` property (object, JWT/JSON text, or a `Blob`/`File`
 * such as a dropped baked PNG or SVG), the `src` attribute (a URL, resolved against the page), or a
 * child `<script type="application/json">` / `<script type="application/jwt">` whose text is the
 * credential (never executed).
 *
 * A page that shows its owner's badges says who the owner is with the `recipient` attribute, or
 * once for the whole page with `<meta name="ob-recipient" content="mailto:…">`; each badge then
 * also checks that it was awarded to that identity.
 *
 * Credentials carried inside another (`result.nested`) are shown with their own verdicts, which
 * never change the outer one: a CLR transcript's achievements and a Verifiable Presentation's
 * credentials as compact cards (nested `<ob-badge>`s fed through `verification`) that expand to
 * the full badge, under a summary ("12 of 13 achievements verified"); endorsements in an
 * "Endorsements" section, those not verified after the others and never styled as trusted. A
 * standalone endorsement credential reads "<endorser> endorses <subject>".
 *
 * @fires ob-verified - {ObVerifiedEvent} Every time a verification settles (verified or not). `event.result` is the `VerificationResult`.
 *
 * @csspart base - The card.
 * @csspart image - The badge image.
 * @csspart name - The badge name (a heading).
 * @csspart verdict - The verdict pill (an ARIA live region, `role="status"`).
 * @csspart banner - The "Not verified: …" / "Status unknown: …" banner.
 * @csspart error - The "This badge could not be read" box.
 * @csspart description - The description.
 * @csspart recipient - "Awarded to …".
 * @csspart owner - "Awarded to the owner of this page" / "Awarded to someone else", when the page names its owner.
 * @csspart reason - The issuer's reason for revoking the badge, quoted.
 * @csspart proxy - The note that some answers came through a CORS proxy.
 * @csspart issuer - The issuer block.
 * @csspart dates - The issued / valid-from / expiry list.
 * @csspart criteria - The criteria section.
 * @csspart evidence - The evidence section.
 * @csspart alignments - Skills and standards.
 * @csspart tags - The tag list.
 * @csspart checks - The `<details>` list of checks.
 * @csspart holder - A presentation's holder ("Presented by …"), and whether the key that signed it is theirs.
 * @csspart endorsement - A standalone endorsement credential's "<endorser> endorses <subject>".
 * @csspart transcript - A CLR's achievements: the summary and the cards.
 * @csspart credentials - A presentation's credentials: the summary and the cards.
 * @csspart nested-summary - "12 of 13 achievements verified", and which ones are not (also shown when compact).
 * @csspart nested-toggle - The "Show details" button under each nested card.
 * @csspart endorsements - The endorsements of the badge, its achievement or its issuer.
 * @csspart endorsement-checks - The `<details>` list of one endorsement's checks.
 *
 * @cssstate loading - A verification is running.
 * @cssstate verified - Every check passed.
 * @cssstate unverified - A check failed; the content is shown, marked unverified.
 * @cssstate unknown - No check failed but one could not be completed.
 * @cssstate error - No badge could be read (malformed input, fetch failure, verifier error).
 *
 * @cssproperty --ob-font-family - Font family.
 * @cssproperty --ob-radius - Corner radius of the card.
 * @cssproperty --ob-color-verified - Verified colour (text and icon).
 * @cssproperty --ob-color-unverified - Not verified / error colour.
 * @cssproperty --ob-color-unknown - Status unknown colour.
 * @cssproperty --ob-color-surface - Card background.
 * @cssproperty --ob-color-text - Main text colour.
 * @cssproperty --ob-color-muted - Secondary text colour.
 * @cssproperty --ob-color-border - Borders and separators.
 * @cssproperty --ob-color-link - Link colour.
 * @cssproperty --ob-shadow - Card shadow.
 * @cssproperty --image-size - Badge image size (default 8rem; 3.5rem when compact).
 * @cssproperty --padding - Card padding.
 * @cssproperty --max-width - Card maximum width.
 */
export class ObBadge extends LitElement {
  static override styles = styles;

  /** URL of a hosted badge or credential (resolved against the page's base URL). */
  @property() src?: string;

  /**
   * The credential itself: a parsed object, its text (a compact JWS or JSON), or a file (`Blob` /
   * `File`: JSON, a JWS, or a baked PNG or SVG; read by its content, not its name or type). Takes
   * precedence over `src`.
   */
  @property({ attribute: false }) credential?: Readonly<Record<string, unknown>> | string | Blob;

  /**
   * Who the page says the badge was awarded to: `mailto:…`, `https:…`, `tel:…` or a DID. When
   * absent, the page's `<meta name="ob-recipient" content="…">` is used, read when the badge is
   * verified. When neither is given the recipient is not checked and does not affect the verdict.
   */
  @property() recipient?: string;

  /**
   * A CORS proxy for issuers whose servers do not let browsers read them: a URL template with
   * `{url}`, e.g. `https://proxy.example/fetch?url={url}`. Every check that relied on it says so,
   * since its owner could alter answers. Ignored when a `verifier` is given.
   */
  @property() proxy?: string;

  /**
   * A settled `VerificationResult` to show as it is, without verifying anything: no fetch, no
   * `verify()`, and no `ob-verified` event (nothing was verified here). While set it takes
   * precedence over `credential`, `src` and an inline script (a pending run is aborted); `result`
   * and `verifyComplete` give it back, and states, `compact`, `heading-level` and `messages` work
   * as usual. Clearing it verifies the other inputs again.
   *
   * For results verified elsewhere (a worker, your server) and for the cards of credentials nested
   * in another (a transcript's achievements, a presentation's credentials), which are drawn this
   * way. The element trusts it: it shows "Verified" when `verdict` is `verified` and `verified` is
   * `true`, so give it only what `verify()` returned. Anything that is not a result shows the error
   * state.
   */
  @property({ attribute: false }) verification?: VerificationResult;

  /** The verifier to use. Defaults to one shared `createVerifier()` (one per `proxy`), loaded on first use. */
  @property({ attribute: false }) verifier?: Verifier;

  /** The time to verify at (demos and tests). Defaults to the real clock. */
  @property({ attribute: false }) now?: Date;

  /** Hide the evidence section. */
  @property({ type: Boolean, attribute: 'no-evidence' }) noEvidence = false;

  /** Hide the list of checks. */
  @property({ type: Boolean, attribute: 'no-checks' }) noChecks = false;

  /** A small card: image, name, issuer, verdict (and the checks unless `no-checks`). */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** ARIA heading level of the badge name (1–6); section headings are one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** The strings shown. Replace to translate (see `Messages`). */
  @property({ attribute: false }) messages: Messages = en;

  @state() private _inline: string | undefined;

  /**
   * Image URLs that failed to load (gone, not an image, blocked). A badge image falls back to the
   * placeholder and an issuer logo is left out, rather than a broken-image icon on the card.
   */
  @state() private _brokenImages: ReadonlySet<string> = new Set();

  private readonly _onImageError = (event: Event): void => {
    const url = (event.target as HTMLImageElement).getAttribute('src');
    if (url !== null && !this._brokenImages.has(url)) this._brokenImages = new Set([...this._brokenImages, url]);
  };

  private readonly _internals: ElementInternals;
  private _observer: MutationObserver | undefined;
  /** `verification` as last read, and the result it stands for (an error result when it is not one). */
  private _presetInput: unknown;
  private _presetResult: VerificationResult | undefined;
  /** The result the nested cards below were drawn for; their open/closed state and progress reset with it. */
  private _nestedFor: VerificationResult | undefined;
  /** Ids of the nested cards shown expanded. */
  private _open: ReadonlySet<string> = new Set();
  /** How many nested cards may be drawn now, how many are left in this render, and whether any waited. */
  private _nestedLimit = NESTED_FIRST;
  private _cardsLeft = NESTED_FIRST;
  private _cardsWaiting = false;
  private _grow: { readonly cancel: () => void } | undefined;
  private _pendingEvent: VerificationResult | undefined;
  /** The baked image shown, and the URL made for it (revoked when the result changes or the element leaves). */
  private _baked: { readonly image: BakedImage; readonly url: string; readonly revoke: boolean } | undefined;

  private readonly _run = new VerifyController<RunArgs, VerificationResult>(this, {
    args: () => {
      // A settled result to show: nothing to verify (a pending run is aborted).
      if (this._preset() !== undefined) return undefined;
      const credential = this.credential ?? undefined;
      const src = text(this.src);
      if (credential === undefined && src === undefined && this._inline === undefined) return undefined;
      return [credential, src, this._inline, this.verifier, this.now, text(this.recipient), text(this.proxy)];
    },
    task: async ([credential, src, inline, verifier, now, recipientAttribute, proxy], { signal }) => {
      try {
        const input = this._toInput(credential, src, inline);
        // The page-wide declaration is read now, when this badge is verified.
        const recipient = recipientAttribute?.trim() ?? metaRecipient(this.ownerDocument);
        const active = verifier ?? (await defaultVerifier(proxy?.trim()));
        signal.throwIfAborted();
        const result: unknown = await active.verify(input, {
          signal,
          ...(now ? { now } : {}),
          ...(recipient ? { recipient } : {}),
        });
        return isResult(result) ? result : resultFromError(new TypeError('The verifier returned no result'), now);
      } catch (error) {
        if (signal.aborted) throw error;
        return resultFromError(error, now);
      }
    },
    onComplete: (result) => {
      this._pendingEvent = result;
    },
    onError: (error) => {
      this._pendingEvent = resultFromError(error, this.now);
    },
  });

  constructor() {
    super();
    this._internals = this.attachInternals();
  }

  /** The last settled result (or the `verification` shown); `undefined` while checking or when there is no input. */
  get result(): VerificationResult | undefined {
    const preset = this._preset();
    if (preset) return preset;
    if (this._run.status === 'complete') return this._run.value;
    if (this._run.status === 'error') return resultFromError(this._run.error, this.now);
    return undefined;
  }

  /** Resolves with `result` once the current verification has settled and been rendered. */
  get verifyComplete(): Promise<VerificationResult | undefined> {
    return this._run.complete.then(() => this.updateComplete).then(() => this.result);
  }

  /** The `verification` property as a result: `undefined` when not set, an error result when it is not one. */
  private _preset(): VerificationResult | undefined {
    const given: unknown = this.verification;
    if (given === undefined || given === null) return undefined;
    if (given !== this._presetInput) {
      this._presetInput = given;
      this._presetResult = isResult(given)
        ? given
        : resultFromError(new TypeError('verification is not a VerificationResult'), this.now);
    }
    return this._presetResult;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page: the baked image's URL was revoked on the way out; draw it again (and the
    // nested cards still waiting to be drawn).
    if (this.result?.bakedImage || this._cardsWaiting) this.requestUpdate();
    this._readInline();
    // Static pages may paste the <script> after the element upgrades, or edit it later.
    this._observer ??= new MutationObserver(() => this._readInline());
    this._observer.observe(this, { childList: true, subtree: true, characterData: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._observer?.disconnect();
    this._releaseBaked();
    this._stopGrowing();
  }

  /** Makes the URL of the current result's baked image, releasing the previous one when it changed. */
  private _syncBaked(): void {
    const image = this.isConnected ? this.result?.bakedImage : undefined;
    if (this._baked?.image === image) return;
    this._releaseBaked();
    if (!image) return;
    try {
      const made = bakedImageUrl(image);
      if (made) this._baked = { image, ...made };
    } catch {
      // No image rather than no badge: the placeholder is drawn.
    }
  }

  private _releaseBaked(): void {
    if (this._baked?.revoke) URL.revokeObjectURL(this._baked.url);
    this._baked = undefined;
  }

  private _readInline(): void {
    const script = [...this.children].find(
      (child): child is HTMLScriptElement =>
        child instanceof HTMLScriptElement && INLINE_TYPES.has(child.type.trim().toLowerCase()),
    );
    const content = script?.textContent?.trim();
    this._inline = content ? content : undefined;
  }

  private _toInput(credential: unknown, src: string | undefined, inline: string | undefined): VerifyInput {
    if (credential !== undefined) return credential as VerifyInput;
    if (src !== undefined) {
      try {
        return new URL(src, this.ownerDocument.baseURI);
      } catch {
        return src;
      }
    }
    return inline ?? '';
  }

  private _display(): DisplayVerdict | undefined {
    const preset = this._preset();
    const status = preset ? 'complete' : this._run.status;
    if (status === 'initial') return undefined;
    if (status === 'pending') return 'loading';
    const result = this.result;
    if (!result || !result.badge) return 'error';
    // Never show "Verified" unless both flags agree.
    if (result.verdict === 'verified') return result.verified === true ? 'verified' : 'unverified';
    return result.verdict === 'unknown' ? 'unknown' : 'unverified';
  }

  protected override update(changed: PropertyValues): void {
    // After the controller (a new run clears the result), before render.
    this._syncBaked();
    const result = this.result;
    if (result !== this._nestedFor) {
      this._nestedFor = result;
      this._open = new Set();
      this._nestedLimit = NESTED_FIRST;
      this._stopGrowing();
    }
    this._cardsLeft = this._nestedLimit;
    this._cardsWaiting = false;
    super.update(changed);
    this._setState(this._display());
  }

  /** Draws the next chunk of nested cards when the browser is idle (at the latest after 100 ms). */
  private _growNested(): void {
    if (this._grow || !this.isConnected) return;
    const next = () => {
      this._grow = undefined;
      this._nestedLimit += NESTED_CHUNK;
      this.requestUpdate();
    };
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(next, { timeout: 100 });
      this._grow = { cancel: () => cancelIdleCallback(handle) };
    } else {
      const handle = setTimeout(next, 0);
      this._grow = { cancel: () => clearTimeout(handle) };
    }
  }

  private _stopGrowing(): void {
    this._grow?.cancel();
    this._grow = undefined;
  }

  private _toggle(id: string): void {
    const open = new Set(this._open);
    if (!open.delete(id)) open.add(id);
    this._open = open;
    this.requestUpdate();
  }

  private _setState(current: DisplayVerdict | undefined): void {
    const states = this._internals.states as Set<string> | undefined;
    if (!states) return;
    for (const name of STATES) {
      try {
        if (name === current) states.add(name);
        else states.delete(name);
      } catch {
        // Browsers that predate `:state()` reject plain names; the element still works without states.
      }
    }
  }

  protected override updated(): void {
    if (this._cardsWaiting) this._growNested();
    const result = this.result;
    const badge = result?.badge;
    if (badge && !isMarkdownReady() && this._hasMarkdown(badge, result)) {
      loadMarkdown().then(
        () => this.requestUpdate(),
        () => undefined, // Keep the plain-text narrative.
      );
    }
    const event = this._pendingEvent;
    if (event) {
      this._pendingEvent = undefined;
      this.dispatchEvent(new ObVerifiedEvent(event));
    }
  }

  private _hasMarkdown(badge: BadgeView, result: VerificationResult | undefined): boolean {
    if (text(badge.criteria?.narrative) || text(badge.endorsement?.comment)) return true;
    if (!this.noEvidence && list<EvidenceView>(badge.evidence).some((item) => text(item?.narrative))) return true;
    // Only a verified endorsement's comment is drawn as Markdown.
    return (
      !this.compact &&
      nestedOf(result?.nested, 'endorsement').some(
        (item) => verdictOfNested(item) === 'verified' && text(item.result.badge?.endorsement?.comment),
      )
    );
  }

  protected override render(): unknown {
    const display = this._display();
    if (!display) return nothing;
    try {
      return this._renderCard(display, this.result);
    } catch {
      // A render model we could not draw: the error box, never an exception out of the element.
      return this._renderCard('error', resultFromError(new TypeError('Unrenderable badge'), this.now), true);
    }
  }

  private _context(result: VerificationResult | undefined): MessageContext & { lang: string | undefined } {
    const lang = languageOf(this);
    return {
      lang,
      formatDate: (value) => formatDate(value, lang),
      formatTime: (value) => formatTime(value, lang),
      format: result?.format,
    };
  }

  private _renderCard(
    display: DisplayVerdict,
    result: VerificationResult | undefined,
    fallback = false,
  ): TemplateResult {
    const m = this.messages;
    const badge = fallback ? undefined : result?.badge;
    const context = this._context(result);
    const checks = list<Check>(result?.checks);
    const problem = firstProblem(checks);
    const problemText = problem ? m.checkSentence(problem, context) : undefined;
    // An unreadable badge is still "status unknown", not "not verified", when nothing was judged
    // (a server that does not let browsers read it).
    const pill: DisplayVerdict = display === 'error' && result?.verdict === 'unknown' ? 'unknown' : display;
    // A check the page did not ask for (no recipient declared) was never run: not listed.
    const shown = checks.filter((check) => !(check && typeof check === 'object' && isNotRequested(check)));
    const reason = problem?.code === 'ERR_OB_REVOKED' ? this._revocationReason(problem, badge) : undefined;
    const proxied = checks.find((check) => check?.details?.['viaProxy'] !== undefined);
    const level = Math.min(6, Math.max(1, Math.trunc(this.headingLevel) || 3));
    const name = text(badge?.name);
    // A presentation nobody signed is a container of credentials, each judged on its own: neither
    // "verified" nor a failed presentation, and said so in its own words.
    const unsigned =
      display === 'unknown' && problem?.status === 'warning' && problem.code === 'ERR_OB_PRESENTATION_UNSIGNED';
    const verdictText = unsigned ? m.unsignedVerdict : m.verdict(pill);

    return html`
      <article
        part="base"
        class="badge badge--${display}"
        aria-busy=${display === 'loading' ? 'true' : 'false'}
        aria-labelledby=${name ? 'name' : nothing}
      >
        <div class="badge__media">${this._renderImage(badge, display)}</div>
        <div class="badge__body">
          <header class="badge__header">
            <div class="badge__titles">
              ${badge && text(badge.achievementType) ? html`<p class="badge__type">${badge.achievementType}</p>` : nothing}
              ${
                name
                  ? html`<p id="name" part="name" class="badge__name" role="heading" aria-level=${level}>${name}</p>`
                  : display === 'loading'
                    ? html`<p class="badge__placeholder">${m.loading}</p>`
                    : nothing
              }
            </div>
            <p part="verdict" class="verdict verdict--${unsigned ? 'unsigned' : pill}" role="status">
              ${icon(pill === 'error' ? 'unverified' : pill)}<span class="verdict__text">${verdictText}</span>
            </p>
          </header>
          ${
            unsigned
              ? html`<p part="banner" class="banner banner--unsigned">
                  ${icon('unknown')}<span class="banner__text"
                    >${m.unsignedPresentation(nestedOf(result?.nested, 'credential').length)}</span
                  >
                </p>`
              : display === 'unverified' || display === 'unknown'
                ? html`<p part="banner" class="banner banner--${display}">
                    ${icon(display)}<span class="banner__text"
                      >${m.banner(display, problemText)} ${reason ? this._renderReason(reason) : nothing}</span
                    >
                  </p>`
                : nothing
          }
          ${
            display === 'error'
              ? html`<div part="error" class="error">
                  ${icon(pill === 'unknown' ? 'unknown' : 'unverified')}
                  <p>${m.unreadable(problemText)}</p>
                </div>`
              : nothing
          }
          ${badge ? this._renderContent(badge, result!, context, level) : nothing}
          ${
            proxied
              ? html`<p part="proxy" class="proxy-note">${m.proxyNote(displayHost(proxied.details!['viaProxy']))}</p>`
              : nothing
          }
          ${result && !this.noChecks && shown.length > 0 ? this._renderChecks(result, shown, context, badge) : nothing}
        </div>
      </article>
    `;
  }

  /** The issuer's reason for a revocation: the status check's, else the render model's; clipped, or undefined. */
  private _revocationReason(check: Check, badge: BadgeView | undefined): string | undefined {
    const view = badge as (BadgeView & { readonly revocationReason?: unknown }) | undefined;
    const reason = text(check.details?.['revocationReason']) ?? text(view?.revocationReason);
    return reason ? clip(reason, MAX_REASON) : undefined;
  }

  /** The issuer's words, quoted and isolated (`<bdi>`): direction marks in them cannot reorder the page's sentence. */
  private _renderReason(reason: string): TemplateResult {
    return html`<span part="reason" class="reason"
      >${this.messages.revocationReason}: <q><bdi>${reason}</bdi></q></span
    >`;
  }

  private _renderImage(badge: BadgeView | undefined, display: DisplayVerdict): TemplateResult {
    // A baked badge is shown as the image it came in, not as the image its data points to.
    const url = this._baked?.url ?? safeImageUrl(badge?.image?.url);
    if (badge && url && !this._brokenImages.has(url)) {
      const alt = text(badge.image?.alt) ?? this.messages.badgeImage(text(badge.name) ?? '');
      return html`<img
        part="image"
        class="badge__image"
        src=${url}
        alt=${alt}
        loading="lazy"
        decoding="async"
        referrerpolicy="no-referrer"
        @error=${this._onImageError}
      />`;
    }
    return html`<div
      part="image"
      class="badge__image badge__image--placeholder ${display === 'loading' ? 'is-loading' : ''}"
    >
      ${icon(display === 'error' ? 'unverified' : 'medal', 'placeholder-icon')}
    </div>`;
  }

  private _link(url: string | undefined, content: unknown, className = ''): TemplateResult {
    const href = safeLinkUrl(url);
    if (!href) return html`<span class=${className}>${content}</span>`;
    return html`<a class=${className} href=${href} target="_blank" rel="noopener noreferrer nofollow"
      >${content}<span class="sr-only"> ${this.messages.opensInNewTab}</span></a
    >`;
  }

  private _renderContent(
    badge: BadgeView,
    result: VerificationResult,
    context: ReturnType<ObBadge['_context']>,
    level: number,
  ): TemplateResult {
    const m = this.messages;
    const compact = this.compact;
    const recipient = text(badge.recipient?.name);
    const description = text(badge.description);
    const narrative = this._narratives(level);
    return html`
      ${recipient ? html`<p part="recipient" class="recipient">${m.awardedTo(recipient)}</p>` : nothing}
      ${this._renderOwner(result)} ${this._renderHolder(badge, result)} ${this._renderIssuer(badge)}
      ${this._renderEndorsementStatement(badge, narrative)}
      ${!compact && description ? html`<p part="description" class="description">${description}</p>` : nothing}
      ${compact ? nothing : this._renderDates(badge, result, context)}
      ${this._renderNested(badge, result, level, 'achievement')}
      ${this._renderNested(badge, result, level, 'credential')}
      ${compact ? nothing : this._renderCriteria(badge, level, narrative)}
      ${compact || this.noEvidence ? nothing : this._renderEvidence(badge, level, narrative)}
      ${compact ? nothing : this._renderAlignments(badge, level)} ${compact ? nothing : this._renderTags(badge)}
      ${compact ? nothing : this._renderEndorsements(result, level, narrative)}
    `;
  }

  /**
   * Whether the badge is the page owner's, when the page named its owner. Fixed text only: the
   * badge's recipient identity may be a hash, which is never shown as if it were a name.
   */
  private _renderOwner(result: VerificationResult): TemplateResult | typeof nothing {
    const check = list<Check>(result.checks).find((item) => item?.id === 'recipient');
    let outcome: 'match' | 'mismatch' | 'unchecked';
    if (check?.status === 'passed') outcome = 'match';
    else if (check?.status === 'failed' && check.code === 'ERR_OB_RECIPIENT_MISMATCH') outcome = 'mismatch';
    else if (check?.status === 'failed' || check?.status === 'warning') outcome = 'unchecked';
    // Not asked for, or not run because the signature failed (the banner says so): nothing to say.
    else return nothing;
    const iconName = outcome === 'match' ? 'verified' : outcome === 'mismatch' ? 'unverified' : 'unknown';
    return html`<p part="owner" class="owner owner--${outcome}">
      ${icon(iconName, 'icon owner__icon')}<span>${this.messages.ownerRecipient(outcome)}</span>
    </p>`;
  }

  private _renderIssuer(badge: BadgeView): TemplateResult | typeof nothing {
    const issuer = badge.issuer ?? {};
    const id = text(issuer.id);
    // The identity a visitor compares: ASCII hosts, never cut (see displayId). Only a did:key or
    // did:jwk is shortened, in the middle, with the whole id as its title.
    const fullId = id ? displayId(id, Infinity) : undefined;
    const shortId = id ? displayId(id) : undefined;
    const ownName = text(issuer.name);
    const name = ownName ?? fullId;
    if (!name) return nothing;
    const image = safeImageUrl(issuer.image?.url);
    return html`<div part="issuer" class="issuer">
      ${
        image && !this._brokenImages.has(image)
          ? html`<img
              class="issuer__image"
              src=${image}
              alt=${text(issuer.image?.alt) ?? this.messages.issuerImage(name)}
              loading="lazy"
              decoding="async"
              referrerpolicy="no-referrer"
              @error=${this._onImageError}
            />`
          : nothing
      }
      <div class="issuer__text">
        <span class="label">${this.messages.issuedBy}</span>
        ${this._link(issuer.url, name, 'issuer__name')}
        ${
          ownName && shortId && shortId !== ownName
            ? html`<span class="issuer__id" title=${shortId === fullId ? nothing : fullId!}>${shortId}</span>`
            : nothing
        }
      </div>
    </div>`;
  }

  private _renderDates(
    badge: BadgeView,
    result: VerificationResult,
    context: ReturnType<ObBadge['_context']>,
  ): TemplateResult | typeof nothing {
    const m = this.messages;
    const issued = text(badge.issuedOn);
    const from = text(badge.validFrom);
    const until = text(badge.validUntil);
    if (!issued && !from && !until) return nothing;
    const checkedAt = Date.parse(result.checkedAt);
    const expired = until !== undefined && Number.isFinite(checkedAt) && Date.parse(until) < checkedAt;
    const row = (label: string, value: string) =>
      html`<div class="dates__row">
        <dt>${label}</dt>
        <dd><time datetime=${value}>${context.formatDate(value)}</time></dd>
      </div>`;
    return html`<dl part="dates" class="dates">
      ${issued ? row(m.issued, issued) : nothing} ${from && from !== issued ? row(m.validFrom, from) : nothing}
      ${until ? row(expired ? m.expired : m.expires, until) : nothing}
    </dl>`;
  }

  private _sectionHeading(id: string, label: string, level: number): TemplateResult {
    return html`<p id=${id} class="section__title" role="heading" aria-level=${Math.min(6, level + 1)}>${label}</p>`;
  }

  /** Renders a badge's narratives in document order, as Markdown while its allowance lasts. */
  private _narratives(level: number): NarrativeRenderer {
    let left = MARKDOWN_CHARS_PER_BADGE;
    const headingLevel = Math.min(6, level + 2);
    return (source) => {
      const cost = Math.min(source.length, MAX_MARKDOWN_LENGTH);
      const markdown = cost <= left;
      if (markdown) left -= cost;
      // `guard`: an unchanged narrative is not walked again when the card re-renders.
      return guard([source, headingLevel, markdown, isMarkdownReady()], () =>
        markdown ? renderMarkdown(source, { headingLevel }) : renderPlainText(source),
      );
    };
  }

  private _renderCriteria(
    badge: BadgeView,
    level: number,
    renderNarrative: NarrativeRenderer,
  ): TemplateResult | typeof nothing {
    const narrative = text(badge.criteria?.narrative);
    const url = safeLinkUrl(badge.criteria?.url);
    if (!narrative && !url) return nothing;
    return html`<section part="criteria" class="section criteria" aria-labelledby="criteria-title">
      ${this._sectionHeading('criteria-title', this.messages.criteria, level)}
      ${narrative ? renderNarrative(narrative) : nothing}
      ${url ? html`<p class="criteria__link">${this._link(url, this.messages.criteriaLink)}</p>` : nothing}
    </section>`;
  }

  private _renderEvidence(
    badge: BadgeView,
    level: number,
    renderNarrative: NarrativeRenderer,
  ): TemplateResult | typeof nothing {
    const items = list<EvidenceView>(badge.evidence).filter((item) => item && typeof item === 'object');
    if (items.length === 0) return nothing;
    return html`<section part="evidence" class="section evidence" aria-labelledby="evidence-title">
      ${this._sectionHeading('evidence-title', this.messages.evidence, level)}
      <ul class="evidence__list">
        ${items.map((item) => {
          const name = text(item.name);
          const url = safeLinkUrl(item.id);
          const narrative = text(item.narrative);
          return html`<li class="evidence__item">
            ${name ? html`<p class="evidence__name">${this._link(url, name)}</p>` : nothing}
            ${text(item.description) ? html`<p class="evidence__description">${item.description}</p>` : nothing}
            ${narrative ? renderNarrative(narrative) : nothing}
            ${url && !name ? html`<p>${this._link(url, this.messages.evidenceLink)}</p>` : nothing}
          </li>`;
        })}
      </ul>
    </section>`;
  }

  private _renderAlignments(badge: BadgeView, level: number): TemplateResult | typeof nothing {
    const items = list<AlignmentView>(badge.alignments).filter((item) => text(item?.name));
    if (items.length === 0) return nothing;
    return html`<section part="alignments" class="section alignments" aria-labelledby="alignments-title">
      ${this._sectionHeading('alignments-title', this.messages.alignments, level)}
      <ul class="chips">
        ${items.map((item) => {
          const meta = [text(item.framework), text(item.code)].filter(Boolean).join(' · ');
          return html`<li class="chip" title=${text(item.description) ?? nothing}>
            ${this._link(item.url, item.name)}${meta ? html`<span class="chip__meta">${meta}</span>` : nothing}
          </li>`;
        })}
      </ul>
    </section>`;
  }

  private _renderTags(badge: BadgeView): TemplateResult | typeof nothing {
    const tags = list<unknown>(badge.tags).filter((tag): tag is string => text(tag) !== undefined);
    if (tags.length === 0) return nothing;
    return html`<ul part="tags" class="tags" aria-label=${this.messages.tags}>
      ${tags.map((tag) => html`<li class="tag">${tag}</li>`)}
    </ul>`;
  }

  /** A presentation's holder, and whether the key that signed it is theirs. */
  private _renderHolder(badge: BadgeView, result: VerificationResult): TemplateResult | typeof nothing {
    const holder = badge.spec === 'vp' ? text(badge.holder) : undefined;
    const shown = holder ? displayId(holder, 120) : undefined;
    if (!shown) return nothing;
    const check = list<Check>(result.checks).find((item) => item?.id === 'holder');
    const outcome =
      check?.status === 'passed'
        ? 'proven'
        : check?.status === 'failed' && check.code === 'ERR_OB_HOLDER_MISMATCH'
          ? 'mismatch'
          : 'unproven';
    const tone = outcome === 'proven' ? 'match' : outcome === 'mismatch' ? 'mismatch' : 'unchecked';
    const iconName = outcome === 'proven' ? 'verified' : outcome === 'mismatch' ? 'unverified' : 'unknown';
    return html`<p part="holder" class="owner owner--${tone}">
      ${icon(iconName, 'icon owner__icon')}<span>${this.messages.presentedBy(shown, outcome)}</span>
    </p>`;
  }

  /** A standalone endorsement credential: who endorses what, and the endorser's comment. */
  private _renderEndorsementStatement(
    badge: BadgeView,
    renderNarrative: NarrativeRenderer,
  ): TemplateResult | typeof nothing {
    if (badge.spec !== 'endorsement') return nothing;
    const endorser = this._nameOfIssuer(badge);
    const subjectId = text(badge.endorsement?.subjectId);
    const subject = subjectId ? displayId(subjectId, 120) : undefined;
    const comment = text(badge.endorsement?.comment);
    return html`<p part="endorsement" class="endorsement-statement">${this.messages.endorses(endorser, subject)}</p>
      ${!this.compact && comment ? html`<div class="endorsement-statement__comment">${renderNarrative(comment)}</div>` : nothing}`;
  }

  /** An issuer as a name: its own name (clipped), else its id as displayed. */
  private _nameOfIssuer(badge: BadgeView | undefined): string | undefined {
    const name = text(badge?.issuer?.name);
    if (name) return clip(name, MAX_NESTED_NAME);
    const id = text(badge?.issuer?.id);
    return id ? displayId(id, MAX_NESTED_NAME) : undefined;
  }

  private _nestedName(item: NestedResult): string {
    const name = text(item.result.badge?.name);
    return name ? clip(name, MAX_NESTED_NAME) : this.messages.untitledCredential;
  }

  /**
   * "12 of 13 achievements verified · 1 not verified", then the names of those that did not
   * verify, each quoted and isolated: a name is the issuer's text, never part of our sentence.
   */
  private _renderNestedSummary(role: NestedRole, items: readonly NestedResult[], counts: NestedCounts): TemplateResult {
    const m = this.messages;
    const problems = (['unverified', 'unknown'] as const).filter((verdict) => counts[verdict] > 0);
    if (role === 'endorsement') {
      // Endorsements are secondary: a plain count; each is named, with its verdict, in the list.
      return html`<p part="nested-summary" class="nested__count nested__count--plain">
        <span>${m.nestedSummary(role, counts)}</span>
        ${problems.map((verdict) => html` <span class="nested__tally">${m.nestedCount(verdict, counts[verdict])}</span>`)}
      </p>`;
    }
    const tone = counts.unverified > 0 ? 'unverified' : counts.unknown > 0 ? 'unknown' : 'verified';
    return html`<div part="nested-summary" class="nested__summary nested__summary--${tone}">
      <p class="nested__count">
        ${icon(tone, 'icon nested__icon')}<span>${m.nestedSummary(role, counts)}</span>
        ${problems.map((verdict) => html` <span class="nested__tally">${m.nestedCount(verdict, counts[verdict])}</span>`)}
      </p>
      ${problems.map((verdict) => {
        const names = items.filter((item) => verdictOfNested(item) === verdict).map((item) => this._nestedName(item));
        const shown = names.slice(0, MAX_NESTED_NAMES);
        return html`<p class="nested__names">
          <span class="nested__lead">${m.nestedNamesLead(verdict)}</span>
          ${shown.map((name) => html` <bdi class="nested__name"><q>${name}</q></bdi>`)}
          ${names.length > shown.length ? html`<span class="nested__more">${m.nestedMore(names.length - shown.length)}</span>` : nothing}
        </p>`;
      })}
    </div>`;
  }

  /**
   * A transcript's achievements or a presentation's credentials: the summary, then (unless compact)
   * each as a compact card that expands to the full badge. Long lists are drawn in chunks.
   */
  private _renderNested(
    badge: BadgeView,
    result: VerificationResult,
    level: number,
    role: 'achievement' | 'credential',
  ): TemplateResult | typeof nothing {
    const items = nestedOf(result.nested, role);
    if (items.length === 0) return nothing;
    const m = this.messages;
    // A transcript is arranged (associations, types, dates); a presentation keeps its holder's order.
    const arrangement =
      role === 'achievement'
        ? arrangeNested(items, list(badge.associations))
        : {
            mode: 'flat' as const,
            groups: [{ label: undefined, nodes: items.map((item, index) => ({ item, index, children: [] })) }],
          };
    // The summary names them in the order the cards are shown.
    const summary = this._renderNestedSummary(role, flattenNested(arrangement), countNested(items));
    if (this.compact) return summary;
    const labelled = arrangement.mode === 'type';
    const titleId = `${role}-title`;
    const before = this._cardsLeft;
    const groups = arrangement.groups.map((group, index) => {
      const cards = group.nodes.map((node) => this._renderNestedCard(node, role, level + (labelled ? 3 : 2), badge));
      if (!labelled)
        return html`<ul class="nested__list">
          ${cards}
        </ul>`;
      const groupId = `${role}-group-${index}`;
      return html`<div class="nested__group" role="group" aria-labelledby=${groupId}>
        <p id=${groupId} class="nested__group-title" role="heading" aria-level=${Math.min(6, level + 2)}>
          ${m.achievementGroup(group.label)}
        </p>
        <ul class="nested__list">
          ${cards}
        </ul>
      </div>`;
    });
    const shown = before - this._cardsLeft;
    const waiting = shown < items.length;
    return html`<section
      part=${role === 'achievement' ? 'transcript' : 'credentials'}
      class="section nested"
      aria-labelledby=${titleId}
      aria-busy=${waiting ? 'true' : 'false'}
    >
      ${this._sectionHeading(titleId, m.nestedHeading(role), level)} ${summary} ${groups}
      ${waiting ? html`<p class="nested__progress">${m.nestedProgress(shown, items.length)}</p>` : nothing}
    </section>`;
  }

  /** One nested credential: a compact `<ob-badge>` showing its settled result, and the button that expands it. */
  private _renderNestedCard(
    node: { readonly item: NestedResult; readonly index: number; readonly children: readonly unknown[] },
    role: NestedRole,
    level: number,
    outer: BadgeView,
  ): TemplateResult | typeof nothing {
    if (this._cardsLeft <= 0) {
      this._cardsWaiting = true;
      return nothing;
    }
    this._cardsLeft--;
    const m = this.messages;
    const id = `${role}-${node.index}`;
    const open = this._open.has(id);
    const children = node.children as readonly (typeof node)[];
    // A closed card leaves out what the outer card already says: the same learner, the same issuer.
    const view = node.item.result.badge;
    const recipient = text(outer.recipient?.name);
    const issuer = text(outer.issuer?.id);
    const same = [
      !open && recipient !== undefined && text(view?.recipient?.name) === recipient
        ? 'nested__card--same-recipient'
        : '',
      !open && issuer !== undefined && text(view?.issuer?.id) === issuer ? 'nested__card--same-issuer' : '',
    ].join(' ');
    return html`<li class="nested__item">
      <ob-badge
        id=${id}
        class="nested__card ${same}"
        lang=${languageOf(this) ?? nothing}
        heading-level=${Math.min(6, level)}
        ?compact=${!open}
        ?no-checks=${!open || this.noChecks}
        ?no-evidence=${this.noEvidence}
        .messages=${m}
        .verification=${node.item.result}
      ></ob-badge>
      <button
        type="button"
        part="nested-toggle"
        class="nested__toggle"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${id}
        @click=${() => this._toggle(id)}
      >
        ${open ? m.hideDetails : m.showDetails}<span class="sr-only">: ${this._nestedName(node.item)}</span>
      </button>
      ${
        children.length > 0
          ? html`<ul class="nested__list nested__list--children">
              ${children.map((child) => this._renderNestedCard(child, role, level + 1, outer))}
            </ul>`
          : nothing
      }
    </li>`;
  }

  /**
   * Endorsements of this credential, its achievement or its issuer: verified ones first, as
   * endorsements; the others after them, plainly marked not verified, with no link, logo or
   * Markdown (their words are shown as plain text), so nothing about them reads as trusted.
   */
  private _renderEndorsements(
    result: VerificationResult,
    level: number,
    renderNarrative: NarrativeRenderer,
  ): TemplateResult | typeof nothing {
    const items = orderEndorsements(nestedOf(result.nested, 'endorsement'));
    if (items.length === 0) return nothing;
    const m = this.messages;
    return html`<section part="endorsements" class="section endorsements" aria-labelledby="endorsement-title">
      ${this._sectionHeading('endorsement-title', m.nestedHeading('endorsement'), level)}
      ${this._renderNestedSummary('endorsement', items, countNested(items))}
      <ul class="endorsements__list">
        ${items.map((item) => {
          try {
            return this._renderEndorsement(item, renderNarrative);
          } catch {
            // One endorsement we could not draw: said so, without taking the badge down with it.
            return html`<li class="endorsement endorsement--untrusted">
              <p class="verdict verdict--small verdict--unverified">
                ${icon('unverified')}<span class="verdict__text">${m.verdict('unverified')}</span>
              </p>
              <p class="endorsement__reason">${m.unexpectedError}</p>
            </li>`;
          }
        })}
      </ul>
    </section>`;
  }

  private _renderEndorsement(item: NestedResult, renderNarrative: NarrativeRenderer): TemplateResult {
    const m = this.messages;
    const result = item.result;
    const verdict = verdictOfNested(item);
    const trusted = verdict === 'verified';
    const view = result.badge;
    const endorser = this._nameOfIssuer(view) ?? m.untitledCredential;
    const id = text(view?.issuer?.id);
    const shortId = id ? displayId(id) : undefined;
    const comment = text(view?.endorsement?.comment);
    const context = this._context(result);
    const all = list<Check>(result.checks).filter((check) => check !== null && typeof check === 'object');
    const checks = all.filter((check) => !isNotRequested(check));
    const problem = trusted ? undefined : firstProblem(all);
    return html`<li class="endorsement endorsement--${trusted ? 'trusted' : 'untrusted'}">
      <div class="endorsement__head">
        <p class="endorsement__by">
          <span class="label">${m.endorsedBy}</span>
          ${trusted ? this._link(view?.issuer?.url, endorser, 'endorsement__name') : html`<span class="endorsement__name">${endorser}</span>`}
          ${shortId && shortId !== endorser ? html`<span class="issuer__id">${shortId}</span>` : nothing}
        </p>
        <p class="verdict verdict--small verdict--${verdict}">
          ${icon(verdict)}<span class="verdict__text">${m.verdict(verdict)}</span>
        </p>
      </div>
      <p class="endorsement__about">${m.endorsementAbout(item.about?.target)}</p>
      ${problem ? html`<p class="endorsement__reason">${m.checkSentence(problem, context)}</p>` : nothing}
      ${
        comment
          ? html`<div class="endorsement__comment">
              ${trusted ? renderNarrative(comment) : html`<p class="md--plain">${clip(comment, MAX_UNTRUSTED_COMMENT)}</p>`}
            </div>`
          : nothing
      }
      ${
        !this.noChecks && checks.length > 0
          ? this._renderChecks(result, checks, context, view, {
              part: 'endorsement-checks',
              summary: m.endorsementChecksSummary(checks.length),
            })
          : nothing
      }
    </li>`;
  }

  private _renderChecks(
    result: VerificationResult,
    checks: readonly Check[],
    context: ReturnType<ObBadge['_context']>,
    badge: BadgeView | undefined,
    { part = 'checks', summary }: { part?: string; summary?: string } = {},
  ): TemplateResult {
    const m = this.messages;
    const known = new Set(['passed', 'failed', 'warning', 'skipped']);
    const iconFor = { passed: 'verified', failed: 'unverified', warning: 'unknown', skipped: 'skipped' } as const;
    return html`<details part=${part} class="checks">
      <summary>${summary ?? m.checksSummary(checks.length)}</summary>
      <ol class="checks__list">
        ${checks.map((check) => {
          const status = known.has(check?.status) ? check.status : 'failed';
          const reason =
            status === 'failed' && check.code === 'ERR_OB_REVOKED' ? this._revocationReason(check, badge) : undefined;
          return html`<li class="check check--${status}">
            ${icon(iconFor[status], 'icon check__icon')}
            <span class="check__body">
              <span class="check__label"
                >${m.checkLabel(String(check.id), check.details)}<span class="sr-only"
                  >: ${m.checkStatus(status)}</span
                ></span
              >
              <span class="check__text">${m.checkSentence({ ...check, status }, context)}</span>
              ${reason ? this._renderReason(reason) : nothing}
            </span>
          </li>`;
        })}
      </ol>
      <p class="checks__time">${m.checkedAt(formatDateTime(result.checkedAt, context.lang))}</p>
    </details>`;
  }
}

if (!customElements.get('ob-badge')) customElements.define('ob-badge', ObBadge);

declare global {
  interface HTMLElementTagNameMap {
    'ob-badge': ObBadge;
  }
}
