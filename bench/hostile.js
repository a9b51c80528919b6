// Page side of the hostile bench (scripts/bench-hostile.js): the speed guards that tests once asserted
// with a wall clock (issue 14), each hostile input beside its floor: the same code on a benign input
// of the same length. The tests keep what is deterministic (the output, the error code, the cap);
// how long it takes is measured here. Inputs are made before the clock starts.
// Imported by name: package.json's `sideEffects` lists only dist/, so a bare import would be dropped.
import { render } from 'lit';
import { ObInspector } from '../src/components/inspector/inspector.js';
import { unbakeSvg } from '../src/core/baked/svg.js';
import { checkRecipient } from '../src/core/checks/recipient.js';
import { createDocumentCache, createVerifier } from '../src/core/index.js';
import { canonizeRdfc } from '../src/core/jsonld/canonize.js';
import { boundedJson } from '../src/core/lib/bounded-json.js';
import { loadMarkdown, MAX_MARKDOWN_LENGTH, renderMarkdown } from '../src/render/markdown.js';
import { HOSTILE_MARKDOWN } from '../test/helpers/hostile-markdown.js';
import { nextTask } from './main-thread.js';

/** @typedef {'hostile' | 'floor'} Input */
/**
 * One guard: the test it came from, its old bound, and how to make and run each input.
 * @typedef {object} HostileCase
 * @property {string} name
 * @property {string} test the test file that asserted the bound
 * @property {number} goalMs the bound the test asserted
 * @property {Record<Input, () => unknown>} make
 * @property {(input: any) => Promise<string>} run resolves with what came out (an error code, a verdict…)
 */
/** @typedef {{ ms: number, outcome: string }} HostileRun */

const SVG_MAX = 2 * 1024 * 1024;
const OB2_NS = 'xmlns:openbadges="http://openbadges.org"';
const V2 = 'https://www.w3.org/ns/credentials/v2';
const ADA_UNSALTED = 'sha256$cfe00dde46ef942601ffafb9e2825e802858b460e586b8305b344c1eb826357d';
const now = new Date('2026-06-01T00:00:00Z');

/**
 * @param {unknown} value
 * @returns {number}
 */
const jsonLength = (value) => JSON.stringify(value).length;
/**
 * Benign text of `length` characters: ordinary Markdown prose.
 * @param {number} length
 */
const prose = (length) =>
  'A paragraph with *emphasis*, **strong** text, `code` and a [link](https://example.org/a).\n\n'
    .repeat(Math.ceil(length / 90))
    .slice(0, length);
/**
 * @param {string} inner
 * @param {string} [prolog]
 */
const svgWith = (inner, prolog = '') =>
  `${prolog}<svg xmlns="http://www.w3.org/2000/svg" ${OB2_NS}>${inner}<circle r="4"/></svg>`;
/**
 * A plain baked SVG as long as `svg`: one assertion, the rest a <desc> of text.
 * @param {string} svg
 */
const plainSvgLike = (svg) => {
  const bare = svgWith('<openbadges:assertion verify="https://example.org/a/1"/><desc></desc>');
  return svgWith(
    `<openbadges:assertion verify="https://example.org/a/1"/><desc>${'a'.repeat(Math.max(0, svg.length - bare.length))}</desc>`,
  );
};
/**
 * `document` with its hostile member replaced by a benign one, padded with a `description` to the
 * same JSON length.
 * @param {Record<string, unknown>} document
 * @param {string} member
 * @param {unknown} benign
 */
const benignLike = (document, member, benign) => {
  const base = { ...document, [member]: benign, description: '' };
  return { ...base, description: 'x'.repeat(Math.max(0, jsonLength(document) - jsonLength(base))) };
};
/**
 * @param {number} depth
 * @param {unknown} leaf
 * @returns {unknown}
 */
const deepObject = (depth, leaf) => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { nested: value };
  return value;
};
/**
 * @param {number} depth
 * @returns {unknown}
 */
const deepArrays = (depth) => {
  /** @type {unknown} */
  let value = [];
  for (let i = 1; i < depth; i++) value = [value];
  return value;
};
/**
 * What a rejected promise was rejected with: its code; or `resolved`.
 * @param {Promise<unknown>} promise
 */
const codeOf = (promise) =>
  promise.then(
    () => 'resolved',
    (/** @type {{ code?: string, details?: { reason?: string, limit?: string } }} */ error) =>
      [error.code, error.details?.reason ?? error.details?.limit].filter(Boolean).join(' '),
  );

// ── Markdown (src/render/markdown.test.ts: < 500 ms each) ─────────────────────────────────────────

let markdownRuns = 0;
/**
 * Lexes and renders `source` into a container; a different last line each time, past the cache.
 * @param {string} source
 */
