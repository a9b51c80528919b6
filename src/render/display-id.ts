/**
 * Identifiers (issuer ids, key ids, URLs) as shown to people. What a visitor reads as "issued by"
 * must be the identity the verifier checked, so:
 *
 * - `http(s)` URLs are shown as the URL parser serializes them: hosts in ASCII (punycode), so
 *   `vіctim.example` spelled with a Cyrillic "і" cannot pass for `victim.example`;
 * - the authority (scheme and host of a URL, the domain of a `did:web`) is never cut: a shortened
 *   `https://victim.example.attacker.tld/` must not read "https://victim.example…";
 * - `did:key` and `did:jwk` are shortened in the middle by default: their identity is the key
 *   itself, which nobody compares by eye beyond its ends;
 * - invisible, control and direction-changing characters are shown as `\u{…}` escapes, so they can
 *   neither hide text nor reorder it.
 */

/** How long a `did:key` / `did:jwk` is shown when no other length is asked for. */
export const KEY_DID_DISPLAY_LENGTH = 40;

// C0/C1 controls, soft hyphen, combining grapheme joiner, Arabic letter mark, Hangul fillers,
// Mongolian vowel separator, zero-width and direction marks, line/paragraph separators,
// embeddings/overrides/isolates, word joiner and invisible operators, variation selectors, BOM,
// interlinear annotation and object replacement characters.
const INVISIBLE =
  // Listed one by one on purpose, joiners and selectors included: each is matched on its own.
  // eslint-disable-next-line no-control-regex, no-misleading-character-class
  /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffc]/gu;

const WEB_URL = /^https?:\/\//i;
const DID_WEB = 'did:web:';
const KEY_DID = /^did:(?:key|jwk):/;

/**
 * `id` as it should be shown, at most `maxLength` characters (shortened in the middle, marked
 * with "…"), or `undefined` when even its authority does not fit: a reader is better served by a
 * sentence without the identifier than by one with its host cut. Without `maxLength`, only
 * `did:key` / `did:jwk` are shortened (to `KEY_DID_DISPLAY_LENGTH`).
 */
export function displayId(id: string, maxLength?: number): string | undefined {
  const [head, rest] = split(id).map(visible) as [string, string];
  const max = maxLength ?? (KEY_DID.test(id) ? KEY_DID_DISPLAY_LENGTH : Infinity);
  // Counted and cut by code point, so an astral character is never cut in half. (`head` is ASCII.)
  const chars = Array.from(rest);
  if (head.length + chars.length <= max) return head + rest;
  const room = max - head.length - 1;
  if (room < 0) return undefined;
  const start = Math.ceil(room / 2);
  return `${head}${chars.slice(0, start).join('')}…${chars.slice(chars.length - (room - start)).join('')}`;
}

/** The part that must stay whole (the authority) and the rest, both normalized for display. */
function split(id: string): [head: string, rest: string] {
  if (WEB_URL.test(id)) {
    try {
      const url = new URL(id);
      // Special schemes always serialize a path, so the authority ends at the first "/" after "//"
      // (a "/" inside userinfo is percent-encoded).
      const end = url.href.indexOf('/', url.protocol.length + 2);
      return [url.href.slice(0, end), url.href.slice(end)];
    } catch {
      // Not a URL a browser would fetch, but it still must not show a look-alike host.
      return ['', escapeNonAscii(id)];
    }
  }
  if (id.startsWith(DID_WEB)) {
    const end = id.indexOf(':', DID_WEB.length);
    const domain = end === -1 ? id.slice(DID_WEB.length) : id.slice(DID_WEB.length, end);
    const rest = end === -1 ? '' : id.slice(end);
    return [DID_WEB + asciiDomain(domain), rest];
  }
  if (KEY_DID.test(id)) return [id.slice(0, 8), id.slice(8)];
  return ['', id];
}

/** A did:web domain (`host` or `host%3Aport`) with its host in punycode, as a resolver looks it up. */
function asciiDomain(domain: string): string {
  if (!/[\u0080-\u{10ffff}]/u.test(domain)) return domain;
  const [host = '', ...port] = domain.split(/%3a/i);
  try {
    return escapeNonAscii([new URL(`https://${host}/`).hostname, ...port].join('%3A'));
  } catch {
    return escapeNonAscii(domain);
  }
}

function codePointEscape(char: string): string {
  return `\\u{${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}}`;
}

function escapeNonAscii(text: string): string {
  return text.replace(/[\u0080-\u{10ffff}]/gu, codePointEscape);
}

function visible(text: string): string {
  return text.replace(INVISIBLE, codePointEscape);
}
