// One Vite config, two jobs:
// - `vite` / `vite preview` (command "serve"): the demo dev server, rooted in demo/.
// - `vite build`: the CDN bundle dist/cdn/openbadge-embed.js (a script-tag user's download) from
//   src/cdn.ts, with lazy `import()` parts emitted beside it in dist/cdn/chunks/ as the chunk plan
//   below lays them out. Paths are relative to the repository, never to demo/. tsc writes the npm
//   build into dist/ separately (see package.json).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import type { ChunkingContext } from 'rolldown';
import { defineConfig, type Plugin, type PluginOption, type UserConfig } from 'vite';
import { demoPlugin } from './demo/vite-demo-plugin.js';
import { viteJsonldSharedContexts } from './scripts/jsonld-shared-contexts.js';
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

/**
 * The chunk plan (docs/decisions/0011-chunk-plan.md). One entry, src/cdn.ts: everything it imports
 * statically, lit included, is in dist/cdn/openbadge-embed.js, and every lazy module imports lit and
 * the element helpers from it as ordinary imports. Each `import()` target (a "lazy root") is a
 * chunk. A module several lazy roots share goes into the chunk of the one lazy root that is loaded
 * before all of them (the verifier, for the helpers its lazy formats and status methods share)
 * rather than into a chunk of its own per helper, which would cost a page a request each; a module
 * shared by roots with no such common root (the fetcher, shared by the verifier and the list view)
 * keeps rolldown's own common chunk.
 *
 * "Loaded before": root A is loaded before root B when every chain of `import()`s from the entry to
 * B goes through A (A dominates B in the graph of lazy roots).
 */
function chunkPlan(entry: string): (id: string, ctx: ChunkingContext) => string | null {
  let owner: Map<string, string> | undefined;
  return (id, ctx) => {
    owner ??= planChunks(entry, ctx);
    return owner.get(id) ?? null;
  };
}

function planChunks(entry: string, ctx: ChunkingContext): Map<string, string> {
  const info = (id: string) => ctx.getModuleInfo(id);
  // Lazy roots, in discovery order, and which root's static closure loads each one.
  const roots = [entry];
  const loaders = new Map<string, Set<string>>([[entry, new Set()]]);
  const reach = new Map<string, Set<string>>();
  for (let i = 0; i < roots.length; i++) {
    const root = roots[i]!;
    const closure = new Set<string>([root]);
    const queue = [root];
    while (queue.length > 0) {
      const module = info(queue.pop()!);
      if (!module) continue;
      for (const dep of module.importedIds) {
        if (closure.has(dep)) continue;
        closure.add(dep);
        queue.push(dep);
      }
      for (const target of module.dynamicallyImportedIds) {
        if (!loaders.has(target)) {
          loaders.set(target, new Set());
          roots.push(target);
        }
        loaders.get(target)!.add(root);
      }
    }
    for (const id of closure) {
      if (!reach.has(id)) reach.set(id, new Set());
      reach.get(id)!.add(root);
    }
  }
  // Dominators of each root (iterative; the graph of roots is small).
  const all = new Set(roots);
  const dominators = new Map<string, Set<string>>(roots.map((root) => [root, root === entry ? new Set([entry]) : all]));
  for (let changed = true; changed;) {
    changed = false;
    for (const root of roots.slice(1)) {
      let common: Set<string> | undefined;
      for (const loader of loaders.get(root)!) {
        const d = dominators.get(loader)!;
        common = common ? new Set([...common].filter((x) => d.has(x))) : new Set(d);
      }
      const next = new Set([...(common ?? []), root]);
      if (next.size !== dominators.get(root)!.size) {
        dominators.set(root, next);
        changed = true;
      }
    }
  }
  // Chunk names: the root's file name, made unique.
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const root of roots.slice(1)) {
    const base = root
      .replace(/[?#].*$/, '')
      .replace(/^.*[\\/]/, '')
      .replace(/\.[cm]?[jt]s$/, '');
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    names.set(root, name);
  }
  const owner = new Map<string, string>();
  for (const [id, by] of reach) {
    // In the entry's closure: the entry has it.
    if (by.has(entry)) continue;
    const home = [...by].find((candidate) => [...by].every((root) => dominators.get(root)!.has(candidate)));
    if (home) owner.set(id, names.get(home)!);
  }
  return owner;
}

/**
 * Script-tag files for elements the main file defines on sight (src/cdn.ts): each one
 * imports the element's chunk, so a page can load it up front (a tool page, an element inside a
 * shadow root the main file does not watch). They are not entries of the build: an entry of its
 * own would take lit and the shared code out of the main file into a chunk every page loads.
 */
function elementFiles(files: Record<string, string>): Plugin {
  return {
    name: 'openbadge-embed:element-files',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const [fileName, source] of Object.entries(files)) {
        const target = fileURLToPath(new URL(`./${source}`, import.meta.url)).replaceAll('\\', '/');
        const chunk = Object.values(bundle).find(
          (item) => item.type === 'chunk' && item.moduleIds.some((id) => id.replaceAll('\\', '/') === target),
        );
        if (!chunk) this.error(`no chunk for ${source}`);
        this.emitFile({ type: 'asset', fileName, source: `import"./${chunk.fileName}";\n` });
      }
    },
  };
}

