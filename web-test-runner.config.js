// Tests run against src/ in real Chromium. No browser is downloaded: we launch the system's
// Chromium (Debian package `chromium`); set CHROME_PATH to use another Chrome or Chromium.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { build } from 'esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { readdirSync } from 'node:fs';
import { esbuildJsonldSharedContexts } from './scripts/jsonld-shared-contexts.js';
import { esbuildNoPageGlobals } from './scripts/no-page-globals.js';
import { summaryFileReporter } from './scripts/wtr-summary-reporter.js';
import { defaultReporter } from '@web/test-runner';

/**
 * jsonld, rdf-canonize and canonicalize ship CommonJS only. Vite converts them at build time and
 * Node imports them natively; here each is bundled once by esbuild into one ES module (browser
 * field honoured, `module.exports` as the default export) and served under /__cjs__/, with the
 * rewrites our bundles apply. `jsonld-unpatched` is jsonld without scripts/jsonld-shared-contexts.js,
 * for the test that compares the two (test/jsonld-shared-contexts.test.ts). jsonld's own modules
 * that src/core/jsonld/to-rdf.ts imports one by one (`jsonld/lib/*.js`) are bundled together, once,
 * so that they share one instance of each module they have in common, as in a real build.
 * @param {string[]} packages
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
function commonjsAsEsm(packages) {
  /** @type {Map<string, Promise<string>>} */
  const bundles = new Map();
  const JSONLD_LIB = /^jsonld\/lib\/(\w+)\.js$/;
  /** @param {string} name */
  const sourceOf = (name) => (name === 'jsonld-unpatched' ? 'jsonld' : name);
  /** @param {string} name */
  const pluginsOf = (name) =>
    name === 'jsonld-unpatched' ? [esbuildNoPageGlobals()] : [esbuildNoPageGlobals(), esbuildJsonldSharedContexts()];
  /** @param {string} name @param {string} contents @returns {Promise<string>} */
  const bundle = (name, contents) => {
    let bundled = bundles.get(name);
    if (!bundled) {
      bundled = build({
        stdin: { contents, resolveDir: process.cwd() },
        bundle: true,
        format: 'esm',
        platform: 'browser',
        write: false,
        logLevel: 'silent',
        plugins: pluginsOf(name),
      }).then((result) => result.outputFiles[0]?.text ?? '');
      bundles.set(name, bundled);
    }
    return bundled;
  };
  const jsonldLib = packages.filter((name) => JSONLD_LIB.test(name));
  return {
    name: 'commonjs-as-esm',
    resolveImport({ source }) {
      if (packages.includes(source)) return `/__cjs__/${source}.js`;
    },
    async serve(context) {
      const name = context.path.startsWith('/__cjs__/') ? context.path.slice(9, -3) : undefined;
      if (name === 'jsonld-lib') {
        const imports = jsonldLib.map((source, i) => `import m${i} from '${source}';`).join('\n');
        const table = jsonldLib.map((source, i) => `'${source}': m${i}`).join(', ');
        return { body: await bundle(name, `${imports}\nexport default { ${table} };`), type: 'js' };
      }
      if (!name || !packages.includes(name)) return undefined;
      if (JSONLD_LIB.test(name)) {
        return { body: `import lib from '/__cjs__/jsonld-lib.js';\nexport default lib['${name}'];`, type: 'js' };
      }
      return { body: await bundle(name, `import m from '${sourceOf(name)}'; export default m;`), type: 'js' };
    },
  };
}

/**
 * `/__test-files__`: every file under test/ (paths from the repository root), for tests that run over all of them.
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
function testFileList() {
  return {
    name: 'test-file-list',
    /** @param {import('koa').Context} context */
    serve(context) {
      if (context.path !== '/__test-files__') return undefined;
      const files = readdirSync('test', { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => `${entry.parentPath}/${entry.name}`.replaceAll('\\', '/'));
      return { body: JSON.stringify(files.sort()), type: 'json' };
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
  // Read by `wtr --coverage` (as `npm test` runs it): the share of src/core the tests run. The goal
  // (scripts/test.js) is on the core alone, where every branch is a verification rule.
  coverageConfig: {
    include: ['src/core/**'],
    exclude: ['src/**/*.test.ts'],
    reportDir: '.test-results/coverage',
  },
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    commonjsAsEsm([
      'jsonld',
      'jsonld-unpatched',
      ...['ContextResolver', 'JsonLdError', 'context', 'events', 'expand', 'toRdf', 'types', 'util'].map(
        (module) => `jsonld/lib/${module}.js`,
      ),
      'rdf-canonize',
      'canonicalize',
    ]),
    testFileList(),
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
