import { DidInvalid, KeyUnresolvable } from '../errors.js';
import { loadJsonObject } from '../fetcher.js';
import { isLoopbackHost } from '../lib/url.js';
import type { DidDocument, DidResolver } from './did.js';
import { toDidDocument } from './verification-method.js';

export interface DidWebOptions {
  /**
   * Host names (without port) whose `did.json` is fetched over plain http instead of https.
   * Off by default. Only loopback names are accepted (`localhost`, `*.localhost`, `127.x.x.x`):
   * a local demo or dev server can serve its own DID document without a TLS certificate, and
   * since loopback traffic never leaves the machine nobody on the network can swap the keys.
   * Any other host must be https, because whoever can rewrite the document chooses the keys
   * the badge is checked against. A non-loopback entry is a programmer error (`TypeError`).
   */
  readonly allowHttpHosts?: readonly string[] | undefined;
}

const DNS_LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST = new RegExp(`^${DNS_LABEL}(?:\\.${DNS_LABEL})*$`, 'i');
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
/** A path segment: DID idchars and percent-escapes, as the DID syntax allows. */
const SEGMENT = /^(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})+$/;

/** Dot segments, even percent-encoded, would let the URL parser walk out of the DID's path. */
function isDotSegment(segment: string): boolean {
  const decoded = segment.replace(/%2e/gi, '.');
  return decoded === '.' || decoded === '..';
}

/**
 * The URL of a did:web document (did:web spec, "Read"): `did:web:example.com` →
 * `https://example.com/.well-known/did.json`; `did:web:example.com:user:alice` →
 * `https://example.com/user/alice/did.json`; a port is written `%3A`.
 */
function documentUrl(did: string, httpHosts: ReadonlySet<string>): string {
  const invalid = (message: string) => new DidInvalid(message, { details: { did } });
  if (!did.startsWith('did:web:')) throw invalid('Not a did:web');
  if (/[/?#]/.test(did)) throw invalid('A did:web has no path, query or fragment');
  const [authority = '', ...segments] = did.slice('did:web:'.length).split(':');
  const portMatch = /^(.*?)(?:%3a(\d{1,5}))?$/i.exec(authority);
  const host = (portMatch?.[1] ?? '').toLowerCase();
  const port = portMatch?.[2];
  if (!HOST.test(host)) throw invalid('The did:web domain is not a valid host name');
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535))
    throw invalid('The did:web port is out of range');
  const http = httpHosts.has(host);
  // The spec forbids IP addresses (they cannot match a TLS certificate's name); the loopback
  // exception exists only so a local demo can use 127.0.0.1.
  if (IPV4.test(host) && !http) throw invalid('A did:web may not name an IP address');
  for (const segment of segments) {
    if (!SEGMENT.test(segment) || isDotSegment(segment)) throw invalid('The did:web has an invalid path segment');
  }
  const origin = `${http ? 'http' : 'https'}://${host}${port !== undefined ? `:${port}` : ''}`;
  const path = segments.length > 0 ? `/${segments.join('/')}/did.json` : '/.well-known/did.json';
  return origin + path;
}

/**
 * did:web: the DID document is fetched from the DID's domain over https, through the
 * injected loader (timeout, size cap, content type). The document's `id` must be the DID: a
 * document served for another DID (a misconfigured or shared host) does not describe this one.
 */
export function didWeb(options: DidWebOptions = {}): DidResolver {
  const httpHosts = new Set<string>();
  for (const host of options.allowHttpHosts ?? []) {
    const normalized = host.toLowerCase();
    if (!isLoopbackHost(normalized)) {
      throw new TypeError(`didWeb: allowHttpHosts accepts loopback hosts only, not ${JSON.stringify(host)}`);
    }
    httpHosts.add(normalized);
  }
  return {
    method: 'web',
    async resolve(did, { load, signal }): Promise<DidDocument> {
      const url = documentUrl(did, httpHosts);
      const document = toDidDocument(await loadJsonObject(load, url, signal));
      if (!document) throw new KeyUnresolvable('The did:web document has no id', { details: { did, url } });
      if (document.id !== did) {
        throw new KeyUnresolvable(`The did:web document at ${url} is for ${document.id}`, {
          details: { did, url, documentId: document.id },
        });
      }
      return document;
    },
  };
}
