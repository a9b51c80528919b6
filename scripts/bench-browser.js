// The browser half of `npm run bench` (see scripts/bench.js): our core against
// @digitalcredentials/verifier-core on one Data Integrity badge in headless Chromium, offline, and
// what a page of such badges does to the main thread. The page side is in bench/.
//
// Every request a page makes goes through context.route(): the bench origin is answered from the
// temp dir the bundles are built into; anything else is refused and counted.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { distinctBadges } from './bench-distinct.js';
import { recordGoal } from './bench-goals.js';
import { esbuildJsonldSharedContexts } from './jsonld-shared-contexts.js';
import { esbuildNoPageGlobals } from './no-page-globals.js';
import { pageBundleOptions, selfTimeBetween, withProfile, withTasks } from './bench-main-thread.js';

/** @typedef {import('playwright-core').Browser} Browser */
/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('./bench-main-thread.js').Task} Task */
/** @typedef {import('./bench-main-thread.js').SelfTime} SelfTime */
/** @typedef {import('../bench/ours.js').OurVerification} OurVerification */
/** @typedef {import('../bench/ours.js').Preload} Preload */
/** @typedef {import('../bench/peer.js').PeerVerification} PeerVerification */
/** @typedef {import('../bench/main-thread.js').RunMode} RunMode */
/** @typedef {import('../bench/stages.js').Stage} Stage */
/** @typedef {import('../bench/stages.js').StageTimes} StageTimes */
/** @typedef {'ours' | 'peer'} Side */
/** @typedef {{ loadMs: number }} Loaded how long the side's bundle took to load */
/**
 * The bundles that built, by entry: their path on the bench origin.
 * @typedef {Partial<Record<'ours' | 'peer' | 'stages' | 'badges', string>>} Built
 */
/** @typedef {{ page: Page, close: () => Promise<void> }} OpenPage */
/**
 * Fresh pages on the bench origin; every off-machine request refused and kept, with the phase it came in.
 * @typedef {object} Pages
 * @property {{ phase: string, url: string }[]} offMachine
 * @property {(name: string) => void} setPhase
 * @property {() => Promise<OpenPage>} open
 */
/** @typedef {{ [S in Side]: (page: Page) => Promise<{ ours: OurVerification, peer: PeerVerification }[S]> }} Sides */
/**
 * Each side alone in fresh pages; ours once more with its lazy chunks loaded first.
 * @typedef {object} Cold
 * @property {(OurVerification & Loaded)[]} ours
 * @property {(PeerVerification & Loaded)[]} peer
 * @property {Preload[]} preload
 * @property {OurVerification[]} afterPreload
 */
/** @typedef {{ ours: OurVerification[], peer: PeerVerification[] }} Verifications one page, both sides */
/** @typedef {{ cold: Cold, warm: Verifications }} Comparison */
/**
 * What the parts of the browser bench share.
 * @typedef {object} BenchArgs
 * @property {Browser} browser
 * @property {Pages} pages
 * @property {Built} built
 * @property {string} credential the Data Integrity badge, JSON text
 * @property {string} now the corpus's clock
 * @property {number} iterations warm rounds
 * @property {number} coldRuns fresh pages per side
 * @property {number} count badges on the main-thread page
 * @property {string} outdir where the bundles are built
 * @property {string} root the repository
 */
/** @typedef {{ count: number, warmUp: number }} DistinctOptions */
/**
 * The arguments a main-thread scenario's page function gets: the badge, the clock, how many, and the
 * scenario's own (a run mode, or a stage and a run mode).
 * @typedef {[text: string, at: string, n: number, extra?: RunMode | [Stage, RunMode]]} BlockingArgs
 */
/** @typedef {{ ms: number, verified?: number, timedOut?: boolean }} BlockingResult */
/** @typedef {(args: BlockingArgs) => Promise<BlockingResult>} BlockingCall */
/** @typedef {{ result: BlockingResult, tasks: Task[] }} Traced */
/** @typedef {{ label: string, first: Traced, again: Traced }} Scenario */
/** @typedef {{ label: string, ms: number, top: SelfTime[], inside: { name: string, ms: number }[] }} LongestProfiled */
/** @typedef {{ scenarios: Scenario[], profiles: LongestProfiled[] }} MainThread */

