// Property: a holder (or whoever serves a status list) who rewrites a signed document without
// changing what was signed never gets a better verdict than the document as issued, and the card
// never shows text the issuer did not sign (ADR 0010).
//
// RDFC-1.0 proofs sign a graph, so the rewrites here are the ones JSON-LD allows for the same graph
// (a key as its IRI or a compact IRI, an alias term in an inline context, value objects, `@type`
// and `@id`, `@nest`, `@included`, one-element arrays, types as IRIs); each generated document is
// kept only when its canonical N-Quads equal the original's, so every case is a real same-graph
// rewrite. JCS and JWT proofs sign bytes: any rewrite must break them.
// Seeded: a failure prints fast-check's `seed` and `path`; put both in RUN to replay that case.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import canonicalizeModule from 'canonicalize';
import { createDocumentCache } from '../src/core/fetcher.js';
import { canonizeRdfc } from '../src/core/jsonld/canonize.js';
import type { VerificationResult } from '../src/core/result.js';
import { createVerifier } from '../src/core/verify.js';
import { createDidKeyIssuer, signDataIntegrity, type DiIssuer } from './helpers/data-integrity.js';
import { createDidJwkIssuer, credentialFor, signVcJwt, tamper } from './helpers/issuer.js';
import { bitstring, encodeList, listCredential } from './helpers/status-lists.js';

const canonicalize = canonicalizeModule as unknown as (value: unknown) => string;
const RUN = { seed: 0x6a_2e_12, numRuns: 40, includeErrorInReport: true } as const;
const now = new Date('2026-06-01T00:00:00Z');
const verifier = createVerifier({ offline: true, cache: createDocumentCache() });

type Json = Record<string, unknown>;
type Verdict = VerificationResult['verdict'];
const RANK: Record<Verdict, number> = { unverified: 0, unknown: 1, verified: 2 };

const NAMESPACES = [
  'https://www.w3.org/2018/credentials#',
  'https://www.w3.org/ns/credentials/status#',
  'https://w3id.org/vc/status-list#',
  'https://w3id.org/security#',
  'https://schema.org/',
  'https://purl.imsglobal.org/spec/vc/ob/vocab.html#',
  'http://purl.org/dc/terms/',
];
const XSD_DATETIME = 'http://www.w3.org/2001/XMLSchema#dateTime';

/** Every key of every object in the document (the proof's included), as the path to its object. */
function keysOf(document: Json): { path: (string | number)[]; key: string }[] {
  const found: { path: (string | number)[]; key: string }[] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === '@context' || key === 'proofValue') continue;
        if (!(path.length === 0 && key === 'proof')) found.push({ path, key });
        walk(child, [...path, key]);
      }
    }
  };
  walk(document, []);
  return found;
}

function objectAt(document: Json, path: (string | number)[]): Json {
  return path.reduce<unknown>((node, step) => (node as Json)[step as string], document) as Json;
}

function addContext(document: Json, definition: Json): void {
  const contexts = Array.isArray(document['@context']) ? document['@context'] : [document['@context']];
  document['@context'] = [...contexts, definition];
}

interface Rewrite {
  readonly kind: 'iri' | 'compact' | 'alias' | 'value' | 'keyword' | 'nest' | 'included' | 'wrap' | 'type-iri';
  /** A key the checks read, aimed at half of the time (random keys rarely hit the one that matters). */
  readonly target: string | null;
  readonly at: number;
  readonly choice: number;
}

const DECISIVE_KEYS = [
  'credentialStatus',
  'statusPurpose',
  'statusListIndex',
  'statusListCredential',
  'encodedList',
  'validFrom',
  'validUntil',
  'issuanceDate',
  'expirationDate',
  'expires',
  'issuer',
  'type',
  'id',
  'name',
  'credentialSubject',
];

const rewriteArb: fc.Arbitrary<Rewrite> = fc.record({
  kind: fc.constantFrom('iri', 'compact', 'alias', 'value', 'keyword', 'nest', 'included', 'wrap', 'type-iri'),
  target: fc.option(fc.constantFrom(...DECISIVE_KEYS), { freq: 2 }),
  at: fc.nat(),
  choice: fc.nat(),
});

