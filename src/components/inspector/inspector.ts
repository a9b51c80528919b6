import { html, isServer, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { VerificationResult } from '../../core/result.js';
import type { TrustList } from '../../core/trust/trust.js';
import type { FetchRecord, Verifier } from '../../core/verify.js';
import { dispatchInspected, type InspectionReport } from '../../events/inspected-event.js';
import { languageOf } from '../../messages/format-date.js';
import { inspectorEn, type InspectorMessages } from '../../messages/inspector-messages.js';
import { withFallback } from '../../messages/messages-base.js';
import { list } from '../../render/untrusted.js';
import { baseStyles } from '../base/base.styles.js';
import { checkListStyles } from '../base/check-list.styles.js';
import { customStatesOf, setCustomState } from '../base/custom-states.js';
import '../badge/badge.js';
import { tokens } from '../tokens.styles.js';
import { DEFAULT_SCRIPT_SRC } from './embed.js';
import { embedFor, previewOf, type Embed } from './embed-offer.js';
import { messageContextOf } from './formatting.js';
import { inputHandlers } from './input-events.js';
import { checkingText, readInput, subjectOf, type AcceptedInput, type InputReading } from './input-reading.js';
import { sectionStyles, styles } from './inspector.styles.js';
import { downloadReport } from './report.js';
import { renderActions } from './sections/actions.js';
import { renderChecks } from './sections/checks.js';
import { heading, type SectionContext } from './sections/context.js';
import { renderEmbed } from './sections/embed-snippet.js';
import { renderInput } from './sections/input.js';
import { nestedOf, renderNested, type NestedContext } from './sections/nested.js';
import { renderNetwork } from './sections/network.js';
import { renderCheckedAt, renderSummary } from './sections/summary.js';
import { renderTrust } from './sections/trust.js';
import { displayOf, problemSentence, verdictWord } from './verdict.js';
import { verifyForInspection } from './verification-run.js';

export { ObInspectedEvent } from '../../events/inspected-event.js';
export type { InspectedInput, InspectionReport } from '../../events/inspected-event.js';
export { MAX_INPUT_BYTES } from './input-reading.js';
export { VALIDATOR_URL } from './sections/actions.js';

const STATES = ['checking', 'verified', 'unverified', 'unknown', 'error'] as const;
type InspectorState = (typeof STATES)[number];

/**
 * "Is this badge real?": a tool for a page of its own. Drop or choose a badge file (a baked PNG or
 * SVG, JSON, a JWT), paste one, or enter its address; the badge is verified in the browser and
 * shown with the full report: every check in order with its plain-language sentence and its facts
 * (which key, where it came from, the issuer, the dates, the status list and index, any proxy),
 * the credentials inside it as expandable sub-reports, who the issuer is (`result.trust`), when it
 * was checked, and the network log of every document fetched. The report downloads as JSON. An
 * earner gets a copy-paste snippet that embeds the badge (the credential inlined, or its address
 * when browsers can read it) with a live preview of exactly that snippet.
 *
 * Files over 2 MiB (the verifier's cap) are refused before they are read. Nothing is uploaded: the
 * only requests are the verifier's, for the documents the badge names; unlike `<ob-badge>`, it asks
 * by default whether a verified badge's issuer's domain is confirmed (a DID Configuration request
 * to the site the issuer names), and that request is in the network log like every other.
 *
 * Not part of the default script-tag bundle: load it with `import 'openbadge-embed/inspector'`.
 *
 * @fires {ObInspectedEvent} ob-inspected - Each time an inspection settles and is drawn: `event.result` (the `VerificationResult`), `event.log` (every `FetchRecord`, in order) and `event.input`.
 *
 * @csspart base - Everything.
 * @csspart input - The box with the file field, the paste box and the address field; it also takes a dropped file.
 * @csspart status - The status line (a polite live region).
 * @csspart result - The badge, its report and the embed section.
 * @csspart badge - The `<ob-badge>` showing the result.
 * @csspart report - The report.
 * @csspart checks - The list of checks.
 * @csspart trust - Who the issuer is.
 * @csspart nested - The credentials inside it.
 * @csspart network - The network log.
 * @csspart actions - "Download report (JSON)" and the link to the 1EdTech validator.
 * @csspart embed - "Embed this badge": the snippet and its preview.
 * @csspart snippet - The snippet's text.
 * @csspart preview - The live `<ob-badge>` built from the snippet.
 *
 * @cssstate checking - An inspection is running.
 * @cssstate verified - The badge inspected last is verified.
 * @cssstate unverified - It is not verified (a check failed).
 * @cssstate unknown - Its status is unknown (a check could not be completed).
 * @cssstate error - It could not be read at all.
 *
 * @cssproperty --ob-font-family - Font family.
 * @cssproperty --ob-font-family-mono - Font family of code, addresses and the snippet.
 * @cssproperty --ob-radius - Corner radius.
 * @cssproperty --ob-color-verified - Verified colour.
 * @cssproperty --ob-color-unverified - Not verified / error colour.
 * @cssproperty --ob-color-unknown - Status unknown colour.
 * @cssproperty --ob-color-surface - Background of the boxes.
 * @cssproperty --ob-color-surface-raised - Background of table heads, disclosures and the status line.
 * @cssproperty --ob-color-text - Main text colour.
 * @cssproperty --ob-color-muted - Secondary text colour.
 * @cssproperty --ob-color-border - Borders and separators.
 * @cssproperty --ob-color-link - Links, focus rings and the drop highlight.
 * @cssproperty --ob-shadow - Shadow of the report and embed boxes.
 * @cssproperty --padding - Padding of the boxes.
 * @cssproperty --max-width - Maximum width of the element.
 */
export class ObInspector extends LitElement {
  static override styles = [tokens, baseStyles, checkListStyles, styles, sectionStyles];

  /**
   * The verifier to use (your fetch, documents, DID resolvers, trust in http did:web hosts…). The
   * preview of the embed snippet uses it too. Default: the shared default verifier, loaded on first
   * use (one per `proxy`).
   */
  @property({ attribute: false }) verifier?: Verifier;

  /**
   * A CORS proxy for issuers whose servers do not let browsers read them: a URL template with
   * `{url}`. Every check that relied on it says so. Ignored when a `verifier` is given.
   */
  @property() proxy?: string;

  /** The time to verify at (demos and tests). Defaults to the real clock. */
  @property({ attribute: false }) now?: Date;

  /** Issuers this site recognises (`parseTrustList`): reported as "Known issuer", never in the verdict. */
  @property({ attribute: false }) trustList?: TrustList;

  /** The `src` of the script tag in the embed snippet. Default: this version's bundle on unpkg. */
  @property({ attribute: 'script-src' }) scriptSrc: string = DEFAULT_SCRIPT_SRC;

  /** ARIA heading level of the element's title (1–6); its sections are one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The strings shown, the check sentences included. Replace to translate (see `InspectorMessages`). */
  @property({ attribute: false }) messages: InspectorMessages = inspectorEn;

  @state() private _checking = false;
  @state() private _report: InspectionReport | undefined;
  /** The log of the run in progress, growing as documents settle. */
  @state() private _liveLog: readonly FetchRecord[] = [];
  @state() private _status: { readonly text: string; readonly error: boolean } = { text: '', error: false };
  @state() private _embed: Embed | undefined;
  @state() private _over = false;
  /** Ids of the nested sub-reports shown open; they are only drawn when opened. */
  @state() private _open: ReadonlySet<string> = new Set();

  private _preview: HTMLElement | undefined;
  private _run = 0;
  private _abort: AbortController | undefined;
  private _pending: Promise<InspectionReport | undefined> = Promise.resolve(undefined);
  private readonly _states = customStatesOf(this);
  /** `messages` as last merged with English, kept until `messages` changes. */
  private _messagesFor: unknown = inspectorEn;
  private _messagesMerged: InspectorMessages = inspectorEn;

  private readonly _input = inputHandlers({
    root: () => this.renderRoot,
    messages: () => this._messages,
    lang: () => languageOf(this),
    checking: () => this._checking,
    inspect: (input) => this.inspect(input),
    begin: (reading) => this._begin(reading),
    say: (text) => (this._status = { text, error: false }),
    setOver: (over) => (this._over = over),
  });

  /** The last inspection: its result, network log and input; `undefined` before the first and while checking. */
  get report(): InspectionReport | undefined {
    return this._checking ? undefined : this._report;
  }

  /** The last settled result; `undefined` before the first inspection and while checking. */
  get result(): VerificationResult | undefined {
    return this.report?.result;
  }

  /** Resolves with the report once the current inspection has settled and been drawn (`undefined` if refused or overtaken). */
  get inspectComplete(): Promise<InspectionReport | undefined> {
    return this._pending;
  }

  /**
   * Inspects a badge, as if it had been dropped (a `File`/`Blob`), pasted (a string) or entered
   * (a `URL`, or a string that is an http(s) address). Resolves with the report once it is drawn,
   * or `undefined` when the input was refused (too large, empty) or a newer inspection overtook it.
   */
  inspect(input: Blob | string | URL): Promise<InspectionReport | undefined> {
    return this._begin(readInput(input, this._messages, languageOf(this)));
  }

  /** Forgets the last inspection (a running one is stopped) and clears the form. */
  reset(): void {
    this._abort?.abort();
    this._abort = undefined;
    this._run++;
    this._checking = false;
    this._report = undefined;
    this._liveLog = [];
    this._embed = undefined;
    this._preview = undefined;
    this._open = new Set();
    this._status = { text: '', error: false };
    for (const field of this.renderRoot.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
      field.value = '';
    }
    this._pending = Promise.resolve(undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A run left behind would go on fetching for nobody; its promise resolves with undefined.
    if (this._checking) this.reset();
  }

  /** The strings: `messages`, with English for every member a partial translation lacks. */
  private get _messages(): InspectorMessages {
    if (this.messages !== this._messagesFor) {
      this._messagesFor = this.messages;
      this._messagesMerged = withFallback(this.messages, inspectorEn);
    }
    return this._messagesMerged;
  }

  private _begin(reading: InputReading): Promise<InspectionReport | undefined> {
    if ('refused' in reading) {
      this._status = { text: reading.refused, error: true };
      return Promise.resolve(undefined);
    }
    this._pending = this._check(reading);
    return this._pending;
  }

  private async _check({ input, described, source }: AcceptedInput): Promise<InspectionReport | undefined> {
    this._abort?.abort();
    const controller = new AbortController();
    this._abort = controller;
    const run = ++this._run;
    const m = this._messages;
    const log: FetchRecord[] = [];
    this._checking = true;
    this._report = undefined;
    this._liveLog = [];
    this._embed = undefined;
    this._preview = undefined;
    this._open = new Set();
    this._status = { text: checkingText(m, described), error: false };

    const options = {
      verifier: this.verifier,
      proxy: this.proxy,
      now: this.now,
      trustList: this.trustList,
      signal: controller.signal,
      onFetch: (record: FetchRecord) => {
        if (run !== this._run) return;
        log.push(record);
        this._liveLog = [...log];
      },
    };
    const result = await verifyForInspection(input, options, () => run === this._run);
    if (!result || run !== this._run) return undefined;

    let embed: Embed;
    try {
      embed = await embedFor(source, result, log, this.scriptSrc);
    } catch {
      embed = { unavailable: 'no-credential' };
    }
    if (run !== this._run) return undefined;

    const report: InspectionReport = { result, log: [...log], input: described };
    this._abort = undefined;
    this._checking = false;
    this._report = report;
    this._liveLog = [];
    this._embed = embed;
    this._preview =
      'content' in embed
        ? previewOf(this.ownerDocument, embed.content, {
            verifier: this.verifier,
            proxy: this.proxy,
            now: this.now,
            headingLevel: this._level(3),
          })
        : undefined;
    this._status = { text: m.checked(subjectOf(described), verdictWord(m, result)), error: false };
    await this.updateComplete;
    if (run !== this._run) return undefined;
    // Dispatched by a helper, so the manifest lists the event once, from the JSDoc above.
    dispatchInspected(this, report);
    return report;
  }

  private readonly _toggle = (id: string, event: Event): void => {
    const isOpen = (event.target as HTMLDetailsElement).open;
    if (isOpen === this._open.has(id)) return;
    const open = new Set(this._open);
    if (isOpen) open.add(id);
    else open.delete(id);
    this._open = open;
  };

  private readonly _copy = (): void => {
    const embed = this._embed;
    if (!embed || !('snippet' in embed)) return;
    const m = this._messages;
    // A click handler returns at once; the outcome, either way (no clipboard, a refusal, a throw),
    // shows in the status line.
    Promise.resolve()
      .then(() => {
        if (!navigator.clipboard) throw new Error('No clipboard');
        return navigator.clipboard.writeText(embed.snippet);
      })
      .then(
        () => {
          this._status = { text: m.copied, error: false };
        },
        () => {
          this._status = { text: m.copyFailed, error: true };
        },
      );
  };

  private readonly _download = (): void => {
    const report = this.report;
    if (!report) return;
    downloadReport(this.renderRoot, this.ownerDocument, report);
    this._status = { text: this._messages.downloaded, error: false };
  };

  /** A heading level `offset` below the title's, kept within 1–6. */
  private _level(offset = 0): number {
    const base = Math.min(6, Math.max(1, Math.trunc(this.headingLevel) || 2));
    return Math.min(6, base + offset);
  }

  // ── Rendering: the order of the sections; each draws from sections/ ─────────────────────────────

  protected override updated(): void {
    const display = this._report && !this._checking ? displayOf(this._report.result) : undefined;
    const current: InspectorState | undefined = this._checking || display === 'loading' ? 'checking' : display;
    setCustomState(this._states, STATES, current);
  }

  protected override render(): unknown {
    // On a server (`@lit-labs/ssr`) there is no tree to look up: the element's own `lang`, if any.
    const lang = isServer ? (this.getAttribute('lang') ?? undefined) : languageOf(this);
    const context: SectionContext = { messages: this._messages, lang };
    const m = context.messages;
    const report = this.report;
    return html`<div part="base" class="inspector" aria-busy=${this._checking ? 'true' : 'false'}>
      ${heading('title', m.title, this._level(), 'title')}
      <p class="intro">${m.intro}</p>
      ${renderInput(context, this._over, this._input)}
      <p part="status" class="status ${this._status.error ? 'status--error' : ''}" role="status">
        ${this._status.text}
      </p>
      ${
        this._checking && this._liveLog.length > 0
          ? html`<p class="hint">${m.progress(this._liveLog.length)}</p>`
          : nothing
      }
      ${report ? this._renderResult(context, report) : nothing}
    </div>`;
  }

  private _renderResult(context: SectionContext, report: InspectionReport): TemplateResult {
    const m = context.messages;
    const { result } = report;
    const messageContext = messageContextOf(result, context.lang);
    const nested = nestedOf(result);
    const nestedContext: NestedContext = { ...context, open: this._open, onToggle: this._toggle };
    const level = this._level(1);
    return html`<div part="result" class="result">
      <ob-badge part="badge" no-checks .verification=${result} .messages=${m} heading-level=${level}></ob-badge>
      <div part="report" class="report" role="group" aria-labelledby="report-title">
        ${heading('report-title', m.reportHeading, level)}
        <div class="section">
          <p class="checked-at">${renderCheckedAt(context, result)}</p>
          ${renderSummary(context, result, problemSentence(m, result, messageContext))}
        </div>
        ${renderActions(context, this._download)}
        <div part="checks" class="section" role="group" aria-labelledby="checks-title">
          ${heading('checks-title', m.checksHeading(list(result.checks).length), level + 1)}
          ${renderChecks(context, result, messageContext)}
        </div>
        ${renderTrust(context, result.trust, 'trust', level + 1)}
        ${nested.length > 0 ? renderNested(nestedContext, nested, level + 1) : nothing}
      </div>
      ${renderNetwork(context, report, level)}
      ${renderEmbed(context, this._embed, result, this._preview, this._copy, level)}
    </div>`;
  }
}

if (!customElements.get('ob-inspector')) customElements.define('ob-inspector', ObInspector);

declare global {
  interface HTMLElementTagNameMap {
    'ob-inspector': ObInspector;
  }
}
