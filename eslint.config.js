// ESLint flat config. Two layers of rules matter beyond style:
// - the security rules (no HTML sinks, no eval, no unsafeHTML/unsafeSVG) apply to all of src/;
// - the layering rules keep src/core DOM-free and lit-free (it is published as "openbadge-embed/core").
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

// Globals for plain .js files (TypeScript files are checked by tsc, so no-undef is off for them).
// Listed here rather than pulling in the `globals` package for a handful of names.
const shared = [
  'console',
  'URL',
  'URLSearchParams',
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'AbortController',
  'AbortSignal',
  'fetch',
  'Response',
  'Request',
  'Headers',
  'TextEncoder',
  'TextDecoder',
  'structuredClone',
  'queueMicrotask',
  'performance',
  'crypto',
  'atob',
  'btoa',
  'Blob',
];
/** @param {string[]} names @returns {Record<string, 'readonly'>} */
const readonly = (names) => Object.fromEntries(names.map((n) => [n, 'readonly']));
const browserGlobals = readonly([
  ...shared,
  'window',
  'document',
  'customElements',
  'HTMLElement',
  'Event',
  'CustomEvent',
]);
const nodeGlobals = readonly([...shared, 'process', 'Buffer']);

/**
 * A plug-in's shared config by name (the plug-ins' types leave `configs` optional and loosely typed).
 * @param {{ configs?: Record<string, unknown> }} plugin
 * @param {string} name
 * @returns {import('eslint').Linter.Config}
 */
function pluginConfig(plugin, name) {
  const config = plugin.configs?.[name];
  if (!config) throw new Error(`ESLint plug-in config ${name} not found`);
  return /** @type {import('eslint').Linter.Config} */ (config);
}

const unsafeDirectiveMessage = 'Never render untrusted data as HTML/SVG; build a template or use the sanitizing path.';

/** Imports nobody in src/ may use: unsafeHTML/unsafeSVG directives. */
const unsafeImportPatterns = [
  // lit/directives/unsafe-html.js, lit-html/directives/unsafe-svg.js, …
  { group: ['lit*/directives/unsafe-html*', 'lit*/directives/unsafe-svg*'], message: unsafeDirectiveMessage },
];

/** Extra imports src/core may not use: it runs in browsers, workers and Node without lit or the DOM layer. */
const coreImportPatterns = [
  { group: ['lit', 'lit/*', 'lit-html', 'lit-html/*', '@lit/*'], message: 'src/core must stay lit-free.' },
  {
    group: [
      '**/components',
      '**/components/*',
      '**/messages',
      '**/messages/*',
      '**/render',
      '**/render/*',
      '**/events',
      '**/events/*',
    ],
    message: 'src/core may not depend on components/, messages/, render/ or events/.',
  },
  { group: ['node:*'], message: 'src/core runs in browsers too: no node:* modules.' },
];

const htmlSinkMessage = 'HTML sinks are banned: never turn (badge) data into markup. Use lit templates / textContent.';

const restrictedSyntax = [
  // no-restricted-imports does not see import(): ban the unsafe directives there too.
  { selector: 'ImportExpression[source.value=/directives\\/unsafe-(html|svg)/]', message: unsafeDirectiveMessage },
  {
    selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
    message: htmlSinkMessage,
  },
  {
    selector: 'MemberExpression[property.value=/^(innerHTML|outerHTML|insertAdjacentHTML)$/]',
    message: htmlSinkMessage,
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: htmlSinkMessage,
  },
];

const restrictedProperties = [
  { object: 'document', property: 'write', message: htmlSinkMessage },
  { object: 'document', property: 'writeln', message: htmlSinkMessage },
  { object: 'window', property: 'eval', message: 'eval is banned.' },
  { object: 'globalThis', property: 'eval', message: 'eval is banned.' },
];

export default defineConfig(
  {
    ignores: [
      'dist/**',
      'storybook-static/**',
      'test/conformance/**',
      'node_modules/**',
      'coverage/**',
      '.test-results/**',
      'custom-elements.json',
      'vscode.html-custom-data.json',
      'web-types.json',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: browserGlobals,
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
    },
  },
  // Promises nobody awaits: a verification that fails unseen, or a rejection no one handles. These
  // rules need types, so they read the TypeScript projects (src/cli is in tsconfig.node.json).
  {
    files: ['src/**/*.ts'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.node.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // @open-wc/semantic-dom-diff types every chai `equal` (`expect(x).to.equal(y)`, `.deep.equal`)
          // as returning a Promise, for its DOM snapshots; a plain `equal` is synchronous and throws.
          allowForKnownSafeCalls: [{ from: 'package', name: 'Equal', package: '@open-wc/semantic-dom-diff' }],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  // Node-side code: scripts, the CLI, tool configs.
  {
    files: ['scripts/**', 'src/cli/**', 'bin/**', '*.js', '*.ts', '.storybook/**', 'demo/vite-demo-plugin.ts'],
    languageOptions: { globals: nodeGlobals },
  },
  // Security rules for everything we ship.
  {
    files: ['src/**/*.ts', 'src/**/*.js'],
    rules: {
      // eval, new Function / Function(), setTimeout('code'):
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
      'no-restricted-syntax': ['error', ...restrictedSyntax],
      'no-restricted-properties': ['error', ...restrictedProperties],
      'no-restricted-imports': ['error', { patterns: unsafeImportPatterns }],
    },
  },
  // Layering: the core is DOM-free and lit-free. (This block repeats the unsafe patterns because a
  // later no-restricted-imports setting replaces, not merges with, an earlier one.)
  {
    files: ['src/core/**/*.ts', 'src/core/**/*.js'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...unsafeImportPatterns, ...coreImportPatterns] }],
    },
  },
  // Components: lit + web-component rules.
  {
    files: ['src/components/**/*.ts'],
    ...pluginConfig(lit, 'flat/recommended'),
  },
  {
    files: ['src/components/**/*.ts'],
    ...pluginConfig(wc, 'flat/recommended'),
  },
  // Tests may use what the shipped code may not (e.g. reading innerHTML in an assertion).
  {
    files: ['src/**/*.test.ts', 'test/**/*.ts'],
    rules: {
      'no-restricted-syntax': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
