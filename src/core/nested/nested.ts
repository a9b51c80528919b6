import type { JsonObject } from '../lib/json.js';
import type { NestedResult, VerificationResult } from '../result.js';
import type { NestedInput, NestedReader } from './readers.js';

/**
 * Verifying the credentials inside a credential (ADR 0008). Each goes through the whole pipeline
 * on its own and keeps its own verdict; the outer verdict is never changed by them. Bounded:
 * how deep (a CLR's achievement's endorsement, no further), how many per credential, how many per
 * verification, and how many at once.
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

/**
 * Reads what `credential` carries and verifies each part with `verifyOne`, in order of discovery,
 * a few at a time. Entries over the caps come back as "not checked" results, never silently dropped.
 * The checking code (`entries.ts`) loads with `import()` only when there is something to check:
 * most badges carry nothing.
 */
export async function verifyNested(
  credential: Readonly<JsonObject>,
  readers: readonly NestedReader[],
  verifyOne: (input: NestedInput['input']) => Promise<VerificationResult>,
  budget: NestedBudget,
  now: Date,
): Promise<NestedResult[]> {
  const entries = readers.flatMap((read) => {
    try {
      return read(credential);
    } catch {
      return [];
    }
  });
  if (entries.length === 0) return [];
  const { verifyEntries } = await import('./entries.js');
  return verifyEntries(entries, verifyOne, budget, now);
}
