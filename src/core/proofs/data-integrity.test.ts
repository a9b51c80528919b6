/**
 * Each cryptosuite pinned stage by stage against specification test vectors: the canonical
 * document and proof configuration, the combined hash, and the signature (W3C vc-di-eddsa and
 * vc-di-ecdsa TestVectors, the Open Badges 3.0 Data Integrity example; see test/vectors/README.md).
 */
import { expect } from '@open-wc/testing';
import type { JWK } from 'jose';
import { decodeMultikey } from '../keys/verification-method.js';
import { isObject, type JsonObject } from '../lib/json.js';
import { readProof } from './data-integrity-suites.js';
import { canonicalFormsOf, hashDataOf, verifyDataIntegrity } from './data-integrity.js';
import { rejectionCodeOf } from '../../../test/helpers/errors.js';

const EDDSA = '/test/conformance/w3c-vc-di-eddsa/';
const ECDSA = '/test/vectors/w3c-vc-di-ecdsa/';
const OB3 = '/test/conformance/ob3-eddsa-rdfc-2022/';

async function text(path: string): Promise<string> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`missing vector ${path}`);
  return response.text();
}

async function json(path: string): Promise<JsonObject> {
  return JSON.parse(await text(path)) as JsonObject;
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The key a did:key verification method (or any `…#z…` Multikey fragment) carries. */
function keyOf(verificationMethod: string): JWK {
  const decoded = decodeMultikey(verificationMethod.slice(verificationMethod.indexOf('#') + 1));
  if (!decoded.ok) throw new Error(`not a Multikey: ${verificationMethod}`);
  return decoded.jwk;
}

interface Vector {
  readonly name: string;
  readonly signed: string;
  readonly canonDoc: string;
  readonly proofCanon: string;
  readonly combinedHash?: string;
}

const VECTORS: readonly Vector[] = [
  {
    name: 'eddsa-rdfc-2022 (vc-di-eddsa)',
    signed: `${EDDSA}SIGNED__eddsa-rdfc-2022__signedDataInt.json`,
    canonDoc: `${EDDSA}eddsa-rdfc-2022__canonDocDataInt.txt`,
    proofCanon: `${EDDSA}eddsa-rdfc-2022__proofCanonDataInt.txt`,
    combinedHash: `${EDDSA}eddsa-rdfc-2022__combinedHashDataInt.txt`,
  },
  {
    name: 'eddsa-rdfc-2022, employment credential (vc-di-eddsa)',
    signed: `${EDDSA}SIGNED__eddsa-rdfc-2022__employ__signedDataInt.json`,
    canonDoc: `${EDDSA}eddsa-rdfc-2022__employ__canonDocDataInt.txt`,
    proofCanon: `${EDDSA}eddsa-rdfc-2022__employ__proofCanonDataInt.txt`,
    combinedHash: `${EDDSA}eddsa-rdfc-2022__employ__combinedHashDataInt.txt`,
  },
  {
    name: 'eddsa-jcs-2022 (vc-di-eddsa)',
    signed: `${EDDSA}SIGNED__eddsa-jcs-2022__signedJCS.json`,
    canonDoc: `${EDDSA}eddsa-jcs-2022__canonDocJCS.txt`,
    proofCanon: `${EDDSA}eddsa-jcs-2022__proofCanonJCS.txt`,
    combinedHash: `${EDDSA}eddsa-jcs-2022__combinedHashJCS.txt`,
  },
  {
    name: 'Ed25519Signature2020 (vc-di-eddsa)',
    signed: `${EDDSA}SIGNED__Ed25519Signature2020__signedEdSig.json`,
    canonDoc: `${EDDSA}Ed25519Signature2020__canonDocEdSig.txt`,
    proofCanon: `${EDDSA}Ed25519Signature2020__proofCanonEdSig.txt`,
    combinedHash: `${EDDSA}Ed25519Signature2020__combinedHashEdSig.txt`,
  },
  {
    name: 'eddsa-rdfc-2022 (Open Badges 3.0 example)',
    signed: `${OB3}ob3-spec-testvector-signed-credential.json`,
    canonDoc: `${OB3}ob3-spec-testvector-document-canon.txt`,
    proofCanon: `${OB3}ob3-spec-testvector-proof-canon.txt`,
  },
  ...(['P256', 'P384'] as const).flatMap((curve) => [
    {
      name: `ecdsa-rdfc-2019 ${curve} (vc-di-ecdsa)`,
      signed: `${ECDSA}ecdsa-rdfc-2019-${curve.toLowerCase()}/signedECDSA${curve}.json`,
      canonDoc: `${ECDSA}ecdsa-rdfc-2019-${curve.toLowerCase()}/canonDocECDSA${curve}.txt`,
      proofCanon: `${ECDSA}ecdsa-rdfc-2019-${curve.toLowerCase()}/proofCanonECDSA${curve}.txt`,
      combinedHash: `${ECDSA}ecdsa-rdfc-2019-${curve.toLowerCase()}/combinedHashECDSA${curve}.txt`,
    },
    {
      name: `ecdsa-jcs-2019 ${curve} (vc-di-ecdsa)`,
      signed: `${ECDSA}ecdsa-jcs-2019-${curve.toLowerCase()}/signedJCSECDSA${curve}.json`,
      canonDoc: `${ECDSA}ecdsa-jcs-2019-${curve.toLowerCase()}/canonDocJCSECDSA${curve}.txt`,
      proofCanon: `${ECDSA}ecdsa-jcs-2019-${curve.toLowerCase()}/proofCanonJCSECDSA${curve}.txt`,
      combinedHash: `${ECDSA}ecdsa-jcs-2019-${curve.toLowerCase()}/combinedHashJCSECDSA${curve}.txt`,
    },
  ]),
];

describe('Data Integrity cryptosuites against their specification vectors', () => {
  for (const vector of VECTORS) {
    describe(vector.name, () => {
      it('canonicalizes the document and the proof configuration exactly as the vector', async () => {
        const signed = await json(vector.signed);
        const proof = signed['proof'] as JsonObject;
        const forms = await canonicalFormsOf(signed, proof, readProof(proof));
        expect(forms.document.trimEnd()).to.equal((await text(vector.canonDoc)).trimEnd());
        expect(forms.proofConfig.trimEnd()).to.equal((await text(vector.proofCanon)).trimEnd());
        if (vector.combinedHash) {
          const hash = vector.name.includes('P384') ? 'SHA-384' : 'SHA-256';
          const hashData = await hashDataOf(forms, hash);
          expect(hex(hashData)).to.equal((await text(vector.combinedHash)).trim());
        }
      });

      it('verifies the signature with the key the verification method names', async () => {
        const signed = await json(vector.signed);
        const proof = signed['proof'] as JsonObject;
        const shape = readProof(proof);
        const timings = await verifyDataIntegrity({
          document: signed,
          proof,
          shape,
          key: keyOf(shape.verificationMethod),
        });
        expect(timings.canonicalize).to.be.a('number');
      });

      it('fails with ERR_OB_SIGNATURE_INVALID once a signed value changes', async () => {
        const signed = await json(vector.signed);
        const proof = signed['proof'] as JsonObject;
        const shape = readProof(proof);
        const tampered: JsonObject = { ...signed, validFrom: '2023-01-02T00:00:00Z' };
        if (isObject(signed['credentialSubject'])) {
          tampered['credentialSubject'] = { ...signed['credentialSubject'], id: 'did:example:someone-else' };
        }
        expect(
          await rejectionCodeOf(
            verifyDataIntegrity({ document: tampered, proof, shape, key: keyOf(shape.verificationMethod) }),
          ),
        ).to.equal('ERR_OB_SIGNATURE_INVALID');
      });
    });
  }

  it('re-checks the signature of a badge whose canonical form it remembers', async () => {
    const signed = await json(`${EDDSA}SIGNED__eddsa-rdfc-2022__signedDataInt.json`);
    const proof = signed['proof'] as JsonObject;
    const shape = readProof(proof);
    const key = keyOf(shape.verificationMethod);
    await verifyDataIntegrity({ document: signed, proof, shape, key });
    const forged = { ...proof, proofValue: `z${'2'.repeat(87)}` };
    expect(
      await rejectionCodeOf(verifyDataIntegrity({ document: signed, proof: forged, shape: readProof(forged), key })),
    ).to.equal('ERR_OB_SIGNATURE_INVALID');
    const forms = await canonicalFormsOf(signed, proof, shape);
    expect((await canonicalFormsOf({ ...signed, name: 'Other' }, proof, shape)).document).to.not.equal(forms.document);
  });

  it('refuses a key of the wrong curve for the suite', async () => {
    const signed = await json(`${EDDSA}SIGNED__eddsa-rdfc-2022__signedDataInt.json`);
    const proof = signed['proof'] as JsonObject;
    const p256 = keyOf('#zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP');
    expect(
      await rejectionCodeOf(verifyDataIntegrity({ document: signed, proof, shape: readProof(proof), key: p256 })),
    ).to.equal('ERR_OB_PROOF_INVALID');
  });

  it('refuses a proofValue that is not a base58btc signature of the right length', async () => {
    const signed = await json(`${EDDSA}SIGNED__eddsa-rdfc-2022__signedDataInt.json`);
    const proof = { ...(signed['proof'] as JsonObject), proofValue: 'zabc' };
    const shape = readProof(proof);
    expect(
      await rejectionCodeOf(
        verifyDataIntegrity({ document: signed, proof, shape, key: keyOf(shape.verificationMethod) }),
      ),
    ).to.equal('ERR_OB_SIGNATURE_INVALID');
  });

  it('verifies each proof of a W3C proof chain with the proof it names included', async () => {
    const chained = await json(`${EDDSA}SIGNED__proof-set-chain__signedProofChain2.json`);
    const proofs = chained['proof'] as JsonObject[];
    const last = proofs.find((proof) => proof['previousProof'] !== undefined)!;
    const shape = readProof(last);
    await verifyDataIntegrity({ document: chained, proof: last, shape, key: keyOf(shape.verificationMethod) });
    const orphan = { ...chained, proof: [last] };
    expect(
      await rejectionCodeOf(
        verifyDataIntegrity({ document: orphan, proof: last, shape, key: keyOf(shape.verificationMethod) }),
      ),
    ).to.equal('ERR_OB_PROOF_INVALID');
  });
});
