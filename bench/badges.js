// Page side: a page of <ob-badge> elements, each verifying the same Data Integrity badge with the
// shared default verifier, as a script-tag user's page does.
// Imported by name: package.json's `sideEffects` lists only dist/, so a bare import would be dropped.
import { ObBadge } from '../src/components/index.ts';
import { nextTask } from './main-thread.js';

/** Adds `count` badges at once and waits until every one has verified (`ob-verified`) and rendered. */
async function showBadges(credentialText, now, count) {
  const results = [];
  const settled = new Promise((resolve) => {
    const onVerified = (event) => {
      results.push(event.result);
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
    new Promise((resolve) => setTimeout(() => resolve(true), 60_000)),
  ]);
  await Promise.all(elements.map((element) => element.updateComplete)); // the last ones rendered
  const ms = performance.now() - start;
  for (const element of elements) element.remove();
  return { ms, timedOut, verified: results.filter((result) => result?.verified).length };
}

globalThis.benchBadges = { showBadges, ObBadge };
