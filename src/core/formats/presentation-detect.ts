import { peekJwsPayload } from '../lib/compact-jws.js';
import { hasType, isObject } from '../lib/json.js';
import type { RawInput } from '../plugin.js';
import { looksLikeCompactJws } from '../proofs/jws.js';
import { jsonOfInput } from './input.js';
import { compactTextOf } from './ob3-jwt.js';

// What this format recognises, apart from its shell and its lazily loaded plug-in: both detect
// with it, before and after the plug-in loads, and neither imports the other back.

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
