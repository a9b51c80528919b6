import { expect } from '@open-wc/testing';
import type { Check, VerificationResult } from '../result.js';
import { boundCredential, isPresentationResult, notACredential } from './bound-credential.js';

const ISSUER = 'did:example:issuer';
const URL_ = 'https://issuer.example/status/1';
const NOW = new Date('2026-06-01T00:00:00Z');
const at = { now: NOW, toleranceSeconds: 300 };

const passed = (id: string, details?: Record<string, unknown>): Check => ({
  id,
  status: 'passed',
  ...(details ? { details } : {}),
});

function resultOf(
  checks: Check[],
  credential: Record<string, unknown> = { id: URL_, issuer: ISSUER },
  format = 'ob3-json',
): VerificationResult {
  return {
    verified: checks.every((c) => c.status === 'passed'),
    verdict: checks.every((c) => c.status === 'passed') ? 'verified' : 'unverified',
    format,
    checks,
    credential,
    badge: undefined,
    checkedAt: NOW.toISOString(),
  };
}

const credentialChecks = (validity: Record<string, unknown> = {}): Check[] => [
  passed('format'),
  passed('proof'),
  passed('issuer', { issuer: ISSUER }),
  passed('validity', validity),
  { id: 'status', status: 'skipped' },
];

describe('boundCredential: the one rule for "a credential from issuer X at URL"', () => {
  const expectation = { id: URL_, issuer: ISSUER, at, ignore: ['status'] };

  it('counts a verified credential from the issuer at its own address', () => {
    expect(boundCredential(resultOf(credentialChecks()), expectation)).to.deep.include({ ok: true, issuer: ISSUER });
  });

  it('never counts a presentation, by format or by what it says it is', () => {
    const checks = [passed('format'), passed('proof'), passed('holder')];
    for (const result of [
      resultOf(checks, { id: URL_, issuer: ISSUER }, 'vp-jwt'),
      resultOf(checks, { id: URL_, issuer: ISSUER }, 'vp-json'),
      resultOf(credentialChecks(), { id: URL_, issuer: ISSUER, type: ['VerifiablePresentation'] }),
      resultOf(credentialChecks(), { id: URL_, issuer: ISSUER, vp: {} }),
    ]) {
      expect(isPresentationResult(result)).to.equal(true);
      expect(notACredential(result)).to.equal('presentation');
      expect(boundCredential(result, expectation)).to.deep.include({ ok: false, reason: 'presentation' });
    }
  });

  it('needs an issuer check: a format without one is not a credential', () => {
    const result = resultOf([passed('format'), passed('proof')], { id: URL_, issuer: ISSUER }, 'custom');
    expect(notACredential(result)).to.equal('not-a-credential');
    expect(boundCredential(result, expectation)).to.deep.include({ ok: false, reason: 'not-a-credential' });
  });

  it('needs its own checks passed: a failed issuer or proof is unverified, naming the check', () => {
    const checks = credentialChecks();
    checks[2] = { id: 'issuer', status: 'failed', code: 'ERR_OB_KEY_NOT_ISSUERS' };
    const bound = boundCredential(resultOf(checks), expectation);
    expect(bound).to.deep.include({ ok: false, reason: 'unverified' });
    expect(!bound.ok && bound.check?.id).to.equal('issuer');
  });

  it('applies its validity window at the time asked', () => {
    const window = { validFrom: '2025-01-01T00:00:00Z', validUntil: '2026-07-01T00:00:00Z' };
    expect(boundCredential(resultOf(credentialChecks(window)), expectation).ok).to.equal(true);
    const later = { ...expectation, at: { ...at, now: new Date('2026-08-01T00:00:00Z') } };
    expect(boundCredential(resultOf(credentialChecks(window)), later)).to.deep.include({ reason: 'expired' });
    const earlier = { ...expectation, at: { ...at, now: new Date('2024-08-01T00:00:00Z') } };
    expect(boundCredential(resultOf(credentialChecks(window)), earlier)).to.deep.include({ reason: 'not-yet-valid' });
  });

  it('needs its id to be the address (as parsed URLs), then the issuer expected', () => {
    const elsewhere = resultOf(credentialChecks(), { id: `${URL_}-old`, issuer: ISSUER });
    expect(boundCredential(elsewhere, expectation)).to.deep.include({ ok: false, reason: 'id', issuer: ISSUER });
    const noId = resultOf(credentialChecks(), { issuer: ISSUER });
    expect(boundCredential(noId, expectation)).to.deep.include({ reason: 'id' });
    const spelled = resultOf(credentialChecks(), { id: 'HTTPS://Issuer.Example:443/status/1', issuer: ISSUER });
    expect(boundCredential(spelled, expectation).ok).to.equal(true);
    const other = resultOf(
      [passed('format'), passed('proof'), passed('issuer', { issuer: 'did:example:other' }), passed('validity')],
      { id: URL_, issuer: ISSUER },
    );
    // The issuer is the one the issuer check bound the key to, not what the JSON says.
    expect(boundCredential(other, expectation)).to.deep.include({
      ok: false,
      reason: 'issuer',
      issuer: 'did:example:other',
    });
    expect(boundCredential(other, { ...expectation, acceptIssuer: () => true }).ok).to.equal(true);
  });
});
