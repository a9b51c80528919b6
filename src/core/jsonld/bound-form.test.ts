import { expect } from '@open-wc/testing';
import jsonld from 'jsonld';
import { checkPlainForm, PLAIN_FORM_SYNONYM_KEYS, PLAIN_FORM_VOCABULARY_HOSTS } from './bound-form.js';
import { BUNDLED_CONTEXT_URLS, loadContext } from './contexts.js';
import { BadgeError } from '../errors.js';

const V2 = 'https://www.w3.org/ns/credentials/v2';
const OB = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

function refusal(document: unknown): BadgeError {
  try {
    checkPlainForm(document);
  } catch (error) {
    if (error instanceof BadgeError) return error;
    throw error;
  }
  throw new Error('expected the document to be refused');
}

const plain = {
  '@context': [V2, OB],
  id: 'urn:uuid:1',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: 'did:example:1', type: ['Profile'], name: 'School' },
  validUntil: '2024-01-01T00:00:00Z',
  credentialStatus: { id: 'https://s.example/1#5', type: 'BitstringStatusListEntry', statusListIndex: '5' },
  credentialSubject: {
    type: ['AchievementSubject'],
    achievement: { id: 'https://a.example/1', type: ['Achievement'], name: 'A', criteria: { narrative: 'n' } },
    // An embedded credential names its own contexts, as URLs.
    endorsement: [{ '@context': [V2, OB], type: ['VerifiableCredential', 'EndorsementCredential'] }],
  },
  extension: { type: ['VerifiableCredential', 'https://vocab.issuer.example/MyType'] },
};

describe('checkPlainForm (ADR 0010)', () => {
  it('accepts a credential written as its contexts write it, embedded credentials and foreign type IRIs included', () => {
    expect(() => checkPlainForm(plain)).not.to.throw();
  });

  const rewrites: [string, unknown, string][] = [
    ['a full IRI as a key', { 'https://www.w3.org/2018/credentials#credentialStatus': {} }, 'an IRI as a key'],
    ['a compact IRI as a key', { 'cred:validUntil': '2024-01-01T00:00:00Z' }, 'an IRI as a key'],
    [
      'an inline context',
      { '@context': [V2, { myStatus: 'https://www.w3.org/2018/credentials#credentialStatus' }] },
      'an inline @context',
    ],
    [
      'a nested inline context',
      { credentialSubject: { '@context': { x: 'https://e.example/x' } } },
      'an inline @context',
    ],
    ['@included', { '@included': [{ id: 'urn:uuid:1', credentialStatus: {} }] }, 'the keyword @included'],
    ['@nest', { '@nest': { validUntil: '2024-01-01T00:00:00Z' } }, 'the keyword @nest'],
    ['@reverse', { credentialSubject: { '@reverse': { x: 'urn:y' } } }, 'the keyword @reverse'],
    ['@graph', { '@graph': [] }, 'the keyword @graph'],
    ['@type for type', { credentialStatus: { '@type': 'BitstringStatusListEntry' } }, 'the keyword @type'],
    ['@id for id', { '@id': 'urn:uuid:1' }, 'the keyword @id'],
    [
      'a value object',
      { validUntil: { '@value': '2024-01-01T00:00:00Z', '@type': 'xsd:dateTime' } },
      'the keyword @value',
    ],
    ['a list object', { credentialStatus: { '@list': [] } }, 'the keyword @list'],
    [
      'a type as a vocabulary IRI',
      { credentialStatus: { type: 'https://www.w3.org/ns/credentials/status#BitstringStatusListEntry' } },
      'a type written as an IRI',
    ],
    [
      'a type as a compact IRI',
      { type: ['VerifiableCredential', 'ob:OpenBadgeCredential'] },
      'a type written as an IRI',
    ],
    ['an empty key', { '': 'x' }, 'an empty key'],
  ];
  for (const [name, rewrite, rule] of rewrites) {
    it(`refuses ${name}, naming the key and where it is`, () => {
      const error = refusal({ ...plain, ...(rewrite as object) });
      expect(error.code).to.equal('ERR_OB_JSONLD_UNSAFE');
      expect(error.details?.['rule']).to.equal(rule);
      expect(String(error.details?.['path'])).to.match(/^\$\./);
    });
  }

  it('walks deep documents without recursion', () => {
    let deep: unknown = { '@value': 'x' };
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(refusal({ ...plain, deep }).details?.['rule']).to.equal('the keyword @value');
  });
});

