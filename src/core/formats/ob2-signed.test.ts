import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { CompactSign, generateKeyPair } from 'jose';
import { createVerifier } from '../verify.js';
import type { Check, VerificationResult } from '../result.js';
import {
  BADGE_CLASS,
  badgeClass,
  fakeFetch,
  ISSUER,
  issuerProfile,
  KEY_1,
  REVOCATIONS,
  signedAssertion,
  signingIssuer,
  type SigningIssuer,
  type Routes,
} from '../../../test/helpers/ob2.js';

const now = new Date('2026-06-01T00:00:00Z');
const ID = 'urn:uuid:6a1f3b7c-1d2e-4f5a-8b9c-0d1e2f3a4b5c';

function check(result: VerificationResult, id: string): Check {
  const found = result.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no ${id} check in ${JSON.stringify(result.checks)}`);
  return found;
}

let issuer: SigningIssuer;

function routes(overrides: Record<string, unknown> = {}): Routes {
  return {
    [BADGE_CLASS]: badgeClass(),
    [ISSUER]: issuerProfile(),
    [KEY_1]: issuer.keyDocument(),
    [REVOCATIONS]: {
      '@context': 'https://w3id.org/openbadges/v2',
      id: REVOCATIONS,
      type: 'RevocationList',
      revokedAssertions: [],
    },
    ...overrides,
  };
}

async function verify(jws: string, served: Routes) {
  const fetch = fakeFetch(served);
  return { result: await createVerifier({ fetch }).verify(jws, { now }), fetch };
}

describe('Open Badges 2.0 signed assertions', () => {
  before(async () => {
    issuer = await signingIssuer();
  });

  it('verifies an RS256 JWS with the key the issuer Profile lists and owns', async () => {
    const { result } = await verify(await issuer.sign(await signedAssertion()), routes());
    expect(result.format).to.equal('ob2-signed');
    expect(result.verdict, JSON.stringify(result.checks)).to.equal('verified');
    expect(check(result, 'proof').details).to.include({ alg: 'RS256', keyId: KEY_1, keySource: 'ob2-profile' });
    expect(check(result, 'status').details).to.include({ method: 'RevocationList' });
    expect(result.badge?.name).to.equal('Robot Builder');
  });

  it('tries the Profile\u2019s keys when the assertion names no creator', async () => {
    const jws = await issuer.sign(await signedAssertion({ verification: { type: 'SignedBadge' } }));
    const { result } = await verify(jws, routes());
    expect(result.verified, JSON.stringify(result.checks)).to.equal(true);
  });

  it('never trusts a creator key the issuer Profile does not list', async () => {
    const other = 'https://issuer.example/keys/unlisted.json';
    const jws = await issuer.sign(await signedAssertion({ verification: { type: 'SignedBadge', creator: other } }));
    const { result } = await verify(jws, routes({ [other]: issuer.keyDocument(other) }));
    expect(check(result, 'proof').status).to.equal('passed');
    expect(check(result, 'issuer')).to.deep.include({ status: 'failed', code: 'ERR_OB_KEY_NOT_ISSUERS' });
    expect(result.verified).to.equal(false);
  });

  it('never trusts a key owned by someone else, even if listed', async () => {
    const served = routes({ [KEY_1]: issuer.keyDocument(KEY_1, 'https://attacker.example/issuer.json') });
    const { result } = await verify(await issuer.sign(await signedAssertion()), served);
    expect(check(result, 'issuer').code).to.equal('ERR_OB_KEY_NOT_ISSUERS');
  });

  it('ignores a Profile embedded in the signed payload: keys count only as the issuer publishes them', async () => {
    const attacker = await signingIssuer();
    const attackerKey = 'https://attacker.example/key.json';
    const payload = await signedAssertion({
      badge: badgeClass({ issuer: issuerProfile({ publicKey: attackerKey }) }),
      verification: { type: 'SignedBadge', creator: attackerKey },
    });
    const { result } = await verify(
      await attacker.sign(payload),
      routes({ [attackerKey]: attacker.keyDocument(attackerKey) }),
    );
    expect(result.verified).to.equal(false);
    expect(check(result, 'issuer').code).to.equal('ERR_OB_KEY_NOT_ISSUERS');
  });

  it('fails a payload changed after signing', async () => {
    const jws = await issuer.sign(await signedAssertion());
    const [header, , signature] = jws.split('.');
    const forged = btoa(JSON.stringify(await signedAssertion({ issuedOn: '2026-02-01T00:00:00Z' })))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    const { result } = await verify(`${header}.${forged}.${signature}`, routes());
    expect(check(result, 'proof').code).to.equal('ERR_OB_SIGNATURE_INVALID');
  });

  it('refuses algorithms the 2.0 specification does not use, and jwk headers change nothing', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(await signedAssertion())))
      .setProtectedHeader({ alg: 'ES256' })
      .sign(privateKey);
    const { result } = await verify(jws, routes());
    expect(check(result, 'format').code).to.equal('ERR_OB_JOSE_ALG_NOT_ALLOWED');
  });

  it('finds the assertion on the revocation list, by id or legacy uid, with the reason', async () => {
    const list = (entries: unknown[]) => ({
      '@context': 'https://w3id.org/openbadges/v2',
      id: REVOCATIONS,
      type: 'RevocationList',
      revokedAssertions: entries,
    });
    for (const entries of [
      [{ id: ID, revocationReason: 'Cheated' }],
      [ID],
      [{ uid: 'abc123', revocationReason: 'Cheated' }],
    ]) {
      const jws = await issuer.sign(await signedAssertion({ uid: 'abc123' }));
      const { result } = await verify(jws, routes({ [REVOCATIONS]: list(entries) }));
      expect(check(result, 'status'), JSON.stringify(entries)).to.deep.include({
        status: 'failed',
        code: 'ERR_OB_REVOKED',
      });
    }
    const { result } = await verify(
      await issuer.sign(await signedAssertion()),
      routes({ [REVOCATIONS]: list([{ id: ID, revocationReason: 'Cheated' }]) }),
    );
    expect(check(result, 'status').details?.['revocationReason']).to.equal('Cheated');
  });

  it('a key URL that cannot be reached (5xx, network) is status unknown: ERR_OB_KEY_UNREACHABLE', async () => {
    const { result } = await verify(
      await issuer.sign(await signedAssertion()),
      routes({ [KEY_1]: { status: 503, body: {} } }),
    );
    expect(check(result, 'proof')).to.deep.include({ status: 'warning', code: 'ERR_OB_KEY_UNREACHABLE' });
    expect(check(result, 'proof').details).to.include({ url: KEY_1, status: 503, cause: 'ERR_OB_FETCH_FAILED' });
    expect(result.verdict).to.equal('unknown');
  });

  it('a key URL that answers 404 is an answer: not verified', async () => {
    const served = routes();
    delete (served as Record<string, unknown>)[KEY_1];
    const { result } = await verify(await issuer.sign(await signedAssertion()), served);
    expect(check(result, 'proof').status).to.equal('failed');
    expect(result.verdict).to.equal('unverified');
  });

  it('reads "status unknown" when the revocation list cannot be fetched', async () => {
    const served = routes();
    delete (served as Record<string, unknown>)[REVOCATIONS];
    const { result } = await verify(await issuer.sign(await signedAssertion()), served);
    expect(check(result, 'status')).to.deep.include({ status: 'warning', code: 'ERR_OB_STATUS_UNAVAILABLE' });
    expect(result.verdict).to.equal('unknown');
  });

  it('passes status when the issuer publishes no revocation list', async () => {
    const served = routes({ [ISSUER]: issuerProfile({ revocationList: undefined }) });
    const { result } = await verify(await issuer.sign(await signedAssertion()), served);
    expect(check(result, 'status').status).to.equal('passed');
  });

  it('refuses an RSA key shorter than 2048 bits, even one the issuer lists', async () => {
    const algorithm = {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 1024,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    };
    const pair = (await crypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
    const pem = `-----BEGIN PUBLIC KEY-----\n${btoa(String.fromCharCode(...spki)).replace(/(.{64})/g, '$1\n')}\n-----END PUBLIC KEY-----`;
    const b64url = (bytes: Uint8Array) =>
      btoa(String.fromCharCode(...bytes))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '');
    const input = `${b64url(new TextEncoder().encode('{"alg":"RS256"}'))}.${b64url(new TextEncoder().encode(JSON.stringify(await signedAssertion())))}`;
    const signature = new Uint8Array(
      await crypto.subtle.sign('RSASSA-PKCS1-v1_5', pair.privateKey, new TextEncoder().encode(input)),
    );
    const weakKey = { ...issuer.keyDocument(), publicKeyPem: pem };
    const { result } = await verify(`${input}.${b64url(signature)}`, routes({ [KEY_1]: weakKey }));
    expect(result.verified).to.equal(false);
    expect(check(result, 'proof').status).to.equal('failed');
    expect(check(result, 'proof').code).to.equal('ERR_OB_JOSE_ALG_NOT_ALLOWED');
  });

  it('refuses a key document whose PEM is not an RSA public key: an EC key, a certificate, or no base64', async () => {
    const ec = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', ec.publicKey));
    const ecPem = `-----BEGIN PUBLIC KEY-----\n${btoa(String.fromCharCode(...spki))}\n-----END PUBLIC KEY-----`;
    const jws = await issuer.sign(await signedAssertion());
    for (const publicKeyPem of [
      ecPem,
      ecPem.replace(/PUBLIC KEY/g, 'CERTIFICATE'),
      '-----BEGIN PUBLIC KEY-----\n!!not base64!!\n-----END PUBLIC KEY-----',
    ]) {
      const { result } = await verify(jws, routes({ [KEY_1]: { ...issuer.keyDocument(), publicKeyPem } }));
      expect(check(result, 'proof'), publicKeyPem.slice(0, 40)).to.deep.include({
        status: 'failed',
        code: 'ERR_OB_KEY_UNRESOLVABLE',
      });
      expect(result.verified).to.equal(false);
    }
  });

  it('refuses a JWS whose payload says it is hosted', async () => {
    const jws = await issuer.sign(await signedAssertion({ verification: { type: 'HostedBadge' } }));
    const { result } = await verify(jws, routes());
    expect(check(result, 'format').code).to.equal('ERR_OB_PROOF_INVALID');
  });
});

describe('Open Badges 2.0 signed assertions: keys written into the badge (property-based)', function () {
  this.timeout(120_000);
  const ATTACKER_KEY = 'https://attacker.example/key.json';
  const ATTACKER_PROFILE = 'https://attacker.example/issuer.json';
  let attacker: SigningIssuer;

  before(async () => {
    issuer ??= await signingIssuer();
    attacker = await signingIssuer();
  });

  /** Where an embedded key, Profile or link may claim to be: the issuer's own addresses, others, and non-addresses. */
  const claimedId = fc.oneof(
    // The most dangerous claim, the key the issuer really lists, is drawn most often.
    { arbitrary: fc.constant(KEY_1), weight: 4 },
    fc.constantFrom(
      ISSUER,
      BADGE_CLASS,
      REVOCATIONS,
      'https://issuer.example/keys/2.json',
      `${ISSUER}#key-1`,
      'https://ISSUER.example./keys/1.json',
      ATTACKER_KEY,
      'https://issuer.example@attacker.example/key.json',
      'https://issuer.example.attacker.example/keys/1.json',
      'urn:uuid:0a7e1c2d-3b4f-4a5b-8c6d-7e8f9a0b1c2d',
      'data:application/json,{}',
      'did:example:issuer',
    ),
  );
  const claimedOwner = fc.oneof(
    { arbitrary: fc.constant(ISSUER), weight: 3 },
    fc.constantFrom<string | undefined>(ATTACKER_PROFILE, 'https://issuer.example', undefined),
  );

  /** A CryptographicKey object carrying the attacker's PEM under a claimed id and owner. */
  const embeddedKey = fc
    .record({ id: fc.option(claimedId, { nil: undefined }), owner: claimedOwner })
    .map(({ id, owner }) => {
      const key: Record<string, unknown> = { ...attacker.keyDocument(id ?? ATTACKER_KEY, owner ?? ISSUER) };
      if (id === undefined) delete key['id'];
      if (owner === undefined) delete key['owner'];
      return key;
    });

  /** Each place a key (or a pointer to one) can be written into a signed payload. */
  const attack = fc.record({
    creator: fc.oneof(
      fc.constant(undefined),
      claimedId,
      embeddedKey,
      fc.array(embeddedKey, { minLength: 1, maxLength: 2 }),
    ),
    badge: fc.oneof(
      fc.constant<unknown>(BADGE_CLASS),
      fc
        .record({
          profileId: fc.constantFrom(ISSUER, ATTACKER_PROFILE, 'urn:uuid:0a7e1c2d-3b4f-4a5b-8c6d-7e8f9a0b1c2d'),
          publicKey: fc.oneof(embeddedKey, fc.array(fc.oneof(embeddedKey, claimedId), { maxLength: 3 })),
          revocationList: fc.boolean(),
        })
        .map(({ profileId, publicKey, revocationList }) =>
          badgeClass({
            issuer: issuerProfile({
              id: profileId,
              publicKey,
              revocationList: revocationList
                ? { type: 'RevocationList', id: REVOCATIONS, revokedAssertions: [] }
                : undefined,
            }),
          }),
        ),
    ),
  });

  function payloadFor({ creator, badge }: { creator: unknown; badge: unknown }) {
    return signedAssertion({
      badge,
      verification: creator === undefined ? { type: 'SignedBadge' } : { type: 'SignedBadge', creator },
    });
  }

  it('never verifies a badge signed with a key the badge carries, whatever its id, owner and Profile say', async () => {
    const codes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(attack, async (shape) => {
        // The attacker controls attacker.example: a key there names the issuer as its owner.
        const served = routes({ [ATTACKER_KEY]: attacker.keyDocument(ATTACKER_KEY, ISSUER) });
        const { result, fetch } = await verify(await attacker.sign(await payloadFor(shape)), served);
        expect(result.verdict, JSON.stringify({ shape, checks: result.checks })).to.not.equal('verified');
        expect(result.verified).to.equal(false);
        // The attacker's signature may check against the attacker's own key; it is never the issuer's.
        expect(check(result, 'issuer').status).to.not.equal('passed');
        expect(fetch.requests).to.not.include('data:application/json,{}');
        for (const c of result.checks) if (c.code) codes.add(c.code);
      }),
      { numRuns: 100, seed: 20261203 },
    );
    expect([...codes]).to.include.members(['ERR_OB_SIGNATURE_INVALID', 'ERR_OB_KEY_NOT_ISSUERS']);
  });

  it('reads an embedded key only as a pointer: the issuer-signed badge verifies with the key fetched from its id', async () => {
    await fc.assert(
      fc.asyncProperty(embeddedKey, async (key) => {
        const pointer = { ...key, id: KEY_1 };
        const payload = await signedAssertion({ verification: { type: 'SignedBadge', creator: pointer } });
        const { result, fetch } = await verify(await issuer.sign(payload), routes());
        expect(result.verdict, JSON.stringify(result.checks)).to.equal('verified');
        expect(fetch.requests).to.include(KEY_1);
        expect(check(result, 'proof').details).to.include({ keyId: KEY_1 });
      }),
      { numRuns: 10, seed: 20261203 },
    );
  });

  it('uses no key written into the badge, even one whose id is the creator URL the issuer lists', async () => {
    const payload = await signedAssertion({
      verification: { type: 'SignedBadge', creator: attacker.keyDocument(KEY_1, ISSUER) },
    });
    const { result, fetch } = await verify(await attacker.sign(payload), routes());
    expect(fetch.requests).to.include(KEY_1);
    expect(check(result, 'proof')).to.deep.include({ status: 'failed', code: 'ERR_OB_SIGNATURE_INVALID' });
    expect(result.verified).to.equal(false);
  });

  it('refuses an embedded key with no web address to fetch it from', async () => {
    const payload = await signedAssertion({
      verification: {
        type: 'SignedBadge',
        creator: attacker.keyDocument('urn:uuid:0a7e1c2d-3b4f-4a5b-8c6d-7e8f9a0b1c2d'),
      },
    });
    const { result } = await verify(await attacker.sign(payload), routes());
    expect(check(result, 'proof')).to.deep.include({ status: 'failed', code: 'ERR_OB_KEY_UNRESOLVABLE' });
  });

  it('refuses a key on another host, even one the issuer lists and that names the issuer', async () => {
    const offHost = 'https://keys.elsewhere.example/1.json';
    const served = routes({
      [ISSUER]: issuerProfile({ publicKey: [KEY_1, offHost] }),
      [offHost]: attacker.keyDocument(offHost, ISSUER),
    });
    const payload = await signedAssertion({ verification: { type: 'SignedBadge', creator: offHost } });
    const { result } = await verify(await attacker.sign(payload), served);
    expect(check(result, 'proof').status).to.equal('passed');
    expect(check(result, 'issuer')).to.deep.include({ status: 'failed', code: 'ERR_OB_KEY_NOT_ISSUERS' });
    expect(check(result, 'issuer').details).to.include({ offHost });
  });

  it('checks revocation against the list the issuer publishes, never a list the payload embeds', async () => {
    const payload = await signedAssertion({
      badge: badgeClass({
        issuer: issuerProfile({ revocationList: { type: 'RevocationList', id: REVOCATIONS, revokedAssertions: [] } }),
      }),
    });
    const served = routes({
      [REVOCATIONS]: {
        '@context': 'https://w3id.org/openbadges/v2',
        id: REVOCATIONS,
        type: 'RevocationList',
        revokedAssertions: [ID],
      },
    });
    const { result } = await verify(await issuer.sign(payload), served);
    expect(check(result, 'status')).to.deep.include({ status: 'failed', code: 'ERR_OB_REVOKED' });
  });

  it('reads status as unknown, and the key as not the issuer\u2019s, when the Profile exists only inside the payload', async () => {
    const urn = 'urn:uuid:0a7e1c2d-3b4f-4a5b-8c6d-7e8f9a0b1c2d';
    const payload = await signedAssertion({
      badge: badgeClass({ issuer: issuerProfile({ id: urn, publicKey: KEY_1 }) }),
    });
    const { result } = await verify(await issuer.sign(payload), routes());
    expect(check(result, 'issuer')).to.deep.include({ status: 'failed', code: 'ERR_OB_KEY_UNRESOLVABLE' });
    expect(check(result, 'status')).to.deep.include({ status: 'warning', code: 'ERR_OB_STATUS_UNAVAILABLE' });
    expect(result.verified).to.equal(false);
  });
});