const ORIGIN = 'http://localhost:4173'; // never connected to; localhost makes it a secure context (WebCrypto)
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
const PAGE = '<!doctype html><meta charset="utf-8"><title>bench</title><body></body>';
// Cross-origin isolated: performance.now() ticks at 5 µs instead of 100 µs.
const ISOLATED = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

/**
 * @param {number[]} values
 * @returns {number}
 */
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const at = (/** @type {number} */ i) => sorted[i] ?? NaN;
  return sorted.length % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
};
/**
 * @param {number} value
 * @param {number} [width]
 */
const ms = (value, width = 0) => `${value.toFixed(value < 10 ? 2 : 1)} ms`.padStart(width);
/**
 * @param {number} value
 * @param {number} [width]
 */
const times = (value, width = 0) => `${value.toFixed(1)}×`.padStart(width);
/**
 * @param {string[][]} rows
 * @param {number[]} widths
 */
const table = (rows, widths) =>
  rows.forEach((cells) =>
    console.log(cells.map((cell, i) => (i ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[0] ?? 0))).join('')),
  );

/**
 * Appends a side's result to that side's list (one helper, so each list keeps its side's type).
 * @template {{ ours: unknown[], peer: unknown[] }} L
 * @template {Side} S
 * @param {L} lists
 * @param {S} side
 * @param {L[S][number]} value
 */
function keep(lists, side, value) {
  lists[side].push(value);
}

/** @type {[Side, Side][]} which side goes first: alternated */
const ORDERS = [
  ['ours', 'peer'],
  ['peer', 'ours'],
];

/**
 * Bundles each page entry on its own (no chunk shared between them): ours with code splitting as
 * users get it, the peer, the stage probe, the <ob-badge> page (see `pageBundleOptions`).
 * @param {string} root
 * @param {string} outdir
 * @returns {Promise<Built>}
 */
async function bundle(root, outdir) {
  /** @type {Built} */
  const built = {};
  /** @type {[keyof Built, boolean][]} */
  const entries = [
    ['ours', true],
    ['peer', false],
    ['stages', true],
    ['badges', true],
  ];
  for (const [entry, splitting] of entries) {
    try {
      await build({
        ...pageBundleOptions(root, outdir, entry, splitting),
        // The peer gets jsonld as its users do; ours gets it as our bundles ship it
        // (OB_BENCH_JSONLD=plain: without scripts/jsonld-shared-contexts.js, to measure what it does).
        plugins:
          entry === 'peer' || process.env['OB_BENCH_JSONLD'] === 'plain'
            ? [esbuildNoPageGlobals()]
            : [esbuildNoPageGlobals(), esbuildJsonldSharedContexts()],
      });
      built[entry] = `/${entry}.js`;
    } catch (error) {
      // Work in progress elsewhere may leave a module broken for a while: say so, run the rest.
      const { errors, message } = /** @type {{ errors?: { text: string }[], message: string }} */ (error);
      console.log(`  (bench/${entry}.js did not build: ${errors?.[0]?.text ?? message})`);
    }
  }
  return built;
}

/**
 * Opens pages in fresh browser contexts (no cache, no state), served locally; anything else is refused.
 * @param {Browser} browser
 * @param {string} outdir
 * @returns {Pages}
 */
export function createPages(browser, outdir) {
  /** @type {Pages['offMachine']} */
  const offMachine = [];
  let phase = 'setup';
  return {
    offMachine,
    setPhase(name) {
      phase = name;
    },
    async open() {
      const context = await browser.newContext();
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.origin !== ORIGIN) {
          offMachine.push({ phase, url: url.href });
          return route.abort('internetdisconnected');
        }
        if (url.pathname === '/') return route.fulfill({ contentType: 'text/html', body: PAGE, headers: ISOLATED });
        let body;
        try {
          body = readFileSync(join(outdir, url.pathname.slice(1)));
        } catch {
          return route.fulfill({ status: 404, body: 'not found' });
        }
        const contentType = extname(url.pathname) === '.js' ? 'text/javascript' : 'application/octet-stream';
        return route.fulfill({ body, contentType });
      });
      const page = await context.newPage();
      await page.goto(`${ORIGIN}/`);
      return { page, close: () => context.close() };
    },
  };
}

