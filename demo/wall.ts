// The portfolio wall (demo/wall.html): Ada Lovelace's 30 badges from /wall/list.json, checked with the
// site's trust list /wall/trust-list.json. Both files, and the badges, are generated fixtures
// (scripts/generate-fixtures.js writes demo/public/wall/).
import { createVerifier, didJwk, didKey, didWeb, type Verifier } from '../src/core/index.js';

type WithVerifier = HTMLElement & { verifier?: Verifier };

/**
 * Documents of issuers at made-up domains (Lakeside Community College's profile and keys at
 * learn.lakeside.example), answered locally: no browser can reach them. Everything else is fetched.
 */
async function madeUpDomains(): Promise<Record<string, Record<string, unknown>>> {
  try {
    const response = await fetch('/wall/made-up-domains.json');
    return response.ok ? ((await response.json()) as Record<string, Record<string, unknown>>) : {};
  } catch {
    return {};
  }
}

// As on the main demo page: the did:web issuers live on http://localhost:5173, so this verifier
// allows http for loopback names only (docs/decisions/0001-did-web-on-localhost.md).
const verifier = createVerifier({
  didResolvers: [didKey(), didJwk(), didWeb({ allowHttpHosts: ['localhost'] })],
  documents: await madeUpDomains(),
});

// Given before the elements are defined, so the first verification already uses it.
const list = document.querySelector<WithVerifier>('ob-badge-list');
if (list) list.verifier = verifier;

await import('../src/index.js');
