#!/usr/bin/env node
// Size report for what a script-tag user downloads before anything lazy is needed:
// dist/cdn/openbadge-embed.js plus every chunk it imports statically (transitively). Chunks reached
// only through dynamic import() are listed for information but are not counted against the budget.
// Also checks that the published core (dist/core/**/*.js) never imports lit.
// Exit code 1 when over budget, when the bundle is missing, or when the core pulls in lit.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The budget, in gzip bytes (level 9), for the entry plus its static imports. */
// 22 KB: the bundle defines <ob-badge> (whose transcript, endorsement, Markdown and error-sentence
// code load with import() when a badge needs them) and <ob-badge-list> (whose behaviour loads when
// a list appears). Was 20 KB before Open Badges 2.0, recipients and walls.
export const BUDGET_GZIP_BYTES = 22 * 1024;

/**
 * The budget for what a Data Integrity badge adds on top: the canonicalization chunk plus the
 * contexts a typical Open Badges 3.0 credential names (VCDM 2.0, OB 3.0.3, its extensions).
 */
export const DATA_INTEGRITY_BUDGET_GZIP_BYTES = 60 * 1024;

/**
 * The budget for everything one VC-JWT badge downloads without a trust list (issue 12): the entry,
 * the verifier and what it imports statically. Open Badges 2.0, presentations, status methods and
 * recipient matching load with import() only when a badge needs them. (A Markdown narrative adds
 * the Markdown walker on top.)
 */
export const ONE_JWT_BADGE_BUDGET_GZIP_BYTES = 55 * 1024;
const TYPICAL_DI_CHUNKS = [
  /^data-integrity-[\w-]{8}\.js$/,
  /^credentials-v2-/,
  /^ob-v3p0-3\.0\.3-/,
  /^ob-v3p0-extensions-/,
];

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const entry = join(root, 'dist/cdn/openbadge-embed.js');
const coreDir = join(root, 'dist/core');

// Static imports sit at statement starts: `import x from "./a.js"`, `import{a}from"./a.js"`,
// `export*from"./a.js"`, `import"./a.js"` (minified or not, any quote). Anchoring at a statement
// boundary keeps strings such as "… import" from matching. Dynamic `import("./a.js")` is excluded
// because its specifier follows "(", which neither static pattern allows.
const STATIC_FROM = /(?<=^|[;}\n])\s*(?:import|export)\b[^'"`;()]*?\bfrom\s*(['"`])([^'"`]+)\1/g;
const BARE_IMPORT = /(?<=^|[;}\n])\s*import\s*(['"`])([^'"`]+)\1/g;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g;

function specifiers(code, pattern) {
  return [...code.matchAll(pattern)].map((m) => m[2]);
}

function isRelative(spec) {
  return spec.startsWith('./') || spec.startsWith('../');
}

function formatBytes(n) {
  return n >= 1024 ? `${(n / 1024).toFixed(2)} KB` : `${n} B`;
}

function gzipSize(buf) {
  return gzipSync(buf, { level: 9 }).length;
}

/** Walks static import edges from `start`; returns [{file, raw, gzip}] in discovery order plus lazy files. */
function collect(start) {
  const seen = new Set();
  const lazy = new Set();
  const order = [];
  const problems = [];
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    if (!existsSync(file)) {
      problems.push(`missing: ${relative(root, file)}`);
      continue;
    }
    const buf = readFileSync(file);
    const code = buf.toString('utf8');
    order.push({ file, raw: buf.length, gzip: gzipSize(buf) });
    for (const spec of [...specifiers(code, STATIC_FROM), ...specifiers(code, BARE_IMPORT)]) {
      if (isRelative(spec)) queue.push(resolve(dirname(file), spec));
      else
        problems.push(
          `${relative(root, file)} imports a bare specifier "${spec}" (the CDN bundle must be self-contained)`,
        );
    }
    for (const spec of specifiers(code, DYNAMIC_IMPORT)) {
      if (isRelative(spec)) lazy.add(resolve(dirname(file), spec));
    }
  }
  // Follow lazy chunks too, only to list them (their own static imports are lazy as well).
  const lazyRows = [];
  const lazySeen = new Set(seen);
  const lazyQueue = [...lazy];
  while (lazyQueue.length > 0) {
    const file = lazyQueue.shift();
    if (lazySeen.has(file) || !existsSync(file)) continue;
    lazySeen.add(file);
    const buf = readFileSync(file);
    const code = buf.toString('utf8');
    lazyRows.push({ file, raw: buf.length, gzip: gzipSize(buf) });
    for (const spec of [
      ...specifiers(code, STATIC_FROM),
      ...specifiers(code, BARE_IMPORT),
      ...specifiers(code, DYNAMIC_IMPORT),
    ]) {
      if (isRelative(spec)) lazyQueue.push(resolve(dirname(file), spec));
    }
  }
  return { order, lazyRows, problems };
}

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (name.endsWith('.js')) yield path;
  }
}

/** Files in dist/core that import lit (statically or dynamically). */
function coreLitImports() {
  if (!existsSync(coreDir)) return { checked: 0, offenders: [], missing: true };
  const offenders = [];
  let checked = 0;
  for (const file of walk(coreDir)) {
    checked++;
    const code = readFileSync(file, 'utf8');
    const specs = [
      ...specifiers(code, STATIC_FROM),
      ...specifiers(code, BARE_IMPORT),
      ...specifiers(code, DYNAMIC_IMPORT),
    ];
    for (const spec of specs) {
      if (/^(?:lit|lit-html|lit-element|@lit\/[^/]+)(?:\/|$)/.test(spec)) {
        offenders.push(`${relative(root, file)} imports "${spec}"`);
      }
    }
  }
  return { checked, offenders, missing: false };
}