/** Applies one rewrite in place; returns false when it does not apply to the chosen key. */
function apply(document: Json, { kind, target, at, choice }: Rewrite): boolean {
  const all = keysOf(document);
  const aimed = target === null ? [] : all.filter((entry) => entry.key === target);
  const keys = aimed.length > 0 ? aimed : all;
  if (keys.length === 0) return false;
  const { path, key } = keys[at % keys.length]!;
  const node = objectAt(document, path);
  const value = node[key];
  const namespace = NAMESPACES[choice % NAMESPACES.length]!;
  const rename = (to: string) => {
    delete node[key];
    node[to] = value;
  };
  switch (kind) {
    case 'iri':
      if (key.startsWith('@')) return false;
      rename(`${namespace}${key}`);
      return true;
    case 'compact':
      if (key.startsWith('@')) return false;
      addContext(document, { [`p${choice % 7}`]: namespace });
      rename(`p${choice % 7}:${key}`);
      return true;
    case 'alias': {
      if (key.startsWith('@')) return false;
      const coercion = [undefined, '@id', XSD_DATETIME][choice % 3];
      addContext(document, {
        [`alias${key}`]: { '@id': `${namespace}${key}`, ...(coercion ? { '@type': coercion } : {}) },
      });
      rename(`alias${key}`);
      return true;
    }
    case 'value':
      if (typeof value !== 'string' || key === 'type' || key === 'id') return false;
      node[key] = choice % 2 ? { '@value': value, '@type': XSD_DATETIME } : { '@value': value };
      return true;
    case 'keyword':
      if (key !== 'type' && key !== 'id') return false;
      rename(`@${key}`);
      return true;
    case 'nest':
      if (key.startsWith('@')) return false;
      delete node[key];
      node['@nest'] = { ...(node['@nest'] as Json | undefined), [key]: value };
      return true;
    case 'included': {
      const id = node['id'];
      if (typeof id !== 'string' || key === 'id' || key === 'type' || path[0] === 'proof') return false;
      delete node[key];
      const included = (document['@included'] as Json[] | undefined) ?? [];
      document['@included'] = [...included, { id, ...(node['type'] ? { type: node['type'] } : {}), [key]: value }];
      return true;
    }
    case 'wrap':
      if (Array.isArray(value) || key.startsWith('@')) return false;
      node[key] = [value];
      return true;
    case 'type-iri': {
      if (key !== 'type') return false;
      const types = Array.isArray(value) ? value : [value];
      const i = choice % types.length;
      node[key] = types.map((type, j) => (j === i ? `${namespace}${String(type)}` : type));
      return true;
    }
  }
}

/** What RDFC proofs sign: the graph of the document and of each proof's options. */
async function signedGraphsOf(document: Json): Promise<string | undefined> {
  const { proof, ...unsecured } = document;
  try {
    const proofs = (Array.isArray(proof) ? proof : [proof]) as Json[];
    const forms = await Promise.all([
      canonizeRdfc(unsecured),
      ...proofs.map(({ proofValue: _value, ...options }) =>
        canonizeRdfc({ ...options, '@context': unsecured['@context'] }),
      ),
    ]);
    return forms.join('\n--\n');
  } catch {
    return undefined; // not JSON-LD that expands: not a same-graph rewrite
  }
}

/** What the view says when the badge states nothing (view.ts): not badge text. */
const VIEW_PLACEHOLDERS = ['Untitled credential', 'Untitled badge'];

/** Every string in a value: what a card shows, or what a document states. */
function textsOf(value: unknown, texts = new Set<string>()): Set<string> {
  if (typeof value === 'string') texts.add(value);
  else if (Array.isArray(value)) for (const item of value) textsOf(item, texts);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) textsOf(item, texts);
  return texts;
}

interface Fixture {
  readonly name: string;
  readonly badge: Json;
  readonly documents?: Record<string, Json>;
  /** Rewrite the served status list instead of the badge. */
  readonly rewriteList?: string;
}

const verify = (badge: Json | string, documents: Record<string, Json> = {}) =>
  verifier.verify(badge, { now, documents });

