import { expect } from '@open-wc/testing';
import { rejected } from '../../../test/helpers/errors.js';
import { base58btc as base58 } from '../../../test/helpers/base58.js';
import type { JWK } from 'jose';
import { createDocumentLoader } from '../fetcher.js';
import type { BadgeError } from '../errors.js';
import { didKey } from './did-key.js';
import { publicJwkOf } from './verification-method.js';
import type { VerificationMethod } from './did.js';

type Vectors = Record<
  string,
  {
    verificationMethod?: VerificationMethod & { publicKeyJwk?: JWK };
    verificationKeyPair?: VerificationMethod;
    keyAgreementKeyPair?: VerificationMethod;
  }
>;

const load = createDocumentLoader({ offline: true });
const fixture = async (name: string) => (await (await fetch(`/test/conformance/dids/${name}`)).json()) as Vectors;

const publicOnly = ({ kty, crv, x, y }: JWK) => ({ kty, crv, x, ...(y !== undefined ? { y } : {}) });

describe('didKey', () => {
  const resolver = didKey();

  it('resolves every P-256 and P-384 vector to its published JWK (compressed point decompressed)', async () => {
    const vectors = await fixture('did-key-testvectors-nist-curves.json');
    let checked = 0;
    for (const [did, vector] of Object.entries(vectors)) {
      const expected = vector.verificationMethod?.publicKeyJwk;
      if (!expected || (expected.crv !== 'P-256' && expected.crv !== 'P-384')) continue;
      const document = await resolver.resolve(did, { load });
      const fragment = did.slice('did:key:'.length);
      expect(document.id).to.equal(did);
      expect(document.verificationMethod).to.have.length(1);
      const vm = document.verificationMethod![0]!;
      expect(vm.id).to.equal(`${did}#${fragment}`);
      expect(vm.controller).to.equal(did);
      expect(document.assertionMethod).to.deep.equal([vm.id]);
      expect(document.authentication).to.deep.equal([vm.id]);
      expect(publicJwkOf(vm)).to.deep.equal(publicOnly(expected));
      checked++;
    }
    expect(checked).to.equal(4);
  });

  it('agrees with the P256Key2021 vector given as raw publicKeyBase58', async () => {
    const vectors = await fixture('did-key-testvectors-nist-curves.json');
    const did = 'did:key:zDnaeTiq1PdzvZXUaMdezchcMJQpBdH2VN4pgrrEhMCCbmwSb';
    const document = await resolver.resolve(did, { load });
    const fromBase58 = publicJwkOf(vectors[did]!.verificationMethod!);
    expect(fromBase58.crv).to.equal('P-256');
    expect(publicJwkOf(document.verificationMethod![0]!)).to.deep.equal(fromBase58);
  });

  it('resolves the Ed25519 vectors to the raw 32-byte keys they publish', async () => {
    const vectors = await fixture('did-key-testvectors-ed25519-x25519.json');
    let checked = 0;
    for (const [did, vector] of Object.entries(vectors)) {
      const pair = vector.verificationKeyPair!;
      const document = await resolver.resolve(did, { load });
      const jwk = publicJwkOf(document.verificationMethod![0]!);
      expect(jwk.kty).to.equal('OKP');
      expect(jwk.crv).to.equal('Ed25519');
      // Either the vector's JWK, or its Ed25519VerificationKey2018 base58 key read independently.
      expect(jwk).to.deep.equal(pair.publicKeyJwk ? publicOnly(pair.publicKeyJwk) : publicJwkOf(pair));
      checked++;
    }
    expect(checked).to.equal(5);
  });

  it('pins one Ed25519 key by value (seed 0 vector)', async () => {
    const document = await resolver.resolve('did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp', { load });
    // publicKeyBase58 4zvwRjXUKGfvwnParsHAS3HuSVzV5cA4McphgmoCtajS in base64url.
    expect(publicJwkOf(document.verificationMethod![0]!)).to.deep.equal({
      kty: 'OKP',
      crv: 'Ed25519',
      x: 'O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik',
    });
  });

  it('reports a P-521 or X25519 did:key as an unsupported key type', async () => {
    const p521 = await rejected(
      resolver.resolve(
        'did:key:z2J9gaYxrKVpdoG9A4gRnmpnRCcxU6agDtFVVBVdn1JedouoZN7SzcyREXXzWgt3gGiwpoHq7K68X4m32D8HgzG8wv3sY5j7',
        { load },
      ),
    );
    expect(p521.code).to.equal('ERR_OB_DID_METHOD_UNSUPPORTED');
    expect(p521.details?.['multicodec']).to.equal(0x1202);
    const x25519 = await rejected(
      resolver.resolve('did:key:z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW', { load }),
    );
    expect(x25519.code).to.equal('ERR_OB_DID_METHOD_UNSUPPORTED');
    expect(x25519.details?.['multicodec']).to.equal(0xec);
  });

  it('refuses malformed did:keys', async () => {
    const cases = [
      'did:key:',
      'did:key:6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp', // no multibase prefix
      'did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp#z6Mk', // a DID URL, not a DID
      'did:key:z0OIl', // not base58
      `did:key:z${base58(Uint8Array.of(0xed, 0x01, ...new Uint8Array(31).fill(7)))}`, // 31-byte Ed25519 key
      `did:key:z${base58(Uint8Array.of(0x80, 0x24, 0x04, ...new Uint8Array(32).fill(7)))}`, // not a compressed point
      `did:key:z${base58(Uint8Array.of(0x80, 0x24, 0x02, ...new Uint8Array(32).fill(0xff)))}`, // x ≥ p
    ];
    for (const did of cases) {
      const error = await rejected(resolver.resolve(did, { load }));
      expect(error.code, did).to.equal('ERR_OB_DID_INVALID');
    }
  });

  it('refuses a compressed P-256 x that is not on the curve', async () => {
    // Find an x whose x³ − 3x + b has no square root mod p: about half of all x.
    let refused = 0;
    for (let i = 1; i <= 8; i++) {
      const did = `did:key:z${base58(Uint8Array.of(0x80, 0x24, 0x02, ...new Uint8Array(31), i))}`;
      try {
        await resolver.resolve(did, { load });
      } catch (error) {
        expect((error as BadgeError).code).to.equal('ERR_OB_DID_INVALID');
        refused++;
      }
    }
    expect(refused).to.be.greaterThan(0);
  });
});
