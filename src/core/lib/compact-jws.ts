import { base64url } from 'jose';

/**
 * The payload of a compact JWS, decoded once per exact text. Format detection runs several
 * detectors over the same token (OB 2.0 signed, presentation) and then the chosen format parses
 * it; each used to base64url-decode and parse a payload that may carry data-URL images (tens of
 * kilobytes). This memo holds only what decoding gives, keyed by the exact token text, never a
 * verdict: the signature is checked on every run, over the token itself.
 *
 * Bounded: the last few tokens (detection and parsing of one token follow each other closely).
 */
interface Decoded {
  /** The payload as text, or the reason it could not be decoded. */
  readonly text: { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: unknown };
  /** The payload parsed once for detectors (read-only, never handed out); `UNREAD` until asked. */
  json: unknown;
}

const UNREAD = Symbol('unread');
const MEMO_SIZE = 4;
const memo = new Map<string, Decoded>();
const decoder = new TextDecoder('utf-8', { fatal: true });

function decodedOf(jws: string): Decoded {
  let entry = memo.get(jws);
  if (entry) return entry;
  let text: Decoded['text'];
  try {
    text = { ok: true, value: decoder.decode(base64url.decode(jws.slice(jws.indexOf('.') + 1, jws.lastIndexOf('.')))) };
  } catch (error) {
    text = { ok: false, error };
  }
  entry = { text, json: UNREAD };
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  memo.set(jws, entry);
  return entry;
}

/**
 * The payload text of a compact JWS (the second of its three segments, base64url-decoded as
 * UTF-8). Throws what decoding threw. Call only with text that `looksLikeCompactJws`.
 */
export function jwsPayloadText(jws: string): string {
  const { text } = decodedOf(jws);
  if (!text.ok) throw text.error;
  return text.value;
}

/**
 * The payload of a compact JWS as JSON, or `undefined` when it is not base64url-encoded JSON.
 * Shared between callers: for detection only. Never modify it, keep it or return it in a result;
 * a parser parses `jwsPayloadText` itself.
 */
export function peekJwsPayload(jws: string): unknown {
  const entry = decodedOf(jws);
  if (entry.json === UNREAD) {
    try {
      entry.json = entry.text.ok ? (JSON.parse(entry.text.value) as unknown) : undefined;
    } catch {
      entry.json = undefined;
    }
  }
  return entry.json;
}
