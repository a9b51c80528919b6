/**
 * Reads the credential baked into a PNG (OB 2.0 Baking §PNG, OB 3.0 §5.3.1), treating the file as
 * hostile: every length is checked against the bytes actually there, every chunk's CRC is checked,
 * and the work is one pass over the file with a bounded number of chunks.
 */
import { UnsupportedFormat } from '../errors.js';
import { ImageAmbiguous, ImageCorrupt, ImageNotBaked } from '../errors-baked.js';
import { crc32 } from './crc32.js';
import type { BakedCredential } from './baked-credential.js';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
/** PNG §5.3: a chunk length is at most 2^31 − 1. */
const MAX_CHUNK_LENGTH = 0x7fffffff;
/**
 * Real images have a few dozen chunks; a 2 MiB file could hold ~175 000 empty ones. The walk is
 * linear either way, this only makes a file built to be walked slowly fail early.
 */
export const MAX_PNG_CHUNKS = 10_000;
/** PNG §11.3.4: keywords are 1–79 Latin-1 bytes, then a NUL. */
const MAX_KEYWORD_BYTES = 79;

const KEYWORDS: Readonly<Record<string, BakedCredential['generation']>> = {
  openbadges: 'ob2',
  openbadgecredential: 'ob3',
};

interface CredentialChunk {
  readonly type: 'iTXt' | 'tEXt' | 'zTXt';
  readonly keyword: string;
  /** Offset of the chunk's length field in the file. */
  readonly offset: number;
  /** The chunk's data, keyword included. */
  readonly data: Uint8Array;
}

const corrupt = (message: string, details: Record<string, unknown>) =>
  new ImageCorrupt(message, { details: { container: 'png', ...details } });

/** The credential in a PNG, or a coded error: corrupt, ambiguous (two credentials), not baked, or compressed. */
export function unbakePng(bytes: Uint8Array): BakedCredential {
  const found = findCredentialChunks(bytes);
  if (found.length === 0) {
    throw new ImageNotBaked('The PNG has no openbadges or openbadgecredential chunk', {
      details: { container: 'png' },
    });
  }
  if (found.length > 1) {
    const [first, second] = found as [CredentialChunk, CredentialChunk];
    throw new ImageAmbiguous('The PNG carries more than one credential', {
      details: {
        container: 'png',
        first: { chunk: first.type, keyword: first.keyword, offset: first.offset },
        second: { chunk: second.type, keyword: second.keyword, offset: second.offset },
      },
    });
  }
  return readCredentialChunk(found[0]!);
}

/**
 * Walks the chunks from the signature to IEND, checking the structure of every one, and returns
 * (at most two of) the chunks that carry a credential. The spec says to stop at the first
 * `openbadges` chunk; reading on is what lets a second one (which the spec forbids) and a broken
 * file be reported instead of half-trusted.
 */
