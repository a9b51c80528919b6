// Tests run against src/ in real Chromium. No browser is downloaded: we launch the system's
// Chromium (Debian package `chromium`); set CHROME_PATH to use another Chrome or Chromium.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { build } from 'esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildNoPageGlobals } from './scripts/no-page-globals.js';
import { summaryFileReporter } from './scripts/wtr-summary-reporter.js';
import { defaultReporter } from '@web/test-runner';

/**
 * jsonld, rdf-canonize and canonicalize ship CommonJS only. Vite converts them at build time and
 * Node imports them natively; here each is bundled once by esbuild into one ES module (browser
 * field honoured, `module.exports` as the default export) and served under /__cjs__/.
 */
function commonjsAsEsm(packages) {
  const bundles = new Map();
  return {
    name: 'commonjs-as-esm',
    resolveImport({ source }) {
      if (packages.includes(source)) return `/__cjs__/${source}.js`;
    },
    async serve(context) {
      const name = context.path.startsWith('/__cjs__/') ? context.path.slice(9, -3) : undefined;
      if (!name || !packages.includes(name)) return undefined;
      if (!bundles.has(name)) {
        bundles.set(
          name,
          build({
            stdin: { contents: `import m from '${name}'; export default m;`, resolveDir: process.cwd() },
            bundle: true,
            format: 'esm',
            platform: 'browser',
            write: false,
            logLevel: 'silent',
            plugins: [esbuildNoPageGlobals()],
          }).then((result) => result.outputFiles[0].text),
        );
      }
      return { body: await bundles.get(name), type: 'js' };
    },
  };
}

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

export default {
  files: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  // `browser`: honour packages' browser field (jsonld and rdf-canonize swap their Node platform files).
  nodeResolve: { browser: true },
  rootDir: '.',
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    commonjsAsEsm(['jsonld', 'jsonld/lib/ContextResolver.js', 'rdf-canonize', 'canonicalize']),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  reporters: [defaultReporter(), summaryFileReporter()],
};