/**
 * Imports a bundle into the page; resolves with how long that took (download, parse, evaluation).
 * @param {Page} page
 * @param {string | undefined} path undefined when its bundle did not build
 * @returns {Promise<number>}
 */
export function load(page, path) {
  if (path === undefined) throw new Error('that bench bundle did not build');
  return page.evaluate(async (url) => {
    const start = performance.now();
    await import(url);
    return performance.now() - start;
  }, path);
}

/**
 * Cold: each side alone in fresh pages; ours once more with its lazy chunks loaded first.
 * @param {BenchArgs} args
 * @param {Sides} sides
 * @returns {Promise<Cold>}
 */
async function runCold({ pages, built, credential, coldRuns }, sides) {
  /** @type {Cold} */
  const cold = { ours: [], peer: [], preload: [], afterPreload: [] };
  for (let run = 0; run < coldRuns; run++) {
    // Alternate which side goes first, so neither always gets the quieter machine.
    for (const side of /** @type {[Side, Side]} */ (ORDERS[run % 2])) {
      pages.setPhase(`${side} cold`);
      const { page, close } = await pages.open();
      const loadMs = await load(page, built[side]);
      keep(cold, side, { loadMs, ...(await sides[side](page)) });
      await close();
    }
    // Ours again with its lazy chunks loaded first: the first verification without code loading.
    pages.setPhase('ours cold');
    const { page, close } = await pages.open();
    await load(page, built.ours);
    cold.preload.push(await page.evaluate((text) => globalThis.benchOurs.preload(text), credential));
    cold.afterPreload.push(await sides.ours(page));
    await close();
  }
  return cold;
}

/**
 * @param {string} credential
 * @param {string} now
 * @returns {Sides}
 */
const sidesFor = (credential, now) => ({
  ours: (page) =>
    page.evaluate(
      ([text, at]) => globalThis.benchOurs.verify(text, at),
      /** @type {[string, string]} */ ([credential, now]),
    ),
  peer: (page) => page.evaluate((text) => globalThis.benchPeer.verify(text), credential),
});

/**
 * Head to head: cold (fresh pages, each side alone) and warm (one page, interleaved).
 * @param {BenchArgs} args
 * @returns {Promise<Comparison>}
 */
async function compare(args) {
  const { pages, built, credential, now, iterations } = args;
  const sides = sidesFor(credential, now);
  const cold = await runCold(args, sides);

  const { page, close } = await pages.open();
  await load(page, built.ours);
  await load(page, built.peer);
  /** @type {Verifications} */
  const warm = { ours: [], peer: [] };
  for (let i = -10; i < iterations; i++) {
    for (const side of /** @type {Side[]} */ (['ours', 'peer'])) {
      pages.setPhase(`${side} warm`);
      const result = await sides[side](page);
      if (i >= 0) keep(warm, side, result); // the first 10 rounds warm up
    }
  }
  await close();
  return { cold, warm };
}

/**
 * Distinct badges, warm code: one page with both verifiers loaded, warmed up on badges of their own
 * (the conformance badge and `warmUp` distinct ones), then every measured badge verified once by
 * each side, interleaved, alternating which goes first. No badge is verified twice by a side.
 * @param {BenchArgs} args
 * @param {DistinctOptions} options
 * @returns {Promise<Verifications>}
 */
async function distinct({ pages, built, now, root }, { count, warmUp }) {
  const texts = await distinctBadges(root, count + warmUp);
  const { page, close } = await pages.open();
  await load(page, built.ours);
  await load(page, built.peer);
  /** @type {{ [S in Side]: (text: string) => Promise<{ ours: OurVerification, peer: PeerVerification }[S]> }} */
  const verifyOne = {
    ours: (text) =>
      page.evaluate(([t, at]) => globalThis.benchOurs.verify(t, at), /** @type {[string, string]} */ ([text, now])),
    peer: (text) => page.evaluate((t) => globalThis.benchPeer.verify(t), text),
  };
  pages.setPhase('distinct warm-up');
  for (const text of texts.slice(count))
    for (const side of /** @type {Side[]} */ (['ours', 'peer'])) await verifyOne[side](text);
  /** @type {Verifications} */
  const results = { ours: [], peer: [] };
  for (const [i, text] of texts.slice(0, count).entries()) {
    for (const side of /** @type {[Side, Side]} */ (ORDERS[i % 2])) {
      pages.setPhase(`${side} distinct`);
      keep(results, side, await verifyOne[side](text));
    }
  }
  await close();
  return results;
}

