// Page side of the wall bench (scripts/bench-wall.js): a portfolio page of many badges, as a
// script-tag user builds it. `<ob-badge-list src>` when the build has it, else the same URLs as plain
// `<ob-badge loading="lazy">` elements in a grid. Every element uses the shared default verifier.
// Imported by name: package.json's `sideEffects` lists only dist/, so a bare import would be dropped.
import { compactVerify, importJWK } from 'jose';
import { ObBadge, ObBadgeList } from '../src/components/index.js';
import { createVerifier } from '../src/core/index.js';
import { nextTask } from './main-thread.js';

/** @typedef {import('../src/core/index.js').VerificationResult} VerificationResult */
/** @typedef {import('../src/components/index.js').ObVerifiedEvent} ObVerifiedEvent */
/** @typedef {Record<string, number>} VerdictCounts how many results had each verdict */
/**
 * How a wall is built: `list` (`<ob-badge-list src>`), `credentials` (the list given the JWTs),
 * `plain` (`<ob-badge loading="lazy">` elements), `plain-cv` (those with `content-visibility: auto`).
 * @typedef {'list' | 'credentials' | 'plain' | 'plain-cv'} WallMode
 */
/**
 * The first viewport of a wall.
 * @typedef {object} ShowResult
 * @property {number} firstVerifiedMs from inserting the wall to the first verified badge
 * @property {number} viewportMs until every badge in the viewport settled
 * @property {number} viewportBadges badges in the viewport then
 * @property {boolean} timedOut
 * @property {number} drawn badges drawn
 * @property {number} settledBeforeScrolling
 */
/**
 * A scroll through the whole wall.
 * @typedef {object} ScrollResult
 * @property {number} ms
 * @property {number} stops
 * @property {number} badges
 * @property {number} settled
 * @property {number} verified
 * @property {VerdictCounts} verdicts
 */
/** @typedef {{ ms: number, visible: number, timedOut?: boolean }} Viewport */

// Tasks of 50 ms or more, from the start of the page (the Long Tasks API reports nothing shorter,
// and nothing started from DevTools: the wall is built in a task of the page's own, see `show`).
/** @type {number[]} */
const longTasks = [];
new window.PerformanceObserver((list) => longTasks.push(...list.getEntries().map((entry) => entry.duration))).observe({
  type: 'longtask',
  buffered: true,
});

/**
 * Every `<ob-badge>` of the wall: the page's own, and those a list draws in its shadow root.
 * @param {ParentNode} root
 * @returns {ObBadge[]}
 */
function badgesOf(root = document) {
  /** @type {ObBadge[]} */
  const found = [];
  for (const element of root.querySelectorAll('ob-badge, ob-badge-list')) {
    if (element.localName === 'ob-badge') found.push(/** @type {ObBadge} */ (element));
    else if (element.shadowRoot) found.push(...badgesOf(element.shadowRoot));
  }
  return found;
}

// Which badges are in the viewport, from an IntersectionObserver: the harness must not measure the
// page by forcing layouts itself (getBoundingClientRect on 1,000 badges every frame would).
/** @type {Set<Element>} */
const visible = new Set();
/** @type {WeakSet<ObBadge>} */
const watched = new WeakSet();
const intersections = new window.IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (entry.isIntersecting) visible.add(entry.target);
    else visible.delete(entry.target);
  }
  check();
});

/** Starts watching badges the wall has drawn since the last look (a DOM query, no layout). */
function watchNewBadges() {
  for (const badge of badgesOf()) {
    if (watched.has(badge)) continue;
    watched.add(badge);
    intersections.observe(badge);
  }
}

/** @type {Map<Element, VerificationResult>} */
let settled = new Map(); // badge → its result
let started = 0;
/** @type {number | undefined} */
let firstVerified;
/** @type {{ resolve: (viewport: Viewport) => void } | undefined} */
let waiter; // while someone waits for the viewport to settle

function check() {
  if (!waiter || visible.size === 0) return;
  for (const badge of visible) if (!settled.has(badge)) return;
  const done = waiter;
  waiter = undefined;
  done.resolve({ ms: performance.now() - started, visible: visible.size });
}

document.addEventListener('ob-verified', (event) => {
  const { result } = /** @type {ObVerifiedEvent} */ (event);
  const badge = event.composedPath()[0];
  if (!(badge instanceof ObBadge) || settled.has(badge)) return;
  settled.set(badge, result);
  if (firstVerified === undefined && result.verified) firstVerified = performance.now() - started;
  check();
});

/**
 * Resolves once every badge in the viewport has settled (at least one badge drawn), with the time
 * since the wall was inserted; gives up after `timeoutMs`. New badges are looked for every 100 ms.
 * @param {number} timeoutMs
 * @returns {Promise<Viewport>}
 */
