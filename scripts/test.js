#!/usr/bin/env node
// @ts-check
// `npm test`: everything CI checks, in two lanes that run side by side:
//   - the browser tests (in Chromium, with line coverage of src/core: at least 90%). Most of their time
//     is the test server's one Node thread and the page waiting, so a core is left over for
//   - everything else, in three stages, each waiting for the one before: static checks, side by side
//     (typecheck, lint, format, manifest, storybook, cycles); build, then size (the size report reads
//     dist/); CLI tests, package tests, server rendering and CLI conformance, side by side (all run dist/).
// Every step runs even when an earlier one failed, except one whose prerequisite failed (size, CLI tests
// and conformance need build): it shows "skipped: build failed" and counts as one failure, never as a pass.
// A step that runs beside others prints its output in one block when it ends, so logs stay readable.
// At the end: a table of steps, then one line "N passed, N failed" where N counts browser tests, CLI
// tests and conformance cases one by one, and each other step as one. Exit code 1 when anything failed.
// `node scripts/test.js lint build` runs only the named steps (in their stages; a prerequisite that was
// not named is not run, and its output, e.g. dist/, is used as it is).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const results = join(root, '.test-results');
const bin = join(root, 'node_modules', '.bin');
const env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };

/** The least share of src/core's lines the browser tests must run. */
const CORE_LINE_COVERAGE_GOAL = 90;

/**
 * @typedef {{ passed: number, failed: number, note?: string }} Outcome
 * @typedef {{
 *   exec(command: string): Promise<number>,
 *   log(text: string): void,
 *   error(text: string): void,
 * }} Output where a step writes: straight through, or into its block when it runs beside others
 * @typedef {{
 *   name: string,
 *   stage: string,
 *   needs?: string,
 *   skipUnless?: string | (() => string | undefined),
 *   run(out: Output): Promise<Outcome>,
 * }} Step
 * @typedef {Outcome & { name: string, status: string, seconds: number }} Row
 */

/**
 * Output that goes straight to the terminal, or, when `buffer` is given, into it (stdout and stderr
 * of the step and of its commands together, in the order they came).
 * @param {string[]} [buffer]
 * @returns {Output}
 */
function outputTo(buffer) {
  return {
    exec(command) {
      return new Promise((resolvePromise) => {
        const child = spawn(command, {
          cwd: root,
          env,
          shell: true,
          stdio: ['ignore', buffer ? 'pipe' : 'inherit', buffer ? 'pipe' : 'inherit'],
        });
        if (buffer) {
          child.stdout?.on('data', (chunk) => buffer.push(String(chunk)));
          child.stderr?.on('data', (chunk) => buffer.push(String(chunk)));
        }
        child.on('error', (err) => {
          this.error(String(err));
          resolvePromise(1);
        });
        child.on('close', (code, signal) => resolvePromise(code ?? (signal ? 1 : 0)));
      });
    },
    log: (text) => (buffer ? buffer.push(`${text}\n`) : console.log(text)),
    error: (text) => (buffer ? buffer.push(`${text}\n`) : console.error(text)),
  };
}

/** @param {string} file */
function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Storybook fails without stories; until the first one exists the step is skipped. */
function hasStories() {
  /** @param {string} dir @returns {boolean} */
  const found = (dir) =>
    readdirSync(dir, { withFileTypes: true }).some((e) =>
      e.isDirectory() ? found(join(dir, e.name)) : e.name.endsWith('.stories.ts'),
    );
  return existsSync(join(root, 'stories')) && found(join(root, 'stories')) ? undefined : 'no stories/**/*.stories.ts';
}

/** @param {unknown} n */
const count = (n) => (typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : 0);

/**
 * A step that is one check: counts as 1 passed or 1 failed.
 * @param {string} command
 * @returns {(out: Output) => Promise<Outcome>}
 */
const single = (command) => async (out) => {
  const code = await out.exec(command);
  return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
};

