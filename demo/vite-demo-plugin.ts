// The demo server's own rules, kept out of vite.config.ts (which also builds the CDN bundle).
// - Credentials (`*.jwt`) are served with their real media type, so the page exercises the same
//   content-type checks a real issuer's server would: VC-JOSE (`typ: vc+jwt`) as
//   `application/vc+jwt`, a VC-JOSE presentation (`typ: vp+jwt`) as `application/vp+jwt`, a VC-JWT
//   (`vc` claim) as `application/jwt`.
// - Data Integrity credentials (`/credentials/*.json`, CLR transcripts and endorsements included) and
//   JSON status lists (`…/status/*.json`) are served as `application/vc+ld+json`, and a presentation
//   (top-level `type` VerifiablePresentation) as `application/vp+ld+json`; a status list secured as
//   VC-JOSE (`…/status/*.jwt`) follows the `*.jwt` rule above.
// - DID documents, `/.well-known/did.json` and a did:web-with-path's `/issuers/<uuid>/did.json`,
//   are served as `application/did+json`.
// - Open Badges 2.0 (`/ob2/…`, whatever the Host name), as an OB 2.0 issuer's server answers:
//   - `*.json` (issuer profile, badge classes, keys, revocation list, hosted assertions) as
//     `application/ld+json` (OB 2.0, "Setting Content-Type").
//   - The 410 rule: a JSON file in an `assertions/` folder whose top-level `revoked` is `true` is a
//     revoked hosted assertion. It is answered `410 Gone`, with that file as the body (OB 2.0,
//     "Revoking Hosted Assertions"). Every other file is a `200`.
//   - `*.jwt` (signed assertions) as `text/plain`: OB 2.0 names no media type for a signed assertion,
//     and the platforms that publish them as files serve plain text, so that is what a verifier meets.
//   - `*.png` / `*.svg` (badge art and baked badges) as `image/png` / `image/svg+xml`. SVG also gets
//     `content-security-policy: default-src 'none'; style-src 'unsafe-inline'`, so opening one
//     directly runs nothing and loads nothing.
//   - All with `access-control-allow-origin: *` and `x-content-type-options: nosniff`, except under
//     `/ob2/no-cors/`: no CORS header at all (Vite's own is removed too), like an issuer's server
//     that never enabled CORS. The page reads it as `http://no-cors.localhost:5173/ob2/no-cors/…`:
//     browsers resolve `*.localhost` to this machine, and another host name is another origin, so
//     the browser enforces CORS (from `localhost:5173` itself it would be a same-origin read).
// - The portfolio wall (`/wall/`, demo/wall.html): its badges follow the rules above (`/wall/badges/*.jwt`
//   by their `typ`, `/wall/badges/*.json` as `application/vc+ld+json`), its Open Badges 2.0 documents
//   (`/wall/ob2/…`) the `/ob2/` rules; `list.json` and `trust-list.json` are plain `application/json`.
// - `<script type="application/jwt" data-demo-inline="NAME.jwt"></script>` in index.html is filled
//   with that fixture's token, so the "pasted inline" badge always matches the generated fixtures.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connect, Plugin } from 'vite';

const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));
const CREDENTIALS_DIR = join(PUBLIC_DIR, 'credentials');
const INLINE = /<script type="application\/jwt" data-demo-inline="([a-z0-9-]+\.jwt)"><\/script>/g;

/** `application/vc+jwt` or `application/vp+jwt` when the token's header `typ` says so, else `application/jwt`. */
export function jwtMediaType(token: string): string {
  try {
    const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as {
      typ?: unknown;
    };
    const typ = typeof header.typ === 'string' ? header.typ.toLowerCase() : '';
    return typ === 'vc+jwt' || typ === 'vp+jwt' ? `application/${typ}` : 'application/jwt';
  } catch {
    return 'application/jwt';
  }
}

/** `application/vp+ld+json` for a presentation, else `application/vc+ld+json` (see `mediaTypeOf`). */
export function credentialMediaType(body: string): string {
  try {
    const value = JSON.parse(body) as { type?: unknown };
    const types = Array.isArray(value.type) ? value.type : [value.type];
    return types.includes('VerifiablePresentation') ? 'application/vp+ld+json' : 'application/vc+ld+json';
  } catch {
    return 'application/vc+ld+json';
  }
}

/** The file under demo/public a request path names, or undefined if it tries to leave it. */
function publicFile(urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const file = normalize(join(PUBLIC_DIR, decoded));
  return file.startsWith(PUBLIC_DIR.endsWith(sep) ? PUBLIC_DIR : PUBLIC_DIR + sep) ? file : undefined;
}

