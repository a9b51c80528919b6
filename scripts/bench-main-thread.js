// For the browser bench (scripts/bench-browser.js): what blocks a page's main thread.
// - A Chromium trace lists every task the renderer's main thread ran, however short (the Long Tasks
//   API only reports tasks over 50 ms, and none started from DevTools, as the bench's calls are).
// - A V8 sampling profile, taken at the same time, says which code ran in the longest task: trace
//   events and profile samples share one clock (microseconds).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SAMPLING_INTERVAL_US = 200;

/**
 * Runs `run()` while Chromium traces the page; resolves with its result and the main thread's tasks.
 * With `detail`, each task also lists the trace events inside it (Layout, v8.compile, FunctionCall…).
 */
export async function withTasks(browser, page, run, { detail = false } = {}) {
  const categories = ['toplevel', '__metadata', ...(detail ? ['devtools.timeline', 'v8'] : [])];
  await browser.startTracing(page, { categories });
  let result;
  let trace;
  try {
    result = await run();
  } finally {
    trace = JSON.parse((await browser.stopTracing()).toString());
  }
  const events = trace.traceEvents ?? trace;
  const mainThreads = new Set(
    events
      .filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const onMain = events.filter((event) => event.ph === 'X' && mainThreads.has(`${event.pid}:${event.tid}`));
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

/** Runs `run()` while V8 samples the page's main thread; resolves with its result and the profile. */
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
 */
function moduleIndex(outdir) {
  const files = new Map();
  return (url, line) => {
    const file = new URL(url).pathname.slice(1);
    if (!files.has(file)) {
      const starts = [];
      readFileSync(join(outdir, file), 'utf8')
        .split('\n')
        .forEach((text, index) => {
          const match = /^\/\/ ((?:node_modules|src|bench)\/\S+)$/.exec(text);
          if (match) starts.push([index, match[1]]);
        });
      files.set(file, starts);
    }
    return files.get(file).findLast(([start]) => start <= line)?.[1] ?? `${file}, top level (module evaluation)`;
  };
}

/** `node_modules/jsonld/lib/context.js` → `jsonld (context.js)`; our own files keep their path. */
function labelOf(module) {
  const match = /^node_modules\/((?:@[^/]+\/)?[^/]+)\/(?:lib\/|dist\/)?(.*)$/.exec(module);
  if (!match) return module.replace(/^src\/core\/jsonld\/contexts\/.*/, 'src/core/jsonld/contexts/*');
  return `${match[1]} (${match[2]})`;
}

/**
 * Self time between `from` and `to` (trace microseconds) by source module, largest first; a built-in
 * such as JSON.parse counts for the module that called it.
 */
export function selfTimeBetween(profile, outdir, from, to, limit = 8) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const moduleAt = moduleIndex(outdir);
  const labelFor = (id) => {
    let node = nodes.get(id);
    if (/^\(.+\)$/.test(node.callFrame.functionName)) return node.callFrame.functionName; // (program), (garbage collector)
    while (node && !node.callFrame.url.startsWith('http')) node = nodes.get(parents.get(node.id));
    return node ? labelOf(moduleAt(node.callFrame.url, node.callFrame.lineNumber)) : '(browser)';
  };
  const selfTime = new Map();
  let time = profile.startTime;
  profile.samples.forEach((id, i) => {
    time += profile.timeDeltas[i];
    const interval = profile.timeDeltas[i + 1] ?? 0;
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
