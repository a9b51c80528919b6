// The nested half of `npm run bench` (see scripts/bench.js): one `<ob-badge>` with 100 achievements
// inside (a CLR transcript, settled, given through `verification`), from inserting it until all 100
// nested cards are drawn, in headless Chromium; the page side is bench/nested.js. Every main-thread
// task is seen in a Chromium trace (scripts/bench-main-thread.js). The goal, from badge.test.ts
// where this was once asserted: no task of 120 ms or more. The floor, in the same run: the same 100
// results as 100 compact `<ob-badge>` cards on the page, no outer card; nested / floor is the ratio.
// Fresh pages, each warmed up first (a small transcript drawn once: lazy parts loaded, code compiled,
// as the test ran after others), alternating which goes first; medians.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, createPages, load } from './bench-browser.js';
import { recordGoal } from './bench-goals.js';
import { pageBundleOptions, withTasks } from './bench-main-thread.js';

/** @typedef {import('../bench/nested.js').DrawRun} DrawRun */
/** @typedef {'nested' | 'floor'} Drawing */
/** @typedef {{ run: DrawRun, longest: number, over50: number }} Measured one drawing, traced */

const COUNT = 100;
/** badge.test.ts's bound on a long task while the transcript draws. */
const GOAL_MS = 120;

/**
 * @param {number[]} values
 * @returns {number}
 */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
/** @param {number} value */
const ms = (value) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

/**
 * Draws one of the two in a fresh page, traced.
 * @param {import('playwright-core').Browser} browser
 * @param {import('./bench-browser.js').Pages} pages
 * @param {Drawing} drawing
 * @returns {Promise<Measured>}
 */
async function drawOnce(browser, pages, drawing) {
  pages.setPhase(`ours nested ${drawing}`);
  const { page, close } = await pages.open();
  try {
    await load(page, '/nested.js');
    await page.evaluate(() => globalThis.benchNested.prepare());
    const { result, tasks } = await withTasks(browser, page, () =>
      drawing === 'nested'
        ? page.evaluate((count) => globalThis.benchNested.showNested(count), COUNT)
        : page.evaluate((count) => globalThis.benchNested.showPlain(count), COUNT),
    );
    return {
      run: result,
      longest: Math.max(0, ...tasks.map((task) => task.ms)),
      over50: tasks.filter((task) => task.ms >= 50).length,
    };
  } finally {
    await close();
  }
}

/**
 * @param {{ root: string, executablePath: string, outdir: string, rounds?: number }} options
 * @returns {Promise<Record<Drawing, Measured[]>>}
 */
export async function runNestedBench({ root, executablePath, outdir, rounds = 5 }) {
  await build(pageBundleOptions(root, outdir, 'nested', true));
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  /** @type {Record<Drawing, Measured[]>} */
  const measured = { nested: [], floor: [] };
  try {
    const pages = createPages(browser, outdir);
    for (let round = 0; round < rounds; round++) {
      /** @type {Drawing[]} */
      const order = round % 2 ? ['floor', 'nested'] : ['nested', 'floor'];
      for (const drawing of order) measured[drawing].push(await drawOnce(browser, pages, drawing));
    }
  } finally {
    await browser.close();
  }
  printNested(measured, rounds);
  return measured;
}

/**
 * @param {Record<Drawing, Measured[]>} measured
 * @param {number} rounds
 */
function printNested(measured, rounds) {
  const longest = (/** @type {Drawing} */ drawing) => median(measured[drawing].map((m) => m.longest));
  const total = (/** @type {Drawing} */ drawing) => median(measured[drawing].map((m) => m.run.ms));
  const [nestedLongest, floorLongest] = [longest('nested'), longest('floor')];
  const [nestedTotal, floorTotal] = [total('nested'), total('floor')];
  const first = median(measured.nested.map((m) => m.run.first));
  const worst = Math.max(...measured.nested.map((m) => m.longest));
  console.log(
    `\n${COUNT} nested achievements in one <ob-badge> (a settled CLR transcript through \`verification\`), ` +
      `until all ${COUNT} nested cards are drawn; the floor: the same ${COUNT} results as ${COUNT} compact ` +
      `<ob-badge> on the page, no outer card (fresh pages, medians of ${rounds}; every task from a Chromium trace)`,
  );
  console.log(
    `  nested  longest task ${ms(nestedLongest)} (worst ${ms(worst)}), all drawn after ${ms(nestedTotal)}; ` +
      `${first} cards in the first render`,
  );
  console.log(`  floor   longest task ${ms(floorLongest)}, all drawn after ${ms(floorTotal)}`);
  console.log(
    `  nested / floor: longest task ${(nestedLongest / floorLongest).toFixed(1)}×, ` +
      `all drawn ${(nestedTotal / floorTotal).toFixed(1)}×`,
  );
  const incomplete = measured.nested.filter((m) => m.run.timedOut || m.run.drawn !== COUNT).length;
  if (incomplete) console.log(`  ! ${incomplete} of ${rounds} nested runs did not draw all ${COUNT} cards`);
  const met = nestedLongest < GOAL_MS;
  console.log(`  goal: longest task < ${GOAL_MS} ms: ${met ? 'met' : 'MISSED'} ${ms(nestedLongest)}`);
  recordGoal(
    `speed: ${COUNT} nested achievements drawn, longest task`,
    `${ms(nestedLongest)} (${(nestedLongest / floorLongest).toFixed(1)}× the floor, ${COUNT} plain cards: ${ms(floorLongest)})`,
    `< ${GOAL_MS} ms`,
    met,
  );
}
