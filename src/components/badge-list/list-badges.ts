import { BadgeError } from '../../core/errors.js';
import { createDocumentLoader, jsonOf, type DocumentLoader } from '../../core/fetcher.js';
import { isResult } from '../base/results.js';
import type { ObBadge } from '../badge/badge.js';
import { childItem, inputKeys, makeItem } from './list-items.js';
import { lendTo, variantOf, type Lent, type LentToChild } from './list-lending.js';
import { MAX_LIST_ENTRIES, readList, toBadgeInput, type BadgeInput } from './list-sources.js';
import { factsOf } from './list-state.js';
import type { Item, ListError, ListHost } from './list-types.js';

/**
 * The badges of `<ob-badge-list>`: its `<ob-badge>` children, and those it makes from the list at
 * `src` and from `credentials` (read here, made a few at a time, reused when an entry comes back),
 * what it lends them, and their results as they settle. The view (badge-list-view.ts) extends it
 * with the order, filters, hash, summary and drawing.
 */

/** The largest `src` document read (4 MiB: a thousand embedded assertions). */
const MAX_LIST_BYTES = 4 * 1024 * 1024;

let defaultLoader: DocumentLoader | undefined;

/** The list at `src`, read: its entries (to resolve against `base`, its final address) and how many it had. */
interface SrcList {
  readonly entries: readonly unknown[];
  readonly total: number;
  readonly base: string | undefined;
}

/** No `src`, or not read (yet). */
const NO_LIST: SrcList = { entries: [], total: 0, base: undefined };

/** An entry to show, once read: the same input keeps its element. */
interface Wanted {
  readonly key: string;
  readonly input: BadgeInput;
}

/**
 * New badges made per task while a list is built: each draws its first card as it is placed, so
 * a 1,000-entry list is made in small tasks, the first screen's badges first.
 */
const MAKE_CHUNK = 24;

/** How long the list waits to draw again after a badge settles, gathering the results that follow. */
const REFRESH_MS = 100;

export class ListBadges {
  protected readonly _host: ListHost;

  protected _children: Item[] = [];
  protected _generated: Item[] = [];
  /** Every entry to show, in order: `_generated` is its first part while the rest are being made. */
  protected _wanted: readonly Wanted[] = [];
  /** Badges of an earlier build not placed yet, by key: reused when their entry comes, else dropped. */
  protected readonly _pool = new Map<string, Item[]>();
  protected _making: ReturnType<typeof setTimeout> | undefined;
  protected _refresh: ReturnType<typeof setTimeout> | undefined;
  /** What the generated badges (and the children) were last lent. */
  protected _lentFor: Lent | undefined;
  protected _lentChildren: Item[] | undefined;
  protected readonly _items = new WeakMap<Element, Item>();
  /** Children's `verifier` and `now` the list set (and may change); the page's own are left alone. */
  protected readonly _lent = new WeakMap<ObBadge, LentToChild>();
  protected readonly _keyOf = inputKeys();

  /** The `src` (resolved) and loader of the last load started, its progress and what it read. */
  protected _srcFor: readonly [string | undefined, DocumentLoader | undefined] | undefined;
  protected _srcAbort: AbortController | undefined;
  protected _srcLoading = false;
  protected _srcError: ListError | undefined;
  protected _srcList: SrcList = NO_LIST;
  protected _credentialsFor: unknown = null;
  protected _skipped = 0;
  protected _total = 0;

  protected readonly _observer = new MutationObserver(() => this._syncChildren());
  protected readonly _onVerified = (event: Event): void => {
    const target = event.composedPath()[0];
    const item = target instanceof Element ? this._items.get(target) : undefined;
    const result = (event as Event & { result?: unknown }).result;
    if (!item || !isResult(result)) return;
    item.result = result;
    item.facts = factsOf(result);
    this._refreshSoon();
  };

  constructor(host: ListHost) {
    this._host = host;
  }

  // ── Sources ───────────────────────────────────────────────────────────────────────────────────

  protected _syncChildren(): void {
    const children: Item[] = [];
    for (const element of this._host.children) {
      if (element.localName !== 'ob-badge') continue;
      const badge = element as ObBadge;
      let item = this._items.get(badge);
      if (!item) {
        item = childItem(this._host.ownerDocument, badge);
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

  /** Starts reading `src` when it (or the loader) changed; a previous read is aborted and ignored. */
  protected _syncSrc(): void {
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
    this._srcList = NO_LIST;
    this._srcLoading = url !== undefined;
    this._rebuild();
    if (url === undefined) return;
    const abort = new AbortController();
    this._srcAbort = abort;
    void this._readSrc(url, loader, abort.signal);
  }

  protected async _readSrc(url: string, loader: DocumentLoader | undefined, signal: AbortSignal): Promise<void> {
    let error: ListError | undefined;
    try {
      const load = loader ?? (defaultLoader ??= createDocumentLoader({ maxBytes: MAX_LIST_BYTES }));
      // Any redirect: each badge is judged by its own proof and host, never by the list's address.
      const document = await load(url, { accept: 'json', signal, redirects: 'any' });
      if (signal.aborted) return;
      const read = readList(jsonOf(document));
      if (read.ok) this._srcList = { entries: read.entries, total: read.total, base: document.finalUrl };
      else error = { code: read.code };
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

  /**
   * The generated badges, from `src` then `credentials`, capped. An input given before keeps its
   * element (and result); the others are made, each `<ob-badge loading="lazy">`, a few at a time
   * (`_makeMore`).
   */
  protected _rebuild(): void {
    const host = this._host;
    const fromProperty = Array.isArray(host.credentials) ? (host.credentials as readonly unknown[]) : [];
    const { entries: fromSrc, total, base: srcBase } = this._srcList;
    this._total = total + fromProperty.length;
    const entries: [unknown, string | undefined][] = [];
    for (const entry of fromSrc) {
      if (entries.length >= MAX_LIST_ENTRIES) break;
      entries.push([entry, srcBase]);
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
  protected _makeMore(): void {
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

  protected _make(key: string, input: BadgeInput): Item {
    const item = makeItem(this._host.ownerDocument, key, input);
    if (this._lentFor) lendTo(item.badge, this._lentFor);
    this._items.set(item.badge, item);
    return item;
  }

  /**
   * Gives the generated badges the list's variant, verifier, clock, trust list and `check-domain`, and children
   * the verifier and clock when the page did not give them their own. Only when one of them (or
   * the children) changed: a badge made later gets them when it is made.
   */
  protected _lend(): void {
    const host = this._host;
    const lent: Lent = {
      variant: variantOf(host),
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

  /**
   * Draws the list again (order, filters, summary) once results stop arriving for a moment: each
   * draw goes over every badge, so a wall does it a few times a second, not once per badge.
   */
  protected _refreshSoon(): void {
    this._refresh ??= setTimeout(() => {
      this._refresh = undefined;
      this._host.requestUpdate();
    }, REFRESH_MS);
  }
}
