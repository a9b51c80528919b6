/**
 * Custom states (`:host(:state(verified))`), the one style hook every element sets from its
 * state. Browsers that predate `:state()` have no `states` or reject plain names: the elements
 * work without them.
 */

/**
 * The custom states of `host`, through its `ElementInternals` (attached here, once per element);
 * `undefined` when a subclass has already attached them or the browser has none.
 */
export function customStatesOf(host: HTMLElement): Set<string> | undefined {
  try {
    return host.attachInternals().states as Set<string> | undefined;
  } catch {
    return undefined;
  }
}

/** Turns the custom state `name` on or off. */
export function toggleCustomState(states: Set<string> | undefined, name: string, on: boolean): void {
  try {
    if (on) states?.add(name);
    else states?.delete(name);
  } catch {
    // See above.
  }
}

/** Turns on exactly one of `names` (`current`), or none, and the others off. */
export function setCustomState(
  states: Set<string> | undefined,
  names: readonly string[],
  current: string | undefined,
): void {
  for (const name of names) toggleCustomState(states, name, name === current);
}
