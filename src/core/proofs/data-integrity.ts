import canonicalizeModule from 'canonicalize';
import type { JWK } from 'jose';
import { MalformedInput, ProofInvalid, SignatureInvalid } from '../errors.js';
import { checkPlainForm } from '../jsonld/bound-form.js';
import { canonizeRdfc, checkShape, DEFAULT_CANONIZE_LIMITS, type CanonizeLimits } from '../jsonld/canonize.js';
import type { ExtraContexts } from '../jsonld/contexts.js';
import { arrayOf, isObject, type JsonObject } from '../lib/json.js';
import { decodeMultibase } from '../lib/multibase.js';
import type { ProofShape } from './data-integrity-suites.js';

/**
 * Verifies one Data Integrity proof (VC Data Integrity 1.0 §4.3; VC DI EdDSA §3.3, §3.4, §4.1;
 * VC DI ECDSA §3.3, §3.4): transform the document (RDFC-1.0 or JCS), hash it and the proof
 * configuration, and check the signature over `hash(proofConfig) ‖ hash(document)` with
 * WebCrypto. Heavy (jsonld, rdf-canonize): reached only through `import()`.
 */

export interface DataIntegrityRequest {
  /** The secured document as received, with every proof. */
  readonly document: JsonObject;
  /** The proof to verify: one member of `document.proof`. */
  readonly proof: JsonObject;
  readonly shape: ProofShape;
  /** The public key the verification method resolved to. */
  readonly key: JWK;
  readonly signal?: AbortSignal | undefined;
  readonly contexts?: ExtraContexts | undefined;
  readonly limits?: Partial<CanonizeLimits> | undefined;
  /**
   * `canonicalFormsOf(document, proof, shape, this)` already under way: canonicalization does not
   * need the key, so the caller may start it while the key is being resolved.
   */
  readonly forms?: Promise<CanonicalForms> | undefined;
}

/** Milliseconds spent per stage, for the README's "where the time goes" and the bench. */
export interface DataIntegrityTimings {
  canonicalize: number;
  hash: number;
  signature: number;
}

// The package is CommonJS (`module.exports = serialize`) while its types declare a default export;
// under NodeNext that default is the module object to TypeScript but the function at run time.
const canonicalize = canonicalizeModule as unknown as (value: unknown) => string | undefined;

const CURVE_OF_KEY = (key: JWK): string | undefined =>
  key.kty === 'OKP' && key.crv === 'Ed25519' ? 'Ed25519' : key.kty === 'EC' ? key.crv : undefined;

/** The document the proof covers: without proofs, or with exactly the proofs it chains from (VC DI §4.3 step 4). */
function unsecuredDocumentOf(document: JsonObject, shape: ProofShape): JsonObject {
  const { proof: proofs, ...unsecured } = document;
  if (shape.previousProof.length > 0) {
    const all = arrayOf(proofs).filter(isObject);
    const previous = shape.previousProof.map((id) => all.find((candidate) => candidate['id'] === id));
    if (previous.some((found) => found === undefined)) {
      throw new ProofInvalid('The proof chains from a proof the credential does not carry', {
        details: { previousProof: shape.previousProof.map((id) => id.slice(0, 200)) },
      });
    }
    unsecured['proof'] = previous.length === 1 ? previous[0] : previous;
  }
  return unsecured;
}

function contextsOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function jcs(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new MalformedInput('The credential cannot be canonicalized as JSON');
  return text;
}

const encoder = new TextEncoder();

async function digest(hash: 'SHA-256' | 'SHA-384', text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest(hash, encoder.encode(text)));
}

async function importPublicKey(key: JWK, curve: string): Promise<CryptoKey> {
  const jwk: JsonWebKey =
    curve === 'Ed25519' ? { kty: 'OKP', crv: 'Ed25519', x: key.x! } : { kty: 'EC', crv: curve, x: key.x!, y: key.y! };
  const algorithm = curve === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', namedCurve: curve };
  try {
    return await crypto.subtle.importKey('jwk', jwk, algorithm, false, ['verify']);
  } catch (cause) {
    throw new ProofInvalid('The verification method is not a usable public key', { cause });
  }
}

/**
 * Canonical forms already computed on this page, keyed by the exact JSON they came from. RDFC-1.0
 * is a pure function of the document and the (pinned) contexts, so the same badge shown again, or
 * re-verified on a later render, skips JSON-LD expansion; its signature is still checked every
 * time. Only with the bundled contexts and default limits, only for documents under 64 KB, and at
 * most 64 of them.
 */
const canonicalMemo = new Map<string, CanonicalForms>();
const MEMO_ENTRIES = 64;
const MEMO_MAX_KEY = 64 * 1024;

function memoKeyOf(unsecured: JsonObject, proofConfig: JsonObject, options: TransformOptions): string | undefined {
  if (options.contexts !== undefined || options.limits !== undefined) return undefined;
  const key = JSON.stringify([unsecured, proofConfig]);
  return key.length <= MEMO_MAX_KEY ? key : undefined;
}

/** The two canonical texts a proof's hash covers: the proof configuration and the document. */
export interface CanonicalForms {
  readonly proofConfig: string;
  readonly document: string;
}

