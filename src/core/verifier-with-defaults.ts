import { defaultPlugins } from './defaults.js';
import { createVerifier, type Verifier, type VerifierConfig } from './verify.js';

/**
 * A verifier with every built-in plug-in given up front. The elements reach this module with one
 * `import()`, which brings the pipeline and the defaults together: no second round trip for the
 * defaults, as there would be if `verify.ts` loaded them on its first run. It lives apart from
 * both so that neither imports the other back.
 */
export function createVerifierWithDefaults(config: VerifierConfig = {}): Verifier {
  return createVerifier({ ...defaultPlugins(), ...config });
}
