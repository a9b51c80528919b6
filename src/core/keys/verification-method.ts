import type { JWK } from 'jose';
import { base64url } from 'jose';
import { KeyUnresolvable } from '../errors.js';
import { isObject, stringOf } from '../lib/json.js';
import { decodeBase58btc, decodeMultibase, readMulticodec } from '../lib/multibase.js';
import type { DidDocument, VerificationMethod } from './did.js';

/** The verification relationships a signature can be checked against. */
export type VerificationPurpose = 'assertionMethod' | 'authentication';

/** Multicodec codes of the public keys we can verify with (multiformats table). */
const ED25519_PUB = 0xed;
const P256_PUB = 0x1200;
const P384_PUB = 0x1201;

// ---------------------------------------------------------------------------------------------
// JWK hygiene

/**
 * The JWK members a public key may carry. Copying these (rather than deleting the private ones)
 * also drops members we do not know, so nothing unexpected reaches `importJWK` or a thumbprint.
 */
const PUBLIC_STRING_MEMBERS = [
  'kty',
  'crv',
  'x',
  'y',
  'n',
  'e',
  'pub',
  'alg',
  'kid',
  'use',
  'x5t',
  'x5t#S256',
  'x5u',
] as const;

/** Private or secret key material (RFC 7518 §6, RFC 8037 §2, AKP `priv`). */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k', 'priv'] as const;

/** Whether a JWK-shaped object carries private or secret key material. */
export function hasPrivateMembers(value: Readonly<Record<string, unknown>>): boolean {
  return PRIVATE_MEMBERS.some((member) => value[member] !== undefined);
}

/**
 * The public part of an untrusted JWK, or `undefined` when it is not a usable public key:
 * no `kty`, a wrongly typed member, or a symmetric (`oct`) key, whose "public" part would be
 * the shared secret (HMAC is never accepted for credentials).
 */
export function publicJwkFrom(value: unknown): JWK | undefined {
  if (!isObject(value)) return undefined;
  const kty = stringOf(value['kty']);
  if (kty === undefined || kty === 'oct') return undefined;
  const jwk: Record<string, unknown> = {};
  for (const member of PUBLIC_STRING_MEMBERS) {
    const memberValue = value[member];
    if (memberValue === undefined) continue;
    if (typeof memberValue !== 'string') return undefined;
    jwk[member] = memberValue;
  }
  const keyOps = value['key_ops'];
  if (keyOps !== undefined) {
    if (!Array.isArray(keyOps) || !keyOps.every((op) => typeof op === 'string')) return undefined;
    jwk['key_ops'] = [...keyOps];
  }
  const x5c = value['x5c'];
  if (x5c !== undefined) {
    if (!Array.isArray(x5c) || !x5c.every((cert) => typeof cert === 'string')) return undefined;
    jwk['x5c'] = [...x5c];
  }
  return jwk as JWK;
}

// ---------------------------------------------------------------------------------------------
// Raw key bytes → JWK

interface Curve {
  readonly crv: 'P-256' | 'P-384';
  readonly size: number;
  readonly p: bigint;
  readonly b: bigint;
}

// Curve parameters from SEC 2 / FIPS 186-4; a = -3 for both.
const P256: Curve = {
  crv: 'P-256',
  size: 32,
  p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
  b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
};

const P384: Curve = {
  crv: 'P-384',
  size: 48,
  p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
  b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
};

function bigintOf(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

function bytesOf(value: bigint, size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = size - 1; i >= 0; i--) {
    bytes[i] = Number(value & 0xffn);
    value >>= 8n;
  }
  return bytes;
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  base %= modulus;
  while (exponent > 0n) {
    if (exponent & 1n) result = (result * base) % modulus;
    base = (base * base) % modulus;
    exponent >>= 1n;
  }
  return result;
}

/**
 * The JWK of a SEC1 compressed point (0x02/0x03 ‖ x). WebCrypto does not import compressed
 * points everywhere, so y is recomputed: y² = x³ − 3x + b, and since p ≡ 3 (mod 4) for both
 * curves, √v = v^((p+1)/4). A point that is not on the curve is refused here, not at verify time.
 */
function compressedPointJwk(bytes: Uint8Array, curve: Curve): JWK | undefined {
  if (bytes.length !== curve.size + 1) return undefined;
  const prefix = bytes[0];
  if (prefix !== 0x02 && prefix !== 0x03) return undefined;
  const { p, b } = curve;
  const x = bigintOf(bytes.subarray(1));
  if (x >= p) return undefined;
  const rhs = (((x * x) % p) * x - 3n * x + b + 3n * p) % p;
  let y = modPow(rhs, (p + 1n) / 4n, p);
  if ((y * y) % p !== rhs) return undefined;
  if ((y & 1n) !== BigInt(prefix & 1)) y = (p - y) % p;
  return {
    kty: 'EC',
    crv: curve.crv,
    x: base64url.encode(bytesOf(x, curve.size)),
    y: base64url.encode(bytesOf(y, curve.size)),
  };
}

