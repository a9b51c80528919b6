#!/usr/bin/env node
// Scores the built CLI against the conformance corpus (test/conformance/, see its README):
// every case whose format this version supports is verified by the built CLI's `run` (what
// `bin/ob-verify.js` calls), all in this one process, in a closed world (--offline, --documents
// built from manifest.documents, --now = manifest.now), and the
// verdict is compared with `expect` in the corpus's vocabulary. `verified: null` cases are
// undecidable with the files at hand and are not scored. A case in `KNOWN_DIFFERENCES` is held to
// exactly what the browser test holds it to: never verified, its pinned verdict and code, and
// still different (else it fails); a key the manifest no longer has fails the run too.
//
//   npm run build && npm run conformance        (writes .test-results/conformance-cli.json)
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  KNOWN_DIFFERENCES,
  SUPPORTED_FORMATS,
  conformanceVerdict,
  knownDifferenceProblem,
  sameReason,
  staleKnownDifferences,
} from './conformance-reasons.js';
import { hostedDocumentOf } from './conformance-hosted.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = join(ROOT, 'test/conformance');
const RESULTS = join(ROOT, '.test-results');
const CONCURRENCY = Math.max(1, Math.min(8, availableParallelism()));

if (!existsSync(join(ROOT, 'dist/cli/ob-verify.js'))) {
  console.error('conformance: dist/cli/ob-verify.js is missing; run `npm run build` first.');
  process.exit(2);
}

/**
 * A case of the corpus (test/conformance/README.md).
 * @typedef {{ file: string, format: string, detail?: string, expect: { verified: boolean | null, reason: string } }} Case
 * @typedef {import('./conformance-reasons.js').ConformanceAnswer} ConformanceAnswer
 * @typedef {(Partial<ConformanceAnswer> & { error: string }) | (ConformanceAnswer & { error?: undefined })} Answer
 */

/** @type {{ now: string, documents: Record<string, string>, cases: Case[] }} */
const manifest = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8'));

// One documents map for every case: the corpus's map with absolute paths (the CLI resolves
// relative paths against the map's own folder, which is a temporary one here).
const work = mkdtempSync(join(tmpdir(), 'ob-conformance-'));
const mapFile = join(work, 'documents.json');
writeFileSync(
  mapFile,
  JSON.stringify(
    Object.fromEntries(Object.entries(manifest.documents).map(([url, file]) => [url, join(CORPUS, file)])),
  ),
);

/** @type {Record<string, string>} */
const baseMap = JSON.parse(readFileSync(mapFile, 'utf8'));

// The built modules, typed as their sources: the script runs what users run (dist/), and tsc checks
// it against src/ without needing a build first.
/** @type {typeof import('../src/cli/ob-verify.js')} */
const { run } = await import(new URL('../dist/cli/ob-verify.js', import.meta.url).href);
/** @type {typeof import('../src/core/baked/unbake.js')} */
const { unbake } = await import(new URL('../dist/core/baked/unbake.js', import.meta.url).href);

/**
 * The documents map for a case: the corpus's, or its own when the case is served at its id.
 * @param {Case} testCase
 */
async function mapFileFor(testCase) {
  const input = new Uint8Array(readFileSync(join(CORPUS, testCase.file)));
  const hosted = await hostedDocumentOf(testCase, input, (url) => url in baseMap, unbake);
  if (!hosted) return mapFile;
  const name = testCase.file.replace(/[^a-z0-9.-]+/gi, '_');
  const hostedFile = join(work, `${name}.hosted.json`);
  const ownMap = join(work, `${name}.documents.json`);
  writeFileSync(hostedFile, hosted.bytes);
  writeFileSync(ownMap, JSON.stringify({ ...baseMap, [hosted.id]: hostedFile }));
  return ownMap;
}

/**
 * Runs the CLI on one case as `ob-verify` would, its output captured: `{ code, stdout, stderr }`.
 * @param {Case} testCase
 */
async function verify(testCase) {
  const documentsFile = await mapFileFor(testCase);
  const args = [
    '--json',
    '--now',
    manifest.now,
    '--documents',
    documentsFile,
    '--offline',
    join(CORPUS, testCase.file),
  ];
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (/** @type {string} */ text) => (stdout += text) },
    stderr: { write: (/** @type {string} */ text) => (stderr += text) },
    stdin: (async function* () {})(),
    env: process.env,
    cwd: ROOT,
  };
  let code;
  try {
    code = await run(args, io);
  } catch (error) {
    // As bin/ob-verify.js answers a bug: the internal-error status, never a verdict.
    stderr += `ob-verify: internal error: ${error instanceof Error ? error.message : String(error)}\n`;
    code = 3;
  }
  return { code, stdout, stderr };
}

/**
 * The CLI's answer for one case, as `{ verified, reason }` plus what went wrong running it.
 * @param {Case} testCase
 * @returns {Promise<Answer>}
 */