/** `jsonld.processContext`, which the core never calls (so `modules.d.ts` does not declare it). */
const processContext = (
  jsonld as unknown as { processContext(active: unknown, local: unknown, options: unknown): Promise<unknown> }
).processContext.bind(jsonld);

/**
 * Every term of every bundled context (and the contexts they scope to types and properties), as
 * jsonld processes them: IRI → the terms that name it, and keyword → its aliases.
 */
async function termsOfBundledContexts(): Promise<{ byIri: Map<string, Set<string>>; aliases: Map<string, string> }> {
  const documentLoader = async (url: string) => ({
    contextUrl: null,
    documentUrl: url,
    document: await loadContext(url),
  });
  const byIri = new Map<string, Set<string>>();
  const aliases = new Map<string, string>();
  const visited = new Set<string>();
  type Definition = { '@id'?: unknown; reverse?: boolean; '@context'?: unknown };
  type Active = { mappings: Map<string, Definition | null> };
  const visit = async (active: unknown, local: unknown): Promise<void> => {
    const processed = (await processContext(active, local, { documentLoader, base: null })) as Active;
    for (const [term, definition] of processed.mappings) {
      const iri = definition?.['@id'];
      if (typeof iri === 'string') {
        if (iri.startsWith('@')) aliases.set(term, iri);
        else {
          const key = definition?.reverse ? `${iri} (reverse)` : iri;
          byIri.set(key, (byIri.get(key) ?? new Set()).add(term));
        }
      }
      if (definition?.['@context'] !== undefined) {
        const scoped = JSON.stringify(definition['@context']);
        // Keyed by the scoped context alone: contexts that scope themselves would otherwise recurse forever.
        if (!visited.has(scoped)) {
          visited.add(scoped);
          await visit(processed, definition['@context']);
        }
      }
    }
  };
  const initial = await processContext(null, null, {});
  for (const url of BUNDLED_CONTEXT_URLS) {
    try {
      await visit(initial, url);
    } catch {
      // A context that does not load (it imports an unbundled one) cannot be used by a credential either.
    }
  }
  return { byIri, aliases };
}

describe('the bundled contexts give each property one term', function () {
  this.timeout(60_000);

  it('has no keyword aliases but id and type, and one key for each property', async () => {
    const { byIri, aliases } = await termsOfBundledContexts();
    expect([...aliases].sort()).to.deep.equal([
      ['id', '@id'],
      ['type', '@type'],
    ]);
    // Where two terms name one IRI, all but one are refused as keys, so a statement has one spelling;
    // a proof's `expires` and `expiration` are both read instead (data-integrity-suites.ts).
    const readUnderBothNames = new Set(['https://w3id.org/security#expiration']);
    const spellings = [...byIri]
      .filter(([iri, terms]) => terms.size > 1 && !readUnderBothNames.has(iri))
      .map(([iri, terms]) => [iri, [...terms].filter((term) => !PLAIN_FORM_SYNONYM_KEYS.has(term))] as const);
    expect(spellings.filter(([, allowed]) => allowed.length > 1)).to.deep.equal([]);
    expect([...byIri.get('https://w3id.org/security#expiration')!].sort()).to.deep.equal(['expiration', 'expires']);
  });

  it('refuses the second names as keys', () => {
    const error = refusal({ ...plain, credentialSubject: { Achievement: { name: 'Hidden' } } });
    expect(error.details?.['rule']).to.equal('a second name for a property');
  });

  it('names every vocabulary IRI on a host the plain form treats as a vocabulary', async () => {
    const { byIri } = await termsOfBundledContexts();
    const hosts = new Set<string>();
    for (const key of byIri.keys()) {
      const iri = key.replace(/ \(reverse\)$/, '');
      if (/^https?:\/\//.test(iri)) hosts.add(new URL(iri).hostname);
    }
    expect([...hosts].filter((host) => !PLAIN_FORM_VOCABULARY_HOSTS.has(host))).to.deep.equal([]);
  });
});
