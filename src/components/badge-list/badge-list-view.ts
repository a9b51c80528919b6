import { adoptStyles, html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { BadgeError } from '../../core/errors.js';
import { createDocumentLoader, jsonOf, type DocumentLoader } from '../../core/fetcher.js';
import type { VerificationResult } from '../../core/result.js';
import type { Verifier } from '../../core/verify.js';
import { isResult } from '../base/results.js';
import { listEn, type ListErrorCode, type ListMessages, type ListSummary } from '../../messages/list-messages.js';
import type { ObBadge } from '../badge/badge.js';
import type { ObBadgeList, ListVariant } from './badge-list.js';
import { listStyles } from './badge-list.styles.js';
import { MAX_LIST_ENTRIES, readList, toBadgeInput, type BadgeInput } from './list-sources.js';
import {
  CATEGORIES,
  factsOf,
  formatFilter,
  formatState,
  matches,
  optionsOf,
  parseState,
  readHash,
  sortItems,
  sortKeyOf,
  SORT_KEYS,
  summarize,
  writeHash,
  type FilterOption,
  type ItemFacts,
  type ListFilter,
  type ListViewState,
} from './list-state.js';
import { ObListSummaryEvent } from '../../events/list-summary-event.js';

/**
 * What `<ob-badge-list>` does, loaded with `import()` when the first list is connected (see
 * badge-list.ts): reading its sources, making and tracking its badges, sorting, filtering, the
 * summary, the URL hash, and drawing. A Lit controller of the element, so the element stays a thin
 * set of properties in the page's first download.
 *
 * lit is an ordinary import: the build's chunk plan (vite.config.ts) keeps it in the script-tag
 * file, which this chunk imports.
 */

/** The largest `src` document read (4 MiB: a thousand embedded assertions). */
const MAX_LIST_BYTES = 4 * 1024 * 1024;

/** The live summary waits this long for results to stop arriving, and never longer than `SUMMARY_MAX_WAIT_MS`. */
const SUMMARY_DEBOUNCE_MS = 400;
const SUMMARY_MAX_WAIT_MS = 1500;

/** Option labels are untrusted names: at most this many characters. */
const MAX_LABEL = 60;

const VARIANTS: readonly ListVariant[] = ['card', 'compact', 'detailed'];

let defaultLoader: DocumentLoader | undefined;

interface Item {
  /** How the badge was given: the same input keeps its element (and its settled result) across source changes. */
  readonly key: string;
  /** Position in the sources. */
  index: number;
  readonly badge: ObBadge;
  /** The `role="listitem"` cell the list moves when it sorts. */
  readonly wrapper: HTMLElement;
  /** A child of the list (the page's element), not one the list made. */
  readonly child: boolean;
  result: VerificationResult | undefined;
  facts: ItemFacts | undefined;
}

interface ListError {
  readonly code: ListErrorCode;
  readonly details?: Readonly<Record<string, unknown>>;
}

function sameSummary(a: ListSummary | undefined, b: ListSummary | undefined): boolean {
  if (!a || !b) return a === b;
  return (Object.keys(a) as (keyof ListSummary)[]).every((key) => a[key] === b[key]);
}

function clipLabel(label: string): string {
  const chars = Array.from(label.replace(/\s+/gu, ' ').trim());
  return chars.length > MAX_LABEL ? `${chars.slice(0, MAX_LABEL - 1).join('')}…` : chars.join('');
}

/**
 * The indices of a longest strictly increasing subsequence of `values` (entries of -1 skipped):
 * the cells that can stay where they are when the list is put in a new order.
 */
function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = []; // index into values of the smallest tail of each length
  const previous = new Array<number>(values.length).fill(-1);
  values.forEach((value, i) => {
    if (value < 0) return;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (values[tails[mid]!]! < value) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1]!;
    tails[low] = i;
  });
  const kept = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i]!) kept.add(i);
  return kept;
}

