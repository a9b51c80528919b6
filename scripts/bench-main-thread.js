// For the browser bench (scripts/bench-browser.js): what blocks a page's main thread.
// - A Chromium trace lists every task the renderer's main thread ran, however short (the Long Tasks
//   API only reports tasks over 50 ms, and none started from DevTools, as the bench's calls are).
// - A V8 sampling profile, taken at the same time, says which code ran in the longest task: trace
//   events and profile samples share one clock (microseconds).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SAMPLING_INTERVAL_US = 200;

/** @typedef {import('playwright-core').Browser} Browser */
/** @typedef {import('playwright-core').Page} Page */
/**
 * A V8 CPU profile (CDP `Profiler.stop`), as far as this file reads it: times in microseconds.
 * @typedef {object} Profile
 * @property {{ id: number, children?: number[], callFrame: { functionName: string, url: string, lineNumber: number } }[]} nodes
 * @property {number} startTime
 * @property {number[]} [samples] the node sampled, one per sample
 * @property {number[]} [timeDeltas] the time since the previous sample
 */
/**
 * One trace event, as far as this file reads it (`ts` and `dur` in microseconds).
 * @typedef {object} TraceEvent
 * @property {string} name
 * @property {string} ph phase: `X` a complete event, `M` metadata
 * @property {number} pid
 * @property {number} tid
 * @property {number} ts
 * @property {number} dur
 * @property {{ name?: string }} args
 */
/**
 * One task of the renderer's main thread (`start`, `end`: trace microseconds).
 * @typedef {object} Task
 * @property {number} start
 * @property {number} end
 * @property {number} ms
 * @property {{ name: string, ms: number }[]} [inside] with `detail`: the trace events inside it
 */
/**
 * A source module's share of the self time in a span of a profile.
 * @typedef {{ label: string, ms: number, share: number }} SelfTime
 */

/**
 * How a bench page's entry (`bench/<entry>.js`) is bundled: minified as shipped except for line
 * breaks, which keep esbuild's `// module path` comments, so a profile can name the source module
 * (`selfTimeBetween`). With `splitting`, its lazy imports are chunks of their own, as users get them.
 * @param {string} root the repository
 * @param {string} outdir
 * @param {string} entry
 * @param {boolean} splitting
 * @returns {import('esbuild').BuildOptions}
 */
export function pageBundleOptions(root, outdir, entry, splitting) {
  return {
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
  };
}

/**
 * Runs `run()` while Chromium traces the page; resolves with its result and the main thread's tasks.
 * With `detail`, each task also lists the trace events inside it (Layout, v8.compile, FunctionCall…).
 * @template T
 * @param {Browser} browser
 * @param {Page} page
 * @param {() => Promise<T>} run
 * @param {{ detail?: boolean }} [options]
 * @returns {Promise<{ result: T, tasks: Task[] }>}
 */
export async function withTasks(browser, page, run, { detail = false } = {}) {
  const categories = ['toplevel', '__metadata', ...(detail ? ['devtools.timeline', 'v8'] : [])];
  await browser.startTracing(page, { categories });
  /** @type {T} */
  let result;
  /** @type {TraceEvent[] | { traceEvents: TraceEvent[] }} */
  let trace;
  try {
    result = await run();
  } finally {
    trace = JSON.parse((await browser.stopTracing()).toString());
  }
  /** @type {TraceEvent[]} */
  const events = 'traceEvents' in trace ? trace.traceEvents : trace;
  const mainThreads = new Set(
    events
      .filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const onMain = events.filter((event) => event.ph === 'X' && mainThreads.has(`${event.pid}:${event.tid}`));
  /** @type {Task[]} */
  const tasks = onMain
    .filter((event) => event.name === 'ThreadControllerImpl::RunTask')
    .map((event) => ({ start: event.ts, end: event.ts + event.dur, ms: event.dur / 1000 }));
  if (detail) {
    for (const task of tasks) {
      task.inside = onMain
        .filter((event) => event.name !== 'ThreadControllerImpl::RunTask')
        .filter((event) => event.ts >= task.start && event.ts + event.dur <= task.end)
        .map((event) => ({ name: event.name, ms: event.dur / 1000 }));
    }
  }
  return { result, tasks };
}

/**
 * Runs `run()` while V8 samples the page's main thread; resolves with its result and the profile.
 * @template T
 * @param {Page} page
 * @param {() => Promise<T>} run
 * @returns {Promise<{ result: T, profile: Profile }>}
 */
export async function withProfile(page, run) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  await cdp.send('Profiler.start');
  try {
    const result = await run();
    const { profile } = await cdp.send('Profiler.stop');
    return { result, profile };
  } finally {
    await cdp.detach();
  }
}

