import type { FormatPlugin } from '../plugin.js';
import type { EmbeddedProofOptions } from '../proofs/proof-set.js';
import { isCredential } from './ob3-json-detect.js';
import { jsonOfInput } from './input.js';
import { lazyFormat } from './lazy-format.js';
import type { ParsedJsonCredential } from './ob3-json-plugin.js';

export type { ParsedJsonCredential };
export { isCredential };

/** Options for the JSON format: extra contexts and canonicalization caps. */
export type Ob3JsonOptions = EmbeddedProofOptions;

/**
 * Open Badges 3.0 (and any W3C Verifiable Credential, VCDM 1.1 or 2.0) as JSON with embedded
 * Data Integrity proofs: `eddsa-rdfc-2022` (and its draft name `eddsa-2022`), `eddsa-jcs-2022`,
 * `ecdsa-rdfc-2019`, `ecdsa-jcs-2019`, `Ed25519Signature2020`; proof sets and chains. Its checks
 * (`ob3-json-plugin.ts`) load with `import()` the first time a JSON credential is seen, so a page
 * of JWT badges never downloads them.
 */
export function ob3Json(options: Ob3JsonOptions = {}): FormatPlugin<ParsedJsonCredential> {
  return lazyFormat({ format: 'ob3-json', detect: (input) => isCredential(jsonOfInput(input)) }, () => {
    // The plug-in imports proof-set.ts statically, which loads the Data Integrity chunk on the first
    // proof: asked for now, beside the plug-in, the three chunks take two round trips instead of three.
    import('../proofs/proof-set.js').then((module) => module.loadDataIntegrity()).catch(() => {});
    return import('./ob3-json-plugin.js').then((module) => module.ob3JsonPlugin(options));
  });
}
