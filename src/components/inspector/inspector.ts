import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BadgeErrorCode } from '../../core/errors.js';
import type { Check, CheckStatus, NestedResult, VerificationResult } from '../../core/result.js';
import { firstProblem, isNotRequested } from '../../core/result.js';
import type { TrustList, TrustReport } from '../../core/trust/trust.js';
import type { FetchRecord, Verifier, VerifyInput } from '../../core/verify.js';
import { defaultVerifier } from '../base/default-verifier.js';
import { checkListStyles } from '../base/check-list.styles.js';
import { CHECK_ICONS, icon } from '../base/icons.js';
import { displayId } from '../../render/display-id.js';
import { formatDate, formatDateTime, formatTime, languageOf } from '../../messages/format-date.js';
import {
  inspectorEn,
  type EmbedUnavailable,
  type FetchKind,
  type InspectorMessages,
} from '../../messages/inspector-messages.js';
import { displayHost, type DisplayVerdict, type MessageContext } from '../../messages/messages.js';
import { isResult, resultFromError, setCustomState } from '../base/results.js';
import { safeLinkUrl } from '../../render/safe-url.js';
import { clip, list, text } from '../../render/untrusted.js';
import { boundedJson } from '../../core/lib/bounded-json.js';
import '../badge/badge.js';
import type { ObBadge } from '../badge/badge.js';
import {
  browserCouldFetch,
  contentOf,
  DEFAULT_SCRIPT_SRC,
  embedSnippet,
  previewElement,
  type EmbedContent,
} from './embed.js';
import { dispatchInspected, type InspectedInput, type InspectionReport } from '../../events/inspected-event.js';
import { tokens } from '../tokens.styles.js';
import { styles } from './inspector.styles.js';
import { reportFileName, reportText } from './report.js';

export { ObInspectedEvent } from '../../events/inspected-event.js';
export type { InspectedInput, InspectionReport } from '../../events/inspected-event.js';

/**
 * The largest file or pasted text the inspector reads: the core's `DEFAULT_MAX_BYTES` (2 MiB), the
 * most the verifier takes as input. Refused before reading, with a message, rather than handed to
 * the verifier. (Not imported from core/fetcher.js, which would split the verifier's lazy chunk;
 * a test keeps the two equal.)
 */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

/** 1EdTech's public validator for Open Badges and CLR (README of 1EdTech/digital-credentials-public-validator). */
export const VALIDATOR_URL = 'https://vc.1ed.tech/';

/** How much of a snippet is shown as text; "Copy snippet" copies all of it (a CLR can be megabytes). */
const SNIPPET_SHOWN = 12_000;

/** Rows of the network log drawn; the downloaded report has all of them. */
const MAX_LOG_ROWS = 500;

/** Facts drawn per check detail list, and items per list inside it; the report has the rest. */
const MAX_DETAILS = 40;
const MAX_LIST_ITEMS = 20;
const MAX_VALUE = 300;

/** One line of JSON for a value shown cut short: a few levels and values, written without recursion on badge data. */
function compactJson(value: unknown): string {
  try {
    return JSON.stringify(boundedJson(value, 8, 2_000)) ?? '';
  } catch {
    return '';
  }
}

/** Detail keys that hold dates and times. */
const DATE_KEYS = new Set(['validFrom', 'validUntil', 'now', 'checkedAt', 'listFetchedAt', 'issuedOn', 'created']);

/** Detail keys that hold identifiers or addresses: shown as `displayId` shows them (ASCII hosts, invisibles escaped). */
const ID_KEYS = new Set([
  'issuer',
  'controller',
  'owner',
  'keyId',
  'kid',
  'verificationMethod',
  'url',
  'finalUrl',
  'hostedUrl',
  'listIssuer',
  'listId',
  'did',
  'holder',
  'iss',
  'context',
  'id',
  'viaProxy',
]);

const STATES = ['checking', 'verified', 'unverified', 'unknown', 'error'] as const;
type InspectorState = (typeof STATES)[number];

/** What was handed in, kept to build the snippet from once the result is known. */
type Source =
  | { readonly kind: 'file'; readonly file: Blob }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'url'; readonly url: string };

type Embed = { readonly content: EmbedContent; readonly snippet: string } | { readonly unavailable: EmbedUnavailable };

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What the card says: verified only when both flags agree, and "error" when nothing could be read. */
function displayOf(result: VerificationResult): DisplayVerdict {
  if (!result.badge) return 'error';
  if (result.verdict === 'verified') return result.verified === true ? 'verified' : 'unverified';
  return result.verdict === 'unknown' ? 'unknown' : 'unverified';
}