/**
 * Puts `cells` in `list` in this order, moving as few as possible, and removes the cells no
 * longer wanted (other children, such as a fallback slot, stay first). A moved badge is
 * disconnected and connected again, which restarts a verification still running, so the badges
 * that stay put are the most that can.
 */
function arrange(list: HTMLElement, cells: readonly HTMLElement[]): void {
  const wanted = new Set(cells);
  for (const child of [...list.children]) {
    if (child.getAttribute('role') === 'listitem' && !wanted.has(child as HTMLElement)) child.remove();
  }
  const position = new Map([...list.children].map((child, i) => [child, i]));
  const kept = longestIncreasing(cells.map((cell) => position.get(cell) ?? -1));
  let next: Element | null = null;
  for (let i = cells.length - 1; i >= 0; i--) {
    const cell = cells[i]!;
    if (!kept.has(i)) list.insertBefore(cell, next);
    next = cell;
  }
}

/**
 * New badges made per task while a list is built: each draws its first card as it is placed, so
 * a 1,000-entry list is made in small tasks, the first screen's badges first.
 */
const MAKE_CHUNK = 24;

/** How long the list waits to draw again after a badge settles, gathering the results that follow. */
const REFRESH_MS = 100;

/** An entry to show, once read: the same input keeps its element. */
interface Wanted {
  readonly key: string;
  readonly input: BadgeInput;
}

/** What the list gives each generated badge. */
interface Lent {
  readonly variant: ListVariant;
  readonly verifier: Verifier | undefined;
  readonly now: Date | undefined;
  readonly trusted: string | undefined;
  readonly checkDomain: boolean;
}

function lendTo(badge: ObBadge, lent: Lent): void {
  badge.trustedIssuers = lent.trusted;
  badge.checkDomain = lent.checkDomain;
  badge.compact = lent.variant !== 'detailed';
  badge.noChecks = lent.variant === 'compact';
  badge.verifier = lent.verifier;
  badge.now = lent.now;
}

export class ListView implements ReactiveController {
  private readonly _host: ObBadgeList;
  private readonly _states: Set<string> | undefined;

  private _children: Item[] = [];
  private _generated: Item[] = [];
  /** Every entry to show, in order: `_generated` is its first part while the rest are being made. */
  private _wanted: readonly Wanted[] = [];
  /** Badges of an earlier build not placed yet, by key: reused when their entry comes, else dropped. */
  private readonly _pool = new Map<string, Item[]>();
  private _making: ReturnType<typeof setTimeout> | undefined;
  private _refresh: ReturnType<typeof setTimeout> | undefined;
  /** What the generated badges (and the children) were last lent. */
  private _lentFor: Lent | undefined;
  private _lentChildren: Item[] | undefined;
  private readonly _items = new WeakMap<Element, Item>();
  /** Children's `verifier` and `now` the list set (and may change); the page's own are left alone. */
  private readonly _lent = new WeakMap<ObBadge, { verifier?: Verifier | undefined; now?: Date | undefined }>();
  private _objectIds = new WeakMap<object, number>();
  private _nextId = 0;

  /** The `src` (resolved) and loader of the last load started, its progress and what it read. */
  private _srcFor: readonly [string | undefined, DocumentLoader | undefined] | undefined;
  private _srcAbort: AbortController | undefined;
  private _srcLoading = false;
  private _srcError: ListError | undefined;
  private _srcEntries: readonly unknown[] = [];
  private _srcTotal = 0;
  private _srcBase: string | undefined;
  private _credentialsFor: unknown = null;
  private _skipped = 0;
  private _total = 0;

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

  private readonly _observer = new MutationObserver(() => this._syncChildren());
  private readonly _onVerified = (event: Event): void => {
    const target = event.composedPath()[0];
    const item = target instanceof Element ? this._items.get(target) : undefined;
    const result = (event as Event & { result?: unknown }).result;
    if (!item || !isResult(result)) return;
    item.result = result;
    item.facts = factsOf(result);
    this._refreshSoon();
  };
  private readonly _onHashChange = (): void => {
    if (this._host.hashState) this._readHash();
  };
  private readonly _onFocusOut = (): void => {
    // After focus has moved: the order waits only while it is inside the list.
    setTimeout(() => this._host.requestUpdate(), 0);
  };

