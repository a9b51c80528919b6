import type { ListSummary } from '../../messages/list-messages.js';
import { customStatesOf, toggleCustomState } from '../base/custom-states.js';

/** The list's custom states (`:state(loading)`, `error`, `empty`, `checking`, `settled`): which are on, from what. */

/** What the states are drawn from. */
export interface ListStateInput {
  readonly loading: boolean;
  readonly error: boolean;
  readonly summary: ListSummary | undefined;
}

/**
 * The function that shows the list's states on `host`, or `undefined` when the internals are taken
 * (a subclass) or unsupported: the list works without custom states.
 */
export function listStates(host: HTMLElement): ((input: ListStateInput) => void) | undefined {
  const states = customStatesOf(host);
  if (!states) return undefined;
  return ({ loading, error, summary }) => {
    const on = {
      loading,
      error,
      empty: !loading && (summary?.total ?? 0) === 0,
      checking: (summary?.pending ?? 0) > 0,
      settled: (summary?.total ?? 0) > 0 && summary?.pending === 0,
    };
    for (const [name, value] of Object.entries(on)) toggleCustomState(states, name, value);
  };
}
