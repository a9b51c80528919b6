#!/usr/bin/env node
// `npm run bench`: how long verification takes. A benchmark, not a test: nothing fails on a slow run
// and it is not part of `npm test`. Absolute times vary by machine and load; compare the ratios a
// run prints, which are measured side by side in that run.
//
// 1. Node: verify() per JWT scenario, from the committed fixtures and their closed-world map, so it
//    measures parsing, key resolution and signature checks, never the network.
// 2. Chromium (scripts/bench-browser.js, page side in bench/): one eddsa-rdfc-2022 badge from the
//    conformance corpus, verified by our core and by @digitalcredentials/verifier-core, offline;
//    where our time goes; what a page of 50 such badges does to the main thread.
// 3. Chromium (scripts/bench-wall.js, page side bench/wall.js): issue 13's walls, made at run time
//    from the committed test keys: 100 VC-JWT badges from one did:web issuer as the `credential`
//    property, warm, against jose verifying the same JWTs in the same page; a 1,000-badge
//    `<ob-badge-list>` given its badges as `credentials`: the first verified badge and every
//    main-thread task, scrolling to the end included. `--wall-mode list,plain` runs issue 8's `src`
//    walls instead (requests against distinct URLs, the JS heap).
// 4. Chromium (scripts/bench-nested.js, page side bench/nested.js): one <ob-badge> with 100 nested
//    achievements (settled, through `verification`) until all 100 cards are drawn: the longest
//    main-thread task (goal < 120 ms), against the floor of 100 plain compact cards.
// 5. Chromium (scripts/bench-page.js): one badge on a page under a strict CSP with the production
//    bundle (dist/cdn): every file and its gzip size, every host contacted, every CSP violation.
// 6. Chromium (scripts/bench-hostile.js, page side bench/hostile.js): issue 14's speed guards, once
//    wall-clock bounds in browser tests: each hostile input (Markdown ReDoS, entity bombs, deep trees,
//    poison RDFC graphs…) against the same code on a benign input of the same length, with the
//    bound the test asserted as the goal.
//
// All measure the current src/, bundled with esbuild on the fly (no `npm run build` needed).
//
//   npm run bench [-- --only node|browser|rdfc|wall|nested|page|hostile --iterations 300 --browser-iterations 100 --cold-runs 5 --badges 50
//                     --wall 100,1000 --wall-mode list,plain,plain-cv --no-wall-explain]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { runBrowserBench } from './bench-browser.js';
import { printGoals } from './bench-goals.js';
import { runHostileBench } from './bench-hostile.js';
import { runNestedBench } from './bench-nested.js';
import { runPageBench } from './bench-page.js';
import { runWallBench } from './bench-wall.js';

/** @typedef {import('../bench/wall.js').WallMode} WallMode */

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    iterations: { type: 'string', default: '300' },
    'browser-iterations': { type: 'string', default: '100' },
    'cold-runs': { type: 'string', default: '5' },
    badges: { type: 'string', default: '50' },
    wall: { type: 'string', default: '100,1000' },
    'wall-mode': { type: 'string' },
    'no-wall-explain': { type: 'boolean', default: false },
  },
});
/**
 * A count option, at least `min`.
 * @param {'iterations' | 'browser-iterations' | 'cold-runs' | 'badges'} name
 * @param {number} min
 */
const count = (name, min) => Math.max(min, Number(values[name]) || min);

// The Data Integrity badge: a real third-party credential (digitalcredentials/vc-test-fixtures) whose
// key is a did:key, so it verifies with no document fetched, valid at the corpus's `now`.
const CONFORMANCE_CREDENTIAL =
  'ob3-eddsa-rdfc-2022/dcc-vctf-v2-dataIntegrityProof-didkey-legacyRegistry-noStatus-noExpiry-OBSpecExample.json';

const JWT_SCENARIOS = [
  'ob3-jwt-valid-did-key.jwt',
  'ob3-jwt-valid-did-jwk.jwt',
  'ob3-jose-valid-did-web.jwt',
  'ob3-jwt-valid-https-jwks.jwt',
  'ob3-jwt-tampered.jwt',
  'ob3-jwt-alg-none.jwt',
];

/**
 * @param {number[]} sorted ascending, not empty
 * @param {number} p
 * @returns {number}
 */
function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * src/core as one ES module beside node_modules (whose packages it imports), so Node can run it.
 * @returns {Promise<typeof import('../src/core/index.js')>}
 */
