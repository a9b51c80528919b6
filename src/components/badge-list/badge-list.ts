import { isServer, LitElement } from 'lit';
import type { DocumentLoader } from '../../core/fetcher.js';
import type { VerificationResult } from '../../core/result.js';
import type { Verifier } from '../../core/verify.js';
import type { ListErrorCode, ListMessages, ListSummary, SortKey } from '../../messages/list-messages.js';
import '../badge/badge.js';
import type * as ViewModule from './badge-list-view.js';
import type { ListView } from './badge-list-view.js';
import { renderListShell } from './list-shell.js';
import type { ListInput } from './list-sources.js';
import type { ListProperties, ListVariant } from './list-types.js';

export type { ListVariant } from './list-types.js';

let loading: Promise<typeof ViewModule> | undefined;

/**
 * The list's behaviour and drawing, loaded with `import()` when the first list is connected: a page
 * that shows single badges never downloads it. A failed load is forgotten so the next list retries.
 */
function loadView(): Promise<typeof ViewModule> {
  loading ??= import('./badge-list-view.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/**
 * A wall of badges: verifies each one in the browser, arranges them in a responsive grid, and sums
 * up the verdicts ("12 verified · 1 expired · 1 revoked · 1 could not be checked") in a polite live
 * region. A toolbar sorts them (by date, issuer, name or status) and filters them (by issuer,
 * skill or tag, year of issue, status); with `hash-state` the choice is kept in the URL hash.
 *
 * Badges come from, in this order: child `<ob-badge>` elements (shown as they are; only
 * `<ob-badge>` children are shown), the JSON list at `src`, and the `credentials` property. The
 * JSON may be an array of entries, `{ "credentials": [...] }`, a backpack collection
 * (`{ "badges": [...] }`: a Badgr / Canvas Credentials shared collection of Open Badges 2.0
 * assertions, or a Mozilla Backpack Displayer group whose entries carry `hostedUrl` / `assertion`),
 * or `{ "groups": [{ "badges": [...] }] }`. An entry is a URL (relative ones against the list's
 * address), a credential object, or its text (a JWT or JSON); `credentials` also takes files. Any
 * other document puts the list in its error state; entries that are not badges are left out and
 * counted. At most 1,000 entries are drawn, with a note saying how many there were.
 *
 * Each entry becomes an `<ob-badge loading="lazy">` inside the list, verified through the shared
 * default verifier (so every issuer profile, DID document and status list is fetched once per
 * page) or through `verifier`. Sorted by date, issuer, name or status, badges whose verification
 * has not settled come last; every filter lets them through until it can judge them. While focus
 * is inside the list, badges are not reordered under it; the new order is applied when focus
 * leaves.
 *
 * The list's code is loaded with `import()` when the first list is connected.
 *
 * @fires {ObListSummaryEvent} ob-list-summary - When the summary changes (debounced with the live summary line). `event.summary` is a `ListSummary`.
 * @fires {ObVerifiedEvent} ob-verified - From each badge, as `<ob-badge>` fires it (it bubbles out of the list).
 *
 * @slot - `<ob-badge>` elements, each shown as an item of the list (other children are not shown).
 *
 * @csspart toolbar - The sort and filter controls (a group).
 * @csspart control - Each labelled control of the toolbar.
 * @csspart sort - The "Sort by" select.
 * @csspart filter - Each filter select (also `issuer-filter`, `skill-filter`, `year-filter`, `verdict-filter`).
 * @csspart issuer-filter - The issuer filter.
 * @csspart skill-filter - The skill and tag filter.
 * @csspart year-filter - The year-of-issue filter.
 * @csspart verdict-filter - The status filter.
 * @csspart clear - The "Clear filters" button.
 * @csspart summary - The summary line (an ARIA live region, `role="status"`).
 * @csspart error - "This list of badges could not be read: …".
 * @csspart note - Notes about the list: entries over the cap, entries that are not badges.
 * @csspart list - The grid of badges (`role="list"`).
 * @csspart item - Each badge's cell (`role="listitem"`).
 * @csspart empty - "No badges to show." / "No badges match these filters."
 *
 * @cssstate loading - The `src` list is being fetched.
 * @cssstate error - The `src` list could not be used (the other sources are still shown).
 * @cssstate empty - There is no badge to show.
 * @cssstate checking - Some badge's verification has not settled.
 * @cssstate settled - Every badge's verification has settled.
 *
 * @cssproperty --item-min-width - The narrowest a grid column gets (default 17rem; 13rem `compact`, 24rem `detailed`).
 * @cssproperty --gap - The space between badges (default 1rem).
 * @cssproperty --ob-font-family - Font family (shared with `<ob-badge>`).
 * @cssproperty --ob-color-text - Main text colour.
 * @cssproperty --ob-color-muted - Secondary text colour.
 * @cssproperty --ob-color-surface - Control background.
 * @cssproperty --ob-color-border - Control borders.
 * @cssproperty --ob-color-link - Focus ring colour.
 * @cssproperty --ob-color-unverified - The error box's colour.
 */
export class ObBadgeList extends LitElement implements ListProperties {
  /** @internal Children are placed one by one, each in the list item the list sorts (slot.assign()). */
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, slotAssignment: 'manual' };

  /** @internal Declared here rather than with decorators: this class is in every page's first download. */
  static override properties = {
    src: {},
    credentials: { attribute: false },
    variant: {},
    sort: {},
    filter: {},
    noToolbar: { type: Boolean, attribute: 'no-toolbar' },
    hashState: { type: Boolean, attribute: 'hash-state' },
    trustedIssuers: { attribute: 'trusted-issuers' },
    checkDomain: { type: Boolean, attribute: 'check-domain' },
    verifier: { attribute: false },
    loader: { attribute: false },
    now: { attribute: false },
    messages: { attribute: false },
  };

  /** URL of a JSON list of badges (resolved against the page's base URL). */
  src?: string;

  /** More badges, after the children and `src`: URLs, credential objects, JWT or JSON text, files. */
  credentials?: readonly ListInput[];

  /**
   * How the generated badges are drawn: `card` (compact cards: image, name, issuer, status, the
   * problem if any and the checks), `compact` (chips: image, name and status only) or `detailed`
   * (full cards). Child `<ob-badge>` elements keep their own attributes.
   */
  variant: ListVariant = 'card';

  /** The order: `source` (default: as given), `date` (newest first), `date-asc`, `issuer`, `name`, `verdict`. */
  sort?: SortKey;

  /**
   * The filters, as `key:value` pairs joined by `;`: `issuer` (an issuer id, else its name),
   * `skill` (an alignment name or tag, any case), `year` (of issue), `verdict` (`verified`,
   * `expired`, `revoked`, `suspended`, `unknown`, `unverified`). Values may be percent-encoded,
   * e.g. `verdict:verified;skill:Python`. The toolbar updates it.
   */
  filter?: string;

  /** Hide the sort and filter toolbar (sorting and filtering through `sort` and `filter` still apply). */
  noToolbar = false;

  /**
   * Keep the sort and filters in the URL hash, as `#ob-list=sort:date;issuer:…` (`#ob-list-<id>=`
   * when the list has an id), restored on load and when the hash changes. Other hash content is
   * kept as it is; the history is not added to.
   */
  hashState = false;

  /**
   * The URL of the site's trust list, given to every generated badge (see `<ob-badge>`'s
   * `trusted-issuers`: fetched once per page, it adds "Known issuer" to verified badges it names and
   * never changes a verdict). Child badges keep their own.
   */
  trustedIssuers?: string;

  /**
   * Confirm the issuers' web domains of verified badges (see `<ob-badge>`'s `check-domain`), given
   * to every generated badge. Off by default: a wall asks nothing of the sites its badges name.
   */
  checkDomain = false;

  /** The verifier every badge of the list uses (children that have none of their own included). Default: the shared one. */
  verifier?: Verifier;

  /** How the `src` list is fetched. Default: the core's loader (JSON only, 4 MiB, 10 s, no credentials, page cache). */
  loader?: DocumentLoader;

  /** The time to verify at, given to every badge (demos and tests). Defaults to the real clock. */
  now?: Date;

  /** The list's own strings (the badges keep theirs). Replace to translate (see `ListMessages`). */
  messages?: ListMessages;

  private _view: ListView | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this._view) return;
    // When the view cannot be loaded (offline), the list stays empty; the next connection retries.
    void loadView().then((module) => {
      this._view ??= new module.ListView(this);
    });
  }

  /** The settled results of the badges shown (filters applied), in display order. */
  get results(): readonly VerificationResult[] {
    return this._view?.results ?? [];
  }

  /** Counts of every badge in the list by outcome, as of now (the live line and `ob-list-summary` follow it, debounced). */
  get summary(): ListSummary | undefined {
    return this._view?.summary;
  }

  /** Why the `src` list could not be used, while it could not. */
  get error(): { readonly code: ListErrorCode; readonly details?: Readonly<Record<string, unknown>> } | undefined {
    return this._view?.error;
  }

  protected override render(): unknown {
    // On a server the view is never loaded: a shell, with the page's own badges in it.
    return isServer ? renderListShell(this) : this._view?.render();
  }
}

if (!customElements.get('ob-badge-list')) customElements.define('ob-badge-list', ObBadgeList);

declare global {
  interface HTMLElementTagNameMap {
    'ob-badge-list': ObBadgeList;
  }
}