const drawMarkdown = async (source) => {
  markdownRuns += 1;
  const container = document.createElement('div');
  render(renderMarkdown(`${source.slice(0, MAX_MARKDOWN_LENGTH - 12)}\n\n${markdownRuns}`), container);
  return `${container.querySelectorAll('*').length} elements`;
};

// ── Pipeline (src/core/hostile.test.ts: < 15 s each) ──────────────────────────────────────────────

const verifier = createVerifier({ offline: true, cache: createDocumentCache() });
/** @param {Record<string, unknown>} document */
const verifyIt = async (document) => {
  const result = await verifier.verify(document, { now });
  return `${result.verdict}, ${result.checks.length} checks, ${(result.nested ?? []).length} nested`;
};
const clr50 = () => {
  /** @type {Record<string, unknown>} */
  let clr = { type: ['VerifiableCredential'] };
  for (let i = 0; i < 50; i++) {
    clr = {
      '@context': [V2],
      type: ['VerifiableCredential', 'ClrCredential'],
      issuer: 'did:example:x',
      credentialSubject: { verifiableCredential: [clr] },
      proof: { type: 'DataIntegrityProof' },
    };
  }
  return clr;
};
/** @type {[string, () => Record<string, unknown>, string, unknown][]} name, hostile, its hostile member, a benign one */
const PIPELINE = [
  [
    'an OB 2.0 assertion nested 50,000 deep',
    () => ({
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'Assertion',
      id: 'https://issuer.example/a.json',
      recipient: deepObject(50_000, 'x'),
    }),
    'recipient',
    { type: 'email', hashed: false, identity: 'ada@example.org' },
  ],
  [
    'a presentation holding 10,000 credentials',
    () => ({
      '@context': [V2],
      type: ['VerifiablePresentation'],
      verifiableCredential: Array.from({ length: 10_000 }, () => ({ type: ['VerifiableCredential'] })),
    }),
    'verifiableCredential',
    [{ type: ['VerifiableCredential'] }],
  ],
  ['a CLR whose achievements are CLRs, 50 deep', clr50, 'credentialSubject', { name: 'a transcript' }],
  [
    'a credential with 100,000 endorsements',
    () => ({
      '@context': [V2],
      type: ['VerifiableCredential'],
      issuer: 'did:example:x',
      endorsementJwt: Array.from({ length: 100_000 }, () => 'a.b.c'),
      proof: { type: 'DataIntegrityProof' },
    }),
    'endorsementJwt',
    ['a.b.c'],
  ],
];

/** A 12-node graph, every node pointing at every other; blank nodes (poison) or IRIs (floor). */
const linkedGraph = (/** @type {boolean} */ blank) => {
  const id = (/** @type {number} */ i) => (blank ? `_:b${i}` : `https://example.org/node/${i}`);
  const nodes = Array.from({ length: 12 }, (_, i) => ({
    '@id': id(i),
    'https://example.org/knows': Array.from({ length: 12 }, (_, j) => j)
      .filter((j) => j !== i)
      .map((j) => ({ '@id': id(j) })),
  }));
  return { '@graph': nodes };
};

const inspectorVerifier = createVerifier({
  offline: true,
  fetch: () => Promise.reject(new Error('no network in the bench')),
});
/** @type {ObInspector | undefined} */
let inspector;
/**
 * Inspects `text` as a dropped JSON file would be (a Blob: what `inspect` reads of a File).
 * @param {string} text
 */
const inspectJson = async (text) => {
  if (!inspector) {
    inspector = new ObInspector();
    inspector.lang = 'en-GB';
    inspector.verifier = inspectorVerifier;
    inspector.now = now;
    document.body.append(inspector);
  }
  const report = await inspector.inspect(new Blob([text], { type: 'application/json' }));
  return `${report?.result.verdict}, ${report?.result.checks[0]?.code ?? report?.result.checks[0]?.status}`;
};
const DEEP_JSON = `${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}`;

