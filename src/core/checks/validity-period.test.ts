import { expect } from '@open-wc/testing';
import { codeOf } from '../../../test/helpers/errors.js';
import type { VerifyContext } from '../plugin.js';
import { checkValidityPeriod } from './validity-period.js';

const at = (iso: string, clockToleranceSeconds = 300) =>
  ({ now: new Date(iso), clockToleranceSeconds }) as VerifyContext;

describe('checkValidityPeriod', () => {
  const vcdm2 = { validFrom: '2025-01-01T00:00:00Z', validUntil: '2030-01-01T00:00:00Z' };

  it('passes inside the window and reports it', () => {
    const outcome = checkValidityPeriod(vcdm2, at('2026-06-01T00:00:00Z'));
    expect(outcome.status).to.equal('passed');
    expect(outcome.details).to.include({
      validFrom: '2025-01-01T00:00:00.000Z',
      validUntil: '2030-01-01T00:00:00.000Z',
    });
  });

  it('passes with no dates at all (no expiry stated)', () => {
    expect(checkValidityPeriod({}, at('2026-06-01T00:00:00Z')).status).to.equal('passed');
  });

  it('fails expired and not-yet-valid credentials with their codes', () => {
    expect(codeOf(() => checkValidityPeriod(vcdm2, at('2030-01-02T00:00:00Z')))).to.equal('ERR_OB_EXPIRED');
    expect(codeOf(() => checkValidityPeriod(vcdm2, at('2024-12-31T00:00:00Z')))).to.equal('ERR_OB_NOT_YET_VALID');
    const vcdm1 = { issuanceDate: '2023-07-20T07:05:44Z', expirationDate: '2023-07-21T07:05:44Z' };
    expect(codeOf(() => checkValidityPeriod(vcdm1, at('2026-11-22T00:00:00Z')))).to.equal('ERR_OB_EXPIRED');
  });

  it('tolerates a few minutes of clock skew, but no more', () => {
    expect(checkValidityPeriod(vcdm2, at('2030-01-01T00:04:00Z')).status).to.equal('passed');
    expect(checkValidityPeriod(vcdm2, at('2024-12-31T23:56:00Z')).status).to.equal('passed');
    expect(codeOf(() => checkValidityPeriod(vcdm2, at('2030-01-01T00:06:00Z')))).to.equal('ERR_OB_EXPIRED');
    expect(codeOf(() => checkValidityPeriod(vcdm2, at('2030-01-01T00:00:01Z', 0)))).to.equal('ERR_OB_EXPIRED');
  });

  it('applies JWT nbf/exp too, and rejects claims that contradict the credential dates', () => {
    const nbf = Date.parse('2025-01-01T00:00:00Z') / 1000;
    const exp = Date.parse('2030-01-01T00:00:00Z') / 1000;
    expect(checkValidityPeriod(vcdm2, at('2026-06-01T00:00:00Z'), { nbf, exp }).status).to.equal('passed');
    expect(codeOf(() => checkValidityPeriod(vcdm2, at('2026-06-01T00:00:00Z'), { exp: exp + 86400 * 365 }))).to.equal(
      'ERR_OB_CLAIM_MISMATCH',
    );
    expect(codeOf(() => checkValidityPeriod(vcdm2, at('2026-06-01T00:00:00Z'), { nbf: nbf - 3600 }))).to.equal(
      'ERR_OB_CLAIM_MISMATCH',
    );
    // A token exp alone (no credential end date) still expires the credential.
    expect(codeOf(() => checkValidityPeriod({}, at('2026-06-01T00:00:00Z'), { exp: nbf }))).to.equal('ERR_OB_EXPIRED');
  });

  it('reports unreadable dates as malformed instead of ignoring them', () => {
    expect(codeOf(() => checkValidityPeriod({ validUntil: 'next tuesday' }, at('2026-06-01T00:00:00Z')))).to.equal(
      'ERR_OB_MALFORMED',
    );
    expect(codeOf(() => checkValidityPeriod({ validUntil: 12345 }, at('2026-06-01T00:00:00Z')))).to.equal(
      'ERR_OB_MALFORMED',
    );
    expect(codeOf(() => checkValidityPeriod({}, at('2026-06-01T00:00:00Z'), { exp: '2030' }))).to.equal(
      'ERR_OB_MALFORMED',
    );
  });
});
