import { expect } from '@open-wc/testing';
import type { BadgeError } from '../errors.js';
import type { DidDocument, VerificationMethod } from './did.js';
import { findVerificationMethod, methodsFor, publicJwkOf, toDidDocument } from './verification-method.js';

function thrown(run: () => unknown): BadgeError {
  try {
    run();
  } catch (error) {
    return error as BadgeError;
  }
  throw new Error('expected a throw');
}

const ISSUER = 'did:web:issuer.example';
const ED25519_X = 'O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik';

describe('publicJwkOf', () => {
  it('copies the public members of publicKeyJwk and drops private ones', async () => {
    // The W3C VC-JOSE suite's P-256 method, with its secret key moved into publicKeyJwk.
    const vm = (await (
      await fetch('/test/conformance/vc-jose/w3c-vcjose-vm-p256.json')
    ).json()) as VerificationMethod & {
      secretKeyJwk: object;
    };
    expect(publicJwkOf({ ...vm, publicKeyJwk: vm.secretKeyJwk })).to.deep.equal(vm.publicKeyJwk);
    const rsa = { kty: 'RSA', n: 'AQAB', e: 'AQAB', d: 'x', p: 'x', q: 'x', dp: 'x', dq: 'x', qi: 'x', kid: 'r1' };
    expect(publicJwkOf({ id: 'x', type: 'JsonWebKey', controller: 'x', publicKeyJwk: rsa })).to.deep.equal({
      kty: 'RSA',
      n: 'AQAB',
      e: 'AQAB',
      kid: 'r1',
    });
  });

  it('refuses symmetric and shapeless JWKs', () => {
    const vm = (publicKeyJwk: object): VerificationMethod => ({
      id: 'x',
      type: 'JsonWebKey',
      controller: 'x',
      publicKeyJwk,
    });
    expect(thrown(() => publicJwkOf(vm({ kty: 'oct', k: 'c2VjcmV0' }))).code).to.equal('ERR_OB_KEY_UNRESOLVABLE');
    expect(thrown(() => publicJwkOf(vm({ crv: 'Ed25519', x: ED25519_X }))).code).to.equal('ERR_OB_KEY_UNRESOLVABLE');
    expect(thrown(() => publicJwkOf(vm({ kty: 'OKP', crv: 'Ed25519', x: 5 }))).code).to.equal(
      'ERR_OB_KEY_UNRESOLVABLE',
    );
  });

  it('reads an Ed25519VerificationKey2020 / Multikey publicKeyMultibase', async () => {
    const document = (await (
      await fetch('/test/conformance/dids/did-web-digitalcredentials.github.io-dcc-did-web.did.json')
    ).json()) as DidDocument;
    const vm = document.assertionMethod![0] as VerificationMethod;
    const jwk = publicJwkOf(vm);
    expect(jwk.kty).to.equal('OKP');
    expect(jwk.crv).to.equal('Ed25519');
    // The same key as did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q.
    expect(jwk).to.deep.equal(publicJwkOf({ ...vm, type: 'Multikey' }));
  });

  it('reads an Ed25519VerificationKey2018 publicKeyBase58 as a raw 32-byte key', () => {
    const vm: VerificationMethod = {
      id: 'did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp',
      type: 'Ed25519VerificationKey2018',
      controller: 'did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp',
      publicKeyBase58: '4zvwRjXUKGfvwnParsHAS3HuSVzV5cA4McphgmoCtajS',
    };
    expect(publicJwkOf(vm)).to.deep.equal({ kty: 'OKP', crv: 'Ed25519', x: ED25519_X });
  });

  it('refuses unsupported and malformed multibase keys, and methods with no key', () => {
    const base = { id: 'x', type: 'Multikey', controller: 'x' };
    // X25519 (0xec) from the did:key vectors.
    const x25519 = thrown(() =>
      publicJwkOf({ ...base, publicKeyMultibase: 'z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW' }),
    );
    expect(x25519.code).to.equal('ERR_OB_KEY_UNRESOLVABLE');
    expect(x25519.details?.['multicodec']).to.equal(0xec);
    expect(thrown(() => publicJwkOf({ ...base, publicKeyMultibase: 'uAAAA' })).code).to.equal(
      'ERR_OB_KEY_UNRESOLVABLE',
    );
    expect(
      thrown(() => publicJwkOf({ ...base, publicKeyBase58: '4zvwRjXUKGfvwnParsHAS3HuSVzV5cA4McphgmoCtajS' })).code,
    ).to.equal('ERR_OB_KEY_UNRESOLVABLE');
    expect(thrown(() => publicJwkOf(base)).code).to.equal('ERR_OB_KEY_UNRESOLVABLE');
  });
});

describe('findVerificationMethod', () => {
  const key = (fragment: string): VerificationMethod => ({
    id: `${ISSUER}#${fragment}`,
    type: 'JsonWebKey',
    controller: ISSUER,
    publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: ED25519_X },
  });
  const document: DidDocument = {
    id: ISSUER,
    verificationMethod: [key('key-1'), key('login')],
    assertionMethod: ['#key-1', key('embedded')],
    authentication: [`${ISSUER}#login`],
  };

  it('finds a method by full id, by relative fragment, or embedded in the relationship', () => {
    expect(findVerificationMethod(document, `${ISSUER}#key-1`).id).to.equal(`${ISSUER}#key-1`);
    expect(findVerificationMethod(document, '#key-1').id).to.equal(`${ISSUER}#key-1`);
    expect(findVerificationMethod(document, '#embedded').id).to.equal(`${ISSUER}#embedded`);
    expect(methodsFor(document).map((vm) => vm.id)).to.deep.equal([`${ISSUER}#key-1`, `${ISSUER}#embedded`]);
  });

  it('refuses a key listed only under authentication for assertionMethod, but not for authentication', () => {
    const error = thrown(() => findVerificationMethod(document, '#login'));
    expect(error.code).to.equal('ERR_OB_KEY_UNRESOLVABLE');
    expect(error.details).to.deep.equal({
      verificationMethod: `${ISSUER}#login`,
      document: ISSUER,
      purpose: 'assertionMethod',
    });
    expect(findVerificationMethod(document, '#login', 'authentication').id).to.equal(`${ISSUER}#login`);
  });

  it('reports a missing key', () => {
    const error = thrown(() => findVerificationMethod(document, '#nope'));
    expect(error.code).to.equal('ERR_OB_KEY_UNRESOLVABLE');
    expect(error.message).to.contain('has no key');
  });
});

describe('toDidDocument', () => {
  it('makes relative ids absolute and leaves out malformed methods', () => {
    const document = toDidDocument({
      id: ISSUER,
      verificationMethod: [
        { id: '#a', type: 'Multikey', controller: ISSUER, publicKeyMultibase: 'z6Mk' },
        { id: '#b' },
        'junk',
      ],
      assertionMethod: '#a',
    });
    expect(document).to.deep.equal({
      id: ISSUER,
      verificationMethod: [{ id: `${ISSUER}#a`, type: 'Multikey', controller: ISSUER, publicKeyMultibase: 'z6Mk' }],
      assertionMethod: [`${ISSUER}#a`],
    });
    expect(toDidDocument({ verificationMethod: [] })).to.equal(undefined);
    expect(toDidDocument('did:web:x')).to.equal(undefined);
  });
});
