import type { FormatPlugin } from '../plugin.js';
import type { EmbeddedProofOptions } from '../proofs/proof-set.js';
import { isPresentationJsonInput, isPresentationJwtInput, looksLikePresentationJwt } from './presentation-detect.js';
import { lazyFormat } from './lazy-format.js';
import type { ParsedPresentation } from './presentation-plugin.js';

export type { ParsedPresentation };
export { isPresentationJsonInput, isPresentationJwtInput, looksLikePresentationJwt };

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
