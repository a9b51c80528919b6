// Configuration of `npm run analyze` (the custom-elements manifest), also used by `npm test`.
// The analyzer lists modules in the order the file system returns them, which differs between
// clones: sorted by path, the committed manifest is the same wherever it is generated.
// It also names the sources it read (`src/….ts`), which the package does not ship: every path
// and module reference is rewritten to the built file (`dist/….js`, its types beside it in
// `dist/….d.ts`), so tools that resolve the manifest find real files.
import { posix } from 'node:path';

/**
 * The shipped file for a module reference: `src/a/b.ts`, `/src/a/b.js` or `./b.js` (relative to
 * the module that names it) → `dist/a/b.js`. Anything else (another package's module) is kept.
 * @param {string} reference
 * @param {string} from the path of the module holding the reference
 */
function shipped(reference, from) {
  const resolved = reference.startsWith('.') ? posix.join(posix.dirname(from), reference) : reference;
  const path = resolved.replace(/^\//, '');
  if (!path.startsWith('src/')) return reference;
  return `dist/${path.slice('src/'.length).replace(/\.ts$/, '.js')}`;
}

/**
 * Rewrites every `module` string under `node` (exports, superclasses, mixins, inherited members,
 * type references).
 * @param {unknown} node
 * @param {string} from
 */
function rewriteModules(node, from) {
  if (Array.isArray(node)) {
    for (const item of node) rewriteModules(item, from);
  } else if (node && typeof node === 'object') {
    const record = /** @type {Record<string, unknown>} */ (node);
    for (const [key, value] of Object.entries(record)) {
      if (key === 'module' && typeof value === 'string') record[key] = shipped(value, from);
      else rewriteModules(value, from);
    }
  }
}

export default {
  plugins: [
    {
      name: 'openbadge-embed:modules-in-path-order',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
    {
      // Lit's internal reactive state (`_inline: { state: true }` in `static properties`) has no
      // attribute, but the analyzer gives it one.
      name: 'openbadge-embed:no-state-attributes',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (!declaration.attributes) continue;
            declaration.attributes = declaration.attributes.filter((a) => !a.name.startsWith('_'));
            for (const member of declaration.members ?? []) {
              if (member.attribute?.startsWith('_')) delete member.attribute;
            }
          }
        }
      },
    },
    {
      name: 'openbadge-embed:shipped-paths',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          const from = module.path;
          rewriteModules(module, from);
          module.path = shipped(from, from);
        }
      },
    },
  ],
};