async function loadCore() {
  const outfile = join(root, 'node_modules/.cache/openbadge-embed-bench/core.js');
  await build({
    absWorkingDir: root,
    entryPoints: ['src/core/index.ts'],
    outfile,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  });
  return import(pathToFileURL(outfile).href);
}

/** @param {number} iterations */
async function benchJwtInNode(iterations) {
  const { createVerifier, createDocumentCache } = await loadCore();
  const fixtures = join(root, 'test/fixtures');
  /** @type {Record<string, string>} URL → fixture file */
  const map = JSON.parse(readFileSync(join(fixtures, 'documents.json'), 'utf8'));
  const documents = Object.fromEntries(
    Object.entries(map).map(([url, file]) => [url, readFileSync(join(fixtures, file), 'utf8')]),
  );
  const now = new Date('2026-06-01T00:00:00Z');

  console.log(`verify() per badge in Node ${process.version}, ${iterations} iterations each\n`);
  console.log(
    `${'scenario'.padEnd(34)} ${'verdict'.padEnd(11)} ${'median'.padStart(9)} ${'p95'.padStart(9)} ${'ops/s'.padStart(8)}`,
  );
  for (const file of JWT_SCENARIOS) {
    const jwt = readFileSync(join(fixtures, 'credentials', file), 'utf8');
    // A fresh cache per scenario, shared across its iterations: like many badges from one issuer on a page.
    const verifier = createVerifier({ documents, offline: true, cache: createDocumentCache() });
    let verdict = '';
    for (let i = 0; i < 20; i++) verdict = (await verifier.verify(jwt, { now })).verdict; // warm-up
    const times = [];
    for (let i = 0; i < iterations; i++) {
      const start = performance.now();
      await verifier.verify(jwt, { now });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const median = percentile(times, 50);
    const ops = Math.round(1000 / median).toString();
    console.log(
      `${file.padEnd(34)} ${verdict.padEnd(11)} ${median.toFixed(3).padStart(7)}ms ${percentile(times, 95).toFixed(3).padStart(7)}ms ${ops.padStart(8)}`,
    );
  }
}

async function benchDataIntegrityInChromium() {
  /** @type {{ now: string, cases: { file: string, expect: { verified: boolean, reason: string } }[] }} */
  const manifest = JSON.parse(readFileSync(join(root, 'test/conformance/manifest.json'), 'utf8'));
  const entry = manifest.cases.find((testCase) => testCase.file === CONFORMANCE_CREDENTIAL);
  if (!entry) throw new Error(`${CONFORMANCE_CREDENTIAL} is not in test/conformance/manifest.json`);
  await runBrowserBench({
    root,
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    credentialFile: join('test/conformance', entry.file),
    expect: `${entry.expect.verified ? 'verified' : 'not verified'}, ${entry.expect.reason}`,
    now: manifest.now,
    iterations: count('browser-iterations', 10),
    coldRuns: count('cold-runs', 1),
    badges: count('badges', 1),
    rdfcOnly: only === 'rdfc',
  });
}

async function benchWallInChromium() {
  const counts = values.wall
    .split(',')
    .map((value) => Math.min(1000, Math.max(1, Math.trunc(Number(value)) || 0)))
    .filter((value, i, all) => all.indexOf(value) === i);
  const outdir = mkdtempSync(join(tmpdir(), 'ob-bench-wall-'));
  try {
    await runWallBench({
      root,
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      counts,
      modes: values['wall-mode'] ? /** @type {WallMode[]} */ (values['wall-mode'].split(',')) : undefined,
      explain: !values['no-wall-explain'],
      outdir,
    });
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const only = values.only;
if (only === undefined || only === 'node') await benchJwtInNode(count('iterations', 10));
if (only === undefined || only === 'browser' || only === 'rdfc') await benchDataIntegrityInChromium();
if (only === undefined || only === 'wall') await benchWallInChromium();
if (only === undefined || only === 'nested') {
  const outdir = mkdtempSync(join(tmpdir(), 'ob-bench-nested-'));
  try {
    await runNestedBench({ root, executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', outdir });
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
if (only === undefined || only === 'page') {
  await runPageBench({ root, executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium' });
}
if (only === undefined || only === 'hostile') {
  const outdir = mkdtempSync(join(tmpdir(), 'ob-bench-hostile-'));
  try {
    await runHostileBench({ root, executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', outdir });
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
printGoals();
