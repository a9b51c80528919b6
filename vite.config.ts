// One Vite config, two jobs:
// - `vite` / `vite preview` (command "serve"): the demo dev server, rooted in demo/.
// - `vite build`: the CDN bundle dist/cdn/openbadge-embed.js (a script-tag user's download) from
//   src/cdn.ts, with lazy `import()` parts emitted beside it in dist/cdn/chunks/. Paths are relative to
//   the repository, never to demo/. tsc writes the npm build into dist/ separately (see package.json).
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { defineConfig, type Plugin, type PluginOption, type UserConfig } from 'vite';
import { demoPlugin } from './demo/vite-demo-plugin.js';
import { viteNoPageGlobals } from './scripts/no-page-globals.js';

// ── Demo dev server ───────────────────────────────────────────────────────────────────────────────
// The demo's own server rules (media types, the inline badge) live in demo/vite-demo-plugin.ts.
const demoPlugins: PluginOption[] = [demoPlugin()];

const demoConfig: UserConfig = {
  root: 'demo',
  server: { port: 5173, strictPort: true },
  plugins: demoPlugins,
};

// ── CDN / library build ───────────────────────────────────────────────────────────────────────────
const repo = fileURLToPath(new URL('.', import.meta.url));
const cdnDir = 'dist/cdn';

/**
 * Removes stale hashed chunks from dist/cdn (and only there) before writing: `emptyOutDir` stays
 * false so the build can never touch what tsc wrote to dist/.
 */
function cleanCdnDir(): Plugin {
  return {
    name: 'openbadge-embed:clean-cdn-dir',
    apply: 'build',
    buildStart() {
      rmSync(new URL(`./${cdnDir}/`, import.meta.url), { recursive: true, force: true });
    },
  };
}

/**
 * Lit's `css` literals are plain strings to the JavaScript minifier, so every indent and comment
 * of the component styles would ship. Each literal without `${}` is minified as the stylesheet it
 * is (esbuild's CSS minifier), before the bundle is built.
 */
function minifyLitCss(): Plugin {
  return {
    name: 'openbadge-embed:minify-lit-css',
    async transform(code, id) {
      if (!id.endsWith('.styles.ts') || !code.includes('css`')) return null;
      let out = '';
      let last = 0;
      for (const match of code.matchAll(/css`([^`$\\]*)`/g)) {
        const minified = (await transform(match[1]!, { loader: 'css', minify: true })).code.trim();
        out += `${code.slice(last, match.index)}css\`${minified}\``;
        last = match.index! + match[0].length;
      }
      return { code: out + code.slice(last), map: null };
    },
  };
}

/**
 * Lit's `html` templates keep their source indentation, which the JavaScript minifier must leave
 * alone (it is inside template literals). A newline followed by indentation renders exactly as a
 * newline, under `white-space: normal` (both are one space) and `pre-line` (both are a line
 * break), so the indentation after each newline is dropped from the element modules before
 * bundling. JavaScript outside literals does not care about indentation either.
 */
function dropTemplateIndentation(): Plugin {
  const srcDir = fileURLToPath(new URL('./src/', import.meta.url)).replaceAll('\\', '/');
  return {
    name: 'openbadge-embed:drop-template-indentation',
    apply: 'build',
    transform(code, id) {
      const file = id.replaceAll('\\', '/').split('?')[0] ?? '';
      if (!file.startsWith(srcDir) || !file.endsWith('.ts') || !code.includes('html`')) return null;
      if (!/^(?:components|internal)\//.test(file.slice(srcDir.length))) return null;
      return { code: code.replace(/\n[ \t]+/g, '\n'), map: null };
    },
  };
}

/**
 * package.json "sideEffects" describes the published dist/ files, so for src/ Rolldown would drop
 * `import './index.js'` as side-effect free. Defining the elements is the whole point of the CDN
 * entry: mark the modules that register elements as having side effects.
 */
function elementsHaveSideEffects(): Plugin {
  const srcDir = fileURLToPath(new URL('./src/', import.meta.url)).replaceAll('\\', '/');
  const defining = /^(?:cdn|index)\.ts$|^components\//;
  return {
    name: 'openbadge-embed:elements-have-side-effects',
    apply: 'build',
    transform(_code, id) {
      const file = id.replaceAll('\\', '/').split('?')[0] ?? '';
      if (file.startsWith(srcDir) && defining.test(file.slice(srcDir.length))) return { moduleSideEffects: true };
      return null;
    },
  };
}

const buildConfig: UserConfig = {
  root: repo,
  publicDir: false,
  plugins: [cleanCdnDir(), elementsHaveSideEffects(), minifyLitCss(), dropTemplateIndentation(), viteNoPageGlobals()],
  build: {
    outDir: cdnDir,
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    reportCompressedSize: false,
    lib: {
      // The inspector is a tool page's element: its own file, loaded only where it is used.
      entry: {
        'openbadge-embed': 'src/cdn.ts',
        'openbadge-embed-inspector': 'src/components/inspector/cdn.ts',
      },
      formats: ['es'],
      fileName: (_format, entryName) => `${entryName}.js`,
    },
    rolldownOptions: {
      // The inspector entry imports the main one; letting the main entry export what they share
      // keeps it one self-contained file rather than a stub over a shared chunk.
      preserveEntrySignatures: 'allow-extension',
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        // Library mode keeps whitespace for bundlers to re-minify; this file is served as-is, so
        // minify fully. Licence comments of bundled dependencies are kept.
        minify: true,
        comments: { legal: true, annotation: false, jsdoc: false },
      },
    },
  },
};

export default defineConfig(({ command }) => (command === 'build' ? buildConfig : demoConfig));
