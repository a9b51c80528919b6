import {
  formatFilter,
  formatState,
  parseState,
  readHash,
  sortKeyOf,
  writeHash,
  type ListFilter,
  type ListViewState,
} from './list-state.js';
import type { ToolbarHandlers } from './list-toolbar.js';
import type { ListHost } from './list-types.js';

/**
 * The list's sort and filters as the element holds them (its `sort` and `filter`): read from and
 * written to the URL hash (`hash-state`), and changed by the toolbar.
 */

export function viewStateOf(host: ListHost): ListViewState {
  return { sort: sortKeyOf(host.sort) ?? 'source', filter: parseState(host.filter).filter };
}

/** The hash part's name: `ob-list`, or `ob-list-<id>` for a list with a (plain) id. */
function hashNameOf(host: ListHost): string {
  const id = host.id;
  return /^[\w-]{1,64}$/.test(id) ? `ob-list-${id}` : 'ob-list';
}

/** Takes the sort and filters from the hash, when it has them; returns the state as the hash writes it. */
export function restoreFromHash(host: ListHost): string {
  const value = readHash(window.location.hash, hashNameOf(host));
  if (value !== undefined) {
    const { sort, filter } = parseState(value);
    host.sort = sort ?? 'source';
    host.filter = formatFilter(filter);
  }
  return formatState(viewStateOf(host));
}

/**
 * Puts a state changed since `last` in the hash, leaving its other parts alone and the history as
 * it is; returns the state as written.
 */
export function saveToHash(host: ListHost, last: string | undefined): string {
  const value = formatState(viewStateOf(host));
  if (value === last) return value;
  const location = window.location;
  const name = hashNameOf(host);
  if ((readHash(location.hash, name) ?? '') === value) return value;
  const hash = writeHash(location.hash, name, value);
  try {
    history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
  } catch {
    // A sandboxed document may refuse; the list works without it.
  }
  return value;
}

/** The toolbar's controls change the element's `sort` and `filter` (and the list draws from those). */
export function toolbarHandlers(host: ListHost): ToolbarHandlers {
  return {
    onSort(event) {
      host.sort = sortKeyOf((event.target as HTMLSelectElement).value) ?? 'source';
    },
    onFilter(event) {
      const select = event.target as HTMLSelectElement;
      const key = select.dataset['filter'] as keyof ListFilter;
      const filter = { ...viewStateOf(host).filter, [key]: select.value === '' ? undefined : select.value };
      host.filter = formatFilter(filter);
    },
    onClear() {
      host.filter = '';
    },
  };
}
