import { TooLarge } from '../errors.js';
import { EndorsementMismatch, NotACredential } from '../errors-nested.js';
import { notACredential } from '../checks/bound-credential.js';
import { outcomeOf } from '../checks/outcome.js';
import { arrayOf, hasType, idOf, type JsonObject } from '../lib/json.js';
import { verdictOf, type Check, type NestedResult, type VerificationResult } from '../result.js';
import { MAX_NESTED_PER_CREDENTIAL, MAX_NESTED_TOTAL, type NestedBudget } from './budget.js';
import type { NestedInput } from './readers.js';

/** At once: their fetches overlap, their CPU work takes turns anyway. */
const CONCURRENCY = 6;

/** A result for an entry that was not checked: one `format` warning saying why. */
function notChecked(entry: NestedInput, message: string, details: Record<string, unknown>, now: Date): NestedResult {
  const checks: Check[] = [{ id: 'format', ...outcomeOf(new TooLarge(message, { details }), 'warning') }];
  const verdict = verdictOf(checks);
  return {
    role: entry.role,
    location: entry.location,
    ...(entry.about ? { about: entry.about } : {}),
    result: {
      verified: false,
      verdict,
      format: undefined,
      checks,
      credential: undefined,
      badge: undefined,
      checkedAt: now.toISOString(),
    },
  };
}

/**
 * Every part read from inside a credential (a presentation's credentials, a CLR's achievements,
 * endorsements) stands where a credential is expected: only a credential bound to its issuer
 * counts. A presentation (VP JSON, a `vp` JWT, a `vp+jwt`, however it is typed) or a document
 * verified without an `issuer` check gets a failed `credential` check, so it can never be shown
 * as a verified achievement or endorsement. The same rule as for status lists (`boundCredential`).
 */
function withCredentialCheck(result: VerificationResult): VerificationResult {
  const problem = notACredential(result);
  if (problem === undefined) return result;
  const message =
    problem === 'presentation'
      ? `A presentation (${result.format ?? 'unknown format'}) where a credential is expected: it presents, it does not issue`
      : 'Nothing binds this document to an issuer: it is not a credential';
  const check: Check = {
    id: 'credential',
    ...outcomeOf(
      new NotACredential(message, { details: { reason: problem, format: result.format ?? null } }),
      'failed',
    ),
  };
  // Right after `format`: it is the first thing wrong with it, and the first problem shown.
  const at = result.checks.findIndex((c) => c.id === 'format') + 1;
  const checks = [...result.checks.slice(0, at), check, ...result.checks.slice(at)];
  const verdict = verdictOf(checks);
  return { ...result, checks, verdict, verified: verdict === 'verified' };
}

/**
 * An endorsement says what it endorses (`credentialSubject.id`): it counts only for the node it
 * is attached to. One about something else, or not an EndorsementCredential at all, gets a failed
 * `subject` check, so it can never be shown as a valid endorsement of this badge.
 */
function withSubjectCheck(entry: NestedInput, result: VerificationResult): VerificationResult {
  if (entry.role !== 'endorsement' || !result.credential) return result;
  const credential = result.credential as JsonObject;
  const subjects = arrayOf(credential['credentialSubject']).map((subject) => idOf(subject));
  const expected = entry.about?.id;
  let problem: string | undefined;
  if (!hasType(credential, 'EndorsementCredential')) problem = 'It is not an EndorsementCredential';
  else if (expected !== undefined && !subjects.includes(expected)) {
    problem = `It endorses ${subjects.filter(Boolean).join(', ') || 'nothing named'}, not ${expected}`;
  }
  const check: Check = problem
    ? {
        id: 'subject',
        ...outcomeOf(
          new EndorsementMismatch(problem, {
            details: { expected: expected ?? null, subjects: subjects.filter(Boolean).slice(0, 5) },
          }),
          'failed',
        ),
      }
    : {
        id: 'subject',
        status: 'passed',
        message: `Endorses ${expected ?? subjects[0] ?? 'its subject'}`,
        details: { expected: expected ?? null },
      };
  const checks = [...result.checks, check];
  const verdict = verdictOf(checks);
  return { ...result, checks, verdict, verified: verdict === 'verified' };
}

/** Verifies the entries `verifyNested` read, within the caps (ADR 0008). */
export async function verifyEntries(
  entries: readonly NestedInput[],
  verifyOne: (input: NestedInput['input']) => Promise<VerificationResult>,
  budget: NestedBudget,
  now: Date,
): Promise<NestedResult[]> {
  const out: NestedResult[] = new Array(entries.length);
  const work: number[] = [];
  const checked = new Set<number>();
  entries.forEach((entry, index) => {
    if (index >= MAX_NESTED_PER_CREDENTIAL) {
      out[index] = notChecked(
        entry,
        `Not checked: more than ${MAX_NESTED_PER_CREDENTIAL} credentials inside one`,
        {
          max: MAX_NESTED_PER_CREDENTIAL,
        },
        now,
      );
    } else if (budget.remaining <= 0) {
      out[index] = notChecked(
        entry,
        `Not checked: more than ${MAX_NESTED_TOTAL} credentials in all`,
        {
          max: MAX_NESTED_TOTAL,
        },
        now,
      );
    } else {
      budget.remaining--;
      work.push(index);
      checked.add(index);
    }
  });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < work.length) {
      const index = work[next++]!;
      const entry = entries[index]!;
      const result = withSubjectCheck(entry, withCredentialCheck(await verifyOne(entry.input)));
      out[index] = {
        role: entry.role,
        location: entry.location,
        ...(entry.about ? { about: entry.about } : {}),
        result,
      };
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, work.length) }, worker));
  // Capped entries beyond the first one carry no extra information: keep one marker, not thousands.
  const firstCapped = out.findIndex((item, index) => !checked.has(index) && item !== undefined);
  return firstCapped === -1 ? out : out.filter((_item, index) => checked.has(index) || index === firstCapped);
}
