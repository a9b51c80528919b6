import { base64url, type JWK } from 'jose';

/** RFC 7638 §3.2: the required members of each key type, in lexicographic order. */
const REQUIRED_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  EC: ['crv', 'kty', 'x', 'y'],
  OKP: ['crv', 'kty', 'x'],
  RSA: ['e', 'kty', 'n'],
};

const encoder = new TextEncoder();

/**
 * The RFC 7638 SHA-256 thumbprint of a public JWK (base64url), or undefined when a required member
 * is missing or not a non-empty string: such a key matches nothing. WebCrypto's digest over the
 * canonical JSON; `jose`'s calculateJwkThumbprint would bring its key export code to every page.
 */
export async function jwkThumbprint(jwk: JWK): Promise<string | undefined> {
  const members =
    typeof jwk.kty === 'string' && Object.hasOwn(REQUIRED_MEMBERS, jwk.kty) ? REQUIRED_MEMBERS[jwk.kty] : undefined;
  if (!members) return undefined;
  const canonical: Record<string, string> = {};
  for (const member of members) {
    const value: unknown = (jwk as Record<string, unknown>)[member];
    if (typeof value !== 'string' || value === '') return undefined;
    canonical[member] = value;
  }
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(JSON.stringify(canonical)));
  return base64url.encode(new Uint8Array(digest));
}