/**
 * The verdict word and colour, as the card's pill shows it: an unreadable badge nobody judged (a
 * server closed to browsers) is "status unknown", not "not verified".
 */
function pillOf(result: VerificationResult): DisplayVerdict {
  const display = displayOf(result);
  return display === 'error' && result.verdict === 'unknown' ? 'unknown' : display;
}

/** What a logged document was, told from how it was asked for and its address. */
function fetchKindOf(record: FetchRecord, input: InspectedInput | undefined): FetchKind {
  if (input?.kind === 'url' && record.url === input.url) return 'badge';
  let path = '';
  try {
    path = new URL(record.url).pathname;
  } catch {
    // Not a URL (a DID): told by how it was asked for.
  }
  if (path.endsWith('/.well-known/did-configuration.json')) return 'did-configuration';
  if (path.endsWith('/did.json')) return 'did-document';
  if (/jwks/i.test(path)) return 'key-set';
  if (record.accept === 'badge') return 'credential';
  return record.accept === 'jwt' ? 'jwt' : 'json';
}

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
 * @fires ob-inspected - {ObInspectedEvent} Each time an inspection settles and is drawn: `event.result` (the `VerificationResult`), `event.log` (every `FetchRecord`, in order) and `event.input`.
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
  static override styles = [tokens, checkListStyles, styles];

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

  /** The `src` of the script tag in the embed snippet. Default: the bundle on unpkg. */
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
  private readonly _internals: ElementInternals;

  constructor() {
    super();
    this._internals = this.attachInternals();
  }

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
    const m = this.messages;
    if (typeof Blob !== 'undefined' && input instanceof Blob) {
      const name = typeof (input as File).name === 'string' && (input as File).name ? (input as File).name : 'file';
      if (input.size > MAX_INPUT_BYTES) {
        return this._refuse(m.fileTooLarge(name, this._bytes(input.size), this._bytes(MAX_INPUT_BYTES)));
      }
      if (input.size === 0) return this._refuse(m.fileEmpty(name));
      return this._start(input, { kind: 'file', name, size: input.size }, { kind: 'file', file: input });
    }
    if (input instanceof URL) return this._inspectUrl(input.href);
    const value = String(input);
    const trimmed = value.trim();
    if (trimmed === '') return this._refuse(m.textEmpty);
    if (value.length > MAX_INPUT_BYTES) {
      return this._refuse(m.textTooLong(this._chars(value.length), this._chars(MAX_INPUT_BYTES)));
    }
    if (/^https?:\/\//i.test(trimmed) && !/\s/.test(trimmed)) return this._inspectUrl(trimmed);
    return this._start(trimmed, { kind: 'text', length: trimmed.length }, { kind: 'text', text: trimmed });
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

  private _inspectUrl(href: string): Promise<InspectionReport | undefined> {
    const url = safeLinkUrl(href);
    if (!url) return this._refuse(this.messages.notAUrl);
    return this._start(new URL(url), { kind: 'url', url: new URL(url).href }, { kind: 'url', url: new URL(url).href });
  }

  private _refuse(message: string): Promise<InspectionReport | undefined> {
    this._status = { text: message, error: true };
    return Promise.resolve(undefined);
  }

  private _start(input: VerifyInput, described: InspectedInput, source: Source): Promise<InspectionReport | undefined> {
    this._pending = this._check(input, described, source);
    return this._pending;
  }

  private async _check(
    input: VerifyInput,
    described: InspectedInput,
    source: Source,
  ): Promise<InspectionReport | undefined> {
    this._abort?.abort();
    const controller = new AbortController();
    this._abort = controller;
    const run = ++this._run;
    const m = this.messages;
    const now = this.now;
    const log: FetchRecord[] = [];
    this._checking = true;
    this._report = undefined;
    this._liveLog = [];
    this._embed = undefined;
    this._preview = undefined;
    this._open = new Set();
    this._status = {
      text:
        described.kind === 'file'
          ? m.checkingFile(described.name)
          : described.kind === 'url'
            ? m.checkingUrl(described.url)
            : m.checkingText,
      error: false,
    };

    let result: VerificationResult;
    try {
      const verifier = this.verifier ?? (await defaultVerifier(text(this.proxy)?.trim()));
      controller.signal.throwIfAborted();
      const value: unknown = await verifier.verify(input, {
        signal: controller.signal,
        ...(now ? { now } : {}),
        ...(this.trustList ? { trustList: this.trustList } : {}),
        // Someone inspecting a badge asks who its issuer is: the domain is looked up (a verified
        // badge only), and any request it makes is in the network log like every other.
        domainLinkage: true,
        onFetch: (record) => {
          if (run !== this._run) return;
          log.push(record);
          this._liveLog = [...log];
        },
      });
      result = isResult(value) ? value : resultFromError(new TypeError('The verifier returned no result'), now);
    } catch (error) {
      if (run !== this._run || controller.signal.aborted) return undefined;
      result = resultFromError(error, now);
    }
    if (run !== this._run) return undefined;

    let embed: Embed;
    try {
      embed = await this._embedFor(source, result, log);
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
    this._preview = 'content' in embed ? this._previewOf(embed.content) : undefined;
    const subject = described.kind === 'file' ? described.name : described.kind === 'url' ? described.url : undefined;
    this._status = { text: m.checked(subject, this._verdictWord(result)), error: false };
    await this.updateComplete;
    if (run !== this._run) return undefined;
    // Dispatched by a helper, so the manifest lists the event once, from the JSDoc above.
    dispatchInspected(this, report);
    return report;
  }

  /**
   * What the earner can paste: the credential as they gave it (a baked image's payload, a file's
   * text, the pasted text), or the address when this browser could read it itself.
   */
  private async _embedFor(source: Source, result: VerificationResult, log: readonly FetchRecord[]): Promise<Embed> {
    // An address this browser could not read would not work on the earner's page either.
    if (source.kind === 'url' && !browserCouldFetch(log, source.url)) return { unavailable: 'not-fetchable' };
    if (!result.badge) return { unavailable: 'unreadable' };
    let payload: string;
    if (source.kind === 'url') {
      return this._embedOf({ kind: 'src', url: source.url });
    } else if (source.kind === 'text') {
      payload = source.text;
    } else {
      const bytes = new Uint8Array(await source.file.arrayBuffer());
      const baked = result.bakedImage;
      if (baked?.contentType === 'image/png' || baked?.contentType === 'image/svg+xml') {
        // The verifier read it as a baked image: take out the same payload (the code is already loaded).
        const { unbake } = await import('../../core/baked/unbake.js');
        payload = (await unbake(bytes, baked.contentType, { maxBytes: MAX_INPUT_BYTES })).payload;
      } else {
        payload = new TextDecoder().decode(bytes);
      }
    }
    const content = contentOf(payload);
    if (!content) return { unavailable: 'no-credential' };
    if (content.kind === 'address') {
      return browserCouldFetch(log, content.url)
        ? this._embedOf({ kind: 'src', url: content.url })
        : { unavailable: 'not-fetchable' };
    }
    return this._embedOf(content);
  }

  private _embedOf(content: EmbedContent): Embed {
    return { content, snippet: embedSnippet(content, text(this.scriptSrc)?.trim() ?? DEFAULT_SCRIPT_SRC) };
  }

  /** The live preview: the snippet's element, verified by the inspector's verifier when one was given. */
  private _previewOf(content: EmbedContent): HTMLElement {
    const badge = previewElement(this.ownerDocument, content) as ObBadge;
    if (this.verifier) badge.verifier = this.verifier;
    else if (text(this.proxy)) badge.setAttribute('proxy', this.proxy!.trim());
    if (this.now) badge.now = this.now;
    badge.headingLevel = this._level(3);
    return badge;
  }

  /** The verdict in one word or two, as the card's pill says it. */
  private _verdictWord(result: VerificationResult): string {
    const pill = pillOf(result);
    const problem = firstProblem(list<Check>(result.checks));
    if (pill === 'unknown' && problem?.code === 'ERR_OB_PRESENTATION_UNSIGNED') return this.messages.unsignedVerdict;
    return this.messages.verdict(pill);
  }

  private _bytes(count: number): string {
    const lang = languageOf(this);
    const [value, unit] =
      count >= 1024 * 1024
        ? [count / (1024 * 1024), 'megabyte']
        : count >= 1024
          ? [count / 1024, 'kilobyte']
          : [count, 'byte'];
    try {
      return new Intl.NumberFormat(lang, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
    } catch {
      return new Intl.NumberFormat(undefined, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
    }
  }

  private _chars(count: number): string {
    return `${this._number(count)} characters`;
  }

  private _number(value: number): string {
    try {
      return new Intl.NumberFormat(languageOf(this)).format(value);
    } catch {
      return String(value);
    }
  }

  private _ms(value: number): string {
    try {
      return new Intl.NumberFormat(languageOf(this), {
        style: 'unit',
        unit: 'millisecond',
        maximumFractionDigits: 0,
      }).format(value);
    } catch {
      return `${Math.round(value)} ms`;
    }
  }

  /** A heading level `offset` below the title's, kept within 1–6. */
  private _level(offset = 0): number {
    const base = Math.min(6, Math.max(1, Math.trunc(this.headingLevel) || 2));
    return Math.min(6, base + offset);
  }

  private _heading(id: string, label: string, level: number, className = 'heading'): TemplateResult {
    return html`<p id=${id} class=${className} role="heading" aria-level=${level}>${label}</p>`;
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

  // ── Input ───────────────────────────────────────────────────────────────────────────────────

  private readonly _onFile = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) void this.inspect(file);
  };

  private readonly _onPasteSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const field = this.renderRoot.querySelector<HTMLTextAreaElement>('#paste');
    void this.inspect(field?.value ?? '');
  };

  /** Refuses a paste that would make the text longer than a badge can be, before the browser draws it. */
  private readonly _onPaste = (event: ClipboardEvent): void => {
    const pasted = event.clipboardData?.getData('text/plain') ?? '';
    const field = event.target as HTMLTextAreaElement;
    const replaced = Math.max(0, (field.selectionEnd ?? 0) - (field.selectionStart ?? 0));
    const length = field.value.length - replaced + pasted.length;
    if (length > MAX_INPUT_BYTES) {
      event.preventDefault();
      void this._refuse(this.messages.textTooLong(this._chars(length), this._chars(MAX_INPUT_BYTES)));
    }
  };

  private readonly _onUrlSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const field = this.renderRoot.querySelector<HTMLInputElement>('#url');
    const value = field?.value.trim() ?? '';
    if (!/^https?:\/\//i.test(value)) {
      void this._refuse(this.messages.notAUrl);
      return;
    }
    void this._inspectUrl(value);
  };

  private readonly _onDragOver = (event: DragEvent): void => {
    const types = event.dataTransfer?.types ?? [];
    if (!types.includes('Files') && !types.includes('text/uri-list') && !types.includes('text/plain')) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this._over = true;
  };

  private readonly _onDragLeave = (event: DragEvent): void => {
    const zone = event.currentTarget as HTMLElement;
    if (!zone.contains(event.relatedTarget as Node | null)) this._over = false;
  };

  private readonly _onDrop = (event: DragEvent): void => {
    event.preventDefault();
    this._over = false;
    const data = event.dataTransfer;
    const files = data ? [...data.files] : [];
    const first = files[0];
    if (first) {
      const started = this.inspect(first);
      // Say which file is being checked when several were dropped (unless it was refused).
      if (files.length > 1 && this._checking) {
        this._status = { text: this.messages.firstFileOnly(first.name, files.length), error: false };
      }
      void started;
      return;
    }
    // A link or text dragged from another page: an address, or the badge itself.
    const dropped = (data
      ?.getData('text/uri-list')
      .split(/\r?\n/)
      .find((line) => line && !line.startsWith('#')) ??
      data?.getData('text/plain') ??
      '') as string;
    if (dropped.trim() === '') {
      void this._refuse(this.messages.nothingDropped);
      return;
    }
    void this.inspect(dropped);
  };

  // ── Rendering ───────────────────────────────────────────────────────────────────────────────

  protected override updated(): void {
    this._setState(this._checking ? 'checking' : this._report ? this._stateOf(this._report.result) : undefined);
  }

  private _stateOf(result: VerificationResult): InspectorState {
    const display = displayOf(result);
    return display === 'loading' ? 'checking' : display;
  }

  private _setState(current: InspectorState | undefined): void {
    setCustomState(this._internals, STATES, current);
  }

  protected override render(): unknown {
    const m = this.messages;
    const report = this.report;
    return html`<div part="base" class="inspector" aria-busy=${this._checking ? 'true' : 'false'}>
      ${this._heading('title', m.title, this._level(), 'title')}
      <p class="intro">${m.intro}</p>
      ${this._renderInput()}
      <p part="status" class="status ${this._status.error ? 'status--error' : ''}" role="status">
        ${this._status.text}
      </p>
      ${
        this._checking && this._liveLog.length > 0
          ? html`<p class="hint">${m.progress(this._liveLog.length)}</p>`
          : nothing
      }
      ${report ? this._renderResult(report) : nothing}
    </div>`;
  }

  private _renderInput(): TemplateResult {
    const m = this.messages;
    return html`<div
      part="input"
      class="input ${this._over ? 'input--over' : ''}"
      @dragenter=${this._onDragOver}
      @dragover=${this._onDragOver}
      @dragleave=${this._onDragLeave}
      @drop=${this._onDrop}
    >
      <div class="field">
        <label for="file">${m.fileLabel}</label>
        <input
          id="file"
          type="file"
          accept=".png,.svg,.json,.jsonld,.jwt,.txt,image/png,image/svg+xml,application/json,application/ld+json,text/plain"
          aria-describedby="file-hint"
          @change=${this._onFile}
        />
        <p id="file-hint" class="hint">${m.fileHint(this._bytes(MAX_INPUT_BYTES))}</p>
      </div>
      <form class="field" novalidate @submit=${this._onPasteSubmit}>
        <label for="paste">${m.pasteLabel}</label>
        <textarea
          id="paste"
          rows="3"
          spellcheck="false"
          autocomplete="off"
          aria-describedby="paste-hint"
          @paste=${this._onPaste}
        ></textarea>
        <p id="paste-hint" class="hint">${m.pasteHint}</p>
        <button type="submit">${m.pasteButton}</button>
      </form>
      <form class="field" novalidate @submit=${this._onUrlSubmit}>
        <label for="url">${m.urlLabel}</label>
        <input id="url" type="url" inputmode="url" spellcheck="false" autocomplete="url" aria-describedby="url-hint" />
        <p id="url-hint" class="hint">${m.urlHint}</p>
        <button type="submit">${m.urlButton}</button>
      </form>
      <p class="privacy">${m.privacy}</p>
      ${this._over ? html`<p class="input__drop" aria-hidden="true">${m.dropHere}</p>` : nothing}
    </div>`;
  }

  private _renderResult(report: InspectionReport): TemplateResult {
    const m = this.messages;
    const { result } = report;
    const context = this._context(result);
    const display = displayOf(result);
    const problem = firstProblem(list<Check>(result.checks));
    const problemText = problem ? m.checkSentence(problem, context) : undefined;
    const nested = list<NestedResult>(result.nested).filter((item) => isRecord(item) && isResult(item.result));
    const level = this._level(1);
    return html`<div part="result" class="result">
      <ob-badge part="badge" no-checks .verification=${result} .messages=${m} heading-level=${level}></ob-badge>
      <div part="report" class="report" role="group" aria-labelledby="report-title">
        ${this._heading('report-title', m.reportHeading, level)}
        <div class="section">
          <p class="checked-at">${this._renderCheckedAt(result)}</p>
          <p class="summary summary--${pillOf(result)}">${m.summary(display, problemText)}</p>
        </div>
        ${this._renderActions()}
        <div part="checks" class="section" role="group" aria-labelledby="checks-title">
          ${this._heading('checks-title', m.checksHeading(list(result.checks).length), level + 1)}
          ${this._renderChecks(result, context)}
        </div>
        ${this._renderTrust(result.trust, 'trust', level + 1)}
        ${nested.length > 0 ? this._renderNested(nested, level + 1) : nothing}
      </div>
      ${this._renderNetwork(report, level)} ${this._renderEmbed(result, level)}
    </div>`;
  }

  private _renderCheckedAt(result: VerificationResult): TemplateResult {
    const lang = languageOf(this);
    const at = Date.parse(result.checkedAt);
    const today = new Date();
    const sameDay = !Number.isNaN(at) && new Date(at).toDateString() === today.toDateString();
    const time = formatTime(result.checkedAt, lang) || result.checkedAt;
    const date = sameDay ? undefined : formatDate(result.checkedAt, lang);
    return html`<time datetime=${result.checkedAt}
      >${this.messages.checkedInBrowser(displayOf(result) === 'verified', time, date)}</time
    >`;
  }

  private _renderActions(): TemplateResult {
    const m = this.messages;
    return html`<div part="actions" class="section">
      <p class="actions">
        <button type="button" @click=${this._download}>${m.downloadReport}</button>
        <a href=${VALIDATOR_URL} target="_blank" rel="noopener noreferrer"
          >${m.validatorLink}<span class="sr-only"> ${m.opensInNewTab}</span></a
        >
      </p>
      <p class="note">${m.validatorNote}</p>
    </div>`;
  }

  private _renderChecks(result: VerificationResult, context: MessageContext): TemplateResult {
    const m = this.messages;
    const known = new Set(['passed', 'failed', 'warning', 'skipped']);
    return html`<ol class="checks">
      ${list<Check>(result.checks).map((check) => {
        if (!isRecord(check)) return nothing;
        const status = known.has(check.status) ? check.status : 'failed';
        const sentence = isNotRequested(check)
          ? m.recipientNotRequested
          : m.checkSentence({ ...check, status }, context);
        const code = text(check.code);
        return html`<li class="check check--${status}">
          ${icon(CHECK_ICONS[status as CheckStatus], 'icon check__icon')}
          <div class="check__body">
            <p class="check__head">
              <span class="check__label">${m.checkLabel(String(check.id), check.details)}</span>
              <span class="check__status">${m.checkStatus(status)}</span>
            </p>
            <p class="check__sentence">${sentence}</p>
            ${
              code && (status === 'failed' || status === 'warning')
                ? html`<p class="check__code">${m.errorCode}: <code>${clip(code, 64)}</code></p>`
                : nothing
            }
            ${isNotRequested(check) ? nothing : this._renderDetails(check.details, 0)}
          </div>
        </li>`;
      })}
    </ol>`;
  }

  /** A check's facts as a definition list; objects inside it nest (two levels), the rest is cut short. */
  private _renderDetails(details: unknown, depth: number): TemplateResult | typeof nothing {
    if (!isRecord(details)) return nothing;
    // `source: 'local'` is said by the sentence and by the `localDocuments` row.
    const entries = Object.entries(details).filter(
      ([key, value]) => value !== undefined && !(key === 'source' && value === 'local'),
    );
    if (entries.length === 0) return nothing;
    const m = this.messages;
    return html`<dl class="details">
        ${entries.slice(0, MAX_DETAILS).map(
          ([key, value]) =>
            html`<div class="details__row">
              <dt>${m.detailLabel(clip(key, 64))}</dt>
              <dd>${this._renderValue(key, value, depth)}</dd>
            </div>`,
        )}
      </dl>
      ${entries.length > MAX_DETAILS ? html`<p class="hint">${m.more(entries.length - MAX_DETAILS)}</p>` : nothing}`;
  }

  private _renderValue(key: string, value: unknown, depth: number): unknown {
    const m = this.messages;
    if (value === null) return m.none;
    if (typeof value === 'boolean') return value ? m.yes : m.no;
    if (typeof value === 'number') return Number.isFinite(value) ? this._number(value) : String(value);
    if (typeof value === 'string') return this._renderString(key, value);
    if (Array.isArray(value)) {
      if (value.length === 0) return m.none;
      // Deeper than the view nests: one line of JSON, like an object there (never a recursion a badge chooses the depth of).
      if (depth >= 2) return html`<code>${clip(compactJson(value), MAX_VALUE)}</code>`;
      const shown = value.slice(0, MAX_LIST_ITEMS);
      const more =
        value.length > MAX_LIST_ITEMS
          ? html` <span class="hint">${m.more(value.length - MAX_LIST_ITEMS)}</span>`
          : nothing;
      if (shown.every((item) => item === null || typeof item !== 'object')) {
        return html`${shown.map((item, i) => html`${i > 0 ? ', ' : ''}${this._renderValue(key, item, depth + 1)}`)}${more}`;
      }
      return html`<ol class="details__list">
          ${shown.map(
            (item) =>
              html`<li>
                ${isRecord(item) && depth < 2 ? this._renderDetails(item, depth + 1) : this._renderValue(key, item, depth + 1)}
              </li>`,
          )}
        </ol>
        ${more}`;
    }
    if (isRecord(value)) {
      if (depth < 2) return this._renderDetails(value, depth + 1);
      return html`<code>${clip(compactJson(value), MAX_VALUE)}</code>`;
    }
    return clip(String(value), MAX_VALUE);
  }

  private _renderString(key: string, value: string): unknown {
    if (key === 'keySource') return this.messages.keySource(clip(value, 64));
    if (DATE_KEYS.has(key) && !Number.isNaN(Date.parse(value))) {
      return html`<time datetime=${value}>${formatDateTime(value, languageOf(this))}</time>`;
    }
    if (ID_KEYS.has(key) || /^(?:https?:\/\/|did:|urn:)/i.test(value)) {
      const shown = displayId(value, MAX_VALUE) ?? clip(value, MAX_VALUE);
      return html`<code class="id" title=${shown === value ? nothing : clip(value, 2000)}>${shown}</code>`;
    }
    return html`<bdi>${clip(value, MAX_VALUE)}</bdi>`;
  }

  private _renderTrust(trust: TrustReport | undefined, id: string, level: number): TemplateResult | typeof nothing {
    if (!isRecord(trust)) return nothing;
    const m = this.messages;
    const issuerId = text(trust.issuerId);
    const stated = text(trust.statedName);
    const shownId = issuerId ? (displayId(issuerId, MAX_VALUE) ?? clip(issuerId, MAX_VALUE)) : undefined;
    const known = trust.known === null || isRecord(trust.known) ? trust.known : undefined;
    const domain = isRecord(trust.domain) ? trust.domain : undefined;
    return html`<div part="trust" class="section" role="group" aria-labelledby="${id}-title">
      ${this._heading(`${id}-title`, m.trustHeading, level)}
      <dl class="details">
        ${
          shownId
            ? html`<div class="details__row">
                <dt>${m.trustIssuerId}</dt>
                <dd><code class="id">${shownId}</code></dd>
              </div>`
            : nothing
        }
        ${
          stated
            ? html`<div class="details__row">
                <dt>${m.trustStatedName}</dt>
                <dd><bdi>${clip(stated, 200)}</bdi></dd>
              </div>`
            : nothing
        }
        <div class="details__row">
          <dt>${m.trustList}</dt>
          <dd>${m.trustKnown(known)}</dd>
        </div>
        <div class="details__row">
          <dt>${m.trustDomainLabel}</dt>
          <dd>${m.trustDomain(domain)}</dd>
        </div>
      </dl>
      <p class="note">${m.trustNote}</p>
    </div>`;
  }

  private _renderNested(items: readonly NestedResult[], level: number, parent = 'n'): TemplateResult {
    const m = this.messages;
    const headingId = `${parent}-title`;
    return html`<div
      part=${parent === 'n' ? 'nested' : nothing}
      class="section"
      role="group"
      aria-labelledby=${headingId}
    >
      ${this._heading(headingId, m.nestedReportsHeading(items.length), level)}
      <ul class="nested">
        ${items.map((item, index) => {
          const id = `${parent}-${index}`;
          const open = this._open.has(id);
          const result = item.result;
          const name = text(result.badge?.name);
          return html`<li>
            <details ?open=${open} @toggle=${(event: Event) => this._toggle(id, event)}>
              <summary>
                <span class="nested__role">${m.nestedRole(item.role)}</span>
                <span class="nested__name"><bdi>${name ? clip(name, 200) : m.untitledCredential}</bdi></span>
                <span class="word word--${pillOf(result)}">${this._verdictWord(result)}</span>
              </summary>
              ${open ? this._renderSubReport(item, id, level + 1) : nothing}
            </details>
          </li>`;
        })}
      </ul>
    </div>`;
  }

  private _renderSubReport(item: NestedResult, id: string, level: number): TemplateResult {
    const m = this.messages;
    const result = item.result;
    const context = this._context(result);
    const display = displayOf(result);
    const problem = firstProblem(list<Check>(result.checks));
    const nested = list<NestedResult>(result.nested).filter((inner) => isRecord(inner) && isResult(inner.result));
    const location = text(item.location);
    return html`<div class="nested__body">
      ${location ? html`<p class="hint">${m.nestedLocation(clip(location, 200))}</p>` : nothing}
      <p class="summary summary--${pillOf(result)}">
        ${m.summary(display, problem ? m.checkSentence(problem, context) : undefined)}
      </p>
      ${this._renderChecks(result, context)} ${this._renderTrust(result.trust, `${id}-trust`, level)}
      ${nested.length > 0 ? this._renderNested(nested, level, id) : nothing}
    </div>`;
  }

  private _toggle(id: string, event: Event): void {
    const isOpen = (event.target as HTMLDetailsElement).open;
    if (isOpen === this._open.has(id)) return;
    const open = new Set(this._open);
    if (isOpen) open.add(id);
    else open.delete(id);
    this._open = open;
  }

  private _renderNetwork(report: InspectionReport, level: number): TemplateResult {
    const m = this.messages;
    const log = report.log;
    const columns = m.networkColumn;
    const context = this._context(report.result);
    return html`<div part="network" class="network" role="group" aria-labelledby="network-title">
      ${this._heading('network-title', m.networkHeading(log.length), level)}
      ${
        log.length === 0
          ? html`<p class="note">${m.networkEmpty}</p>`
          : html`<div class="table-wrap" tabindex="0" role="group" aria-labelledby="network-title">
                <table>
                  <caption>
                    ${m.networkCaption}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col" class="num">${columns.index}</th>
                      <th scope="col">${columns.url}</th>
                      <th scope="col">${columns.kind}</th>
                      <th scope="col">${columns.outcome}</th>
                      <th scope="col">${columns.source}</th>
                      <th scope="col" class="num">${columns.size}</th>
                      <th scope="col" class="num">${columns.time}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${log.slice(0, MAX_LOG_ROWS).map((record, index) => this._renderFetch(record, index, report, context))}
                  </tbody>
                </table>
              </div>
              ${log.length > MAX_LOG_ROWS ? html`<p class="hint">${m.more(log.length - MAX_LOG_ROWS)}</p>` : nothing}`
      }
    </div>`;
  }

  private _renderFetch(
    record: FetchRecord,
    index: number,
    report: InspectionReport,
    context: MessageContext,
  ): TemplateResult {
    const m = this.messages;
    const url = String(record.url);
    const shown = displayId(url, 120) ?? clip(url, 120);
    const finalUrl = text(record.finalUrl);
    const code = text(record.code);
    const sentence =
      record.ok || !code
        ? undefined
        : (m.fetchFailure(code) ??
          (code.startsWith('ERR_OB_') ? m.codeText(code as BadgeErrorCode, undefined, context) : undefined));
    return html`<tr class=${record.ok ? '' : 'fetch--failed'}>
      <td class="num">${index + 1}</td>
      <td class="fetch__url">
        <code class="id" title=${shown === url ? nothing : clip(url, 2000)}>${shown}</code>
        ${
          finalUrl
            ? html`<span class="fetch__extra">${m.redirectedTo(displayId(finalUrl, 120) ?? clip(finalUrl, 120))}</span>`
            : nothing
        }
        ${
          record.viaProxy !== undefined
            ? html`<span class="fetch__extra">${m.viaProxyShort(displayHost(record.viaProxy))}</span>`
            : nothing
        }
      </td>
      <td>${m.fetchKind(fetchKindOf(record, report.input))}</td>
      <td>${m.fetchOutcome(record, sentence)}</td>
      <td>${m.fetchSource(record.source)}</td>
      <td class="num">${typeof record.bytes === 'number' ? this._bytes(record.bytes) : '–'}</td>
      <td class="num">${typeof record.durationMs === 'number' ? this._ms(record.durationMs) : '–'}</td>
    </tr>`;
  }

  private _renderEmbed(result: VerificationResult, level: number): TemplateResult | typeof nothing {
    const embed = this._embed;
    if (!embed) return nothing;
    const m = this.messages;
    if ('unavailable' in embed) {
      return html`<div part="embed" class="embed" role="group" aria-labelledby="embed-title">
        ${this._heading('embed-title', m.embedHeading, level)}
        <p class="note">${m.embedUnavailable(embed.unavailable)}</p>
      </div>`;
    }
    const snippet = embed.snippet;
    const shortened = snippet.length > SNIPPET_SHOWN;
    return html`<div part="embed" class="embed" role="group" aria-labelledby="embed-title">
      ${this._heading('embed-title', m.embedHeading, level)}
      <p>${m.embedIntro(embed.content.kind === 'src' ? 'src' : 'inline')}</p>
      ${displayOf(result) === 'verified' ? nothing : html`<p class="note note--warn">${m.embedNotVerified}</p>`}
      <figure class="snippet">
        <figcaption class="snippet__bar">
          <span id="snippet-label">${m.snippetLabel}</span>
          <button type="button" @click=${this._copy}>${m.copySnippet}</button>
        </figcaption>
        <pre part="snippet" class="snippet__code" tabindex="0" role="group" aria-labelledby="snippet-label"><code>${
          shortened ? `${snippet.slice(0, SNIPPET_SHOWN)}…` : snippet
        }</code></pre>
      </figure>
      ${
        shortened
          ? html`<p class="hint">${m.snippetShortened(this._number(SNIPPET_SHOWN), this._number(snippet.length))}</p>`
          : nothing
      }
      ${this._heading('preview-title', m.previewHeading, level + 1, 'subheading')}
      <p class="note">${m.previewNote}</p>
      <div part="preview" class="preview" role="group" aria-labelledby="preview-title">${this._preview}</div>
    </div>`;
  }

  private readonly _copy = async (): Promise<void> => {
    const embed = this._embed;
    if (!embed || !('snippet' in embed)) return;
    const m = this.messages;
    try {
      if (!navigator.clipboard) throw new Error('No clipboard');
      await navigator.clipboard.writeText(embed.snippet);
      this._status = { text: m.copied, error: false };
    } catch {
      this._status = { text: m.copyFailed, error: true };
    }
  };

  private readonly _download = (): void => {
    const report = this.report;
    if (!report) return;
    const url = URL.createObjectURL(new Blob([reportText(report)], { type: 'application/json' }));
    const link = this.ownerDocument.createElement('a');
    link.href = url;
    link.download = reportFileName(report.result);
    link.rel = 'noopener';
    link.hidden = true;
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    // Long enough for the browser to start the download; the blob is only the report.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    this._status = { text: this.messages.downloaded, error: false };
  };
}

if (!customElements.get('ob-inspector')) customElements.define('ob-inspector', ObInspector);

declare global {
  interface HTMLElementTagNameMap {
    'ob-inspector': ObInspector;
  }
}
