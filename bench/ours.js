// Page side: our core, as a page that imports `openbadge-embed/core` gets it (the Data Integrity
// code and the JSON-LD contexts are separate chunks, loaded with import() on first use).
import { fetchMeter } from './fetch-meter.js';
import { createDocumentCache, createVerifier } from '../src/core/index.js';
import { loadContext } from '../src/core/jsonld/contexts.js';
import { runAll } from './main-thread.js';

/** @typedef {import('./main-thread.js').RunMode} RunMode */
/** @typedef {import('../src/core/proofs/data-integrity.js').DataIntegrityTimings} DataIntegrityTimings */

/**
 * One timed verification by our core.
 * @typedef {object} OurVerification
 * @property {number} ms
 * @property {number} fetches fetch() calls it made
 * @property {number} fetchMs time spent waiting for them
 * @property {boolean} verified
 * @property {import('../src/core/index.js').Verdict} verdict
 * @property {DataIntegrityTimings | null} timings the proof check's split (canonicalize, hash, signature)
 * @property {string[]} failed `check: code` of every failed check
 */

/**
 * What loading the lazy Data Integrity code and contexts took.
 * @typedef {object} Preload
 * @property {number} ms
 * @property {number} files files fetched (Resource Timing)
 * @property {number} bytes their decoded size
 * @property {number} fetchMs the sum of their fetch durations
 */

// One verifier for the page, as <ob-badge> shares one; offline: nothing may be fetched.
const verifier = createVerifier({ offline: true, cache: createDocumentCache() });

/**
 * One timed verification. `credential` is JSON text, parsed outside the timed part as for the peer.
 * @param {string} credential
 * @param {string} now
 * @returns {Promise<OurVerification>}
 */
async function verify(credential, now) {
  const input = JSON.parse(credential);
  const { calls, ms: fetchMs } = fetchMeter;
  const start = performance.now();
  const result = await verifier.verify(input, { now: new Date(now) });
  const ms = performance.now() - start;
  const proof = result.checks.find((check) => check.id === 'proof');
  return {
    ms,
    fetches: fetchMeter.calls - calls,
    fetchMs: fetchMeter.ms - fetchMs,
    verified: result.verified,
    verdict: result.verdict,
    timings: /** @type {DataIntegrityTimings | undefined} */ (proof?.details?.timings) ?? null,
    failed: result.checks.filter((check) => check.status === 'failed').map((check) => `${check.id}: ${check.code}`),
  };
}

/**
 * Loads what the first Data Integrity verification loads lazily: its chunk and the badge's contexts.
 * Resolves with the time that took and, from Resource Timing, how much of it was fetching the files.
 * @param {string} credential
 * @returns {Promise<Preload>}
 */
async function preload(credential) {
  const contexts = [JSON.parse(credential)['@context']].flat().filter((context) => typeof context === 'string');
  const start = performance.now();
  await import('../src/core/proofs/data-integrity.js');
  await Promise.all(contexts.map((url) => loadContext(url)));
  const ms = performance.now() - start;
  const files = /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource')).filter(
    (entry) => entry.startTime >= start,
  );
  /** @param {'decodedBodySize' | 'duration'} key */
  const sum = (key) => files.reduce((total, entry) => total + entry[key], 0);
  return { ms, files: files.length, bytes: sum('decodedBodySize'), fetchMs: sum('duration') };
}

/**
 * `count` verifications, all at once or one at a time (see `runAll`).
 * @param {string} credential
 * @param {string} now
 * @param {number} count
 * @param {RunMode} mode
 * @returns {Promise<{ ms: number, verified: number }>}
 */
async function verifyMany(credential, now, count, mode) {
  const start = performance.now();
  const results = await runAll(count, () => verifier.verify(JSON.parse(credential), { now: new Date(now) }), mode);
  return { ms: performance.now() - start, verified: results.filter((result) => result.verified).length };
}

globalThis.benchOurs = { verify, preload, verifyMany };
