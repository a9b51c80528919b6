import { adoptStyles, html, LitElement, nothing, type CSSResult, type PropertyValues, type TemplateResult } from 'lit';
import type { BakedImage, Check, NestedResult, VerificationResult } from '../../core/result.js';
import { firstProblem, isNotRequested } from '../../core/result.js';
import type { TrustList } from '../../core/trust/trust.js';
import type { Verifier, VerifyInput } from '../../core/verify.js';
import type { AlignmentView, BadgeView, EvidenceView } from '../../core/view.js';
import { ObVerifiedEvent } from '../../events/verified-event.js';
import { defaultVerifier } from '../base/default-verifier.js';
import { displayId } from '../../render/display-id.js';
import { formatDate, formatDateTime, formatTime, languageOf } from '../../messages/format-date.js';
import { nestedOf } from '../../render/nested-results.js';
import {
  isMarkdownReady,
  loadMarkdown,
  markdownStyles,
  mayBeMarkdown,
  MAX_MARKDOWN_LENGTH,
  renderMarkdown,
  renderPlainText,
} from '../../render/markdown.js';
import {
  areProblemMessagesReady,
  cardEn,
  displayHost,
  loadProblemMessages,
  withFallback,
  type CardMessages,
  type DisplayVerdict,
  type Messages,
  type TrustMessages,
} from '../../messages/messages-base.js';
import type * as NearViewportModule from '../base/near-viewport.js';
import type * as BakedImageModule from '../base/baked-image-url.js';
import { safeImageUrl, safeLinkUrl } from '../../render/safe-url.js';
import { clip, list, text } from '../../render/untrusted.js';
import { isResult, resultFromError, setCustomState } from '../base/results.js';
import { VerifyController } from '../base/verify-controller.js';
import { lazyModule } from '../base/lazy-module.js';
import { verifyQueue, type ReleaseSlot } from '../base/verify-queue.js';
import type * as TrustModule from './badge-trust.js';
import type { CheckContext, NarrativeRenderer, NestedRenderer } from './badge-nested.js';
import { checkListStyles } from '../base/check-list.styles.js';
import { CHECK_ICONS, icon } from '../base/icons.js';
import { isolated, knownOf, trustOf } from './badge-parts.js';
import { tokens } from '../tokens.styles.js';
import { styles } from './badge.styles.js';

/** Inline credential types read from a child `<script>`; browsers never execute these types. */
const INLINE_TYPES = new Set(['application/json', 'application/ld+json', 'application/jwt', 'application/vc+jwt']);

const STATES = ['loading', 'verified', 'unverified', 'unknown', 'error'] as const;

/**
 * Narrative characters one badge renders as Markdown; later narratives are shown as plain text.
 * Each narrative's lexing is bounded (ADR 0012), but a badge can carry a criteria narrative and 50
 * evidence narratives of 20 KB each.
 */
const MARKDOWN_CHARS_PER_BADGE = 30_000;

/** The longest revocation reason shown; the issuer's words, quoted, so a reason cannot fill the card. */
const MAX_REASON = 200;

/**
 * Nested cards (a transcript's achievements, a presentation's credentials) drawn in the first
 * render; the rest follow in chunks, one per idle period (`growLater` in badge-nested.ts), so a
 * 100-achievement transcript never blocks the page in one long task.
 */
const NESTED_FIRST = 16;

/** Loaded with `import()` by the first `loading="lazy"` badge: most pages have none. */
let nearViewport: typeof NearViewportModule | undefined;

/**
 * What draws credentials inside credentials, loaded once, as Markdown is: only badges with nested
 * results, presentations and endorsements need it.
 */
const nestedCards = lazyModule(() => import('./badge-nested.js'));

/** What draws who the issuer is, loaded once: only pages that name a trust list or set `check-domain` need it. */
const trustLines = lazyModule(() => import('./badge-trust.js'));

/** Whether a result has parts that the nested module draws: results inside it, a holder, an endorsement statement. */
function needsNested(badge: BadgeView, result: VerificationResult): boolean {
  return badge.spec === 'vp' || badge.spec === 'endorsement' || list(result.nested).length > 0;
}

type RunArgs = readonly [
  credential: unknown,
  src: string | undefined,
  inline: string | undefined,
  verifier: Verifier | undefined,
  now: Date | undefined,
  recipient: string | undefined,
  proxy: string | undefined,
  trustList: unknown,
  trustedIssuers: string | undefined,
  checkDomain: boolean,
];

/**
 * How long the checks settled so far wait to be drawn: each check re-rendered the card, and a
 * warm wall's badges settle within this anyway, so they draw their result and no progress.
 */
const PROGRESS_DELAY_MS = 100;

/** Checks in the order most formats run them: while checking, the first one not settled is named as next. */
const CHECK_ORDER = ['format', 'proof', 'issuer', 'validity', 'status'];