/**
 * @param {Verifications} results
 * @param {DistinctOptions} options
 * @returns {number} peer / ours
 */
function printDistinct(results, { count, warmUp }) {
  const { ours, peer } = results;
  /** @typedef {{ ms: number, fetchMs: number }} Timed */
  /**
   * @template {Timed} T
   * @param {T[]} side
   * @param {(result: T) => number} value
   */
  const med = (side, value) => median(side.map(value));
  /** @param {Timed} result */
  const total = (result) => result.ms;
  /** @param {Timed} result */
  const computing = (result) => result.ms - result.fetchMs;
  const ratio = med(peer, total) / med(ours, total);
  const ratioComputing = med(peer, computing) / med(ours, computing);
  const pairs = median(ours.map((result, i) => (peer[i]?.ms ?? NaN) / result.ms));
  console.log(
    `\nDistinct badges (${count} eddsa-rdfc-2022 OB 3.0 credentials made at run time with the TEST-ONLY did:key; ` +
      `each verified once per side, interleaved, warm code after ${warmUp} other badges)`,
  );
  table(
    [
      ['', 'median', 'p90', 'less fetch() waits'],
      .../** @type {Side[]} */ (['ours', 'peer']).map((side) => {
        /** @type {Timed[]} */
        const sideResults = results[side];
        const sorted = sideResults.map(total).sort((a, b) => a - b);
        return [
          side,
          ms(med(sideResults, total)),
          ms(sorted[Math.floor(sorted.length * 0.9)] ?? NaN),
          ms(med(sideResults, computing)),
        ];
      }),
      ['peer / ours', times(ratio), '', times(ratioComputing)],
    ],
    [16, 12, 12, 22],
  );
  const split = /** @type {('canonicalize' | 'hash' | 'signature')[]} */ (['canonicalize', 'hash', 'signature']).map(
    (key) => med(ours, (r) => r.timings?.[key] ?? 0),
  );
  console.log(
    `  median of the per-badge ratios: ${times(pairs)}; ours: canonicalize ${ms(split[0] ?? NaN)}, ` +
      `hash ${ms(split[1] ?? NaN)}, signature ${ms(split[2] ?? NaN)}`,
  );
  const oursVerified = ours.filter((result) => result.verified).length;
  const peerVerified = peer.filter((result) => result.verified).length;
  console.log(`  verified: ours ${oursVerified}/${count}, peer (signature valid) ${peerVerified}/${count}`);
  if (oursVerified < count) console.log(`  ! ours: ${ours.find((result) => !result.verified)?.failed.join(', ')}`);
  console.log(
    `  goal (issue 13) ours ≥ 4× on distinct badges: ${ratio >= 4 ? 'met' : 'MISSED'} ${times(ratio)} ` +
      `(${times(ratioComputing)} not counting the peer's refused fetch)`,
  );
  recordGoal(
    `speed: ${count} distinct eddsa-rdfc-2022 badges vs verifier-core`,
    `${times(ratio)} (${ms(med(ours, total))} vs ${ms(med(peer, total))}; ${times(ratioComputing)} less its refused fetch)`,
    '≥ 4×',
    ratio >= 4,
  );
  return ratio;
}

/**
 * The main thread's tasks while `count` badges verify, on a fresh page and again on the same page.
 * @param {BenchArgs} args
 * @returns {Promise<MainThread>}
 */
