/**
 * How much nested verification one run may do (ADR 0008): the caps, and the count both the
 * lazy checking code (entries.ts) and its loader (nested.ts) spend from.
 */

/** Depth of the outermost credential is 0: CLR (0) → achievement (1) → its endorsement (2). */
export const MAX_NESTED_DEPTH = 2;
/** Per credential: a long transcript is about 100 achievements; more is not a transcript but a load. */
export const MAX_NESTED_PER_CREDENTIAL = 200;
/** Per top-level verification, across every level. */
export const MAX_NESTED_TOTAL = 500;

export interface NestedBudget {
  remaining: number;
}

export function createNestedBudget(): NestedBudget {
  return { remaining: MAX_NESTED_TOTAL };
}
