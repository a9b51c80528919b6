import { expect } from '@open-wc/testing';
import { base64url } from 'jose';
import { createDocumentCache } from '../fetcher.js';
import type { Check, VerificationResult } from '../result.js';
import { createVerifier } from '../verify.js';
import {
  createDidJwkIssuer,
  credentialFor,
  sign,
  signVcJose,
  signVcJwt,
  tamper,
  type TestIssuer,
} from '../../../test/helpers/issuer.js';

const now = new Date('2026-06-01T00:00:00Z');
const verifier = createVerifier({ offline: true, cache: createDocumentCache() });
const verify = (input: string, documents: Record<string, unknown> = {}) =>
  verifier.verify(input, { now, documents: documents as Record<string, string> });

const statuses = (result: VerificationResult) => Object.fromEntries(result.checks.map((c) => [c.id, c.status]));
const check = (result: VerificationResult, id: string) => result.checks.find((c) => c.id === id) as Check;

describe('ob3Jwt format', () => {
  let issuer: TestIssuer;
  let attacker: TestIssuer;
  before(async () => {
    issuer = await createDidJwkIssuer('ES256');
    attacker = await createDidJwkIssuer('EdDSA');
  });

  describe('valid credentials', () => {
    it('verifies a VC-JWT (vc claim) signed by its did:jwk issuer, every check passing in order', async () => {
      const result = await verify(await signVcJwt(issuer, credentialFor(issuer.did)));
      expect(result.checks.map((c) => c.id)).to.deep.equal([
        'format',
        'proof',
        'issuer',
        'validity',
        'status',
        'recipient',
      ]);
      expect(statuses(result)).to.deep.equal({
        format: 'passed',
        proof: 'passed',
        issuer: 'passed',
        validity: 'passed',
        status: 'passed',
        recipient: 'skipped',
      });
      expect(result.verified).to.equal(true);
      expect(result.verdict).to.equal('verified');
      expect(result.format).to.equal('ob3-jwt');
      expect(check(result, 'format').details).to.include({ securing: 'vc-jwt', alg: 'ES256', vcdm: '2.0' });
      expect(check(result, 'proof').details).to.include({ alg: 'ES256', keySource: 'did:jwk' });
      expect(check(result, 'issuer').details).to.include({ issuer: issuer.did, controller: issuer.did });
      expect(result.badge?.name).to.equal('Test Achievement');
      expect(result.credential?.['id']).to.equal('urn:uuid:5d5c3c4a-0000-4000-8000-000000000001');
    });

    it('verifies a VC-JOSE token (typ vc+jwt, the payload is the credential), EdDSA', async () => {
      const result = await verify(await signVcJose(attacker, credentialFor(attacker.did)));
      expect(result.verified).to.equal(true);
      expect(check(result, 'format').details).to.include({ securing: 'vc-jose', alg: 'EdDSA' });
    });

    it('accepts the header spellings issuers use: application/ prefixes, draft typ values, cty on a plain JWT', async () => {
      const headers = [
        { typ: 'application/vc+jwt', cty: 'application/vc' },
        { typ: 'vc+ld+jwt', cty: 'vc+ld+json' },
        { typ: 'vc+ld+json+jwt' },
        { typ: 'JWT', cty: 'vc' },
      ];
      for (const header of headers) {
        const result = await verify(await signVcJose(issuer, credentialFor(issuer.did), header));
        expect(result.verdict, JSON.stringify(header)).to.equal('verified');
        expect(check(result, 'format').details).to.include({ securing: 'vc-jose' });
      }
    });

    it('reads a VC-JWT whose claims stand in for credential properties (VC-JWT 1.1 decoding)', async () => {
      const bare = credentialFor(issuer.did);
      delete bare['id'];
      delete bare['validFrom'];
      delete bare['validUntil'];
      bare['credentialSubject'] = {
        type: ['AchievementSubject'],
        name: 'Ada',
        achievement: { name: 'Test Achievement' },
      };
      const jws = await sign(
        issuer,
        { kid: issuer.kid, typ: 'JWT' },
        {
          iss: issuer.did,
          jti: 'urn:uuid:from-jti',
          sub: 'did:example:from-sub',
          nbf: Date.parse('2025-01-01T00:00:00Z') / 1000,
          exp: Date.parse('2030-01-01T00:00:00Z') / 1000,
          vc: bare,
        },
      );
      const result = await verify(jws);
      expect(result.verdict).to.equal('verified');
      expect(result.credential).to.deep.include({
        id: 'urn:uuid:from-jti',
        validFrom: '2025-01-01T00:00:00.000Z',
        validUntil: '2030-01-01T00:00:00.000Z',
      });
      expect((result.credential?.['credentialSubject'] as { id?: string }).id).to.equal('did:example:from-sub');
      expect(result.badge).to.deep.include({
        credentialId: 'urn:uuid:from-jti',
        validUntil: '2030-01-01T00:00:00.000Z',
      });
    });

    it('accepts surrounding white space (a pasted token)', async () => {
      const result = await verify(`\n  ${await signVcJwt(issuer, credentialFor(issuer.did))}  \n`);
      expect(result.verified).to.equal(true);
    });
  });

  describe('the same token twice', () => {
    it('gives each run its own credential: changing one result does not change the next', async () => {
      const jwt = await signVcJwt(issuer, credentialFor(issuer.did));
      const first = await verify(jwt);
      const subject = first.credential?.['credentialSubject'] as { achievement: { name: string } };
      subject.achievement.name = 'Changed by the page';
      const second = await verify(jwt);
      expect(second.verified).to.equal(true);
      expect(second.badge?.name).to.equal('Test Achievement');
      expect(second.credential?.['credentialSubject']).to.not.equal(first.credential?.['credentialSubject']);
    });

    it('checks the signature every time: a tampered copy of a token just verified fails', async () => {
      const jwt = await signVcJwt(issuer, credentialFor(issuer.did));
      expect((await verify(jwt)).verified).to.equal(true);
      const forged = tamper(jwt, (payload) => {
        (payload['vc'] as { id?: string }).id = 'urn:uuid:forged';
      });
      const result = await verify(forged);
      expect(check(result, 'proof').status).to.equal('failed');
      expect((await verify(jwt)).verified).to.equal(true);
    });
  });

  describe('signature and key', () => {
    it('fails the proof of a tampered payload and checks nothing else on unverified data', async () => {
      const jws = tamper(await signVcJwt(issuer, credentialFor(issuer.did)), (claims) => {
        (claims['vc'] as Record<string, unknown>)['name'] = 'Forged';
      });
      const result = await verify(jws);
      expect(check(result, 'proof').code).to.equal('ERR_OB_SIGNATURE_INVALID');
      expect(statuses(result)).to.deep.equal({
        format: 'passed',
        proof: 'failed',
        issuer: 'skipped',
        validity: 'skipped',
        status: 'skipped',
        recipient: 'skipped',
      });
      expect(result.verdict).to.equal('unverified');
      // The content is still shown, marked unverified by the components.
      expect(result.badge?.name).to.equal('Test Achievement');
    });

    it('fails the issuer check when the key belongs to someone else (attacker signs as the issuer)', async () => {
      const jws = await sign(attacker, { kid: attacker.kid, typ: 'JWT' }, { vc: credentialFor(issuer.did) });
      const result = await verify(jws);
      expect(statuses(result)).to.include({ proof: 'passed', issuer: 'failed' });
      expect(check(result, 'issuer').code).to.equal('ERR_OB_KEY_NOT_ISSUERS');
      expect(check(result, 'issuer').details).to.include({ issuer: issuer.did, controller: attacker.did });
      expect(result.verified).to.equal(false);
    });

    it('does not trust a key carried in the jwk header of an https issuer that publishes nothing', async () => {
      const https = 'https://issuer.example/profile';
      const jws = await sign(
        attacker,
        { jwk: attacker.publicJwk, typ: 'JWT' },
        { iss: https, vc: credentialFor(https) },
      );
      const result = await verify(jws);
      expect(check(result, 'proof').status).to.equal('passed');
      expect(check(result, 'issuer').code).to.equal('ERR_OB_KEY_UNRESOLVABLE');
      expect(check(result, 'issuer').details).to.include({ keySource: 'jose-header', controller: null });
      expect(result.verified).to.equal(false);
    });

    it('fails the proof when the kid names a DID that cannot be resolved offline', async () => {
      const jws = await sign(
        issuer,
        { kid: 'did:web:unreachable.example#key-1' },
        { vc: credentialFor('did:web:unreachable.example') },
      );
      const result = await verify(jws);
      expect(check(result, 'proof').status).to.equal('failed');
      expect(check(result, 'proof').code).to.equal('ERR_OB_KEY_UNRESOLVABLE');
      expect(check(result, 'issuer').status).to.equal('skipped');
    });
  });

  describe('hostile headers', () => {
    const payloadFor = (did: string) => ({ vc: credentialFor(did) });

    it('refuses alg none without looking for a key', async () => {
      const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
      const body = base64url.encode(JSON.stringify(payloadFor(issuer.did)));
      const result = await verify(`${header}.${body}.`);
      expect(check(result, 'format').code).to.equal('ERR_OB_JOSE_ALG_NOT_ALLOWED');
      expect(result.checks).to.have.length(1);
      const withJunk = await verify(`${header}.${body}.AAAA`);
      expect(check(withJunk, 'format').code).to.equal('ERR_OB_JOSE_ALG_NOT_ALLOWED');
      expect(withJunk.checks).to.have.length(1);
    });

    it('refuses HS256, even "signed" with the public key as secret', async () => {
      const header = base64url.encode(JSON.stringify({ alg: 'HS256', kid: issuer.kid }));
      const body = base64url.encode(JSON.stringify(payloadFor(issuer.did)));
      const result = await verify(`${header}.${body}.c2lnbmF0dXJl`);
      expect(check(result, 'format').code).to.equal('ERR_OB_JOSE_ALG_NOT_ALLOWED');
      expect(result.verified).to.equal(false);
    });

    it('refuses an unknown critical header', async () => {
      const jws = await signVcJwt(
        issuer,
        credentialFor(issuer.did),
        {},
        { crit: ['urn:example:policy'], 'urn:example:policy': 1 },
      );
      const result = await verify(jws);
      expect(check(result, 'format').code).to.equal('ERR_OB_JOSE_CRIT_UNSUPPORTED');
    });

    it('refuses a typ that is not a credential, and vc claims inside a vc+jwt payload', async () => {
      const badTyp = await signVcJose(issuer, credentialFor(issuer.did), { typ: 'bad+typ' });
      expect(check(await verify(badTyp), 'format').code).to.equal('ERR_OB_JOSE_HEADER_INVALID');
      const badCty = await signVcJose(issuer, credentialFor(issuer.did), { cty: 'bad+cty' });
      expect(check(await verify(badCty), 'format').code).to.equal('ERR_OB_JOSE_HEADER_INVALID');
      const vcInJose = await sign(issuer, { kid: issuer.kid, typ: 'vc+jwt' }, { ...credentialFor(issuer.did), vc: {} });
      expect(check(await verify(vcInJose), 'format').code).to.equal('ERR_OB_MALFORMED');
    });
  });

  describe('claims and dates', () => {
    it('fails the issuer check when iss differs from the credential issuer', async () => {
      const jws = await signVcJwt(issuer, credentialFor('did:example:someone-else'), { iss: issuer.did });
      const result = await verify(jws);
      expect(check(result, 'issuer').code).to.equal('ERR_OB_ISSUER_MISMATCH');
    });

    it('fails when jti or sub contradict the credential', async () => {
      const jti = await signVcJwt(issuer, credentialFor(issuer.did), { jti: 'urn:uuid:other' });
      expect(check(await verify(jti), 'issuer').code).to.equal('ERR_OB_CLAIM_MISMATCH');
      const sub = await signVcJwt(issuer, credentialFor(issuer.did), { sub: 'did:example:other' });
      expect(check(await verify(sub), 'issuer').code).to.equal('ERR_OB_CLAIM_MISMATCH');
    });

    it('holds a credential in the payload (VC-JOSE, OB 3.0 typ JWT) to its jti, sub and header iss too', async () => {
      const credential = credentialFor(issuer.did);
      const native = (claims: Record<string, unknown>, header: Record<string, unknown> = {}) =>
        sign(issuer, { kid: issuer.kid, typ: 'JWT', ...header }, { ...credential, ...claims });
      expect(check(await verify(await native({ sub: 'did:example:other' })), 'issuer').code).to.equal(
        'ERR_OB_CLAIM_MISMATCH',
      );
      expect(check(await verify(await native({ jti: 'urn:uuid:other' })), 'issuer').code).to.equal(
        'ERR_OB_CLAIM_MISMATCH',
      );
      const headerIss = await signVcJose(issuer, credential, { iss: 'did:example:evil' });
      expect(check(await verify(headerIss), 'issuer').code).to.equal('ERR_OB_ISSUER_MISMATCH');
      expect((await verify(await native({ sub: 'did:example:learner' }))).verdict).to.equal('verified');
    });

    it('matches sub against every subject of a credential with several', async () => {
      const subjects = [
        { id: 'did:example:a', type: ['AchievementSubject'] },
        { id: 'did:example:b', type: ['AchievementSubject'] },
      ];
      const credential = credentialFor(issuer.did, { credentialSubject: subjects });
      expect((await verify(await signVcJwt(issuer, credential, { sub: 'did:example:b' }))).verdict).to.equal(
        'verified',
      );
      const none = await signVcJwt(issuer, credential, { sub: 'did:example:zzz' });
      expect(check(await verify(none), 'issuer').code).to.equal('ERR_OB_CLAIM_MISMATCH');
    });

    it('treats VC-JOSE exp as the token lifetime: not compared with validUntil, but enforced', async () => {
      const credential = credentialFor(issuer.did);
      const jws = await signVcJose(issuer, { ...credential, exp: Date.parse('2027-01-01T00:00:00Z') / 1000 });
      expect((await verify(jws)).verdict).to.equal('verified');
      const later = await verifier.verify(jws, { now: new Date('2028-01-01T00:00:00Z') });
      expect(check(later, 'validity').code).to.equal('ERR_OB_EXPIRED');
      // In a VC-JWT the same disagreement is a contradiction.
      const vcJwt = await signVcJwt(issuer, credential, { exp: Date.parse('2027-01-01T00:00:00Z') / 1000 });
      expect(check(await verify(vcJwt), 'validity').code).to.equal('ERR_OB_CLAIM_MISMATCH');
    });

    it('reports expired and not-yet-valid credentials with their dates', async () => {
      const expired = await signVcJwt(
        issuer,
        credentialFor(issuer.did, { validFrom: '2020-01-01T00:00:00Z', validUntil: '2021-01-01T00:00:00Z' }),
      );
      const result = await verify(expired);
      expect(check(result, 'validity').code).to.equal('ERR_OB_EXPIRED');
      expect(check(result, 'validity').details).to.include({ validUntil: '2021-01-01T00:00:00.000Z' });
      expect(result.verdict).to.equal('unverified');
      const future = await signVcJwt(issuer, credentialFor(issuer.did, { validFrom: '2027-01-01T00:00:00Z' }));
      expect(check(await verify(future), 'validity').code).to.equal('ERR_OB_NOT_YET_VALID');
    });

    it('reads "status unknown" when its status list cannot be fetched, never verified', async () => {
      const jws = await signVcJwt(
        issuer,
        credentialFor(issuer.did, {
          credentialStatus: {
            id: 'https://example.org/status#5',
            type: 'BitstringStatusListEntry',
            statusPurpose: 'revocation',
            statusListIndex: '5',
            statusListCredential: 'https://example.org/status',
          },
        }),
      );
      const result = await verify(jws);
      expect(check(result, 'status').status).to.equal('warning');
      expect(check(result, 'status').code).to.equal('ERR_OB_STATUS_UNAVAILABLE');
      expect(check(result, 'status').details).to.deep.include({ url: 'https://example.org/status' });
      expect(result.verdict).to.equal('unknown');
      expect(result.verified).to.equal(false);
    });
  });

  describe('not badges', () => {
    it('calls a JWT without a credential not a badge, and leaves a presentation to the presentation format', async () => {
      const plain = await sign(issuer, { kid: issuer.kid }, { sub: 'someone', scope: 'login' });
      expect(check(await verify(plain), 'format').code).to.equal('ERR_OB_NOT_A_BADGE');
      const vp = await sign(issuer, { kid: issuer.kid, typ: 'JWT' }, { vp: { type: ['VerifiablePresentation'] } });
      const result = await verify(vp);
      expect(result.format).to.equal('vp-jwt');
      // It names no holder (no `holder`, no `iss`): nothing to bind its signature to.
      expect(check(result, 'proof').code).to.equal('ERR_OB_MALFORMED');
    });

    it('reports a payload that is not JSON as malformed', async () => {
      const header = base64url.encode(JSON.stringify({ alg: 'ES256', kid: issuer.kid }));
      const result = await verify(`${header}.${base64url.encode('not json')}.c2ln`);
      expect(check(result, 'format').code).to.equal('ERR_OB_MALFORMED');
      expect(result.badge).to.equal(undefined);
    });
  });
});
