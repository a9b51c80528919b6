import type { FetchRecord } from '../../core/verify.js';
import { safeLinkUrl } from '../../render/safe-url.js';
import { VERSION } from '../../version.js';

/**
 * "Embed this badge": the HTML an earner pastes into their own page, made from what they gave the
 * inspector. Everything here is text: the snippet is shown with a text binding and copied as a
 * string, never parsed into this page. What it carries is the earner's (or an attacker's)
 * credential, so every value is escaped for where it goes: attribute values as attributes, and a
 * credential inside `<script>` so that nothing in it can end that script or start a comment there.
 */

/** The script-tag bundle, as the README tells people to load it: pinned to this version, so a page keeps working across majors. */
export const DEFAULT_SCRIPT_SRC = `https://unpkg.com/openbadge-embed@${VERSION}/dist/cdn/openbadge-embed.js`;

/** What `<ob-badge>` is given: the credential inside a `<script>` child, or the address it loads it from. */
export type EmbedContent =
  | {
      readonly kind: 'inline';
      readonly type: 'application/jwt' | 'application/json';
      /** Safe to put between `<script …>` and `</script>` as it is (see `scriptSafeJson`). */
      readonly text: string;
    }
  | { readonly kind: 'src'; readonly url: string };

/** A compact JWS: three base64url segments (the signature may be empty; the verifier refuses that). */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * JSON text that can sit inside an HTML `<script>` element: every `<` becomes `\u003c`. Inside a
 * script element the HTML parser only looks for `</script` (and `<!--`, which can hide a later
 * `</script>`); in valid JSON a `<` can only stand inside a string, where `\u003c` is the same
 * character once parsed. So the credential reads back unchanged and can neither close the script
 * nor open a comment. (Stricter than escaping `</` as `<\/`, which leaves `<!--`.)
 */
export function scriptSafeJson(json: string): string {
  return json.replace(/</g, '\\u003c');
}

/** A value for a double-quoted HTML attribute. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * How a credential's text (a file's content, a baked image's payload, pasted text) can be
 * embedded: a compact JWS or a JSON object inline, or the http(s) address a hosted badge lives at
 * (baked Open Badges 2.0 images may carry only that). `undefined` when it is none of these.
 */
export function contentOf(text: string): EmbedContent | { readonly kind: 'address'; readonly url: string } | undefined {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (/^https?:\/\//i.test(trimmed)) {
    const url = safeLinkUrl(trimmed);
    return url ? { kind: 'address', url } : undefined;
  }
  if (COMPACT_JWS.test(trimmed)) return { kind: 'inline', type: 'application/jwt', text: trimmed };
  if (!trimmed.startsWith('{')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  return { kind: 'inline', type: 'application/json', text: scriptSafeJson(trimmed) };
}

/**
 * Whether the network log shows this browser itself read `url`: an answer from the network (or
 * this page's cache of an earlier network answer), not through a proxy, not from a documents map.
 * Only then would `<ob-badge src="…">` work on another page for the same visitor.
 */
export function browserCouldFetch(log: readonly FetchRecord[], url: string): boolean {
  return log.some(
    (record) =>
      record.url === url &&
      record.ok &&
      (record.source === 'network' || record.source === 'cache') &&
      record.viaProxy === undefined,
  );
}

/** The snippet: the script tag, then the element with its content. */
export function embedSnippet(content: EmbedContent, scriptSrc: string = DEFAULT_SCRIPT_SRC): string {
  const script = `<script type="module" src="${escapeAttribute(scriptSrc)}"></script>`;
  if (content.kind === 'src') return `${script}\n<ob-badge src="${escapeAttribute(content.url)}"></ob-badge>\n`;
  const body =
    content.type === 'application/json'
      ? `  <script type="application/json">\n${content.text}\n  </script>`
      : `  <script type="application/jwt">${content.text}</script>`;
  return `${script}\n<ob-badge>\n${body}\n</ob-badge>\n`;
}

/**
 * The element the snippet describes, built with DOM calls rather than by parsing the snippet: an
 * `<ob-badge>` with the same `src`, or the same `<script>` child with the same text (which is what
 * the HTML parser makes of the snippet; `application/json` and `application/jwt` scripts are never
 * executed). Not yet verified: it verifies itself once connected, like the pasted snippet would.
 */
export function previewElement(document: Document, content: EmbedContent): HTMLElement {
  const badge = document.createElement('ob-badge');
  if (content.kind === 'src') {
    badge.setAttribute('src', content.url);
    return badge;
  }
  const script = document.createElement('script');
  script.type = content.type;
  script.textContent = content.type === 'application/json' ? `\n${content.text}\n  ` : content.text;
  badge.append(script);
  return badge;
}
