/**
 * Badge data is untrusted and reaches the components through a render model that should be well
 * typed; these keep a buggy or hostile model from breaking a render (a non-string becomes nothing,
 * not "[object Object]"; a non-array, an empty list).
 */

/** The value when it is a string with something in it, else `undefined`. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The value when it is an array, else an empty one (its items still need checking). */
export function list<T>(value: unknown): readonly T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/** At most `max` characters (code points) of an untrusted sentence, on one line. */
export function clip(value: string, max: number): string {
  const chars = Array.from(value.replace(/\s+/gu, ' ').trim());
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}
