#!/usr/bin/env node
// @ts-check
// Import circles in src/: modules that import each other, directly or round a longer loop, so
// neither can be read, tested or loaded without the other. Every import counts (static,
// `import type`, `export … from`, `import()`): a type-only circle still ties two files together
// for whoever changes them. Prints each circle with one loop through it; exits 1 on a circle not
// in KNOWN_CIRCLES, and on an entry of KNOWN_CIRCLES that no longer occurs (remove it).
//
//   node scripts/check-cycles.js
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * Circles we live with, each as the set of files (relative to src/) it joins, and why. A circle
 * is broken by moving what both sides need into the module both already import (issue 14).
 * @type {readonly { files: readonly string[], why: string }[]}
 */
const KNOWN_CIRCLES = [];

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');

/** @param {string} dir @returns {string[]} */
function typeScriptFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * The src/ file a relative specifier names (`./x.js` is `./x.ts` on disk), or undefined for a
 * package, a file outside src/ or one that is not TypeScript.
 * @param {string} from @param {string} specifier @param {ReadonlySet<string>} known
 */
function resolveImport(from, specifier, known) {
  if (!specifier.startsWith('.')) return undefined;
  const target = resolve(dirname(from), specifier);
  for (const candidate of [target.replace(/\.js$/, '.ts'), target, `${target}.ts`, join(target, 'index.ts')]) {
    if (known.has(candidate)) return candidate;
  }
  return undefined;
}

/** @param {readonly string[]} files @returns {Map<string, string[]>} */
function importGraph(files) {
  const known = new Set(files);
  const graph = new Map();
  for (const file of files) {
    // preProcessFile reads import/export declarations and import() calls, never comments or strings.
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map(({ fileName }) => resolveImport(file, fileName, known))
      .filter((target) => target !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/**
 * Strongly connected components with more than one file, or a file importing itself (Tarjan).
 * @param {Map<string, string[]>} graph @returns {string[][]}
 */
function circlesOf(graph) {
  /** @type {Map<string, number>} */ const index = new Map();
  /** @type {Map<string, number>} */ const low = new Map();
  /** @type {string[]} */ const stack = [];
  const onStack = new Set();
  /** @type {string[][]} */ const circles = [];
  let next = 0;
  /** @param {string} node */
  const visit = (node) => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    /** @type {string[]} */ const component = [];
    let member;
    do {
      member = /** @type {string} */ (stack.pop());
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) circles.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return circles;
}

/**
 * One shortest loop through a circle, from its first file back to it (breadth-first inside it).
 * @param {Map<string, string[]>} graph @param {readonly string[]} circle @returns {string[]}
 */
function loopThrough(graph, circle) {
  const members = new Set(circle);
  const start = circle[0] ?? '';
  /** @type {Map<string, string>} */ const cameFrom = new Map();
  const queue = [start];
  while (queue.length > 0) {
    const node = /** @type {string} */ (queue.shift());
    for (const target of graph.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const loop = [start];
        for (let at = node; at !== start; at = cameFrom.get(at) ?? start) loop.splice(1, 0, at);
        return [...loop, start];
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start];
}

const graph = importGraph(typeScriptFiles(SRC));
const circles = circlesOf(graph).map((circle) => circle.map((file) => relative(SRC, file)));
/** @param {readonly string[]} files */
const keyOf = (files) => [...files].sort().join(' ');
const allowed = new Map(KNOWN_CIRCLES.map((entry) => [keyOf(entry.files), entry]));
const found = new Set(circles.map(keyOf));

let failed = 0;
for (const circle of circles) {
  const known = allowed.get(keyOf(circle));
  const loop = loopThrough(
    graph,
    circle.map((file) => join(SRC, file)),
  ).map((file) => relative(SRC, file));
  console.log(`${known ? 'known circle' : 'CIRCLE'} (${circle.length} files): ${loop.join(' → ')}`);
  if (circle.length > loop.length - 1) console.log(`  all of it: ${circle.join(', ')}`);
  if (known) console.log(`  why: ${known.why}`);
  else failed += 1;
}
for (const entry of KNOWN_CIRCLES) {
  if (found.has(keyOf(entry.files))) continue;
  console.log(`STALE entry of KNOWN_CIRCLES (this circle no longer occurs; remove it): ${entry.files.join(', ')}`);
  failed += 1;
}
console.log(
  `cycles: ${graph.size} files, ${circles.length} circle${circles.length === 1 ? '' : 's'} (${KNOWN_CIRCLES.length} known), ${failed} problem${failed === 1 ? '' : 's'}`,
);
process.exitCode = failed > 0 ? 1 : 0;
