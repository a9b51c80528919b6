import { base64url } from 'jose';
import { gunzipCapped } from '../lib/gzip.js';

/**
 * The bitstring inside a status list credential (Bitstring Status List v1.0 §2.2, §3.4; Status
 * List 2021 §2.2): base64url of GZIP, where index 0 is the left-most (most significant) bit of the
 * first byte. Private to the status methods.
 */

/**
 * The most a list may decompress to: 16 MiB, 134,217,728 one-bit entries, 1,024 times the
 * specification's minimum list. Anything larger is treated as a "zip bomb", not a list: a 2 MiB
 * download could otherwise inflate to 2 GiB in the visitor's tab.
 */
export const MAX_BITSTRING_BYTES = 16 * 1024 * 1024;

/** The specification minimum: 131,072 entries (16 KB of one-bit entries), for herd privacy. */
export const SPEC_MINIMUM_ENTRIES = 131_072;

/**
 * The fewest entries a list may hold here unless the verifier is configured otherwise: 100,000,
 * the group size the Bitstring Status List introduction itself cites for herd privacy, and what
 * the Digital Credentials Consortium and Digital Bazaar lists in circulation hold (see
 * docs/decisions/0006-status-lists.md). Shorter lists give a status of "unknown".
 */
export const DEFAULT_MINIMUM_ENTRIES = 100_000;

export type DecodeFailure = 'encoding' | 'too-large' | 'corrupt';

export type DecodedBitstring =
  { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly reason: DecodeFailure };

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * The uncompressed bitstring of an `encodedList`. `multibase`: Bitstring Status List requires the
 * Multibase `u` prefix (base64url, no padding); Status List 2021 has none, and some of its
 * issuers pad or use the base64 alphabet, which is read as the same bytes.
 */
export async function decodeEncodedList(encodedList: string, multibase: boolean): Promise<DecodedBitstring> {
  let text = encodedList;
  if (multibase) {
    if (!text.startsWith('u')) return { ok: false, reason: 'encoding' };
    text = text.slice(1);
  } else {
    text = text.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  }
  if (text.length === 0 || text.length % 4 === 1 || !BASE64URL.test(text)) return { ok: false, reason: 'encoding' };
  let compressed: Uint8Array;
  try {
    compressed = base64url.decode(text);
  } catch {
    return { ok: false, reason: 'encoding' };
  }
  const inflated = await gunzipCapped(compressed, MAX_BITSTRING_BYTES);
  return inflated.ok ? { ok: true, bytes: inflated.bytes } : inflated;
}

/**
 * The value of the entry at `index` of `size` bits (bits `index·size` … `index·size + size − 1`,
 * most significant first), or `undefined` when the entry does not lie wholly inside the list.
 */
export function readEntry(bytes: Uint8Array, index: number, size: number): number | undefined {
  const first = index * size;
  if (!Number.isSafeInteger(first) || first + size > bytes.byteLength * 8) return undefined;
  let value = 0;
  for (let bit = first; bit < first + size; bit++) {
    value = value * 2 + ((bytes[bit >> 3]! >> (7 - (bit & 7))) & 1);
  }
  return value;
}