describe('same-graph rewrites never verify better than the document as issued (RDFC-1.0)', function () {
  this.timeout(120_000);
  const fixtures: Fixture[] = [];

  before(async () => {
    const ed: DiIssuer = await createDidKeyIssuer('Ed25519');
    const p256: DiIssuer = await createDidKeyIssuer('P-256');
    const listUrl = 'https://status.example/lists/1';
    const revokedList = await signDataIntegrity(
      listCredential({ url: listUrl, issuer: ed.did, encodedList: encodeList(bitstring([5])) }),
      ed,
    );
    const status = {
      id: `${listUrl}#5`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '5',
      statusListCredential: listUrl,
    };
    const v1 = (did: string, overrides: Json = {}) => ({
      '@context': [
        'https://www.w3.org/2018/credentials/v1',
        'https://purl.imsglobal.org/spec/ob/v3p0/context.json',
        'https://w3id.org/security/suites/ed25519-2020/v1',
      ],
      id: 'urn:uuid:5d5c3c4a-0000-4000-8000-000000000002',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: did, type: 'Profile', name: 'Test Issuer' },
      issuanceDate: '2025-01-01T00:00:00Z',
      name: 'Test Badge',
      credentialSubject: {
        id: 'did:example:learner',
        type: 'AchievementSubject',
        achievement: { id: 'https://example.org/a/1', type: 'Achievement', name: 'Test Achievement' },
      },
      ...overrides,
    });
    const ed2020 = { type: 'Ed25519Signature2020', cryptosuite: undefined };
    const signed = (credential: Json, issuer: DiIssuer, proof: Json = {}) =>
      signDataIntegrity(credential, issuer, proof);
    fixtures.push(
      { name: 'eddsa-rdfc-2022 valid', badge: await signed(credentialFor(ed.did), ed) },
      {
        name: 'eddsa-rdfc-2022 revoked',
        badge: await signed(credentialFor(ed.did, { credentialStatus: status }), ed),
        documents: { [listUrl]: revokedList },
      },
      {
        name: 'eddsa-rdfc-2022 revoked, the list rewritten by its host',
        badge: await signed(credentialFor(ed.did, { credentialStatus: status }), ed),
        documents: { [listUrl]: revokedList },
        rewriteList: listUrl,
      },
      {
        name: 'eddsa-rdfc-2022 expired',
        badge: await signed(credentialFor(ed.did, { validUntil: '2024-01-01T00:00:00Z' }), ed),
      },
      {
        name: 'eddsa-rdfc-2022 not yet valid',
        badge: await signed(credentialFor(ed.did, { validFrom: '2031-01-01T00:00:00Z' }), ed),
      },
      {
        name: 'eddsa-rdfc-2022 proof expired',
        badge: await signed(credentialFor(ed.did), ed, { expires: '2025-06-01T00:00:00Z' }),
      },
      {
        name: 'ecdsa-rdfc-2019 expired',
        badge: await signed(credentialFor(p256.did, { validUntil: '2024-01-01T00:00:00Z' }), p256),
      },
      { name: 'Ed25519Signature2020 valid (VCDM 1.1)', badge: await signed(v1(ed.did), ed, ed2020) },
      {
        name: 'Ed25519Signature2020 expired (VCDM 1.1)',
        badge: await signed(v1(ed.did, { expirationDate: '2024-01-01T00:00:00Z' }), ed, ed2020),
      },
    );
  });

  it('the fixtures give the verdicts they were made for', async () => {
    const verdicts = await Promise.all(
      fixtures.map(async (f) => [f.name, (await verify(f.badge, f.documents)).verdict]),
    );
    expect(verdicts).to.deep.equal([
      ['eddsa-rdfc-2022 valid', 'verified'],
      ['eddsa-rdfc-2022 revoked', 'unverified'],
      ['eddsa-rdfc-2022 revoked, the list rewritten by its host', 'unverified'],
      ['eddsa-rdfc-2022 expired', 'unverified'],
      ['eddsa-rdfc-2022 not yet valid', 'unverified'],
      ['eddsa-rdfc-2022 proof expired', 'unverified'],
      ['ecdsa-rdfc-2019 expired', 'unverified'],
      ['Ed25519Signature2020 valid (VCDM 1.1)', 'verified'],
      ['Ed25519Signature2020 expired (VCDM 1.1)', 'unverified'],
    ]);
  });

  it('for every fixture and every same-graph rewrite', async () => {
    let sameGraph = 0;
    for (const fixture of fixtures) {
      const original = await verify(fixture.badge, fixture.documents);
      const target = fixture.rewriteList ? fixture.documents![fixture.rewriteList]! : fixture.badge;
      const graph = await signedGraphsOf(target);
      // Signed text: what the document as issued states, and what its card showed (dates formatted, ids).
      const originalTexts = textsOf(original.badge, textsOf(target, new Set(VIEW_PLACEHOLDERS)));
      await fc.assert(
        fc.asyncProperty(fc.array(rewriteArb, { minLength: 1, maxLength: 3 }), async (rewrites) => {
          let rewritten = structuredClone(target);
          for (const rewrite of rewrites) {
            // The IRI a key stands for is found by trying each vocabulary: the one that keeps the graph.
            let kept: Json | undefined;
            for (let n = 0; n < NAMESPACES.length && kept === undefined; n++) {
              const attempt = structuredClone(rewritten);
              if (!apply(attempt, { ...rewrite, choice: rewrite.choice + n })) break;
              if ((await signedGraphsOf(attempt)) === graph) kept = attempt;
            }
            if (kept === undefined) return;
            rewritten = kept;
          }
          sameGraph++;
          const result = fixture.rewriteList
            ? await verify(fixture.badge, { ...fixture.documents, [fixture.rewriteList]: rewritten })
            : await verify(rewritten, fixture.documents);
          const context = `${fixture.name}: ${JSON.stringify(rewrites)} gave ${result.verdict}`;
          if (fixture.rewriteList) {
            // Whoever serves the list can always make it unusable (status unknown), never "active".
            expect(result.verdict, context).to.not.equal('verified');
          } else {
            expect(RANK[result.verdict], context).to.be.at.most(RANK[original.verdict]);
          }
          for (const text of textsOf(result.badge))
            expect(originalTexts.has(text), `${context}: shows "${text}"`).to.equal(true);
        }),
        RUN,
      );
    }
    // The generator must actually produce same-graph rewrites, or the property says nothing.
    expect(sameGraph).to.be.greaterThan(40);
  });
});

