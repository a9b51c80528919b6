// The hostile half of `npm run bench` (see scripts/bench.js): the speed guards that browser tests once
// asserted with a wall clock (issue 14: Markdown ReDoS, SVG entity bombs and deep trees, deep report
// JSON, long recipient lists, poison RDFC graphs, hostile documents through verify(), deep JSON in the
// inspector), in headless Chromium; the page side is bench/hostile.js. Each hostile input is timed
// beside its floor, the same code on a benign input of the same length, in the same page, alternating
// which goes first; medians. The goal is the bound the test asserted: on a loaded machine a miss here
// is a number to look at, not a failed test.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, createPages, load } from './bench-browser.js';
import { esbuildJsonldSharedContexts } from './jsonld-shared-contexts.js';
import { pageBundleOptions } from './bench-main-thread.js';
import { esbuildNoPageGlobals } from './no-page-globals.js';

/** @typedef {import('../bench/hostile.js').HostileRun} HostileRun */
/** @typedef {import('../bench/hostile.js').Input} Input */
/** @typedef {{ name: string, test: string, goalMs: number }} CaseInfo */
/** @typedef {CaseInfo & Record<Input, HostileRun[]>} Measured one case, every round */

/**
 * @param {number[]} values
 * @returns {number}
 */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
/** @param {number} value */
const ms = (value) => `${value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} ms`;

/**
 * @param {{ root: string, executablePath: string, outdir: string, rounds?: number }} options
 * @returns {Promise<Measured[]>}
 */
export async function runHostileBench({ root, executablePath, outdir, rounds = 5 }) {
  await build({
    ...pageBundleOptions(root, outdir, 'hostile', true),
    plugins: [esbuildNoPageGlobals(), esbuildJsonldSharedContexts()],
  });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  /** @type {Measured[]} */
  let measured = [];
  try {
    const pages = createPages(browser, outdir);
    pages.setPhase('hostile');
    const { page, close } = await pages.open();
    try {
      await load(page, '/hostile.js');
      await page.evaluate(() => globalThis.benchHostile.prepare());
      const cases = await page.evaluate(() => globalThis.benchHostile.cases());
      measured = cases.map((info) => ({ ...info, hostile: [], floor: [] }));
      /** @param {number} index @param {Input} input */
      const measure = (index, input) =>
        page.evaluate(([i, which]) => globalThis.benchHostile.measure(i, which), /** @type {const} */ ([index, input]));
      // Once each, not counted: code loaded and compiled, as the tests ran after others.
      for (const [index] of cases.entries())
        for (const input of /** @type {Input[]} */ (['floor', 'hostile'])) await measure(index, input);
      for (let round = 0; round < rounds; round++) {
        /** @type {Input[]} */
        const order = round % 2 ? ['floor', 'hostile'] : ['hostile', 'floor'];
        for (const [index, entry] of measured.entries()) {
          for (const input of order) entry[input].push(await measure(index, input));
        }
      }
    } finally {
      await close();
    }
    if (pages.offMachine.length) console.log(`  ! ${pages.offMachine.length} requests off the machine were refused`);
  } finally {
    await browser.close();
  }
  printHostile(measured, rounds);
  return measured;
}

/**
 * @param {Measured[]} measured
 * @param {number} rounds
 */
function printHostile(measured, rounds) {
  console.log(
    `\nHostile input (issue 14: the bounds tests once asserted with a clock), in Chromium, medians of ${rounds}; ` +
      'the floor: the same code on a benign input of the same length, in the same page',
  );
  const width = Math.max(...measured.map((m) => m.name.length));
  console.log(
    `  ${'case'.padEnd(width)}  ${'hostile'.padStart(9)}  ${'floor'.padStart(9)}  ${'ratio'.padStart(7)}  goal`,
  );
  let missed = 0;
  for (const m of measured) {
    const hostile = median(m.hostile.map((run) => run.ms));
    const floor = median(m.floor.map((run) => run.ms));
    const met = hostile < m.goalMs;
    if (!met) missed += 1;
    const goal = `< ${m.goalMs.toLocaleString('en')} ms`;
    console.log(
      `  ${m.name.padEnd(width)}  ${ms(hostile).padStart(9)}  ${ms(floor).padStart(9)}  ` +
        `${`${(hostile / floor).toFixed(hostile < floor ? 2 : 1)}×`.padStart(7)}  ${goal.padEnd(11)} ${met ? 'met' : 'MISSED'}` +
        `  (${m.hostile[0]?.outcome ?? '?'} / ${m.floor[0]?.outcome ?? '?'})`,
    );
  }
  console.log(
    `  ${measured.length - missed} of ${measured.length} within the bound their test asserted; ` +
      'the tests (named in bench/hostile.js) now check the outcome and the cap instead',
  );
}
