import { expect } from '@open-wc/testing';
import { canonizeRdfc } from './canonize.js';
import { rejected } from '../../../test/helpers/errors.js';

const V1 = 'https://www.w3.org/2018/credentials/v1';
const V2 = 'https://www.w3.org/ns/credentials/v2';

function credential(extra: Record<string, unknown> = {}, context: unknown = [V1]): Record<string, unknown> {
  const v2 = Array.isArray(context) && context[0] === V2;
  return {
    '@context': context,
    type: ['VerifiableCredential'],
    issuer: 'did:example:issuer',
    [v2 ? 'validFrom' : 'issuanceDate']: '2024-01-01T00:00:00Z',
    credentialSubject: { id: 'did:example:subject' },
    ...extra,
  };
}

describe('canonizeRdfc', () => {
  it('produces RDFC-1.0 N-Quads from bundled contexts, non-ASCII text intact', async () => {
    const nquads = await canonizeRdfc(
      credential({ credentialSubject: { id: 'did:example:subject' }, name: 'Certified SAFe® 4 Agilist' }, [V2]),
    );
    expect(nquads).to.contain('<https://www.w3.org/2018/credentials#issuer> <did:example:issuer>');
    expect(nquads).to.contain('"Certified SAFe® 4 Agilist"');
  });

  describe('safe mode: nothing a signature could skip over is silently dropped', () => {
    it('fails on a term no context defines', async () => {
      const error = await rejected(
        canonizeRdfc(credential({ credentialSubject: { id: 'did:example:s', forgedGrade: 'A+' } })),
      );
      expect(error.code).to.equal('ERR_OB_JSONLD_UNSAFE');
      expect(error.details?.['term']).to.equal('forgedGrade');
    });

    it('fails on a relative @id', async () => {
      const error = await rejected(canonizeRdfc(credential({ id: 'credentials/42' })));
      expect(error.code).to.equal('ERR_OB_JSONLD_UNSAFE');
      expect(String(error.details?.['event'])).to.match(/relative @id/);
    });

    it('fails on a type no context defines', async () => {
      const error = await rejected(canonizeRdfc(credential({ type: ['VerifiableCredential', 'MadeUpCredential'] })));
      expect(error.code).to.equal('ERR_OB_JSONLD_UNSAFE');
      expect(String(error.details?.['event'])).to.match(/relative @type/);
    });

    it('fails on a context URL outside the bundle, naming it, without fetching it', async () => {
      const error = await rejected(canonizeRdfc(credential({}, [V1, 'https://attacker.example/ctx.jsonld'])));
      expect(error.code).to.equal('ERR_OB_CONTEXT_UNKNOWN');
      expect(error.details?.['context']).to.equal('https://attacker.example/ctx.jsonld');
    });

    it('fails on the third-party "safe mode breaker" credential', async () => {
      const breaker = (await (
        await fetch('/test/conformance/ob3-eddsa-rdfc-2022/dcc-verifier-core-safeModeBreaker.json')
      ).json()) as Record<string, unknown>;
      const { proof: _proof, ...unsecured } = breaker;
      expect((await rejected(canonizeRdfc(unsecured))).code).to.equal('ERR_OB_JSONLD_UNSAFE');
    });
  });

  describe('bounded cost', () => {
    it('refuses nesting deeper than the cap before any JSON-LD work', async () => {
      let deep: Record<string, unknown> = { id: 'did:example:leaf' };
      for (let i = 0; i < 60; i++) deep = { id: `did:example:${i}`, alumniOf: deep };
      const error = await rejected(canonizeRdfc(credential({ credentialSubject: deep })));
      expect(error.code).to.equal('ERR_OB_JSONLD_LIMIT');
      expect(error.details?.['limit']).to.equal('depth');
    });

    it('refuses more JSON values than the cap', async () => {
      const many = Array.from({ length: 60_000 }, (_, i) => i);
      const error = await rejected(canonizeRdfc(credential({ evidence: many })));
      expect(error.code).to.equal('ERR_OB_JSONLD_LIMIT');
      expect(error.details?.['limit']).to.equal('values');
    });

    it('refuses more quads than the cap', async () => {
      const error = await rejected(canonizeRdfc(credential({}, [V2]), { limits: { maxQuads: 3 } }));
      expect(error.code).to.equal('ERR_OB_JSONLD_LIMIT');
      expect(error.details?.['limit']).to.equal('quads');
    });

    it('stops canonicalization that needs more deep comparisons than the work factor allows (poison graphs)', async () => {
      // Blank nodes that look alike to the first-degree hash need the N-degree algorithm, whose
      // cost a hostile graph can make exponential; the work factor caps it.
      const twins = { credentialSubject: [{ name: 'twin' }, { name: 'twin' }, { name: 'twin' }] };
      const error = await rejected(canonizeRdfc(credential(twins, [V2]), { limits: { maxWorkFactor: 0 } }));
      expect(error.code).to.equal('ERR_OB_JSONLD_LIMIT');
      expect(error.details?.['limit']).to.equal('work');
      // The default factor handles this ordinary credential.
      expect(await canonizeRdfc(credential(twins, [V2]))).to.contain('"twin"');
    });

    it('a poison graph of interlinked identical blank nodes is refused at the default work factor', async () => {
      // Each node points at every other: all first-degree hashes tie, and N-degree hashing explodes.
      const size = 12;
      const nodes = Array.from({ length: size }, (_, i) => ({ '@id': `_:b${i}` }) as Record<string, unknown>);
      for (const [i, node] of nodes.entries()) {
        node['https://example.org/knows'] = nodes.filter((_, j) => j !== i).map((other) => ({ '@id': other['@id'] }));
      }
      const error = await rejected(canonizeRdfc({ '@graph': nodes }));
      expect(error.code).to.equal('ERR_OB_JSONLD_LIMIT');
      expect(error.details?.['limit']).to.equal('work');
    });
  });
});

