import type { ProtectedHeaderParameters } from 'jose';
import { recipientStep } from '../checks/recipient-step.js';
import { statusStep } from '../checks/status.js';
import { checkValidityPeriod } from '../checks/validity-period.js';
import { bindKeyToIssuer } from '../checks/issuer.js';
import {
  ClaimMismatch,
  IssuerMismatch,
  JoseHeaderInvalid,
  MalformedInput,
  NotABadge,
  UnsupportedFormat,
} from '../errors.js';
import { isJsonType, textOf } from '../fetcher.js';
import { arrayOf, hasType, idOf, isObject, stringOf, type JsonObject } from '../lib/json.js';
import { vcdmVersionOf } from '../lib/vcdm.js';
import type { FormatPlugin, ParsedBadge, RawInput, Step } from '../plugin.js';
import { looksLikeCompactJws, readJwsHeader } from '../proofs/jws.js';
import { mediaTypeOf, decodePayload, verifyJwsProof, type JwsHeader } from '../proofs/jws-proof.js';
import type { SigningKey } from '../keys/resolve-signing-key.js';
import { toBadgeView } from '../view.js';

/**
 * Two ways a credential rides in a JWT:
 * - VC-JWT (VC Data Model 1.1 §6.3.1, the OB 3.0 "JSON Web Token Proof"): the credential is
 *   the `vc` claim and the registered claims (`iss`, `jti`, `sub`, `nbf`, `exp`) mirror it.
 * - VC-JOSE (VC-JOSE-COSE, VC Data Model 2.0): `typ` is `vc+jwt`; the payload IS the credential
 *   and must not carry `vc`/`vp` claims.
 */
export type JwtSecuring = 'vc-jwt' | 'vc-jose';

export interface ParsedJwtCredential extends ParsedBadge {
  readonly jws: string;
  readonly header: JwsHeader;
  readonly claims: JsonObject;
  readonly securing: JwtSecuring;
  readonly issuerId: string;
  /** Filled in by the proof step; the issuer step reads it. One object per verification run. */
  readonly state: { key?: SigningKey };
}

/** `vc+jwt` (VC-JOSE-COSE); `vc+ld+jwt`, `vc+ld+json+jwt` and `vc-ld+jwt` from its drafts, still issued. */
const VC_JOSE_TYPES = new Set(['vc+jwt', 'vc+ld+jwt', 'vc+ld+json+jwt', 'vc-ld+jwt']);

/** `cty` saying "the payload is a credential": `vc`, or a more specific `vc+…` (VC-JOSE-COSE §3.1.1), or a draft's `vc-ld+json`. */
function isCredentialContentType(cty: string): boolean {
  return cty === 'vc' || cty.startsWith('vc+') || cty === 'vc-ld+json';
}