describe('rewrites of documents whose proofs sign bytes (JCS, JWS) break the proof', function () {
  this.timeout(60_000);

  it('eddsa-jcs-2022: any change to the JSON is a failed proof', async () => {
    const ed = await createDidKeyIssuer('Ed25519');
    const badge = await signDataIntegrity(credentialFor(ed.did, { validUntil: '2024-01-01T00:00:00Z' }), ed, {
      cryptosuite: 'eddsa-jcs-2022',
    });
    expect((await verify(badge)).verdict).to.equal('unverified');
    await fc.assert(
      fc.asyncProperty(fc.array(rewriteArb, { minLength: 1, maxLength: 3 }), async (rewrites) => {
        const rewritten = structuredClone(badge);
        if (!rewrites.every((rewrite) => apply(rewritten, rewrite))) return;
        if (canonicalize(rewritten) === canonicalize(badge)) return;
        const result = await verify(rewritten);
        // Either the JSON is no longer read as a credential, or its proof fails: never a passed proof.
        expect(result.verdict, JSON.stringify(rewrites)).to.equal('unverified');
        expect(result.checks.find((check) => check.id === 'proof')?.status).to.not.equal('passed');
      }),
      RUN,
    );
  });

  it('VC-JWT: any change to the payload is a failed signature', async () => {
    const issuer = await createDidJwkIssuer('ES256');
    const credential = credentialFor(issuer.did, { validUntil: '2024-01-01T00:00:00Z' });
    const jwt = await signVcJwt(issuer, credential);
    await fc.assert(
      fc.asyncProperty(fc.array(rewriteArb, { minLength: 1, maxLength: 3 }), async (rewrites) => {
        let changed = false;
        const rewritten = tamper(jwt, (claims) => {
          const vc = claims['vc'] as Json;
          changed = rewrites.every((rewrite) => apply(vc, rewrite)) && canonicalize(vc) !== canonicalize(credential);
        });
        if (!changed) return;
        const result = await verify(rewritten);
        expect(result.verdict, JSON.stringify(rewrites)).to.equal('unverified');
        expect(result.checks.find((check) => check.id === 'proof')?.status).to.not.equal('passed');
      }),
      RUN,
    );
  });
});
