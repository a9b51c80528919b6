import { looksLikeSignedOb2 } from '../ob2/detect.js';
import type { FormatPlugin } from '../plugin.js';
import { lazyFormat, textOfInput } from './lazy-format.js';
import type { ParsedSignedAssertion } from './ob2-signed-plugin.js';

export type { ParsedSignedAssertion };

/**
 * Open Badges 2.0 assertions signed as a compact JWS (`ob2-signed-plugin.ts`, loaded with
 * `import()` the first time one is seen).
 */
export function ob2Signed(): FormatPlugin<ParsedSignedAssertion> {
  return lazyFormat({ format: 'ob2-signed', detect: (input) => looksLikeSignedOb2(textOfInput(input)) }, () =>
    import('./ob2-signed-plugin.js').then((module) => module.ob2SignedPlugin()),
  );
}