async function blocking({ browser, pages, built, credential, now, count, outdir }) {
  /** @type {Scenario[]} */
  const scenarios = [];
  /** @type {BlockingCall} */
  const ourBadges = ([text, at, n]) => globalThis.benchBadges.showBadges(text, at, n);
  /** @type {BlockingCall} */
  const ourVerify = ([text, at, n, mode]) =>
    globalThis.benchOurs.verifyMany(text, at, n, /** @type {RunMode} */ (mode));
  /** @type {BlockingCall} */
  const oneStage = ([text, , n, extra]) => {
    const [stage, mode] = /** @type {[Stage, RunMode]} */ (extra);
    return globalThis.benchStages.blocking(text, stage, n, mode);
  };
  /**
   * @param {string} label
   * @param {string | undefined} path
   * @param {BlockingCall} call
   * @param {BlockingArgs[3]} [extra]
   */
  const run = async (label, path, call, extra) => {
    if (!path) return;
    pages.setPhase(`ours ${label}`);
    const { page, close } = await pages.open();
    await load(page, path);
    /** @type {BlockingArgs} */
    const args = [credential, now, count, extra];
    const traced = () => withTasks(browser, page, () => page.evaluate(call, args));
    const first = await traced();
    const again = await traced();
    await close();
    scenarios.push({ label, first, again });
  };
  await run('<ob-badge>, all at once', built.badges, ourBadges);
  await run('verify(), all at once', built.ours, ourVerify, 'together');
  await run('verify(), one at a time', built.ours, ourVerify, 'queued');
  await run('jsonld.expand only', built.stages, oneStage, ['expand', 'together']);
  await run('  same, contexts memoized', built.stages, oneStage, ['expandMemoized', 'together']);
  await run('jsonld.toRDF only', built.stages, oneStage, ['toRdf', 'together']);
  await run('rdf-canonize only', built.stages, oneStage, ['canonize', 'together']);
  await run('jsonld.toRDF, one at a time', built.stages, oneStage, ['toRdf', 'queued']);

  // What the longest task of a fresh page runs: a profile and a detailed trace, in runs of their own
  // (both slow the page down).
  /** @type {LongestProfiled[]} */
  const profiles = [];
  /** @type {[string, string | undefined, BlockingCall][]} */
  const profiled = [
    ['<ob-badge>', built.badges, ourBadges],
    ['verify()', built.ours, ourVerify],
  ];
  for (const [label, path, call] of profiled.filter(([, path]) => path)) {
    pages.setPhase(`ours profile ${label}`);
    const { page, close } = await pages.open();
    await load(page, path);
    /** @type {BlockingArgs} */
    const args = [credential, now, count, 'together'];
    const evaluate = () => page.evaluate(call, args);
    const { result, profile } = await withProfile(page, () => withTasks(browser, page, evaluate, { detail: true }));
    await close();
    const longest = result.tasks.reduce((a, b) => (b.ms > a.ms ? b : a));
    const top = selfTimeBetween(profile, outdir, longest.start, longest.end);
    // The largest trace events inside it (they nest, so their times overlap).
    const inside = (longest.inside ?? []).sort((a, b) => b.ms - a.ms).slice(0, 5);
    profiles.push({ label, ms: longest.ms, top, inside });
  }
  return { scenarios, profiles };
}

/**
 * Stage by stage, in a fresh page: expansion, quads, RDFC-1.0, hash; first use and warm.
 * @param {BenchArgs} args
 * @returns {Promise<{ first: StageTimes, warm: StageTimes }>}
 */
async function stageBreakdown({ pages, built, credential, iterations }) {
  pages.setPhase('ours stages');
  const { page, close } = await pages.open();
  await load(page, built.stages);
  /** @type {[string, number]} */
  const args = [credential, iterations];
  const result = await page.evaluate(([text, n]) => globalThis.benchStages.breakdown(text, n), args);
  await close();
  return result;
}

/**
 * @param {Comparison} comparison
 * @param {BenchArgs} args
 */
