import { ClaimMismatch, CredentialExpired, CredentialNotYetValid, MalformedInput } from '../errors.js';
import type { StepOutcome, VerifyContext } from '../plugin.js';
import type { JsonObject } from '../lib/json.js';

/** JWT NumericDate claims that must agree with the credential's own dates (VC-JWT 1.1, OB 3.0 §8.2.4.1). */
export interface JwtDateClaims {
  readonly nbf?: unknown;
  readonly exp?: unknown;
}

/** NumericDate has one-second resolution; credential dates may carry milliseconds. */
const CLAIM_AGREEMENT_MS = 1000;

function parseDate(credential: JsonObject, field: string): Date | undefined {
  const value = credential[field];
  if (value === undefined) return undefined;
  const date = typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new MalformedInput(`The credential's ${field} is not a valid date`, {
      details: { field, value: String(value) },
    });
  }
  return date;
}

function parseNumericDate(claims: JwtDateClaims, claim: 'nbf' | 'exp'): Date | undefined {
  const value = claims[claim];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new MalformedInput(`The token's ${claim} claim is not a NumericDate`, { details: { claim } });
  }
  return new Date(value * 1000);
}

function mustMirror(claim: 'nbf' | 'exp', value: Date | undefined, candidates: (Date | undefined)[]): void {
  const stated = candidates.filter((date): date is Date => date !== undefined);
  if (!value || stated.length === 0) return;
  if (stated.some((date) => Math.abs(value.getTime() - date.getTime()) < CLAIM_AGREEMENT_MS)) return;
  throw new ClaimMismatch(
    `The token ${claim} claim contradicts the credential ${claim === 'nbf' ? 'start' : 'end'} date`,
    {
      details: { claim, claimValue: value.toISOString(), credentialValue: stated[0]!.toISOString() },
    },
  );
}

function latest(dates: (Date | undefined)[]): Date | undefined {
  return dates.reduce<Date | undefined>((a, b) => (!b ? a : !a || b > a ? b : a), undefined);
}

function earliest(dates: (Date | undefined)[]): Date | undefined {
  return dates.reduce<Date | undefined>((a, b) => (!b ? a : !a || b < a ? b : a), undefined);
}

/**
 * Now must lie inside every window the credential states: VCDM 2.0 `validFrom`/`validUntil`,
 * VCDM 1.1 `issuanceDate`/`expirationDate`, and a VC-JWT's `nbf`/`exp`. A token claim that
 * contradicts the credential it wraps is itself a failure, so neither date can be swapped.
 */
export function checkValidityPeriod(
  credential: JsonObject,
  context: VerifyContext,
  claims: JwtDateClaims = {},
  { claimsMirrorCredential = true }: { readonly claimsMirrorCredential?: boolean } = {},
): StepOutcome {
  const validFrom = parseDate(credential, 'validFrom');
  const issuanceDate = parseDate(credential, 'issuanceDate');
  const validUntil = parseDate(credential, 'validUntil');
  const expirationDate = parseDate(credential, 'expirationDate');
  const nbf = parseNumericDate(claims, 'nbf');
  const exp = parseNumericDate(claims, 'exp');

  if (claimsMirrorCredential) {
    // A 1.1 credential in a VC-JWT may state both date pairs; the claim mirrors one of them
    // (`issuanceDate` in VCDM 1.1, `validFrom` in OB 3.0), so it must agree with one it can mirror.
    mustMirror('nbf', nbf, [validFrom, issuanceDate]);
    mustMirror('exp', exp, [validUntil, expirationDate]);
  }

  const start = latest([validFrom, issuanceDate, nbf]);
  const end = earliest([validUntil, expirationDate, exp]);
  const details = {
    validFrom: start?.toISOString(),
    validUntil: end?.toISOString(),
    now: context.now.toISOString(),
    clockToleranceSeconds: context.clockToleranceSeconds,
  };
  const tolerance = context.clockToleranceSeconds * 1000;
  if (start && context.now.getTime() + tolerance < start.getTime()) {
    throw new CredentialNotYetValid(`The credential is not valid until ${start.toISOString()}`, { details });
  }
  if (end && context.now.getTime() - tolerance > end.getTime()) {
    throw new CredentialExpired(`The credential expired on ${end.toISOString()}`, { details });
  }
  return {
    status: 'passed',
    message: end ? `Valid until ${end.toISOString()}` : 'Valid, with no expiry date',
    details,
  };
}
