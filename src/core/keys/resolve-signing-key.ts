import type { JWK } from 'jose';
import {
  BadgeError,
  DidInvalid,
  isAbortError,
  DidMethodUnsupported,
  KeyNotIssuers,
  KeyUnresolvable,
} from '../errors.js';
import { isUnreachable, loadJsonObject, type DocumentLoader } from '../fetcher.js';
import { keyUnreachable } from './unreachable.js';
import { isObject } from '../lib/json.js';
import { httpsUrlOf } from '../lib/url.js';
import type { DidDocument, DidResolver, VerificationMethod } from './did.js';
import { loadIssuerKeys, type IssuerKey } from './issuer-keys.js';
import { jwkThumbprint } from './thumbprint.js';
import {
  findVerificationMethod,
  hasPrivateMembers,
  methodsFor,
  publicJwkFrom,
  publicJwkOf,
  toDidDocument,
  toVerificationMethod,
  type VerificationPurpose,
} from './verification-method.js';

export interface SigningKeyRequest {
  /** The credential's issuer id (https URL or DID). */
  readonly issuer: string;
  /** JOSE `kid` or Data Integrity `verificationMethod`. */
  readonly kid?: string;
  /** A JOSE header `jwk`: untrusted by itself. */
  readonly jwk?: JWK;
  readonly purpose?: VerificationPurpose;
}

export interface SigningKey {
  /** Public only. */
  readonly jwk: JWK;
  /** The verification method id / kid it was found under. */
  readonly id?: string;
  /** Who is shown to control this key (a DID, or the https issuer id whose documents list it). undefined = nobody (e.g. a bare header jwk). */
  readonly controller?: string;
  /**
   * Where the key came from. `did:<method>` for any configured DID resolver: the three built-in
   * ones are named, and the template admits resolvers added as plug-ins.
   */
  readonly source:
    | 'did:key'
    | 'did:jwk'
    | 'did:web'
    | `did:${string}`
    | 'issuer-profile'
    | 'issuer-jwks'
    | 'kid-url'
    | 'jose-header'
    | 'multikey-fragment';
}

export interface SigningKeyContext {
  readonly load: DocumentLoader;
  readonly signal?: AbortSignal | undefined;
  readonly didResolvers: readonly DidResolver[];
}

