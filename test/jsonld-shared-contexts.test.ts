// scripts/jsonld-shared-contexts.js stops jsonld from copying active contexts it never writes to,
// which lets its processed-context cache hit for type-scoped contexts. It must not change one quad
// nor one refusal: every JSON-LD document under test/ (fixtures, conformance corpus, vectors,
// adversarial cases, each proof's options as they are canonicalized) and seeded mutations of each,
// canonicalized by our path (patched jsonld, bundled contexts kept across calls, twice: cold and
// cached) and by plain jsonld resolving every context afresh, must give the same N-Quads or fail
// the same way.
import { expect } from '@open-wc/testing';
import plainJsonld from 'jsonld-unpatched';
import rdfCanonize from 'rdf-canonize';
import { BadgeError } from '../src/core/errors.js';
import { canonizeRdfc } from '../src/core/jsonld/canonize.js';
import { loadContext } from '../src/core/jsonld/contexts.js';

type Json = Record<string, unknown>;

/** N-Quads, or how the document was refused, in words both paths can be put in. */
type Outcome = string;

async function viaPlainJsonld(document: unknown): Promise<Outcome> {
  try {
    const dataset = await plainJsonld.toRDF(document, {
      base: null,
      safe: true,
      documentLoader: async (url) => ({ contextUrl: null, documentUrl: url, document: await loadContext(url) }),
      produceGeneralizedRdf: false,
      rdfDirection: 'i18n-datatype',
    });
    return await rdfCanonize.canonize(dataset, {
      algorithm: 'RDFC-1.0',
      format: 'application/n-quads',
      maxWorkFactor: 1,
    });
  } catch (error) {
    const e = error as { name?: string; message?: string; details?: { code?: string; event?: { code?: string } } };
    if (e.name === 'jsonld.ValidationError' && e.details?.event) return `refused: unsafe ${e.details.event.code}`;
    if (e.details?.code === 'loading remote context failed') return 'refused: context';
    if (/maximum deep iterations/i.test(e.message ?? '')) return 'refused: work';
    if (e.name?.startsWith('jsonld.')) return `refused: jsonld ${e.details?.code ?? e.name}`;
    return `refused: ${e.message}`;
  }
}

/** Ours, or `undefined` where our own caps (shape, quads), which plain jsonld lacks, refused it. */
async function viaOurs(document: unknown): Promise<Outcome | undefined> {
  try {
    return await canonizeRdfc(document);
  } catch (error) {
    if (!(error instanceof BadgeError)) return `refused: ${String(error)}`;
    const details = error.details ?? {};
    switch (error.code) {
      case 'ERR_OB_JSONLD_UNSAFE':
        return `refused: unsafe ${String(details['event'])}`;
      case 'ERR_OB_CONTEXT_UNKNOWN':
        return 'refused: context';
      case 'ERR_OB_JSONLD_LIMIT':
        return details['limit'] === 'work' ? 'refused: work' : undefined;
      default:
        return typeof details['jsonld'] === 'string'
          ? `refused: jsonld ${details['jsonld']}`
          : `refused: ${error.message}`;
    }
  }
}

/** A small seeded generator (mulberry32), so a failure names a document and a mutation that replay. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function objectsOf(value: unknown, found: Json[] = []): Json[] {
  if (Array.isArray(value)) for (const item of value) objectsOf(item, found);
  else if (value !== null && typeof value === 'object') {
    found.push(value as Json);
    for (const [key, child] of Object.entries(value)) if (key !== '@context') objectsOf(child, found);
  }
  return found;
}

/** Mutations that reach the type-scoped paths: a key gone, types reordered or dropped, a node made a reference, an undefined term, a value made an array. */
function mutationsOf(document: Json, seed: number, count: number): { name: string; document: Json }[] {
  const random = generator(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const out: { name: string; document: Json }[] = [];
  for (let i = 0; i < count; i++) {
    const copy = structuredClone(document);
    const objects = objectsOf(copy).filter((o) => Object.keys(o).some((k) => k !== '@context'));
    if (objects.length === 0) break;
    const target = pick(objects);
    const keys = Object.keys(target).filter((k) => k !== '@context');
    const key = pick(keys);
    const kind = Math.floor(random() * 5);
    let name: string;
    if (kind === 0) {
      delete target[key];
      name = `without ${key}`;
    } else if (kind === 1 && Array.isArray(target['type']) && target['type'].length > 0) {
      const types = target['type'] as unknown[];
      target['type'] = random() < 0.5 ? types.slice().reverse() : types.slice(1);
      name = 'types reordered or one dropped';
    } else if (kind === 2 && typeof target[key] === 'object' && target[key] !== null && 'id' in (target[key] as Json)) {
      target[key] = { id: (target[key] as Json)['id'] };
      name = `${key} made a reference`;
    } else if (kind === 3) {
      target['forgedTerm'] = 'x';
      name = 'an undefined term';
    } else {
      target[key] = [target[key]];
      name = `${key} in an array`;
    }
    out.push({ name: `${name} (seed ${seed}, ${i})`, document: copy });
  }
  return out;
}

const files = ((await (await fetch('/__test-files__')).json()) as string[]).filter((file) => file.endsWith('.json'));
const documents: { file: string; document: Json }[] = [];
for (const file of files) {
  let parsed: unknown;
  try {
    parsed = await (await fetch(`/${file}`)).json();
  } catch {
    continue;
  }
  for (const candidate of Array.isArray(parsed) ? parsed : [parsed]) {
    if (candidate === null || typeof candidate !== 'object' || !('@context' in candidate)) continue;
    const document = candidate as Json;
    documents.push({ file, document });
    // A Data Integrity proof's options are canonicalized with the document's context.
    const proofs = Array.isArray(document['proof']) ? document['proof'] : [document['proof']];
    for (const proof of proofs) {
      if (proof === null || typeof proof !== 'object') continue;
      const { proofValue: _signature, ...options } = proof as Json;
      documents.push({ file: `${file} (proof options)`, document: { '@context': document['@context'], ...options } });
    }
  }
}

describe('jsonld with shared contexts (scripts/jsonld-shared-contexts.js) gives what plain jsonld gives', () => {
  it('reads the documents', () => {
    expect(documents.length).to.be.greaterThan(200);
  });

  let seed = 1;
  for (const { file, document } of documents) {
    const cases = [{ name: 'as is', document }, ...mutationsOf(document, seed++, 3)];
    it(file, async function () {
      this.timeout(60000);
      let compared = 0;
      for (const { name, document: input } of cases) {
        const expected = await viaPlainJsonld(input);
        for (const run of ['first', 'again']) {
          const actual = await viaOurs(input);
          if (actual === undefined) continue;
          expect(actual, `${name}, ${run}`).to.equal(expected);
          compared++;
        }
      }
      expect(compared).to.be.greaterThan(0);
    });
  }
});