  constructor(host: ObBadgeList) {
    this._host = host;
    let states: Set<string> | undefined;
    try {
      states = host.attachInternals().states as Set<string>;
    } catch {
      // Internals taken (a subclass) or unsupported: the list works without custom states.
    }
    this._states = states;
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
      const merged: Record<string, unknown> = { ...listEn };
      if (given && typeof given === 'object') {
        for (const [key, value] of Object.entries(listEn)) {
          const own = (given as Record<string, unknown>)[key];
          if (typeof own === typeof value) merged[key] = own;
        }
      }
      this._merged = merged as unknown as ListMessages;
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
    const states = this._states;
    if (!states) return;
    const summary = this._summary;
    const on = {
      loading: this._srcLoading,
      error: this._srcError !== undefined,
      empty: !this._srcLoading && (summary?.total ?? 0) === 0,
      checking: (summary?.pending ?? 0) > 0,
      settled: (summary?.total ?? 0) > 0 && summary?.pending === 0,
    };
    for (const [name, value] of Object.entries(on)) {
      try {
        if (value) states.add(name);
        else states.delete(name);
      } catch {
        // Browsers that predate `:state()`.
      }
    }
  }

  // ── Sources ───────────────────────────────────────────────────────────────────────────────────

  private _syncChildren(): void {
    const children: Item[] = [];
    for (const element of this._host.children) {
      if (element.localName !== 'ob-badge') continue;
      const badge = element as ObBadge;
      let item = this._items.get(badge);
      if (!item) {
        const wrapper = this._cell();
        const slot = this._host.ownerDocument.createElement('slot');
        wrapper.append(slot);
        // A child that settled before the list was ready: its result is read here, not from an event.
        const result: unknown = badge.result;
        item = {
          key: '',
          index: 0,
          badge,
          wrapper,
          child: true,
          result: isResult(result) ? result : undefined,
          facts: isResult(result) ? factsOf(result) : undefined,
        };
        this._items.set(badge, item);
      }
      const slot = item.wrapper.firstElementChild as HTMLSlotElement;
      if (typeof slot.assign === 'function' && slot.assignedElements()[0] !== badge) slot.assign(badge);
      children.push(item);
    }
    const current = new Set(children);
    for (const item of this._children) if (!current.has(item)) this._items.delete(item.badge);
    this._children = children;
    this._host.requestUpdate();
  }

  private _cell(): HTMLElement {
    const wrapper = this._host.ownerDocument.createElement('div');
    wrapper.className = 'item';
    wrapper.setAttribute('role', 'listitem');
    wrapper.setAttribute('part', 'item');
    return wrapper;
  }

  /** Starts reading `src` when it (or the loader) changed; a previous read is aborted and ignored. */
  private _syncSrc(): void {
    const host = this._host;
    const raw = host.src?.trim() || undefined;
    let url: string | undefined;
    try {
      url = raw === undefined ? undefined : new URL(raw, host.ownerDocument.baseURI).href;
    } catch {
      url = raw;
    }
    const loader = host.loader;
    if (this._srcFor && this._srcFor[0] === url && this._srcFor[1] === loader) return;
    this._srcFor = [url, loader];
    this._srcAbort?.abort();
    this._srcAbort = undefined;
    this._srcError = undefined;
    this._srcEntries = [];
    this._srcTotal = 0;
    this._srcBase = undefined;
    this._srcLoading = url !== undefined;
    this._rebuild();
    if (url === undefined) return;
    const abort = new AbortController();
    this._srcAbort = abort;
    void this._readSrc(url, loader, abort.signal);
  }

