// The demo server's own rules, kept out of vite.config.ts (which also builds the CDN bundle).
// - Credentials (`*.jwt`) are served with their real media type, so the page exercises the same
//   content-type checks a real issuer's server would: VC-JOSE (`typ: vc+jwt`) as
//   `application/vc+jwt`, a VC-JWT (`vc` claim) as `application/jwt`.
// - Data Integrity credentials (`/credentials/*.json`) and JSON status lists (`…/status/*.json`) are
//   served as `application/vc+ld+json`; a status list secured as VC-JOSE (`…/status/*.jwt`) follows
//   the `*.jwt` rule above.
// - DID documents, `/.well-known/did.json` and a did:web-with-path's `/issuers/<uuid>/did.json`,
//   are served as `application/did+json`.
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

/** `application/vc+jwt` when the token's header says `typ: vc+jwt`, else `application/jwt`. */
export function jwtMediaType(token: string): string {
  try {
    const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as {
      typ?: unknown;
    };
    return typeof header.typ === 'string' && header.typ.toLowerCase() === 'vc+jwt'
      ? 'application/vc+jwt'
      : 'application/jwt';
  } catch {
    return 'application/jwt';
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

async function send(res: ServerResponse, body: string, contentType: string): Promise<void> {
  res.statusCode = 200;
  res.setHeader('content-type', `${contentType}; charset=utf-8`);
  res.setHeader('x-content-type-options', 'nosniff');
  // Badges and DID documents are public and meant to be read from other origins.
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('cache-control', 'no-cache');
  res.end(body);
}

type DemoDocument = 'jwt' | 'did' | 'credential';

/** What the demo serves itself at `path`, or undefined for the dev server's own handling. */
function demoDocumentOf(path: string): DemoDocument | undefined {
  if (path.endsWith('.jwt')) return 'jwt';
  if (path.endsWith('/did.json')) return 'did';
  if (path.endsWith('.json') && (path.startsWith('/credentials/') || path.includes('/status/'))) return 'credential';
  return undefined;
}

/**
 * `application/vc+ld+json` for credentials rather than VC Data Model 2.0's newer `application/vc`:
 * it is what issuers send today, and any reader of `+json` types accepts it.
 */
function mediaTypeOf(kind: DemoDocument, body: string): string {
  switch (kind) {
    case 'jwt':
      return jwtMediaType(body.trim());
    case 'did':
      return 'application/did+json';
    case 'credential':
      return 'application/vc+ld+json';
  }
}

function middleware(): Connect.NextHandleFunction {
  return (req: IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => {
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    const kind = demoDocumentOf(path);
    if (!kind || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    const file = publicFile(path);
    if (!file) return next();
    readFile(file, 'utf8').then(
      (body) => send(res, body, mediaTypeOf(kind, body)),
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
