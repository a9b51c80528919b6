/**
 * Badge-provided text as it may be shown. Bidirectional formatting characters (embeddings and
 * overrides U+202A–U+202E, isolates U+2066–U+2069, the LRM/RLM marks U+200E/U+200F, the Arabic
 * letter mark U+061C) only serve, in a badge, to make text read as something else: "Evil U+202E
 * deifireV ✓" shows as "Evil ✓ Verified". Every string of the render model (`toBadgeView()`) and
 * every issuer-written sentence a check keeps for display (a revocation reason) goes through here;
 * the components then isolate each one in its own element.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
const HAS_BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** `value` without bidi formatting characters. */
export function withoutBidiControls(value: string): string {
  return value.replace(BIDI_CONTROLS, '');
}

/** Whether `value` holds a bidi formatting character (no IRI may: RFC 3987, 4.1). */
export function hasBidiControls(value: string): boolean {
  return HAS_BIDI_CONTROL.test(value);
}

/** A string for display: without bidi formatting characters and trimmed; `undefined` when nothing is left or it is no string. */
export function displayText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = withoutBidiControls(value).trim();
  return text === '' ? undefined : text;
}
