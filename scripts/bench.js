#!/usr/bin/env node
// `npm run bench`: how long one verification takes, per scenario, in Node, from the built core.
// Not a test: numbers vary by machine. Uses the committed fixtures and their closed-world map, so
// it measures parsing, key resolution and signature checks, never the network.
//
//   npm run build && npm run bench [-- --iterations 500]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const core = join(root, 'dist/core/index.js');
if (!existsSync(core)) {
  console.error('bench: dist/core is missing; run `npm run build` first.');
  process.exit(2);
}
const { createVerifier, createDocumentCache } = await import(core);
const { values } = parseArgs({ options: { iterations: { type: 'string', default: '300' } } });
const iterations = Math.max(10, Number(values.iterations) || 300);

const fixtures = join(root, 'test/fixtures');
const map = JSON.parse(readFileSync(join(fixtures, 'documents.json'), 'utf8'));
const documents = Object.fromEntries(
  Object.entries(map).map(([url, file]) => [url, readFileSync(join(fixtures, file), 'utf8')]),
);
const now = new Date('2026-06-01T00:00:00Z');

const scenarios = [
  'ob3-jwt-valid-did-key.jwt',
  'ob3-jwt-valid-did-jwk.jwt',
  'ob3-jose-valid-did-web.jwt',
  'ob3-jwt-valid-https-jwks.jwt',
  'ob3-jwt-tampered.jwt',
  'ob3-jwt-alg-none.jwt',
];

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

console.log(`verify() per badge, ${iterations} iterations each (Node ${process.version})\n`);
console.log(
  `${'scenario'.padEnd(34)} ${'verdict'.padEnd(11)} ${'median'.padStart(9)} ${'p95'.padStart(9)} ${'ops/s'.padStart(8)}`,
);
for (const file of scenarios) {
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
  console.log(
    `${file.padEnd(34)} ${verdict.padEnd(11)} ${median.toFixed(3).padStart(7)}ms ${percentile(times, 95).toFixed(3).padStart(7)}ms ${Math.round(
      1000 / median,
    )
      .toString()
      .padStart(8)}`,
  );
}
