/** The parsed URL when `value` is an absolute https URL, else undefined: the only scheme keys and issuer documents may come from. */
export function httpsUrlOf(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** `localhost`, `*.localhost` or `127.x.x.x`: traffic to these never leaves the machine. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(host);
}