export function compactTextOf(input: RawInput): string | undefined {
  if (input.kind === 'text') return input.text.trim();
  if (input.kind === 'document' && !isJsonType(input.document.contentType)) {
    try {
      return textOf(input.document).trim();
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function securingOf(header: ProtectedHeaderParameters, claims: JsonObject): JwtSecuring {
  const typ = mediaTypeOf(header.typ);
  const cty = mediaTypeOf(header.cty);
  if (typ !== undefined && VC_JOSE_TYPES.has(typ)) {
    if (cty !== undefined && !isCredentialContentType(cty)) {
      throw new JoseHeaderInvalid(`Content type ${header.cty} is not a credential`, {
        details: { header: 'cty', value: String(header.cty) },
      });
    }
    if ('vc' in claims || 'vp' in claims) {
      throw new MalformedInput('A vc+jwt payload is the credential itself and must not carry vc or vp claims', {
        details: { claims: ['vc', 'vp'].filter((claim) => claim in claims) },
      });
    }
    return 'vc-jose';
  }
  if (typ !== undefined && typ !== 'jwt') {
    throw new JoseHeaderInvalid(`Token type ${header.typ} is not a credential`, {
      details: { header: 'typ', value: String(header.typ) },
    });
  }
  if (cty !== undefined && !isCredentialContentType(cty)) {
    throw new JoseHeaderInvalid(`Content type ${header.cty} is not a credential`, {
      details: { header: 'cty', value: String(header.cty) },
    });
  }
  // A plain JWT with no `vc` claim whose payload is a credential: VC-JOSE issuers that omit `typ`.
  return isObject(claims['vc']) ? 'vc-jwt' : 'vc-jose';
}

function credentialOf(securing: JwtSecuring, claims: JsonObject): JsonObject {
  const credential = securing === 'vc-jwt' ? claims['vc'] : claims;
  if (!isObject(credential)) throw new NotABadge('The token does not carry a credential');
  if (hasType(credential, 'VerifiablePresentation') || isObject(claims['vp'])) {
    throw new UnsupportedFormat('Verifiable presentations are not supported yet', {
      details: { type: 'VerifiablePresentation' },
    });
  }
  if (!hasType(credential, 'VerifiableCredential')) {
    throw new NotABadge('The token does not carry a Verifiable Credential', {
      details: { type: credential['type'] ?? null },
    });
  }
  return credential;
}

/** In VC-JWT 1.1 the issuer may be given only by `iss`; the credential then inherits it. */
function issuerIdOf(securing: JwtSecuring, claims: JsonObject, credential: JsonObject): string {
  const issuerId = idOf(credential['issuer']) ?? (securing === 'vc-jwt' ? stringOf(claims['iss']) : undefined);
  if (!issuerId) throw new MalformedInput('The credential names no issuer', { details: { field: 'issuer' } });
  return issuerId;
}

function numericDateOf(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? new Date(value * 1000).toISOString() : undefined;
}

/**
 * VC-JWT decoding (VC Data Model 1.1 §6.3.1.2; OB 3.0 §8.2.4.1): registered claims stand in for
 * credential properties the `vc` claim leaves out (`iss` → issuer, `jti` → id, `sub` → subject id,
 * `nbf`/`exp` → start/end dates), so what is shown and returned is the credential the token
 * carries. Properties the credential states itself are never replaced; contradictions are the
 * issuer and validity steps' business.
 */
function decodeVcJwt(claims: JsonObject, credential: JsonObject, issuerId: string): JsonObject {
  const decoded: JsonObject = { ...credential };
  const v1 = vcdmVersionOf(credential) === '1.1';
  if (decoded['issuer'] === undefined) decoded['issuer'] = issuerId;
  const jti = stringOf(claims['jti']);
  if (decoded['id'] === undefined && jti !== undefined) decoded['id'] = jti;
  const sub = stringOf(claims['sub']);
  const subject = decoded['credentialSubject'];
  if (sub !== undefined && isObject(subject) && subject['id'] === undefined) {
    decoded['credentialSubject'] = { ...subject, id: sub };
  }
  const [startField, endField] = v1 ? ['issuanceDate', 'expirationDate'] : ['validFrom', 'validUntil'];
  const nbf = numericDateOf(claims['nbf']);
  if (nbf !== undefined && decoded['validFrom'] === undefined && decoded['issuanceDate'] === undefined) {
    decoded[startField] = nbf;
  }
  const exp = numericDateOf(claims['exp']);
  if (exp !== undefined && decoded['validUntil'] === undefined && decoded['expirationDate'] === undefined) {
    decoded[endField] = exp;
  }
  return decoded;
}

const proofStep: Step<ParsedJwtCredential> = {
  id: 'proof',
  run: (parsed, context) => verifyJwsProof(parsed, parsed.issuerId, parsed.state, context),
};

/**
 * The key must be the issuer's, and the token's claims must describe the credential they wrap:
 * a token whose `iss` (in the payload, or the protected header: VC-JOSE-COSE §4.1.2), `jti` or
 * `sub` contradicts the credential is not that credential, whichever way it is secured (VC-JWT
 * 1.1 §6.3.1; OB 3.0 §8.2 "Verify a Credential"; VC-JOSE-COSE §3.1.3). Absent claims are
 * tolerated: VC-JWT 1.1 lets them stand in for credential properties, and VC-JOSE needs none.
 */
const issuerStep: Step<ParsedJwtCredential> = {
  id: 'issuer',
  requires: ['proof'],
  run(parsed) {
    const { claims, credential, issuerId, header } = parsed;
    for (const iss of [claims['iss'], (header as { iss?: unknown }).iss]) {
      if (iss !== undefined && iss !== issuerId) {
        throw new IssuerMismatch(`The token was issued by ${String(iss)}, the credential names ${issuerId}`, {
          details: { iss: String(iss), issuer: issuerId },
        });
      }
    }
    const outcome = bindKeyToIssuer(parsed.state.key!, issuerId);
    const jti = claims['jti'];
    const credentialId = stringOf(credential['id']);
    if (jti !== undefined && credentialId !== undefined && jti !== credentialId) {
      throw new ClaimMismatch('The token id (jti) differs from the credential id', {
        details: { claim: 'jti', claimValue: String(jti), credentialValue: credentialId },
      });
    }
    const sub = claims['sub'];
    // A JWT names one subject; with several, it must be one of them (VC-JWT 1.1 cannot encode more).
    const subjectIds = arrayOf(credential['credentialSubject']).map((subject) => idOf(subject));
    const decidable = subjectIds.length > 0 && subjectIds.every((id) => id !== undefined);
    if (sub !== undefined && decidable && !subjectIds.includes(sub as string)) {
      throw new ClaimMismatch('The token subject (sub) differs from the credential subject', {
        details: { claim: 'sub', claimValue: String(sub), credentialValue: subjectIds.join(', ') },
      });
    }
    return outcome;
  },
};

const validityStep: Step<ParsedJwtCredential> = {
  id: 'validity',
  requires: ['proof'],
  // In VC-JWT 1.1 `nbf`/`exp` mirror the credential's dates and must agree with them; in VC-JOSE
  // they are the token's own lifetime, "different from validFrom and validUntil" (VC-JOSE-COSE
  // §3.1.3): still a window now must be inside, but not compared.
  run: (parsed, context) =>
    checkValidityPeriod(parsed.credential, context, parsed.claims, {
      claimsMirrorCredential: parsed.securing === 'vc-jwt',
    }),
};

/** Open Badges 3.0 (and any W3C VC) secured as a JWT: VC-JWT with a `vc` claim, or VC-JOSE. */
export function ob3Jwt(): FormatPlugin<ParsedJwtCredential> {
  return {
    format: 'ob3-jwt',
    detect(input) {
      const text = compactTextOf(input);
      return text !== undefined && looksLikeCompactJws(text);
    },
    parse(input) {
      const jws = compactTextOf(input);
      if (jws === undefined || !looksLikeCompactJws(jws)) throw new MalformedInput('Not a compact JWS');
      // The header is vetted first: a hostile one fails with its own code whatever the payload holds.
      const header = readJwsHeader(jws);
      const claims = decodePayload(jws);
      const securing = securingOf(header, claims);
      const wrapped = credentialOf(securing, claims);
      const issuerId = issuerIdOf(securing, claims, wrapped);
      const credential = securing === 'vc-jwt' ? decodeVcJwt(claims, wrapped, issuerId) : wrapped;
      return {
        jws,
        header,
        claims,
        securing,
        credential,
        issuerId,
        state: {},
        details: {
          securing,
          alg: header.alg,
          typ: header.typ ?? null,
          vcdm: vcdmVersionOf(credential) ?? null,
          credentialType: credential['type'] ?? null,
        },
      };
    },
    steps: [proofStep, issuerStep, validityStep, statusStep, recipientStep],
    view: (parsed) => toBadgeView(parsed.credential, parsed.issuerId),
  };
}
