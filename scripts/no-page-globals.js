// Two CommonJS dependencies of the Data Integrity chunk define page globals when they load in a
// browser: rdf-canonize requires the `setimmediate` polyfill (`window.setImmediate`,
// `window.clearImmediate`) and jsonld sets `window.JsonLdProcessor`. An embeddable widget leaves no
// global behind, so every bundler this project uses (Vite for dist/cdn, esbuild for the tests and
// the bench) rewrites those two lines:
// - rdf-canonize gets a private `setImmediate`: a MessageChannel turn, as the polyfill's own browser
//   path takes, local to the module (it only yields between batches of a long canonicalization);
// - jsonld's `setupGlobals` does nothing (`jsonld.JsonLdProcessor` is still there for who wants it).
// A rewrite whose line is no longer in the file fails the build, rather than silently not applying.
const REWRITES = [
  {
    file: /rdf-canonize[\\/]lib[\\/]platform-browser\.js$/,
    find: "require('setimmediate');\n\nexports.setImmediate = setImmediate;",
    replace: `exports.setImmediate = function setImmediate(callback) {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback();
  };
  channel.port2.postMessage(null);
};`,
  },
  {
    file: /jsonld[\\/]lib[\\/]platform-browser\.js$/,
    find: "  if(typeof globalThis.JsonLdProcessor === 'undefined') {",
    replace: '  if(false) {',
  },
];
const FILES = /(?:rdf-canonize|jsonld)[\\/]lib[\\/]platform-browser\.js$/;

/** `code` of `id` with its global-defining line rewritten; unchanged for any other file. */
export function withoutPageGlobals(code, id) {
  const rewrite = REWRITES.find(({ file }) => file.test(id));
  if (!rewrite) return code;
  if (!code.includes(rewrite.find)) throw new Error(`${id}: the line scripts/no-page-globals.js rewrites moved`);
  return code.replace(rewrite.find, rewrite.replace);
}

/** For Vite (Rollup) builds. */
export function viteNoPageGlobals() {
  return {
    name: 'openbadge-embed:no-page-globals',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0] ?? '';
      return FILES.test(file) ? { code: withoutPageGlobals(code, file), map: null } : null;
    },
  };
}

/** For esbuild builds (the test runner's CommonJS bundles, the bench). */
export function esbuildNoPageGlobals() {
  return {
    name: 'no-page-globals',
    setup(build) {
      build.onLoad({ filter: FILES }, async ({ path }) => {
        const { readFile } = await import('node:fs/promises');
        return { contents: withoutPageGlobals(await readFile(path, 'utf8'), path), loader: 'js' };
      });
    },
  };
}
