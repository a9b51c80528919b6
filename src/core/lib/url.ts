/** The parsed URL when `value` is an absolute https URL, else undefined: the only scheme keys and issuer documents may come from. */
export function httpsUrlOf(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