function viewportSettled(timeoutMs) {
  return new Promise((resolve) => {
    const poll = setInterval(watchNewBadges, 100);
    const timer = setTimeout(() => {
      waiter = undefined;
      finish({ ms: NaN, visible: visible.size, timedOut: true });
    }, timeoutMs);
    /** @param {Viewport} value */
    const finish = (value) => {
      clearInterval(poll);
      clearTimeout(timer);
      resolve(value);
    };
    waiter = { resolve: finish };
    watchNewBadges();
    check();
  });
}

/**
 * The `credentials` fixtures fetched by `fetchCredentials`, by URL, until `show` takes them.
 * @type {Map<string, string[]>}
 */
const fetched = new Map();

/**
 * Fetches and parses a `credentials` fixture (1,000 JWTs are 13.6 MB of JSON: reading the body and
 * parsing it are tasks of some 350 and 120 ms) in a step of its own, so that the trace of `show`
 * holds the list's tasks, not the harness's.
 * @param {string} listUrl
 */
async function fetchCredentials(listUrl) {
  fetched.set(listUrl, await (await fetch(listUrl)).json());
  await nextTask();
}

/**
 * Builds the wall in a task of its own (as a page's script would) and waits for its first viewport.
 * `mode`: `list` for `<ob-badge-list>`, `plain` for `<ob-badge loading="lazy">` elements, `plain-cv`
 * for those with `content-visibility: auto` on each cell.
 * @param {{ listUrl: string, mode: WallMode, timeoutMs?: number }} options
 * @returns {Promise<ShowResult>}
 */
async function show({ listUrl, mode, timeoutMs = 60_000 }) {
  settled = new Map();
  visible.clear();
  firstVerified = undefined;
  const main = mainOf(document);
  main.replaceChildren();
  /** @type {string[]} */
  let credentials = [];
  if (mode === 'credentials') {
    credentials = fetched.get(listUrl) ?? (await (await fetch(listUrl)).json());
    fetched.delete(listUrl);
  }
  await nextTask();
  started = performance.now();
  if (mode === 'list') {
    const list = document.createElement('ob-badge-list');
    list.setAttribute('src', listUrl);
    main.append(list);
  } else if (mode === 'credentials') {
    // The badges themselves (JWT text) as the `credentials` property: fetched by `fetchCredentials`,
    // before the trace and the clock start.
    const list = document.createElement('ob-badge-list');
    list.credentials = credentials;
    main.append(list);
  } else {
    /** @type {string[]} */
    const urls = await (await fetch(listUrl)).json();
    const grid = document.createElement('ul');
    // `plain-cv`: the same, with `content-visibility: auto` on each cell (off-screen cards skip layout).
    grid.className = mode === 'plain-cv' ? 'wall wall--cv' : 'wall';
    for (const url of urls) {
      const item = document.createElement('li');
      const badge = document.createElement('ob-badge');
      badge.setAttribute('loading', 'lazy');
      badge.setAttribute('compact', '');
      badge.setAttribute('src', url);
      item.append(badge);
      grid.append(item);
    }
    main.append(grid);
  }
  const first = await viewportSettled(timeoutMs);
  return {
    firstVerifiedMs: firstVerified ?? NaN,
    viewportMs: first.ms,
    viewportBadges: first.visible,
    timedOut: first.timedOut ?? false,
    drawn: badgesOf().length,
    settledBeforeScrolling: settled.size,
  };
}

/**
 * Scrolls through the whole wall a viewport at a time, waiting at each stop for what is in view to
 * settle (lazy badges verify near the viewport): every badge ends up verified.
 * @param {{ timeoutMs?: number, maxStops?: number }} [options]
 * @returns {Promise<ScrollResult>}
 */
async function scrollThrough({ timeoutMs = 180_000, maxStops = Infinity } = {}) {
  const start = performance.now();
  const deadline = start + timeoutMs;
  let stops = 0;
  for (let top = 0; performance.now() < deadline && stops < maxStops; top += window.innerHeight) {
    window.scrollTo({ top, behavior: 'instant' });
    stops++;
    // Let the scroll reach the IntersectionObserver before asking what is in view.
    await new Promise((resolve) => window.requestAnimationFrame(() => setTimeout(resolve, 0)));
    await viewportSettled(Math.max(0, deadline - performance.now()));
    if (top + window.innerHeight >= document.documentElement.scrollHeight) break;
  }
  // Anything left (a badge that never came into view): wait for it, within the deadline.
  const all = badgesOf();
  while (stops < maxStops && performance.now() < deadline && !all.every((badge) => settled.has(badge))) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  window.scrollTo({ top: 0, behavior: 'instant' });
  const results = [...settled.values()];
  return {
    ms: performance.now() - start,
    stops,
    badges: all.length,
    settled: settled.size,
    verified: results.filter((result) => result.verified).length,
    verdicts: results.reduce(
      (counts, result) => ({ ...counts, [result.verdict]: (counts[result.verdict] ?? 0) + 1 }),
      /** @type {VerdictCounts} */ ({}),
    ),
  };
}

