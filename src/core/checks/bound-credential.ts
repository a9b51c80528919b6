import { hasType, idOf, isObject, stringOf, type JsonObject } from '../lib/json.js';
import type { Check, VerificationResult } from '../result.js';
import { isSameAddress } from '../lib/url.js';

/**
 * The one rule for every place that expects a *credential* (a status list, a CLR achievement, an
 * endorsement): the document must have been verified as a credential bound to an issuer, never
 * merely as something someone signed. A presentation (VP JSON, a `vp` JWT, a `vp+jwt`) proves who
 * presented it, not who issued anything: it has a `holder` check, never an `issuer` one, however
 * it is typed. Anything whose `issuer` check did not pass is not the issuer's, whatever its
 * `issuer` field says.
 */

/** Formats that present credentials rather than issue them. */
export const PRESENTATION_FORMATS: ReadonlySet<string> = new Set(['vp-json', 'vp-jwt']);

/** Why a verified document does not count as the credential expected, in the order it is asked. */
export type CredentialProblem =
  /** A presentation (any securing): presents, never issues. */
  | 'presentation'
  /** Verified without an `issuer` check: nothing binds its key to an issuer. */
  | 'not-a-credential'
  /** One of its own checks did not pass (format, proof, issuer, …). */
  | 'unverified'
  /** Outside its own validity window at the time asked. */
  | 'expired'
  | 'not-yet-valid'
  /** Its `id` is not the address it was expected at. */
  | 'id'
  /** Bound to an issuer other than the one expected (the last thing asked: all else held). */
  | 'issuer';

export interface CredentialExpectation {
  /** The `id` it must have: the URL that named it (compared as parsed URLs when both are URLs). */
  readonly id?: string;
  /** The issuer it must be bound to (its passed `issuer` check's issuer). */
  readonly issuer?: string;
  /** Whether `bound` may stand for `expected` (default: the same identifier). */
  readonly acceptIssuer?: (bound: string, expected: string) => boolean;
  /**
   * Apply the validity window its `validity` check found at this time instead of that check's
   * own verdict: a result shared by several callers may have been computed at another `now`.
   */
  readonly at?: { readonly now: Date; readonly toleranceSeconds: number };
  /** Its own checks that do not count here (a status list's own `status`, which is not followed). */
  readonly ignore?: readonly string[];
}

export type BoundCredential =
  | { readonly ok: true; readonly issuer: string; readonly credential: JsonObject }
  | {
      readonly ok: false;
      readonly reason: CredentialProblem;
      /** The check behind `unverified` / `expired` / `not-yet-valid`. */
      readonly check?: Check;
      /** The issuer it is bound to, for `issuer` (and `id`), so a caller may still use it cautiously. */
      readonly issuer?: string;
      readonly credential?: JsonObject;
    };

/** Whether a result is a presentation: by its format, or by what it says it is. */
export function isPresentationResult(result: Pick<VerificationResult, 'format' | 'credential'>): boolean {
  if (result.format !== undefined && PRESENTATION_FORMATS.has(result.format)) return true;
  const credential = result.credential;
  return (
    hasType(credential, 'VerifiablePresentation') ||
    hasType(credential, 'EnvelopedVerifiablePresentation') ||
    (isObject(credential) && isObject(credential['vp']))
  );
}

/**
 * Why a result is no credential at all (a presentation, or no `issuer` check), or `undefined`.
 * A result that could not even be read (`format` not passed) is left to its own verdict.
 */
export function notACredential(result: VerificationResult): 'presentation' | 'not-a-credential' | undefined {
  if (result.checks.find((c) => c.id === 'format')?.status !== 'passed') return undefined;
  if (isPresentationResult(result)) return 'presentation';
  if (!result.checks.some((c) => c.id === 'issuer')) return 'not-a-credential';
  return undefined;
}

const VALIDITY_CODES: ReadonlySet<string> = new Set(['ERR_OB_EXPIRED', 'ERR_OB_NOT_YET_VALID']);

/** The window a passed (or date-failed) validity check found, applied at `at`. */
function windowProblem(
  check: Check,
  at: NonNullable<CredentialExpectation['at']>,
): 'expired' | 'not-yet-valid' | 'unverified' | undefined {
  if (check.status !== 'passed' && !(check.status === 'failed' && check.code && VALIDITY_CODES.has(check.code))) {
    return 'unverified';
  }
  const d = check.details ?? {};
  const time = (value: unknown) => (typeof value === 'string' ? Date.parse(value) : NaN);
  return windowAt(time(d['validFrom']), time(d['validUntil']), at);
}

/** Whether `at` (with its tolerance) falls outside [from, until], in ms since the epoch; NaN is no bound. */
export function windowAt(
  from: number,
  until: number,
  at: NonNullable<CredentialExpectation['at']>,
): 'expired' | 'not-yet-valid' | undefined {
  const now = at.now.getTime();
  const tolerance = at.toleranceSeconds * 1000;
  if (!Number.isNaN(from) && now + tolerance < from) return 'not-yet-valid';
  if (!Number.isNaN(until) && now - tolerance > until) return 'expired';
  return undefined;
}

/**
 * Whether `result` counts as a credential from `expect.issuer` at `expect.id`: not a presentation;
 * its `format`, `proof` and `issuer` checks (and every other of its own, but those in `ignore`)
 * passed; inside its validity window; its `id` the address; bound to the issuer expected.
 */
export function boundCredential(result: VerificationResult, expect: CredentialExpectation = {}): BoundCredential {
  const credential = (isObject(result.credential) ? result.credential : {}) as JsonObject;
  const checks = result.checks;
  if (isPresentationResult(result)) return { ok: false, reason: 'presentation', credential };
  const ignore = new Set(expect.ignore ?? []);
  if (expect.at) ignore.add('validity');
  for (const id of ['format', 'proof', 'issuer']) {
    const check = checks.find((c) => c.id === id);
    if (!check) return { ok: false, reason: id === 'issuer' ? 'not-a-credential' : 'unverified', credential };
    if (check.status !== 'passed') return { ok: false, reason: 'unverified', check, credential };
  }
  const failed = checks.find((c) => !ignore.has(c.id) && c.status !== 'passed');
  if (failed) return { ok: false, reason: 'unverified', check: failed, credential };
  if (expect.at) {
    const validity = checks.find((c) => c.id === 'validity');
    const problem = validity ? windowProblem(validity, expect.at) : 'unverified';
    if (problem) return { ok: false, reason: problem, ...(validity ? { check: validity } : {}), credential };
  }
  // The issuer its `issuer` check bound the key to; the JSON field only where the check names none.
  const issuerCheck = checks.find((c) => c.id === 'issuer')!;
  const issuer = stringOf(issuerCheck.details?.['issuer']) ?? idOf(credential['issuer']);
  if (issuer === undefined) return { ok: false, reason: 'not-a-credential', credential };
  if (expect.id !== undefined) {
    const id = stringOf(credential['id']);
    if (id === undefined || !isSameAddress(id, expect.id)) return { ok: false, reason: 'id', issuer, credential };
  }
  if (expect.issuer !== undefined) {
    const accept = expect.acceptIssuer ?? ((bound: string, expected: string) => bound === expected);
    if (!accept(issuer, expect.issuer)) return { ok: false, reason: 'issuer', issuer, credential };
  }
  return { ok: true, issuer, credential };
}
