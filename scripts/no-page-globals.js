// Two CommonJS dependencies of the Data Integrity chunk define page globals when they load in a
// browser: rdf-canonize requires the `setimmediate` polyfill (`window.setImmediate`,
// `window.clearImmediate`) and jsonld sets `window.JsonLdProcessor`. An embeddable widget leaves no
// global behind, so every bundler this project uses (Vite for dist/cdn, esbuild for the tests and
// the bench) rewrites those two lines:
// - rdf-canonize gets a private `setImmediate`: a MessageChannel turn, as the polyfill's own browser
//   path takes, local to the module (it only yields between batches of a long canonicalization);
// - jsonld's `setupGlobals` does nothing (`jsonld.JsonLdProcessor` is still there for who wants it).
// A rewrite whose line is no longer in the file fails the build, rather than silently not applying.
import { guardedRewrites } from './guarded-rewrites.js';

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

const rewrites = guardedRewrites('no-page-globals', FILES, REWRITES);

/** `code` of `id` with its global-defining line rewritten; unchanged for any other file. */
export const withoutPageGlobals = rewrites.rewrite;
export const viteNoPageGlobals = rewrites.vite;
export const esbuildNoPageGlobals = rewrites.esbuild;