/** A check's status as drawn: anything that is not one of the four reads as failed. */
function statusOf(check: Check | undefined): keyof typeof CHECK_ICONS {
  const status = check?.status;
  return status === 'passed' || status === 'warning' || status === 'skipped' ? status : 'failed';
}

/**
 * Whether a result shows sentences for problems (a check that failed or could not be completed),
 * its own or a nested credential's: those sentences are loaded on demand (`loadProblemMessages`).
 */
function hasProblems(result: Partial<VerificationResult> | undefined, depth = 0): boolean {
  const checks = list<Check>(result?.checks);
  if (checks.some((check) => check?.status !== 'passed' && check?.status !== 'skipped')) return true;
  const nested = depth < 4 ? list<NestedResult>(result?.nested) : [];
  return nested.some((item) => hasProblems(item?.result, depth + 1));
}

/** Loaded with `import()` for the first badge that arrived as a baked image. */
let bakedModule: typeof BakedImageModule | undefined;

/**
 * Loads (once per page) what drawing `result` needs beyond the script-tag bundle: the sentences
 * for its problems, the helper that shows a baked image, what draws who the issuer is (when the
 * result has `trust`, or `trustAsked`: the run asked for it). `undefined` when nothing is missing,
 * else whether all of it loaded; never rejects (without them the card is still drawn: general
 * sentences, the placeholder image, no trust lines).
 */
function prepare(result: VerificationResult | undefined, trustAsked = false): Promise<boolean> | undefined {
  const loads: Promise<unknown>[] = [];
  if (!areProblemMessagesReady() && hasProblems(result)) loads.push(loadProblemMessages());
  if (!trustLines.module && (trustAsked || trustOf(result))) loads.push(trustLines.load());
  if (!bakedModule && result?.bakedImage) {
    loads.push(import('../base/baked-image-url.js').then((module) => (bakedModule = module)));
  }
  return loads.length > 0
    ? Promise.all(loads).then(
        () => true,
        () => false,
      )
    : undefined;
}

function noop(): void {}

