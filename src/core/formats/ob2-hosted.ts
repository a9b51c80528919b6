import { looksLikeOb2Assertion } from '../ob2/detect.js';
import type { FormatPlugin } from '../plugin.js';
import { jsonOfInput, lazyFormat } from './lazy-format.js';
import type { ParsedHostedAssertion } from './ob2-hosted-plugin.js';

export type { ParsedHostedAssertion };

/**
 * Open Badges 2.0 assertions verified by their hosted copy (`ob2-hosted-plugin.ts`, loaded with
 * `import()` the first time a 2.0 assertion is seen).
 */
export function ob2Hosted(): FormatPlugin<ParsedHostedAssertion> {
  return lazyFormat(
    {
      format: 'ob2-hosted',
      // A bare 410 for a badge URL carries no body to recognise: it can only be a gone hosted assertion.
      detect: (input) =>
        looksLikeOb2Assertion(jsonOfInput(input)) || (input.kind === 'json' && input.httpStatus === 410),
    },
    () => import('./ob2-hosted-plugin.js').then((module) => module.ob2HostedPlugin()),
  );
}
