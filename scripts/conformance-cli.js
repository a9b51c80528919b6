#!/usr/bin/env node
// Scores the built CLI against the conformance corpus (test/conformance/, see its README):
// every case whose format this version supports is verified by `bin/ob-verify.js` in a closed
// world (--offline, --documents built from manifest.documents, --now = manifest.now), and the
// verdict is compared with `expect` in the corpus's vocabulary. `verified: null` cases are
// undecidable with the files at hand and are not scored. A case in `KNOWN_DIFFERENCES` is held to
// exactly what the browser test holds it to: never verified, its pinned verdict and code, and
// still different (else it fails); a key the manifest no longer has fails the run too.
//
//   npm run build && npm run conformance        (writes .test-results/conformance-cli.json)
import { spawn } from 'node:child_process';
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

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = join(ROOT, 'test/conformance');
const BIN = join(ROOT, 'bin/ob-verify.js');
const RESULTS = join(ROOT, '.test-results');
const CONCURRENCY = Math.max(1, Math.min(8, availableParallelism()));

if (!existsSync(join(ROOT, 'dist/cli/ob-verify.js'))) {
  console.error('conformance: dist/cli/ob-verify.js is missing; run `npm run build` first.');
  process.exit(2);
}

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

const baseMap = JSON.parse(readFileSync(mapFile, 'utf8'));

/**
 * A hosted OB 2.0 case is served at its own `id` (corpus README): for those, and for a baked
 * image carrying one, a map of its own adds `id` → the assertion's JSON.
 */
async function mapFileFor(testCase) {
  let json;
  if (testCase.format === 'ob2-hosted') {
    json = readFileSync(join(CORPUS, testCase.file), 'utf8');
  } else if (testCase.format === 'baked-png' || testCase.format === 'baked-svg') {
    const { unbake } = await import('../dist/core/baked/unbake.js');
    try {
      const type = testCase.format === 'baked-png' ? 'image/png' : 'image/svg+xml';
      json = (await unbake(new Uint8Array(readFileSync(join(CORPUS, testCase.file))), type)).payload;
    } catch {
      return mapFile;
    }
  } else {
    return mapFile;
  }
  let id;
  try {
    id = JSON.parse(json).id;
  } catch {
    return mapFile;
  }
  if (typeof id !== 'string' || !/^https?:/.test(id) || id in baseMap) return mapFile;
  const name = testCase.file.replace(/[^a-z0-9.-]+/gi, '_');
  const hosted = join(work, `${name}.hosted.json`);
  const ownMap = join(work, `${name}.documents.json`);
  writeFileSync(hosted, json);
  writeFileSync(ownMap, JSON.stringify({ ...baseMap, [id]: hosted }));
  return ownMap;
}

async function verify(testCase) {
  const file = testCase.file;
  const documentsFile = await mapFileFor(testCase);
  return new Promise((resolve) => {
    const args = [BIN, '--json', '--now', manifest.now, '--documents', documentsFile, '--offline', join(CORPUS, file)];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The CLI's answer for one case, as `{ verified, reason }` plus what went wrong running it. */
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

async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        out[index] = await fn(items[index]);
      }
    }),
  );
  return out;
}

const supported = manifest.cases.filter((testCase) => SUPPORTED_FORMATS.includes(testCase.format));
const otherFormats = manifest.cases.length - supported.length;
const answers = await mapLimit(supported, CONCURRENCY, answer);
rmSync(work, { recursive: true, force: true });

const rows = [];
let agreed = 0;
let known = 0;
let failed = 0;
let undecidable = 0;
supported.forEach((testCase, index) => {
  const got = answers[index];
  const expected = testCase.expect;
  const agrees =
    !got.error && expected.verified === got.verified && sameReason(expected.reason, got.reason, testCase.detail);
  let outcome;
  if (got.error) {
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
  const gotText = got.error
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
