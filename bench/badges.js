// Page side: a page of <ob-badge> elements, each verifying the same Data Integrity badge with the
// shared default verifier, as a script-tag user's page does.
// Imported by name: package.json's `sideEffects` lists only dist/, so a bare import would be dropped.
import { ObBadge } from '../src/components/index.js';
import { nextTask } from './main-thread.js';

/** @typedef {import('../src/core/index.js').VerificationResult} VerificationResult */

/**
 * What a page of badges took: from adding them until the last one rendered.
 * @typedef {object} BadgesRun
 * @property {number} ms
 * @property {boolean} timedOut a badge did not settle within a minute
 * @property {number} verified how many verified
 */

/**
 * Adds `count` badges at once and waits until every one has verified (`ob-verified`) and rendered.
 * @param {string} credentialText
 * @param {string} now
 * @param {number} count
 * @returns {Promise<BadgesRun>}
 */
async function showBadges(credentialText, now, count) {
  /** @type {VerificationResult[]} */
  const results = [];
  /** @type {Promise<void>} */
  const settled = new Promise((resolve) => {
    /** @param {Event} event */
    const onVerified = (event) => {
      results.push(/** @type {import('../src/components/index.js').ObVerifiedEvent} */ (event).result);
      if (results.length < count) return;
      document.removeEventListener('ob-verified', onVerified);
      resolve();
    };
    document.addEventListener('ob-verified', onVerified);
  });
  await nextTask();
  const start = performance.now();
  const elements = Array.from({ length: count }, () => {
    const element = document.createElement('ob-badge');
    element.credential = JSON.parse(credentialText);
    element.now = new Date(now);
    return element;
  });
  document.body.append(...elements);
  // A badge that never settles would hang the bench: give up after a minute and say so.
  const timedOut = await Promise.race([
    settled.then(() => false),
    /** @type {Promise<boolean>} */ (new Promise((resolve) => setTimeout(() => resolve(true), 60_000))),
  ]);
  await Promise.all(elements.map((element) => element.updateComplete)); // the last ones rendered
  const ms = performance.now() - start;
  for (const element of elements) element.remove();
  return { ms, timedOut, verified: results.filter((result) => result?.verified).length };
}

globalThis.benchBadges = { showBadges, ObBadge };