/** The page owner's identity from `<meta name="ob-recipient" content="…">`, if the page has one. */
function metaRecipient(document: Document): string | undefined {
  const meta = document.querySelector('meta[name="ob-recipient" i]');
  return text(meta?.getAttribute('content'))?.trim();
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
 * standalone endorsement credential reads "<endorser> endorses <subject>". What draws these is
 * loaded with `import()` the first time a badge has any; the rest of the card is drawn meanwhile.
 *
 * Who the issuer is (ADR 0009): a site that keeps a list of issuers it knows passes it with the
 * `trusted-issuers` attribute (the URL of a JSON trust list, fetched once per page however many
 * badges name it) or the `trustList` property. A verified badge whose issuer is on it reads "Known
 * issuer: <the list's name for it>"; any other issuer's name is labelled as stated by the issuer.
 * With a trust list or the `check-domain` attribute, a web domain confirmed to be the issuer's
 * reads "Domain confirmed: example.edu"; without either nothing is asked of any site but those
 * verification needs, and no trust code is loaded. These lines sit beside the checks, only on a
 * verified badge, and never change the verdict. A badge that is not verified (not verified or
 * status unknown) shows its issuer and recipient only as claims ("Claims to be from …").
 *
 * Badge text is text: stripped of bidi controls by the core, each string in an isolated element
 * of its own, so no name can read as a verdict; only the verdict pill and banner say "Verified".
 *
 * While checking, the checks that have settled are listed as they do ("✓ Signature ✓ Issuer …
 * Checking status…"); the verdict pill, the live region, only announces the outcome.
 *
 * Walls of badges: with `loading="lazy"` a badge draws its "Checking…" card at once and starts
 * verifying only when it comes within about 400px of the viewport. However many badges a page
 * has, at most `ObBadge.concurrency` (default 4) verify at once; the others wait in line, first
 * come first served, and a badge that leaves the page gives its place back.
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
 * @csspart trust - Who the issuer is, beside the checks: "Known issuer: …", "Domain confirmed: …" (verified badges only).
 * @csspart trust-note - The note that the site's trust list could not be loaded.
 * @csspart progress - While checking: the checks settled so far and the one being run.
 *
 * @cssstate loading - A verification is running (or, with `loading="lazy"`, waiting to come into view or for its turn).
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
  static override styles = [tokens, checkListStyles, styles];

  /** @internal Declared here rather than with decorators: this class is in every page's first download. */
  static override properties = {
    src: {},
    credential: { attribute: false },
    recipient: {},
    proxy: {},
    verification: { attribute: false },
    verifier: { attribute: false },
    now: { attribute: false },
    noEvidence: { type: Boolean, attribute: 'no-evidence' },
    noChecks: { type: Boolean, attribute: 'no-checks' },
    compact: { type: Boolean, reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    messages: { attribute: false },
    trustedIssuers: { attribute: 'trusted-issuers' },
    trustList: { attribute: false },
    checkDomain: { type: Boolean, attribute: 'check-domain' },
    loading: {},
    _inline: { state: true },
    _brokenImages: { state: true },
  };

  /**
   * How many `<ob-badge>` elements of the page verify at once (default 4; an integer ≥ 1, or
   * `Infinity`). The others wait in line, first come first served: a wall of 200 badges never
   * sends 200 sets of requests at once. A run gives its place back when it settles or is aborted
   * (its badge left the page, or its inputs changed), and a badge that leaves the page while
   * waiting leaves the line. Raising it starts waiting badges at once.
   */
  static get concurrency(): number {
    return verifyQueue.limit;
  }

  static set concurrency(value: number) {
    verifyQueue.limit = value;
  }

  /** URL of a hosted badge or credential (resolved against the page's base URL). */
  src?: string;

  /**
   * The credential itself: a parsed object, its text (a compact JWS or JSON), or a file (`Blob` /
   * `File`: JSON, a JWS, or a baked PNG or SVG; read by its content, not its name or type). Takes
   * precedence over `src`.
   */
  credential?: Readonly<Record<string, unknown>> | string | Blob;

  /**
   * Who the page says the badge was awarded to: `mailto:…`, `https:…`, `tel:…` or a DID. When
   * absent, the page's `<meta name="ob-recipient" content="…">` is used, read when the badge is
   * verified. When neither is given the recipient is not checked and does not affect the verdict.
   */
  recipient?: string;

  /**
   * A CORS proxy for issuers whose servers do not let browsers read them: a URL template with
   * `{url}`, e.g. `https://proxy.example/fetch?url={url}`. Every check that relied on it says so,
   * since its owner could alter answers. Ignored when a `verifier` is given.
   */
  proxy?: string;

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
  verification?: VerificationResult;

  /** The verifier to use. Defaults to one shared `createVerifier()` (one per `proxy`), loaded on first use. */
  verifier?: Verifier;

  /** The time to verify at (demos and tests). Defaults to the real clock. */
  now?: Date;

  /** Hide the evidence section. */
  noEvidence = false;

  /** Hide the list of checks. */
  noChecks = false;

  /** A small card: image, name, issuer, verdict (and the checks unless `no-checks`). */
  compact = false;

  /** ARIA heading level of the badge name (1–6); section headings are one level below. */
  headingLevel = 3;

  /**
   * The strings shown. Replace to translate (see `Messages`). A member it lacks (or gives with the
   * wrong type) is taken from the English strings, so a partial or older translation still draws.
   * Defaults to the English strings of the card; those of rarer parts (credentials inside
   * credentials, who the issuer is) load with the code that draws them.
   */
  messages: Partial<Messages> = cardEn;

  /**
   * The URL of the site's trust list, a JSON document (docs/trust-list.schema.json) naming the
   * issuers the site knows (resolved against the page). Fetched once per page for all badges,
   * through the same careful loader as badges (timeout, size cap, no credentials). If it cannot be
   * loaded or read, the badge says so in a quiet note and is verified without it. The trust list
   * never changes a verdict: it only adds "Known issuer: …" to verified badges it names.
   */
  trustedIssuers?: string;

  /**
   * The site's trust list, already parsed (`parseTrustList` from `openbadge-embed/core`, or an
   * object of the same shape). Takes precedence over `trusted-issuers`.
   */
  trustList?: TrustList;

  /**
   * Confirm the web domain of a verified badge's issuer ("Domain confirmed: …"). A DID issuer that
   * names a website is looked up on that site (`/.well-known/did-configuration.json`), a request to
   * a host the badge names: off by default, so a badge asks nothing of any site but those its
   * verification needs. A trust list (`trusted-issuers`, `trustList`) asks for it too. The trust
   * code loads with `import()` only when asked.
   */
  checkDomain = false;

  /**
   * `lazy`: draw the "Checking…" card at once, but verify only when the badge comes within about
   * 400px of the viewport (at once where IntersectionObserver is missing). For walls of badges.
   * Default `eager`: verify as soon as there is something to verify. Either way at most
   * `ObBadge.concurrency` badges of the page verify at once. `verifyComplete` waits until the
   * badge has been verified, however long it stays out of view.
   */
  loading: 'eager' | 'lazy' = 'eager';

  private _inline: string | undefined;

  /**
   * Image URLs that failed to load (gone, not an image, blocked). A badge image falls back to the
   * placeholder and an issuer logo is left out, rather than a broken-image icon on the card.
   */
  private _brokenImages: ReadonlySet<string> = new Set();

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
  /** How many nested cards may be drawn now; how many are left in this render, and whether any waited. */
  private _nestedLimit = NESTED_FIRST;
  private _cards: { left: number; waiting: boolean } = { left: NESTED_FIRST, waiting: false };
  private _grow: { readonly cancel: () => void } | undefined;
  /** Whether this render left nested parts out until the nested module has loaded. */
  private _nestedWaiting = false;
  /** The load they wait for; settles once the render after it has been requested. */
  private _nestedLoad: Promise<void> | undefined;
  /** Whether that load failed for this result: the card is then shown without its nested parts. */
  private _nestedFailed = false;
  /**
   * What a shown result needs loaded (see `prepare`), when it was not verified here (a
   * `verification`): the result it was asked for, and the load; the render after it draws it whole.
   */
  private _preparedFor: VerificationResult | undefined;
  private _prepareLoad: Promise<void> | undefined;
  /** Whether the shadow root has the nested parts' styles (adopted when it first draws them). */
  private _nestedStyled = false;
  /** Whether the shadow root has the styles of rendered Markdown (adopted when it first draws some). */
  private _markdownStyled = false;
  /** Whether the shadow root has the trust lines' styles (adopted when it first draws them). */
  private _trustStyled = false;
  /** The narratives drawn for the current result (see `_narratives`); cleared with the result. */
  private _narrativeMemo = new Map<string, { level: number; markdown: boolean; ready: boolean; drawn: unknown }>();
  private _pendingEvent: VerificationResult | undefined;
  /** `messages` as last read, and it with the English strings for what it lacks. */
  private _messagesFor: unknown = cardEn;
  private _messagesMerged: CardMessages = cardEn;
  /** The checks of the current run settled so far (while it is pending). */
  private _progress: readonly Check[] = [];
  /** The result of the run whose trust list could not be loaded or read (it shows the note). */
  private _trustProblem: VerificationResult | undefined;
  /** The baked image shown, and the URL made for it (revoked when the result changes or the element leaves). */
  private _baked: { readonly image: BakedImage; readonly url: string; readonly revoke: boolean } | undefined;

  private readonly _run = new VerifyController<RunArgs, VerificationResult>(this, {
    args: () => {
      // A settled result to show: nothing to verify (a pending run is aborted).
      if (this._preset() !== undefined) return undefined;
      const credential = this.credential ?? undefined;
      const src = text(this.src);
      if (credential === undefined && src === undefined && this._inline === undefined) return undefined;
      return [
        credential,
        src,
        this._inline,
        this.verifier,
        this.now,
        text(this.recipient),
        text(this.proxy),
        this.trustList ?? undefined,
        text(this.trustedIssuers)?.trim(),
        this.checkDomain === true,
      ];
    },
    task: async (
      [credential, src, inline, verifier, now, recipientAttribute, proxy, given, listUrl, checkDomain],
      { signal },
    ) => {
      const progress: Check[] = [];
      this._progress = progress;
      let progressTimer: ReturnType<typeof setTimeout> | undefined;
      let release: ReleaseSlot | undefined;
      // Who the issuer is, only when the page asked: a trust list, or `check-domain`. What draws it
      // loads beside the verifier.
      const trustAsked = checkDomain || given !== undefined || listUrl !== undefined;
      if (trustAsked) void trustLines.load().catch(noop);
      try {
        const input = this._toInput(credential, src, inline);
        if (this._isLazy()) {
          // If it cannot be loaded, the badge is simply verified now.
          nearViewport ??= await import('../base/near-viewport.js').catch(() => undefined);
          signal.throwIfAborted();
          // Still lazy once it has loaded (`loading` may have changed meanwhile): wait to come near.
          if (nearViewport && this._isLazy()) await nearViewport.whenNearViewport(this, signal);
        }
        const trust = await this._trustListFor(given, listUrl, signal);
        // A place among the page's running verifications: given back when this run settles or aborts.
        release = verifyQueue.tryAcquire(signal) ?? (await verifyQueue.acquire(signal));
        // The page-wide declaration is read now, when this badge is verified.
        const recipient = recipientAttribute?.trim() ?? metaRecipient(this.ownerDocument);
        const active = verifier ?? (await defaultVerifier(proxy?.trim()));
        signal.throwIfAborted();
        const result: unknown = await active.verify(input, {
          signal,
          ...(now ? { now } : {}),
          ...(recipient ? { recipient } : {}),
          ...(trust.list ? { trustList: trust.list } : {}),
          ...(trustAsked ? { domainLinkage: true } : {}),
          onCheck: (check) => {
            if (signal.aborted) return;
            // A problem: its sentence will be needed, start loading it now.
            if (hasProblems({ checks: [check] })) void loadProblemMessages().catch(noop);
            progress.push(check);
            // Drawn a moment later, with whatever else settled meanwhile: a run that settles
            // within it (a warm wall's badges) draws only its result.
            progressTimer ??= setTimeout(() => {
              progressTimer = undefined;
              if (!signal.aborted) this.requestUpdate();
            }, PROGRESS_DELAY_MS);
          },
        });
        release();
        const settled = isResult(result)
          ? result
          : resultFromError(new TypeError('The verifier returned no result'), now);
        if (!signal.aborted) this._trustProblem = trust.problem ? settled : undefined;
        await prepare(settled, trustAsked);
        return settled;
      } catch (error) {
        if (signal.aborted) throw error;
        const failed = resultFromError(error, now);
        await prepare(failed);
        return failed;
      } finally {
        clearTimeout(progressTimer);
        release?.();
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

  /**
   * Resolves with `result` once the current verification has settled and been rendered, nested
   * credentials included (`updateComplete` waits for them too).
   */
  get verifyComplete(): Promise<VerificationResult | undefined> {
    return this._run.complete.then(() => this.updateComplete).then(() => this.result);
  }

  /**
   * `updateComplete`, and when a render left nested parts out until their module loaded, the
   * render that draws them (or that gives up on them, when the module cannot be loaded).
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this._nestedLoad || this._prepareLoad) {
      await this._nestedLoad;
      await this._prepareLoad;
      complete = await super.getUpdateComplete();
    }
    return complete;
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
    if (this.result?.bakedImage || this._cards.waiting) this.requestUpdate();
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
    // Without the helper (still loading, see `prepare`) the placeholder is drawn meanwhile.
    if (!image || !bakedModule) return;
    try {
      const made = bakedModule.bakedImageUrl(image);
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

  private _isLazy(): boolean {
    return String(this.loading).trim().toLowerCase() === 'lazy';
  }

  /**
   * The trust list to verify with: the `trustList` property (read as a fetched one is), else the
   * one at `url`. One that cannot be loaded or read is a `problem`, shown as a note; the badge is
   * verified without it.
   */
  private async _trustListFor(
    given: unknown,
    url: string | undefined,
    signal: AbortSignal,
  ): Promise<{ list?: TrustList; problem?: boolean }> {
    if (given === undefined && url === undefined) return {};
    try {
      // Loaded with `import()`: most pages name no trust list.
      const lists = await import('../base/trust-lists.js');
      const list = await lists.untilAborted(
        given !== undefined
          ? lists.readTrustList(given)
          : lists.sharedTrustList(new URL(url!, this.ownerDocument.baseURI).href),
        signal,
      );
      return { list };
    } catch (error) {
      if (signal.aborted) throw error;
      return { problem: true };
    }
  }

  /** The strings, with the English ones for whatever `messages` lacks; merged once per change. */
  private get _m(): CardMessages {
    if (this.messages !== this._messagesFor) {
      this._messagesFor = this.messages;
      this._messagesMerged = withFallback(this.messages, cardEn);
    }
    return this._messagesMerged;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // No longer lazy while waiting to come into view: start now.
    if (changed.has('loading') && !this._isLazy()) nearViewport?.stopWaiting(this);
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
      this._narrativeMemo = new Map();
      this._open = new Set();
      this._nestedLimit = NESTED_FIRST;
      this._nestedFailed = false;
      this._stopGrowing();
    }
    this._cards = { left: this._nestedLimit, waiting: false };
    this._nestedWaiting = false;
    super.update(changed);
    this._setState(this._display());
  }

  /** Adds `styles` after those the shadow root has (as a `<style>` where stylesheets cannot be adopted). */
  private _adoptStyles(styles: CSSResult): void {
    const root = this.renderRoot as ShadowRoot;
    const sheet = styles.styleSheet;
    if (sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    else adoptStyles(root, [styles]);
  }

  /** Draws the next chunk of nested cards when the browser is idle (only the nested module makes cards wait). */
  private _growNested(): void {
    const nestedModule = nestedCards.module;
    if (this._grow || !this.isConnected || !nestedModule) return;
    this._grow = nestedModule.growLater((more) => {
      this._grow = undefined;
      this._nestedLimit += more;
      this.requestUpdate();
    });
  }

  /** Loads the nested module for the parts this render left out, then renders again (without them if it failed). */
  private _loadNested(): void {
    this._nestedLoad ??= nestedCards
      .load()
      .then(
        () => undefined,
        () => {
          this._nestedFailed = true;
        },
      )
      .then(() => {
        this._nestedLoad = undefined;
        this.requestUpdate();
      });
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
    setCustomState(this._internals, STATES, current);
  }

  protected override updated(): void {
    if (this._cards.waiting) this._growNested();
    if (this._nestedWaiting) this._loadNested();
    const result = this.result;
    // A result verified here waited for what it needs; one handed over as `verification` did not.
    if (result !== this._preparedFor) {
      this._preparedFor = result;
      this._prepareLoad = prepare(result)?.then((loaded) => {
        this._prepareLoad = undefined;
        if (loaded) this.requestUpdate();
      });
    }
    const badge = result?.badge;
    if (badge && !isMarkdownReady() && this._hasMarkdown(badge, result)) {
      loadMarkdown().then(
        () => this.requestUpdate(),
        () => undefined, // Keep the plain-text narrative.
      );
    }
    // Fired once the card is drawn whole: after its nested parts when it waited for them.
    const event = this._pendingEvent;
    if (event && !this._nestedWaiting) {
      this._pendingEvent = undefined;
      this.dispatchEvent(new ObVerifiedEvent(event));
    }
  }

  private _hasMarkdown(badge: BadgeView, result: VerificationResult | undefined): boolean {
    // Only narratives that use Markdown syntax load the renderer; plain text is drawn as it is.
    if (mayBeMarkdown(text(badge.criteria?.narrative)) || mayBeMarkdown(text(badge.endorsement?.comment))) return true;
    if (!this.noEvidence && list<EvidenceView>(badge.evidence).some((item) => mayBeMarkdown(text(item?.narrative))))
      return true;
    // Only a verified endorsement's comment is drawn as Markdown (once the nested module drew it).
    const endorsements = this.compact ? [] : nestedOf(result?.nested, 'endorsement');
    return endorsements.length > 0 && nestedCards.module?.hasEndorsementMarkdown(endorsements) === true;
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

  private _context(result: VerificationResult | undefined): CheckContext {
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
    const m = this._m;
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
    // A presentation is headed as one, never by the name its holder wrote into it.
    const name = badge?.spec === 'vp' ? m.presentationName : text(badge?.name);
    // A presentation nobody signed is a container of credentials, each judged on its own: neither
    // "verified" nor a failed presentation, and said so in its own words.
    const unsigned =
      display === 'unknown' && problem?.status === 'warning' && problem.code === 'ERR_OB_PRESENTATION_UNSIGNED';
    const verdictText = unsigned ? m.unsignedVerdict : m.verdict(pill);
    const trust = this._trust();

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
          ${badge ? this._renderContent(badge, result!, context, level, display) : nothing}
          ${
            proxied
              ? html`<p part="proxy" class="proxy-note">${m.proxyNote(displayHost(proxied.details!['viaProxy']))}</p>`
              : nothing
          }
          ${trust && result === this._trustProblem ? trust.module.renderTrustNote(trust.messages) : nothing}
          ${trust && display === 'verified' ? trust.module.renderTrust(result!, trust.messages) : nothing}
          ${display === 'loading' && !this.noChecks ? this._renderProgress() : nothing}
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
      >${this._m.revocationReason}: <q><bdi>${reason}</bdi></q></span
    >`;
  }

  private _renderImage(badge: BadgeView | undefined, display: DisplayVerdict): TemplateResult {
    // A baked badge is shown as the image it came in, not as the image its data points to.
    const url = this._baked?.url ?? safeImageUrl(badge?.image?.url);
    if (badge && url && !this._brokenImages.has(url)) {
      const alt = text(badge.image?.alt) ?? this._m.badgeImage(text(badge.name) ?? '');
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
      >${content}<span class="sr-only"> ${this._m.opensInNewTab}</span></a
    >`;
  }

  private _renderContent(
    badge: BadgeView,
    result: VerificationResult,
    context: CheckContext,
    level: number,
    display: DisplayVerdict,
  ): TemplateResult {
    const m = this._m;
    const compact = this.compact;
    const recipient = text(badge.recipient?.name);
    const description = text(badge.description);
    const narrative = this._narratives(level);
    const nested = this._nested(badge, result);
    // Not verified: who it names is only what it claims, and reads so (ADR 0009).
    const verified = display === 'verified';
    return html`
      ${
        recipient
          ? verified
            ? html`<p part="recipient" class="recipient">${isolated((name) => m.awardedTo(name), recipient)}</p>`
            : html`<p part="recipient" class="recipient claimed">
                ${isolated((name) => m.claimsAwardedTo(name), recipient)}
              </p>`
          : nothing
      }
      ${this._renderOwner(result)} ${nested ? nested.holder(badge, result) : nothing}
      ${this._renderIssuer(badge, verified ? knownOf(trustOf(result)) : false)}
      ${nested ? nested.endorsementStatement(badge, result, narrative) : nothing}
      ${!compact && description ? html`<p part="description" class="description">${description}</p>` : nothing}
      ${compact ? nothing : this._renderDates(badge, result, context)}
      ${nested ? nested.nested(badge, nestedOf(result.nested, 'achievement'), level, 'achievement') : nothing}
      ${nested ? nested.nested(badge, nestedOf(result.nested, 'credential'), level, 'credential') : nothing}
      ${compact ? nothing : this._renderCriteria(badge, level, narrative)}
      ${compact || this.noEvidence ? nothing : this._renderEvidence(badge, level, narrative)}
      ${compact ? nothing : this._renderAlignments(badge, level)} ${compact ? nothing : this._renderTags(badge)}
      ${compact || !nested ? nothing : nested.endorsements(nestedOf(result.nested, 'endorsement'), level, narrative)}
    `;
  }

  /**
   * What draws the card's nested parts (credentials inside it, a presentation's holder, an
   * endorsement's statement), when it has any and the nested module has loaded. Until then they are
   * left out and `updated()` loads the module; the render after it draws them.
   */
  private _nested(badge: BadgeView, result: VerificationResult): NestedRenderer | undefined {
    if (!needsNested(badge, result)) return undefined;
    const nestedModule = nestedCards.module;
    if (!nestedModule) {
      this._nestedWaiting = !this._nestedFailed;
      return undefined;
    }
    if (!this._nestedStyled) {
      this._nestedStyled = true;
      this._adoptStyles(nestedModule.nestedStyles);
    }
    return nestedModule.nestedRenderer({
      card: this._m,
      custom: this.messages,
      lang: languageOf(this),
      compact: this.compact,
      noChecks: this.noChecks,
      noEvidence: this.noEvidence,
      open: this._open,
      toggle: (id) => this._toggle(id),
      cards: this._cards,
      link: (url, content, className) => this._link(url, content, className),
      sectionHeading: (id, label, level) => this._sectionHeading(id, label, level),
      checkContext: (of) => this._context(of),
      renderChecks: (of, checks, context, view, options) => this._renderChecks(of, checks, context, view, options),
    });
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
      ${icon(iconName, 'icon owner__icon')}<span>${this._m.ownerRecipient(outcome)}</span>
    </p>`;
  }

  /**
   * The issuer block. `known`: `false` when the badge is not verified (the issuer is then only a
   * claim: no link, no logo); else the trust list's entry for the issuer (`null`: not on it,
   * `undefined`: no list). The issuer's own name is labelled as its statement unless a trust list
   * gives the issuer that very name.
   */
  private _renderIssuer(
    badge: BadgeView,
    known: { name: string } | null | undefined | false,
  ): TemplateResult | typeof nothing {
    const m = this._m;
    const issuer = badge.issuer ?? {};
    const id = text(issuer.id);
    // The identity a visitor compares: ASCII hosts, never cut (see displayId). Only a did:key or
    // did:jwk is shortened, in the middle, with the whole id as its title.
    const fullId = id ? displayId(id, Infinity) : undefined;
    const shortId = id ? displayId(id) : undefined;
    const ownName = text(issuer.name);
    const name = ownName ?? fullId;
    if (!name) return nothing;
    const idLine =
      ownName && shortId && shortId !== ownName
        ? html`<span class="issuer__id" title=${shortId === fullId ? nothing : fullId!}>${shortId}</span>`
        : nothing;
    if (known === false) {
      return html`<div part="issuer" class="issuer claimed">
        <div class="issuer__text">
          <span class="issuer__claim">${isolated((issuerName) => m.claimsFrom(issuerName), name)}</span>
          ${idLine}
        </div>
      </div>`;
    }
    const image = safeImageUrl(issuer.image?.url);
    return html`<div part="issuer" class="issuer">
      ${
        image && !this._brokenImages.has(image)
          ? html`<img
              class="issuer__image"
              src=${image}
              alt=${text(issuer.image?.alt) ?? this._m.issuerImage(name)}
              loading="lazy"
              decoding="async"
              referrerpolicy="no-referrer"
              @error=${this._onImageError}
            />`
          : nothing
      }
      <div class="issuer__text">
        <span class="label">${m.issuedBy}</span>
        ${this._link(issuer.url, name, 'issuer__name')}
        ${ownName && known?.name !== ownName ? html`<span class="issuer__stated">${m.issuerNameStated}</span>` : nothing}
        ${idLine}
      </div>
    </div>`;
  }

  /** What draws who the issuer is, with its strings, once it has loaded (see `trustLines`). */
  private _trust(): { module: typeof TrustModule; messages: TrustMessages } | undefined {
    const trustModule = trustLines.module;
    if (!trustModule) return undefined;
    if (!this._trustStyled) {
      this._trustStyled = true;
      this._adoptStyles(trustModule.trustStyles);
    }
    return { module: trustModule, messages: trustModule.trustMessages(this.messages) };
  }

  /**
   * While checking: the checks settled so far and the one being run, so a slow status list does
   * not leave a bare "Checking…". Not a live region: only the verdict pill announces, once.
   */
  private _renderProgress(): TemplateResult {
    const m = this._m;
    const done = this._progress.filter((check) => check !== null && typeof check === 'object');
    const ids = new Set(done.map((check) => String(check.id)));
    const next = CHECK_ORDER.find((id) => !ids.has(id));
    return html`<ol part="progress" class="progress" aria-label=${m.progressLabel}>
      ${done.map((check) => {
        const status = statusOf(check);
        return html`<li class="progress__item check--${status}">
          ${icon(CHECK_ICONS[status], 'icon check__icon')}<span
            >${m.checkLabel(String(check.id), check.details)}<span class="sr-only"
              >: ${m.checkStatus(status)}</span
            ></span
          >
        </li>`;
      })}
      <li class="progress__item progress__item--next">${m.checkingNext(next)}</li>
    </ol>`;
  }

  private _renderDates(
    badge: BadgeView,
    result: VerificationResult,
    context: CheckContext,
  ): TemplateResult | typeof nothing {
    const m = this._m;
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
      // Text without Markdown syntax is shown as it is, and costs none of the allowance.
      const cost = Math.min(source.length, MAX_MARKDOWN_LENGTH);
      const markdown = cost <= left && mayBeMarkdown(source);
      if (markdown) left -= cost;
      // An unchanged narrative is not walked again when the card re-renders: the template drawn
      // for it last time is handed back (lit then compares, and changes nothing). Keyed by the
      // source string itself, so the lookup does not hash a new key on every render.
      const ready = isMarkdownReady();
      const styles = markdown && !this._markdownStyled ? markdownStyles() : undefined;
      if (styles) {
        this._markdownStyled = true;
        this._adoptStyles(styles);
      }
      const memo = this._narrativeMemo.get(source);
      if (memo && memo.level === headingLevel && memo.markdown === markdown && memo.ready === ready) return memo.drawn;
      const drawn = markdown ? renderMarkdown(source, { headingLevel }) : renderPlainText(source);
      this._narrativeMemo.set(source, { level: headingLevel, markdown, ready, drawn });
      return drawn;
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
    return html`<section part="criteria" class="section criteria" role="group" aria-labelledby="criteria-title">
      ${this._sectionHeading('criteria-title', this._m.criteria, level)}
      ${narrative ? renderNarrative(narrative) : nothing}
      ${url ? html`<p class="criteria__link">${this._link(url, this._m.criteriaLink)}</p>` : nothing}
    </section>`;
  }

  private _renderEvidence(
    badge: BadgeView,
    level: number,
    renderNarrative: NarrativeRenderer,
  ): TemplateResult | typeof nothing {
    const items = list<EvidenceView>(badge.evidence).filter((item) => item && typeof item === 'object');
    if (items.length === 0) return nothing;
    return html`<section part="evidence" class="section evidence" role="group" aria-labelledby="evidence-title">
      ${this._sectionHeading('evidence-title', this._m.evidence, level)}
      <ul class="evidence__list">
        ${items.map((item) => {
          const name = text(item.name);
          const url = safeLinkUrl(item.id);
          const narrative = text(item.narrative);
          return html`<li class="evidence__item">
            ${name ? html`<p class="evidence__name">${this._link(url, name)}</p>` : nothing}
            ${text(item.description) ? html`<p class="evidence__description">${item.description}</p>` : nothing}
            ${narrative ? renderNarrative(narrative) : nothing}
            ${url && !name ? html`<p>${this._link(url, this._m.evidenceLink)}</p>` : nothing}
          </li>`;
        })}
      </ul>
    </section>`;
  }

  private _renderAlignments(badge: BadgeView, level: number): TemplateResult | typeof nothing {
    const items = list<AlignmentView>(badge.alignments).filter((item) => text(item?.name));
    if (items.length === 0) return nothing;
    return html`<section part="alignments" class="section alignments" role="group" aria-labelledby="alignments-title">
      ${this._sectionHeading('alignments-title', this._m.alignments, level)}
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
    return html`<ul part="tags" class="tags" aria-label=${this._m.tags}>
      ${tags.map((tag) => html`<li class="tag">${tag}</li>`)}
    </ul>`;
  }

  private _renderChecks(
    result: VerificationResult,
    checks: readonly Check[],
    context: CheckContext,
    badge: BadgeView | undefined,
    { part = 'checks', summary }: { part?: string; summary?: string } = {},
  ): TemplateResult {
    const m = this._m;
    const trust = part === 'checks' ? this._trust() : undefined;
    return html`<details part=${part} class="checks">
      <summary>${summary ?? m.checksSummary(checks.length)}</summary>
      <ol class="checks__list">
        ${checks.map((check) => {
          const status = statusOf(check);
          const reason =
            status === 'failed' && check.code === 'ERR_OB_REVOKED' ? this._revocationReason(check, badge) : undefined;
          return html`<li class="check check--${status}">
            ${icon(CHECK_ICONS[status], 'icon check__icon')}
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
      ${
        // How the issuer's domain was confirmed, with the checks of a verified badge (its trust lines say that it was).
        trust ? trust.module.renderDomainMethod(result, trust.messages) : nothing
      }
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
