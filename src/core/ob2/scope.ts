import { OutsideIssuerScope } from '../errors-ob2.js';
import { arrayOf, isObject, type JsonObject } from '../lib/json.js';
import { isSameHost, webUrlOf } from '../lib/url.js';
import type { StepOutcome } from '../plugin.js';
import { isHttpUrl } from './documents.js';

/**
 * OB 2.0 hosted verification: "The Assertion id must be within the permitted scope for hosted
 * verification declared in issuer Profile" — its `verification.startsWith` prefixes, its
 * `allowedOrigins` host names (both, when it declares both), else (no policy) the host of the
 * issuer Profile's own `id`.
 *
 * Every comparison is between parsed URLs (WHATWG: lower-cased, IDNA to punycode, percent-escapes
 * in hosts decoded, IPv4 forms read, default ports dropped, `.`/`..` segments resolved), never
 * between raw strings, so `https://school.example.evil.test/…` is not within
 * `https://school.example`, and `https://school.example@evil.test/…` is a URL of evil.test.
 *
 * - A URL with userinfo (`user@`, `user:pass@`) is never in scope, wherever it appears: the
 *   assertion's id, the URL it was fetched from, the URL a redirect ended at, a prefix, an entry.
 * - `startsWith`: the scheme, host name and port must equal the prefix's; then the path must start
 *   with the prefix's path. The specification's test is a string prefix; read on raw strings it
 *   lets `https://school.example` cover `https://school.example.evil.test`, so the origin is
 *   compared exactly and only the path is a prefix. A prefix path that ends in a letter or digit
 *   (`/badges`) names a whole segment: it covers `/badges` and `/badges/…`, not `/badges-evil/…`;
 *   one that ends in `/` or in punctuation (`/issuer-`, `/a_`) is a prefix of names, as written.
 *   Under a path prefix, a path with an encoded slash or backslash (`%2F`, `%5C`) is refused (a
 *   server may decode it into another directory). Percent-escapes of unreserved characters are
 *   decoded on both sides first (`/b%61dges` is `/badges`). A prefix with a query
 *   (`…/assertion?id=`) covers only that path, with a query starting the same way.
 * - `allowedOrigins`: host names (RFC 3986 reg-name, optionally `:port`), or full origins. The host
 *   name must be equal after normalisation, and the port (a name without one means the scheme's
 *   default; http and https both allowed) — never a suffix match.
 * - No policy: the same host name and port as the issuer Profile's id (its scheme may differ).
 */

export type HostedScope = 'startsWith' | 'allowedOrigins' | 'issuer-origin' | 'unenforceable';

/** The hosting policy an issuer Profile declares (only the Profile read from its own address counts). */
export interface HostingPolicy {
  readonly startsWith: readonly string[];
  readonly allowedOrigins: readonly string[];
  /** The issuer's own address, for the default; undefined when it has none (a `urn:uuid:` issuer). */
  readonly origin: string | undefined;
}

function stringsOf(value: unknown): string[] {
  return arrayOf(value).filter((item): item is string => typeof item === 'string' && item.length > 0);
}

/** RFC 3986 §6.2.2.2: `%XX` of an unreserved character is that character; other escapes in upper case. */
function normalizedPath(url: URL): string | undefined {
  const path = url.pathname.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return /^[A-Za-z0-9\-._~]$/.test(char) ? char : `%${hex.toUpperCase()}`;
  });
  // The parser resolves dot segments; one that decoding made (`%2E` where a parser missed it) is refused.
  return path.split('/').some((segment) => segment === '.' || segment === '..') ? undefined : path;
}

/** Whether `url` is within one `startsWith` prefix (see the module comment). */
export function isWithinPrefix(url: URL, prefixText: string): boolean {
  const prefix = webUrlOf(prefixText);
  if (!prefix || prefix.hash !== '') return false;
  if (prefix.protocol !== url.protocol || !isSameHost(prefix, url)) return false;
  const path = normalizedPath(url);
  const base = normalizedPath(prefix);
  if (path === undefined || base === undefined) return false;
  if (prefix.search !== '') return path === base && url.search.startsWith(prefix.search);
  if (base !== '/' && /%2F|%5C/i.test(path)) return false;
  if (!path.startsWith(base)) return false;
  return !/[A-Za-z0-9]$/.test(base) || path.length === base.length || path[base.length] === '/';
}