/** @type {(out: Output) => Promise<Outcome>} */
async function manifest(out) {
  const outdir = join(results, 'cem');
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  // The project's config (modules in path order), with packagejson: false, or the analyzer would
  // point package.json "customElements" at the temp file.
  const config = join(outdir, 'custom-elements-manifest.config.mjs');
  writeFileSync(
    config,
    "import base from '../../custom-elements-manifest.config.mjs';\nexport default { ...base, packagejson: false };\n",
  );
  // `npm run analyze` is the analyzer (`analyze:manifest`), then the editor data made from its output.
  const analyze = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts?.['analyze:manifest'];
  if (!analyze) {
    out.error('manifest: package.json has no "analyze:manifest" script');
    return { passed: 0, failed: 1 };
  }
  const code = await out.exec(
    `${analyze} --quiet --outdir .test-results/cem --config .test-results/cem/custom-elements-manifest.config.mjs` +
      ' && node scripts/editor-data.js .test-results/cem',
  );
  const files = ['custom-elements.json', 'vscode.html-custom-data.json', 'web-types.json'];
  if (code !== 0 || !files.every((file) => existsSync(join(outdir, file)))) return { passed: 0, failed: 1 };
  let stale = false;
  for (const file of files) {
    if (!existsSync(join(root, file))) {
      out.error(`manifest: ${file} is not committed; run \`npm run analyze\` and commit it.`);
      stale = true;
    } else if (readFileSync(join(root, file), 'utf8') !== readFileSync(join(outdir, file), 'utf8')) {
      await out.exec(`diff -u ${file} .test-results/cem/${file} | head -n 60`);
      out.error(`manifest: ${file} is out of date; run \`npm run analyze\` and commit it.`);
      stale = true;
    }
  }
  if (stale) return { passed: 0, failed: 1 };
  out.log('custom-elements.json and the editor data are in sync with src/components.');
  return { passed: 1, failed: 0 };
}

/** @type {(out: Output) => Promise<Outcome>} */
async function browserTests(out) {
  const file = join(results, 'browser.json');
  rmSync(file, { force: true });
  const code = await out.exec('wtr --coverage');
  const totals = readJson(file);
  if (!totals) {
    out.error('browser tests: no results in .test-results/browser.json');
    return { passed: 0, failed: 1 };
  }
  const passed = count(totals.passed);
  let failed = count(totals.failed) + count(totals.errors);
  // The runner failed without a failing test (browser did not start, a file did not load, …).
  if (code !== 0 && failed === 0) failed = 1;
  const notes = totals.skipped ? [`${totals.skipped} skipped`] : [];
  const lines = totals.coverage?.lines;
  if (typeof lines !== 'number') {
    out.error('browser tests: no coverage of src/core in .test-results/browser.json');
    failed += 1;
  } else {
    notes.push(`src/core lines ${lines.toFixed(1)}%`);
    out.log(`src/core line coverage: ${lines.toFixed(2)}% (goal ${CORE_LINE_COVERAGE_GOAL}%)`);
    if (lines < CORE_LINE_COVERAGE_GOAL) {
      out.error(
        `browser tests: src/core line coverage ${lines.toFixed(2)}% is below ${CORE_LINE_COVERAGE_GOAL}%; ` +
          'see .test-results/coverage/lcov-report/index.html',
      );
      failed += 1;
    }
  }
  return { passed, failed, note: notes.join(', ') || undefined };
}

/**
 * Tests run by Node's own runner (`file`), counted one by one from their TAP totals.
 * @param {string} label
 * @param {string} file
 * @returns {(out: Output) => Promise<Outcome>}
 */
const nodeTests = (label, file) => async (out) => {
  const tap = join(results, `${slug(label)}.tap`);
  rmSync(tap, { force: true });
  const code = await out.exec(
    `node --test --test-reporter=spec --test-reporter-destination=stdout ` +
      `--test-reporter=tap --test-reporter-destination=${relative(root, tap)} ${file}`,
  );
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const pass = /^# pass (\d+)$/m.exec(text);
  const fail = /^# fail (\d+)$/m.exec(text);
  if (!pass || !fail) {
    out.error(`${label}: could not read the totals from the TAP output`);
    return { passed: 0, failed: 1 };
  }
  const passed = Number(pass[1]);
  let failed = Number(fail[1]);
  if (code !== 0 && failed === 0) failed = 1;
  return { passed, failed };
};

/** @type {(out: Output) => Promise<Outcome>} */
async function conformance(out) {
  const file = join(results, 'conformance-cli.json');
  rmSync(file, { force: true });
  const code = await out.exec('node scripts/conformance-cli.js');
  const totals = readJson(file);
  if (!totals) {
    out.error('conformance: no results in .test-results/conformance-cli.json');
    return { passed: 0, failed: 1 };
  }
  const passed = count(totals.passed);
  let failed = count(totals.failed);
  if (code !== 0 && failed === 0) failed = 1;
  return { passed, failed };
}

