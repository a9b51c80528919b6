/**
 * Open Badges 2.0 test issuers: an issuer Profile, a BadgeClass, hosted and signed assertions, and
 * the documents map that serves them, built fresh per test with a real RSA key (WebCrypto).
 */
import { CompactSign, exportSPKI, generateKeyPair } from 'jose';
import { corsBlocked, recordingFetch } from './fake-fetch.js';

export const OB2_CONTEXT = 'https://w3id.org/openbadges/v2';
export const ISSUER = 'https://issuer.example/issuer.json';
export const BADGE_CLASS = 'https://issuer.example/badges/robotics.json';
export const KEY_1 = 'https://issuer.example/keys/1.json';
export const REVOCATIONS = 'https://issuer.example/revocations.json';

/** sha256("ada@example.org" + "pepper"), the earner of every test assertion. */
export const EARNER = 'ada@example.org';

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function recipientOf(email = EARNER, salt = 'pepper'): Promise<Record<string, unknown>> {
  return { type: 'email', hashed: true, salt, identity: `sha256$${await sha256Hex(email + salt)}` };
}

export function issuerProfile(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': OB2_CONTEXT,
    type: 'Issuer',
    id: ISSUER,
    name: 'Example Robotics Club',
    url: 'https://issuer.example',
    email: 'badges@issuer.example',
    publicKey: KEY_1,
    revocationList: REVOCATIONS,
    ...overrides,
  };
}

export function badgeClass(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': OB2_CONTEXT,
    type: 'BadgeClass',
    id: BADGE_CLASS,
    name: 'Robot Builder',
    description: 'Built a working robot.',
    image: 'https://issuer.example/badges/robotics.png',
    criteria: { narrative: 'Build a robot that *walks*.' },
    issuer: ISSUER,
    tags: ['robots'],
    ...overrides,
  };
}

export async function hostedAssertion(
  id = 'https://issuer.example/assertions/1.json',
  overrides: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  return {
    '@context': OB2_CONTEXT,
    type: 'Assertion',
    id,
    recipient: await recipientOf(),
    badge: BADGE_CLASS,
    issuedOn: '2026-01-15T10:00:00Z',
    verification: { type: 'HostedBadge' },
    ...overrides,
  };
}

export interface SigningIssuer {
  readonly sign: (payload: Record<string, unknown>) => Promise<string>;
  readonly keyDocument: (id?: string, owner?: string) => Record<string, unknown>;
}

/** An RSA key pair and a signer for OB 2.0 signed assertions (RS256, as the 2.0 spec names). */
export async function signingIssuer(): Promise<SigningIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const pem = await exportSPKI(publicKey);
  return {
    sign: (payload) =>
      new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: 'RS256' })
        .sign(privateKey),
    keyDocument: (id = KEY_1, owner = ISSUER) => ({
      '@context': OB2_CONTEXT,
      type: 'CryptographicKey',
      id,
      owner,
      publicKeyPem: pem,
    }),
  };
}

export async function signedAssertion(overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  return {
    '@context': OB2_CONTEXT,
    type: 'Assertion',
    id: 'urn:uuid:6a1f3b7c-1d2e-4f5a-8b9c-0d1e2f3a4b5c',
    recipient: await recipientOf(),
    badge: BADGE_CLASS,
    issuedOn: '2026-01-15T10:00:00Z',
    verification: { type: 'SignedBadge', creator: KEY_1 },
    ...overrides,
  };
}

/** URL → a JSON body, or `{ status, body?, headers? }` for any other answer. */
export type Routes = Record<string, unknown>;

interface Routed {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

function isRouted(answer: unknown): answer is Routed {
  return typeof answer === 'object' && answer !== null && typeof (answer as { status?: unknown }).status === 'number';
}

/**
 * A fake `fetch` serving `routes` (URL → JSON, or `{ status, body }`), counting requests. A URL
 * listed in `corsBlocked` behaves as a browser shows a server without CORS headers: the normal
 * request fails with a TypeError and a `no-cors` one gets an (opaque) answer.
 */
export function fakeFetch(
  routes: Routes,
  { corsBlocked: blocked = [] as string[] } = {},
): typeof fetch & { requests: string[] } {
  return recordingFetch((url, init) => {
    if (blocked.includes(url)) return corsBlocked(init);
    const answer = routes[url];
    if (answer === undefined) return new Response('not found', { status: 404 });
    const routed = isRouted(answer) ? answer : undefined;
    const body = routed ? routed.body : answer;
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status: routed?.status ?? 200,
      headers: { 'content-type': 'application/ld+json', ...routed?.headers },
    });
  });
}
