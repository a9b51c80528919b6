import { base64url, type JWK } from 'jose';
import { BadgeError, MalformedInput } from '../errors.js';
import { createDocumentLoader, jsonOf, type DocumentLoader } from '../fetcher.js';
import type { DidResolver } from '../keys/did.js';
import { resolveSigningKey } from '../keys/resolve-signing-key.js';
import { arrayOf, idOf, isObject, stringOf, type JsonObject } from '../lib/json.js';
import { looksLikeCompactJws, readJwsHeader, verifyCompactJws } from '../proofs/jws.js';

/**
 * Who the issuer is, beyond "the key is the issuer's" (ADR 0009). Two facts, reported beside the
 * checks and never changing the verdict: whether the issuer is on a list the site trusts, and
 * whether a web domain is confirmed to belong to the issuer. An issuer's `name` is only what the
 * issuer says about itself, whatever the signature proves.
 */

/** One issuer a site recognises: matched by `id` (any IRI or DID), `did`, or `domain` (the host the issuer is bound to). */
export interface TrustListEntry {
  readonly name: string;
  readonly id?: string;
  readonly did?: string;
  /** A host name: matches issuers bound to that host or a subdomain of it (an https id, a did:web). */
  readonly domain?: string;
  readonly url?: string;
}

export interface TrustList {
  /** Who keeps the list, shown beside "Known issuer" ("Known issuer, per Example Careers"). */
  readonly name?: string;
  readonly issuers: readonly TrustListEntry[];
}

export interface TrustReport {
  /** The issuer id the badge names. */
  readonly issuerId: string;
  /** The issuer's name as the badge states it: a claim, never a confirmation. */
  readonly statedName?: string;
  /** The site's list recognises this issuer. Absent when no list was given. */
  readonly known?: {
    readonly name: string;
    readonly list?: string;
    readonly matchedBy: 'id' | 'did' | 'domain';
  } | null;
  readonly domain?: DomainLinkage;
}

export interface DomainLinkage {
  readonly host: string;
  readonly confirmed: boolean;
  /**
   * `did:web`: the DID is served by that host; `issuer-id`: the issuer's https id is on that host
   * (its documents are served there); `did-configuration`: the host's
   * `/.well-known/did-configuration.json` links the DID (DIF Well Known DID Configuration).
   */
  readonly method: 'did:web' | 'issuer-id' | 'did-configuration';
  /** Why not, when `confirmed` is false. */
  readonly reason?: string;
}

const MAX_ENTRIES = 10_000;

/** A host as trust lists write them: lower case, no port, no trailing dot. */
function normalHost(value: string): string | undefined {
  const host = value.trim().toLowerCase().replace(/\.$/, '');
  return /^[a-z0-9.-]+$/.test(host) && host.includes('.') ? host : host === 'localhost' ? host : undefined;
}

/**
 * Reads a trust list (schema: docs/trust-list.schema.json). Entries that name nothing to match by
 * are refused with the entry's position, so a typo is noticed instead of silently trusting no one.
 */
export function parseTrustList(value: unknown): TrustList {
  if (!isObject(value) || !Array.isArray(value['issuers'])) {
    throw new MalformedInput('A trust list is an object with an "issuers" array', { details: { field: 'issuers' } });
  }
  const issuers = value['issuers'].slice(0, MAX_ENTRIES).map((entry, index): TrustListEntry => {
    const where = { details: { field: `issuers[${index}]` } };
    if (!isObject(entry)) throw new MalformedInput(`issuers[${index}] is not an object`, where);
    const name = stringOf(entry['name'])?.trim();
    if (!name) throw new MalformedInput(`issuers[${index}] has no name`, where);
    const id = stringOf(entry['id']);
    const did = stringOf(entry['did']);
    const domainText = stringOf(entry['domain']);
    const domain = domainText === undefined ? undefined : normalHost(domainText);
    if (domainText !== undefined && domain === undefined) {
      throw new MalformedInput(`issuers[${index}].domain is not a host name`, where);
    }
    if (did !== undefined && !did.startsWith('did:'))
      throw new MalformedInput(`issuers[${index}].did is not a DID`, where);
    if (id === undefined && did === undefined && domain === undefined) {
      throw new MalformedInput(`issuers[${index}] names no id, did or domain to match`, where);
    }
    const url = stringOf(entry['url']);
    return {
      name: name.slice(0, 200),
      ...(id !== undefined ? { id } : {}),
      ...(did !== undefined ? { did } : {}),
      ...(domain !== undefined ? { domain } : {}),
      ...(url !== undefined ? { url } : {}),
    };
  });
  const name = stringOf(value['name'])?.trim();
  return { ...(name ? { name: name.slice(0, 200) } : {}), issuers };
}

/**
 * Loads and parses a trust list from a URL, through the same careful loader as everything else
 * (by default a new one with the page-wide cache: timeout, size cap, content type, no credentials).
 */
export async function loadTrustList(
  url: string,
  load: DocumentLoader = createDocumentLoader(),
  signal?: AbortSignal,
): Promise<TrustList> {
  return parseTrustList(jsonOf(await load(url, { accept: 'json', signal })));
}

/**
 * The host an issuer id is bound to by how its keys are found: a did:web is resolved on its host,
 * an https issuer's profile and keys are served from its host. A did:key or did:jwk has none.
 */
