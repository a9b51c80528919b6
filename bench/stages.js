// Page side: where canonicalization time goes, stage by stage, with the same libraries, options and
// pinned contexts as src/core/jsonld/canonize.ts (which does expansion and toRDF in one jsonld.toRDF
// call, then rdf-canonize), and which stage blocks the main thread when many badges verify at once.
import jsonldWithoutExpand from 'jsonld';
import rdfCanonize from 'rdf-canonize';
import { loadContext } from '../src/core/jsonld/contexts.js';
import { runAll } from './main-thread.js';

/** @typedef {Parameters<typeof jsonldWithoutExpand.toRDF>[1]} ToRdfOptions */
/** @typedef {Awaited<ReturnType<NonNullable<ToRdfOptions['documentLoader']>>>} RemoteDocument */
/** @typedef {Parameters<typeof rdfCanonize.canonize>[1]} CanonizeOptions */
/** @typedef {import('./main-thread.js').RunMode} RunMode */
/** @typedef {'expand' | 'expandMemoized' | 'toRdf' | 'canonize'} Stage */

/**
 * Milliseconds per stage of one pass over both documents, and the quads made.
 * @typedef {{ expand: number, toRdf: number, canonize: number, hash: number, quads: number }} StageTimes
 */

/**
 * jsonld as this probe calls it: expansion on its own as well (the core's declaration, modules.d.ts,
 * has only toRDF, which is all the core calls).
 * @type {typeof jsonldWithoutExpand & { expand(input: unknown, options: ToRdfOptions): Promise<unknown[]> }}
 */
const jsonld = /** @type {typeof jsonld} */ (jsonldWithoutExpand);

// As canonize.ts: each context through loadContext(), whose import() of the context's chunk settles in
// a task of its own even when the chunk is loaded, so every context lookup lets the page in.
/**
 * @param {string} url
 * @returns {Promise<RemoteDocument>}
 */
const documentLoader = async (url) => ({ contextUrl: null, documentUrl: url, document: await loadContext(url) });
const expandOptions = { base: null, safe: true, documentLoader };
// The same contexts kept in a Map once loaded: lookups settle as microtasks, never yielding to the page.
/** @type {Map<string, RemoteDocument>} */
const memoized = new Map();
/**
 * @param {string} url
 * @returns {Promise<RemoteDocument>}
 */
const memoizedLoader = async (url) => {
  if (!memoized.has(url)) memoized.set(url, await documentLoader(url));
  return /** @type {RemoteDocument} */ (memoized.get(url));
};
/** @type {ToRdfOptions} */
const toRdfOptions = { ...expandOptions, produceGeneralizedRdf: false, rdfDirection: 'i18n-datatype' };
/** @type {CanonizeOptions} */
const canonizeOptions = { algorithm: 'RDFC-1.0', format: 'application/n-quads', maxWorkFactor: 1 };

/**
 * The two documents an eddsa-rdfc-2022 proof canonicalizes, built as data-integrity.ts builds them.
 * @param {{ proof: Record<string, unknown>, [property: string]: unknown }} credential
 * @returns {{ document: Record<string, unknown>, proofConfig: Record<string, unknown> }}
 */
function documentsOf(credential) {
  const { proof, ...unsecured } = credential;
  const { proofValue: _signature, ...proofConfig } = proof;
  proofConfig['@context'] = unsecured['@context'];
  return { document: unsecured, proofConfig };
}

/**
 * @template T
 * @param {() => Promise<T>} run
 * @returns {Promise<[number, T]>}
 */
async function timed(run) {
  const start = performance.now();
  const value = await run();
  return [performance.now() - start, value];
}

/**
 * One pass over every stage, for both documents in turn.
 * @param {Record<string, unknown>} documents
 * @returns {Promise<StageTimes>}
 */
async function pass(documents) {
  /** @type {StageTimes} */
  const stages = { expand: 0, toRdf: 0, canonize: 0, hash: 0, quads: 0 };
  for (const input of Object.values(documents)) {
    const [expand, expanded] = await timed(() => jsonld.expand(input, expandOptions));
    // From the expanded form: no contexts left, so this is (mostly) making the quads.
    const [toRdf, dataset] = await timed(() => jsonld.toRDF(expanded, toRdfOptions));
    const [canonize, nquads] = await timed(() => rdfCanonize.canonize(dataset, canonizeOptions));
    const [hash] = await timed(() => crypto.subtle.digest('SHA-256', new TextEncoder().encode(nquads)));
    stages.expand += expand;
    stages.toRdf += toRdf;
    stages.canonize += canonize;
    stages.hash += hash;
    stages.quads += dataset.length;
  }
  return stages;
}

/**
 * In a fresh page: a first pass (JSON-LD context processing happens here, once per page; the
 * contexts' chunks are loaded beforehand, so fetching them is not counted), then the median of
 * `iterations` warm passes.
 * @param {string} credentialText
 * @param {number} iterations
 * @returns {Promise<{ first: StageTimes, warm: StageTimes }>}
 */
async function breakdown(credentialText, iterations) {
  const documents = documentsOf(JSON.parse(credentialText));
  const urls = [documents.document['@context']].flat().filter((context) => typeof context === 'string');
  await Promise.all(urls.map((url) => loadContext(url)));
  const first = await pass(documents);
  const runs = [];
  for (let i = 0; i < iterations; i++) runs.push(await pass(documents));
  const warm = { ...first };
  for (const key of /** @type {(keyof StageTimes)[]} */ (Object.keys(first))) {
    const sorted = runs.map((run) => run[key]).sort((a, b) => a - b);
    warm[key] = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  }
  return { first, warm };
}

/**
 * `count` runs of one stage, all at once or one at a time (see `runAll`), to see which stage blocks.
 * @param {string} credentialText
 * @param {Stage} stage
 * @param {number} count
 * @param {RunMode} mode
 * @returns {Promise<{ ms: number }>}
 */
async function blocking(credentialText, stage, count, mode) {
  const { document } = documentsOf(JSON.parse(credentialText));
  // Only canonize needs a dataset made beforehand (which processes the contexts: not its first use).
  const dataset = stage === 'canonize' ? await jsonld.toRDF(structuredClone(document), toRdfOptions) : undefined;
  /** @type {Record<Stage, () => Promise<unknown>>} */
  const runs = {
    expand: () => jsonld.expand(structuredClone(document), expandOptions),
    expandMemoized: () =>
      jsonld.expand(structuredClone(document), { ...expandOptions, documentLoader: memoizedLoader }),
    toRdf: () => jsonld.toRDF(structuredClone(document), toRdfOptions),
    canonize: () => rdfCanonize.canonize(dataset ?? [], canonizeOptions),
  };
  const [ms] = await timed(() => runAll(count, runs[stage], mode));
  return { ms };
}

globalThis.benchStages = { breakdown, blocking };
