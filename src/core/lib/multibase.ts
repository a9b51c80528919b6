/**
 * Multibase (base58btc only) and multicodec prefix reading, for the key formats DID documents
 * use (`publicKeyMultibase`, `publicKeyBase58`, did:key). Private to the core.
 *
 * Decoders return `undefined` for bad input instead of throwing: the caller knows which DID or
 * verification method it was reading and raises the coded error that names it.
 */

const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

const BASE58_INDEX: ReadonlyMap<string, number> = new Map([...BASE58_ALPHABET].map((char, index) => [char, index]));

/**
 * Keys are at most a few hundred bytes (an RSA key in multicodec is ~530). The bound keeps the
 * quadratic decode below from being an easy way to burn CPU with a hostile 2 MiB string.
 */
const MAX_BASE58_LENGTH = 1024;

/** Bitcoin-alphabet base58: each leading '1' is a zero byte, the rest is a big-endian number. */
export function decodeBase58btc(text: string): Uint8Array | undefined {
  if (text.length === 0 || text.length > MAX_BASE58_LENGTH) return undefined;
  let zeros = 0;
  while (zeros < text.length && text[zeros] === '1') zeros++;
  // log(58) / log(256) ≈ 0.733: enough room for the number, little-endian while we build it.
  const size = Math.ceil((text.length - zeros) * 0.733) + 1;
  const number = new Uint8Array(size);
  let used = 0;
  for (let i = zeros; i < text.length; i++) {
    const digit = BASE58_INDEX.get(text[i]!);
    if (digit === undefined) return undefined;
    let carry = digit;
    let j = 0;
    for (; j < used || carry !== 0; j++) {
      carry += 58 * (number[j] ?? 0);
      number[j] = carry & 0xff;
      carry >>= 8;
    }
    used = j;
  }
  const bytes = new Uint8Array(zeros + used);
  for (let i = 0; i < used; i++) bytes[zeros + i] = number[used - 1 - i]!;
  return bytes;
}

/**
 * A multibase string's bytes. Only `z` (base58btc) is accepted: it is the one base the DID
 * and Data Integrity specs use for keys, and accepting more would only widen what we parse.
 */
export function decodeMultibase(text: string): Uint8Array | undefined {
  if (!text.startsWith('z')) return undefined;
  return decodeBase58btc(text.slice(1));
}

export interface Varint {
  readonly value: number;
  /** How many bytes the varint took. */
  readonly length: number;
}

/**
 * An unsigned LEB128 varint as multiformats defines it: at most 9 bytes, and minimally encoded
 * (no trailing 0x00 continuation byte), so one code has exactly one byte form and a prefix
 * cannot be spelled two ways to slip past a comparison. Codes we read fit in 2 bytes; values
 * beyond 2^53 are refused rather than rounded.
 */
export function readVarint(bytes: Uint8Array, offset = 0): Varint | undefined {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 9; i++) {
    const byte = bytes[offset + i];
    if (byte === undefined) return undefined;
    value += (byte & 0x7f) * scale;
    if (!Number.isSafeInteger(value)) return undefined;
    if ((byte & 0x80) === 0) {
      if (byte === 0 && i > 0) return undefined;
      return { value, length: i + 1 };
    }
    scale *= 128;
  }
  return undefined;
}

export interface MulticodecValue {
  /** The multicodec code, e.g. 0xed for ed25519-pub. */
  readonly code: number;
  /** What follows the prefix: the raw key bytes. */
  readonly bytes: Uint8Array;
}

/** Splits a multicodec-prefixed byte string into its code and payload. */
export function readMulticodec(bytes: Uint8Array): MulticodecValue | undefined {
  const prefix = readVarint(bytes);
  if (!prefix) return undefined;
  return { code: prefix.value, bytes: bytes.subarray(prefix.length) };
}