interface Job {
  readonly issuer: string;
  readonly purpose: VerificationPurpose;
  readonly context: SigningKeyContext;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/** `did:method:id`, then an optional path or query, then an optional fragment. */
const DID_URL = /^(did:([a-z0-9]+):[^/?#]+)([/?][^#]*)?(#.*)?$/;

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/** The header key, public part only. A header carrying a private key proves nothing: anyone holding the token can sign. */
function headerJwkOf(raw: JWK): JWK {
  if (hasPrivateMembers(raw as Record<string, unknown>)) {
    throw new KeyUnresolvable('The header jwk contains private key material');
  }
  const jwk = publicJwkFrom(raw);
  if (!jwk) throw new KeyUnresolvable('The header jwk is not a usable public key');
  return jwk;
}

function didSource(method: string): SigningKey['source'] {
  return `did:${method}`;
}

async function resolveDid(did: string, job: Job): Promise<{ document: DidDocument; method: string }> {
  const match = DID_URL.exec(did);
  if (!match || match[3] !== undefined || match[4] !== undefined) throw new DidInvalid(undefined, { details: { did } });
  const method = match[2]!;
  const resolver = job.context.didResolvers.find((candidate) => candidate.method === method);
  if (!resolver) throw new DidMethodUnsupported(`did:${method} is not supported`, { details: { did, method } });
  const document = await resolver.resolve(did, { load: job.context.load, signal: job.context.signal });
  if (document.id !== did) {
    throw new KeyUnresolvable(`The DID document is for ${document.id}, not ${did}`, {
      details: { did, documentId: document.id },
    });
  }
  return { document, method };
}

/**
 * The only key `purpose` allows, for a DID URL without fragment or a token without `kid`.
 * With several, guessing would let the wrong key's failure (or success) decide the badge.
 */
function soleMethod(document: DidDocument, purpose: VerificationPurpose): VerificationMethod {
  const methods = methodsFor(document, purpose);
  if (methods.length !== 1) {
    throw new KeyUnresolvable(`${document.id} has ${methods.length} keys for ${purpose}; the signature must name one`, {
      details: { did: document.id, purpose, count: methods.length },
    });
  }
  return methods[0]!;
}

/** A DID's key is the DID's only when the method says the DID controls it. */
function didKeyOf(vm: VerificationMethod, did: string, method: string): SigningKey {
  if (vm.controller !== did) {
    throw new KeyNotIssuers(`The key ${vm.id} is controlled by ${vm.controller}, not by ${did}`, {
      details: { verificationMethod: vm.id, controller: vm.controller, did },
    });
  }
  return { jwk: publicJwkOf(vm), id: vm.id, controller: did, source: didSource(method) };
}

function issuerKeyOf(key: IssuerKey, issuer: string): SigningKey {
  return { jwk: key.jwk, ...(key.id !== undefined ? { id: key.id } : {}), controller: issuer, source: key.source };
}

// ---------------------------------------------------------------------------------------------
// kid

/** `kid` is a DID URL: the DID's document decides, and the DID is the controller. */
async function byDidUrl(kid: string, job: Job): Promise<SigningKey> {
  const match = DID_URL.exec(kid);
  if (!match) throw new DidInvalid(undefined, { details: { did: kid } });
  if (match[3] !== undefined) {
    throw new KeyUnresolvable('DID URLs with a path or query are not supported as key ids', { details: { kid } });
  }
  const did = match[1]!;
  const { document, method } = await resolveDid(did, job);
  const vm =
    match[4] !== undefined ? findVerificationMethod(document, kid, job.purpose) : soleMethod(document, job.purpose);
  return didKeyOf(vm, did, method);
}

function sameOrigin(a: URL, b: URL): boolean {
  return a.origin === b.origin;
}

/**
 * `kid` is an https URL. The issuer's own documents are asked first; otherwise the URL is
 * dereferenced, and the key is credited to whoever that origin can speak for: the issuer when
 * the kid lives on the issuer's origin, else the document's declared controller when that too
 * is on the kid's origin, else nobody (anyone can host a key and name any controller).
 */
async function byKidUrl(kid: string, kidUrl: URL, job: Job): Promise<SigningKey> {
  const { issuer, context } = job;
  const issuerUrl = httpsUrlOf(issuer);
  let issuerUnreachable: unknown;
  if (issuerUrl) {
    try {
      const keys = await loadIssuerKeys(issuer, context);
      const found = keys.find((key) => key.id === kid || key.jwk.kid === kid);
      if (found) return { ...issuerKeyOf(found, issuer), id: kid };
    } catch (error) {
      if (isAbortError(error)) throw error;
      // Not fatal: the kid URL itself may still answer.
      if (isUnreachable(error)) issuerUnreachable = error;
    }
  }
  // A fragment names a part of the document; the server is asked for the document.
  const url = withoutFragment(kid);
  let value: Record<string, unknown>;
  try {
    value = await loadJsonObject(context.load, url, context.signal);
  } catch (error) {
    // The kid URL did not give the key either, and the issuer's own documents could not be asked.
    if (issuerUnreachable !== undefined && !isAbortError(error)) throw issuerUnreachable;
    throw error;
  }
  let jwk: JWK;
  let declaredController: string | undefined;
  if (value['kty'] !== undefined) {
    jwk = publicKeyDocument(value, url);
  } else if (Array.isArray(value['keys'])) {
    // A JWK Set (OB 3.0 §8.2's own example: `kid: https://example.edu/keys#key-1`): the fragment,
    // or the whole kid, names the member.
    const fragment = kid.includes('#') ? kid.slice(kid.indexOf('#') + 1) : undefined;
    const member = value['keys'].find(
      (entry): entry is Record<string, unknown> =>
        isObject(entry) && (entry['kid'] === kid || (fragment !== undefined && entry['kid'] === fragment)),
    );
    if (!member) throw new KeyUnresolvable(`The key set at ${url} has no key ${kid}`, { details: { url, kid } });
    jwk = publicKeyDocument(member, url);
  } else {
    const single = toVerificationMethod(value, url);
    const vm =
      single && single.id === kid && value['verificationMethod'] === undefined
        ? single
        : findVerificationMethod(documentAt(value, url), kid, job.purpose);
    jwk = publicJwkOf(vm);
    declaredController = vm.controller;
  }
  let controller: string | undefined;
  if (issuerUrl && sameOrigin(issuerUrl, kidUrl)) controller = issuer;
  else {
    const controllerUrl = declaredController !== undefined ? httpsUrlOf(declaredController) : undefined;
    if (controllerUrl && sameOrigin(controllerUrl, kidUrl)) controller = declaredController;
  }
  return { jwk, id: kid, ...(controller !== undefined ? { controller } : {}), source: 'kid-url' };
}

/** A JWK served on its own or in a set: public members only, and never one that ships its private half. */
function publicKeyDocument(value: Record<string, unknown>, url: string): JWK {
  if (hasPrivateMembers(value))
    throw new KeyUnresolvable('The key document contains private key material', { details: { url } });
  const jwk = publicJwkFrom(value);
  if (!jwk) throw new KeyUnresolvable('The key document is not a usable public JWK', { details: { url } });
  return jwk;
}

function documentAt(value: Record<string, unknown>, url: string): DidDocument {
  const document = toDidDocument(value);
  if (!document)
    throw new KeyUnresolvable('The key document is neither a key nor a controller document', { details: { url } });
  return document;
}

/** A method matched by JWK `kid` member or RFC 7638 thumbprint (VC-JOSE uses thumbprints as kids). */
async function matchesJwkId(jwk: JWK, kid: string): Promise<boolean> {
  return jwk.kid === kid || (await jwkThumbprint(jwk)) === kid;
}

/** `kid` is a fragment or thumbprint: looked up among the issuer's own keys. */
async function byRelativeKid(kid: string, job: Job): Promise<SigningKey> {
  const { issuer, purpose, context } = job;
  const fragment = kid.startsWith('#') ? kid : `#${kid}`;
  if (issuer.startsWith('did:')) {
    const { document, method } = await resolveDid(issuer, job);
    const ref = issuer + fragment;
    const methods = methodsFor(document, purpose);
    let vm = methods.find((candidate) => candidate.id === ref || candidate.id === kid);
    if (!vm) {
      for (const candidate of methods) {
        const jwk = publicJwkOrUndefined(candidate);
        if (jwk && (await matchesJwkId(jwk, kid))) {
          vm = candidate;
          break;
        }
      }
    }
    // Not authorised or absent: let the finder say which.
    return didKeyOf(vm ?? findVerificationMethod(document, ref, purpose), issuer, method);
  }
  if (httpsUrlOf(issuer)) {
    const keys = await loadIssuerKeys(issuer, context);
    const ref = withoutFragment(issuer) + fragment;
    // In publication order, so the profile's entry (with its method id) wins over the key set's copy.
    let found: IssuerKey | undefined;
    for (const key of keys) {
      if (key.id === ref || key.id === kid || (await matchesJwkId(key.jwk, kid))) {
        found = key;
        break;
      }
    }
    if (!found) throw new KeyUnresolvable(`The issuer publishes no key ${kid}`);
    return issuerKeyOf(found, issuer);
  }
  throw new KeyUnresolvable('The issuer is neither a DID nor an https URL, so it publishes no keys');
}

function publicJwkOrUndefined(vm: VerificationMethod): JWK | undefined {
  try {
    return publicJwkOf(vm);
  } catch {
    return undefined;
  }
}

/** RFC 9278: a JWK thumbprint written as a URI; the thumbprint itself is what the issuer's keys are matched on. */
const THUMBPRINT_URI = 'urn:ietf:params:oauth:jwk-thumbprint:sha-256:';

async function byKid(kid: string, job: Job): Promise<SigningKey> {
  if (kid.startsWith(THUMBPRINT_URI)) return byRelativeKid(kid.slice(THUMBPRINT_URI.length), job);
  if (kid.startsWith('did:')) return byDidUrl(kid, job);
  const kidUrl = httpsUrlOf(kid);
  if (kidUrl) return byKidUrl(kid, kidUrl, job);
  return byRelativeKid(kid, job);
}

// ---------------------------------------------------------------------------------------------
// Issuer's keys (no kid)

/** The issuer's assertion keys with the ids and controller they are published under. */
async function issuerKeys(job: Job): Promise<SigningKey[]> {
  const { issuer, purpose, context } = job;
  if (issuer.startsWith('did:')) {
    const { document, method } = await resolveDid(issuer, job);
    const keys: SigningKey[] = [];
    for (const vm of methodsFor(document, purpose)) {
      if (vm.controller !== issuer) continue;
      const jwk = publicJwkOrUndefined(vm);
      if (jwk) keys.push({ jwk, id: vm.id, controller: issuer, source: didSource(method) });
    }
    return keys;
  }
  if (httpsUrlOf(issuer)) return (await loadIssuerKeys(issuer, context)).map((key) => issuerKeyOf(key, issuer));
  throw new KeyUnresolvable('The issuer is neither a DID nor an https URL, so it publishes no keys');
}

/**
 * A header `jwk` counts as the issuer's only when the issuer lists the same key (thumbprint).
 * Otherwise it is returned with no controller: the signature can still be checked, and the
 * issuer check reports that the key is not shown to be the issuer's.
 */
async function byHeaderJwk(headerJwk: JWK, job: Job): Promise<SigningKey> {
  const wanted = await jwkThumbprint(headerJwk);
  if (wanted === undefined) throw new KeyUnresolvable('The header jwk is not a valid key');
  try {
    for (const key of await issuerKeys(job)) {
      if ((await jwkThumbprint(key.jwk)) === wanted) return key;
    }
  } catch (error) {
    // Could not ask for the issuer's keys: whether it lists this key is unknown, not "no".
    if (isAbortError(error) || isUnreachable(error)) throw error;
    // The issuer's keys cannot be read: the header key stays unbound, which the issuer check reports.
  }
  return { jwk: headerJwk, source: 'jose-header' };
}

/** No kid, no jwk: the issuer must have exactly one (distinct) assertion key. */
async function soleIssuerKey(job: Job): Promise<SigningKey> {
  const keys = await issuerKeys(job);
  const distinct: SigningKey[] = [];
  const seen = new Set<string>();
  for (const key of keys) {
    // The profile and the key set often publish the same key twice.
    const thumbprint = (await jwkThumbprint(key.jwk)) ?? JSON.stringify(key.jwk);
    if (seen.has(thumbprint)) continue;
    seen.add(thumbprint);
    distinct.push(key);
  }
  if (distinct.length !== 1) {
    throw new KeyUnresolvable(`The issuer has ${distinct.length} signing keys and the signature names none`, {
      details: { count: distinct.length },
    });
  }
  return distinct[0]!;
}

// ---------------------------------------------------------------------------------------------

/** Errors that already say precisely why, with their own code; everything else becomes "key unresolvable". */
function passesThrough(error: unknown): boolean {
  return (
    isAbortError(error) ||
    error instanceof DidInvalid ||
    error instanceof DidMethodUnsupported ||
    error instanceof KeyNotIssuers
  );
}

/**
 * The public key a proof names, and who is shown to control it. Proof layers verify the
 * signature with `jwk`; the issuer check then compares `controller` with the issuer.
 *
 * - `kid` decides when present: a DID URL (the DID's document), an https URL (the issuer's
 *   documents, else the URL itself), or a fragment / `kid` member / JWK thumbprint looked up
 *   among the issuer's keys. A header `jwk` that differs from that key is refused.
 * - only `jwk`: bound to the issuer when the issuer lists the same key, else returned with
 *   `source: 'jose-header'` and no controller.
 * - neither: the issuer's single assertion key.
 *
 * Throws `ERR_OB_KEY_UNRESOLVABLE` (details `{ kid, issuer }`, the underlying error as `cause`), or
 * `ERR_OB_KEY_UNREACHABLE` when a document it needed could not be asked for (`isUnreachable`);
 * `ERR_OB_DID_INVALID`, `ERR_OB_DID_METHOD_UNSUPPORTED`, `ERR_OB_KEY_NOT_ISSUERS` and aborts
 * pass through unchanged since their code is already the precise answer.
 */
export async function resolveSigningKey(request: SigningKeyRequest, context: SigningKeyContext): Promise<SigningKey> {
  const { issuer, kid } = request;
  const job: Job = { issuer, purpose: request.purpose ?? 'assertionMethod', context };
  try {
    const headerJwk = request.jwk !== undefined ? headerJwkOf(request.jwk) : undefined;
    if (kid !== undefined) {
      const key = await byKid(kid, job);
      if (headerJwk && (await jwkThumbprint(headerJwk)) !== (await jwkThumbprint(key.jwk))) {
        throw new KeyUnresolvable('The header jwk is not the key the kid names', {
          details: { keyId: key.id ?? null },
        });
      }
      return key;
    }
    if (headerJwk) return await byHeaderJwk(headerJwk, job);
    return await soleIssuerKey(job);
  } catch (error) {
    if (passesThrough(error)) throw error;
    // The one shared rule (fetcher.ts isUnreachable): could not ask is "unknown", never "not found".
    if (isUnreachable(error)) throw keyUnreachable(error, { kid: kid ?? null, issuer });
    const inner = error instanceof BadgeError ? error : undefined;
    throw new KeyUnresolvable(inner instanceof KeyUnresolvable ? inner.message : undefined, {
      cause: error,
      details: { ...(inner?.details ?? {}), kid: kid ?? null, issuer },
    });
  }
}
