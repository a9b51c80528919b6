import type { SortKey } from '../../messages/list-messages.js';
import { matches, sortItems, type ListFilter, type Sortable } from './list-state.js';
import type { Item } from './list-types.js';

/**
 * The order the list draws its cells in, and putting them in it with as few moves as possible: a
 * moved badge restarts a verification still running, so the list keeps in place every cell it can.
 */

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
export function arrange(list: HTMLElement, cells: readonly HTMLElement[]): void {
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
 * The order to draw `items` in: sorted, except that while focus is inside the list (`kept`, the
 * order drawn last) nothing moves under a keyboard or screen reader user: that order stays, new
 * badges after it, and the new order waits for focus to leave.
 */
export function orderToDraw<T extends Sortable>(
  items: readonly T[],
  sort: SortKey,
  kept: readonly T[] | undefined,
): T[] {
  const order = sortItems(items, sort);
  if (!kept) return order;
  const present = new Set(items);
  const stay = kept.filter((item) => present.has(item));
  const staySet = new Set(stay);
  return [...stay, ...order.filter((item) => !staySet.has(item))];
}

/** Hides the cells the filter leaves out (a badge not settled yet always shows); returns how many show. */
export function showMatching(order: readonly Item[], filter: ListFilter): number {
  let shown = 0;
  for (const item of order) {
    const visible = !item.facts || matches(item.facts, filter);
    if (item.wrapper.hidden === visible) item.wrapper.hidden = !visible;
    if (visible) shown++;
  }
  return shown;
}
