/**
 * The two Open Badges 2.0 attackers against the committed OB 2.0 issuer (test/fixtures/ob2/): the
 * holder who signs a badge with a key written into it, and whoever hosts a copy on a look-alike
 * host. The fixtures' closed-world documents map answers for the issuer; each case adds only what
 * the attacker can serve (documents on hosts the attacker controls).
 */
import { expect } from '@open-wc/testing';
import { CompactSign, exportSPKI, generateKeyPair } from 'jose';
import { createVerifier } from '../src/core/verify.js';
import { firstProblem, type VerificationResult } from '../src/core/result.js';
import { closedNetwork } from './helpers/fake-fetch.js';

const BASE = '/test/fixtures/';
const NOW = new Date('2026-06-01T00:00:00Z');
const OB2 = 'http://localhost:5173/ob2';
const ISSUER = `${OB2}/issuer.json`;
const KEY_1 = `${OB2}/keys/key-1.json`;
const REVOCATIONS = `${OB2}/revocations.json`;

const map = (await (await fetch(`${BASE}documents.json`)).json()) as Record<string, string>;
const fixtures = new Map<string, string>(
  await Promise.all(
    Object.entries(map).map(async ([url, file]) => [url, await (await fetch(BASE + file)).text()] as const),
  ),
);

async function verify(input: string | Record<string, unknown>, attacker: Record<string, unknown> = {}) {
  const documents = new Map<string, string>(fixtures);
  for (const [url, body] of Object.entries(attacker)) documents.set(url, JSON.stringify(body));
  const verifier = createVerifier({
    documents,
    offline: true,
    fetch: closedNetwork,
  });
  return verifier.verify(input, { now: NOW });
}

function problemOf(result: VerificationResult): [string, string | undefined] | undefined {
  const first = firstProblem(result.checks);
  return first ? [first.id, first.code] : undefined;
}

