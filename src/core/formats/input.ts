import type { RawInput } from '../plugin.js';

/** The JSON of an input, when it is JSON. */
export function jsonOfInput(input: RawInput): unknown {
  return input.kind === 'json' ? input.value : undefined;
}

/** The text of an input, trimmed, when it is text. */
export function textOfInput(input: RawInput): string | undefined {
  return input.kind === 'text' ? input.text.trim() : undefined;
}
