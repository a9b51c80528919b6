import { looksLikeSignedOb2 } from '../ob2/detect.js';
import type { FormatPlugin, RawInput } from '../plugin.js';
import { textOfInput } from './input.js';
import { lazyFormat } from './lazy-format.js';
import type { ParsedSignedAssertion } from './ob2-signed-plugin.js';

export type { ParsedSignedAssertion };

/** A compact JWS whose payload is an OB 2.0 assertion. */
export function isSignedOb2Input(input: RawInput): boolean {
  return looksLikeSignedOb2(textOfInput(input));
}

/**
 * Open Badges 2.0 assertions signed as a compact JWS (`ob2-signed-plugin.ts`, loaded with
 * `import()` the first time one is seen).
 */
export function ob2Signed(): FormatPlugin<ParsedSignedAssertion> {
  return lazyFormat({ format: 'ob2-signed', detect: isSignedOb2Input }, () =>
    import('./ob2-signed-plugin.js').then((module) => module.ob2SignedPlugin()),
  );
}
