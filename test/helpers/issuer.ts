/** Test issuers that need no I/O: did:jwk keys generated per run, signing real tokens with jose. */
import { base64url, CompactSign, exportJWK, generateKeyPair, type JWK } from 'jose';

export interface TestIssuer {
  readonly did: string;
  readonly kid: string;
  readonly alg: string;
  readonly publicJwk: JWK;
  readonly privateKey: CryptoKey;
}

export async function createDidJwkIssuer(alg: 'ES256' | 'EdDSA' = 'ES256'): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const did = `did:jwk:${base64url.encode(JSON.stringify(publicJwk))}`;
  return { did, kid: `${did}#0`, alg, publicJwk, privateKey };
}

export function credentialFor(issuerId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:5d5c3c4a-0000-4000-8000-000000000001',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuerId, type: ['Profile'], name: 'Test Issuer' },
    validFrom: '2025-01-01T00:00:00Z',
    validUntil: '2030-01-01T00:00:00Z',
    name: 'Test Badge',
    credentialSubject: {
      id: 'did:example:learner',
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://example.org/a/1',
        type: ['Achievement'],
        name: 'Test Achievement',
        criteria: { narrative: 'Do it.' },
      },
    },
    ...overrides,
  };
}

const enc = new TextEncoder();

/** Signs any header + payload, so tests can build hostile tokens the verifier must refuse. */
export async function sign(issuer: TestIssuer, header: Record<string, unknown>, payload: unknown): Promise<string> {
  // jose refuses to sign unknown critical extensions unless told they are understood.
  const crit = Array.isArray(header['crit'])
    ? Object.fromEntries((header['crit'] as string[]).map((name) => [name, true]))
    : undefined;
  return new CompactSign(enc.encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: issuer.alg, ...header })
    .sign(issuer.privateKey, crit ? { crit } : undefined);
}

/** VC-JWT (VC Data Model 1.1 style): the credential in the `vc` claim, registered claims mirroring it. */
export function signVcJwt(
  issuer: TestIssuer,
  credential: Record<string, unknown>,
  extraClaims: Record<string, unknown> = {},
  header: Record<string, unknown> = {},
) {
  const subject = credential['credentialSubject'] as { id?: string };
  const seconds = (iso: unknown) => (typeof iso === 'string' ? Math.floor(Date.parse(iso) / 1000) : undefined);
  return sign(
    issuer,
    { kid: issuer.kid, typ: 'JWT', ...header },
    {
      iss: issuer.did,
      jti: credential['id'],
      sub: subject.id,
      nbf: seconds(credential['validFrom']),
      exp: seconds(credential['validUntil']),
      vc: credential,
      ...extraClaims,
    },
  );
}

/** VC-JOSE (VC Data Model 2.0): the payload is the credential. */
export function signVcJose(
  issuer: TestIssuer,
  credential: Record<string, unknown>,
  header: Record<string, unknown> = {},
) {
  return sign(issuer, { kid: issuer.kid, typ: 'vc+jwt', cty: 'vc', ...header }, credential);
}

/** Replaces the payload of a signed token, keeping header and signature: the classic tampering. */
export function tamper(jws: string, edit: (payload: Record<string, unknown>) => void): string {
  const [header, payload, signature] = jws.split('.') as [string, string, string];
  const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload))) as Record<string, unknown>;
  edit(claims);
  return `${header}.${base64url.encode(JSON.stringify(claims))}.${signature}`;
}
