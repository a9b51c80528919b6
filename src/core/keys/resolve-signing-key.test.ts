import { expect } from '@open-wc/testing';
import { rejected } from '../../../test/helpers/errors.js';
import type { JWK } from 'jose';
import { createDocumentLoader, type DocumentSource } from '../fetcher.js';
import type { BadgeError } from '../errors.js';
import { didJwk } from './did-jwk.js';
import { didKey } from './did-key.js';
import { didWeb } from './did-web.js';
import { resolveSigningKey, type SigningKeyRequest } from './resolve-signing-key.js';

const ISSUER = 'https://example.issuer/vc-jose-cose';
const JWKS_URL = 'https://example.issuer/.well-known/jwks.json';
const P256_KID = '73voMXFNmNlOEpuYCSJlh8eN0dscykoO6gBukgRS1uU';
const P256_JWK = {
  alg: 'ES256',
  crv: 'P-256',
  kid: P256_KID,
  kty: 'EC',
  x: 'WfTi93YuhsQxKbD0ftnjOXJndqhnJ5kgDV-ZDGyrhBQ',
  y: 'qUd_55EjX0mjKZ6W6mF4UXVYTQ41K6jfdnYFwN5uPyk',
};
const P384_KID = '96qBnDpvS6x8YSCH_xmnLlXZMkDhHBr8lj99u5aog7s';

const DID_KEY_P256 = 'did:key:zDnaerx9CtbPJ1q36T5Ln5wYt3MQYeGRG5ehnPAmxcf5mDZpv';
const DID_KEY_P256_JWK = {
  kty: 'EC',
  crv: 'P-256',
  x: 'igrFmi0whuihKnj9R3Om1SoMph72wUGeFaBbzG2vzns',
  y: 'efsX5b10x8yjyrj4ny3pGfLcY7Xby1KzgqOdqnsrJIM',
};
const DID_KEY_ED25519 = 'did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp';
const ED25519_JWK = { kty: 'OKP', crv: 'Ed25519', x: 'O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik' };
const DCC = 'did:web:digitalcredentials.github.io:dcc-did-web';
const DCC_KEY = `${DCC}#z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q`;

const didResolvers = [didKey(), didJwk(), didWeb()];
const file = async (path: string) =>
  (await (await fetch(`/test/conformance/${path}`)).json()) as Record<string, unknown>;

let corpus: Record<string, DocumentSource>;

function resolve(request: SigningKeyRequest, documents: Record<string, DocumentSource> = corpus) {
  return resolveSigningKey(request, { load: createDocumentLoader({ offline: true, documents }), didResolvers });
}

