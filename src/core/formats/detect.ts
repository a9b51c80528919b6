import { hasType, isObject, type JsonObject } from '../lib/json.js';
import { peekJwsPayload } from '../lib/compact-jws.js';
import { looksLikeOb2Assertion, looksLikeSignedOb2 } from '../ob2/detect.js';
import type { RawInput } from '../plugin.js';
import { looksLikeCompactJws } from '../proofs/jws.js';
import { jsonOfInput, textOfInput } from './input.js';
import { compactTextOf } from './ob3-jwt.js';

/**
 * What each lazily loaded format recognises. Its shell (`ob2-hosted.ts`…) detects with these
 * before the plug-in is loaded, and the plug-in (`ob2-hosted-plugin.ts`…) with the same ones
 * after: here, so neither imports the other back.
 */

/** An OB 2.0 assertion as JSON; a bare 410 for a badge URL too, which can only be a gone hosted assertion. */
export function isHostedOb2Input(input: RawInput): boolean {
  return looksLikeOb2Assertion(jsonOfInput(input)) || (input.kind === 'json' && input.httpStatus === 410);
}

/** A compact JWS whose payload is an OB 2.0 assertion. */
export function isSignedOb2Input(input: RawInput): boolean {
  return looksLikeSignedOb2(textOfInput(input));
}

/** A Verifiable Credential as JSON (a presentation is another format's). */
export function isCredential(value: unknown): value is JsonObject {
  return isObject(value) && hasType(value, 'VerifiableCredential') && !hasType(value, 'VerifiablePresentation');
}

/** A compact JWS whose payload is a presentation (a `vp` claim, or VC-JOSE's presentation itself). */
export function looksLikePresentationJwt(text: string | undefined): text is string {
  if (text === undefined || !looksLikeCompactJws(text)) return false;
  const claims = peekJwsPayload(text);
  return isObject(claims) && (isObject(claims['vp']) || hasType(claims, 'VerifiablePresentation'));
}

/** A Verifiable Presentation as JSON. */
export function isPresentationJsonInput(input: RawInput): boolean {
  return hasType(jsonOfInput(input), 'VerifiablePresentation');
}

/** A presentation as a compact JWS. */
export function isPresentationJwtInput(input: RawInput): boolean {
  return looksLikePresentationJwt(compactTextOf(input));
}