function findCredentialChunks(bytes: Uint8Array): CredentialChunk[] {
  if (bytes.length < SIGNATURE.length || SIGNATURE.some((b, i) => bytes[i] !== b)) {
    throw corrupt('The file does not start with the PNG signature', { reason: 'signature', offset: 0 });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: CredentialChunk[] = [];
  let offset = SIGNATURE.length;
  for (let index = 0; ; index++) {
    if (index >= MAX_PNG_CHUNKS) {
      throw corrupt(`The PNG has more than ${MAX_PNG_CHUNKS} chunks`, { reason: 'too-many-chunks', offset });
    }
    if (offset === bytes.length)
      throw corrupt('The PNG ends without an IEND chunk', { reason: 'missing-iend', offset });
    if (offset + 12 > bytes.length) {
      throw corrupt('The PNG is truncated inside a chunk header', { reason: 'truncated', offset });
    }
    const length = view.getUint32(offset);
    const typeBytes = bytes.subarray(offset + 4, offset + 8);
    if (!typeBytes.every(isAsciiLetter)) {
      throw corrupt('A PNG chunk type is not four ASCII letters', { reason: 'chunk-type', offset });
    }
    const type = String.fromCharCode(...typeBytes);
    if (length > MAX_CHUNK_LENGTH || length > bytes.length - offset - 12) {
      throw corrupt(`The ${type} chunk claims more bytes than the file has`, {
        reason: 'chunk-length',
        chunk: type,
        offset,
        length,
        available: Math.max(0, bytes.length - offset - 12),
      });
    }
    const end = offset + 8 + length;
    const stored = view.getUint32(end);
    if (crc32(bytes.subarray(offset + 4, end)) !== stored) {
      throw corrupt(`The ${type} chunk's CRC does not match its contents`, { reason: 'crc', chunk: type, offset });
    }
    if (index === 0 && (type !== 'IHDR' || length !== 13)) {
      throw corrupt('The first PNG chunk is not a valid IHDR', { reason: 'ihdr', chunk: type, offset });
    }
    if (type === 'IEND') return found;
    if ((type === 'iTXt' || type === 'tEXt' || type === 'zTXt') && found.length < 2) {
      const data = bytes.subarray(offset + 8, end);
      const keyword = credentialKeyword(data);
      if (keyword !== undefined) found.push({ type, keyword, offset, data });
    }
    offset = end + 4;
  }
}

function isAsciiLetter(b: number): boolean {
  return (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
}

/**
 * The chunk's keyword when it is one of ours (compared byte for byte, as the specs spell them),
 * else undefined. Only the first 80 bytes are looked at: a longer "keyword" is not a keyword.
 */
function credentialKeyword(data: Uint8Array): string | undefined {
  const head = data.subarray(0, MAX_KEYWORD_BYTES + 1);
  const nul = head.indexOf(0);
  const keyword = String.fromCharCode(...(nul < 0 ? head : head.subarray(0, nul)));
  return Object.hasOwn(KEYWORDS, keyword) ? keyword : undefined;
}

function readCredentialChunk(chunk: CredentialChunk): BakedCredential {
  const { type, keyword, offset, data } = chunk;
  const generation = KEYWORDS[keyword]!;
  const details = { container: 'png', chunk: type, keyword, offset };
  const location = `${type} ${keyword}`;
  let at = keyword.length;
  if (data[at] !== 0) {
    throw new ImageCorrupt(`The ${location} chunk has no NUL after its keyword`, {
      details: { ...details, reason: 'layout' },
    });
  }
  at += 1;

  let text: string;
  if (type === 'zTXt') {
    throw compressed(location, details);
  } else if (type === 'tEXt') {
    // The pre-1.0 legacy form: a hosted-assertion URL as Latin-1 text.
    text = latin1(data.subarray(at));
  } else {
    // iTXt: compression flag, compression method, language tag NUL, translated keyword NUL, text.
    const flag = data[at];
    if (flag === undefined || data[at + 1] === undefined || (flag !== 0 && flag !== 1)) {
      throw new ImageCorrupt(`The ${location} chunk has no valid compression flag`, {
        details: { ...details, reason: 'layout' },
      });
    }
    if (flag === 1) throw compressed(location, details);
    at += 2;
    for (const field of ['language tag', 'translated keyword']) {
      const nul = data.indexOf(0, at);
      if (nul < 0) {
        throw new ImageCorrupt(`The ${location} chunk's ${field} is not terminated`, {
          details: { ...details, reason: 'layout' },
        });
      }
      at = nul + 1;
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(data.subarray(at));
    } catch (cause) {
      throw new ImageCorrupt(`The ${location} chunk's text is not valid UTF-8`, {
        cause,
        details: { ...details, reason: 'utf-8' },
      });
    }
  }
  const payload = text.trim();
  if (payload === '') {
    throw new ImageCorrupt(`The ${location} chunk is empty`, { details: { ...details, reason: 'empty' } });
  }
  return { container: 'png', generation, payload, location };
}

/**
 * Both specs say compression MUST NOT be used, so a compressed credential is refused rather than
 * inflated: no real baker emits one, and refusing keeps a DEFLATE bomb and the inflater off this
 * path entirely. A badge that breaks the rule fails loudly instead of being half-supported.
 */
function compressed(location: string, details: Record<string, unknown>) {
  return new UnsupportedFormat(`The ${location} chunk is compressed, which the baking spec forbids`, {
    details: { ...details, reason: 'compressed' },
  });
}

/** ISO-8859-1, byte = code point (TextDecoder's 'latin1' label means windows-1252, which differs). */
function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}
