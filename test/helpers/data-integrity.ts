/** Test issuers that sign Data Integrity proofs in the browser: did:key Ed25519 and P-256 keys generated per run. */
import { canonicalFormsOf, hashDataOf } from '../../src/core/proofs/data-integrity.js';
import { readProof } from '../../src/core/proofs/data-integrity-suites.js';
import { base58btc } from './base58.js';

export interface DiIssuer {
  readonly did: string;
  readonly verificationMethod: string;
  readonly curve: 'Ed25519' | 'P-256';
  readonly privateKey: CryptoKey;
}

/** A did:key issuer: Ed25519 (multicodec 0xed) or P-256 (0x1200, compressed point). */
export async function createDidKeyIssuer(curve: 'Ed25519' | 'P-256' = 'Ed25519'): Promise<DiIssuer> {
  const algorithm = curve === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', namedCurve: 'P-256' };
  const pair = (await crypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  let multikey: Uint8Array;
  if (curve === 'Ed25519') {
    multikey = new Uint8Array([0xed, 0x01, ...raw]);
  } else {
    const x = raw.slice(1, 33);
    const yOdd = raw[64]! & 1;
    multikey = new Uint8Array([0x80, 0x24, yOdd ? 0x03 : 0x02, ...x]);
  }
  const fingerprint = `z${base58btc(multikey)}`;
  const did = `did:key:${fingerprint}`;
  return { did, verificationMethod: `${did}#${fingerprint}`, curve, privateKey: pair.privateKey };
}

/** Adds a proof (to any proofs already there) made as a real issuer would. `proof` overrides the proof options. */
export async function signDataIntegrity(
  credential: Record<string, unknown>,
  issuer: DiIssuer,
  proof: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const options: Record<string, unknown> = {
    type: 'DataIntegrityProof',
    cryptosuite: issuer.curve === 'Ed25519' ? 'eddsa-rdfc-2022' : 'ecdsa-rdfc-2019',
    created: '2025-01-01T00:00:00Z',
    verificationMethod: issuer.verificationMethod,
    proofPurpose: 'assertionMethod',
    ...proof,
  };
  // `{ cryptosuite: undefined }` removes a default: a legacy proof type (Ed25519Signature2020) has none.
  for (const [name, value] of Object.entries(options)) if (value === undefined) delete options[name];
  // The shape reader needs a proofValue; the placeholder is dropped before canonicalization.
  const purpose = options['proofPurpose'] === 'authentication' ? 'authentication' : 'assertionMethod';
  const shape = readProof({ ...options, proofValue: 'z1' }, purpose);
  const forms = await canonicalFormsOf(credential, options, shape);
  const hashData = await hashDataOf(forms, 'SHA-256');
  const algorithm = issuer.curve === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', hash: 'SHA-256' };
  const signature = new Uint8Array(
    await crypto.subtle.sign(algorithm, issuer.privateKey, hashData as Uint8Array<ArrayBuffer>),
  );
  const signed = { ...options, proofValue: `z${base58btc(signature)}` };
  const existing = credential['proof'];
  const proofs = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
  return { ...credential, proof: proofs.length === 0 ? signed : [...proofs, signed] };
}
