import { DidInvalid, DidMethodUnsupported } from '../errors.js';
import type { DidDocument, DidResolver, VerificationMethod } from './did.js';
import { decodeMultikey } from './verification-method.js';

const PREFIX = 'did:key:';

/** `did:key:z` followed by base58btc only: no version segment, path, query or fragment. */
const DID_KEY = /^did:key:z[1-9A-HJ-NP-Za-km-z]+$/;

/**
 * did:key: the DID is the public key, so it resolves locally with no I/O. Supports Ed25519
 * (multicodec 0xed), P-256 (0x1200) and P-384 (0x1201), compressed points as the method
 * requires. A malformed DID is `ERR_OB_DID_INVALID`; a well-formed one for a key type we do not
 * verify with (X25519, secp256k1, RSA…) is `ERR_OB_DID_METHOD_UNSUPPORTED`: the identifier is
 * fine, this library just cannot use that kind of did:key.
 *
 * The document has one verification method, `did:key:z…#z…` (a Multikey), listed under
 * `assertionMethod` and `authentication`, as the did:key specification expands it.
 */
export function didKey(): DidResolver {
  return {
    method: 'key',
    // async, so a bad DID rejects the promise rather than throwing at the call.
    async resolve(did) {
      return resolveDidKey(did);
    },
  };
}

function resolveDidKey(did: string): DidDocument {
  if (!DID_KEY.test(did)) throw new DidInvalid(undefined, { details: { did } });
  const multibase = did.slice(PREFIX.length);
  const result = decodeMultikey(multibase);
  if (!result.ok) {
    if (result.reason === 'unsupported') {
      throw new DidMethodUnsupported(`did:key with multicodec 0x${result.code.toString(16)} is not supported`, {
        details: { did, multicodec: result.code },
      });
    }
    throw new DidInvalid('The did:key does not encode a valid public key', { details: { did } });
  }
  const vm: VerificationMethod = {
    id: `${did}#${multibase}`,
    type: 'Multikey',
    controller: did,
    publicKeyMultibase: multibase,
  };
  return { id: did, verificationMethod: [vm], assertionMethod: [vm.id], authentication: [vm.id] };
}
