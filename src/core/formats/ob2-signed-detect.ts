import { looksLikeSignedOb2 } from '../ob2/detect.js';
import type { RawInput } from '../plugin.js';
import { textOfInput } from './input.js';

// What this format recognises, apart from its shell and its lazily loaded plug-in: both detect
// with it, before and after the plug-in loads, and neither imports the other back.

/** A compact JWS whose payload is an OB 2.0 assertion. */
export function isSignedOb2Input(input: RawInput): boolean {
  return looksLikeSignedOb2(textOfInput(input));
}
