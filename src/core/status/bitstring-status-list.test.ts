import { expect } from '@open-wc/testing';
import { Aborted } from '../errors.js';
import { MIN_REUSE_MS, type LoadedDocument } from '../fetcher.js';
import type { VerifyContext } from '../plugin.js';
import type { VerificationResult } from '../result.js';
import { createVerifier, type VerifierConfig } from '../verify.js';
import {
  createDidJwkIssuer,
  credentialFor,
  signVcJose,
  signVcJwt,
  tamper,
  type TestIssuer,
} from '../../../test/helpers/issuer.js';
import {
  bitstring,
  encodeList,
  issuedList,
  listCredential,
  servingFetch,
  statusCheckOf,
  verifyWithStatus,
  type Served,
} from '../../../test/helpers/status-lists.js';
import { MAX_BITSTRING_BYTES } from './bitstring.js';
import { bitstringStatusList } from './bitstring-status-list.js';

const NOW = new Date('2026-06-01T14:03:00Z');
const LIST = 'https://issuer.example/status/1';

const statusOf = statusCheckOf;

function entry(index: number | string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `${LIST}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    statusListIndex: String(index),
    statusListCredential: LIST,
    ...overrides,
  };
}

describe('bitstringStatusList', () => {
  let issuer: TestIssuer;
  let other: TestIssuer;
  before(async () => {
    issuer = await createDidJwkIssuer('ES256');
    other = await createDidJwkIssuer('EdDSA');
  });

  /** A verifier whose network is `routes` and whose cache clock is `clock.now`. */
  function world(routes: Record<string, Served>, config: VerifierConfig = {}) {
    const served = servingFetch(routes);
    const clock = { now: NOW.getTime() };
    const verifier = createVerifier({ fetch: served.fetch, clock: () => clock.now, ...config });
    return { verifier, clock, count: () => served.count(LIST) };
  }

  /** The list credential `signer` signs (as a VC-JOSE token), served at LIST. */
  function servedList(
    bits: Uint8Array,
    options: {
      signer?: TestIssuer;
      purpose?: string | string[];
      subject?: Record<string, unknown>;
      overrides?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Record<string, Served>> {
    const { signer = issuer, ...listOptions } = options;
    return issuedList(signer, bits, { url: LIST, ...listOptions });
  }

  const badge = (status: unknown) => signVcJwt(issuer, credentialFor(issuer.did, { credentialStatus: status }));

  const statusWith = (routes: Record<string, Served>, status: unknown, config: VerifierConfig = {}) =>
    verifyWithStatus(world(routes, config).verifier, issuer, status, NOW);

  describe('outcomes', () => {
    it('active: passes, naming the list, the purpose and when it was checked', async () => {
      const { result, status } = await statusWith(await servedList(bitstring([4, 6])), entry(5));
      expect(status.status).to.equal('passed');
      expect(status.details).to.deep.include({
        type: 'BitstringStatusListEntry',
        purpose: 'revocation',
        url: LIST,
        index: 5,
        status: '0x0',
        listIssuer: issuer.did,
        listEntries: 131_072,
        checkedAt: NOW.toISOString(),
        listFetchedAt: NOW.toISOString(),
      });
      expect(status.details).not.to.have.property('belowSpecMinimum');
      expect(result.verdict).to.equal('verified');
    });

    it('revoked: fails with ERR_OB_REVOKED', async () => {
      const { result, status } = await statusWith(await servedList(bitstring([5])), entry(5));
      expect(status).to.deep.include({ status: 'failed', code: 'ERR_OB_REVOKED' });
      expect(status.details).to.deep.include({ url: LIST, index: 5, status: '0x1', checkedAt: NOW.toISOString() });
      expect(result.verdict).to.equal('unverified');
    });

    it('suspended: fails with ERR_OB_SUSPENDED', async () => {
      const { status } = await statusWith(
        await servedList(bitstring([5]), { purpose: 'suspension' }),
        entry(5, { statusPurpose: 'suspension' }),
      );
      expect(status).to.deep.include({ status: 'failed', code: 'ERR_OB_SUSPENDED' });
      expect(status.details).to.deep.include({ purpose: 'suspension', status: '0x1' });
    });

    it('reads a list that serves several purposes for the one its entry names', async () => {
      const routes = await servedList(bitstring([5]), { purpose: ['revocation', 'suspension'] });
      const { status } = await statusWith(routes, entry(5, { statusPurpose: 'suspension' }));
      expect(status.code).to.equal('ERR_OB_SUSPENDED');
    });

    it('message: passes with the message the issuer committed to for the value found', async () => {
      const statusMessage = [
        { status: '0x0', message: 'pending_review' },
        { status: '0x1', message: 'accepted' },
        { status: '0x2', message: 'rejected' },
        { status: '0x3', message: 'undefined' },
      ];
      const routes = await servedList(bitstring({ 5: 2, 6: 1 }, 131_072, 2), {
        purpose: 'message',
        subject: { statusSize: 2 },
      });
      const messageEntry = (index: number) => entry(index, { statusPurpose: 'message', statusSize: 2, statusMessage });
      const five = await statusWith(routes, messageEntry(5));
      expect(five.status.status).to.equal('passed');
      expect(five.status.details).to.deep.include({
        purpose: 'message',
        status: '0x2',
        message: 'rejected',
        statusSize: 2,
      });
      expect(five.result.verdict).to.equal('verified');
      const six = await statusWith(routes, messageEntry(6));
      expect(six.status.details).to.deep.include({ status: '0x1', message: 'accepted' });
    });

    it('refresh: passes either way, saying whether a refreshed credential is available', async () => {
      const routes = await servedList(bitstring([5]), { purpose: 'refresh' });
      const set = await statusWith(routes, entry(5, { statusPurpose: 'refresh' }));
      expect(set.status.status).to.equal('passed');
      expect(set.status.details).to.deep.include({ purpose: 'refresh', status: '0x1' });
      expect(set.status.message).to.contain('a refreshed credential is available');
    });

    it('keeps statuses of several entries and reports the worst', async () => {
      const { status } = await statusWith(await servedList(bitstring([9])), [entry(5), entry(9)]);
      expect(status.code).to.equal('ERR_OB_REVOKED');
      expect(status.details!['entries']).to.deep.equal([
        { type: 'BitstringStatusListEntry', status: 'passed' },
        { type: 'BitstringStatusListEntry', status: 'failed', code: 'ERR_OB_REVOKED' },
      ]);
    });
  });

  describe('a list that cannot be used gives "status unknown", never "not revoked"', () => {
    it('unreachable (HTTP 404): ERR_OB_STATUS_UNAVAILABLE', async () => {
      const { result, status } = await statusWith({}, entry(5));
      expect(status).to.deep.include({ status: 'warning', code: 'ERR_OB_STATUS_UNAVAILABLE' });
      expect(status.details).to.deep.include({
        url: LIST,
        cause: 'ERR_OB_FETCH_FAILED',
        status: 404,
        unreachable: false,
      });
      expect(result.verdict).to.equal('unknown');
    });

    it('a server error (503): ERR_OB_STATUS_UNAVAILABLE, marked unreachable by the shared rule', async () => {
      const { result, status } = await statusWith(
        { [LIST]: { body: 'down', type: 'text/plain', status: 503 } },
        entry(5),
      );
      expect(status).to.deep.include({ status: 'warning', code: 'ERR_OB_STATUS_UNAVAILABLE' });
      expect(status.details).to.deep.include({ url: LIST, status: 503, unreachable: true });
      expect(result.verdict).to.equal('unknown');
    });

    it('served as HTML (a login page): ERR_OB_STATUS_UNAVAILABLE', async () => {
      const { status } = await statusWith({ [LIST]: { body: '<html></html>', type: 'text/html' } }, entry(5));
      expect(status.code).to.equal('ERR_OB_STATUS_UNAVAILABLE');
      expect(status.details).to.deep.include({ cause: 'ERR_OB_FETCH_CONTENT_TYPE' });
    });

    it('from another issuer: ERR_OB_STATUS_LIST_INVALID (issuer), even when its bit is clear', async () => {
      const { result, status } = await statusWith(await servedList(bitstring([]), { signer: other }), entry(5));
      expect(status).to.deep.include({ status: 'warning', code: 'ERR_OB_STATUS_LIST_INVALID' });
      expect(status.details).to.deep.include({ reason: 'issuer', listIssuer: other.did, issuer: issuer.did });
      expect(result.verdict).to.equal('unknown');
    });

    it('from another issuer the verifier was told to accept: read', async () => {
      const acceptListIssuer = (list: string, credential: string) => list === other.did && credential === issuer.did;
      const { status } = await statusWith(await servedList(bitstring([5]), { signer: other }), entry(5), {
        statusMethods: [bitstringStatusList({ acceptListIssuer })],
      });
      expect(status.code).to.equal('ERR_OB_REVOKED');
    });

    it('naming the badge issuer but signed by someone else: the list does not verify', async () => {
      const forged = listCredential({ url: LIST, issuer: issuer.did, encodedList: encodeList(bitstring([])) });
      const { status } = await statusWith({ [LIST]: { body: await signVcJose(other, forged) } }, entry(5));
      expect(status.code).to.equal('ERR_OB_STATUS_LIST_INVALID');
      expect(status.details).to.deep.include({ reason: 'unverified' });
      expect((status.details!['listCheck'] as { id: string }).id).to.be.oneOf(['proof', 'issuer']);
    });

    it('with a bad signature (edited after signing): ERR_OB_STATUS_LIST_INVALID (unverified)', async () => {
      const routes = await servedList(bitstring([5]));
      const edited = tamper(routes[LIST]!.body, (payload) => {
        (payload['credentialSubject'] as Record<string, unknown>)['encodedList'] = encodeList(bitstring([]));
      });
      const { status } = await statusWith({ [LIST]: { body: edited } }, entry(5));
      expect(status.code).to.equal('ERR_OB_STATUS_LIST_INVALID');
      expect(status.details).to.deep.include({
        reason: 'unverified',
        listCheck: { id: 'proof', status: 'failed', code: 'ERR_OB_SIGNATURE_INVALID' },
      });
    });

    it('expired, or not valid yet: ERR_OB_STATUS_LIST_INVALID (expired / not-yet-valid)', async () => {
      const expired = await statusWith(
        await servedList(bitstring([]), { overrides: { validUntil: '2026-01-01T00:00:00Z' } }),
        entry(5),
      );
      expect(expired.status.code).to.equal('ERR_OB_STATUS_LIST_INVALID');
      expect(expired.status.details).to.deep.include({ reason: 'expired' });
      const early = await statusWith(
        await servedList(bitstring([]), { overrides: { validFrom: '2027-01-01T00:00:00Z' } }),
        entry(5),
      );
      expect(early.status.details).to.deep.include({ reason: 'not-yet-valid' });
    });

    it('applies the list validity period at each badge’s own time, though the list is verified once', async () => {
      const { verifier, count } = world(
        await servedList(bitstring([]), { overrides: { validUntil: '2026-06-01T15:00:00Z' } }),
      );
      const token = await badge(entry(5));
      const before = await verifier.verify(token, { now: NOW });
      expect(statusOf(before).status).to.equal('passed');
      const after = await verifier.verify(token, { now: new Date('2026-06-01T15:30:00Z') });
      expect(statusOf(after).details).to.deep.include({ reason: 'expired' });
      expect(count()).to.equal(1);
    });

    it('of the wrong type: ERR_OB_STATUS_LIST_INVALID (type)', async () => {
      const notAList = await statusWith(
        await servedList(bitstring([]), { overrides: { type: ['VerifiableCredential'] } }),
        entry(5),
      );
      expect(notAList.status.details).to.deep.include({ reason: 'type', expected: 'BitstringStatusListCredential' });
      const wrongSubject = await statusWith(
        await servedList(bitstring([]), { subject: { type: 'StatusList2021' } }),
        entry(5),
      );
      expect(wrongSubject.status.details).to.deep.include({ reason: 'type' });
    });

    it('for another purpose: ERR_OB_STATUS_LIST_INVALID (purpose)', async () => {
      const { status } = await statusWith(await servedList(bitstring([]), { purpose: 'suspension' }), entry(5));
      expect(status.code).to.equal('ERR_OB_STATUS_LIST_INVALID');
      expect(status.details).to.deep.include({ reason: 'purpose', purpose: 'revocation' });
    });

    it('whose encodedList is not Multibase base64url GZIP: ERR_OB_STATUS_LIST_INVALID', async () => {
      const { status } = await statusWith(
        await servedList(bitstring([]), { subject: { encodedList: encodeList(bitstring([]), false) } }),
        entry(5),
      );
      expect(status.details).to.deep.include({ reason: 'encoding' });
    });
  });

  describe('list length', () => {
    it('is too short below 100,000 entries: ERR_OB_STATUS_LIST_INVALID (too-short)', async () => {
      const { status } = await statusWith(await servedList(bitstring([], 128)), entry(5));
      expect(status).to.deep.include({ status: 'warning', code: 'ERR_OB_STATUS_LIST_INVALID' });
      expect(status.details).to.deep.include({ reason: 'too-short', listEntries: 128, minimumEntries: 100_000 });
    });

    it('accepts the 100,000-entry lists issuers publish, marking them below the specification minimum', async () => {
      const { status } = await statusWith(await servedList(bitstring([], 100_000)), entry(5));
      expect(status.status).to.equal('passed');
      expect(status.details).to.deep.include({ listEntries: 100_000, belowSpecMinimum: true });
    });

    it('enforces the specification minimum (131,072) when configured to', async () => {
      const { status } = await statusWith(await servedList(bitstring([], 100_000)), entry(5), {
        statusMethods: [bitstringStatusList({ minimumEntries: 131_072 })],
      });
      expect(status.details).to.deep.include({ reason: 'too-short', minimumEntries: 131_072 });
    });

    it('counts entries, not bits, for wide entries', async () => {
      const statusMessage = Array.from({ length: 4 }, (_, i) => ({ status: `0x${i}`, message: `m${i}` }));
      const { status } = await statusWith(
        await servedList(bitstring([], 131_072, 1), { purpose: 'message' }),
        entry(5, { statusPurpose: 'message', statusSize: 2, statusMessage }),
      );
      expect(status.details).to.deep.include({ reason: 'too-short', listEntries: 65_536 });
    });

    it('refuses a list that inflates past the cap (a zip bomb): ERR_OB_STATUS_LIST_INVALID (too-large)', async function () {
      this.timeout(20_000);
      const bomb = new Uint8Array(MAX_BITSTRING_BYTES + 1);
      const { status } = await statusWith(await servedList(bomb), entry(5));
      expect(status.code).to.equal('ERR_OB_STATUS_LIST_INVALID');
      expect(status.details).to.deep.include({ reason: 'too-large' });
    });

    it('fails an index outside the list: ERR_OB_STATUS_INDEX_OUT_OF_RANGE', async () => {
      const routes = await servedList(bitstring([]));
      for (const index of ['131072', '99999999999999999999999']) {
        const { result, status } = await statusWith(routes, entry(index));
        expect(status, index).to.deep.include({ status: 'failed', code: 'ERR_OB_STATUS_INDEX_OUT_OF_RANGE' });
        expect(result.verdict).to.equal('unverified');
      }
      const last = await statusWith(routes, entry('131071'));
      expect(last.status.status).to.equal('passed');
    });
  });

  describe('entries this verifier cannot act on', () => {
    it('an unknown status type: ERR_OB_STATUS_UNCHECKED', async () => {
      const { status } = await statusWith({}, { id: `${LIST}#1`, type: 'RevocationList2020Status' });
      expect(status).to.deep.include({ status: 'warning', code: 'ERR_OB_STATUS_UNCHECKED' });
    });

    it('a malformed entry: ERR_OB_STATUS_UNCHECKED naming the field, and nothing is fetched', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ statusListIndex: '-1' }, 'statusListIndex'],
        [{ statusListIndex: 'five' }, 'statusListIndex'],
        [{ statusListIndex: 1.5 }, 'statusListIndex'],
        [{ statusListCredential: 'http://issuer.example/status/1' }, 'statusListCredential'],
        [{ statusListCredential: 'javascript:alert(1)' }, 'statusListCredential'],
        [{ statusPurpose: undefined }, 'statusPurpose'],
        [{ statusPurpose: 'delight' }, 'statusPurpose'],
        [{ statusSize: 0 }, 'statusSize'],
        [{ statusSize: 2 }, 'statusMessage'],
        [{ statusSize: 2, statusMessage: [{ status: '0x0', message: 'ok' }] }, 'statusMessage'],
      ];
      const { verifier, count } = world(await servedList(bitstring([])));
      for (const [overrides, field] of cases) {
        const result = await verifier.verify(await badge(entry(5, overrides)), { now: NOW });
        expect(statusOf(result), JSON.stringify(overrides)).to.deep.include({
          status: 'warning',
          code: 'ERR_OB_STATUS_UNCHECKED',
        });
        expect(statusOf(result).details).to.deep.include({ field });
      }
      expect(count()).to.equal(0);
    });

    it('accepts a numeric statusListIndex, as some issuers write it', async () => {
      const { status } = await statusWith(await servedList(bitstring([5])), entry(5, { statusListIndex: 5 }));
      expect(status.code).to.equal('ERR_OB_REVOKED');
    });
  });

  describe('caching', () => {
    it('fetches a list shared by 100 badges once, and reads each badge’s own entry', async () => {
      const { verifier, count } = world(await servedList(bitstring([42])));
      const tokens = await Promise.all(Array.from({ length: 100 }, (_, i) => badge(entry(i))));
      const results = await Promise.all(tokens.map((token) => verifier.verify(token, { now: NOW })));
      expect(count()).to.equal(1);
      const failed = results.flatMap((result, i) => (statusOf(result).status === 'passed' ? [] : [i]));
      expect(failed).to.deep.equal([42]);
      expect(statusOf(results[42]!).code).to.equal('ERR_OB_REVOKED');
    });

    it('fetches the list again after its ttl, not before', async () => {
      const { verifier, clock, count } = world(await servedList(bitstring([]), { subject: { ttl: 60_000 } }));
      const token = await badge(entry(5));
      await verifier.verify(token, { now: NOW });
      // The first load did not know the ttl yet; the copy it got is fresh either way.
      clock.now += 30_000;
      await verifier.verify(token, { now: NOW });
      expect(count()).to.equal(1);
      clock.now += 31_000;
      await verifier.verify(token, { now: NOW });
      expect(count()).to.equal(2);
    });

    it('sees a revocation published after the list was cached, once the copy is stale', async () => {
      const routes = await servedList(bitstring([]), { subject: { ttl: 60_000 } });
      const served = servingFetch(routes);
      const clock = { now: NOW.getTime() };
      const verifier = createVerifier({ fetch: served.fetch, clock: () => clock.now });
      const token = await badge(entry(5));
      expect(statusOf(await verifier.verify(token, { now: NOW })).status).to.equal('passed');
      served.routes.set(LIST, (await servedList(bitstring([5]), { subject: { ttl: 60_000 } }))[LIST]!);
      expect(statusOf(await verifier.verify(token, { now: NOW })).status).to.equal('passed');
      clock.now += 61_000;
      expect(statusOf(await verifier.verify(token, { now: NOW })).code).to.equal('ERR_OB_REVOKED');
    });

    it('reuses a list without ttl for 5 minutes', async () => {
      const { verifier, clock, count } = world(await servedList(bitstring([])));
      const token = await badge(entry(5));
      await verifier.verify(token, { now: NOW });
      clock.now += 4 * 60_000;
      await verifier.verify(token, { now: NOW });
      expect(count()).to.equal(1);
      clock.now += 2 * 60_000;
      await verifier.verify(token, { now: NOW });
      expect(count()).to.equal(2);
    });

    it('honours HTTP caching: Cache-Control max-age shorter than the ttl', async () => {
      const { verifier, clock, count } = world(
        await servedList(bitstring([]), { headers: { 'cache-control': 'max-age=30' } }),
      );
      const token = await badge(entry(5));
      await verifier.verify(token, { now: NOW });
      clock.now += 29_000;
      await verifier.verify(token, { now: NOW });
      expect(count()).to.equal(1);
      clock.now += 2_000;
      await verifier.verify(token, { now: NOW });
      expect(count()).to.equal(2);
    });

    it('honours Cache-Control: no-cache, beyond the short window that keeps one page’s burst to one fetch', async () => {
      const { verifier, clock, count } = world(
        await servedList(bitstring([]), { headers: { 'cache-control': 'no-cache' } }),
      );
      const token = await badge(entry(5));
      await Promise.all([1, 2, 3].map(() => verifier.verify(token, { now: NOW })));
      expect(count()).to.equal(1);
      clock.now += MIN_REUSE_MS + 1;
      await verifier.verify(token, { now: NOW });
      expect(count()).to.equal(2);
    });
  });

  describe('one verification per fetched copy', () => {
    const listJson = listCredential({
      url: LIST,
      issuer: 'did:example:issuer',
      encodedList: encodeList(bitstring([3])),
    });
    const verifiedList: VerificationResult = {
      verified: true,
      verdict: 'verified',
      format: 'ob3-jwt',
      checks: [
        { id: 'format', status: 'passed' },
        { id: 'proof', status: 'passed' },
        { id: 'issuer', status: 'passed' },
        { id: 'validity', status: 'passed', details: { validFrom: '2025-01-01T00:00:00.000Z' } },
        { id: 'status', status: 'skipped' },
      ],
      credential: listJson,
      badge: undefined,
      checkedAt: NOW.toISOString(),
    };
    const documentOf = (): LoadedDocument => ({
      url: LIST,
      finalUrl: LIST,
      contentType: 'application/json',
      bytes: new TextEncoder().encode(JSON.stringify(listJson)),
      fetchedAt: NOW.getTime(),
    });
    const credential = { issuer: 'did:example:issuer' };

    function contextFor(
      document: LoadedDocument,
      verifyRelated: VerifyContext['verifyRelated'],
      signal = new AbortController().signal,
    ) {
      return {
        now: NOW,
        clockToleranceSeconds: 300,
        signal,
        load: async () => document,
        didResolvers: [],
        statusMethods: [],
        verifyRelated,
      } satisfies VerifyContext;
    }

    it('verifies a list once for every badge that reads the same copy, and again for a new copy', async () => {
      const method = bitstringStatusList();
      let verifications = 0;
      const verifyRelated = async () => {
        verifications++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        return verifiedList;
      };
      const copy = documentOf();
      const outcomes = await Promise.all(
        Array.from({ length: 50 }, (_, i) => method.check(entry(i), credential, contextFor(copy, verifyRelated))),
      );
      expect(verifications).to.equal(1);
      expect(outcomes.map((o) => o.status).filter((s) => s === 'failed')).to.have.length(1);
      expect(outcomes[3]!.code).to.equal('ERR_OB_REVOKED');
      await method.check(entry(1), credential, contextFor(documentOf(), verifyRelated));
      expect(verifications).to.equal(2);
    });

    it('does not let one badge’s abort spoil the shared verification for the others', async () => {
      const method = bitstringStatusList();
      const copy = documentOf();
      const aborted = new AbortController();
      const first = method.check(
        entry(1),
        credential,
        contextFor(
          copy,
          async () => {
            aborted.abort();
            throw new Aborted();
          },
          aborted.signal,
        ),
      );
      const second = method.check(
        entry(3),
        credential,
        contextFor(copy, async () => verifiedList),
      );
      expect((await first.catch((error: unknown) => error)) instanceof Aborted).to.equal(true);
      expect((await second).code).to.equal('ERR_OB_REVOKED');
    });
  });
});
