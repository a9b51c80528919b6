/** The parsed absolute URL, or undefined for anything else (not a string, relative, malformed). */
export function absoluteUrlOf(value: unknown): URL | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** Whether two identifiers name the same address: equal, or the same URL once parsed. */
export function isSameAddress(a: string, b: string): boolean {
  if (a === b) return true;
  const [left, right] = [absoluteUrlOf(a), absoluteUrlOf(b)];
  return left !== undefined && right !== undefined && left.href === right.href;
}

/**
 * The parsed URL when `value` is an absolute https URL without userinfo, else undefined: the only
 * URLs keys and issuer documents may come from. `https://school.example@evil.test/` is evil.test
 * written to read as school.example: it is no issuer's address.
 */
export function httpsUrlOf(value: string): URL | undefined {
  const url = webUrlOf(value);
  return url?.protocol === 'https:' ? url : undefined;
}

/** `localhost`, `*.localhost` or `127.x.x.x`: traffic to these never leaves the machine. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * The parsed URL when `value` is an absolute http(s) URL without userinfo, else undefined. A URL
 * with a user name or password (`https://school.example@evil.test/`) is refused outright: it
 * exists to make a host look like another, and no issuer needs one.
 */
export function webUrlOf(value: unknown): URL | undefined {
  const url = absoluteUrlOf(value);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  return url;
}

/**
 * A host name as it is compared: the WHATWG URL parser has already lower-cased it, mapped IDNA
 * to punycode, decoded percent-escapes and read every IPv4 form (`0x7f.1`); one trailing dot, the
 * DNS root, is dropped (`school.example.` is `school.example`).
 */
export function hostNameOf(url: URL): string {
  return url.hostname.endsWith('.') ? url.hostname.slice(0, -1) : url.hostname;
}

/**
 * Whether two URLs are on the same server: the same host name (see `hostNameOf`) and the same
 * explicit port (none on both means each scheme's default). The scheme may differ (an `http:`
 * key of an `https:` issuer is on its host); a different port is another server.
 */
export function isSameHost(a: URL, b: URL): boolean {
  return hostNameOf(a) === hostNameOf(b) && a.port === b.port;
}
