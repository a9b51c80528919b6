import {
  Aborted,
  BadgeError,
  FetchContentType,
  FetchCorsBlocked,
  FetchFailed,
  FetchRefused,
  FetchTimeout,
  TooLarge,
  MalformedInput,
} from './errors.js';

/**
 * What a caller will accept back. Every load names one, so a JSON endpoint that starts
 * serving HTML (a login page, an error page) fails loudly instead of being parsed.
 */
export type MediaKind = 'json' | 'jwt' | 'badge';

export interface LoadedDocument {
  /** The URL asked for. */
  readonly url: string;
  /** The URL that answered, after redirects: what an origin check (e.g. OB 2.0 `allowedOrigins`) must look at. */
  readonly finalUrl: string;
  /** Lower-cased media type without parameters, e.g. `application/ld+json`. */
  readonly contentType: string;
  readonly bytes: Uint8Array;
  /** When the loader read it (ms since the epoch, by the loader's `clock`). Absent on bytes handed in as input. */
  readonly fetchedAt?: number | undefined;
  /**
   * How long the response's HTTP caching headers let it be reused (ms): `Cache-Control: max-age`
   * less `Age`, else `Expires` less `Date`; 0 for `no-cache`/`no-store`; absent when they say nothing.
   */
  readonly freshForMs?: number | undefined;
  /** The HTTP status it was served with (200, or 410 when `readGone` asked for a Gone body). */
  readonly status?: number | undefined;
  /** The origin of the proxy that fetched it, when one did (`LoaderOptions.proxy`). */
  readonly viaProxy?: string | undefined;
  /** Answered by the `documents` map, not the network. */
  readonly given?: boolean | undefined;
}

export interface LoadOptions {
  readonly accept: MediaKind;
  readonly signal?: AbortSignal | undefined;
  /**
   * Where a redirect may lead. `same-origin` (the default) is for anything whose origin confers
   * trust: a key, DID document, issuer profile or status list is the issuer's only because of the
   * address it came from, so an open redirect on the issuer's site must not let another origin answer
   * for it (http → https on the same host is allowed). `any` is for the badge itself, whose content is
   * judged by its proof, not its address.
   */
  readonly redirects?: 'same-origin' | 'any' | undefined;
  /**
   * How long a cached copy may be reused (ms), for documents that change: a status list passes its
   * `ttl` (default 5 minutes). A copy is reused only while it is younger than this and than its HTTP
   * freshness (`freshForMs`, never less than MIN_REUSE_MS so one page's burst still fetches once);
   * else it is fetched again, once, for every waiter. Without it a successful load is reused for
   * the page's lifetime (keys and DID documents), whatever the headers say.
   */
  readonly maxAgeMs?: number | undefined;
  /**
   * Return a `410 Gone` answer as a document (`status: 410`, its body if any) instead of failing:
   * an Open Badges 2.0 host says "revoked" that way.
   */
  readonly readGone?: boolean | undefined;
}

/** How the core reads anything from outside: badges, DID documents, key sets, status lists. */
export type DocumentLoader = (url: string, options: LoadOptions) => Promise<LoadedDocument>;

/** A document answered in hand: parsed JSON, text (a JWT, JSON text), or raw bytes. */
export type DocumentSource = string | Uint8Array | Readonly<Record<string, unknown>> | readonly unknown[];

export interface LoaderOptions {
  /** The fetch to use; defaults to the global one. Tests pass a fake. */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** URL (or DID) → document, answered without the network. */
  readonly documents?: ReadonlyMap<string, DocumentSource> | Readonly<Record<string, DocumentSource>> | undefined;
  /** Refuse every URL that `documents` does not answer, as if it were a 404. */
  readonly offline?: boolean | undefined;
  /** Per request. Default 10 s. */
  readonly timeoutMs?: number | undefined;
  /** Per response. Default 2 MiB: large enough for a baked PNG or a 16 KB status list, small enough to be harmless. */
  readonly maxBytes?: number | undefined;
  /**
   * Promise cache shared across loads; defaults to one per page (per loader when `fetch` is given),
   * so ten badges from one issuer fetch its keys once.
   */
  readonly cache?: DocumentCache | undefined;
  /** The clock cache ages are measured with (ms since the epoch). Default `Date.now`; tests pass a fake. */
  readonly clock?: (() => number) | undefined;
  /**
   * A CORS proxy for servers that do not let browsers read them: a URL template in which `{url}`
   * is replaced by the percent-encoded address wanted, e.g. `https://proxy.example/fetch?url={url}`.
   * Every document it answers is marked `viaProxy`, and every check that relied on one says so:
   * the proxy's owner could alter what it passes on.
   */
  readonly proxy?: string | undefined;
}