/** @type {HostileCase[]} */
const CASES = [
  ...HOSTILE_MARKDOWN.map(([name, source]) => ({
    name: `Markdown: ${name}`,
    test: 'src/render/markdown.test.ts',
    goalMs: 500,
    make: {
      hostile: () => source.slice(0, MAX_MARKDOWN_LENGTH),
      floor: () => prose(Math.min(source.length, MAX_MARKDOWN_LENGTH)),
    },
    run: drawMarkdown,
  })),
  ...(() => {
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    /** @type {[string, number, string][]} */
    const svgs = [
      [
        'SVG: billion laughs',
        500,
        svgWith(
          '<openbadges:assertion verify="&lol9;"/>',
          `<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY lol0 "lol">${lol}]>`,
        ),
      ],
      [
        'SVG: 100 kB entity × 1,000',
        500,
        svgWith(
          `<openbadges:assertion verify="u">${'&a;'.repeat(1000)}</openbadges:assertion>`,
          `<!DOCTYPE svg [<!ENTITY a "${'A'.repeat(100_000)}">]>`,
        ),
      ],
      [
        'SVG: 200,000 deep',
        1000,
        `<svg xmlns="http://www.w3.org/2000/svg">${'<g>'.repeat(200_000)}${'</g>'.repeat(200_000)}</svg>`,
      ],
      ['SVG: 300,000 elements', 1000, `<svg xmlns="http://www.w3.org/2000/svg">${'<g/>'.repeat(300_000)}</svg>`],
    ];
    return svgs.map(([name, goalMs, svg]) => ({
      name,
      test: 'src/core/baked/svg.test.ts',
      goalMs,
      make: { hostile: () => svg, floor: () => plainSvgLike(svg) },
      run: (/** @type {string} */ text) =>
        codeOf(unbakeSvg(new TextEncoder().encode(text), SVG_MAX)).then((code) =>
          code === 'resolved' ? 'read' : code,
        ),
    }));
  })(),
  {
    name: 'report JSON: arrays 300,000 deep',
    test: 'src/core/lib/bounded-json.test.ts',
    goalMs: 1000,
    make: {
      hostile: () => ({ credential: deepArrays(300_000) }),
      // As many characters of JSON, flat: 200,000 empty arrays side by side.
      floor: () => ({ credential: Array.from({ length: 200_000 }, () => []) }),
    },
    run: async (/** @type {unknown} */ value) => `${JSON.stringify(boundedJson(value)).length} characters`,
  },
  {
    name: 'recipient: 10,001 identifiers',
    test: 'src/core/checks/recipient.test.ts',
    goalMs: 2000,
    make: {
      // The match last, behind 10,000 salted ones that do not match.
      hostile: () =>
        [...Array.from({ length: 10_000 }, (_, i) => ({ salt: String(i) })), {}].map((fields) => ({
          type: 'IdentityObject',
          identityType: 'emailAddress',
          hashed: true,
          identityHash: ADA_UNSALTED,
          ...fields,
        })),
      // As many, the match first.
      floor: () =>
        [{}, ...Array.from({ length: 10_000 }, (_, i) => ({ salt: String(i) }))].map((fields) => ({
          type: 'IdentityObject',
          identityType: 'emailAddress',
          hashed: true,
          identityHash: ADA_UNSALTED,
          ...fields,
        })),
    },
    run: async (/** @type {unknown[]} */ identifier) => {
      const credential = {
        '@context': [V2],
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        credentialSubject: { identifier },
      };
      const outcome = await checkRecipient(credential, 'ada@example.org');
      return `${outcome.status}, ${JSON.stringify(outcome.details?.['ignored'] ?? 0)} ignored`;
    },
  },
  {
    name: 'RDFC: 12 interlinked blank nodes',
    test: 'src/core/jsonld/canonize.test.ts',
    goalMs: 5000,
    // The floor: the same graph with IRIs for its nodes, nothing for N-degree hashing to do.
    make: { hostile: () => linkedGraph(true), floor: () => linkedGraph(false) },
    run: (/** @type {unknown} */ graph) =>
      codeOf(canonizeRdfc(graph)).then((code) => (code === 'resolved' ? 'canonized' : code)),
  },
  ...PIPELINE.map(([name, make, member, benign]) => ({
    name: `verify: ${name}`,
    test: 'src/core/hostile.test.ts',
    goalMs: 15_000,
    make: { hostile: make, floor: () => benignLike(make(), member, benign) },
    run: verifyIt,
  })),
  {
    name: 'inspector: JSON 200,000 deep',
    test: 'src/components/inspector/inspector.test.ts',
    goalMs: 5000,
    make: { hostile: () => DEEP_JSON, floor: () => `{"a":"${'x'.repeat(DEEP_JSON.length - 8)}"}` },
    run: inspectJson,
  },
];

/** Loads the Markdown lexer, as the tests had before they ran. */
async function prepare() {
  await loadMarkdown();
}

/** @returns {{ name: string, test: string, goalMs: number }[]} */
function cases() {
  return CASES.map(({ name, test, goalMs }) => ({ name, test, goalMs }));
}

/**
 * Runs one case on one of its inputs, made before the clock starts.
 * @param {number} index
 * @param {Input} input
 * @returns {Promise<HostileRun>}
 */
async function measure(index, input) {
  const hostileCase = CASES[index];
  if (!hostileCase) throw new Error(`no hostile case ${index}`);
  const value = hostileCase.make[input]();
  await nextTask();
  const start = performance.now();
  const outcome = await hostileCase.run(value);
  return { ms: performance.now() - start, outcome };
}

globalThis.benchHostile = { prepare, cases, measure };
