import { looksLikeOb2Assertion } from '../ob2/detect.js';
import type { RawInput } from '../plugin.js';
import { jsonOfInput } from './input.js';

// What this format recognises, apart from its shell and its lazily loaded plug-in: both detect
// with it, before and after the plug-in loads, and neither imports the other back.

/** An OB 2.0 assertion as JSON; a bare 410 for a badge URL too, which can only be a gone hosted assertion. */
export function isHostedOb2Input(input: RawInput): boolean {
  return looksLikeOb2Assertion(jsonOfInput(input)) || (input.kind === 'json' && input.httpStatus === 410);
}