/**
 * For each bundle file, which source module each line belongs to: esbuild starts every module with a
 * `// node_modules/…` or `// src/…` comment when whitespace is not minified.
 * @param {string} outdir
 * @returns {(url: string, line: number) => string}
 */
function moduleIndex(outdir) {
  /** @type {Map<string, [number, string][]>} */
  const files = new Map();
  return (url, line) => {
    const file = new URL(url).pathname.slice(1);
    if (!files.has(file)) {
      /** @type {[number, string][]} */
      const starts = [];
      readFileSync(join(outdir, file), 'utf8')
        .split('\n')
        .forEach((text, index) => {
          const match = /^\/\/ ((?:node_modules|src|bench)\/\S+)$/.exec(text);
          if (match?.[1]) starts.push([index, match[1]]);
        });
      files.set(file, starts);
    }
    return files.get(file)?.findLast(([start]) => start <= line)?.[1] ?? `${file}, top level (module evaluation)`;
  };
}

/**
 * `node_modules/jsonld/lib/context.js` → `jsonld (context.js)`; our own files keep their path.
 * @param {string} module
 */
function labelOf(module) {
  const match = /^node_modules\/((?:@[^/]+\/)?[^/]+)\/(?:lib\/|dist\/)?(.*)$/.exec(module);
  if (!match) return module.replace(/^src\/core\/jsonld\/contexts\/.*/, 'src/core/jsonld/contexts/*');
  return `${match[1]} (${match[2]})`;
}

/**
 * Self time between `from` and `to` (trace microseconds) by source module, largest first; a built-in
 * such as JSON.parse counts for the module that called it.
 * @param {Profile} profile
 * @param {string} outdir
 * @param {number} from
 * @param {number} to
 * @param {number} [limit]
 * @returns {SelfTime[]}
 */
export function selfTimeBetween(profile, outdir, from, to, limit = 8) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  /** @type {Map<number, number>} */
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const moduleAt = moduleIndex(outdir);
  /** @param {number} id */
  const labelFor = (id) => {
    let node = nodes.get(id);
    if (node && /^\(.+\)$/.test(node.callFrame.functionName)) return node.callFrame.functionName; // (program), (garbage collector)
    while (node && !node.callFrame.url.startsWith('http')) {
      const parent = parents.get(node.id);
      node = parent === undefined ? undefined : nodes.get(parent);
    }
    return node ? labelOf(moduleAt(node.callFrame.url, node.callFrame.lineNumber)) : '(browser)';
  };
  /** @type {Map<string, number>} */
  const selfTime = new Map();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let time = profile.startTime;
  samples.forEach((id, i) => {
    time += deltas[i] ?? 0;
    const interval = deltas[i + 1] ?? 0;
    if (time < from || time > to) return;
    const label = labelFor(id);
    selfTime.set(label, (selfTime.get(label) ?? 0) + interval / 1000);
  });
  const total = [...selfTime.values()].reduce((a, b) => a + b, 0) || 1;
  return [...selfTime.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([label, ms]) => ({ label, ms, share: ms / total }));
}