  private async _readSrc(url: string, loader: DocumentLoader | undefined, signal: AbortSignal): Promise<void> {
    let error: ListError | undefined;
    try {
      const load = loader ?? (defaultLoader ??= createDocumentLoader({ maxBytes: MAX_LIST_BYTES }));
      // Any redirect: each badge is judged by its own proof and host, never by the list's address.
      const document = await load(url, { accept: 'json', signal, redirects: 'any' });
      if (signal.aborted) return;
      const read = readList(jsonOf(document));
      if (read.ok) {
        this._srcEntries = read.entries;
        this._srcTotal = read.total;
        this._srcBase = document.finalUrl;
      } else error = { code: read.code };
    } catch (caught) {
      if (signal.aborted) return;
      error =
        caught instanceof BadgeError
          ? { code: caught.code, ...(caught.details ? { details: caught.details } : {}) }
          : { code: 'ERR_OB_LIST_UNEXPECTED' };
    }
    this._srcLoading = false;
    this._srcError = error;
    this._rebuild();
    this._host.requestUpdate();
  }

  private _keyOf(input: BadgeInput): string {
    if (input.src !== undefined) return `u ${input.src}`;
    const credential = input.credential;
    if (typeof credential === 'string') return `t ${credential}`;
    let id = this._objectIds.get(credential);
    if (id === undefined) this._objectIds.set(credential, (id = this._nextId++));
    return `o ${id}`;
  }

  /**
   * The generated badges, from `src` then `credentials`, capped. An input given before keeps its
   * element (and result); the others are made, each `<ob-badge loading="lazy">`, a few at a time
   * (`_makeMore`).
   */
  private _rebuild(): void {
    const host = this._host;
    const fromProperty = Array.isArray(host.credentials) ? (host.credentials as readonly unknown[]) : [];
    this._total = this._srcTotal + fromProperty.length;
    const entries: [unknown, string | undefined][] = [];
    for (const entry of this._srcEntries) {
      if (entries.length >= MAX_LIST_ENTRIES) break;
      entries.push([entry, this._srcBase]);
    }
    for (const entry of fromProperty) {
      if (entries.length >= MAX_LIST_ENTRIES) break;
      entries.push([entry, host.ownerDocument.baseURI]);
    }
    // The badges not yet placed (of an earlier rebuild still being made) can be reused too.
    const pool = this._pool;
    for (const item of this._generated) {
      const same = pool.get(item.key);
      if (same) same.push(item);
      else pool.set(item.key, [item]);
    }
    const wanted: Wanted[] = [];
    let skipped = 0;
    for (const [entry, base] of entries) {
      const input = toBadgeInput(entry, base);
      if (!input) {
        skipped++;
        continue;
      }
      wanted.push({ key: this._keyOf(input), input });
    }
    this._wanted = wanted;
    this._generated = [];
    this._skipped = skipped;
    clearTimeout(this._making);
    this._making = undefined;
    this._makeMore();
  }

  /**
   * Places the wanted badges in order, reusing those given before and making at most `MAKE_CHUNK`
   * new ones; the rest follow in later tasks. Each new badge draws its first card when it is
   * placed, so a 1,000-entry list is never made in one long task.
   */
  private _makeMore(): void {
    this._making = undefined;
    const wanted = this._wanted;
    const generated = [...this._generated];
    let made = 0;
    while (generated.length < wanted.length) {
      const { key, input } = wanted[generated.length]!;
      let item = this._pool.get(key)?.shift();
      if (!item) {
        if (made >= MAKE_CHUNK) break;
        item = this._make(key, input);
        made++;
      }
      generated.push(item);
    }
    this._generated = generated;
    if (generated.length < wanted.length) {
      this._making = setTimeout(() => this._makeMore(), 0);
    } else {
      for (const items of this._pool.values()) for (const item of items) this._items.delete(item.badge);
      this._pool.clear();
    }
    this._host.requestUpdate();
  }

