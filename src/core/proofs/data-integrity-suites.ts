import { ProofInvalid } from '../errors.js';
import { CryptosuiteUnsupported } from '../errors-jsonld.js';
import { isObject, stringOf, type JsonObject } from '../lib/json.js';

/**
 * What each Data Integrity cryptosuite needs, without loading any of the machinery: this module
 * is small and lets a badge be refused (or a proof skipped) before `import()` of the heavy part.
 */
export interface Cryptosuite {
  /** The name shown in checks: the `cryptosuite`, or the legacy proof `type`. */
  readonly name: string;
  /** RDFC-1.0 over JSON-LD, or JCS (RFC 8785) over plain JSON. */
  readonly canonicalization: 'rdfc' | 'jcs';
  /** The curves a key may use. The hash follows the curve (SHA-384 for P-384, else SHA-256). */
  readonly curves: readonly ('Ed25519' | 'P-256' | 'P-384')[];
}

const EDDSA_RDFC: Cryptosuite = { name: 'eddsa-rdfc-2022', canonicalization: 'rdfc', curves: ['Ed25519'] };

const BY_CRYPTOSUITE: Readonly<Record<string, Cryptosuite>> = {
  'eddsa-rdfc-2022': EDDSA_RDFC,
  // The draft name of the same algorithm, still on credentials issued in 2023.
  'eddsa-2022': { ...EDDSA_RDFC, name: 'eddsa-2022' },
  'eddsa-jcs-2022': { name: 'eddsa-jcs-2022', canonicalization: 'jcs', curves: ['Ed25519'] },
  'ecdsa-rdfc-2019': { name: 'ecdsa-rdfc-2019', canonicalization: 'rdfc', curves: ['P-256', 'P-384'] },
  'ecdsa-jcs-2019': { name: 'ecdsa-jcs-2019', canonicalization: 'jcs', curves: ['P-256', 'P-384'] },
};

/** Legacy proof types that name their suite in `type` (VC DI EdDSA §4: Ed25519Signature2020). */
const BY_TYPE: Readonly<Record<string, Cryptosuite>> = {
  Ed25519Signature2020: { name: 'Ed25519Signature2020', canonicalization: 'rdfc', curves: ['Ed25519'] },
};

/** A proof's fields, checked for shape; the values are still unverified. */
export interface ProofShape {
  readonly suite: Cryptosuite;
  readonly verificationMethod: string;
  readonly proofValue: string;
  readonly id?: string;
  readonly created?: Date;
  readonly expires?: Date;
  readonly previousProof: readonly string[];
}

function dateOf(proof: JsonObject, field: 'created' | 'expires' | 'expiration'): Date | undefined {
  const value = proof[field];
  if (value === undefined) return undefined;
  const date = typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime()) || !/^\d{4}-\d\d-\d\dT/.test(value as string)) {
    throw new ProofInvalid(`The proof's ${field} is not a date-time`, { details: { field } });
  }
  return date;
}

/**
 * Reads a proof's shape (VC Data Integrity §2.1, §4.3 "Verify Proof" steps 1–5): a supported
 * suite, `proofPurpose` `assertionMethod` (a badge is an assertion; an `authentication` proof
 * only says who presented it, and is what a presentation carries), a verification method and a
 * proof value. Throws
 * `ERR_OB_CRYPTOSUITE_UNSUPPORTED` or `ERR_OB_PROOF_INVALID`.
 */
export function readProof(
  proof: unknown,
  expectedPurpose: 'assertionMethod' | 'authentication' = 'assertionMethod',
): ProofShape {
  if (!isObject(proof)) throw new ProofInvalid('The proof is not an object');
  const type = stringOf(proof['type']);
  let suite: Cryptosuite | undefined;
  if (type === 'DataIntegrityProof') {
    const cryptosuite = stringOf(proof['cryptosuite']);
    if (cryptosuite === undefined) throw new ProofInvalid('The proof names no cryptosuite');
    suite = Object.prototype.hasOwnProperty.call(BY_CRYPTOSUITE, cryptosuite) ? BY_CRYPTOSUITE[cryptosuite] : undefined;
    if (!suite) {
      throw new CryptosuiteUnsupported(`The cryptosuite ${cryptosuite.slice(0, 60)} is not supported`, {
        details: { cryptosuite: cryptosuite.slice(0, 60) },
      });
    }
  } else {
    suite = type !== undefined && Object.prototype.hasOwnProperty.call(BY_TYPE, type) ? BY_TYPE[type] : undefined;
    if (!suite) {
      throw new CryptosuiteUnsupported(`The proof type ${String(type).slice(0, 60)} is not supported`, {
        details: { proofType: String(type).slice(0, 60) },
      });
    }
  }
  const purpose = proof['proofPurpose'];
  if (purpose !== expectedPurpose) {
    throw new ProofInvalid(`The proof's purpose is ${String(purpose).slice(0, 40)}, not ${expectedPurpose}`, {
      details: { proofPurpose: typeof purpose === 'string' ? purpose.slice(0, 40) : null },
    });
  }
  const verificationMethod = stringOf(proof['verificationMethod']);
  if (verificationMethod === undefined) throw new ProofInvalid('The proof names no verification method');
  const proofValue = stringOf(proof['proofValue']);
  if (proofValue === undefined) throw new ProofInvalid('The proof has no proofValue');
  const previous = proof['previousProof'];
  const previousProof = previous === undefined ? [] : Array.isArray(previous) ? previous : [previous];
  if (!previousProof.every((id) => typeof id === 'string')) {
    throw new ProofInvalid('previousProof must name proofs by id');
  }
  const id = stringOf(proof['id']);
  const created = dateOf(proof, 'created');
  // `expires` (Data Integrity) and `expiration` (Security Vocabulary v2) are one property; a
  // proof may be written with either, so both are read and the earlier one counts.
  const expires = [dateOf(proof, 'expires'), dateOf(proof, 'expiration')].reduce<Date | undefined>(
    (a, b) => (!b ? a : !a || b < a ? b : a),
    undefined,
  );
  return {
    suite,
    verificationMethod,
    proofValue,
    previousProof: previousProof as string[],
    ...(id !== undefined ? { id } : {}),
    ...(created ? { created } : {}),
    ...(expires ? { expires } : {}),
  };
}
