import type { JsonObject } from '../lib/json.js';
import type { NestedResult, VerificationResult } from '../result.js';
import type { NestedBudget } from './budget.js';
import type { NestedInput, NestedReader } from './readers.js';

export {
  MAX_NESTED_DEPTH,
  MAX_NESTED_PER_CREDENTIAL,
  MAX_NESTED_TOTAL,
  createNestedBudget,
  type NestedBudget,
} from './budget.js';

/**
 * Verifying the credentials inside a credential (ADR 0008). Each goes through the whole pipeline
 * on its own and keeps its own verdict; the outer verdict is never changed by them. Bounded:
 * how deep (a CLR's achievement's endorsement, no further), how many per credential, how many per
 * verification, and how many at once.
 */

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
