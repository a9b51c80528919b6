// @ts-check
// Editor data generated from custom-elements.json (part of `npm run analyze`): VS Code's HTML
// custom data (vscode.html-custom-data.json) and JetBrains web-types (web-types.json), both
// shipped in the package. `node scripts/editor-data.js [dir]` reads `dir/custom-elements.json`
// and writes the two files beside it (default: the project root).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @typedef {{ text?: string }} Type
 * @typedef {{ name: string, description?: string, type?: Type, default?: string, fieldName?: string }} Attribute
 * @typedef {{ kind: string, name: string, description?: string, type?: Type, static?: boolean,
 *   privacy?: string, readonly?: boolean, attribute?: string }} Member
 * @typedef {{ name: string, description?: string, type?: Type }} Named
 * @typedef {{ kind: string, name: string, tagName?: string, customElement?: boolean,
 *   description?: string, attributes?: Attribute[], members?: Member[], events?: Named[],
 *   slots?: Named[], cssParts?: Named[], cssProperties?: Named[], cssStates?: Named[] }} Declaration
 * @typedef {{ path: string, declarations?: Declaration[] }} Module
 */

/**
 * String-literal unions named in the sources (`export type SortKey = 'source' | 'date';`), so an
 * attribute typed `SortKey` lists its values.
 * @returns {Map<string, string[]>}
 */
function literalUnions() {
  /** @type {Map<string, string[]>} */
  const unions = new Map();
  /** @param {string} dir */
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts')) {
        const source = readFileSync(path, 'utf8');
        for (const [, name = '', union = ''] of source.matchAll(/export type (\w+) =\s*((?:\s*\|?\s*'[^']*')+);/g)) {
          unions.set(
            name,
            [...union.matchAll(/'([^']*)'/g)].map(([, value = '']) => value),
          );
        }
      }
    }
  };
  visit(join(root, 'src'));
  return unions;
}

/**
 * The values of an attribute's type, when it is a union of string literals (directly or by name).
 * @param {string | undefined} text
 * @param {Map<string, string[]>} unions
 * @returns {string[] | undefined}
 */
function valuesOf(text, unions) {
  if (!text) return undefined;
  /** @type {string[]} */
  const values = [];
  for (const part of text.split('|').map((p) => p.trim())) {
    if (part === 'undefined') continue;
    const literal = /^'([^']*)'$/.exec(part)?.[1];
    if (literal !== undefined) values.push(literal);
    else if (unions.has(part)) values.push(...(unions.get(part) ?? []));
    else return undefined;
  }
  return values.length > 0 ? values : undefined;
}

/** @param {Attribute} attribute */
const isBoolean = (attribute) => attribute.type?.text === 'boolean';

/**
 * A default worth showing: a literal, not a constant's name.
 * @param {string | undefined} value
 */
const literalDefault = (value) => (value && /^(?:'[^']*'|-?\d[\d.]*|true|false)$/.test(value) ? value : undefined);

/** @param {string | undefined} description */
const firstParagraph = (description) =>
  (description ?? '')
    .split(/\n\s*\n/, 1)
    .join('')
    .replace(/\s*\n\s*/g, ' ')
    .trim();

/**
 * A short Markdown summary of an element: its first paragraph, then its events, slots, parts,
 * states and custom properties by name.
 * @param {Declaration} element
 */
function summary(element) {
  /** @type {string[]} */
  const lines = [firstParagraph(element.description)];
  /** @type {[string, Named[] | undefined, (name: string) => string][]} */
  const lists = [
    ['Events', element.events, (name) => `\`${name}\``],
    ['Slots', element.slots, (name) => (name ? `\`${name}\`` : 'default')],
    ['Parts', element.cssParts, (name) => `\`::part(${name})\``],
    ['States', element.cssStates, (name) => `\`:state(${name})\``],
    ['Custom properties', element.cssProperties, (name) => `\`${name}\``],
  ];
  for (const [label, items, format] of lists) {
    if (items?.length) lines.push(`**${label}:** ${items.map((item) => format(item.name)).join(', ')}`);
  }
  return lines.join('\n\n');
}

/** @param {Module[]} modules */
function customElements(modules) {
  /** @type {{ element: Declaration, path: string }[]} */
  const found = [];
  for (const module of modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.customElement && declaration.tagName) found.push({ element: declaration, path: module.path });
    }
  }
  return found.sort((a, b) => ((a.element.tagName ?? '') < (b.element.tagName ?? '') ? -1 : 1));
}