/**
 * Resolves after the next frame has been produced (style, layout, paint), in a task after it.
 * @returns {Promise<void>}
 */
const afterFrame = () => new Promise((resolve) => window.requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * One round of the warm wall: `jwts.length` eager `<ob-badge>` elements given their JWT as the
 * `credential` property, in a grid; the time from inserting them until every one has settled
 * (`ob-verified`, fired once its card is drawn) and the frame showing them has been produced.
 * @param {{ jwts: string[], checkDomain?: boolean, timeoutMs?: number }} options
 * @returns {Promise<{ ms: number, timedOut: boolean, verdicts: VerdictCounts }>}
 */
async function badgeRound({ jwts, checkDomain = false, timeoutMs = 60_000 }) {
  const main = mainOf(document);
  main.replaceChildren();
  await afterFrame();
  const grid = document.createElement('ul');
  grid.className = 'wall';
  /** @type {Set<ObBadge>} */
  const badges = new Set();
  /** @type {VerdictCounts} */
  const verdicts = {};
  /** @type {() => void} */
  let done = () => {};
  /** @type {Promise<void>} */
  const all = new Promise((resolve) => (done = resolve));
  /** @param {Event} event */
  const onVerified = (event) => {
    const { result } = /** @type {ObVerifiedEvent} */ (event);
    const badge = event.composedPath()[0];
    if (!(badge instanceof ObBadge) || badges.has(badge)) return;
    badges.add(badge);
    verdicts[result.verdict] = (verdicts[result.verdict] ?? 0) + 1;
    if (badges.size === jwts.length) done();
  };
  document.addEventListener('ob-verified', onVerified);
  await nextTask();
  const start = performance.now();
  for (const jwt of jwts) {
    const item = document.createElement('li');
    const badge = document.createElement('ob-badge');
    if (checkDomain) badge.setAttribute('check-domain', '');
    badge.credential = jwt;
    item.append(badge);
    grid.append(item);
  }
  main.append(grid);
  const timedOut = await Promise.race([
    all.then(() => false),
    /** @type {Promise<boolean>} */ (new Promise((resolve) => setTimeout(() => resolve(true), timeoutMs))),
  ]);
  await afterFrame();
  const ms = performance.now() - start;
  document.removeEventListener('ob-verified', onVerified);
  return { ms, timedOut, verdicts };
}

/**
 * The floor: jose's importJWK + compactVerify of the same JWTs, all started together (as the badges are).
 * @param {{ jwts: string[], jwk: import('jose').JWK, alg: string }} options
 * @returns {Promise<{ ms: number, verified: number }>}
 */
async function joseRound({ jwts, jwk, alg }) {
  await nextTask();
  const start = performance.now();
  const verified = await Promise.all(
    jwts.map(async (jwt) => {
      const key = await importJWK(jwk, alg);
      return compactVerify(jwt, key).then(
        () => true,
        () => false,
      );
    }),
  );
  return { ms: performance.now() - start, verified: verified.filter(Boolean).length };
}

/** @type {import('../src/core/index.js').Verifier | undefined} */
let coreVerifier;
/**
 * The core alone: one verifier (as the elements share one), the JWTs verified `limit` at a time.
 * @param {{ jwts: string[], limit?: number, domainLinkage?: boolean }} options
 * @returns {Promise<{ ms: number, verdicts: VerdictCounts }>}
 */
async function coreRound({ jwts, limit = Infinity, domainLinkage = false }) {
  const verifier = (coreVerifier ??= createVerifier());
  await nextTask();
  const start = performance.now();
  /** @type {VerdictCounts} */
  const verdicts = {};
  let next = 0;
  const worker = async () => {
    while (next < jwts.length) {
      const result = await verifier.verify(/** @type {string} */ (jwts[next++]), { domainLinkage });
      verdicts[result.verdict] = (verdicts[result.verdict] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jwts.length) }, worker));
  return { ms: performance.now() - start, verdicts };
}

/**
 * The `<main>` the page's harness fills (bench/wall.js's page always has one).
 * @param {Document} page
 * @returns {HTMLElement}
 */
function mainOf(page) {
  const main = page.querySelector('main');
  if (!main) throw new Error('the wall page has no <main>');
  return main;
}

/** The long tasks seen so far (≥ 50 ms), longest first. */
const longTasksSoFar = () => [...longTasks].sort((a, b) => b - a);

globalThis.benchWall = {
  fetchCredentials,
  show,
  scrollThrough,
  badgeRound,
  joseRound,
  coreRound,
  longTasksSoFar,
  hasList: () => ObBadgeList !== undefined && customElements.get('ob-badge-list') !== undefined,
  concurrency: () => ObBadge.concurrency,
};
