import type { FormatPlugin } from '../plugin.js';
import { isHostedOb2Input } from './ob2-hosted-detect.js';
import { lazyFormat } from './lazy-format.js';
import type { ParsedHostedAssertion } from './ob2-hosted-plugin.js';

export type { ParsedHostedAssertion };
export { isHostedOb2Input };

/**
 * Open Badges 2.0 assertions verified by their hosted copy (`ob2-hosted-plugin.ts`, loaded with
 * `import()` the first time a 2.0 assertion is seen).
 */
export function ob2Hosted(): FormatPlugin<ParsedHostedAssertion> {
  return lazyFormat({ format: 'ob2-hosted', detect: isHostedOb2Input }, () =>
    import('./ob2-hosted-plugin.js').then((module) => module.ob2HostedPlugin()),
  );
}