describe('resolveSigningKey', () => {
  before(async () => {
    // The https URLs of the conformance manifest that key resolution reads.
    corpus = {
      [ISSUER]: await file('vc-jose/DERIVED-example.issuer-controller.json'),
      [JWKS_URL]: await file('vc-jose/DERIVED-example.issuer-jwks.json'),
      'https://digitalcredentials.github.io/dcc-did-web/did.json': await file(
        'dids/did-web-digitalcredentials.github.io-dcc-did-web.did.json',
      ),
    };
  });

  describe('kid is a DID URL', () => {
    it('resolves a did:key with and without fragment to its single key', async () => {
      const fragment = DID_KEY_P256.slice('did:key:'.length);
      for (const kid of [`${DID_KEY_P256}#${fragment}`, DID_KEY_P256]) {
        const key = await resolve({ issuer: DID_KEY_P256, kid });
        expect(key).to.deep.equal({
          jwk: DID_KEY_P256_JWK,
          id: `${DID_KEY_P256}#${fragment}`,
          controller: DID_KEY_P256,
          source: 'did:key',
        });
      }
    });

    it('resolves did:jwk #0 and did:web fragments', async () => {
      const did = (await file('dids/did-jwk-spec-example-p-256.did-document.json'))['id'] as string;
      const jwkKey = await resolve({ issuer: did, kid: `${did}#0` });
      expect(jwkKey.source).to.equal('did:jwk');
      expect(jwkKey.controller).to.equal(did);
      expect(jwkKey.jwk.x).to.equal('acbIQiuMs3i8_uszEjJ2tpTtRM4EU3yz91PH6CdH2V0');
      const webKey = await resolve({ issuer: DCC, kid: DCC_KEY });
      expect(webKey).to.deep.include({ id: DCC_KEY, controller: DCC, source: 'did:web' });
      expect(webKey.jwk).to.deep.include({ kty: 'OKP', crv: 'Ed25519' });
    });

    it('credits the key to the DID in the kid even when the issuer is someone else', async () => {
      const key = await resolve({ issuer: ISSUER, kid: DID_KEY_ED25519 });
      expect(key.controller).to.equal(DID_KEY_ED25519);
      expect(key.jwk).to.deep.equal(ED25519_JWK);
    });

    it('refuses an unsupported DID method, a malformed DID and a missing fragment', async () => {
      expect((await rejected(resolve({ issuer: 'did:example:123', kid: 'did:example:123#key-1' }))).code).to.equal(
        'ERR_OB_DID_METHOD_UNSUPPORTED',
      );
      expect((await rejected(resolve({ issuer: DID_KEY_P256, kid: 'did:key:zNOPE0#x' }))).code).to.equal(
        'ERR_OB_DID_INVALID',
      );
      const missing = await rejected(resolve({ issuer: DID_KEY_P256, kid: `${DID_KEY_P256}#other` }));
      expect(missing.code).to.equal('ERR_OB_KEY_UNRESOLVABLE');
      expect(missing.details).to.deep.include({ kid: `${DID_KEY_P256}#other`, issuer: DID_KEY_P256 });
    });

    it('refuses a key listed only under authentication', async () => {
      const did = 'did:web:auth.example';
      const documents = {
        'https://auth.example/.well-known/did.json': {
          id: did,
          verificationMethod: [{ id: `${did}#login`, type: 'JsonWebKey', controller: did, publicKeyJwk: ED25519_JWK }],
          authentication: [`${did}#login`],
        },
      };
      for (const kid of [`${did}#login`, '#login', did]) {
        const error = await rejected(resolve({ issuer: did, kid }, documents));
        expect(error.code, kid).to.equal('ERR_OB_KEY_UNRESOLVABLE');
      }
      const login = await resolve({ issuer: did, kid: `${did}#login`, purpose: 'authentication' }, documents);
      expect(login.jwk).to.deep.equal(ED25519_JWK);
    });

    it('refuses a method whose controller is not the DID', async () => {
      const did = 'did:web:shared.example';
      const documents = {
        'https://shared.example/.well-known/did.json': {
          id: did,
          verificationMethod: [
            { id: `${did}#k`, type: 'JsonWebKey', controller: 'did:web:other.example', publicKeyJwk: ED25519_JWK },
          ],
          assertionMethod: [`${did}#k`],
        },
      };
      expect((await rejected(resolve({ issuer: did, kid: `${did}#k` }, documents))).code).to.equal(
        'ERR_OB_KEY_NOT_ISSUERS',
      );
    });
  });

  describe('kid relative to the issuer', () => {
    it('finds a VC-JOSE thumbprint kid among the https issuer keys', async () => {
      const key = await resolve({ issuer: ISSUER, kid: P256_KID });
      expect(key).to.deep.equal({ jwk: P256_JWK, id: `${ISSUER}#key-1`, controller: ISSUER, source: 'issuer-profile' });
    });

    it('matches by RFC 7638 thumbprint when the keys carry no kid member', async () => {
      const { kid: _ignored, ...withoutKid } = P256_JWK;
      const documents = { [JWKS_URL]: { keys: [withoutKid] } };
      const key = await resolve({ issuer: ISSUER, kid: P256_KID }, documents);
      expect(key).to.deep.equal({ jwk: withoutKid, controller: ISSUER, source: 'issuer-jwks' });
    });

    it('finds a key by fragment, with or without #', async () => {
      for (const kid of ['#key-2', 'key-2']) {
        const key = await resolve({ issuer: ISSUER, kid });
        expect(key.id).to.equal(`${ISSUER}#key-2`);
        expect(key.jwk.kid).to.equal(P384_KID);
        expect(key.controller).to.equal(ISSUER);
      }
    });

    it('finds a fragment in the issuer DID document', async () => {
      const key = await resolve({ issuer: DCC, kid: '#z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q' });
      expect(key).to.deep.include({ id: DCC_KEY, controller: DCC, source: 'did:web' });
    });

    it('reads an RFC 9278 thumbprint URI as the thumbprint it carries', async () => {
      const key = await resolve({ issuer: ISSUER, kid: `urn:ietf:params:oauth:jwk-thumbprint:sha-256:${P256_KID}` });
      expect(key).to.deep.include({ id: `${ISSUER}#key-1`, controller: ISSUER });
      expect(key.jwk).to.deep.equal(P256_JWK);
    });

    it('reports an unknown kid as unresolvable', async () => {
      const error = await rejected(resolve({ issuer: ISSUER, kid: 'no-such-key' }));
      expect(error.code).to.equal('ERR_OB_KEY_UNRESOLVABLE');
      expect(error.details).to.deep.include({ kid: 'no-such-key', issuer: ISSUER });
    });
  });

  describe('kid is an https URL', () => {
    it('finds a full verification method URL among the issuer keys', async () => {
      const key = await resolve({ issuer: ISSUER, kid: `${ISSUER}#key-1` });
      expect(key).to.deep.equal({ jwk: P256_JWK, id: `${ISSUER}#key-1`, controller: ISSUER, source: 'issuer-profile' });
    });

    it('dereferences a kid URL on the issuer origin and credits the issuer', async () => {
      const documents = { 'https://example.issuer/keys/1': { ...ED25519_JWK, kid: 'one' } };
      const key = await resolve({ issuer: ISSUER, kid: 'https://example.issuer/keys/1' }, documents);
      expect(key).to.deep.equal({
        jwk: { ...ED25519_JWK, kid: 'one' },
        id: 'https://example.issuer/keys/1',
        controller: ISSUER,
        source: 'kid-url',
      });
    });

    it('picks the named member of a JWK Set at the kid URL (OB 3.0 §8.2 example), credited by origin', async () => {
      const keySet = {
        keys: [
          { ...DID_KEY_P256_JWK, kid: 'key-0' },
          { ...ED25519_JWK, kid: 'key-1' },
        ],
      };
      const onIssuerOrigin = await resolve(
        { issuer: ISSUER, kid: 'https://example.issuer/keys#key-1' },
        { 'https://example.issuer/keys': keySet },
      );
      expect(onIssuerOrigin).to.deep.equal({
        jwk: { ...ED25519_JWK, kid: 'key-1' },
        id: 'https://example.issuer/keys#key-1',
        controller: ISSUER,
        source: 'kid-url',
      });
      const elsewhere = await resolve(
        { issuer: ISSUER, kid: 'https://keys.elsewhere.example/set#key-1' },
        { 'https://keys.elsewhere.example/set': keySet },
      );
      expect(elsewhere.controller).to.equal(undefined);
      const missing = await rejected(
        resolve(
          { issuer: ISSUER, kid: 'https://example.issuer/keys#key-9' },
          { 'https://example.issuer/keys': keySet },
        ),
      );
      expect(missing.code).to.equal('ERR_OB_KEY_UNRESOLVABLE');
    });

    it('credits a foreign kid URL only to a controller on its own origin', async () => {
      const vm = (controller: string) => ({
        'https://keys.example/vm': {
          id: 'https://keys.example/vm',
          type: 'JsonWebKey',
          controller,
          publicKeyJwk: ED25519_JWK,
        },
      });
      const own = await resolve({ issuer: ISSUER, kid: 'https://keys.example/vm' }, vm('https://keys.example/org'));
      expect(own).to.deep.equal({
        jwk: ED25519_JWK,
        id: 'https://keys.example/vm',
        controller: 'https://keys.example/org',
        source: 'kid-url',
      });
      // Anyone can host a key and claim the issuer controls it.
      const claimed = await resolve({ issuer: ISSUER, kid: 'https://keys.example/vm' }, vm(ISSUER));
      expect(claimed).to.deep.equal({ jwk: ED25519_JWK, id: 'https://keys.example/vm', source: 'kid-url' });
    });

    it('finds the method inside a controller document at the kid URL', async () => {
      const documents = {
        'https://keys.example/org': {
          id: 'https://keys.example/org',
          verificationMethod: [
            { id: '#k', type: 'JsonWebKey', controller: 'https://keys.example/org', publicKeyJwk: ED25519_JWK },
          ],
          assertionMethod: ['#k'],
        },
      };
      const key = await resolve({ issuer: DID_KEY_P256, kid: 'https://keys.example/org#k' }, documents);
      expect(key.controller).to.equal('https://keys.example/org');
      expect(key.jwk).to.deep.equal(ED25519_JWK);
    });

    it('reports a kid URL that resolves to nothing as unresolvable, with the fetch error as cause', async () => {
      // The 1EdTech convention <issuer URL>#<multibase key>, where the URL serves nothing.
      const kid = 'https://nothing.example/issuers/1#z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q';
      const error = await rejected(resolve({ issuer: 'https://nothing.example/issuers/1', kid }));
      expect(error.code).to.equal('ERR_OB_KEY_UNRESOLVABLE');
      expect(error.details).to.deep.include({ kid, issuer: 'https://nothing.example/issuers/1' });
      expect((error.cause as BadgeError).code).to.equal('ERR_OB_FETCH_REFUSED');
    });
  });

  describe('header jwk', () => {
    it('binds a header jwk the https issuer publishes', async () => {
      const { kid: _ignored, alg: _alg, ...bare } = P256_JWK;
      const key = await resolve({ issuer: ISSUER, jwk: bare as JWK });
      expect(key).to.deep.equal({ jwk: P256_JWK, id: `${ISSUER}#key-1`, controller: ISSUER, source: 'issuer-profile' });
    });

    it('returns an unlisted header jwk with no controller', async () => {
      const key = await resolve({ issuer: ISSUER, jwk: ED25519_JWK as JWK });
      expect(key).to.deep.equal({ jwk: ED25519_JWK, source: 'jose-header' });
      expect(key.controller).to.equal(undefined);
      // Also when the issuer's keys cannot be loaded at all.
      const offline = await resolve({ issuer: 'https://unreachable.example/', jwk: ED25519_JWK as JWK });
      expect(offline).to.deep.equal({ jwk: ED25519_JWK, source: 'jose-header' });
    });

    it('binds a header jwk to a did:jwk issuer only when it is the same key', async () => {
      const did = (await file('dids/did-jwk-spec-example-p-256.did-document.json'))['id'] as string;
      const same = {
        kty: 'EC',
        crv: 'P-256',
        x: 'acbIQiuMs3i8_uszEjJ2tpTtRM4EU3yz91PH6CdH2V0',
        y: '_KcyLj9vWMptnmKtm46GqDz8wf74I5LKgrl2GzH3nSE',
      };
      const bound = await resolve({ issuer: did, jwk: same as JWK });
      expect(bound).to.deep.include({ controller: did, id: `${did}#0`, source: 'did:jwk' });
      const other = await resolve({ issuer: did, jwk: DID_KEY_P256_JWK as JWK });
      expect(other).to.deep.equal({ jwk: DID_KEY_P256_JWK, source: 'jose-header' });
    });

    it('binds a header jwk listed in the issuer DID document', async () => {
      const key = await resolve({ issuer: DID_KEY_ED25519, jwk: ED25519_JWK as JWK });
      expect(key).to.deep.include({ controller: DID_KEY_ED25519, source: 'did:key' });
    });

    it('refuses a header jwk that carries a private key', async () => {
      const error = await rejected(resolve({ issuer: ISSUER, jwk: { ...ED25519_JWK, d: 'AAAA' } as JWK }));
      expect(error.code).to.equal('ERR_OB_KEY_UNRESOLVABLE');
    });

    it('lets kid decide and refuses a header jwk that differs from it', async () => {
      const agree = await resolve({ issuer: ISSUER, kid: P256_KID, jwk: P256_JWK as JWK });
      expect(agree.id).to.equal(`${ISSUER}#key-1`);
      const error = await rejected(resolve({ issuer: ISSUER, kid: P256_KID, jwk: ED25519_JWK as JWK }));
      expect(error.code).to.equal('ERR_OB_KEY_UNRESOLVABLE');
      expect(error.details).to.deep.include({ kid: P256_KID, issuer: ISSUER, keyId: `${ISSUER}#key-1` });
    });
  });

  describe('neither kid nor jwk', () => {
    it("uses the issuer's single assertion key", async () => {
      const key = await resolve({ issuer: DID_KEY_ED25519 });
      expect(key).to.deep.include({ jwk: ED25519_JWK, controller: DID_KEY_ED25519, source: 'did:key' });
      // The same key in the profile and the key set counts once.
      const documents = {
        'https://solo.example/': {
          id: 'https://solo.example/',
          verificationMethod: [
            { id: '#k', type: 'JsonWebKey', controller: 'https://solo.example/', publicKeyJwk: ED25519_JWK },
          ],
          assertionMethod: ['#k'],
        },
        'https://solo.example/.well-known/jwks.json': { keys: [ED25519_JWK] },
      };
      const solo = await resolve({ issuer: 'https://solo.example/' }, documents);
      expect(solo).to.deep.equal({
        jwk: ED25519_JWK,
        id: 'https://solo.example/#k',
        controller: 'https://solo.example/',
        source: 'issuer-profile',
      });
    });

    it('refuses to guess among several keys', async () => {
      const error = await rejected(resolve({ issuer: ISSUER }));
      expect(error.code).to.equal('ERR_OB_KEY_UNRESOLVABLE');
      expect(error.details).to.deep.include({ count: 4, kid: null, issuer: ISSUER });
    });

    it('refuses an issuer that is neither a DID nor https', async () => {
      const error = await rejected(resolve({ issuer: 'http://example.org/issuer' }));
      expect(error.code).to.equal('ERR_OB_KEY_UNRESOLVABLE');
    });
  });

  it('passes an abort through as it is', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejected(
      resolveSigningKey(
        { issuer: ISSUER, kid: P256_KID },
        { load: createDocumentLoader({ offline: true, documents: corpus }), signal: controller.signal, didResolvers },
      ),
    );
    expect(error.code).to.equal('ERR_OB_ABORTED');
  });
});