function printComparison({ cold, warm }, { iterations, coldRuns }) {
  /** @param {Side} side */
  const summary = (side) => ({
    load: median(cold[side].map((result) => result.loadMs)),
    cold: median(cold[side].map((/** @type {{ ms: number }} */ result) => result.ms)),
    warm: median(warm[side].map((/** @type {{ ms: number }} */ result) => result.ms)),
    warmComputing: median(
      warm[side].map((/** @type {{ ms: number, fetchMs: number }} */ result) => result.ms - result.fetchMs),
    ),
  });
  const ours = summary('ours');
  const peer = summary('peer');
  const last = {
    ours: /** @type {OurVerification} */ (warm.ours.at(-1)),
    peer: /** @type {PeerVerification} */ (warm.peer.at(-1)),
  };
  console.log(
    `\nHead to head (cold: median of ${coldRuns} fresh pages per side; warm: median of ${iterations}, interleaved in one page)`,
  );
  table(
    [
      ['', 'bundle load', 'cold verify', 'warm verify', 'warm, less fetch() waits'],
      ['ours', ms(ours.load), ms(ours.cold), ms(ours.warm), ms(ours.warmComputing)],
      ['peer', ms(peer.load), ms(peer.cold), ms(peer.warm), ms(peer.warmComputing)],
      [
        'peer / ours',
        .../** @type {(keyof typeof ours)[]} */ (['load', 'cold', 'warm', 'warmComputing']).map((key) =>
          times(peer[key] / ours[key]),
        ),
      ],
    ],
    [16, 14, 14, 14, 26],
  );
  const pairs = warm.ours.map((result, i) => (warm.peer[i]?.ms ?? NaN) / result.ms);
  console.log(`  median of the per-pair warm ratios: ${times(median(pairs))}`);
  console.log(`  ours: ${last.ours.verdict}${last.ours.failed.length ? ` (${last.ours.failed.join(', ')})` : ''}`);
  console.log(`  peer: ${last.peer.errors.length ? last.peer.errors.join('; ') : last.peer.log.join(', ')}`);
  console.log(
    `  peer: ${median(warm.peer.map((r) => r.fetches))} fetch() per verification (its guessed JSON schema; refused here), ` +
      `${ms(median(warm.peer.map((r) => r.fetchMs)))} of its warm time waiting for the refusal; ours: ` +
      `${median(warm.ours.map((r) => r.fetches))} fetch()`,
  );
}

/**
 * @param {Comparison} comparison
 * @param {{ first: StageTimes, warm: StageTimes } | undefined} stages
 */
function printWhereOurTimeGoes({ cold, warm }, stages) {
  /** @param {OurVerification[]} results */
  const split = (results) => {
    const total = median(results.map((result) => result.ms));
    const parts = /** @type {('canonicalize' | 'hash' | 'signature')[]} */ (['canonicalize', 'hash', 'signature']).map(
      (key) => median(results.map((result) => result.timings?.[key] ?? 0)),
    );
    return [...parts, total - parts.reduce((a, b) => a + b, 0), total];
  };
  const columns = [split(warm.ours), split(cold.ours), split(cold.afterPreload)];
  console.log(`\nWhere our time goes (the proof check's details.timings; medians)`);
  const rows = [
    'canonicalize (RDFC-1.0: proof options ‖ document)',
    'hash (SHA-256 × 2)',
    'signature (import key + Ed25519 verify)',
    'the rest (parse, did:key, checks, lazy import())',
    'verify()',
  ].map((label, i) => [`  ${label}`, ...columns.map((column) => ms(column[i] ?? NaN))]);
  table([['', 'warm', 'cold', 'cold, code loaded'], ...rows], [52, 10, 10, 20]);
  const { files, bytes } = /** @type {Preload} */ (cold.preload[0]);
  console.log(
    `  before its first Data Integrity badge, a page loads ${files} files (${Math.round(bytes / 1024)} KB: the Data ` +
      `Integrity chunk, the badge's contexts): ${ms(median(cold.preload.map((r) => r.ms)))}, of which ` +
      `${ms(median(cold.preload.map((r) => r.fetchMs)))} fetching them through the bench's interception`,
  );
  if (!stages) return;
  console.log(`\nCanonicalization by stage (both documents, one after the other; the core's libraries and options)`);
  /** @type {Partial<Record<keyof StageTimes, string>>} */
  const labels = {
    expand: 'jsonld.expand (context processing, safe mode)',
    toRdf: 'jsonld.toRDF of the expanded form (quads)',
    canonize: 'rdf-canonize (RDFC-1.0 → N-Quads)',
    hash: 'SHA-256',
  };
  table(
    [
      ['', 'warm', 'first use'],
      .../** @type {[keyof StageTimes, string][]} */ (Object.entries(labels)).map(([key, label]) => [
        `  ${label}`,
        ms(stages.warm[key]),
        ms(stages.first[key]),
      ]),
    ],
    [52, 10, 12],
  );
  console.log(`  (${stages.warm.quads} quads; first use = first call in a fresh page)`);
}