  private _make(key: string, input: BadgeInput): Item {
    const badge = this._host.ownerDocument.createElement('ob-badge');
    badge.setAttribute('loading', 'lazy');
    if (input.src !== undefined) badge.src = input.src;
    else badge.credential = input.credential;
    if (this._lentFor) lendTo(badge, this._lentFor);
    const wrapper = this._cell();
    wrapper.append(badge);
    const item: Item = { key, index: 0, badge, wrapper, child: false, result: undefined, facts: undefined };
    this._items.set(badge, item);
    return item;
  }

  /**
   * Gives the generated badges the list's variant, verifier, clock, trust list and `check-domain`, and children
   * the verifier and clock when the page did not give them their own. Only when one of them (or
   * the children) changed: a badge made later gets them when it is made.
   */
  private _lend(): void {
    const host = this._host;
    const variant = VARIANTS.includes(host.variant) ? host.variant : 'card';
    const lent: Lent = {
      variant,
      verifier: host.verifier ?? undefined,
      now: host.now ?? undefined,
      trusted: host.trustedIssuers ?? undefined,
      checkDomain: host.checkDomain === true,
    };
    const before = this._lentFor;
    const same =
      before !== undefined && (Object.keys(lent) as (keyof Lent)[]).every((key) => lent[key] === before[key]);
    if (!same) {
      this._lentFor = lent;
      for (const { badge } of this._generated) lendTo(badge, lent);
    }
    if (same && this._lentChildren === this._children) return;
    this._lentChildren = this._children;
    const { verifier, now } = lent;
    for (const { badge } of this._children) {
      const given = this._lent.get(badge) ?? {};
      if (badge.verifier === given.verifier) badge.verifier = given.verifier = verifier;
      if (badge.now === given.now) badge.now = given.now = now;
      this._lent.set(badge, given);
    }
  }

  // ── State: sort, filters, hash ──────────────────────────────────────────────────────────────────

  private _state(): ListViewState {
    const host = this._host;
    return { sort: sortKeyOf(host.sort) ?? 'source', filter: parseState(host.filter).filter };
  }

  /** The hash part's name: `ob-list`, or `ob-list-<id>` for a list with a (plain) id. */
  private _hashName(): string {
    const id = this._host.id;
    return /^[\w-]{1,64}$/.test(id) ? `ob-list-${id}` : 'ob-list';
  }

  private _readHash(): void {
    this._hashRead = true;
    const value = readHash(window.location.hash, this._hashName());
    if (value !== undefined) {
      const { sort, filter } = parseState(value);
      this._host.sort = sort ?? 'source';
      this._host.filter = formatFilter(filter);
    }
    this._hashState = formatState(this._state());
  }

  /** Puts a changed state in the hash, leaving its other parts alone and the history as it is. */
  private _writeHash(): void {
    const value = formatState(this._state());
    if (value === this._hashState) return;
    this._hashState = value;
    const location = window.location;
    const name = this._hashName();
    if ((readHash(location.hash, name) ?? '') === value) return;
    const hash = writeHash(location.hash, name, value);
    try {
      history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
    } catch {
      // A sandboxed document may refuse; the list works without it.
    }
  }

  private _setFilter(key: keyof ListFilter, value: string): void {
    const filter = { ...this._state().filter, [key]: value === '' ? undefined : value };
    this._host.filter = formatFilter(filter);
  }

  private readonly _onSort = (event: Event): void => {
    this._host.sort = sortKeyOf((event.target as HTMLSelectElement).value) ?? 'source';
  };

  private readonly _onFilter = (event: Event): void => {
    const select = event.target as HTMLSelectElement;
    this._setFilter(select.dataset['filter'] as keyof ListFilter, select.value);
  };

  private readonly _onClear = (): void => {
    this._host.filter = '';
  };

