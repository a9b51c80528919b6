#!/usr/bin/env node
// `npm test`: everything CI checks, in order. Every step streams its output and runs even when an
// earlier one failed. At the end: a table of steps, then one line "N passed, N failed" where N counts
// browser tests, CLI tests and conformance cases one by one, and each other step (typecheck, lint,
// format, build, size, manifest, storybook) as one. Exit code 1 when anything failed.
// `node scripts/test.js lint build` runs only the named steps.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const results = join(root, '.test-results');
const bin = join(root, 'node_modules', '.bin');
const env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };

/** Runs a shell command from the repository root, streaming its output; resolves to its exit code. */
function run(command, { tee } = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, {
      cwd: root,
      env,
      shell: true,
      stdio: ['ignore', tee ? 'pipe' : 'inherit', 'inherit'],
    });
    let captured = '';
    if (tee) {
      child.stdout.on('data', (chunk) => {
        process.stdout.write(chunk);
        captured += chunk;
      });
    }
    child.on('error', (err) => {
      console.error(err);
      resolvePromise({ code: 1, output: captured });
    });
    child.on('close', (code, signal) => resolvePromise({ code: code ?? (signal ? 1 : 0), output: captured }));
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Storybook fails without stories; until the first one exists the step is skipped. */
function hasStories() {
  const found = (dir) =>
    readdirSync(dir, { withFileTypes: true }).some((e) =>
      e.isDirectory() ? found(join(dir, e.name)) : e.name.endsWith('.stories.ts'),
    );
  return existsSync(join(root, 'stories')) && found(join(root, 'stories')) ? undefined : 'no stories/**/*.stories.ts';
}

const count = (n) => (Number.isInteger(n) && n >= 0 ? n : 0);

/** A step that is one check: counts as 1 passed or 1 failed. */
const single = (command) => async () => {
  const { code } = await run(command);
  return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
};

const steps = [
  { name: 'typecheck', run: single('npm run --silent typecheck') },
  { name: 'lint', run: single('npm run --silent lint') },
  { name: 'format', run: single('npm run --silent format:check') },
  {
    name: 'browser tests',
    async run() {
      const file = join(results, 'browser.json');
      rmSync(file, { force: true });
      const { code } = await run('wtr');
      const totals = readJson(file);
      if (!totals) {
        console.error('browser tests: no results in .test-results/browser.json');
        return { passed: 0, failed: 1 };
      }
      const passed = count(totals.passed);
      let failed = count(totals.failed) + count(totals.errors);
      // The runner failed without a failing test (browser did not start, a file did not load, …).
      if (code !== 0 && failed === 0) failed = 1;
      return { passed, failed, note: totals.skipped ? `${totals.skipped} skipped` : undefined };
    },
  },
  {
    name: 'build',
    async run() {
      // Start from an empty dist/ so files of deleted sources cannot linger (or fail the lit check).
      rmSync(join(root, 'dist'), { recursive: true, force: true });
      return single('tsc -p tsconfig.build.json && vite build')();
    },
  },
  { name: 'size', run: single('node scripts/size-report.js') },
  {
    name: 'manifest',
    async run() {
      const committed = join(root, 'custom-elements.json');
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
      const analyze = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts?.analyze;
      if (!analyze) {
        console.error('manifest: package.json has no "analyze" script');
        return { passed: 0, failed: 1 };
      }
      const { code } = await run(
        `${analyze} --quiet --outdir .test-results/cem --config .test-results/cem/custom-elements-manifest.config.mjs`,
      );
      const generated = join(outdir, 'custom-elements.json');
      if (code !== 0 || !existsSync(generated)) return { passed: 0, failed: 1 };
      if (!existsSync(committed)) {
        console.error('manifest: custom-elements.json is not committed; run `npm run analyze` and commit it.');
        return { passed: 0, failed: 1 };
      }
      if (readFileSync(committed, 'utf8') === readFileSync(generated, 'utf8')) {
        console.log('custom-elements.json is in sync with src/components.');
        return { passed: 1, failed: 0 };
      }
      await run(`diff -u custom-elements.json .test-results/cem/custom-elements.json | head -n 60`);
      console.error('manifest: custom-elements.json is out of date; run `npm run analyze` and commit it.');
      return { passed: 0, failed: 1 };
    },
  },
  {
    name: 'storybook',
    skipUnless: hasStories,
    run: single('storybook build --quiet --disable-telemetry -o .test-results/storybook'),
  },
  {
    name: 'CLI tests',
    skipUnless: 'scripts/test-cli.js',
    async run() {
      const tap = join(results, 'cli.tap');
      rmSync(tap, { force: true });
      const { code } = await run(
        `node --test --test-reporter=spec --test-reporter-destination=stdout ` +
          `--test-reporter=tap --test-reporter-destination=.test-results/cli.tap scripts/test-cli.js`,
      );
      const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
      const pass = /^# pass (\d+)$/m.exec(text);
      const fail = /^# fail (\d+)$/m.exec(text);
      if (!pass || !fail) {
        console.error('CLI tests: could not read the totals from the TAP output');
        return { passed: 0, failed: 1 };
      }
      const passed = Number(pass[1]);
      let failed = Number(fail[1]);
      if (code !== 0 && failed === 0) failed = 1;
      return { passed, failed };
    },
  },
  {
    name: 'conformance (CLI)',
    skipUnless: 'scripts/conformance-cli.js',
    async run() {
      const file = join(results, 'conformance-cli.json');
      rmSync(file, { force: true });
      const { code } = await run('node scripts/conformance-cli.js');
      const totals = readJson(file);
      if (!totals) {
        console.error('conformance: no results in .test-results/conformance-cli.json');
        return { passed: 0, failed: 1 };
      }
      const passed = count(totals.passed);
      let failed = count(totals.failed);
      if (code !== 0 && failed === 0) failed = 1;
      return { passed, failed };
    },
  },
];