/**
 * @param {MainThread} mainThread
 * @param {number} count
 */
function printBlocking({ scenarios, profiles }, count) {
  console.log(`\nMain thread while ${count} badges verify (every task, from a Chromium trace; goal: none over 50 ms)`);
  /** @param {Traced} traced */
  const cells = ({ result, tasks }) => [
    ms(Math.max(0, ...tasks.map((task) => task.ms))),
    String(tasks.filter((task) => task.ms > 50).length),
    ms(result.ms),
  ];
  const head = ['longest task', 'over 50 ms', 'all done'];
  table(
    [
      ['', 'fresh page:', '', '', 'again, same page:', '', ''],
      [`  ${count} ×`, ...head, ...head],
      ...scenarios.map(({ label, first, again }) => [`  ${label}`, ...cells(first), ...cells(again)]),
    ],
    [32, 13, 11, 10, 18, 11, 10],
  );
  for (const { label, first } of scenarios) {
    const { verified, timedOut } = first.result;
    if (timedOut || (verified !== undefined && verified !== count)) {
      console.log(`  ! ${label}: ${verified}/${count} verified${timedOut ? ', gave up waiting' : ''}`);
    }
  }
  for (const profile of profiles) {
    console.log(`  The longest task of a fresh page of ${count} ${profile.label} (${ms(profile.ms)} when profiled):`);
    const code = profile.top.map(({ label, share }) => `${label} ${Math.round(share * 100)}%`);
    console.log(`    code (self time): ${code.join(', ')}`);
    console.log(`    trace events: ${profile.inside.map(({ name, ms: spent }) => `${name} ${ms(spent)}`).join(', ')}`);
  }
}

/** @param {Pages['offMachine']} offMachine */
function printOffMachine(offMachine) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const { phase, url } of offMachine) {
    const key = `${phase.split(' ')[0]}: ${url}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const ours = offMachine.filter(({ phase }) => phase.startsWith('ours')).length;
  console.log(`\nOff-machine requests: ${offMachine.length} tried, all refused (ours: ${ours})`);
  for (const [key, n] of counts) console.log(`  ${String(n).padStart(4)} × ${key}`);
}

/**
 * The goals of issue 5, each with this run's number.
 * @param {Comparison} comparison
 * @param {MainThread} mainThread
 * @param {Pages['offMachine']} offMachine
 */
function printGoals({ cold, warm }, { scenarios }, offMachine) {
  /** @param {(result: { ms: number, fetchMs: number }) => number} value */
  const warmRatio = (value) => median(warm.peer.map(value)) / median(warm.ours.map(value));
  const ratio = warmRatio((result) => result.ms);
  const computing = warmRatio((result) => result.ms - result.fetchMs);
  const coldOurs = median(cold.ours.map((result) => result.ms));
  const loaded = median(cold.afterPreload.map((result) => result.ms));
  /** @param {string} label */
  const longest = (label) => {
    const scenario = scenarios.find((candidate) => candidate.label.startsWith(label));
    return scenario && Math.max(...scenario.first.tasks.map((task) => task.ms));
  };
  const [badges, verifications] = [longest('<ob-badge>'), longest('verify(), all')];
  const ours = offMachine.filter(({ phase }) => phase.startsWith('ours')).length;
  /** @typedef {[goal: string, met: boolean, value: string]} GoalRow */
  /** @type {GoalRow[]} */
  const rows = [
    [
      'ours ≥ 4× faster warm',
      ratio >= 4,
      `${times(ratio)} (${times(computing)} not counting the peer's refused fetch)`,
    ],
    ['ours cold ≤ 60 ms', coldOurs <= 60, `${ms(coldOurs)} (${ms(loaded)} with its lazy code already loaded)`],
    ...(badges === undefined
      ? []
      : /** @type {GoalRow[]} */ ([
          ['longest task ≤ 50 ms', badges <= 50, `${ms(badges)}: ${scenarios[0]?.label}, fresh page`],
        ])),
    ...(verifications === undefined
      ? []
      : /** @type {GoalRow[]} */ ([
          ['  (verification alone)', verifications <= 50, `${ms(verifications)}: verify(), all at once, fresh page`],
        ])),
    ['no off-machine request', ours === 0, `ours ${ours}, the peer ${offMachine.length - ours}`],
  ];
  console.log('\nGoals (issue 5), this run:');
  for (const [goal, met, value] of rows)
    console.log(`  ${goal.padEnd(26)}${(met ? 'met' : 'MISSED').padEnd(8)}${value}`);
}