/**
 * The stages of each lane run one after another; the lanes run side by side. The steps of a
 * parallel stage run side by side too (at most as many at once as the machine has cores, less the
 * browser lane's: more only thrash).
 * @type {{ name: string, lane: 'browser' | 'main', parallel: boolean }[]}
 */
const stages = [
  { name: 'browser', lane: 'browser', parallel: false },
  { name: 'static', lane: 'main', parallel: true },
  { name: 'build', lane: 'main', parallel: false },
  { name: 'node', lane: 'main', parallel: true },
];

/** @type {Step[]} */
const steps = [
  { name: 'typecheck', stage: 'static', run: single('npm run --silent typecheck') },
  { name: 'lint', stage: 'static', run: single('npm run --silent lint') },
  { name: 'format', stage: 'static', run: single('npm run --silent format:check') },
  { name: 'manifest', stage: 'static', run: manifest },
  {
    name: 'storybook',
    stage: 'static',
    skipUnless: hasStories,
    run: single('storybook build --quiet --disable-telemetry -o .test-results/storybook'),
  },
  {
    name: 'cycles',
    stage: 'static',
    skipUnless: 'scripts/check-cycles.js',
    run: single('node scripts/check-cycles.js'),
  },
  { name: 'browser tests', stage: 'browser', run: browserTests },
  {
    name: 'build',
    stage: 'build',
    async run(out) {
      // Start from an empty dist/ so files of deleted sources cannot linger (or fail the lit check).
      rmSync(join(root, 'dist'), { recursive: true, force: true });
      return single('tsc -p tsconfig.build.json && node scripts/copy-jsx-types.js && vite build')(out);
    },
  },
  { name: 'size', stage: 'build', needs: 'build', run: single('node scripts/size-report.js') },
  {
    name: 'CLI tests',
    stage: 'node',
    needs: 'build',
    skipUnless: 'scripts/test-cli.js',
    run: nodeTests('CLI tests', 'scripts/test-cli.js'),
  },
  {
    // The tarball `npm pack` makes, installed into a fresh project: entries on a server, strict types.
    name: 'package',
    stage: 'node',
    needs: 'build',
    skipUnless: 'scripts/test-package.js',
    run: nodeTests('package', 'scripts/test-package.js'),
  },
  {
    // Each element rendered by @lit-labs/ssr from dist/: a placeholder, no exception, no fetch.
    name: 'ssr',
    stage: 'node',
    needs: 'build',
    skipUnless: 'scripts/test-ssr.js',
    run: nodeTests('ssr', 'scripts/test-ssr.js'),
  },
  {
    name: 'conformance (CLI)',
    stage: 'node',
    needs: 'build',
    skipUnless: 'scripts/conformance-cli.js',
    run: conformance,
  },
];

/**
 * Whether a skipUnless condition holds: a file exists, or a predicate is true. Returns the reason to skip.
 * @param {Step['skipUnless']} condition
 */
function skipReason(condition) {
  if (condition === undefined) return undefined;
  if (typeof condition === 'function') return condition();
  return existsSync(join(root, condition)) ? undefined : `no ${condition}`;
}

// `node scripts/test.js lint build` runs only the named steps (names as in the table, spaces as "-").
const only = new Set(process.argv.slice(2).map((a) => a.toLowerCase()));
/** @param {string} name */
const slug = (name) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const unknown = [...only].filter((name) => !steps.some((step) => slug(step.name) === name));
if (unknown.length > 0) {
  console.error(`Unknown step: ${unknown.join(', ')}. Steps: ${steps.map((step) => slug(step.name)).join(', ')}`);
  process.exit(2);
}

mkdirSync(results, { recursive: true });
/** @type {Map<string, Row>} rows by step name, to print in the order of `steps` */
const rows = new Map();
/** @type {{ name: string, seconds: number }[]} */
const stageTimes = [];
const started = performance.now();

/**
 * Runs one step and records its row; `buffer` collects its output when it runs beside others.
 * @param {Step} step
 * @param {boolean} buffered
 */
