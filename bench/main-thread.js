// Page side: how measured work is started and spread out. The main thread itself is watched from
// outside (a Chromium trace, scripts/bench-main-thread.js), which sees every task, short or long.

/**
 * Resolves in a new task: measured work starts there, as a page's own work starts in a task of its own.
 * @returns {Promise<void>}
 */
export const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Lets the page handle input and render between two pieces of work.
 * @returns {Promise<void>}
 */
export const yieldToPage = () => globalThis.scheduler?.yield?.() ?? nextTask();

/** @typedef {'together' | 'queued'} RunMode */

/**
 * Runs `count` jobs, all started together (`together`), or one at a time with a yield to the page
 * before each (`queued`: what a main-thread fallback in short slices would do).
 * @template T
 * @param {number} count
 * @param {() => Promise<T>} job
 * @param {RunMode} mode
 * @returns {Promise<T[]>}
 */
export async function runAll(count, job, mode) {
  await nextTask();
  if (mode === 'together') return Promise.all(Array.from({ length: count }, job));
  /** @type {T[]} */
  const results = [];
  for (let i = 0; i < count; i++) {
    await yieldToPage();
    results.push(await job());
  }
  return results;
}
