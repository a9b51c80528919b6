import { expect } from '@open-wc/testing';
import { createDocumentCache } from '../fetcher.js';
import type { Check, VerificationResult } from '../result.js';
import { createVerifier } from '../verify.js';
import { credentialFor } from '../../../test/helpers/issuer.js';
import { createDidKeyIssuer, signDataIntegrity, type DiIssuer } from '../../../test/helpers/data-integrity.js';

const now = new Date('2026-06-01T00:00:00Z');
const verifier = createVerifier({ offline: true, cache: createDocumentCache() });
const verify = (input: Record<string, unknown> | string, documents: Record<string, unknown> = {}) =>
  verifier.verify(input, { now, documents: documents as Record<string, string> });

const check = (result: VerificationResult, id: string) => result.checks.find((c) => c.id === id) as Check;
const failing = (result: VerificationResult) =>
  result.checks.filter((c) => c.status === 'failed').map((c) => [c.id, c.code]);

describe('ob3Json format (Data Integrity)', () => {
  let issuer: DiIssuer;
  let p256: DiIssuer;
  let other: DiIssuer;
  before(async () => {
    issuer = await createDidKeyIssuer('Ed25519');
    p256 = await createDidKeyIssuer('P-256');
    other = await createDidKeyIssuer('Ed25519');
  });

  it('verifies an eddsa-rdfc-2022 OpenBadgeCredential from its did:key issuer, with a non-ASCII name', async () => {
    const credential = credentialFor(issuer.did, { name: 'Certified SAFe® 4 Agilist — Ærø' });
    const result = await verify(await signDataIntegrity(credential, issuer));
    expect(result.checks.map((c) => [c.id, c.status])).to.deep.equal([
      ['format', 'passed'],
      ['proof', 'passed'],
      ['issuer', 'passed'],
      ['validity', 'passed'],
      ['status', 'passed'],
      // The page named nobody: not asked, so it does not count against "verified".
      ['recipient', 'skipped'],
    ]);
    expect(result.verified).to.equal(true);
    expect(result.format).to.equal('ob3-json');
    expect(check(result, 'format').details).to.include({ securing: 'data-integrity', vcdm: '2.0' });
    expect(check(result, 'proof').details).to.include({ cryptosuite: 'eddsa-rdfc-2022', keySource: 'did:key' });
    expect(check(result, 'issuer').details).to.include({ issuer: issuer.did, controller: issuer.did });
  });

  it('verifies JSON text as well as an object, and ecdsa-rdfc-2019, eddsa-jcs-2022 and ecdsa-jcs-2019', async () => {
    const credential = credentialFor(issuer.did);
    expect((await verify(JSON.stringify(await signDataIntegrity(credential, issuer)))).verified).to.equal(true);
    expect((await verify(await signDataIntegrity(credentialFor(p256.did), p256))).verified).to.equal(true);
    const jcs = await signDataIntegrity(credential, issuer, { cryptosuite: 'eddsa-jcs-2022' });
    expect((await verify(jcs)).verified).to.equal(true);
    const ecdsaJcs = await signDataIntegrity(credentialFor(p256.did), p256, { cryptosuite: 'ecdsa-jcs-2019' });
    expect((await verify(ecdsaJcs)).verified).to.equal(true);
  });

  it('fails a credential changed after signing with ERR_OB_SIGNATURE_INVALID and evaluates nothing else', async () => {
    const signed = await signDataIntegrity(credentialFor(issuer.did), issuer);
    const result = await verify({ ...signed, name: 'A Better Badge' });
    expect(failing(result)).to.deep.equal([['proof', 'ERR_OB_SIGNATURE_INVALID']]);
    expect(['issuer', 'validity', 'status'].map((id) => check(result, id).status)).to.deep.equal([
      'skipped',
      'skipped',
      'skipped',
    ]);
  });

  it("fails a valid signature by a key that is not the issuer's with ERR_OB_KEY_NOT_ISSUERS", async () => {
    const result = await verify(await signDataIntegrity(credentialFor(issuer.did), other));
    expect(failing(result)).to.deep.equal([['issuer', 'ERR_OB_KEY_NOT_ISSUERS']]);
    expect(result.verdict).to.equal('unverified');
  });

  it('checks the signature with a Multikey fragment the issuer does not publish, but never credits the issuer', async () => {
    const https = 'https://issuer.example/profiles/1';
    const fragment = issuer.verificationMethod.split('#')[1]!;
    const signed = await signDataIntegrity(credentialFor(https), issuer, {
      verificationMethod: `${https}#${fragment}`,
    });
    const result = await verify(signed);
    expect(check(result, 'proof')).to.include({ status: 'passed' });
    expect(check(result, 'proof').details).to.include({ keySource: 'multikey-fragment' });
    expect(failing(result)).to.deep.equal([['issuer', 'ERR_OB_KEY_UNRESOLVABLE']]);
    const tampered = await verify({ ...signed, name: 'changed' });
    expect(failing(tampered)).to.deep.equal([['proof', 'ERR_OB_SIGNATURE_INVALID']]);
  });

  it('applies the validity window to Data Integrity credentials', async () => {
    const expired = credentialFor(issuer.did, { validUntil: '2026-01-01T00:00:00Z' });
    expect(failing(await verify(await signDataIntegrity(expired, issuer)))).to.deep.equal([
      ['validity', 'ERR_OB_EXPIRED'],
    ]);
  });

  describe('proof checks', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['a proofPurpose other than assertionMethod', { proofPurpose: 'authentication' }, 'ERR_OB_PROOF_INVALID'],
      ['a proof created in the future', { created: '2027-01-01T00:00:00Z' }, 'ERR_OB_PROOF_INVALID'],
      ['a proof past its expires', { expires: '2026-01-01T00:00:00Z' }, 'ERR_OB_PROOF_INVALID'],
      ['an unknown cryptosuite', { cryptosuite: 'eddsa-unknown-2099' }, 'ERR_OB_CRYPTOSUITE_UNSUPPORTED'],
    ];
    for (const [what, proof, code] of cases) {
      it(`fails ${what} with ${code}`, async () => {
        const signed = await signDataIntegrity(credentialFor(issuer.did), issuer);
        const result = await verify({ ...signed, proof: { ...(signed['proof'] as object), ...proof } });
        expect(failing(result)).to.deep.equal([['proof', code]]);
      });
    }

    it('reads a credential with no proof as malformed, not as something to trust', async () => {
      const result = await verify(credentialFor(issuer.did));
      expect(failing(result)).to.deep.equal([['format', 'ERR_OB_MALFORMED']]);
    });

    it('refuses an unknown context by name before anything is trusted', async () => {
      const credential = credentialFor(issuer.did);
      credential['@context'] = [...(credential['@context'] as string[]), 'https://attacker.example/ctx.json'];
      const result = await verify(await signDataIntegrityUnchecked(credential));
      expect(failing(result)).to.deep.equal([['proof', 'ERR_OB_CONTEXT_UNKNOWN']]);
      expect(check(result, 'proof').details).to.include({ context: 'https://attacker.example/ctx.json' });
    });

    it('fails a forged property no context defines with ERR_OB_JSONLD_UNSAFE, not a silent drop', async () => {
      const v1 = {
        '@context': ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/security/data-integrity/v2'],
        type: ['VerifiableCredential'],
        issuer: issuer.did,
        issuanceDate: '2025-01-01T00:00:00Z',
        credentialSubject: { id: 'did:example:learner' },
      };
      const signed = await signDataIntegrity(v1, issuer);
      expect((await verify(signed)).verified).to.equal(true);
      // VCDM 1.1 defines no catch-all vocabulary: without safe mode `grade` would vanish from the
      // canonical form and the original signature would still match.
      const forged = { ...signed, credentialSubject: { id: 'did:example:learner', grade: 'A+' } };
      expect(failing(await verify(forged))).to.deep.equal([['proof', 'ERR_OB_JSONLD_UNSAFE']]);
    });
  });

  describe('proof sets and chains', () => {
    it("accepts a set where one proof is the issuer's and another is someone else's", async () => {
      const once = await signDataIntegrity(credentialFor(issuer.did), other);
      const twice = await signDataIntegrity(once, issuer);
      const result = await verify(twice);
      expect(result.verified).to.equal(true);
      expect(check(result, 'proof').details).to.include({ proofs: 2, proofIndex: 1 });
    });

    it('accepts a set where a broken proof sits beside a valid one from the issuer', async () => {
      const signed = await signDataIntegrity(credentialFor(issuer.did), issuer);
      const broken = { ...(signed['proof'] as object), proofValue: 'z3FXQ', id: 'urn:proof:broken' };
      const result = await verify({ ...signed, proof: [broken, signed['proof']] });
      expect(result.verified).to.equal(true);
    });

    it('verifies a chain whose second proof covers the first, and fails it when the first is removed', async () => {
      const first = await signDataIntegrity(credentialFor(issuer.did), other, { id: 'urn:proof:1' });
      const chained = await signDataIntegrity(first, issuer, { id: 'urn:proof:2', previousProof: 'urn:proof:1' });
      expect((await verify(chained)).verified).to.equal(true);
      const proofs = chained['proof'] as Record<string, unknown>[];
      const orphan = await verify({ ...chained, proof: [proofs[1]] });
      expect(failing(orphan)).to.deep.equal([['proof', 'ERR_OB_PROOF_INVALID']]);
    });
  });
});

