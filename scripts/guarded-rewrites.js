// Bundle-time rewrites of a dependency's source text, applied the same way by every bundler this
// project uses (Vite for dist/cdn, esbuild for the tests and the bench). Each rewrite names the
// exact text it replaces; if that text is missing or no longer unique, the build fails rather than
// silently running the dependency unrewritten (scripts/no-page-globals.js, ADR 0013's
// scripts/jsonld-shared-contexts.js).

/**
 * @typedef {{ readonly file?: RegExp, readonly find: string, readonly replace: string }} GuardedRewrite
 *   a rewrite with `file` applies only to the paths it matches
 */

/**
 * The rewriter and its two plug-ins. `files` matches the paths rewritten.
 * @param {string} name
 * @param {RegExp} files
 * @param {readonly GuardedRewrite[]} rewrites
 * @returns {{
 *   rewrite(code: string, id: string): string,
 *   vite(): import('vite').Plugin,
 *   esbuild(): import('esbuild').Plugin,
 * }}
 */
export function guardedRewrites(name, files, rewrites) {
  /** @param {string} code @param {string} id */
  const rewrite = (code, id) => {
    if (!files.test(id)) return code;
    for (const { file, find, replace } of rewrites) {
      if (file && !file.test(id)) continue;
      if (code.split(find).length !== 2) {
        throw new Error(`${id}: the text scripts/${name}.js rewrites moved or is no longer unique`);
      }
      code = code.replace(find, () => replace);
    }
    return code;
  };
  return {
    rewrite,
    /** For Vite (Rollup) builds. */
    vite: () => ({
      name: `openbadge-embed:${name}`,
      enforce: 'pre',
      /** @param {string} code @param {string} id */
      transform(code, id) {
        const file = id.split('?')[0] ?? '';
        return files.test(file) ? { code: rewrite(code, file), map: null } : null;
      },
    }),
    /** For esbuild builds (the test runner's CommonJS bundles, the bench). */
    esbuild: () => ({
      name,
      /** @param {import('esbuild').PluginBuild} build */
      setup(build) {
        build.onLoad({ filter: files }, async ({ path }) => {
          const { readFile } = await import('node:fs/promises');
          return { contents: rewrite(await readFile(path, 'utf8'), path), loader: 'js' };
        });
      },
    }),
  };
}