describe('Open Badges 2.0 attackers against the fixture issuer', () => {
  let attackerPem: string;
  let signAsAttacker: (payload: Record<string, unknown>) => Promise<string>;
  let signedValid: Record<string, unknown>;
  let hostedValid: Record<string, unknown>;

  before(async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    attackerPem = await exportSPKI(publicKey);
    signAsAttacker = (payload) =>
      new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: 'RS256' })
        .sign(privateKey);
    const jws = await (await fetch(`${BASE}ob2/signed/valid.jwt`)).text();
    const payload = jws.trim().split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    signedValid = JSON.parse(
      new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))),
    ) as Record<string, unknown>;
    hostedValid = (await (await fetch(`${BASE}ob2/assertions/valid.json`)).json()) as Record<string, unknown>;
  });

  it('the untouched fixtures verify (so every failure below is the attack\u2019s)', async () => {
    expect((await verify(hostedValid)).verdict).to.equal('verified');
    const reSigned = await verify(await signAsAttacker(signedValid));
    expect(problemOf(reSigned)).to.deep.equal(['proof', 'ERR_OB_SIGNATURE_INVALID']);
  });

  describe('a key written into a signed badge', () => {
    const key = (id: string | undefined, owner = ISSUER) => ({
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'CryptographicKey',
      ...(id !== undefined ? { id } : {}),
      owner,
      publicKeyPem: attackerPem,
    });
    const cases: [
      name: string,
      build: () => Record<string, unknown>,
      served: () => Record<string, unknown>,
      problem: [string, string],
    ][] = [
      [
        'as the creator, under the id of the key the issuer lists',
        () => ({ verification: { type: 'SignedBadge', creator: key(KEY_1) } }),
        () => ({}),
        ['proof', 'ERR_OB_SIGNATURE_INVALID'],
      ],
      [
        'as the creator, under no id',
        () => ({ verification: { type: 'SignedBadge', creator: key(undefined) } }),
        () => ({}),
        ['proof', 'ERR_OB_KEY_UNRESOLVABLE'],
      ],
      [
        'as the creator, under a urn',
        () => ({
          verification: { type: 'SignedBadge', creator: key('urn:uuid:9d1a2b3c-4d5e-4f60-8172-8394a5b6c7d8') },
        }),
        () => ({}),
        ['proof', 'ERR_OB_KEY_UNRESOLVABLE'],
      ],
      [
        'in an embedded issuer Profile that lists it, with no creator',
        () => ({
          verification: { type: 'SignedBadge' },
          badge: {
            '@context': 'https://w3id.org/openbadges/v2',
            type: 'BadgeClass',
            id: `${OB2}/badges/accessible-forms.json`,
            name: 'Accessible Forms',
            description: 'x',
            image: `${OB2}/images/accessible-forms.png`,
            criteria: { narrative: 'x' },
            issuer: {
              '@context': 'https://w3id.org/openbadges/v2',
              type: 'Issuer',
              id: ISSUER,
              name: 'Millbrook Code Club',
              url: 'https://millbrook-code-club.example',
              email: 'badges@millbrook-code-club.example',
              publicKey: [key(KEY_1)],
              revocationList: { type: 'RevocationList', revokedAssertions: [] },
            },
          },
        }),
        () => ({}),
        ['proof', 'ERR_OB_SIGNATURE_INVALID'],
      ],
      [
        'served from the attacker\u2019s host, naming the issuer as owner',
        () => ({
          verification: { type: 'SignedBadge', creator: 'http://localhost.evil.test:5173/ob2/keys/key-1.json' },
        }),
        () => ({
          'http://localhost.evil.test:5173/ob2/keys/key-1.json': key(
            'http://localhost.evil.test:5173/ob2/keys/key-1.json',
          ),
        }),
        ['issuer', 'ERR_OB_KEY_NOT_ISSUERS'],
      ],
    ];
    for (const [name, build, served, problem] of cases) {
      it(`${name} → unverified (${problem.join(' ')})`, async () => {
        const result = await verify(await signAsAttacker({ ...signedValid, ...build() }), served());
        expect(result.verified, JSON.stringify(result.checks)).to.equal(false);
        expect(problemOf(result)).to.deep.equal(problem);
      });
    }

    it('the revocation list is the one the issuer serves, never one the badge embeds', async () => {
      const revoked = await (await fetch(`${BASE}ob2/signed/revoked.jwt`)).text();
      const result = await verify(revoked.trim());
      expect(problemOf(result)).to.deep.equal(['status', 'ERR_OB_REVOKED']);
      expect(result.checks.find((c) => c.id === 'status')?.details).to.include({ url: REVOCATIONS });
    });
  });

  describe('a hosted badge on a look-alike host', () => {
    const hosts: [name: string, url: string][] = [
      ['a suffix domain', 'http://localhost.evil.test:5173/ob2/assertions/valid.json'],
      ['another port', 'http://localhost:5174/ob2/assertions/valid.json'],
      ['a subdomain', 'http://badges.localhost:5173/ob2/assertions/valid.json'],
      ['userinfo', 'http://localhost:5173@evil.test/ob2/assertions/valid.json'],
    ];
    for (const [name, url] of hosts) {
      it(`${name} (${url}) → unverified (ERR_OB_OUTSIDE_ISSUER_SCOPE)`, async () => {
        const copy = { ...hostedValid, id: url };
        const result = await verify(copy, { [url]: copy });
        expect(result.verified, JSON.stringify(result.checks)).to.equal(false);
        expect(problemOf(result)?.[1]).to.equal('ERR_OB_OUTSIDE_ISSUER_SCOPE');
      });
    }

    it('the issuer\u2019s own host, spelled another way, still verifies', async () => {
      const url = 'http://LOCALHOST.:5173/ob2/assertions/valid.json';
      const copy = { ...hostedValid, id: url };
      const result = await verify(copy, { [new URL(url).href]: copy, [url]: copy });
      expect(result.verdict, JSON.stringify(result.checks)).to.equal('verified');
    });
  });
});
