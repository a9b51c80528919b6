import type { JWK } from 'jose';
import { BadgeError, isAbortError, KeyUnresolvable } from '../errors.js';
import { isUnreachable, loadJsonObject, type DocumentLoader } from '../fetcher.js';
import { keyUnreachable } from './unreachable.js';
import { isObject } from '../lib/json.js';
import { httpsUrlOf } from '../lib/url.js';
import { methodsFor, publicJwkFrom, publicJwkOf, toDidDocument } from './verification-method.js';

/** One key an https issuer publishes for signing credentials. */
export interface IssuerKey {
  readonly jwk: JWK;
  /** The verification method id (profile), or the JWK's `kid` (key set). */
  readonly id?: string;
  readonly source: 'issuer-profile' | 'issuer-jwks';
}

export interface LoadIssuerKeysOptions {
  readonly load: DocumentLoader;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Keys from the issuer's profile (or controller document) at the issuer id: its methods listed
 * under `assertionMethod` and controlled by the issuer itself. A method controlled by someone
 * else, or only listed for `authentication`, is not the issuer's credential-signing key.
 */
async function profileKeys(issuerId: string, { load, signal }: LoadIssuerKeysOptions): Promise<IssuerKey[]> {
  const document = toDidDocument(await loadJsonObject(load, issuerId, signal));
  if (!document || document.id !== issuerId) {
    // A profile naming another id is someone else's (a redirect, a shared page): its keys do not count.
    throw new KeyUnresolvable('The issuer profile does not have the issuer id', {
      details: { issuer: issuerId, documentId: document?.id ?? null },
    });
  }
  const keys: IssuerKey[] = [];
  for (const vm of methodsFor(document, 'assertionMethod')) {
    if (vm.controller !== issuerId) continue;
    try {
      keys.push({ jwk: publicJwkOf(vm), id: vm.id, source: 'issuer-profile' });
    } catch {
      // One unusable key (an unsupported curve) must not hide the issuer's others.
    }
  }
  return keys;
}

/**
 * Keys from the JWK Set at `https://<issuer host>/.well-known/jwks.json`, as the OB 3.0
 * implementation guide describes. Keys marked for encryption (`use: enc`, or `key_ops`
 * without `verify`) are left out; private members are dropped, symmetric keys refused.
 */
async function jwksKeys(issuerId: string, { load, signal }: LoadIssuerKeysOptions): Promise<IssuerKey[]> {
  const url = new URL('/.well-known/jwks.json', issuerId).href;
  const set = await loadJsonObject(load, url, signal);
  const entries = set['keys'];
  if (!Array.isArray(entries)) {
    throw new KeyUnresolvable('The issuer key set has no keys array', { details: { issuer: issuerId, url } });
  }
  const keys: IssuerKey[] = [];
  for (const entry of entries) {
    if (!isObject(entry)) continue;
    const jwk = publicJwkFrom(entry);
    if (!jwk || jwk.use === 'enc' || (jwk.key_ops !== undefined && !jwk.key_ops.includes('verify'))) continue;
    keys.push({ jwk, ...(jwk.kid !== undefined ? { id: jwk.kid } : {}), source: 'issuer-jwks' });
  }
  return keys;
}

/**
 * Candidate signing keys of an https issuer, from its profile and from its origin's JWK Set,
 * fetched in parallel (profile keys first). One source failing is fine when the other
 * answers; both failing is `ERR_OB_KEY_UNRESOLVABLE` with the profile's error as `cause`, or
 * `ERR_OB_KEY_UNREACHABLE` when either could not be asked for (`isUnreachable`).
 * An abort is passed through as it is, since it is not a fact about the issuer.
 */
export async function loadIssuerKeys(issuerId: string, options: LoadIssuerKeysOptions): Promise<IssuerKey[]> {
  if (!httpsUrlOf(issuerId)) {
    throw new KeyUnresolvable('Only an https issuer publishes keys at its id', { details: { issuer: issuerId } });
  }
  const [profile, jwks] = await Promise.allSettled([profileKeys(issuerId, options), jwksKeys(issuerId, options)]);
  if (profile.status === 'fulfilled' && jwks.status === 'fulfilled') return [...profile.value, ...jwks.value];
  if (profile.status === 'fulfilled') return profile.value;
  if (jwks.status === 'fulfilled') return jwks.value;
  for (const reason of [profile.reason, jwks.reason] as unknown[]) {
    if (isAbortError(reason)) throw reason;
  }
  const codeOf = (reason: unknown) => (reason instanceof BadgeError ? reason.code : String(reason));
  // Either source could not be asked: the key may be there, so this is unknown, not "no key".
  const unreachable = [profile.reason, jwks.reason].find(isUnreachable);
  if (unreachable !== undefined) {
    throw keyUnreachable(unreachable, {
      issuer: issuerId,
      profileError: codeOf(profile.reason),
      jwksError: codeOf(jwks.reason),
    });
  }
  throw new KeyUnresolvable(`Neither the issuer profile nor its key set could be read`, {
    cause: profile.reason,
    details: { issuer: issuerId, profileError: codeOf(profile.reason), jwksError: codeOf(jwks.reason) },
  });
}
