/**
 * Hand-made `VerificationResult`s for drawing <ob-badge> in every outcome without keys or network:
 * component tests and stories both need them, and they must stay shaped like what `verify()` returns.
 */
import { verdictOf, type Check, type VerificationResult } from '../../src/core/result.js';
import type { BadgeView } from '../../src/core/view.js';

/** The five checks of a badge that passed everything, as a did:web-signed VC-JWT. */
export function passedChecks(view: BadgeView, now: Date): Check[] {
  return [
    { id: 'format', status: 'passed' },
    {
      id: 'proof',
      status: 'passed',
      details: { alg: 'EdDSA', kid: 'did:web:example.edu#key-1', keySource: 'did:web' },
    },
    { id: 'issuer', status: 'passed', details: { issuer: 'did:web:example.edu', controller: 'did:web:example.edu' } },
    {
      id: 'validity',
      status: 'passed',
      details: { validFrom: view.validFrom, validUntil: view.validUntil, now: now.toISOString() },
    },
    { id: 'status', status: 'passed', details: { entries: 1 } },
  ];
}

/** A result with these checks; `view: null` is a badge that could not be read at all. */
export function cannedResult(checks: Check[], view: BadgeView | null, now: Date): VerificationResult {
  const verdict = verdictOf(checks);
  return {
    verified: verdict === 'verified',
    verdict,
    format: view ? 'ob3-jwt' : undefined,
    checks,
    credential: view ? { id: view.credentialId } : undefined,
    badge: view ?? undefined,
    checkedAt: now.toISOString(),
  };
}