  /**
   * Draws the list again (order, filters, summary) once results stop arriving for a moment: each
   * draw goes over every badge, so a wall does it a few times a second, not once per badge.
   */
  private _refreshSoon(): void {
    this._refresh ??= setTimeout(() => {
      this._refresh = undefined;
      this._host.requestUpdate();
    }, REFRESH_MS);
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
    const state = this._state();
    const items = [...this._children, ...this._generated];
    items.forEach((item, index) => (item.index = index));

    let order = sortItems(items, state.sort);
    // Nothing moves under a keyboard or screen reader user: while focus is inside the list, the
    // order drawn stays, new badges after it; the new order waits for focus to leave.
    if (this._list?.matches(':focus-within')) {
      const present = new Set(items);
      const kept = this._order.filter((item) => present.has(item));
      const keptSet = new Set(kept);
      order = [...kept, ...order.filter((item) => !keptSet.has(item))];
    }
    let shown = 0;
    for (const item of order) {
      const visible = !item.facts || matches(item.facts, state.filter);
      if (item.wrapper.hidden === visible) item.wrapper.hidden = !visible;
      if (visible) shown++;
    }
    this._order = order;
    // Badges still being made count as being checked.
    const unmade = this._wanted.length - this._generated.length;
    const summary = summarize(items, shown);
    this._summary =
      unmade > 0 ? { ...summary, total: summary.total + unmade, pending: summary.pending + unmade } : summary;

    const variant = VARIANTS.includes(host.variant) ? host.variant : 'card';
    const filtering = formatFilter(state.filter) !== '';
    const error = this._srcError;
    const notes: string[] = [];
    if (this._total > MAX_LIST_ENTRIES) notes.push(m.capped(MAX_LIST_ENTRIES, this._total));
    if (this._skipped > 0) notes.push(m.skipped(this._skipped));
    const status = this._srcLoading ? m.loadingList : this._shownSummary ? m.summary(this._shownSummary) : '';
    const manual = typeof HTMLSlotElement.prototype.assign === 'function';

    return html`
      ${host.noToolbar || items.length === 0 ? nothing : this._renderToolbar(state, items, filtering)}
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
              <button part="clear" type="button" @click=${this._onClear}>${m.clearFilters}</button>`
          : nothing
      }
    `;
  }

  private _renderToolbar(state: ListViewState, items: readonly Item[], filtering: boolean): TemplateResult {
    const m = this._messages;
    const facts = items.flatMap((item) => (item.facts ? [item.facts] : []));
    const options = optionsOf(facts);
    const categories = CATEGORIES.map((category) => ({ value: category, label: m.category(category) }));
    const filter = state.filter;
    const select = (
      key: keyof ListFilter,
      label: string,
      any: string,
      choices: readonly FilterOption[],
    ): TemplateResult => {
      const value = filter[key];
      // A value restored from the hash before any badge offers it is still shown as chosen.
      const all =
        value !== undefined && !choices.some((choice) => choice.value === value)
          ? [...choices, { value, label: value }]
          : choices;
      return html`<label part="control" class="control">
        <span>${label}</span>
        <select part="filter ${key}-filter" data-filter=${key} @change=${this._onFilter}>
          <option value="" .selected=${value === undefined}>${any}</option>
          ${all.map(
            (choice) =>
              html`<option value=${choice.value} .selected=${choice.value === value}>
                ${clipLabel(choice.label)}
              </option>`,
          )}
        </select>
      </label>`;
    };
    return html`<div part="toolbar" class="toolbar" role="group" aria-label=${m.toolbarLabel}>
      <label part="control" class="control">
        <span>${m.sortLabel}</span>
        <select part="sort" @change=${this._onSort}>
          ${SORT_KEYS.map(
            (key) => html`<option value=${key} .selected=${key === state.sort}>${m.sortOption(key)}</option>`,
          )}
        </select>
      </label>
      ${select('issuer', m.issuerLabel, m.anyIssuer, options.issuers)}
      ${select('skill', m.skillLabel, m.anySkill, options.skills)}
      ${select('year', m.yearLabel, m.anyYear, options.years)}
      ${select('verdict', m.verdictLabel, m.anyVerdict, categories)}
      ${filtering ? html`<button part="clear" type="button" @click=${this._onClear}>${m.clearFilters}</button>` : nothing}
    </div>`;
  }
}
