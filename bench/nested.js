// Page side of the nested bench (scripts/bench-nested.js): one <ob-badge> given a settled result with
// 100 achievements inside (the CLR transcript badge.test.ts draws, test/helpers/canned-nested.ts),
// drawn as compact nested cards in chunks; and its floor, the same 100 results as 100 compact
// <ob-badge> cards side by side on the page, no outer card. Neither verifies anything: both are fed
// through `verification`, so what is measured is drawing.
// Imported by name: package.json's `sideEffects` lists only dist/, so a bare import would be dropped.
import { ObBadge } from '../src/components/index.js';
import { loadMarkdown } from '../src/render/markdown.js';
import { transcript } from '../test/helpers/canned-nested.js';
import { nextTask } from './main-thread.js';

/** badge.test.ts's outcomes: three of the achievements do not verify. */
const OUTCOMES = /** @type {const} */ ({ 7: 'unverified', 42: 'unknown', 99: 'unverified' });

/**
 * One drawing, from inserting the element(s) until every card has rendered.
 * @typedef {object} DrawRun
 * @property {number} ms
 * @property {number} first cards drawn in the first render
 * @property {number} drawn cards drawn in the end
 * @property {boolean} timedOut not all were drawn within 10 s
 */

/**
 * Loads what the test had loaded before it ran (the Markdown renderer; the element's lazy parts and
 * warm code, from the tests before it): a small transcript and a few plain cards drawn once, so
 * neither measured run counts fetching or compiling code.
 */
async function prepare() {
  await loadMarkdown();
  await showNested(4);
  await showPlain(4);
}

/**
 * The nested cards an outer card has drawn so far.
 * @param {ObBadge} outer
 * @returns {ObBadge[]}
 */
const nestedCards = (outer) => [...(outer.shadowRoot?.querySelectorAll('ob-badge') ?? [])];

/**
 * Resolves true once `condition()` holds (looked at every 10 ms), false after `timeoutMs`.
 * @param {() => boolean} condition
 * @param {number} timeoutMs
 * @returns {Promise<boolean>}
 */
async function until(condition, timeoutMs) {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

/**
 * One `<ob-badge>` with `count` achievements inside, until every nested card is drawn and rendered.
 * @param {number} count
 * @returns {Promise<DrawRun>}
 */
async function showNested(count) {
  const result = transcript(count, OUTCOMES);
  await nextTask();
  const start = performance.now();
  const outer = document.createElement('ob-badge');
  outer.lang = 'en-GB';
  outer.verification = result;
  document.body.append(outer);
  await outer.updateComplete;
  const first = nestedCards(outer).length;
  const timedOut = !(await until(() => nestedCards(outer).length === count, 10_000));
  await outer.updateComplete;
  await Promise.all(nestedCards(outer).map((card) => card.updateComplete));
  const ms = performance.now() - start;
  const drawn = nestedCards(outer).length;
  outer.remove();
  return { ms, first, drawn, timedOut };
}

/**
 * The floor: the same `count` results as compact cards on the page, all inserted at once.
 * @param {number} count
 * @returns {Promise<DrawRun>}
 */
async function showPlain(count) {
  const results = (transcript(count, OUTCOMES).nested ?? []).map((item) => item.result);
  await nextTask();
  const start = performance.now();
  const list = document.createElement('ul');
  const cards = results.map((result) => {
    const card = document.createElement('ob-badge');
    card.lang = 'en-GB';
    card.compact = true;
    card.verification = result;
    const item = document.createElement('li');
    item.append(card);
    list.append(item);
    return card;
  });
  document.body.append(list);
  await Promise.all(cards.map((card) => card.updateComplete));
  const ms = performance.now() - start;
  list.remove();
  return { ms, first: cards.length, drawn: cards.length, timedOut: false };
}

globalThis.benchNested = { prepare, showNested, showPlain, ObBadge };
