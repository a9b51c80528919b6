import { peekJwsPayload } from '../lib/compact-jws.js';
import { hasType, isObject } from '../lib/json.js';
import type { FormatPlugin, RawInput } from '../plugin.js';
import { looksLikeCompactJws } from '../proofs/jws.js';
import type { EmbeddedProofOptions } from '../proofs/proof-set.js';
import { jsonOfInput } from './input.js';
import { lazyFormat } from './lazy-format.js';
import { compactTextOf } from './ob3-jwt.js';
import type { ParsedPresentation } from './presentation-plugin.js';

export type { ParsedPresentation };

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

/**
 * A presentation as JSON, signed with an embedded Data Integrity proof, or unsigned
 * (`presentation-plugin.ts`, loaded with `import()` the first time one is seen).
 */
export function vpJson(options: EmbeddedProofOptions = {}): FormatPlugin<ParsedPresentation> {
  return lazyFormat({ format: 'vp-json', detect: isPresentationJsonInput }, () =>
    import('./presentation-plugin.js').then((module) => module.vpJsonPlugin(options)),
  );
}

/** A presentation secured as a JWT (`vp` claim, or VC-JOSE `vp+jwt`). */
export function vpJwt(): FormatPlugin<ParsedPresentation> {
  return lazyFormat({ format: 'vp-jwt', detect: isPresentationJwtInput }, () =>
    import('./presentation-plugin.js').then((module) => module.vpJwtPlugin()),
  );
}