async function runStep(step, buffered) {
  const skip = skipReason(step.skipUnless);
  if (skip) {
    rows.set(step.name, { name: step.name, status: 'skipped', passed: 0, failed: 0, seconds: 0, note: skip });
    return;
  }
  const prerequisite = step.needs ? rows.get(step.needs) : undefined;
  if (prerequisite && prerequisite.status !== 'ok') {
    // Not run, so not passed: one failure, so that a broken build cannot hide behind a short table.
    const note = `skipped: ${step.needs} ${prerequisite.status === 'FAILED' ? 'failed' : 'did not run'}`;
    rows.set(step.name, { name: step.name, status: 'SKIPPED', passed: 0, failed: 1, seconds: 0, note });
    console.log(`\n━━━ ${step.name} ━━━ ${note}`);
    return;
  }
  /** @type {string[] | undefined} */
  const buffer = buffered ? [] : undefined;
  if (buffered) console.log(`━━━ ${step.name} ━━━ started`);
  else console.log(`\n━━━ ${step.name} ━━━`);
  const out = outputTo(buffer);
  const t0 = performance.now();
  /** @type {Outcome} */
  let outcome;
  try {
    outcome = await step.run(out);
  } catch (err) {
    out.error(String(err instanceof Error ? err.stack : err));
    outcome = { passed: 0, failed: 1 };
  }
  const seconds = (performance.now() - t0) / 1000;
  const status = outcome.failed > 0 ? 'FAILED' : 'ok';
  rows.set(step.name, { name: step.name, status, seconds, ...outcome });
  if (buffer) {
    const text = buffer.join('');
    console.log(`\n━━━ ${step.name} ━━━ ${status} in ${seconds.toFixed(1)}s`);
    if (text.trim()) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }
}

/** @param {(typeof stages)[number]} stage */
const chosenIn = (stage) =>
  steps.filter((step) => step.stage === stage.name && (only.size === 0 || only.has(slug(step.name))));
const activeLanes = new Set(stages.filter((stage) => chosenIn(stage).length > 0).map((stage) => stage.lane));
// With both lanes running, every step prints in one block when it ends: nothing interleaves.
const besideOthers = activeLanes.size > 1;
// Steps of a parallel stage at once: the cores the browser lane leaves, but at least two (a static
// check spends much of its time reading files).
const sideBySide = Math.max(2, availableParallelism() - (activeLanes.has('browser') && besideOthers ? 1 : 0));

/** @param {'browser' | 'main'} lane */
async function runLane(lane) {
  for (const stage of stages.filter((candidate) => candidate.lane === lane)) {
    const chosen = chosenIn(stage);
    if (chosen.length === 0) continue;
    const t0 = performance.now();
    if (stage.parallel && chosen.length > 1) {
      const waiting = [...chosen];
      const worker = async () => {
        for (let step = waiting.shift(); step; step = waiting.shift()) await runStep(step, true);
      };
      await Promise.all(Array.from({ length: Math.min(sideBySide, chosen.length) }, worker));
    } else {
      for (const step of chosen) await runStep(step, besideOthers);
    }
    stageTimes.push({ name: stage.name, seconds: (performance.now() - t0) / 1000 });
  }
}
await Promise.all([...activeLanes].map(runLane));

const totalSeconds = (performance.now() - started) / 1000;
const table = steps.flatMap((step) => rows.get(step.name) ?? []);
const passed = table.reduce((n, r) => n + r.passed, 0);
const failed = table.reduce((n, r) => n + r.failed, 0);

const nameWidth = Math.max(...table.map((r) => r.name.length), 'total'.length);
console.log('\n━━━ summary ━━━');
console.log(
  `${'step'.padEnd(nameWidth)}  ${'status'.padEnd(7)}  ${'passed'.padStart(6)}  ${'failed'.padStart(6)}  ${'time'.padStart(7)}`,
);
for (const r of table) {
  const time = r.status === 'skipped' || r.status === 'SKIPPED' ? '' : `${r.seconds.toFixed(1)}s`;
  console.log(
    `${r.name.padEnd(nameWidth)}  ${r.status.padEnd(7)}  ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${time.padStart(7)}` +
      (r.note ? `  (${r.note})` : ''),
  );
}
console.log(
  `${'total'.padEnd(nameWidth)}  ${''.padEnd(7)}  ${''.padStart(6)}  ${''.padStart(6)}  ${`${totalSeconds.toFixed(1)}s`.padStart(7)}` +
    `  (stages: ${stageTimes.map((s) => `${s.name} ${s.seconds.toFixed(1)}s`).join(', ')})`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
