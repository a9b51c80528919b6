import { isResult } from '../base/results.js';
import type { ObBadge } from '../badge/badge.js';
import type { BadgeInput } from './list-sources.js';
import { factsOf } from './list-state.js';
import type { Item } from './list-types.js';

/**
 * The list's cells and the items in them: a badge the list makes for an entry, or the page's own
 * child, shown through a slot.
 */

/** The `role="listitem"` cell the list moves when it sorts. */
function makeCell(document: Document): HTMLElement {
  const wrapper = document.createElement('div');
  wrapper.className = 'item';
  wrapper.setAttribute('role', 'listitem');
  wrapper.setAttribute('part', 'item');
  return wrapper;
}

/** A new `<ob-badge loading="lazy">` for an entry, in its cell (the list lends it the rest). */
export function makeItem(document: Document, key: string, input: BadgeInput): Item {
  const badge = document.createElement('ob-badge');
  badge.setAttribute('loading', 'lazy');
  if (input.src !== undefined) badge.src = input.src;
  else badge.credential = input.credential;
  const wrapper = makeCell(document);
  wrapper.append(badge);
  return { key, index: 0, badge, wrapper, child: false, result: undefined, facts: undefined };
}

/** The item of a child `<ob-badge>`: a cell with a slot it is assigned to. */
export function childItem(document: Document, badge: ObBadge): Item {
  const wrapper = makeCell(document);
  const slot = document.createElement('slot');
  wrapper.append(slot);
  // A child that settled before the list was ready: its result is read here, not from an event.
  const result: unknown = badge.result;
  return {
    key: '',
    index: 0,
    badge,
    wrapper,
    child: true,
    result: isResult(result) ? result : undefined,
    facts: isResult(result) ? factsOf(result) : undefined,
  };
}

/**
 * The keys of inputs: the same URL or text is the same entry; an object is the same entry as long
 * as it is the same object (numbered, never serialised).
 */
export function inputKeys(): (input: BadgeInput) => string {
  const objectIds = new WeakMap<object, number>();
  let nextId = 0;
  return (input) => {
    if (input.src !== undefined) return `u ${input.src}`;
    const credential = input.credential;
    if (typeof credential === 'string') return `t ${credential}`;
    let id = objectIds.get(credential);
    if (id === undefined) objectIds.set(credential, (id = nextId++));
    return `o ${id}`;
  };
}
