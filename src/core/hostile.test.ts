/**
 * Hostile inputs against the whole pipeline: every one ends as a result with named checks, never as
 * an exception or a hang. How long each takes is measured by `npm run bench -- --only hostile`.
 */
import { expect } from '@open-wc/testing';
import { createDocumentCache } from './fetcher.js';
import { createVerifier } from './verify.js';

const now = new Date('2026-06-01T00:00:00Z');
const verifier = createVerifier({ offline: true, cache: createDocumentCache() });

function deep(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { nested: value };
  return value;
}

describe('hostile inputs', function () {
  this.timeout(20_000);

  const cases: [string, () => unknown][] = [
    [
      'an OB 2.0 assertion nested 50,000 deep',
      () => ({
        '@context': 'https://w3id.org/openbadges/v2',
        type: 'Assertion',
        id: 'https://issuer.example/a.json',
        recipient: deep(50_000, 'x'),
      }),
    ],
    [
      'a presentation holding 10,000 credentials',
      () => ({
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiablePresentation'],
        verifiableCredential: Array.from({ length: 10_000 }, () => ({ type: ['VerifiableCredential'] })),
      }),
    ],
    [
      'a CLR whose achievements are CLRs, 50 deep',
      () => {
        let clr: Record<string, unknown> = { type: ['VerifiableCredential'] };
        for (let i = 0; i < 50; i++) {
          clr = {
            '@context': ['https://www.w3.org/ns/credentials/v2'],
            type: ['VerifiableCredential', 'ClrCredential'],
            issuer: 'did:example:x',
            credentialSubject: { verifiableCredential: [clr] },
            proof: { type: 'DataIntegrityProof' },
          };
        }
        return clr;
      },
    ],
    [
      'a credential with 100,000 endorsements',
      () => ({
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiableCredential'],
        issuer: 'did:example:x',
        endorsementJwt: Array.from({ length: 100_000 }, () => 'a.b.c'),
        proof: { type: 'DataIntegrityProof' },
      }),
    ],
  ];

  for (const [name, make] of cases) {
    it(`${name}: a result with named checks, nested results capped`, async () => {
      const result = await verifier.verify(make() as Record<string, unknown>, { now });
      expect(result.verified).to.equal(false);
      expect(result.checks.length).to.be.greaterThan(0);
      expect(result.checks.every((check) => typeof check.id === 'string')).to.equal(true);
      expect((result.nested ?? []).length).to.be.at.most(201);
    });
  }
});
