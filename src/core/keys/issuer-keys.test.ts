import { expect } from '@open-wc/testing';
import { rejected } from '../../../test/helpers/errors.js';
import { createDocumentLoader, type DocumentSource } from '../fetcher.js';
import type { BadgeError } from '../errors.js';
import { loadIssuerKeys } from './issuer-keys.js';

const ISSUER = 'https://example.issuer/vc-jose-cose';
const JWKS_URL = 'https://example.issuer/.well-known/jwks.json';
const vcJose = async (name: string) =>
  (await (await fetch(`/test/conformance/vc-jose/${name}`)).json()) as Record<string, unknown>;

const loaderOf = (documents: Record<string, DocumentSource>) => createDocumentLoader({ offline: true, documents });

describe('loadIssuerKeys', () => {
  it('reads the controller document and the origin JWK Set (VC-JOSE derived issuer)', async () => {
    const profile = await vcJose('DERIVED-example.issuer-controller.json');
    const jwks = await vcJose('DERIVED-example.issuer-jwks.json');
    const keys = await loadIssuerKeys(ISSUER, { load: loaderOf({ [ISSUER]: profile, [JWKS_URL]: jwks }) });
    expect(keys.map((key) => [key.source, key.id])).to.deep.equal([
      ['issuer-profile', `${ISSUER}#key-4`],
      ['issuer-profile', `${ISSUER}#key-1`],
      ['issuer-profile', `${ISSUER}#key-2`],
      ['issuer-profile', `${ISSUER}#key-3`],
      ['issuer-jwks', '2aOHaQxsWVT4mLsUkdtlCnUV-au0BBR-5yPYaPaCc5k'],
      ['issuer-jwks', '73voMXFNmNlOEpuYCSJlh8eN0dscykoO6gBukgRS1uU'],
      ['issuer-jwks', '96qBnDpvS6x8YSCH_xmnLlXZMkDhHBr8lj99u5aog7s'],
      ['issuer-jwks', 'KQsihxP-LTeTZO2ETEfduP153UBIiFRhI8nSklMSmm0'],
    ]);
    expect(keys[1]!.jwk).to.deep.equal({
      alg: 'ES256',
      crv: 'P-256',
      kid: '73voMXFNmNlOEpuYCSJlh8eN0dscykoO6gBukgRS1uU',
      kty: 'EC',
      x: 'WfTi93YuhsQxKbD0ftnjOXJndqhnJ5kgDV-ZDGyrhBQ',
      y: 'qUd_55EjX0mjKZ6W6mF4UXVYTQ41K6jfdnYFwN5uPyk',
    });
  });

  it('is content with one source when the other fails', async () => {
    const profile = await vcJose('DERIVED-example.issuer-controller.json');
    const jwks = await vcJose('DERIVED-example.issuer-jwks.json');
    const onlyProfile = await loadIssuerKeys(ISSUER, { load: loaderOf({ [ISSUER]: profile }) });
    expect(onlyProfile.map((key) => key.source)).to.deep.equal(Array(4).fill('issuer-profile'));
    const onlyJwks = await loadIssuerKeys(ISSUER, { load: loaderOf({ [JWKS_URL]: jwks }) });
    expect(onlyJwks.map((key) => key.source)).to.deep.equal(Array(4).fill('issuer-jwks'));
  });

  it('fails with the fetch error as cause when both sources fail', async () => {
    const error = await rejected(loadIssuerKeys(ISSUER, { load: loaderOf({}) }));
    expect(error.code).to.equal('ERR_OB_KEY_UNRESOLVABLE');
    expect((error.cause as BadgeError).code).to.equal('ERR_OB_FETCH_REFUSED');
    expect(error.details).to.deep.equal({
      issuer: ISSUER,
      profileError: 'ERR_OB_FETCH_REFUSED',
      jwksError: 'ERR_OB_FETCH_REFUSED',
    });
  });

  it('keeps only assertion keys the issuer controls, and signing keys from the set', async () => {
    const jwk = { kty: 'OKP', crv: 'Ed25519', x: 'O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik' };
    const profile = {
      id: ISSUER,
      verificationMethod: [
        { id: '#signing', type: 'JsonWebKey', controller: ISSUER, publicKeyJwk: jwk },
        { id: '#login', type: 'JsonWebKey', controller: ISSUER, publicKeyJwk: jwk },
        { id: '#foreign', type: 'JsonWebKey', controller: 'https://elsewhere.example/', publicKeyJwk: jwk },
      ],
      assertionMethod: ['#signing', '#foreign'],
      authentication: ['#login'],
    };
    const jwks = {
      keys: [
        { ...jwk, kid: 'sig', d: 'private' },
        { ...jwk, kid: 'enc', use: 'enc' },
        { ...jwk, kid: 'wrap', key_ops: ['wrapKey'] },
        { kty: 'oct', kid: 'hmac', k: 'c2VjcmV0' },
      ],
    };
    const keys = await loadIssuerKeys(ISSUER, { load: loaderOf({ [ISSUER]: profile, [JWKS_URL]: jwks }) });
    expect(keys).to.deep.equal([
      { jwk, id: `${ISSUER}#signing`, source: 'issuer-profile' },
      { jwk: { ...jwk, kid: 'sig' }, id: 'sig', source: 'issuer-jwks' },
    ]);
  });

  it('does not take keys from a profile that names another id', async () => {
    const profile = await vcJose('DERIVED-example.issuer-controller.json');
    const error = await rejected(
      loadIssuerKeys('https://example.issuer/other', { load: loaderOf({ 'https://example.issuer/other': profile }) }),
    );
    expect(error.code).to.equal('ERR_OB_KEY_UNRESOLVABLE');
    expect((error.cause as BadgeError).details).to.deep.include({ documentId: ISSUER });
  });

  it('refuses a non-https issuer', async () => {
    expect((await rejected(loadIssuerKeys('http://example.issuer/', { load: loaderOf({}) }))).code).to.equal(
      'ERR_OB_KEY_UNRESOLVABLE',
    );
  });

  it('refuses an issuer address with userinfo, which only dresses another host as the issuer\u2019s', async () => {
    const profile = await vcJose('DERIVED-example.issuer-controller.json');
    for (const dressed of [
      'https://example.issuer@evil.test/vc-jose-cose',
      'https://u:p@example.issuer/vc-jose-cose',
    ]) {
      const error = await rejected(
        loadIssuerKeys(dressed, { load: loaderOf({ [dressed]: { ...profile, id: dressed } }) }),
      );
      expect(error.code, dressed).to.equal('ERR_OB_KEY_UNRESOLVABLE');
    }
  });
});