export type TransformOptions = Pick<DataIntegrityRequest, 'signal' | 'contexts' | 'limits'>;

/**
 * Transformation and proof configuration (VC DI EdDSA/ECDSA §3.x.3–3.x.5): the document without
 * its proofs (with the ones a chained proof names), and the proof without `proofValue` carrying
 * the document's `@context`, each canonicalized with the suite's algorithm.
 */
export async function canonicalFormsOf(
  document: JsonObject,
  proof: JsonObject,
  shape: ProofShape,
  options: TransformOptions = {},
): Promise<CanonicalForms> {
  const { suite } = shape;
  const unsecured = unsecuredDocumentOf(document, shape);
  const { proofValue: _signature, ...proofConfig } = proof;
  // Bounded before anything walks them recursively (JSON.stringify for the memo, JCS, JSON-LD).
  const limits = { ...DEFAULT_CANONIZE_LIMITS, ...options.limits };
  checkShape(unsecured, limits);
  checkShape(proofConfig, limits);
  if (suite.canonicalization === 'jcs' && proofConfig['@context'] !== undefined) {
    // The proof may carry the contexts it was made with; they must be where the document starts.
    const proofContexts = contextsOf(proofConfig['@context']);
    const documentContexts = contextsOf(unsecured['@context']);
    const prefix = proofContexts.every((context, i) => jcs(context) === jcs(documentContexts[i]));
    if (!prefix) {
      throw new ProofInvalid("The proof's @context is not the start of the credential's", {
        details: { cryptosuite: suite.name },
      });
    }
    unsecured['@context'] = proofConfig['@context'];
  }
  if (unsecured['@context'] !== undefined) proofConfig['@context'] = unsecured['@context'];
  else delete proofConfig['@context'];

  if (suite.canonicalization === 'rdfc') {
    // The graph is what is signed; the checks read the JSON. Only the plain form binds one to the other.
    checkPlainForm(unsecured);
    checkPlainForm(proofConfig, '$.proof');
    const key = memoKeyOf(unsecured, proofConfig, options);
    const remembered = key === undefined ? undefined : canonicalMemo.get(key);
    if (remembered) return remembered;
    const canonizeOptions = { signal: options.signal, contexts: options.contexts, limits: options.limits };
    const [canonicalProof, canonicalDocument] = await Promise.all([
      canonizeRdfc(proofConfig, canonizeOptions),
      canonizeRdfc(unsecured, canonizeOptions),
    ]);
    const forms = { proofConfig: canonicalProof, document: canonicalDocument };
    if (key !== undefined) {
      canonicalMemo.set(key, forms);
      if (canonicalMemo.size > MEMO_ENTRIES) canonicalMemo.delete(canonicalMemo.keys().next().value!);
    }
    return forms;
  }
  return { proofConfig: jcs(proofConfig), document: jcs(unsecured) };
}

/** `hash(proofConfig) ‖ hash(document)`: what the signature is made over. */
export async function hashDataOf(forms: CanonicalForms, hash: 'SHA-256' | 'SHA-384'): Promise<Uint8Array> {
  const [proofHash, documentHash] = await Promise.all([digest(hash, forms.proofConfig), digest(hash, forms.document)]);
  const hashData = new Uint8Array(proofHash.length + documentHash.length);
  hashData.set(proofHash, 0);
  hashData.set(documentHash, proofHash.length);
  return hashData;
}

export async function verifyDataIntegrity(request: DataIntegrityRequest): Promise<DataIntegrityTimings> {
  const { document, proof, shape, key } = request;
  const { suite } = shape;
  const curve = CURVE_OF_KEY(key);
  if (curve === undefined || !(suite.curves as readonly string[]).includes(curve)) {
    throw new ProofInvalid(`${suite.name} needs a ${suite.curves.join(' or ')} key, not ${curve ?? key.kty}`, {
      details: { cryptosuite: suite.name, keyType: curve ?? key.kty ?? null },
    });
  }
  const signature = decodeMultibase(shape.proofValue);
  const expectedLength = curve === 'P-384' ? 96 : 64;
  if (!signature || signature.length !== expectedLength) {
    throw new SignatureInvalid('The proofValue is not a base58btc signature of the right length', {
      details: { cryptosuite: suite.name },
    });
  }

  const started = performance.now();
  // With `request.forms`, only what is left of the canonicalization started before the key was known.
  const forms = await (request.forms ?? canonicalFormsOf(document, proof, shape, request));
  const canonicalized = performance.now();
  const hash = curve === 'P-384' ? 'SHA-384' : 'SHA-256';
  const hashData = await hashDataOf(forms, hash);
  const hashed = performance.now();

  const publicKey = await importPublicKey(key, curve);
  const algorithm = curve === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', hash };
  const valid = await crypto.subtle.verify(
    algorithm,
    publicKey,
    signature as Uint8Array<ArrayBuffer>,
    hashData as Uint8Array<ArrayBuffer>,
  );
  const verified = performance.now();
  if (!valid) {
    throw new SignatureInvalid('The signature does not match the credential', {
      details: { cryptosuite: suite.name },
    });
  }
  return { canonicalize: canonicalized - started, hash: hashed - canonicalized, signature: verified - hashed };
}
