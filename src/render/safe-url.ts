/**
 * URL filters for untrusted badge data. Every URL that reaches an `href` or `src` attribute goes
 * through one of these. They reject rather than repair: a URL that needs cleaning is not used.
 *
 * Why reject whitespace and control characters instead of letting `new URL` strip them: the string
 * we check must be exactly the string we emit, and "java\tscript:" style tricks only exist to make
 * a checker and a browser disagree. A well-formed badge never needs them.
 */

const MAX_LINK_LENGTH = 8192;
const MAX_IMAGE_LENGTH = 5 * 1024 * 1024;

// C0 controls, space, DEL, C1 controls, and the Unicode spaces/separators that URL parsers or
// humans may treat specially (NBSP, line/paragraph separators, BOM, bidi controls, …).
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/u;

/** Raster image types only: an SVG can carry script, so `data:image/svg+xml` is refused. */
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|avif)(?:;[a-z0-9!#$&^_.+-]+(?:=[a-z0-9!#$&^_.+-]+)?)*,/i;

function parseAbsolute(url: unknown, maxLength: number): { raw: string; parsed: URL } | undefined {
  if (typeof url !== 'string' || url.length === 0 || url.length > maxLength) return undefined;
  if (UNSAFE_CHARS.test(url)) return undefined;
  let parsed: URL;
  try {
    // No base: relative URLs do not parse and are rejected.
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return { raw: url, parsed };
}

/**
 * `//` must be in the text itself, not only in the parsed URL. We parse without a base, but the
 * browser resolves `href`/`src` against the page, and when the scheme is the page's own the two
 * disagree: `http:/x` and `https:x` parse here with host `x`, yet on an `http(s):` page they are
 * paths on the page's own origin (an image becomes a same-origin GET with the visitor's cookies).
 * Backslash spellings (`https:\\host`) are refused too: harmless, but never needed.
 */
const WEB_PREFIX = /^https?:\/\//i;

function isWebUrl(raw: string, parsed: URL): boolean {
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  if (!WEB_PREFIX.test(raw)) return false;
  // `https://bank.example@evil.example/` reads as bank.example to a human: refuse credentials.
  if (parsed.username !== '' || parsed.password !== '') return false;
  return parsed.hostname !== '';
}

/**
 * The URL, unchanged, if it is an absolute `https://` or `http://` URL that is safe to put in an
 * `href`; otherwise `undefined`.
 */
export function safeLinkUrl(url: unknown): string | undefined {
  const result = parseAbsolute(url, MAX_LINK_LENGTH);
  return result && isWebUrl(result.raw, result.parsed) ? result.raw : undefined;
}

/**
 * The URL, unchanged, if it is an absolute `https://`/`http://` URL or a `data:` URL of a raster
 * image type (png, jpeg, gif, webp, avif); otherwise `undefined`.
 */
export function safeImageUrl(url: unknown): string | undefined {
  const result = parseAbsolute(url, MAX_IMAGE_LENGTH);
  if (!result) return undefined;
  if (result.parsed.protocol === 'data:') return DATA_IMAGE.test(result.raw) ? result.raw : undefined;
  return isWebUrl(result.raw, result.parsed) ? result.raw : undefined;
}