export interface DocumentCache {
  get(key: string): Promise<LoadedDocument> | undefined;
  set(key: string, value: Promise<LoadedDocument>): void;
  delete(key: string): void;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
/**
 * The shortest reuse HTTP headers can impose on a load that passes `maxAgeMs`: a page verifying
 * fifty badges that share a `Cache-Control: no-cache` status list still fetches it once, not fifty
 * times, and nothing a list says changes meaningfully within ten seconds.
 */
export const MIN_REUSE_MS = 10_000;
/** How long a 404 or 410 answer is reused before the URL is asked again. */
export const NOT_FOUND_REUSE_MS = 60_000;

// Lists without spaces after commas: every byte of this chunk is on a badge's first load.
const ACCEPT_HEADER: Record<MediaKind, string> = {
  json: 'application/ld+json,application/json;q=0.9,application/did+json;q=0.9',
  jwt: 'application/vc+jwt,application/jwt;q=0.9,text/plain;q=0.5',
  badge:
    'application/vc+jwt,application/vc,application/ld+json,application/json;q=0.9,application/jwt;q=0.9,image/png;q=0.8,image/svg+xml;q=0.8,text/plain;q=0.5',
};

/** Baked badges: images that carry their credential. */
function isBakedImageType(type: string): boolean {
  return type === 'image/png' || type === 'image/svg+xml';
}

/** JSON, any `+json` type, and VCDM 2.0's own `application/vc` and `application/vp` (JSON-LD credentials). */
export function isJsonType(type: string): boolean {
  return (
    type === 'application/json' ||
    type === 'application/vc' ||
    type === 'application/vp' ||
    (type.startsWith('application/') && type.endsWith('+json'))
  );
}

function isJwtType(type: string): boolean {
  return (
    type === 'application/jwt' || (type.startsWith('application/') && type.endsWith('+jwt')) || type === 'text/plain'
  );
}

/** Whether a response's media type may carry what the caller asked for. */
export function isAcceptable(contentType: string, accept: MediaKind): boolean {
  switch (accept) {
    case 'json':
      return isJsonType(contentType);
    case 'jwt':
      return isJwtType(contentType);
    case 'badge':
      return isJsonType(contentType) || isJwtType(contentType) || isBakedImageType(contentType);
  }
}

function mediaTypeOf(header: string | null): string {
  return (header ?? '').split(';', 1)[0]!.trim().toLowerCase();
}

/** A bounded Map that forgets its oldest entries, so a long-lived page cannot grow it forever. */
export function createDocumentCache(maxEntries = 512): DocumentCache {
  const entries = new Map<string, Promise<LoadedDocument>>();
  return {
    // Reading an entry makes it the most recent: an issuer's keys used by every badge on a wall stay
    // cached while the badges' own documents, each read once, age out.
    get(key) {
      const value = entries.get(key);
      if (value !== undefined) {
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
    delete: (key) => void entries.delete(key),
  };
}

const pageCache = createDocumentCache();

const encoder = new TextEncoder();

function fromSource(url: string, source: DocumentSource, fetchedAt: number): LoadedDocument {
  if (source instanceof Uint8Array) {
    return { url, finalUrl: url, contentType: sniffContentType(source), bytes: source, fetchedAt, given: true };
  }
  if (typeof source === 'string') {
    const bytes = encoder.encode(source);
    return { url, finalUrl: url, contentType: sniffContentType(bytes), bytes, fetchedAt, given: true };
  }
  const bytes = encoder.encode(JSON.stringify(source));
  return { url, finalUrl: url, contentType: 'application/json', bytes, fetchedAt, given: true };
}

/** A non-negative whole number of seconds from a header value, else undefined. */
function secondsOf(text: string | null | undefined): number | undefined {
  if (text === null || text === undefined || !/^\s*\d{1,10}\s*$/.test(text)) return undefined;
  return Number(text);
}

/**
 * The response's freshness lifetime as HTTP caching defines it (RFC 9111 §4.2.1), from what a
 * cross-origin response lets us read (`Age` and `Date` are often hidden: then 0 and `now`).
 */
export function httpFreshnessOf(headers: Headers, now: number): number | undefined {
  const directives = (headers.get('cache-control') ?? '')
    .toLowerCase()
    .split(',')
    .map((part) => part.trim());
  if (directives.some((d) => d === 'no-store' || d === 'no-cache' || d.startsWith('no-cache='))) return 0;
  const maxAge = directives.find((d) => d.startsWith('max-age='));
  if (maxAge !== undefined) {
    const seconds = secondsOf(maxAge.slice('max-age='.length).replace(/^"|"$/g, ''));
    // A max-age we cannot read means the response is stale (RFC 9111 §4.2.1).
    if (seconds === undefined) return 0;
    return Math.max(0, (seconds - (secondsOf(headers.get('age')) ?? 0)) * 1000);
  }
  const expires = headers.get('expires');
  if (expires !== null) {
    const at = Date.parse(expires);
    // An invalid Expires (such as "0") means "already expired".
    if (Number.isNaN(at)) return 0;
    const date = Date.parse(headers.get('date') ?? '');
    return Math.max(0, at - (Number.isNaN(date) ? now : date));
  }
  return undefined;
}

/** Whether a redirect from `requested` to `final` stays with the same owner: same host and port, never https → http. */
function isSameOriginRedirect(requested: URL, final: URL): boolean {
  if (final.host !== requested.host) return false;
  if (final.protocol === requested.protocol) return true;
  return requested.protocol === 'http:' && final.protocol === 'https:';
}

/**
 * Types static hosts give files they do not know: `python3 -m http.server` serves `.jwt` as
 * `application/octet-stream`, Vite's dev server sends none, many hosts send `text/plain`. A badge
 * served so is still read, by what its body is (`sniffContentType`), and judged by the format that
 * reads it; anything else keeps the strict check, because an issuer's key, profile or status list
 * is trusted for its address and its type.
 */
const GENERIC_TYPE = /^(|text\/plain|\w+\/octet-stream)$/;

/** Media type of documents given in hand, where no server says what they are. */
export function sniffContentType(bytes: Uint8Array): string {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  // The first character after white space (the decoder drops a byte order mark).
  const first = /^\s*(.)/.exec(new TextDecoder().decode(bytes.subarray(0, 1024)))?.[1];
  return first === '{' || first === '[' ? 'application/json' : first === '<' ? 'image/svg+xml' : 'text/plain';
}

interface ProxyTemplate {
  readonly template: string;
  readonly origin: string;
  urlFor(url: string): string;
}

/** Checks a proxy template once, when the loader is made: a typo must not silently send requests elsewhere. */
function proxyTemplateOf(template: string): ProxyTemplate {
  if (!template.includes('{url}')) throw new TypeError('A proxy template must contain {url}');
  let origin: string;
  try {
    const example = new URL(template.replace('{url}', 'x'));
    if (example.protocol !== 'https:' && example.protocol !== 'http:') throw new TypeError('not http(s)');
    origin = example.origin;
  } catch (cause) {
    throw new TypeError(`The proxy template is not an http(s) URL: ${template}`, { cause });
  }
  return { template, origin, urlFor: (url) => template.replace('{url}', encodeURIComponent(url)) };
}

/** Where CORS applies: a page or a worker. Node and other servers read any response. */
function isBrowserLike(): boolean {
  const scope = globalThis as { document?: unknown; importScripts?: unknown };
  return typeof scope.document === 'object' || typeof scope.importScripts === 'function';
}

function lookup(documents: LoaderOptions['documents'], url: string): DocumentSource | undefined {
  if (!documents) return undefined;
  if (documents instanceof Map) return documents.get(url);
  const record = documents as Readonly<Record<string, DocumentSource>>;
  return Object.prototype.hasOwnProperty.call(record, url) ? record[url] : undefined;
}

async function readCapped(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new TooLarge(undefined, { details: { url, maxBytes } });
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new TooLarge(undefined, { details: { url, maxBytes } });
    }
    chunks.push(value);
  }
  // The chunks joined (a Blob does the copying; stream chunks are never shared buffers).
  return new Uint8Array(await new Blob(chunks as Uint8Array<ArrayBuffer>[]).arrayBuffer());
}

function abortReason(signal: AbortSignal, url: string): BadgeError {
  return signal.reason instanceof BadgeError ? signal.reason : new Aborted(undefined, { details: { url } });
}

/** Resolves with `promise`, or rejects as soon as `signal` aborts; the shared work goes on for other waiters. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined, url: string): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortReason(signal, url));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal, url));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * The only way the core reaches the network. Every request: http(s) only, no cookies or
 * credentials, no referrer, a timeout, a size cap, a media-type check. Identical concurrent
 * requests share one promise; one caller aborting never cancels another's wait.
 */
export function createDocumentLoader(options: LoaderOptions = {}): DocumentLoader {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  // The page-wide cache only pools loaders that reach the network the same way; a loader with its
  // own fetch (a proxy, a test double) keeps its own cache unless it is handed one.
  const cache = options.cache ?? (options.fetch ? createDocumentCache() : pageCache);
  const clock = options.clock ?? Date.now;

  const proxy = options.proxy === undefined ? undefined : proxyTemplateOf(options.proxy);
  /** Keys whose cached answer is a 404/410, and until when that answer stands. */
  const notFoundUntil = new Map<string, number>();

  /**
   * A browser reports a CORS refusal exactly like a network failure. Asking again in `no-cors`
   * mode tells them apart: an answer (opaque, unreadable) means the server is up but does not let
   * pages read it. Only in browsers, where CORS exists; never through a proxy.
   */
  async function isCorsRefusal(doFetch: typeof globalThis.fetch, url: string): Promise<boolean> {
    if (proxy || !isBrowserLike()) return false;
    try {
      await doFetch(url, {
        method: 'GET',
        mode: 'no-cors',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        signal: AbortSignal.timeout(timeoutMs),
      });
      return true;
    } catch {
      return false;
    }
  }

  async function fetchOnce(
    url: string,
    accept: MediaKind,
    redirects: 'same-origin' | 'any',
    readGone: boolean,
  ): Promise<LoadedDocument> {
    const doFetch = options.fetch ?? globalThis.fetch;
    const timeout = AbortSignal.timeout(timeoutMs);
    const target = proxy ? proxy.urlFor(url) : url;
    let response: Response;
    try {
      response = await doFetch(target, {
        method: 'GET',
        headers: { accept: ACCEPT_HEADER[accept] },
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        redirect: 'follow',
        signal: timeout,
      });
    } catch (cause) {
      if (timeout.aborted) throw new FetchTimeout(undefined, { cause, details: { url, timeoutMs } });
      if (await isCorsRefusal(doFetch, url)) throw new FetchCorsBlocked(undefined, { cause, details: { url } });
      throw new FetchFailed(undefined, { cause, details: { url } });
    }
    const viaProxy = proxy?.origin;
    // `response.url` is empty for synthetic responses (a test's fake fetch): nothing was redirected.
    // Behind a proxy, redirects happen on its side: the proxy answers for `url`.
    const finalUrl = !proxy && response.redirected && response.url ? response.url : url;
    if (finalUrl !== url && !(redirects === 'any' || isSameOriginRedirect(new URL(url), new URL(finalUrl)))) {
      await response.body?.cancel().catch(() => {});
      throw new FetchRefused('Redirected to another origin', { details: { url, finalUrl } });
    }
    const gone = readGone && response.status === 410;
    if (!response.ok && !gone) {
      await response.body?.cancel().catch(() => {});
      throw new FetchFailed(`HTTP ${response.status}`, {
        details: { url, status: response.status, ...(viaProxy ? { viaProxy } : {}) },
      });
    }
    const servedType = mediaTypeOf(response.headers.get('content-type'));
    // A badge served with a generic type is read and judged by its body (within the same size cap).
    const sniff = accept === 'badge' && !gone && GENERIC_TYPE.test(servedType);
    // A Gone answer's body is optional and may be anything; only a body of the kind asked for is kept.
    const keepBody = sniff || isAcceptable(servedType, accept);
    if (!keepBody && !gone) {
      await response.body?.cancel().catch(() => {});
      throw new FetchContentType(undefined, { details: { url, contentType: servedType, expected: accept } });
    }
    try {
      const bytes = keepBody ? await readCapped(response, maxBytes, url) : new Uint8Array(0);
      if (!keepBody) await response.body?.cancel().catch(() => {});
      const contentType = sniff ? sniffContentType(bytes) : servedType;
      const fetchedAt = clock();
      const freshForMs = httpFreshnessOf(response.headers, fetchedAt);
      return {
        url,
        finalUrl,
        contentType,
        bytes,
        fetchedAt,
        status: response.status,
        ...(freshForMs !== undefined ? { freshForMs } : {}),
        ...(viaProxy ? { viaProxy } : {}),
      };
    } catch (cause) {
      if (cause instanceof BadgeError) throw cause;
      if (timeout.aborted) throw new FetchTimeout(undefined, { cause, details: { url, timeoutMs } });
      throw new FetchFailed(undefined, { cause, details: { url } });
    }
  }

  /** Whether a cached copy is too old for a load that allows `maxAgeMs`. */
  function isStale(document: LoadedDocument, maxAgeMs: number): boolean {
    if (document.fetchedAt === undefined) return true;
    const http = document.freshForMs === undefined ? Infinity : Math.max(document.freshForMs, MIN_REUSE_MS);
    return clock() - document.fetchedAt > Math.min(maxAgeMs, http);
  }

  /** Starts a fetch and caches its promise; a failure is not remembered: the next badge, or a retry, asks again. */
  function start(
    key: string,
    href: string,
    accept: MediaKind,
    redirects: 'same-origin' | 'any',
    readGone: boolean,
  ): Promise<LoadedDocument> {
    const fetching = fetchOnce(href, accept, redirects, readGone);
    cache.set(key, fetching);
    notFoundUntil.delete(key);
    fetching.catch((error: unknown) => {
      if (cache.get(key) !== fetching) return;
      // "Not there" (404, 410) is an answer: remembered briefly, so a wall of badges asking for the
      // same missing document (a site without a DID Configuration) asks once. Anything else
      // (a 5xx, a timeout, a dead network) is forgotten at once and asked again.
      const status = error instanceof BadgeError ? error.details?.['status'] : undefined;
      if (status === 404 || status === 410) notFoundUntil.set(key, clock() + NOT_FOUND_REUSE_MS);
      else cache.delete(key);
    });
    return fetching;
  }

  return async function load(url, { accept, signal, redirects = 'same-origin', maxAgeMs, readGone = false }) {
    if (signal?.aborted) throw abortReason(signal, url);
    const given = lookup(options.documents, url);
    if (given !== undefined) {
      const document = fromSource(url, given, clock());
      if (!isAcceptable(document.contentType, accept)) {
        throw new FetchContentType(undefined, {
          details: { url, contentType: document.contentType, expected: accept },
        });
      }
      return document;
    }
    if (options.offline) throw new FetchRefused('Offline: no local document for this URL', { details: { url } });
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch (cause) {
      throw new FetchRefused('Not a valid URL', { cause, details: { url } });
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw new FetchRefused('Only http and https URLs are fetched', { details: { url } });
    }
    // Everything that changes what a load may return is part of the key: a loader with a smaller
    // size cap must not be handed a larger document another loader accepted. `maxAgeMs` is not: it
    // is how old a copy this caller accepts, judged on the copy itself.
    const key = `${accept} ${redirects} ${readGone} ${maxBytes} ${proxy?.template ?? ''} ${parsed.href}`;
    const until = notFoundUntil.get(key);
    if (until !== undefined && clock() > until) {
      notFoundUntil.delete(key);
      cache.delete(key);
    }
    const pending = cache.get(key);
    if (!pending) return raceAbort(start(key, parsed.href, accept, redirects, readGone), signal, url);
    if (maxAgeMs === undefined) return raceAbort(pending, signal, url);
    // A copy still in flight is fresh by definition; a settled one is judged by its age.
    const document = await raceAbort(pending, signal, url);
    if (!isStale(document, maxAgeMs)) return document;
    // The first caller to find it stale replaces it, synchronously, so every other caller joins
    // that one new fetch instead of starting its own.
    const current = cache.get(key);
    if (!current || current === pending) {
      return raceAbort(start(key, parsed.href, accept, redirects, readGone), signal, url);
    }
    return raceAbort(current, signal, url);
  };
}

/**
 * "Could not ask", as opposed to "asked, and the answer was no": the one definition every check
 * uses to tell a document nobody could read (status unknown) from one that answered without what
 * was needed (not verified). Unreachable: a CORS refusal, a timeout, a network failure (no HTTP
 * status at all), a server error (5xx), and 408/429 (the server asked to be asked later). An answer
 * of any other kind (200 without the key, 404, 410, a wrong content type, too large) is an answer.
 * Aborts are neither: they are passed on. `cause` chains are followed a few links, so a key error
 * wrapping a timeout counts as the timeout.
 */
export function isUnreachable(error: unknown): error is BadgeError {
  let current: unknown = error;
  for (let hops = 0; hops < 4 && current instanceof BadgeError; hops++) {
    if (isUnreachableItself(current)) return true;
    current = current.cause;
  }
  return false;
}

function isUnreachableItself(error: BadgeError): boolean {
  switch (error.code) {
    case 'ERR_OB_FETCH_CORS':
    case 'ERR_OB_FETCH_TIMEOUT':
    case 'ERR_OB_KEY_UNREACHABLE':
      return true;
    case 'ERR_OB_FETCH_FAILED': {
      const status = error.details?.['status'];
      return typeof status !== 'number' || status >= 500 || status === 408 || status === 429;
    }
    default:
      return false;
  }
}

/** The fetch error that made `error` unreachable (itself or a cause), for its code and URL. */
export function unreachableCauseOf(error: unknown): BadgeError | undefined {
  let current: unknown = error;
  for (let hops = 0; hops < 4 && current instanceof BadgeError; hops++) {
    if (isUnreachableItself(current) && current.code !== 'ERR_OB_KEY_UNREACHABLE') return current;
    current = current.cause;
  }
  return undefined;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 text of a document; invalid UTF-8 is malformed input, not mojibake. */
export function textOf(document: LoadedDocument): string {
  try {
    return decoder.decode(document.bytes);
  } catch (cause) {
    throw new MalformedInput('The document is not valid UTF-8', { cause, details: { url: document.url } });
  }
}

/** Parsed JSON of a document, as `unknown`: callers must check its shape. */
export function jsonOf(document: LoadedDocument): unknown {
  const text = textOf(document);
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new MalformedInput('The document is not valid JSON', { cause, details: { url: document.url } });
  }
}

/** Loads a URL and parses it as a JSON object. */
export async function loadJsonObject(
  load: DocumentLoader,
  url: string,
  signal?: AbortSignal,
): Promise<Record<string, unknown>> {
  const value = jsonOf(await load(url, { accept: 'json', signal }));
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new MalformedInput('Expected a JSON object', { details: { url } });
  }
  return value as Record<string, unknown>;
}
