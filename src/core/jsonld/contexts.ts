import { ContextUnknown } from '../errors.js';

/**
 * The JSON-LD contexts this verifier knows, pinned (sources: scripts/bundle-contexts.js, hashes:
 * contexts.test.ts). A context is never fetched: a credential naming any other URL fails with
 * `ERR_OB_CONTEXT_UNKNOWN`, since a context fetched at verification time could redefine what the
 * signed terms mean. Each is its own module, so a badge loads only the contexts it names.
 */
const BUNDLED: Readonly<Record<string, () => Promise<{ default: Record<string, unknown> }>>> = {
  'https://www.w3.org/2018/credentials/v1': () => import('./contexts/credentials-v1.js'),
  'https://www.w3.org/ns/credentials/v2': () => import('./contexts/credentials-v2.js'),
  'https://www.w3.org/2018/credentials/examples/v1': () => import('./contexts/credentials-examples-v1.js'),
  'https://www.w3.org/ns/credentials/examples/v2': () => import('./contexts/credentials-examples-v2.js'),
  'https://w3id.org/security/data-integrity/v1': () => import('./contexts/data-integrity-v1.js'),
  'https://w3id.org/security/data-integrity/v2': () => import('./contexts/data-integrity-v2.js'),
  'https://w3id.org/security/multikey/v1': () => import('./contexts/multikey-v1.js'),
  'https://w3id.org/security/jwk/v1': () => import('./contexts/jwk-v1.js'),
  'https://w3id.org/security/suites/ed25519-2020/v1': () => import('./contexts/ed25519-2020-v1.js'),
  'https://w3id.org/security/suites/x25519-2020/v1': () => import('./contexts/x25519-2020-v1.js'),
  'https://w3id.org/security/v1': () => import('./contexts/security-v1.js'),
  'https://w3id.org/security/v2': () => import('./contexts/security-v2.js'),
  'https://w3id.org/vc/status-list/2021/v1': () => import('./contexts/status-list-2021-v1.js'),
  'https://www.w3.org/ns/credentials/status/v1': () => import('./contexts/bitstring-status-list-v1.js'),
  'https://www.w3.org/ns/did/v1': () => import('./contexts/did-v1.js'),
  'https://w3id.org/citizenship/v4rc1': () => import('./contexts/citizenship-v4rc1.js'),
  'https://purl.imsglobal.org/spec/ob/v3p0/context.json': () => import('./contexts/ob-v3p0.js'),
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json': () => import('./contexts/ob-v3p0-3.0.1.js'),
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json': () => import('./contexts/ob-v3p0-3.0.2.js'),
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': () => import('./contexts/ob-v3p0-3.0.3.js'),
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json': () => import('./contexts/ob-v3p0-extensions.js'),
  'https://purl.imsglobal.org/spec/clr/v2p0/context.json': () => import('./contexts/clr-v2p0.js'),
  'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json': () => import('./contexts/clr-v2p0-2.0.1.js'),
  'https://w3id.org/openbadges/v2': () => import('./contexts/openbadges-v2.js'),
  'https://w3id.org/openbadges/v1': () => import('./contexts/openbadges-v1.js'),
};

/** Aliases the same document is published under (a trailing `.jsonld`, http for https). */
function canonicalUrlOf(url: string): string {
  let canonical = url.startsWith('http://') ? `https://${url.slice('http://'.length)}` : url;
  if (canonical.endsWith('.jsonld') && !(canonical in BUNDLED)) canonical = canonical.slice(0, -'.jsonld'.length);
  return canonical;
}

/** The URLs of every bundled context. */
export const BUNDLED_CONTEXT_URLS: readonly string[] = Object.keys(BUNDLED);

/** Contexts a caller adds (`createVerifier({ contexts })`): URL → the context document. */
export type ExtraContexts = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

export function isKnownContext(url: string, extra?: ExtraContexts): boolean {
  return (extra !== undefined && Object.prototype.hasOwnProperty.call(extra, url)) || canonicalUrlOf(url) in BUNDLED;
}

/** The context document at `url`, from the bundle or `extra`; never the network. */
export async function loadContext(url: string, extra?: ExtraContexts): Promise<Record<string, unknown>> {
  if (extra !== undefined && Object.prototype.hasOwnProperty.call(extra, url)) {
    return extra[url] as Record<string, unknown>;
  }
  const loader = Object.prototype.hasOwnProperty.call(BUNDLED, canonicalUrlOf(url))
    ? BUNDLED[canonicalUrlOf(url)]
    : undefined;
  if (!loader) {
    throw new ContextUnknown(`The JSON-LD context ${url} is not one this verifier knows`, {
      details: { context: url },
    });
  }
  return (await loader()).default;
}