/**
 * Writes the graph of the CDN build for the size report (scripts/size-report.js): each file's
 * source modules (repository paths), static and dynamic imports. Kept out of dist/ (which is
 * published) in node_modules/.cache.
 */
function cdnGraph(): Plugin {
  return {
    name: 'openbadge-embed:cdn-graph',
    apply: 'build',
    writeBundle(_options, bundle) {
      const chunks: Record<string, { modules: string[]; imports: string[]; dynamicImports: string[] }> = {};
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk') continue;
        chunks[item.fileName] = {
          modules: item.moduleIds.map((id) => relative(repo, id).replaceAll('\\', '/')),
          imports: item.imports,
          dynamicImports: item.dynamicImports,
        };
      }
      const out = new URL('./node_modules/.cache/openbadge-embed/cdn-graph.json', import.meta.url);
      mkdirSync(new URL('.', out), { recursive: true });
      writeFileSync(out, `${JSON.stringify({ dir: cdnDir, chunks }, null, 1)}\n`);
    },
  };
}

const buildConfig: UserConfig = {
  root: repo,
  publicDir: false,
  plugins: [
    cleanCdnDir(),
    elementsHaveSideEffects(),
    minifyLitCss(),
    dropTemplateIndentation(),
    viteNoPageGlobals(),
    viteJsonldSharedContexts(),
    cdnGraph(),
    elementFiles({
      'openbadge-embed-inspector.js': 'src/components/inspector/inspector.ts',
      'openbadge-embed-list.js': 'src/components/badge-list/badge-list.ts',
    }),
  ],
  build: {
    outDir: cdnDir,
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    reportCompressedSize: false,
    lib: {
      // One entry (see chunkPlan). The inspector and the list are lazy chunks of it, defined on
      // sight; openbadge-embed-inspector.js and openbadge-embed-list.js load them up front.
      entry: { 'openbadge-embed': 'src/cdn.ts' },
      formats: ['es'],
      fileName: (_format, entryName) => `${entryName}.js`,
    },
    rolldownOptions: {
      // Lazy chunks import lit and the shared helpers from the entry, which exports them.
      preserveEntrySignatures: 'allow-extension',
      output: {
        // Seven hash characters (the fewest Rolldown accepts for ~60 chunks) tell them apart; every extra one is incompressible bytes in
        // each import() of the entry.
        chunkFileNames: 'chunks/[name]-[hash:7].js',
        codeSplitting: {
          // Each group is placed with the modules it needs already in its chunk or loaded before it.
          includeDependenciesRecursively: false,
          groups: [
            { debugName: 'chunk-plan', name: chunkPlan(fileURLToPath(new URL('./src/cdn.ts', import.meta.url))) },
          ],
        },
        // Library mode keeps whitespace for bundlers to re-minify; this file is served as-is, so
        // minify fully. Licence comments of bundled dependencies are kept.
        minify: true,
        comments: { legal: true, annotation: false, jsdoc: false },
      },
    },
  },
};

export default defineConfig(({ command }) => (command === 'build' ? buildConfig : demoConfig));