export function boundHostOf(issuerId: string): { host: string; method: 'did:web' | 'issuer-id' } | undefined {
  if (issuerId.startsWith('did:web:')) {
    const domain = issuerId.slice('did:web:'.length).split(/[:#?/]/, 1)[0] ?? '';
    let decoded: string;
    try {
      decoded = decodeURIComponent(domain);
    } catch {
      return undefined;
    }
    const host = normalHost(decoded.split(':', 1)[0] ?? '');
    return host ? { host, method: 'did:web' } : undefined;
  }
  if (/^https?:\/\//i.test(issuerId)) {
    try {
      const host = normalHost(new URL(issuerId).hostname);
      return host ? { host, method: 'issuer-id' } : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function hostMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** The list entry for this issuer, if any: by exact id, then DID, then the host its id is bound to. */
export function findTrustedIssuer(list: TrustList, issuerId: string): NonNullable<TrustReport['known']> | undefined {
  const list_ = list.name ? { list: list.name } : {};
  const byId = list.issuers.find((entry) => entry.id === issuerId);
  if (byId) return { name: byId.name, matchedBy: 'id', ...list_ };
  const byDid = list.issuers.find((entry) => entry.did !== undefined && entry.did === issuerId);
  if (byDid) return { name: byDid.name, matchedBy: 'did', ...list_ };
  const bound = boundHostOf(issuerId);
  const byDomain =
    bound && list.issuers.find((entry) => entry.domain !== undefined && hostMatches(bound.host, entry.domain));
  return byDomain ? { name: byDomain.name, matchedBy: 'domain', ...list_ } : undefined;
}

export interface DomainLinkageContext {
  readonly load: DocumentLoader;
  readonly signal?: AbortSignal | undefined;
  readonly didResolvers: readonly DidResolver[];
  readonly now: Date;
}

/**
 * A DIF Domain Linkage Credential in JWT form: signed by the DID itself, naming the DID as `iss`
 * and `sub` and the site's origin as `vc.credentialSubject.origin`, not expired.
 */
async function linksDid(jwt: unknown, did: string, origin: string, context: DomainLinkageContext): Promise<boolean> {
  if (typeof jwt !== 'string' || !looksLikeCompactJws(jwt)) return false;
  try {
    const header = readJwsHeader(jwt);
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(jwt.split('.')[1]!))) as unknown;
    if (!isObject(claims) || claims['iss'] !== did || claims['sub'] !== did) return false;
    const vc = isObject(claims['vc']) ? claims['vc'] : undefined;
    const subject = vc && isObject(vc['credentialSubject']) ? vc['credentialSubject'] : undefined;
    if (!subject || subject['id'] !== did || stringOf(subject['origin'])?.replace(/\/$/, '') !== origin) return false;
    const exp = claims['exp'];
    if (typeof exp === 'number' && exp * 1000 < context.now.getTime()) return false;
    const key = await resolveSigningKey(
      {
        issuer: did,
        ...(header.kid !== undefined ? { kid: header.kid } : {}),
        ...(header.jwk ? { jwk: header.jwk as JWK } : {}),
      },
      context,
    );
    if (key.controller !== did) return false;
    await verifyCompactJws(jwt, header.alg, key.jwk);
    return true;
  } catch (error) {
    if (error instanceof BadgeError && error.code === 'ERR_OB_ABORTED') throw error;
    return false;
  }
}

/**
 * Whether a web domain is shown to be the issuer's. A did:web or https issuer is bound to its host
 * by construction. A DID issuer that names a website (`url`) is confirmed only when that site
 * publishes a DID Configuration linking the DID (JWT form); an https issuer's `url` on another
 * host is confirmed the same way only if its id is a DID, so otherwise nothing is claimed.
 */
export async function checkDomainLinkage(
  issuer: Readonly<JsonObject> | string,
  context: DomainLinkageContext,
): Promise<DomainLinkage | undefined> {
  const issuerId = idOf(issuer);
  if (issuerId === undefined) return undefined;
  const bound = boundHostOf(issuerId);
  const stated = isObject(issuer) ? stringOf(issuer['url']) : undefined;
  let statedOrigin: URL | undefined;
  try {
    statedOrigin = stated ? new URL(stated) : undefined;
  } catch {
    statedOrigin = undefined;
  }
  if (statedOrigin && statedOrigin.protocol !== 'https:' && statedOrigin.protocol !== 'http:') statedOrigin = undefined;
  const statedHost = statedOrigin ? normalHost(statedOrigin.hostname) : undefined;
  if (bound && (!statedHost || statedHost === bound.host))
    return { host: bound.host, confirmed: true, method: bound.method };
  if (!issuerId.startsWith('did:') || !statedOrigin || !statedHost) {
    return bound ? { host: bound.host, confirmed: true, method: bound.method } : undefined;
  }
  const origin = statedOrigin.origin;
  // The stated site could not be confirmed: the host the id is bound to still is.
  const fallback = (reason: string): DomainLinkage =>
    bound
      ? { host: bound.host, confirmed: true, method: bound.method }
      : { host: statedHost, confirmed: false, method: 'did-configuration', reason };
  try {
    const document = jsonOf(
      await context.load(`${origin}/.well-known/did-configuration.json`, { accept: 'json', signal: context.signal }),
    );
    const linked = isObject(document) ? arrayOf(document['linked_dids']).slice(0, 20) : [];
    for (const jwt of linked) {
      if (await linksDid(jwt, issuerId, origin, context)) {
        return { host: statedHost, confirmed: true, method: 'did-configuration' };
      }
    }
    return fallback('The site does not link this DID');
  } catch (error) {
    if (error instanceof BadgeError && error.code === 'ERR_OB_ABORTED') throw error;
    return fallback(error instanceof BadgeError ? error.code : 'The site publishes no DID Configuration');
  }
}