type DemoDocument = 'jwt' | 'did' | 'credential' | 'ob2-json' | 'ob2-jwt' | 'png' | 'svg';

/** What the demo serves itself at `path`, or undefined for the dev server's own handling. */
function demoDocumentOf(path: string): DemoDocument | undefined {
  // The portfolio wall's Open Badges 2.0 documents (/wall/ob2/…) are served like the issuer's own.
  if (path.startsWith('/ob2/') || path.startsWith('/wall/ob2/')) {
    if (path.endsWith('.json')) return 'ob2-json';
    if (path.endsWith('.jwt')) return 'ob2-jwt';
    if (path.endsWith('.png')) return 'png';
    if (path.endsWith('.svg')) return 'svg';
    return undefined;
  }
  if (path.endsWith('.jwt')) return 'jwt';
  if (path.endsWith('/did.json')) return 'did';
  if (path.endsWith('.json') && (path.startsWith('/credentials/') || path.startsWith('/wall/badges/'))) {
    return 'credential';
  }
  if (path.endsWith('.json') && path.includes('/status/')) return 'credential';
  return undefined;
}

/**
 * `application/vc+ld+json` for credentials (`application/vp+ld+json` for presentations) rather than
 * VC Data Model 2.0's newer `application/vc` / `application/vp`: it is what issuers and wallets send
 * today, and any reader of `+json` types accepts it.
 */
function mediaTypeOf(kind: DemoDocument, body: string): string {
  switch (kind) {
    case 'jwt':
      return jwtMediaType(body.trim());
    case 'did':
      return 'application/did+json';
    case 'credential':
      return credentialMediaType(body);
    case 'ob2-json':
      return 'application/ld+json';
    case 'ob2-jwt':
      return 'text/plain';
    case 'png':
      return 'image/png';
    case 'svg':
      return 'image/svg+xml';
  }
}

/** The 410 rule (see the top of this file): a revoked hosted OB 2.0 assertion is Gone. */
export function isGoneAssertion(path: string, body: string): boolean {
  if (!/\/assertions\/[^/]+\.json$/.test(path)) return false;
  try {
    const value = JSON.parse(body) as unknown;
    return typeof value === 'object' && value !== null && (value as { revoked?: unknown }).revoked === true;
  } catch {
    return false;
  }
}

function send(res: ServerResponse, path: string, kind: DemoDocument, bytes: Buffer): void {
  const binary = kind === 'png' || kind === 'svg';
  const text = binary ? '' : bytes.toString('utf8');
  res.statusCode = kind === 'ob2-json' && isGoneAssertion(path, text) ? 410 : 200;
  const mediaType = mediaTypeOf(kind, text);
  res.setHeader('content-type', kind === 'png' ? mediaType : `${mediaType}; charset=utf-8`);
  res.setHeader('x-content-type-options', 'nosniff');
  // Opened on its own, an SVG is a document: let it draw, never run or fetch anything.
  if (kind === 'svg') res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
  if (path.startsWith('/ob2/no-cors/')) {
    // Vite's CORS middleware runs first and may already have allowed this origin: undo it.
    for (const name of res.getHeaderNames()) if (name.startsWith('access-control-')) res.removeHeader(name);
  } else {
    // Badges, their documents and DID documents are public and meant to be read from other origins.
    res.setHeader('access-control-allow-origin', '*');
  }
  res.setHeader('cache-control', 'no-cache');
  res.end(bytes);
}

function middleware(): Connect.NextHandleFunction {
  return (req: IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => {
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    const kind = demoDocumentOf(path);
    if (!kind || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    const file = publicFile(path);
    if (!file) return next();
    readFile(file).then(
      (bytes) => send(res, path, kind, bytes),
      () => {
        // A missing credential is a 404, not the dev server's HTML fallback page.
        res.statusCode = 404;
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.end('Not found\n');
      },
    );
  };
}

export function demoPlugin(): Plugin {
  return {
    name: 'openbadge-embed:demo',
    configureServer(server) {
      server.middlewares.use(middleware());
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware());
    },
    async transformIndexHtml(html) {
      const names = [...html.matchAll(INLINE)].map((match) => match[1]!);
      const tokens = new Map<string, string>();
      for (const name of names) tokens.set(name, (await readFile(join(CREDENTIALS_DIR, name), 'utf8')).trim());
      return html.replace(
        INLINE,
        (_all, name: string) => `<script type="application/jwt">${tokens.get(name)}</script>`,
      );
    },
  };
}