/**
 * The first Data Integrity badge on a fresh page (issue 13's cold row).
 * @param {Cold} cold
 * @param {number} runs
 */
function printColdFirstBadge(cold, runs) {
  const ours = median(cold.ours.map((result) => result.ms));
  const peer = median(cold.peer.map((result) => result.ms));
  const loaded = median(cold.afterPreload.map((result) => result.ms));
  const preload = median(cold.preload.map((result) => result.ms));
  console.log(`\nFirst Data Integrity badge on a fresh page (median of ${runs} pages per side)`);
  console.log(
    `  ours ${ms(ours)} (bundle already loaded; includes its lazy chunks), peer ${ms(peer)}, peer / ours ${times(peer / ours)}; ` +
      `ours with the lazy chunks loaded beforehand (${ms(preload)}): ${ms(loaded)}`,
  );
  console.log(`  goal (issue 13) first DI badge ≤ 60 ms: ${ours <= 60 ? 'met' : 'MISSED'} ${ms(ours)}`);
  recordGoal(
    'speed: first Data Integrity badge on a page, cold',
    `${ms(ours)} (verifier-core ${ms(peer)}, ${times(peer / ours)})`,
    '≤ 60 ms',
    ours <= 60,
  );
}

/**
 * @typedef {object} BrowserBenchOptions
 * @property {string} root the repository
 * @property {string} executablePath Chromium
 * @property {string} credentialFile the Data Integrity badge, from `root`
 * @property {string} expect what the corpus expects of it, for the reader
 * @property {string} now the corpus's clock
 * @property {number} iterations
 * @property {number} coldRuns
 * @property {number} badges on the main-thread page
 * @property {boolean} rdfcOnly only issue 13's two Data Integrity rows
 */

/** @param {BrowserBenchOptions} options */
export async function runBrowserBench(options) {
  const { root, executablePath, credentialFile, expect, now, iterations, coldRuns, badges, rdfcOnly } = options;
  const credential = readFileSync(join(root, credentialFile), 'utf8');
  const peerPackage = join(root, 'node_modules/@digitalcredentials/verifier-core/package.json');
  const peerVersion = JSON.parse(readFileSync(peerPackage, 'utf8')).version;
  const outdir = mkdtempSync(join(tmpdir(), 'ob-bench-'));
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    console.log(
      `\nIn Chromium ${browser.version()}: ours vs @digitalcredentials/verifier-core ${peerVersion}, offline\n` +
        `  ${credentialFile}\n  (expected: ${expect}; our clock pinned to ${now})`,
    );
    const built = await bundle(root, outdir);
    if (!built.ours || !built.peer) throw new Error('the comparison bundles did not build');
    const pages = createPages(browser, outdir);
    /** @type {BenchArgs} */
    const args = { browser, pages, built, credential, now, iterations, coldRuns, count: badges, outdir, root };
    /** @type {DistinctOptions} */
    const distinctOptions = { count: 40, warmUp: 10 };

    if (rdfcOnly) {
      // `--only rdfc`: the two Data Integrity rows of issue 13 and nothing else.
      printDistinct(await distinct(args, distinctOptions), distinctOptions);
      const cold = await runCold(args, sidesFor(credential, now));
      printColdFirstBadge(cold, coldRuns);
      return;
    }
    const comparison = await compare(args);
    printComparison(comparison, args);
    printWhereOurTimeGoes(comparison, built.stages ? await stageBreakdown(args) : undefined);
    const mainThread = await blocking(args);
    printBlocking(mainThread, badges);
    printOffMachine(pages.offMachine);
    printGoals(comparison, mainThread, pages.offMachine);
    printDistinct(await distinct(args, distinctOptions), distinctOptions);
    printColdFirstBadge(comparison.cold, coldRuns);
  } finally {
    await browser.close();
    rmSync(outdir, { recursive: true, force: true });
  }
}