/** Signs without the signer's own safe-mode checks, as a careless or hostile issuer could. */
async function signDataIntegrityUnchecked(credential: Record<string, unknown>): Promise<Record<string, unknown>> {
  return {
    ...credential,
    proof: {
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      created: '2025-01-01T00:00:00Z',
      verificationMethod:
        'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
      proofPurpose: 'assertionMethod',
      proofValue: 'z2HnFSSPPBzR36zdDgK8PbEHeXbR56YF24jwMpt3R1eHXQzJDMWS93FCzpvJpwTWd3GAVFuUfjoJdcnTMuVor51aX',
    },
  };
}

describe('ob3Json format with hostile shapes', () => {
  it('refuses a credential nested thousands deep with ERR_OB_JSONLD_LIMIT, for either canonicalization', async () => {
    let deep: Record<string, unknown> = { id: 'did:example:leaf' };
    for (let i = 0; i < 5000; i++) deep = { alumniOf: deep };
    for (const cryptosuite of ['eddsa-rdfc-2022', 'eddsa-jcs-2022']) {
      const result = await verify({
        ...credentialFor('did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2'),
        credentialSubject: deep,
        proof: {
          type: 'DataIntegrityProof',
          cryptosuite,
          verificationMethod:
            'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
          proofPurpose: 'assertionMethod',
          proofValue: 'z2HnFSSPPBzR36zdDgK8PbEHeXbR56YF24jwMpt3R1eHXQzJDMWS93FCzpvJpwTWd3GAVFuUfjoJdcnTMuVor51aX',
        },
      });
      expect(failing(result), cryptosuite).to.deep.equal([['proof', 'ERR_OB_JSONLD_LIMIT']]);
    }
  });
});