/**
 * @param {{ modules: Module[] }} manifest
 * @param {{ name: string, version: string, homepage?: string }} pkg
 * @param {Map<string, string[]>} unions
 */
export function vscodeData(manifest, pkg, unions) {
  const docs = pkg.homepage ?? `https://www.npmjs.com/package/${pkg.name}`;
  return {
    $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    tags: customElements(manifest.modules).map(({ element }) => ({
      name: element.tagName,
      description: { kind: 'markdown', value: summary(element) },
      attributes: (element.attributes ?? []).map((attribute) => {
        const values = valuesOf(attribute.type?.text, unions);
        const fallback = literalDefault(attribute.default);
        const description = [attribute.description ?? '', fallback ? `Default: \`${fallback}\`.` : '']
          .filter(Boolean)
          .join('\n\n');
        return {
          name: attribute.name,
          description: { kind: 'markdown', value: description },
          ...(isBoolean(attribute) ? { valueSet: 'v' } : {}),
          ...(values ? { values: values.map((name) => ({ name })) } : {}),
        };
      }),
      references: [{ name: `${pkg.name} documentation`, url: docs }],
    })),
  };
}

/**
 * @param {{ modules: Module[] }} manifest
 * @param {{ name: string, version: string, homepage?: string }} pkg
 * @param {Map<string, string[]>} unions
 */
export function webTypes(manifest, pkg, unions) {
  const docs = pkg.homepage ?? `https://www.npmjs.com/package/${pkg.name}`;
  /** @param {Named} item */
  const named = (item) => ({ name: item.name, description: item.description ?? '' });
  return {
    $schema: 'https://json.schemastore.org/web-types',
    name: pkg.name,
    version: pkg.version,
    'description-markup': 'markdown',
    'js-types-syntax': 'typescript',
    contributions: {
      html: {
        elements: customElements(manifest.modules).map(({ element }) => ({
          name: element.tagName,
          description: summary(element),
          'doc-url': docs,
          // Every element class is exported by the package's main entry.
          source: { module: pkg.name, symbol: element.name },
          attributes: (element.attributes ?? []).map((attribute) => {
            const values = valuesOf(attribute.type?.text, unions);
            const fallback = literalDefault(attribute.default);
            return {
              name: attribute.name,
              description: attribute.description ?? '',
              ...(fallback ? { default: fallback } : {}),
              // An attribute is a string (or absent): the values of a union, else the type without `undefined`.
              value: isBoolean(attribute)
                ? { kind: 'no-value', type: 'boolean' }
                : {
                    kind: 'plain',
                    type: values
                      ? values.map((value) => `'${value}'`).join(' | ')
                      : (attribute.type?.text ?? 'string').replace(/ \| undefined$/, ''),
                  },
            };
          }),
          events: (element.events ?? []).map(named),
          slots: (element.slots ?? []).map(named),
          js: {
            properties: (element.members ?? [])
              .filter(
                (member) =>
                  member.kind === 'field' &&
                  !member.static &&
                  (member.privacy ?? 'public') === 'public' &&
                  !member.name.startsWith('_'),
              )
              .map((member) => ({
                name: member.name,
                description: member.description ?? '',
                ...(member.type?.text ? { type: member.type.text } : {}),
                ...(member.readonly ? { 'read-only': true } : {}),
              })),
            events: (element.events ?? []).map((event) => ({
              ...named(event),
              ...(event.type?.text ? { type: event.type.text } : {}),
            })),
          },
          css: {
            properties: (element.cssProperties ?? []).map(named),
            parts: (element.cssParts ?? []).map(named),
          },
        })),
      },
    },
  };
}

/** @param {unknown} data */
const json = (data) => `${JSON.stringify(data, null, 2)}\n`;

/** @param {string} dir */
export function writeEditorData(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8'));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const unions = literalUnions();
  writeFileSync(join(dir, 'vscode.html-custom-data.json'), json(vscodeData(manifest, pkg, unions)));
  writeFileSync(join(dir, 'web-types.json'), json(webTypes(manifest, pkg, unions)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeEditorData(resolve(process.argv[2] ?? root));
}
