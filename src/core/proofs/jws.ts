import {
  compactVerify,
  decodeProtectedHeader,
  errors as joseErrors,
  importJWK,
  type JWK,
  type ProtectedHeaderParameters,
} from 'jose';
import {
  BadgeError,
  JoseAlgNotAllowed,
  JoseCritUnsupported,
  JoseHeaderInvalid,
  MalformedInput,
  SignatureInvalid,
} from '../errors.js';

/**
 * The JWS algorithms we accept, each with the only key type it may be used with. `none` and
 * every HMAC algorithm are absent on purpose: a verifier holds no shared secret with an issuer,
 * and letting a token pick HS256 with a public key as the "secret" is the classic JWT forgery.
 * Pairing alg with key type stops a token from steering an RSA key into ECDSA and so on.
 */
const ALLOWED: Readonly<Record<string, (jwk: JWK) => boolean>> = {
  EdDSA: (jwk) => jwk.kty === 'OKP' && jwk.crv === 'Ed25519',
  Ed25519: (jwk) => jwk.kty === 'OKP' && jwk.crv === 'Ed25519',
  ES256: (jwk) => jwk.kty === 'EC' && jwk.crv === 'P-256',
  ES384: (jwk) => jwk.kty === 'EC' && jwk.crv === 'P-384',
  ES512: (jwk) => jwk.kty === 'EC' && jwk.crv === 'P-521',
  RS256: (jwk) => isStrongRsa(jwk),
  PS256: (jwk) => isStrongRsa(jwk),
};

/** RSA below 2048 bits is breakable in practice (NIST SP 800-131A); checked here so it is named, not a crash in `jose`. */
function isStrongRsa(jwk: JWK): boolean {
  if (jwk.kty !== 'RSA' || typeof jwk.n !== 'string') return false;
  // base64url without padding: 4 characters per 3 bytes; leading zero bytes are not written.
  return Math.floor((jwk.n.length * 3) / 4) * 8 >= 2048;
}

export const ALLOWED_JWS_ALGORITHMS: readonly string[] = Object.freeze(Object.keys(ALLOWED));

// The signature segment may be empty: that is the shape of an unsecured (`alg: none`) JWT, which
// should be recognised and refused by name rather than reported as unreadable text.
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** Cheap shape test: three base64url segments. Says nothing about validity. */
export function looksLikeCompactJws(text: string): boolean {
  return COMPACT_JWS.test(text);
}

const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

/**
 * Reads and vets the protected header before any key is looked up, so a hostile header
 * (alg none, HMAC, unknown critical extension, a private key in `jwk`) fails fast with its own code.
 */
export function readJwsHeader(jws: string): ProtectedHeaderParameters & { alg: string } {
  let header: ProtectedHeaderParameters;
  try {
    header = decodeProtectedHeader(jws);
  } catch (cause) {
    throw new MalformedInput('The token header is not valid base64url JSON', { cause });
  }
  const alg = header.alg;
  if (typeof alg !== 'string' || !Object.prototype.hasOwnProperty.call(ALLOWED, alg)) {
    throw new JoseAlgNotAllowed(`Algorithm ${String(alg)} is not allowed`, {
      details: { alg: String(alg), allowed: ALLOWED_JWS_ALGORITHMS },
    });
  }
  // We implement no JWS extensions, so any `crit` entry names one we cannot honour (RFC 7515 §4.1.11).
  if (header.crit !== undefined) {
    throw new JoseCritUnsupported(undefined, {
      details: { crit: Array.isArray(header.crit) ? header.crit.map(String) : String(header.crit) },
    });
  }
  if (header.kid !== undefined && (typeof header.kid !== 'string' || header.kid.length === 0)) {
    throw new JoseHeaderInvalid('The kid header must be a non-empty string', { details: { header: 'kid' } });
  }
  if (header.jwk !== undefined) {
    if (typeof header.jwk !== 'object' || header.jwk === null || Array.isArray(header.jwk)) {
      throw new JoseHeaderInvalid('The jwk header must be a JSON Web Key', { details: { header: 'jwk' } });
    }
    if (PRIVATE_JWK_MEMBERS.some((member) => member in (header.jwk as object))) {
      throw new JoseHeaderInvalid('The jwk header contains private or secret key material', {
        details: { header: 'jwk' },
      });
    }
  }
  return header as ProtectedHeaderParameters & { alg: string };
}

/**
 * Verifies a compact JWS with `jwk` and returns the exact payload bytes that were signed.
 * Callers decode and show those bytes, so what is displayed is what the signature covers.
 */
export async function verifyCompactJws(jws: string, alg: string, jwk: JWK): Promise<Uint8Array> {
  // Own properties only: `alg` is attacker-chosen, and "constructor" or "__proto__" must not look allowed.
  const fits = Object.hasOwn(ALLOWED, alg) ? ALLOWED[alg] : undefined;
  if (!fits) throw new JoseAlgNotAllowed(`Algorithm ${alg} is not allowed`, { details: { alg } });
  if (!fits(jwk)) {
    const weakRsa = jwk.kty === 'RSA' && alg.endsWith('256');
    throw new JoseAlgNotAllowed(
      weakRsa
        ? `RSA keys shorter than 2048 bits are not accepted (${alg})`
        : `Algorithm ${alg} cannot be used with a ${String(jwk.kty)}${jwk.crv ? ` ${jwk.crv}` : ''} key`,
      {
        details: { alg, kty: jwk.kty ?? null, crv: jwk.crv ?? null },
      },
    );
  }
  const publicJwk: JWK = { ...jwk };
  for (const member of PRIVATE_JWK_MEMBERS) delete publicJwk[member];
  delete publicJwk.alg;
  delete publicJwk.use;
  delete publicJwk.key_ops;
  let key: CryptoKey | Uint8Array;
  try {
    key = await importJWK(publicJwk, alg);
  } catch (cause) {
    throw new JoseAlgNotAllowed('The key cannot be used with this algorithm', { cause, details: { alg } });
  }
  try {
    const { payload } = await compactVerify(jws, key, { algorithms: [alg], crit: {} });
    return payload;
  } catch (cause) {
    if (cause instanceof BadgeError) throw cause;
    if (cause instanceof joseErrors.JWSSignatureVerificationFailed) {
      throw new SignatureInvalid(undefined, { cause, details: { alg } });
    }
    if (cause instanceof joseErrors.JOSEAlgNotAllowed || cause instanceof joseErrors.JOSENotSupported) {
      throw new JoseAlgNotAllowed(undefined, { cause, details: { alg } });
    }
    // jose reports a signature of the wrong length (e.g. a truncated ECDSA signature) as invalid input.
    if (cause instanceof joseErrors.JWSInvalid) {
      throw new SignatureInvalid('The signature is malformed', { cause, details: { alg } });
    }
    throw new MalformedInput('The token could not be verified', { cause, details: { alg } });
  }
}
