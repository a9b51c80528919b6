import { adoptStyles, html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { VerificationResult } from '../../core/result.js';
import { listEn, type ListMessages, type ListSummary } from '../../messages/list-messages.js';
import { withFallback } from '../../messages/messages-base.js';
import { ObListSummaryEvent } from '../../events/list-summary-event.js';
import { listStyles } from './badge-list.styles.js';
import { arrange, orderToDraw, showMatching } from './list-arrange.js';
import { ListBadges } from './list-badges.js';
import { restoreFromHash, saveToHash, toolbarHandlers, viewStateOf } from './list-controls.js';
import { listStates } from './list-custom-states.js';
import { variantOf } from './list-lending.js';
import { MAX_LIST_ENTRIES } from './list-sources.js';
import { formatFilter, sameSummary, summarize } from './list-state.js';
import { renderToolbar, type ToolbarHandlers } from './list-toolbar.js';
import type { Item, ListError, ListHost } from './list-types.js';

/**
 * What `<ob-badge-list>` does, loaded with `import()` when the first list is connected (see
 * badge-list.ts): its badges (list-badges.ts, which it extends), sorting, filtering, the summary, the
 * URL hash, and drawing. A Lit controller of the element, so the element stays a thin set of
 * properties in the page's first download. The parts live beside it (list-*.ts), the element's
 * shape in list-types.ts, which the element imports too.
 *
 * lit is an ordinary import: the build's chunk plan (vite.config.ts) keeps it in the script-tag
 * file, which this chunk imports.
 */

/** The live summary waits this long for results to stop arriving, and never longer than `SUMMARY_MAX_WAIT_MS`. */
const SUMMARY_DEBOUNCE_MS = 400;
const SUMMARY_MAX_WAIT_MS = 1500;

export class ListView extends ListBadges implements ReactiveController {
  private readonly _showStates: ReturnType<typeof listStates>;
  private readonly _controls: ToolbarHandlers;

  /** The order last drawn, kept while focus is inside the list. */
  private _order: Item[] = [];
  private _list: HTMLElement | undefined;
  private _summary: ListSummary | undefined;
  private _shownSummary: ListSummary | undefined;
  private _summaryTimer: ReturnType<typeof setTimeout> | undefined;
  private _summarySince: number | undefined;

  private _messagesFor: unknown;
  private _merged: ListMessages = listEn;

  /** The state last written to (or read from) the hash. */
  private _hashState: string | undefined;
  private _hashRead = false;

  private readonly _onHashChange = (): void => {
    if (this._host.hashState) this._readHash();
  };
  private readonly _onFocusOut = (): void => {
    // After focus has moved: the order waits only while it is inside the list.
    setTimeout(() => this._host.requestUpdate(), 0);
  };

  constructor(host: ListHost) {
    super(host);
    this._showStates = listStates(host);
    this._controls = toolbarHandlers(host);
    adoptStyles(host.renderRoot as ShadowRoot, [listStyles]);
    host.addController(this);
    host.requestUpdate();
  }

  get results(): readonly VerificationResult[] {
    return this._order.filter((item) => !item.wrapper.hidden && item.result).map((item) => item.result!);
  }

  get summary(): ListSummary | undefined {
    return this._summary;
  }

  get error(): ListError | undefined {
    return this._srcError;
  }

  /** The list's strings: what the page gave, each member it lacks (or gives with the wrong type) in English. */
  private get _messages(): ListMessages {
    const given: unknown = this._host.messages;
    if (given !== this._messagesFor) {
      this._messagesFor = given;
      this._merged = withFallback(given, listEn);
    }
    return this._merged;
  }

  hostConnected(): void {
    this._observer.observe(this._host, { childList: true });
    this._host.addEventListener('ob-verified', this._onVerified);
    window.addEventListener('hashchange', this._onHashChange);
    this._hashRead = false;
    this._syncChildren();
  }

  hostDisconnected(): void {
    this._observer.disconnect();
    this._host.removeEventListener('ob-verified', this._onVerified);
    window.removeEventListener('hashchange', this._onHashChange);
    if (this._srcLoading) {
      // Read it again when the list comes back.
      this._srcAbort?.abort();
      this._srcFor = undefined;
      this._srcLoading = false;
    }
    clearTimeout(this._summaryTimer);
    this._summaryTimer = undefined;
    this._summarySince = undefined;
    clearTimeout(this._refresh);
    this._refresh = undefined;
  }

  hostUpdate(): void {
    const host = this._host;
    if (host.hashState && !this._hashRead) this._readHash();
    if (!host.hashState) this._hashRead = false;
    this._syncSrc();
    if (host.credentials !== this._credentialsFor) {
      this._credentialsFor = host.credentials;
      this._rebuild();
    }
    this._lend();
  }

  hostUpdated(): void {
    const host = this._host;
    this._list = host.renderRoot.querySelector<HTMLElement>('.list') ?? undefined;
    const cells = this._order.map((item) => item.wrapper);
    if (this._list) arrange(this._list, cells);
    if (host.hashState) this._writeHash();
    if (!sameSummary(this._summary, this._shownSummary)) this._scheduleSummary();
    this._showStates?.({ loading: this._srcLoading, error: this._srcError !== undefined, summary: this._summary });
  }

  // ── Sort, filters, hash (list-controls.ts) ─────────────────────────────────────────────────────

  private _readHash(): void {
    this._hashRead = true;
    this._hashState = restoreFromHash(this._host);
  }

  private _writeHash(): void {
    this._hashState = saveToHash(this._host, this._hashState);
  }

  // ── Summary ───────────────────────────────────────────────────────────────────────────────────

  /** Shows (and announces, and fires) the summary once results stop arriving for a moment, at most every 1.5 s. */
  private _scheduleSummary(): void {
    const now = Date.now();
    this._summarySince ??= now;
    clearTimeout(this._summaryTimer);
    const wait = Math.max(0, Math.min(SUMMARY_DEBOUNCE_MS, this._summarySince + SUMMARY_MAX_WAIT_MS - now));
    this._summaryTimer = setTimeout(() => {
      this._summaryTimer = undefined;
      this._summarySince = undefined;
      const summary = this._summary;
      if (sameSummary(summary, this._shownSummary)) return;
      this._shownSummary = summary;
      this._host.requestUpdate();
      if (summary) this._host.dispatchEvent(new ObListSummaryEvent(summary));
    }, wait);
  }

  // ── Drawing ───────────────────────────────────────────────────────────────────────────────────

  render(): TemplateResult {
    const host = this._host;
    const m = this._messages;
    const state = viewStateOf(host);
    const items = [...this._children, ...this._generated];
    items.forEach((item, index) => (item.index = index));

    const order = orderToDraw(items, state.sort, this._list?.matches(':focus-within') ? this._order : undefined);
    const shown = showMatching(order, state.filter);
    this._order = order;
    // Badges still being made count as being checked.
    const unmade = this._wanted.length - this._generated.length;
    const summary = summarize(items, shown);
    this._summary =
      unmade > 0 ? { ...summary, total: summary.total + unmade, pending: summary.pending + unmade } : summary;

    const filtering = formatFilter(state.filter) !== '';
    const status = this._srcLoading ? m.loadingList : this._shownSummary ? m.summary(this._shownSummary) : '';
    const variant = variantOf(host);
    const error = this._srcError;
    const notes: string[] = [];
    if (this._total > MAX_LIST_ENTRIES) notes.push(m.capped(MAX_LIST_ENTRIES, this._total));
    if (this._skipped > 0) notes.push(m.skipped(this._skipped));
    const manual = typeof HTMLSlotElement.prototype.assign === 'function';

    return html`
      ${host.noToolbar || items.length === 0 ? nothing : renderToolbar(m, state, items, filtering, this._controls)}
      <p part="summary" class="summary" role="status">${status}</p>
      ${error ? html`<p part="error" class="error" role="alert">${m.listError(error.code, error.details)}</p>` : nothing}
      ${notes.map((note) => html`<p part="note" class="note">${note}</p>`)}
      ${
        items.length === 0
          ? this._srcLoading || error
            ? nothing
            : html`<p part="empty" class="empty">${m.empty}</p>`
          : html`<div
              part="list"
              class="list list--${variant}"
              role="list"
              aria-label=${m.listLabel}
              aria-busy=${this._srcLoading ? 'true' : 'false'}
              @focusout=${this._onFocusOut}
            >
              ${manual ? nothing : html`<slot></slot>`}
            </div>`
      }
      ${
        items.length > 0 && shown === 0
          ? html`<p part="empty" class="empty">${m.noMatches}</p>
              <button part="clear" type="button" @click=${this._controls.onClear}>${m.clearFilters}</button>`
          : nothing
      }
    `;
  }
}
