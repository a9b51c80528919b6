import { expect } from '@open-wc/testing';

// Its own test file, so its own page: nothing of the canonicalization code has loaded before the
// snapshot below (only dynamic imports here).
describe('the Data Integrity code leaves no global behind', () => {
  it('defines nothing on window (setImmediate, JsonLdProcessor included), and still yields in a long canonicalization', async () => {
    const before = new Set(Object.getOwnPropertyNames(globalThis));
    const { canonizeRdfc } = await import('./canonize.js');
    await import('../proofs/data-integrity.js');
    // More than 100 blank nodes: rdf-canonize yields to the event loop between batches of 100.
    const subjects = Array.from({ length: 150 }, (_, i) => ({ name: `learner ${i}` }));
    const nquads = await canonizeRdfc({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential'],
      issuer: 'did:example:issuer',
      validFrom: '2024-01-01T00:00:00Z',
      credentialSubject: subjects,
    });
    expect(nquads).to.contain('"learner 149"');
    const added = Object.getOwnPropertyNames(globalThis).filter((name) => !before.has(name));
    expect(added).to.deep.equal([]);
    expect('setImmediate' in globalThis).to.equal(false);
    expect('JsonLdProcessor' in globalThis).to.equal(false);
  });
});
