import { expect } from '@open-wc/testing';
import type { Check, VerificationResult } from '../result.js';
import { createVerifier } from '../verify.js';
import { createDidJwkIssuer, credentialFor, signVcJwt, type TestIssuer } from '../../../test/helpers/issuer.js';
import { servingFetch, type Served } from '../../../test/helpers/status-lists.js';

const NOW = new Date('2026-06-01T14:03:00Z');
const LIST = 'https://issuer.example/credentials/3732/revocations';
const ID = 'urn:uuid:5d5c3c4a-0000-4000-8000-000000000001';

const statusOf = (result: VerificationResult) => result.checks.find((c) => c.id === 'status') as Check;
const entry = { id: LIST, type: '1EdTechRevocationList' };
const json = (body: unknown): Served => ({ body: JSON.stringify(body), type: 'application/json' });

describe('oneEdTechRevocationList', () => {
  let issuer: TestIssuer;
  before(async () => {
    issuer = await createDidJwkIssuer('ES256');
  });

  async function verifyWith(routes: Record<string, Served>, overrides: Record<string, unknown> = {}) {
    const served = servingFetch(routes);
    const verifier = createVerifier({ fetch: served.fetch });
    const token = await signVcJwt(issuer, credentialFor(issuer.did, { credentialStatus: entry, ...overrides }));
    const result = await verifier.verify(token, { now: NOW });
    return { result, status: statusOf(result), count: () => served.count(LIST) };
  }

  it('revoked: the credential id is in revokedCredential', async () => {
    const { result, status } = await verifyWith({
      [LIST]: json({
        id: LIST,
        issuer: issuer.did,
        revokedCredential: [
          { id: 'urn:uuid:other', revoked: true },
          { id: ID, revoked: true, revocationReason: 'Issued in error' },
        ],
      }),
    });
    expect(status).to.deep.include({ status: 'failed', code: 'ERR_OB_REVOKED' });
    expect(status.details).to.deep.include({
      type: '1EdTechRevocationList',
      url: LIST,
      revocationReason: 'Issued in error',
      signed: false,
      checkedAt: NOW.toISOString(),
    });
    expect(result.verdict).to.equal('unverified');
  });

  it('revoked when listed with `revoked` omitted, or by id alone; the plural field name too', async () => {
    for (const list of [
      { revokedCredential: [{ id: ID }] },
      { revokedCredential: [ID] },
      { revokedCredentials: [{ id: ID }] },
    ]) {
      const { status } = await verifyWith({ [LIST]: json(list) });
      expect(status.code, JSON.stringify(list)).to.equal('ERR_OB_REVOKED');
    }
  });

  it('active: not listed, or listed with revoked: false', async () => {
    for (const list of [
      { id: LIST, revokedCredential: [] },
      { id: LIST, issuer: { id: issuer.did }, revokedCredential: [{ id: ID, revoked: false }] },
    ]) {
      const { result, status } = await verifyWith({ [LIST]: json(list) });
      expect(status.status, JSON.stringify(list)).to.equal('passed');
      expect(status.details).to.deep.include({ url: LIST, checkedAt: NOW.toISOString(), signed: false });
      expect(result.verdict).to.equal('verified');
    }
  });

  it('a list that says it is another issuer’s: status unknown', async () => {
    const { status } = await verifyWith({
      [LIST]: json({ issuer: 'https://someone-else.example', revokedCredential: [] }),
    });
    expect(status).to.deep.include({ status: 'warning', code: 'ERR_OB_STATUS_LIST_INVALID' });
    expect(status.details).to.deep.include({ reason: 'issuer', listIssuer: 'https://someone-else.example' });
  });

  it('a JSON answer that is not a revocation list (an error body): status unknown, not "not revoked"', async () => {
    const { status } = await verifyWith({ [LIST]: json({ error: 'rate limited' }) });
    expect(status).to.deep.include({ status: 'warning', code: 'ERR_OB_STATUS_LIST_INVALID' });
    expect(status.details).to.deep.include({ reason: 'type' });
  });

  it('unreachable: ERR_OB_STATUS_UNAVAILABLE', async () => {
    const { status } = await verifyWith({});
    expect(status).to.deep.include({ status: 'warning', code: 'ERR_OB_STATUS_UNAVAILABLE' });
    expect(status.details).to.deep.include({ url: LIST, status: 404 });
  });

  it('a credential without an id cannot be looked up: ERR_OB_STATUS_UNCHECKED, nothing fetched', async () => {
    const { status, count } = await verifyWith({ [LIST]: json({ revokedCredential: [] }) }, { id: undefined });
    expect(status).to.deep.include({ status: 'warning', code: 'ERR_OB_STATUS_UNCHECKED' });
    expect(status.details).to.deep.include({ field: 'id' });
    expect(count()).to.equal(0);
  });

  it('an http list address: ERR_OB_STATUS_UNCHECKED (an unsigned list needs https)', async () => {
    const { status } = await verifyWith(
      {},
      { credentialStatus: { ...entry, id: 'http://issuer.example/revocations' } },
    );
    expect(status).to.deep.include({ status: 'warning', code: 'ERR_OB_STATUS_UNCHECKED' });
  });
});