async function answer(testCase) {
  const { code, stdout, stderr } = await verify(testCase);
  if (code !== 0 && code !== 1) return { error: `exit ${code}: ${stderr.trim().split('\n')[0] ?? ''}` };
  let result;
  try {
    result = JSON.parse(stdout);
  } catch {
    return { error: `exit ${code}: output is not JSON` };
  }
  // `code`: that of the check that gave the reason (what KNOWN_DIFFERENCES pins).
  const verdict = conformanceVerdict(result);
  if ((code === 0) !== result.verified)
    return { ...verdict, error: `exit ${code} disagrees with verified: ${result.verified}` };
  return verdict;
}

/**
 * `fn` over `items`, at most `limit` at a time, the answers in order.
 * @template T, R
 * @param {readonly T[]} items
 * @param {number} limit
 * @param {(item: T) => Promise<R>} fn
 * @returns {Promise<R[]>}
 */
async function mapLimit(items, limit, fn) {
  /** @type {R[]} */
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        out[index] = await fn(/** @type {T} */ (items[index]));
      }
    }),
  );
  return out;
}

const supported = manifest.cases.filter((testCase) => SUPPORTED_FORMATS.includes(testCase.format));
const otherFormats = manifest.cases.length - supported.length;
const answers = await mapLimit(supported, CONCURRENCY, answer);
rmSync(work, { recursive: true, force: true });

/** @type {{ file: string, outcome: string, expected: string, got: string }[]} */
const rows = [];
let agreed = 0;
let known = 0;
let failed = 0;
let undecidable = 0;
supported.forEach((testCase, index) => {
  const got = /** @type {Answer} */ (answers[index]);
  const expected = testCase.expect;
  const agrees =
    got.error === undefined &&
    expected.verified === got.verified &&
    sameReason(expected.reason, got.reason, testCase.detail);
  let outcome;
  if (got.error !== undefined) {
    outcome = 'ERROR';
    failed++;
  } else if (expected.verified === null) {
    outcome = 'undecidable';
    undecidable++;
  } else if (Object.prototype.hasOwnProperty.call(KNOWN_DIFFERENCES, testCase.file)) {
    // A documented difference stays on the safe side, with exactly its pinned verdict and code;
    // one that now agrees must leave the list.
    const problem = knownDifferenceProblem(testCase.file, got, agrees);
    if (!problem) {
      outcome = 'known';
      known++;
    } else {
      outcome = got.verified ? 'KNOWN-BUT-VERIFIED' : agrees ? 'KNOWN-BUT-AGREES' : 'KNOWN-BUT-CHANGED';
      console.error(`conformance: ${problem}`);
      failed++;
    }
  } else if (agrees) {
    outcome = 'agree';
    agreed++;
  } else {
    outcome = 'DISAGREE';
    failed++;
  }
  const expectedText = `${expected.verified === null ? '?' : expected.verified ? 'verified' : 'unverified'} ${expected.reason}`;
  const gotText =
    got.error !== undefined
      ? got.error
      : `${got.verified ? 'verified' : 'unverified'} ${got.reason}${got.code ? ` (${got.code})` : ''}`;
  rows.push({ file: testCase.file, outcome, expected: expectedText, got: gotText });
});

// A known difference for a case the manifest no longer has is a stale entry: it fails the run.
for (const file of staleKnownDifferences(manifest)) {
  console.error(`conformance: KNOWN_DIFFERENCES names ${file}, which is no decidable case of a supported format`);
  rows.push({ file, outcome: 'KNOWN-BUT-GONE', expected: '-', got: '-' });
  failed++;
}

const widths = {
  file: Math.max(4, ...rows.map((row) => row.file.length)),
  outcome: Math.max(7, ...rows.map((row) => row.outcome.length)),
  expected: Math.max(8, ...rows.map((row) => row.expected.length)),
};
console.log(
  `${'case'.padEnd(widths.file)}  ${'outcome'.padEnd(widths.outcome)}  ${'expected'.padEnd(widths.expected)}  got`,
);
for (const row of rows) {
  console.log(
    `${row.file.padEnd(widths.file)}  ${row.outcome.padEnd(widths.outcome)}  ${row.expected.padEnd(widths.expected)}  ${row.got}`,
  );
}
// Passed, as in the browser test: the agreeing cases and the known differences held to their answer.
const passed = agreed + known;
const scored = passed + failed;
console.log(
  `\nconformance (${SUPPORTED_FORMATS.join(', ')}): ${agreed}/${scored} agree, ${known} known differences ` +
    `(never verified), ${failed} failing, ${undecidable} undecidable, ${otherFormats} other-format cases not yet supported`,
);

mkdirSync(RESULTS, { recursive: true });
writeFileSync(
  join(RESULTS, 'conformance-cli.json'),
  `${JSON.stringify({ passed, failed, agreed, known, undecidable, otherFormats, now: manifest.now, cases: rows }, null, 2)}\n`,
);
process.exitCode = failed > 0 ? 1 : 0;
