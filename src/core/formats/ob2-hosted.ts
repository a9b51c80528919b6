import { looksLikeOb2Assertion } from '../ob2/detect.js';
import type { FormatPlugin, RawInput } from '../plugin.js';
import { jsonOfInput } from './input.js';
import { lazyFormat } from './lazy-format.js';
import type { ParsedHostedAssertion } from './ob2-hosted-plugin.js';

export type { ParsedHostedAssertion };

/** An OB 2.0 assertion as JSON; a bare 410 for a badge URL too, which can only be a gone hosted assertion. */
export function isHostedOb2Input(input: RawInput): boolean {
  return looksLikeOb2Assertion(jsonOfInput(input)) || (input.kind === 'json' && input.httpStatus === 410);
}

/**
 * Open Badges 2.0 assertions verified by their hosted copy (`ob2-hosted-plugin.ts`, loaded with
 * `import()` the first time a 2.0 assertion is seen).
 */
export function ob2Hosted(): FormatPlugin<ParsedHostedAssertion> {
  return lazyFormat({ format: 'ob2-hosted', detect: isHostedOb2Input }, () =>
    import('./ob2-hosted-plugin.js').then((module) => module.ob2HostedPlugin()),
  );
}
