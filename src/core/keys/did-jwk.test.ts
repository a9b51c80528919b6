import { expect } from '@open-wc/testing';
import { rejected } from '../../../test/helpers/errors.js';
import { base64url } from 'jose';
import { createDocumentLoader } from '../fetcher.js';
import type { BadgeError } from '../errors.js';
import { didJwk } from './did-jwk.js';
import { findVerificationMethod, publicJwkOf } from './verification-method.js';
import type { DidDocument } from './did.js';

const load = createDocumentLoader({ offline: true });
const text = async (name: string) => (await (await fetch(`/test/conformance/dids/${name}`)).text()).trim();
const json = async (name: string) => (await (await fetch(`/test/conformance/dids/${name}`)).json()) as DidDocument;
const didOf = (jwk: object) => `did:jwk:${base64url.encode(JSON.stringify(jwk))}`;

describe('didJwk', () => {
  const resolver = didJwk();

  it('resolves the spec P-256 example to its document (#0, assertionMethod)', async () => {
    const did = await text('did-jwk-spec-example-p-256.did.txt');
    const expected = await json('did-jwk-spec-example-p-256.did-document.json');
    const document = await resolver.resolve(did, { load });
    expect(document.id).to.equal(expected.id);
    expect(document.verificationMethod).to.deep.equal(expected.verificationMethod);
    expect(document.assertionMethod).to.deep.equal(expected.assertionMethod);
    const vm = findVerificationMethod(document, '#0');
    expect(vm.id).to.equal(`${did}#0`);
    expect(publicJwkOf(vm)).to.deep.equal({
      crv: 'P-256',
      kty: 'EC',
      x: 'acbIQiuMs3i8_uszEjJ2tpTtRM4EU3yz91PH6CdH2V0',
      y: '_KcyLj9vWMptnmKtm46GqDz8wf74I5LKgrl2GzH3nSE',
    });
  });

  it('lists the spec X25519 ("use": "enc") example for key agreement only, never assertion', async () => {
    const did = (await json('did-jwk-spec-example-x25519.did-document.json')).id;
    const document = await resolver.resolve(did, { load });
    expect(document.verificationMethod![0]!.publicKeyJwk).to.deep.equal({
      kty: 'OKP',
      crv: 'X25519',
      use: 'enc',
      x: '3p7bfXt9wbTTW2HC7OQ1Nz-DQ8hbeGdNrfx-FG-IK08',
    });
    expect(document.assertionMethod).to.equal(undefined);
    let error: BadgeError | undefined;
    try {
      findVerificationMethod(document, '#0');
    } catch (caught) {
      error = caught as BadgeError;
    }
    expect(error?.code).to.equal('ERR_OB_KEY_UNRESOLVABLE');
  });

  it('refuses a JWK with private members', async () => {
    const error = await rejected(
      resolver.resolve(
        didOf({ kty: 'OKP', crv: 'Ed25519', x: 'O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik', d: 'AAAA' }),
        { load },
      ),
    );
    expect(error.code).to.equal('ERR_OB_DID_INVALID');
  });

  it('refuses symmetric keys, non-JSON, non-objects and DID URLs', async () => {
    const cases = [
      didOf({ kty: 'oct', k: 'c2VjcmV0' }),
      didOf({ crv: 'P-256', x: 'a' }),
      `did:jwk:${base64url.encode('not json')}`,
      `did:jwk:${base64url.encode('[1,2]')}`,
      'did:jwk:eyJ+broken',
      `${didOf({ kty: 'OKP', crv: 'Ed25519', x: 'O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik' })}#0`,
    ];
    for (const did of cases) {
      expect((await rejected(resolver.resolve(did, { load }))).code, did).to.equal('ERR_OB_DID_INVALID');
    }
  });
});