function ed25519Jwk(bytes: Uint8Array): JWK | undefined {
  if (bytes.length !== 32) return undefined;
  return { kty: 'OKP', crv: 'Ed25519', x: base64url.encode(bytes) };
}

/** Why a multikey could not be turned into a JWK: bad encoding, or a key type we do not verify with. */
export type MultikeyResult =
  | { readonly ok: true; readonly jwk: JWK; readonly code: number }
  | { readonly ok: false; readonly reason: 'malformed' }
  | { readonly ok: false; readonly reason: 'unsupported'; readonly code: number };

/**
 * A Multikey (`z` + base58btc(multicodec varint ‖ key)), as used by `publicKeyMultibase` and
 * did:key: Ed25519 (0xed, 32 bytes), P-256 (0x1200, 33-byte compressed), P-384 (0x1201,
 * 49-byte compressed). Callers choose the error, since only they know which DID was malformed.
 */
export function decodeMultikey(multibase: string): MultikeyResult {
  const bytes = decodeMultibase(multibase);
  const value = bytes && readMulticodec(bytes);
  if (!value) return { ok: false, reason: 'malformed' };
  let jwk: JWK | undefined;
  switch (value.code) {
    case ED25519_PUB:
      jwk = ed25519Jwk(value.bytes);
      break;
    case P256_PUB:
      jwk = compressedPointJwk(value.bytes, P256);
      break;
    case P384_PUB:
      jwk = compressedPointJwk(value.bytes, P384);
      break;
    default:
      return { ok: false, reason: 'unsupported', code: value.code };
  }
  return jwk ? { ok: true, jwk, code: value.code } : { ok: false, reason: 'malformed' };
}

/**
 * `publicKeyBase58` carries raw key bytes with no multicodec prefix, so the method's `type` is
 * the only thing that says which curve they are on.
 */
function base58KeyJwk(type: string, text: string): JWK | undefined {
  const bytes = decodeBase58btc(text);
  if (!bytes) return undefined;
  switch (type) {
    case 'Ed25519VerificationKey2018':
    case 'Ed25519VerificationKey2020':
      return ed25519Jwk(bytes);
    case 'P256Key2021':
      return compressedPointJwk(bytes, P256);
    case 'P384Key2021':
      return compressedPointJwk(bytes, P384);
    default:
      return undefined;
  }
}

/**
 * The public JWK of a verification method, from `publicKeyJwk` (private members dropped),
 * `publicKeyMultibase` (a Multikey) or `publicKeyBase58` (raw bytes, curve given by `type`).
 * Throws `KeyUnresolvable` when none of them gives a key we can verify with.
 */
export function publicJwkOf(vm: VerificationMethod): JWK {
  const details = { verificationMethod: vm.id, type: vm.type };
  if (vm.publicKeyJwk !== undefined) {
    const jwk = publicJwkFrom(vm.publicKeyJwk);
    if (!jwk) throw new KeyUnresolvable('The verification method has an unusable publicKeyJwk', { details });
    return jwk;
  }
  if (vm.publicKeyMultibase !== undefined) {
    const result = decodeMultikey(vm.publicKeyMultibase);
    if (result.ok) return result.jwk;
    throw new KeyUnresolvable(
      result.reason === 'unsupported'
        ? `The verification method's key type (multicodec 0x${result.code.toString(16)}) is not supported`
        : 'The verification method has a malformed publicKeyMultibase',
      { details: result.reason === 'unsupported' ? { ...details, multicodec: result.code } : details },
    );
  }
  if (vm.publicKeyBase58 !== undefined) {
    const jwk = base58KeyJwk(vm.type, vm.publicKeyBase58);
    if (!jwk) throw new KeyUnresolvable('The verification method has an unusable publicKeyBase58', { details });
    return jwk;
  }
  throw new KeyUnresolvable('The verification method carries no public key', { details });
}

// ---------------------------------------------------------------------------------------------
// Documents

/** `#frag` relative to the document; anything else is already absolute. */
function absoluteId(documentId: string, ref: string): string {
  return ref.startsWith('#') ? documentId + ref : ref;
}

/**
 * A verification method from untrusted JSON (id made absolute against `documentId`), or
 * `undefined` when it lacks a string `id`, `type` or `controller`.
 */
