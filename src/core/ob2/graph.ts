import { BadgeError, SchemaInvalid } from '../errors.js';
import { jsonOf, type LoadedDocument } from '../fetcher.js';
import { isObject, stringOf, type JsonObject } from '../lib/json.js';
import { isSameHost, webUrlOf } from '../lib/url.js';
import type { VerifyContext } from '../plugin.js';
import { isHttpUrl, type Ob2NodeKind } from './documents.js';

/**
 * Following the links of an Open Badges 2.0 badge: Assertion → BadgeClass → issuer Profile →
 * CryptographicKey / RevocationList. Each link is an IRI to fetch or an embedded document.
 */

export interface Ob2Node {
  readonly node: JsonObject;
  /** The URL it was read from; absent when it was embedded in its parent. */
  readonly url?: string;
  /** The URL that answered, after redirects. */
  readonly finalUrl?: string;
  /** The HTTP status it was served with (410 for a revoked hosted assertion). */
  readonly httpStatus?: number;
  /**
   * Set when the document at `url` declared another `id` on the same host, or an id that is not a
   * web address: accepted as that host's document, and reported rather than silently trusted.
   */
  readonly declaredId?: string;
  /** The proxy that fetched it, when one did: checks that later rely on it must say so. */
  readonly viaProxy?: string;
  /** Answered by the `documents` map (a local file), not by the server at `url`. */
  readonly given?: boolean;
}

export interface LoadNodeOptions {
  readonly kind: Ob2NodeKind;
  /** Fetch an embedded node's `id` anyway: what it says must come from where it lives (an issuer Profile). */
  readonly fetchEmbedded?: boolean;
  /** Redirects: `any` only for the hosted assertion, whose address is then checked against the issuer's policy. */
  readonly redirects?: 'same-origin' | 'any';
  /** Return a 410 Gone answer instead of failing (a revoked hosted assertion). */
  readonly readGone?: boolean;
  /** For documents that change (a revocation list): how old a cached copy may be. */
  readonly maxAgeMs?: number;
}

/**
 * Whether a declared id is on the same server as the URL that served it (host name after WHATWG
 * normalisation, port), so the server may name its own document: never when either carries
 * userinfo, which only makes one host look like another.
 */
function isSameServer(declared: string, url: string): boolean {
  const a = webUrlOf(declared);
  const b = webUrlOf(url);
  return a !== undefined && b !== undefined && isSameHost(a, b);
}

async function fetchNode(
  url: string,
  options: LoadNodeOptions,
  context: VerifyContext,
): Promise<{ document: LoadedDocument; node: JsonObject | undefined }> {
  const document = await context.load(url, {
    accept: 'json',
    signal: context.signal,
    redirects: options.redirects ?? 'same-origin',
    readGone: options.readGone,
    maxAgeMs: options.maxAgeMs,
  });
  if (document.status === 410 && document.bytes.byteLength === 0) return { document, node: undefined };
  let value: unknown;
  try {
    value = jsonOf(document);
  } catch (error) {
    // A Gone answer's body is optional; one that does not parse says nothing more.
    if (document.status === 410) return { document, node: undefined };
    throw error;
  }
  if (!isObject(value)) {
    throw new SchemaInvalid(`The ${options.kind} at ${url} is not a JSON object`, {
      details: { node: options.kind, property: '(document)', url },
    });
  }
  return { document, node: value };
}

function fromDocument(url: string, document: LoadedDocument, node: JsonObject, declaredId?: string): Ob2Node {
  return {
    node,
    url,
    finalUrl: document.finalUrl,
    ...(document.status !== undefined ? { httpStatus: document.status } : {}),
    ...(declaredId !== undefined ? { declaredId } : {}),
    ...(document.viaProxy !== undefined ? { viaProxy: document.viaProxy } : {}),
    ...(document.given ? { given: true } : {}),
  };
}

/** `https://issuer.example@evil.test/…` is evil.test dressed as issuer.example: never fetched, never an id. */
function refuseUserinfo(url: string, kind: Ob2NodeKind): void {
  if (isHttpUrl(url) && !webUrlOf(url)) {
    throw new SchemaInvalid(`The ${kind} address ${url} names a user before its host`, {
      details: { node: kind, property: 'id', id: url },
    });
  }
}

/**
 * Loads the document an IRI names. A document whose declared `id` differs from the URL it was
 * fetched from is the same publisher's when both are on one host (a moved or aliased file) or
 * when the id is not a web address: accepted, with `declaredId` recording it. On another host it
 * is only a claim: the declared `id` is fetched once and must confirm itself, or the link fails.
 */
export async function loadNodeAt(url: string, options: LoadNodeOptions, context: VerifyContext): Promise<Ob2Node> {
  refuseUserinfo(url, options.kind);
  const first = await fetchNode(url, options, context);
  if (!first.node) {
    // A bare 410: the only fact is that the host says the document is gone.
    return {
      node: { id: url, revoked: true },
      url,
      finalUrl: first.document.finalUrl,
      httpStatus: 410,
      ...(first.document.viaProxy !== undefined ? { viaProxy: first.document.viaProxy } : {}),
      ...(first.document.given ? { given: true } : {}),
    };
  }
  const declared = stringOf(first.node['id']);
  if (declared === undefined || declared === url) return fromDocument(url, first.document, first.node);
  if (isSameServer(declared, url)) {
    return fromDocument(url, first.document, first.node, declared);
  }
  // A non-web id (`urn:uuid:…`) cannot be fetched anywhere else: the document is what this URL's
  // host publishes under that name, and its host is what vouches for it.
  if (!isHttpUrl(declared)) return fromDocument(url, first.document, first.node, declared);
  refuseUserinfo(declared, options.kind);
  const second = await fetchNode(declared, options, context);
  if (!second.node || stringOf(second.node['id']) !== declared) {
    throw new SchemaInvalid(
      `The ${options.kind} at ${url} says it is ${declared}, and ${declared} does not confirm it`,
      {
        details: { node: options.kind, property: 'id', url, declaredId: declared },
      },
    );
  }
  return fromDocument(declared, second.document, second.node);
}

/** A link that is an IRI or an embedded document (`badge`, `issuer`, `publicKey`, `creator`). */
export async function loadLinked(
  reference: unknown,
  options: LoadNodeOptions,
  context: VerifyContext,
): Promise<Ob2Node> {
  if (isObject(reference)) {
    const id = stringOf(reference['id']);
    if (options.fetchEmbedded && id !== undefined && isHttpUrl(id)) return loadNodeAt(id, options, context);
    return { node: reference };
  }
  if (isHttpUrl(reference)) return loadNodeAt(reference, options, context);
  throw new SchemaInvalid(
    typeof reference === 'string'
      ? `The ${options.kind} ${reference} is neither embedded nor at a web address`
      : `The ${options.kind} link is missing`,
    { details: { node: options.kind, property: 'id', ...(typeof reference === 'string' ? { id: reference } : {}) } },
  );
}

/** Runs `load`, turning a non-coded failure into a coded one so a step never reports a bare exception. */
export async function guarded<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof BadgeError) throw error;
    throw new SchemaInvalid(`A linked document could not be read: ${String(error)}`, {
      details: { node: 'document', property: '(document)' },
    });
  }
}
