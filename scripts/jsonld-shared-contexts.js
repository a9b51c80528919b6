// jsonld (v9) copies the whole active context, deeply, far more often than its results need:
// - `clone()` deep-copies every term definition (and the previous context, again deeply), though a
//   term definition is never changed once made: defining a term puts a new object in the map;
// - `revertToPreviousContext()` returns such a copy of the context a type-scoped context replaced,
//   for every node object below a typed node (an Open Badge's `Achievement`, `Profile`, …);
// - applying a type-scoped context first makes a fresh copy carrying `previousContext`, then asks the
//   processed-context cache for that fresh copy, which it can never have seen: the cache never hits,
//   and each typed node processes its scoped context (and validates the ones nested in it) anew.
// jsonld already treats an active context as immutable once made: it keeps processed contexts in its
// caches and hands the same object to every caller, and `previousContext` is the caller's context
// itself, not a copy. So these rewrites only stop copying what is never written to: `clone()` copies
// the term map and the protected set one level deep (the only things context processing writes, and
// only on a new clone), the previous context is shared, and the copy carrying `previousContext` is
// made once per active context (a WeakMap), so the processed-context cache can hit. The N-Quads are
// the same (test/jsonld-shared-contexts.test.ts compares them with plain jsonld on every Data
// Integrity document in test/), and so are the safe-mode refusals, which the cache replays.
// Every bundler this project uses for the browser (Vite for dist/cdn, esbuild for the tests and the
// bench) applies them; Node (the CLI) runs plain jsonld. A rewrite whose text is no longer in the
// file fails the build, rather than silently not applying.
import { guardedRewrites } from './guarded-rewrites.js';

const FILE = /jsonld[\\/]lib[\\/]context\.js$/;
const REWRITES = [
  {
    find: 'const INITIAL_CONTEXT_CACHE = new Map();\n',
    replace:
      'const INITIAL_CONTEXT_CACHE = new Map();\n' +
      '// openbadge-embed: the copy of an active context carrying it as `previousContext`, made once.\n' +
      'const NON_PROPAGATING = new WeakMap();\n',
  },
  {
    find: `  if(!propagate && !rval.previousContext) {
    // clone \`rval\` context before updating
    rval = rval.clone();
    rval.previousContext = activeCtx;
  }`,
    replace: `  if(!propagate && !rval.previousContext) {
    rval = NON_PROPAGATING.get(activeCtx);
    if(!rval) {
      rval = activeCtx.clone();
      rval.previousContext = activeCtx;
      NON_PROPAGATING.set(activeCtx, rval);
    }
  }`,
  },
  {
    find: `    child.mappings = util.clone(this.mappings);`,
    replace: `    child.mappings = new Map(this.mappings);`,
  },
  {
    find: `    child.protected = util.clone(this.protected);
    if(this.previousContext) {
      child.previousContext = this.previousContext.clone();
    }`,
    replace: `    child.protected = {...this.protected};
    if(this.previousContext) {
      child.previousContext = this.previousContext;
    }`,
  },
  {
    find: `    return this.previousContext.clone();`,
    replace: `    return this.previousContext;`,
  },
];

const rewrites = guardedRewrites('jsonld-shared-contexts', FILE, REWRITES);

/** `code` of jsonld's lib/context.js with the rewrites above; any other file unchanged. */
export const withSharedContexts = rewrites.rewrite;
export const viteJsonldSharedContexts = rewrites.vite;
export const esbuildJsonldSharedContexts = rewrites.esbuild;
