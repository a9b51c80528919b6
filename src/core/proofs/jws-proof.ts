import type { JWK, ProtectedHeaderParameters } from 'jose';
import { MalformedInput } from '../errors.js';
import { resolveSigningKey, type SigningKey, type SigningKeyContext } from '../keys/resolve-signing-key.js';
import type { VerificationPurpose } from '../keys/verification-method.js';
import { jwsPayloadText } from '../lib/compact-jws.js';
import { isObject, type JsonObject } from '../lib/json.js';
import type { StepOutcome } from '../plugin.js';
import { verifyCompactJws } from './jws.js';

/**
 * The JWS proof of a credential or a presentation secured as a JWT (VC-JWT 1.1, VC-JOSE): one
 * way to read the token and one way to check its signature, so a check added for one is never
 * missing from the other.
 */

export type JwsHeader = ProtectedHeaderParameters & { alg: string };

/** A compact JWS, its vetted protected header and its payload claims. */
export interface JwsToken {
  readonly jws: string;
  readonly header: JwsHeader;
  readonly claims: JsonObject;
}

/**
 * `typ`/`cty` as a media type: case-insensitive, and `application/` may be left out (RFC 7515
 * §4.1.9), so both spellings compare equal.
 */
export function mediaTypeOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value.toLowerCase().replace(/^application\//, '') : undefined;
}

/** A compact JWS's payload as a JSON object, parsed afresh (the caller's own). */
export function decodePayload(jws: string): JsonObject {
  let claims: unknown;
  try {
    claims = JSON.parse(jwsPayloadText(jws));
  } catch (cause) {
    throw new MalformedInput('The token payload is not base64url-encoded JSON', { cause });
  }
  if (!isObject(claims)) throw new MalformedInput('The token payload is not a JSON object');
  return claims;
}

/**
 * Resolves the key the header points to (`kid`, or an untrusted header `jwk`), looked up from the
 * signer's own documents (the credential's issuer; a presentation's holder, for `authentication`),
 * and verifies the signature with it under the header's allowed `alg`. The key goes into `state`
 * for the next step, which decides whether it is the signer's.
 */
export async function verifyJwsProof(
  token: Pick<JwsToken, 'jws' | 'header'>,
  signer: string,
  state: { key?: SigningKey },
  context: SigningKeyContext,
  purpose?: VerificationPurpose,
): Promise<StepOutcome> {
  const { header } = token;
  const key = await resolveSigningKey(
    {
      issuer: signer,
      purpose,
      // resolveSigningKey reads an undefined kid, jwk or purpose as absent.
      kid: header.kid,
      jwk: header.jwk as JWK | undefined,
    },
    context,
  );
  await verifyCompactJws(token.jws, header.alg, key.jwk);
  state.key = key;
  return {
    status: 'passed',
    message: `Signature valid (${header.alg})`,
    details: { alg: header.alg, kid: header.kid ?? null, keyId: key.id ?? null, keySource: key.source },
  };
}
