import { LitElement, type PropertyValues } from 'lit';
import type { Check, VerificationResult } from '../../core/result.js';
import type { TrustList } from '../../core/trust/trust.js';
import type { Verifier } from '../../core/verify.js';
import { ObVerifiedEvent } from '../../events/verified-event.js';
import {
  cardEn,
  withFallback,
  type CardMessages,
  type DisplayVerdict,
  type Messages,
} from '../../messages/messages-base.js';
import { baseStyles } from '../base/base.styles.js';
import { checkListStyles } from '../base/check-list.styles.js';
import { customStatesOf, setCustomState } from '../base/custom-states.js';
import { isResult, resultFromError } from '../base/results.js';
import { verifyQueue } from '../base/verify-queue.js';
import { tokens } from '../tokens.styles.js';
import { displayOf, renderCard, renderFallback } from './badge-card.js';
import { isLazy, readInline } from './badge-input.js';
import { nearViewport, releaseBaked, stopGrowing } from './badge-lazy-parts.js';
import { afterRender, beforeRender, ResultState } from './badge-result-state.js';
import { imageErrorHandler } from './sections/image.js';
import { createRun, type RunHost } from './badge-run.js';
import { sectionStyles, styles } from './badge.styles.js';

const STATES = ['loading', 'verified', 'unverified', 'unknown', 'error'] as const;

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
 * @fires {ObVerifiedEvent} ob-verified - Every time a verification settles (verified or not). `event.result` is the `VerificationResult`.
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
 * @cssproperty --ob-font-family - Font family.
 * @cssproperty --ob-radius - Corner radius of the card.
 * @cssproperty --ob-color-verified - Verified colour (text and icon).
 * @cssproperty --ob-color-unverified - Not verified / error colour.
 * @cssproperty --ob-color-unknown - Status unknown colour.
 * @cssproperty --ob-color-surface - Card background.
 * @cssproperty --ob-color-surface-raised - Background of raised items: evidence, tags, small images, endorsements.
 * @cssproperty --ob-color-text - Main text colour.
 * @cssproperty --ob-color-muted - Secondary text colour.
 * @cssproperty --ob-color-border - Borders and separators.
 * @cssproperty --ob-color-link - Link colour.
 * @cssproperty --ob-shadow - Card shadow.
 * @cssproperty --image-size - Badge image size (default 8rem; 3.5rem when compact).
 * @cssproperty --padding - Card padding.
 * @cssproperty --max-width - Card maximum width.
 */
export class ObBadge extends LitElement implements RunHost {
  static override styles = [tokens, baseStyles, checkListStyles, styles, sectionStyles];

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
    /** @private */ _inline: { state: true },
    /** @private */ _brokenImages: { state: true },
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

  /** @internal */ _inline: string | undefined;
  /** @internal */ _brokenImages: ReadonlySet<string> = new Set();
  /** @internal */ readonly _onImageError = imageErrorHandler(this);
  /** @internal */ _shown = new ResultState(undefined);
  /** @internal */ _cards = { left: 0, waiting: false };
  /** @internal */ _grow: { readonly cancel: () => void } | undefined;
  /** @internal */ _nestedWaiting = false;
  /** @internal */ _nestedLoad: Promise<void> | undefined;
  /** @internal */ _preparedFor: VerificationResult | undefined;
  /** @internal */ _prepareLoad: Promise<void> | undefined;
  /** @internal */ _pendingEvent: VerificationResult | undefined;
  /** @internal */ _progress: readonly Check[] = [];
  /** @internal */ _trustProblem: VerificationResult | undefined;
  /** @internal */ _baked: RunHost['_baked'];
  private readonly _states = customStatesOf(this);
  private _observer: MutationObserver | undefined;
  /** `verification` as last read, and the result it stands for (an error result when it is not one). */
  private _presetInput: unknown;
  private _presetResult: VerificationResult | undefined;
  /** `messages` as last read, and it with the English strings for what it lacks. */
  private _messagesFor: unknown = cardEn;
  private _messagesMerged: CardMessages = cardEn;
  private readonly _run = createRun(this);

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

  /** @internal The `verification` property as a result: `undefined` when not set, an error result when it is not one. */
  _preset(): VerificationResult | undefined {
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
    this._inline = readInline(this);
    // Static pages may paste the <script> after the element upgrades, or edit it later.
    this._observer ??= new MutationObserver(() => (this._inline = readInline(this)));
    this._observer.observe(this, { childList: true, subtree: true, characterData: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._observer?.disconnect();
    releaseBaked(this);
    stopGrowing(this);
  }

  /** @internal The strings, with the English ones for whatever `messages` lacks; merged once per change. */
  get _m(): CardMessages {
    if (this.messages !== this._messagesFor) {
      this._messagesFor = this.messages;
      this._messagesMerged = withFallback(this.messages, cardEn);
    }
    return this._messagesMerged;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // No longer lazy while waiting to come into view: start now.
    if (changed.has('loading') && !isLazy(this.loading)) nearViewport?.stopWaiting(this);
  }

  protected override update(changed: PropertyValues): void {
    // After the controller (a new run clears the result), before render.
    beforeRender(this, this.result);
    super.update(changed);
    setCustomState(this._states, STATES, this._display());
  }

  protected override updated(): void {
    afterRender(this, this.result);
    const event = this._pendingEvent;
    if (event && !this._nestedWaiting) {
      this._pendingEvent = undefined;
      /** @internal `ob-verified` (see `@fires`), once drawn whole: after the nested parts it waited for. */
      this.dispatchEvent(new ObVerifiedEvent(event));
    }
  }

  private _display(): DisplayVerdict | undefined {
    return displayOf(this._preset() ? 'complete' : this._run.status, this.result);
  }

  protected override render(): unknown {
    const display = this._display();
    if (!display) return renderFallback(this);
    try {
      return renderCard(this, display, this.result);
    } catch {
      // A render model we could not draw: the error box, never an exception out of the element.
      return renderCard(this, 'error', resultFromError(new TypeError('Unrenderable badge'), this.now), true);
    }
  }
}

if (!customElements.get('ob-badge')) customElements.define('ob-badge', ObBadge);

declare global {
  interface HTMLElementTagNameMap {
    'ob-badge': ObBadge;
  }
}