export function toVerificationMethod(value: unknown, documentId: string): VerificationMethod | undefined {
  if (!isObject(value)) return undefined;
  const id = stringOf(value['id']);
  const type = stringOf(value['type']);
  const controller = stringOf(value['controller']);
  if (id === undefined || type === undefined || controller === undefined) return undefined;
  const publicKeyMultibase = stringOf(value['publicKeyMultibase']);
  const publicKeyBase58 = stringOf(value['publicKeyBase58']);
  const jwkValue = value['publicKeyJwk'];
  return {
    id: absoluteId(documentId, id),
    type,
    controller,
    // Kept as given (after a shape check) so publicJwkOf can say precisely what was wrong.
    ...(isObject(jwkValue) ? { publicKeyJwk: jwkValue as JWK } : {}),
    ...(publicKeyMultibase !== undefined ? { publicKeyMultibase } : {}),
    ...(publicKeyBase58 !== undefined ? { publicKeyBase58 } : {}),
  };
}

function relationshipFrom(value: unknown, documentId: string): (string | VerificationMethod)[] | undefined {
  if (value === undefined) return undefined;
  const entries = Array.isArray(value) ? value : [value];
  const result: (string | VerificationMethod)[] = [];
  for (const entry of entries) {
    if (typeof entry === 'string') result.push(absoluteId(documentId, entry));
    else {
      const vm = toVerificationMethod(entry, documentId);
      if (vm) result.push(vm);
    }
  }
  return result;
}

/**
 * A DID document or controller document from untrusted JSON, with every method id made
 * absolute. Malformed entries are left out rather than failing the whole document: one odd
 * key must not hide the issuer's good ones. Returns `undefined` when there is no string `id`.
 */
export function toDidDocument(value: unknown): DidDocument | undefined {
  if (!isObject(value)) return undefined;
  const id = stringOf(value['id']);
  if (id === undefined) return undefined;
  const controllerValue = value['controller'];
  const controller =
    typeof controllerValue === 'string'
      ? controllerValue
      : Array.isArray(controllerValue)
        ? controllerValue.filter((entry): entry is string => typeof entry === 'string')
        : undefined;
  const methods = value['verificationMethod'];
  const verificationMethod = Array.isArray(methods)
    ? methods.map((entry) => toVerificationMethod(entry, id)).filter((vm) => vm !== undefined)
    : undefined;
  const assertionMethod = relationshipFrom(value['assertionMethod'], id);
  const authentication = relationshipFrom(value['authentication'], id);
  return {
    id,
    ...(controller !== undefined ? { controller } : {}),
    ...(verificationMethod ? { verificationMethod } : {}),
    ...(assertionMethod ? { assertionMethod } : {}),
    ...(authentication ? { authentication } : {}),
  };
}

/** Every method the document defines, top-level or embedded in a relationship. */
function allMethods(doc: DidDocument): VerificationMethod[] {
  const embedded = [...(doc.assertionMethod ?? []), ...(doc.authentication ?? [])].filter(
    (entry): entry is VerificationMethod => typeof entry !== 'string',
  );
  return [...(doc.verificationMethod ?? []), ...embedded];
}

/**
 * The methods authorised for `purpose`, in document order, each with an absolute id.
 * A reference to a method the document does not define is skipped.
 */
export function methodsFor(doc: DidDocument, purpose: VerificationPurpose = 'assertionMethod'): VerificationMethod[] {
  // One index, not a search per reference: a hostile 2 MiB document with thousands of methods and
  // references must not cost quadratic time. The first definition of an id wins, as a search would.
  const defined = new Map<string, VerificationMethod>();
  for (const candidate of allMethods(doc)) {
    const id = absoluteId(doc.id, candidate.id);
    if (!defined.has(id)) defined.set(id, candidate);
  }
  const result: VerificationMethod[] = [];
  for (const entry of doc[purpose] ?? []) {
    if (typeof entry !== 'string') {
      result.push({ ...entry, id: absoluteId(doc.id, entry.id) });
      continue;
    }
    const id = absoluteId(doc.id, entry);
    const vm = defined.get(id);
    if (vm) result.push({ ...vm, id });
  }
  return result;
}

/**
 * The method `ref` names (a full id, or `#fragment` relative to the document), provided the
 * document lists it under `purpose`. A key listed only under `authentication` proves who logs
 * in, not who issues: it must not sign credentials, so it is refused for `assertionMethod`.
 * Throws `KeyUnresolvable` when the method is missing or not authorised.
 */
export function findVerificationMethod(
  doc: DidDocument,
  ref: string,
  purpose: VerificationPurpose = 'assertionMethod',
): VerificationMethod {
  const id = absoluteId(doc.id, ref);
  const authorised = methodsFor(doc, purpose).find((vm) => vm.id === id);
  if (authorised) return authorised;
  const details = { verificationMethod: id, document: doc.id, purpose };
  if (allMethods(doc).some((vm) => absoluteId(doc.id, vm.id) === id)) {
    throw new KeyUnresolvable(`The key ${id} is not authorised for ${purpose}`, { details });
  }
  throw new KeyUnresolvable(`The document ${doc.id} has no key ${id}`, { details });
}