mkdirSync(results, { recursive: true });
const rows = [];

/** Whether a skipUnless condition holds: a file exists, or a predicate is true. Returns the reason to skip. */
function skipReason(condition) {
  if (condition === undefined) return undefined;
  if (typeof condition === 'function') return condition();
  return existsSync(join(root, condition)) ? undefined : `no ${condition}`;
}
const started = performance.now();

// `node scripts/test.js lint build` runs only the named steps (names as in the table, spaces as "-").
const only = new Set(process.argv.slice(2).map((a) => a.toLowerCase()));
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

for (const step of steps) {
  if (only.size > 0 && !only.has(slug(step.name))) continue;
  const skip = skipReason(step.skipUnless);
  if (skip) {
    rows.push({ name: step.name, status: 'skipped', passed: 0, failed: 0, seconds: 0, note: skip });
    continue;
  }
  console.log(`\n━━━ ${step.name} ━━━`);
  const t0 = performance.now();
  let outcome;
  try {
    outcome = await step.run();
  } catch (err) {
    console.error(err);
    outcome = { passed: 0, failed: 1 };
  }
  const seconds = (performance.now() - t0) / 1000;
  rows.push({ name: step.name, status: outcome.failed > 0 ? 'FAILED' : 'ok', seconds, ...outcome });
}

const totalSeconds = (performance.now() - started) / 1000;
const passed = rows.reduce((n, r) => n + r.passed, 0);
const failed = rows.reduce((n, r) => n + r.failed, 0);

const width = Math.max(...rows.map((r) => r.name.length));
console.log('\n━━━ summary ━━━');
console.log(
  `${'step'.padEnd(width)}  ${'status'.padEnd(7)}  ${'passed'.padStart(6)}  ${'failed'.padStart(6)}  ${'time'.padStart(7)}`,
);
for (const r of rows) {
  const time = r.status === 'skipped' ? '' : `${r.seconds.toFixed(1)}s`;
  console.log(
    `${r.name.padEnd(width)}  ${r.status.padEnd(7)}  ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${time.padStart(7)}` +
      (r.note ? `  (${r.note})` : ''),
  );
}
console.log(
  `${'total'.padEnd(width)}  ${''.padEnd(7)}  ${''.padStart(6)}  ${''.padStart(6)}  ${`${totalSeconds.toFixed(1)}s`.padStart(7)}`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
