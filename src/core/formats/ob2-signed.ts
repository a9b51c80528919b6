import type { FormatPlugin } from '../plugin.js';
import { isSignedOb2Input } from './ob2-signed-detect.js';
import { lazyFormat } from './lazy-format.js';
import type { ParsedSignedAssertion } from './ob2-signed-plugin.js';

export type { ParsedSignedAssertion };
export { isSignedOb2Input };

/**
 * Open Badges 2.0 assertions signed as a compact JWS (`ob2-signed-plugin.ts`, loaded with
 * `import()` the first time one is seen).
 */
export function ob2Signed(): FormatPlugin<ParsedSignedAssertion> {
  return lazyFormat({ format: 'ob2-signed', detect: isSignedOb2Input }, () =>
    import('./ob2-signed-plugin.js').then((module) => module.ob2SignedPlugin()),
  );
}