describe('canonizeRdfc: processed bundled contexts are kept across calls', () => {
  const OB = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
  const badge = (i: number): Record<string, unknown> =>
    credential(
      {
        id: `urn:uuid:badge-${i}`,
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        issuer: { id: `did:example:issuer-${i}`, type: ['Profile'], name: `Issuer ${i}` },
        credentialSubject: {
          id: `did:example:learner-${i}`,
          type: ['AchievementSubject'],
          achievement: {
            id: `https://example.org/achievements/${i}`,
            type: ['Achievement'],
            name: `Achievement ${i}`,
            criteria: { narrative: `Criteria ${i}` },
          },
        },
      },
      [V2, OB],
    );

  it('gives the same N-Quads as contexts resolved afresh', async () => {
    // A caller's `contexts` turn the keeping off: that call resolves every context anew.
    for (const i of [1, 2, 3]) {
      const kept = await canonizeRdfc(badge(i));
      const fresh = await canonizeRdfc(badge(i), { contexts: {} });
      expect(kept).to.equal(fresh);
      expect(kept).to.contain(`"Achievement ${i}"`);
    }
  });

  it('still refuses, in safe mode, what the kept contexts do not define', async () => {
    await canonizeRdfc(badge(4));
    const forged = badge(5);
    (forged['credentialSubject'] as Record<string, unknown>)['forgedGrade'] = 'A+';
    const error = await rejected(canonizeRdfc(forged));
    expect(error.code).to.equal('ERR_OB_JSONLD_UNSAFE');
    expect(error.details?.['term']).to.equal('forgedGrade');
  });

  it("never lends one caller's added contexts to another, nor the bundled ones to a caller who replaced them", async () => {
    const extra = 'https://contexts.example/grades/v1';
    const withGrade = { [extra]: { '@context': { grade: 'https://contexts.example/grades#grade' } } };
    const graded = credential({ credentialSubject: { id: 'did:example:s', grade: 'A' } }, [V2, extra]);
    expect(await canonizeRdfc(graded, { contexts: withGrade })).to.contain('<https://contexts.example/grades#grade>');
    expect((await rejected(canonizeRdfc(graded))).code).to.equal('ERR_OB_CONTEXT_UNKNOWN');
    // The bundled V2 is kept by now; a caller who maps its URL to another document gets that document.
    await canonizeRdfc(badge(6));
    const replaced = { [V2]: { '@context': { '@vocab': 'https://replaced.example/#' } } };
    const nquads = await canonizeRdfc(credential({}, [V2]), { contexts: replaced });
    expect(nquads).to.contain('<https://replaced.example/#issuer>');
  });
});

describe('canonizeRdfc and the main thread', () => {
  it('gives the event loop a turn before each document, so many badges never chain into one long task', async () => {
    const holder = globalThis as { scheduler?: { yield?: () => Promise<void> } };
    const original = holder.scheduler;
    let yields = 0;
    holder.scheduler = { yield: () => (yields++, Promise.resolve()) };
    try {
      await Promise.all([canonizeRdfc(credential()), canonizeRdfc(credential({ id: 'urn:uuid:2' }))]);
    } finally {
      if (original === undefined) delete holder.scheduler;
      else holder.scheduler = original;
    }
    expect(yields).to.equal(2);
  });
});
