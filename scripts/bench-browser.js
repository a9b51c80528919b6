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
import { selfTimeBetween, withProfile, withTasks } from './bench-main-thread.js';

const ORIGIN = 'http://localhost:4173'; // never connected to; localhost makes it a secure context (WebCrypto)
const CHROMIUM_ARGS = [
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

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value, width = 0) => `${value.toFixed(value < 10 ? 2 : 1)} ms`.padStart(width);
const times = (value, width = 0) => `${value.toFixed(1)}×`.padStart(width);
const table = (rows, widths) =>
  rows.forEach((cells) =>
    console.log(cells.map((cell, i) => (i ? cell.padStart(widths[i]) : cell.padEnd(widths[0]))).join('')),
  );

/**
 * Bundles each page entry on its own (no chunk shared between them): ours with code splitting as
 * users get it, the peer, the stage probe, the <ob-badge> page. Minified as shipped except for line
 * breaks, which keep esbuild's `// module path` comments, so a profile can name the source module.
 */
async function bundle(root, outdir) {
  const built = {};
  for (const [entry, splitting] of Object.entries({ ours: true, peer: false, stages: true, badges: true })) {
    try {
      await build({
        absWorkingDir: root,
        entryPoints: [`bench/${entry}.js`],
        outdir,
        bundle: true,
        splitting,
        chunkNames: `${entry}-[name]-[hash]`,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        minifyIdentifiers: true,
        minifySyntax: true,
        define: { 'process.env.NODE_ENV': '"production"' },
        logLevel: 'silent',
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
      console.log(`  (bench/${entry}.js did not build: ${error.errors?.[0]?.text ?? error.message})`);
    }
  }
  return built;
}

/** Opens pages in fresh browser contexts (no cache, no state), served locally; anything else is refused. */
function createPages(browser, outdir) {
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

/** Imports a bundle into the page; resolves with how long that took (download, parse, evaluation). */
function load(page, path) {
  return page.evaluate(async (url) => {
    const start = performance.now();
    await import(url);
    return performance.now() - start;
  }, path);
}

/** Cold: each side alone in fresh pages; ours once more with its lazy chunks loaded first. */
async function runCold({ pages, built, credential, coldRuns }, sides) {
  const cold = { ours: [], peer: [], preload: [], afterPreload: [] };
  for (let run = 0; run < coldRuns; run++) {
    // Alternate which side goes first, so neither always gets the quieter machine.
    for (const side of run % 2 ? ['peer', 'ours'] : ['ours', 'peer']) {
      pages.setPhase(`${side} cold`);
      const { page, close } = await pages.open();
      const loadMs = await load(page, built[side]);
      cold[side].push({ loadMs, ...(await sides[side](page)) });
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

const sidesFor = (credential, now) => ({
  ours: (page) => page.evaluate(([text, at]) => globalThis.benchOurs.verify(text, at), [credential, now]),
  peer: (page) => page.evaluate((text) => globalThis.benchPeer.verify(text), credential),
});

/** Head to head: cold (fresh pages, each side alone) and warm (one page, interleaved). */
async function compare(args) {
  const { pages, built, credential, now, iterations } = args;
  const sides = sidesFor(credential, now);
  const cold = await runCold(args, sides);

  const { page, close } = await pages.open();
  await load(page, built.ours);
  await load(page, built.peer);
  const warm = { ours: [], peer: [] };
  for (let i = -10; i < iterations; i++) {
    for (const side of ['ours', 'peer']) {
      pages.setPhase(`${side} warm`);
      const result = await sides[side](page);
      if (i >= 0) warm[side].push(result); // the first 10 rounds warm up
    }
  }
  await close();
  return { cold, warm };
}

/**
 * Distinct badges, warm code: one page with both verifiers loaded, warmed up on badges of their own
 * (the conformance badge and `warmUp` distinct ones), then every measured badge verified once by
 * each side, interleaved, alternating which goes first. No badge is verified twice by a side.
 */
async function distinct({ pages, built, now, root }, { count, warmUp }) {
  const texts = await distinctBadges(root, count + warmUp);
  const { page, close } = await pages.open();
  await load(page, built.ours);
  await load(page, built.peer);
  const verifyOne = {
    ours: (text) => page.evaluate(([t, at]) => globalThis.benchOurs.verify(t, at), [text, now]),
    peer: (text) => page.evaluate((t) => globalThis.benchPeer.verify(t), text),
  };
  pages.setPhase('distinct warm-up');
  for (const text of texts.slice(count)) for (const side of ['ours', 'peer']) await verifyOne[side](text);
  const results = { ours: [], peer: [] };
  for (const [i, text] of texts.slice(0, count).entries()) {
    for (const side of i % 2 ? ['peer', 'ours'] : ['ours', 'peer']) {
      pages.setPhase(`${side} distinct`);
      results[side].push(await verifyOne[side](text));
    }
  }
  await close();
  return results;
}

function printDistinct(results, { count, warmUp }) {
  const { ours, peer } = results;
  const med = (side, value) => median(side.map(value));
  const total = (result) => result.ms;
  const computing = (result) => result.ms - result.fetchMs;
  const ratio = med(peer, total) / med(ours, total);
  const ratioComputing = med(peer, computing) / med(ours, computing);
  const pairs = median(ours.map((result, i) => peer[i].ms / result.ms));
  console.log(
    `\nDistinct badges (${count} eddsa-rdfc-2022 OB 3.0 credentials made at run time with the TEST-ONLY did:key; ` +
      `each verified once per side, interleaved, warm code after ${warmUp} other badges)`,
  );
  table(
    [
      ['', 'median', 'p90', 'less fetch() waits'],
      ...['ours', 'peer'].map((side) => {
        const sorted = results[side].map(total).sort((a, b) => a - b);
        return [
          side,
          ms(med(results[side], total)),
          ms(sorted[Math.floor(sorted.length * 0.9)]),
          ms(med(results[side], computing)),
        ];
      }),
      ['peer / ours', times(ratio), '', times(ratioComputing)],
    ],
    [16, 12, 12, 22],
  );
  const split = ['canonicalize', 'hash', 'signature'].map((key) => med(ours, (r) => r.timings?.[key] ?? 0));
  console.log(
    `  median of the per-badge ratios: ${times(pairs)}; ours: canonicalize ${ms(split[0])}, hash ${ms(split[1])}, ` +
      `signature ${ms(split[2])}`,
  );
  const oursVerified = ours.filter((result) => result.verified).length;
  const peerVerified = peer.filter((result) => result.verified).length;
  console.log(`  verified: ours ${oursVerified}/${count}, peer (signature valid) ${peerVerified}/${count}`);
  if (oursVerified < count) console.log(`  ! ours: ${ours.find((result) => !result.verified).failed.join(', ')}`);
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

/** The main thread's tasks while `count` badges verify, on a fresh page and again on the same page. */
async function blocking({ browser, pages, built, credential, now, count, outdir }) {
  const scenarios = [];
  const ourBadges = ([text, at, n]) => globalThis.benchBadges.showBadges(text, at, n);
  const ourVerify = ([text, at, n, mode]) => globalThis.benchOurs.verifyMany(text, at, n, mode);
  const oneStage = ([text, , n, [stage, mode]]) => globalThis.benchStages.blocking(text, stage, n, mode);
  const run = async (label, path, call, extra) => {
    if (!path) return;
    pages.setPhase(`ours ${label}`);
    const { page, close } = await pages.open();
    await load(page, path);
    const traced = () => withTasks(browser, page, () => page.evaluate(call, [credential, now, count, extra]));
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
  const profiles = [];
  const profiled = [
    ['<ob-badge>', built.badges, ourBadges],
    ['verify()', built.ours, ourVerify],
  ];
  for (const [label, path, call] of profiled.filter(([, path]) => path)) {
    pages.setPhase(`ours profile ${label}`);
    const { page, close } = await pages.open();
    await load(page, path);
    const evaluate = () => page.evaluate(call, [credential, now, count, 'together']);
    const { result, profile } = await withProfile(page, () => withTasks(browser, page, evaluate, { detail: true }));
    await close();
    const longest = result.tasks.reduce((a, b) => (b.ms > a.ms ? b : a));
    const top = selfTimeBetween(profile, outdir, longest.start, longest.end);
    // The largest trace events inside it (they nest, so their times overlap).
    const inside = longest.inside.sort((a, b) => b.ms - a.ms).slice(0, 5);
    profiles.push({ label, ms: longest.ms, top, inside });
  }
  return { scenarios, profiles };
}

/** Stage by stage, in a fresh page: expansion, quads, RDFC-1.0, hash; first use and warm. */
async function stageBreakdown({ pages, built, credential, iterations }) {
  pages.setPhase('ours stages');
  const { page, close } = await pages.open();
  await load(page, built.stages);
  const result = await page.evaluate(
    ([text, n]) => globalThis.benchStages.breakdown(text, n),
    [credential, iterations],
  );
  await close();
  return result;
}

function printComparison({ cold, warm }, { iterations, coldRuns }) {
  const summary = (side) => ({
    load: median(cold[side].map((result) => result.loadMs)),
    cold: median(cold[side].map((result) => result.ms)),
    warm: median(warm[side].map((result) => result.ms)),
    warmComputing: median(warm[side].map((result) => result.ms - result.fetchMs)),
  });
  const ours = summary('ours');
  const peer = summary('peer');
  const last = { ours: warm.ours.at(-1), peer: warm.peer.at(-1) };
  console.log(
    `\nHead to head (cold: median of ${coldRuns} fresh pages per side; warm: median of ${iterations}, interleaved in one page)`,
  );
  table(
    [
      ['', 'bundle load', 'cold verify', 'warm verify', 'warm, less fetch() waits'],
      ['ours', ms(ours.load), ms(ours.cold), ms(ours.warm), ms(ours.warmComputing)],
      ['peer', ms(peer.load), ms(peer.cold), ms(peer.warm), ms(peer.warmComputing)],
      ['peer / ours', ...['load', 'cold', 'warm', 'warmComputing'].map((key) => times(peer[key] / ours[key]))],
    ],
    [16, 14, 14, 14, 26],
  );
  const pairs = warm.ours.map((result, i) => warm.peer[i].ms / result.ms);
  console.log(`  median of the per-pair warm ratios: ${times(median(pairs))}`);
  console.log(`  ours: ${last.ours.verdict}${last.ours.failed.length ? ` (${last.ours.failed.join(', ')})` : ''}`);
  console.log(`  peer: ${last.peer.errors.length ? last.peer.errors.join('; ') : last.peer.log.join(', ')}`);
  console.log(
    `  peer: ${median(warm.peer.map((r) => r.fetches))} fetch() per verification (its guessed JSON schema; refused here), ` +
      `${ms(median(warm.peer.map((r) => r.fetchMs)))} of its warm time waiting for the refusal; ours: ` +
      `${median(warm.ours.map((r) => r.fetches))} fetch()`,
  );
}

function printWhereOurTimeGoes({ cold, warm }, stages) {
  const split = (results) => {
    const total = median(results.map((result) => result.ms));
    const parts = ['canonicalize', 'hash', 'signature'].map((key) =>
      median(results.map((result) => result.timings?.[key] ?? 0)),
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
  ].map((label, i) => [`  ${label}`, ...columns.map((column) => ms(column[i]))]);
  table([['', 'warm', 'cold', 'cold, code loaded'], ...rows], [52, 10, 10, 20]);
  const { files, bytes } = cold.preload[0];
  console.log(
    `  before its first Data Integrity badge, a page loads ${files} files (${Math.round(bytes / 1024)} KB: the Data ` +
      `Integrity chunk, the badge's contexts): ${ms(median(cold.preload.map((r) => r.ms)))}, of which ` +
      `${ms(median(cold.preload.map((r) => r.fetchMs)))} fetching them through the bench's interception`,
  );
  if (!stages) return;
  console.log(`\nCanonicalization by stage (both documents, one after the other; the core's libraries and options)`);
  const labels = {
    expand: 'jsonld.expand (context processing, safe mode)',
    toRdf: 'jsonld.toRDF of the expanded form (quads)',
    canonize: 'rdf-canonize (RDFC-1.0 → N-Quads)',
    hash: 'SHA-256',
  };
  table(
    [
      ['', 'warm', 'first use'],
      ...Object.entries(labels).map(([key, label]) => [`  ${label}`, ms(stages.warm[key]), ms(stages.first[key])]),
    ],
    [52, 10, 12],
  );
  console.log(`  (${stages.warm.quads} quads; first use = first call in a fresh page)`);
}

function printBlocking({ scenarios, profiles }, count) {
  console.log(`\nMain thread while ${count} badges verify (every task, from a Chromium trace; goal: none over 50 ms)`);
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

function printOffMachine(offMachine) {
  const counts = new Map();
  for (const { phase, url } of offMachine) {
    const key = `${phase.split(' ')[0]}: ${url}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const ours = offMachine.filter(({ phase }) => phase.startsWith('ours')).length;
  console.log(`\nOff-machine requests: ${offMachine.length} tried, all refused (ours: ${ours})`);
  for (const [key, n] of counts) console.log(`  ${String(n).padStart(4)} × ${key}`);
}

/** The goals of issue 5, each with this run's number. */
function printGoals({ cold, warm }, { scenarios }, offMachine) {
  const warmRatio = (value) => median(warm.peer.map(value)) / median(warm.ours.map(value));
  const ratio = warmRatio((result) => result.ms);
  const computing = warmRatio((result) => result.ms - result.fetchMs);
  const coldOurs = median(cold.ours.map((result) => result.ms));
  const loaded = median(cold.afterPreload.map((result) => result.ms));
  const longest = (label) => {
    const scenario = scenarios.find((candidate) => candidate.label.startsWith(label));
    return scenario && Math.max(...scenario.first.tasks.map((task) => task.ms));
  };
  const [badges, verifications] = [longest('<ob-badge>'), longest('verify(), all')];
  const ours = offMachine.filter(({ phase }) => phase.startsWith('ours')).length;
  const rows = [
    [
      'ours ≥ 4× faster warm',
      ratio >= 4,
      `${times(ratio)} (${times(computing)} not counting the peer's refused fetch)`,
    ],
    ['ours cold ≤ 60 ms', coldOurs <= 60, `${ms(coldOurs)} (${ms(loaded)} with its lazy code already loaded)`],
    ...(badges === undefined
      ? []
      : [['longest task ≤ 50 ms', badges <= 50, `${ms(badges)}: ${scenarios[0].label}, fresh page`]]),
    ...(verifications === undefined
      ? []
      : [['  (verification alone)', verifications <= 50, `${ms(verifications)}: verify(), all at once, fresh page`]]),
    ['no off-machine request', ours === 0, `ours ${ours}, the peer ${offMachine.length - ours}`],
  ];
  console.log('\nGoals (issue 5), this run:');
  for (const [goal, met, value] of rows)
    console.log(`  ${goal.padEnd(26)}${(met ? 'met' : 'MISSED').padEnd(8)}${value}`);
}

/** The first Data Integrity badge on a fresh page (issue 13's cold row). */
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
    const args = { browser, pages, built, credential, now, iterations, coldRuns, count: badges, outdir, root };
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
    printWhereOurTimeGoes(comparison, built.stages && (await stageBreakdown(args)));
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
