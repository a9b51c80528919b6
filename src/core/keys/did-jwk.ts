import { base64url } from 'jose';
import { DidInvalid } from '../errors.js';
import { isObject } from '../lib/json.js';
import type { DidDocument, DidResolver, VerificationMethod } from './did.js';
import { hasPrivateMembers, publicJwkFrom } from './verification-method.js';

const PREFIX = 'did:jwk:';

/** The method-specific id is base64url (no padding) of the JWK's JSON; no path, query or fragment. */
const DID_JWK = /^did:jwk:[A-Za-z0-9_-]+$/;

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * did:jwk: the DID is a base64url-encoded JWK, resolved locally with no I/O. The document has
 * one method, `<did>#0`. As the did:jwk specification says, a key marked `"use": "enc"` is only
 * for key agreement, so it is not listed under `assertionMethod` and cannot sign a credential.
 * A JWK with private members is refused (`ERR_OB_DID_INVALID`): whoever published it has
 * published the signing key, so anything it "signs" proves nothing.
 */
export function didJwk(): DidResolver {
  return {
    method: 'jwk',
    // async, so a bad DID rejects the promise rather than throwing at the call.
    async resolve(did) {
      return resolveDidJwk(did);
    },
  };
}

function decodeJwkJson(encoded: string): unknown {
  try {
    return JSON.parse(decoder.decode(base64url.decode(encoded))) as unknown;
  } catch {
    return undefined;
  }
}

function resolveDidJwk(did: string): DidDocument {
  if (!DID_JWK.test(did)) throw new DidInvalid(undefined, { details: { did } });
  const value = decodeJwkJson(did.slice(PREFIX.length));
  if (!isObject(value)) throw new DidInvalid('The did:jwk does not encode a JSON object', { details: { did } });
  if (hasPrivateMembers(value)) {
    throw new DidInvalid('The did:jwk contains private key material', { details: { did } });
  }
  const publicKeyJwk = publicJwkFrom(value);
  if (!publicKeyJwk) throw new DidInvalid('The did:jwk does not encode a usable public JWK', { details: { did } });
  const vm: VerificationMethod = { id: `${did}#0`, type: 'JsonWebKey2020', controller: did, publicKeyJwk };
  if (publicKeyJwk.use === 'enc') return { id: did, verificationMethod: [vm] };
  return { id: did, verificationMethod: [vm], assertionMethod: [vm.id], authentication: [vm.id] };
}
