import { StatusUnchecked } from '../errors.js';
import { outcomeOf } from './outcome.js';
import { arrayOf, isObject, stringOf, withSingleValues, type JsonObject } from '../lib/json.js';
import type { ParsedBadge, Step, StepOutcome, VerifyContext } from '../plugin.js';

const RANK = { passed: 0, skipped: 1, warning: 2, failed: 3 } as const;

/**
 * Runs every `credentialStatus` entry through the status method that understands its type.
 * No entry means nothing can revoke the credential: passed. An entry no installed method
 * understands is a warning ("not checked"), so the badge reads "status unknown", never verified.
 */
export async function checkStatus(credential: JsonObject, context: VerifyContext): Promise<StepOutcome> {
  const entries = arrayOf(credential['credentialStatus']);
  if (entries.length === 0) {
    return {
      status: 'passed',
      message: 'The credential declares no revocation or suspension list',
      details: { entries: 0 },
    };
  }
  let worst: StepOutcome | undefined;
  const results: { type: string | undefined; status: StepOutcome['status']; code?: string }[] = [];
  for (const entry of entries) {
    const type = isObject(entry)
      ? (stringOf(entry['type']) ?? (arrayOf(entry['type']).find((t) => typeof t === 'string') as string | undefined))
      : undefined;
    const method = isObject(entry) && type ? context.statusMethods.find((m) => m.types.includes(type)) : undefined;
    let outcome: StepOutcome;
    if (!method || !isObject(entry)) {
      const error = new StatusUnchecked(`Status type ${type ?? '(none)'} cannot be checked by this verifier`, {
        details: { type: type ?? null },
      });
      outcome = outcomeOf(error, 'warning');
    } else {
      outcome = await method.check(withSingleValues(entry), credential, context);
    }
    results.push({ type, status: outcome.status, ...(outcome.code ? { code: outcome.code } : {}) });
    if (!worst || RANK[outcome.status] > RANK[worst.status]) worst = outcome;
  }
  return { ...worst!, details: { ...worst!.details, entries: results } };
}

/** The `status` step every credential format shares: run only on a credential whose proof passed. */
export const statusStep: Step<ParsedBadge> = {
  id: 'status',
  requires: ['proof'],
  run: (parsed, context) => checkStatus(parsed.credential, context),
};