/** Whether `url` is on an `allowedOrigins` entry: a host name (`school.example`, `school.example:8443`) or an origin. */
export function isOnAllowedOrigin(url: URL, entry: string): boolean {
  if (entry.includes('://')) {
    const origin = webUrlOf(entry);
    if (!origin || origin.pathname !== '/' || origin.search !== '' || origin.hash !== '') return false;
    return origin.protocol === url.protocol && isSameHost(origin, url);
  }
  // A bare host name: anything that would make it a path, query, fragment or userinfo is not one.
  if (entry.trim() !== entry || /[/?#@\\]/.test(entry)) return false;
  const host = webUrlOf(`${url.protocol}//${entry}`);
  return host !== undefined && isSameHost(host, url);
}

/**
 * The hosting decision for one URL: whether a document served at `value` may be the issuer's
 * hosted assertion under `policy`. `undefined` policy origin with no prefix or entry means
 * nothing can be enforced: every web URL without userinfo is accepted (and reported so).
 */
export function isInHostedScope(value: string, policy: HostingPolicy): boolean {
  const url = webUrlOf(value);
  if (!url) return false;
  const { startsWith, allowedOrigins, origin } = policy;
  if (startsWith.length > 0 && !startsWith.some((prefix) => isWithinPrefix(url, prefix))) return false;
  if (allowedOrigins.length > 0 && !allowedOrigins.some((entry) => isOnAllowedOrigin(url, entry))) return false;
  if (startsWith.length > 0 || allowedOrigins.length > 0 || origin === undefined) return true;
  const issuer = webUrlOf(origin);
  return issuer !== undefined && isSameHost(url, issuer);
}

/** The policy an issuer Profile declares, with the address its default falls back to. */
export function hostingPolicyOf(profile: JsonObject, profileId: string, profileUrl?: string): HostingPolicy {
  // A Profile whose id is not a web address (`urn:uuid:`) was still read from somewhere: that
  // address's host is its origin.
  const origin = isHttpUrl(profileId) ? profileId : isHttpUrl(profileUrl) ? profileUrl : undefined;
  const verification = isObject(profile['verification']) ? profile['verification'] : {};
  return {
    startsWith: stringsOf(verification['startsWith']),
    allowedOrigins: stringsOf(verification['allowedOrigins']),
    origin,
  };
}

/** The URLs a hosted assertion was named and served by; each one must be in scope. */
export interface HostedUrls {
  /** The hosted copy's `id` (when it is a web address). */
  readonly id: string;
  /** The URL it was fetched from. */
  readonly fetchedFrom?: string | undefined;
  /** The URL that finally answered, after redirects. */
  readonly finalUrl?: string | undefined;
}

/**
 * Checks the assertion's `id`, the URL it was fetched from, and the URL that finally answered for
 * it when a redirect moved it: an open redirect on the issuer's site must not let another host
 * serve "its" assertion.
 */
export function checkHostedScope(
  urls: HostedUrls,
  profile: JsonObject,
  profileId: string,
  profileUrl?: string,
): StepOutcome {
  const policy = hostingPolicyOf(profile, profileId, profileUrl);
  const { startsWith, allowedOrigins, origin } = policy;
  const assertionId = urls.id;
  const scope: HostedScope =
    startsWith.length > 0
      ? 'startsWith'
      : allowedOrigins.length > 0
        ? 'allowedOrigins'
        : origin !== undefined
          ? 'issuer-origin'
          : 'unenforceable';
  const details = {
    issuer: profileId,
    id: assertionId,
    scope,
    ...(startsWith.length > 0 ? { startsWith } : {}),
    ...(allowedOrigins.length > 0 ? { allowedOrigins } : {}),
    ...(urls.finalUrl && urls.finalUrl !== assertionId ? { finalUrl: urls.finalUrl } : {}),
    ...(origin !== profileId && origin ? { profileUrl: origin } : {}),
  };
  const checked = [
    ...(isHttpUrl(assertionId) ? [assertionId] : []),
    ...(urls.fetchedFrom !== undefined ? [urls.fetchedFrom] : []),
    ...(urls.finalUrl !== undefined ? [urls.finalUrl] : []),
  ];
  const outside = checked.length === 0 ? assertionId : checked.find((url) => !isInHostedScope(url, policy));
  if (outside !== undefined) {
    const served = outside !== assertionId;
    throw new OutsideIssuerScope(
      served
        ? `The assertion ${assertionId} was served from ${outside}, outside where ${profileId} hosts its badges`
        : `The assertion ${assertionId} is outside where ${profileId} hosts its badges`,
      { details: served ? { ...details, servedFrom: outside } : details },
    );
  }
  if (scope === 'unenforceable') {
    // An embedded `urn:uuid:` issuer has no origin to compare with: nothing to enforce, and the report says so.
    return {
      status: 'passed',
      message: `The issuer's id (${profileId}) is not a web address, so where its badges may be hosted cannot be checked`,
      details,
    };
  }
  return { status: 'passed', message: `Hosted where ${profileId} hosts its badges`, details };
}
