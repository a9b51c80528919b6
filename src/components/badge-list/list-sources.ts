/**
 * What `<ob-badge-list>` reads its badges from: the JSON at `src` in the shapes it understands, and
 * each entry turned into what an `<ob-badge>` takes (a `src` URL or a `credential`). Pure functions
 * over untrusted JSON: nothing here throws on bad input, and nothing is fetched.
 */

/** One entry of the `credentials` property: a URL, a credential object, its text (JWT or JSON), or a file. */
export type ListInput = string | URL | Blob | Uint8Array | Readonly<Record<string, unknown>>;

/** What one generated `<ob-badge>` is given. */
export type BadgeInput =
  | { readonly src: string; readonly credential?: undefined }
  | { readonly src?: undefined; readonly credential: Readonly<Record<string, unknown>> | string | Blob };

/** The most entries (from `src` and `credentials` together) a list draws; the rest are counted and left out. */
export const MAX_LIST_ENTRIES = 1000;

/** How a `src` document was read, for the tests and for `listShape`. */
export type ListShape = 'array' | 'credentials' | 'collection' | 'groups';

export type ListRead =
  | {
      readonly ok: true;
      readonly shape: ListShape;
      /** The entries, at least the first `MAX_LIST_ENTRIES` of them. */
      readonly entries: readonly unknown[];
      /** How many the document names. */
      readonly total: number;
    }
  | { readonly ok: false; readonly code: 'ERR_OB_LIST_SHAPE' | 'ERR_OB_LIST_GROUPS_ONLY' };

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The entries of a list document:
 * - an array of entries;
 * - `{ "credentials": [...] }`;
 * - a backpack collection, `{ "badges": [...] }`: a Badgr / Canvas Credentials shared collection
 *   (`{ "type": "Collection", "badges": [<Open Badges 2.0 Assertion>, …] }`) or a Mozilla Backpack
 *   Displayer API group (`{ "groupId": …, "badges": [{ "hostedUrl", "assertion", … }] }`);
 * - `{ "groups": [{ "badges": [...] }, …] }`, every group's badges in order. A Displayer
 *   `groups.json`, whose groups give only a count of badges, is `ERR_OB_LIST_GROUPS_ONLY`.
 * Anything else (a single credential, an error body) is `ERR_OB_LIST_SHAPE`.
 */
export function readList(json: unknown): ListRead {
  if (Array.isArray(json)) return { ok: true, shape: 'array', entries: json, total: json.length };
  if (!isObject(json)) return { ok: false, code: 'ERR_OB_LIST_SHAPE' };
  for (const [key, shape] of [
    ['credentials', 'credentials'],
    ['badges', 'collection'],
  ] as const) {
    const entries = json[key];
    if (Array.isArray(entries)) return { ok: true, shape, entries, total: entries.length };
  }
  const groups = json['groups'];
  if (Array.isArray(groups)) {
    const withBadges = groups.filter((group) => isObject(group) && Array.isArray(group['badges']));
    if (withBadges.length === 0 && groups.length > 0) return { ok: false, code: 'ERR_OB_LIST_GROUPS_ONLY' };
    // Copies only what the list can draw: a hostile list cannot make this build a huge array.
    const entries: unknown[] = [];
    let total = 0;
    for (const group of withBadges) {
      const badges = group['badges'] as readonly unknown[];
      total += badges.length;
      for (const badge of badges) {
        if (entries.length >= MAX_LIST_ENTRIES) break;
        entries.push(badge);
      }
    }
    return { ok: true, shape: 'groups', entries, total };
  }
  return { ok: false, code: 'ERR_OB_LIST_SHAPE' };
}

/** A compact JWS (JWT): three base64url segments, the payload not empty. */
const COMPACT_JWS = /^[\w-]+\.[\w-]+\.[\w-]*$/;

function fromUrl(text: string, base: string | undefined): BadgeInput | undefined {
  try {
    const url = new URL(text, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? { src: url.href } : undefined;
  } catch {
    return undefined;
  }
}

function fromString(value: string, base: string | undefined): BadgeInput | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  if (COMPACT_JWS.test(text)) return { credential: text };
  if (text.startsWith('{')) return { credential: text };
  return fromUrl(text, base);
}

/**
 * What one entry becomes: a URL (absolute, or relative to `base`: the list's own address, else
 * the page's) is the badge's `src`; a JWT, JSON text, a credential object or a file is its
 * `credential`. A backpack wrapper gives its hosted URL (the hosted copy is the truth, as the
 * Open Badges 2.0 verifier would fetch it anyway), else its assertion. `undefined` for anything
 * that is not a badge (numbers, `null`, arrays, `javascript:` URLs…).
 */
export function toBadgeInput(entry: unknown, base: string | undefined): BadgeInput | undefined {
  if (typeof entry === 'string') return fromString(entry, base);
  if (entry instanceof URL) return fromUrl(entry.href, undefined);
  if (entry instanceof Blob) return { credential: entry };
  if (entry instanceof Uint8Array) return { credential: new Blob([entry as Uint8Array<ArrayBuffer>]) };
  if (!isObject(entry)) return undefined;
  // A credential names its type or context; a wrapper (Displayer API badge, `{ url }`) does not.
  if (!('type' in entry) && !('@context' in entry)) {
    const hosted = entry['hostedUrl'] ?? entry['url'];
    if (typeof hosted === 'string') {
      const input = fromUrl(hosted, base);
      if (input) return input;
    }
    const assertion = entry['assertion'];
    if (typeof assertion === 'string') return fromString(assertion, base);
    if (isObject(assertion)) return { credential: assertion };
    if (hosted !== undefined || assertion !== undefined) return undefined;
  }
  return { credential: entry };
}