function table(rows) {
  const name = (r) => relative(join(root, 'dist/cdn'), r.file);
  const width = Math.max(4, ...rows.map((r) => name(r).length));
  const lines = [`  ${'file'.padEnd(width)}  ${'raw'.padStart(10)}  ${'gzip -9'.padStart(10)}`];
  for (const r of rows) {
    lines.push(`  ${name(r).padEnd(width)}  ${formatBytes(r.raw).padStart(10)}  ${formatBytes(r.gzip).padStart(10)}`);
  }
  return lines.join('\n');
}

let failed = false;

if (!existsSync(entry)) {
  console.error(`size-report: ${relative(root, entry)} not found; run \`vite build\` first.`);
  process.exit(1);
}

const { order, lazyRows, problems } = collect(entry);
const totalRaw = order.reduce((n, r) => n + r.raw, 0);
const totalGzip = order.reduce((n, r) => n + r.gzip, 0);

console.log('CDN bundle, loaded up front (entry + static imports):');
console.log(table(order));
console.log(
  `  total: ${formatBytes(totalRaw)} raw, ${formatBytes(totalGzip)} gzip ` +
    `(${totalGzip} B; budget ${BUDGET_GZIP_BYTES} B, ${((100 * totalGzip) / BUDGET_GZIP_BYTES).toFixed(1)}%)`,
);
if (lazyRows.length > 0) {
  console.log('\nLoaded on demand with import() (not counted):');
  console.log(table(lazyRows));
  const lazyGzip = lazyRows.reduce((n, r) => n + r.gzip, 0);
  console.log(`  total: ${formatBytes(lazyGzip)} gzip`);
}

const diRows = lazyRows.filter((r) => TYPICAL_DI_CHUNKS.some((pattern) => pattern.test(r.file.split('/').pop())));
const diGzip = diRows.reduce((n, r) => n + r.gzip, 0);
console.log(
  `\nData Integrity badge, on demand (canonicalization + VCDM 2.0, OB 3.0.3, extensions contexts): ` +
    `${formatBytes(diGzip)} gzip (budget ${DATA_INTEGRITY_BUDGET_GZIP_BYTES} B, ` +
    `${((100 * diGzip) / DATA_INTEGRITY_BUDGET_GZIP_BYTES).toFixed(1)}%); a JWT badge loads none of it.`,
);
if (diRows.length !== TYPICAL_DI_CHUNKS.length) {
  console.error(`size-report: expected ${TYPICAL_DI_CHUNKS.length} Data Integrity chunks, found ${diRows.length}`);
  failed = true;
} else if (diGzip > DATA_INTEGRITY_BUDGET_GZIP_BYTES) {
  console.error(
    `size-report: the Data Integrity chunks are OVER BUDGET (${diGzip} > ${DATA_INTEGRITY_BUDGET_GZIP_BYTES}).`,
  );
  failed = true;
}

// One JWT badge, no trust list: the entry, then the verifier chunk (the one that exports
// createVerifier) and its static imports. The trust code (trust-*.js: lists, domain linkage) is
// reached only through import() when a page asks for it (ADR 0009), so it must not be among them.
const verifierChunk = lazyRows.find((r) => /\bcreateVerifier\b/.test(readFileSync(r.file, 'utf8').slice(-2000)));
if (!verifierChunk) {
  console.error('size-report: no chunk exports createVerifier');
  failed = true;
} else {
  const upFront = new Set(order.map((r) => r.file));
  const jwt = collect(verifierChunk.file).order.filter((r) => !upFront.has(r.file));
  const jwtGzip = totalGzip + jwt.reduce((n, r) => n + r.gzip, 0);
  console.log(
    `\nOne JWT badge (no trust list, no check-domain): the entry + ` +
      `${jwt.map((r) => r.file.split('/').pop()).join(' + ')}: ` +
      `${formatBytes(jwtGzip)} gzip (budget ${ONE_JWT_BADGE_BUDGET_GZIP_BYTES} B, ` +
      `${((100 * jwtGzip) / ONE_JWT_BADGE_BUDGET_GZIP_BYTES).toFixed(1)}%).`,
  );
  if (jwtGzip > ONE_JWT_BADGE_BUDGET_GZIP_BYTES) {
    console.error(
      `size-report: one JWT badge is OVER BUDGET (${jwtGzip} > ${ONE_JWT_BADGE_BUDGET_GZIP_BYTES} B gzip).`,
    );
    failed = true;
  }
  const trustChunks = jwt.filter((r) => /^trust-[\w-]{8}\.js$/.test(r.file.split('/').pop()));
  if (trustChunks.length > 0) {
    console.error(
      `size-report: the verifier imports the trust code statically (${trustChunks.map((r) => r.file.split('/').pop()).join(', ')}).`,
    );
    failed = true;
  }
}

for (const p of problems) {
  console.error(`size-report: ${p}`);
  failed = true;
}
if (totalGzip > BUDGET_GZIP_BYTES) {
  console.error(
    `size-report: OVER BUDGET by ${totalGzip - BUDGET_GZIP_BYTES} B gzip (${totalGzip} > ${BUDGET_GZIP_BYTES}).`,
  );
  failed = true;
}

const core = coreLitImports();
if (core.missing) {
  console.error('size-report: dist/core not found; run `tsc -p tsconfig.build.json` first.');
  failed = true;
} else if (core.offenders.length > 0) {
  console.error('size-report: the core must stay lit-free, but:');
  for (const o of core.offenders) console.error(`  ${o}`);
  failed = true;
} else {
  console.log(`\ncore: ${core.checked} files in dist/core, none imports lit.`);
}

process.exit(failed ? 1 : 0);
