// A small Open Badges baker for fixture scripts and tests. Plain ESM with no Node-only APIs
// (Uint8Array, TextEncoder only), so browser tests import it as '../../scripts/bake.js'.
// It writes what the specs ask for (OB 2.0 Baking, OB 3.0 §5.3): an uncompressed iTXt chunk right
// after IHDR, or an element right after the SVG root's start tag. It trusts its input: it is a test
// tool, not a parser of hostile files (that is src/core/baked/).
// @ts-check

/** @typedef {'openbadges' | 'openbadgecredential'} BakeKeyword the iTXt keyword: OB 2.0, OB 3.0 */
/** @typedef {'ob2' | 'ob3'} BakeGeneration */

/**
 * OB 2.0 (`openbadges:assertion`) and OB 3.0 (`openbadges:credential`) SVG namespaces.
 * @type {Readonly<Record<BakeGeneration, string>>}
 */
export const SVG_NAMESPACES = {
  ob2: 'http://openbadges.org',
  ob3: 'https://purl.imsglobal.org/ob/v3p0',
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** @type {Uint32Array | undefined} */
let crcTable;
/**
 * CRC-32 (ISO 3309, as PNG uses it). Duplicated from src/core/baked/crc32.ts: scripts cannot import TypeScript.
 * @param {Uint8Array} bytes
 * @param {number} [crc] the CRC so far, to continue over more bytes
 * @returns {number}
 */
export function crc32(bytes, crc = 0) {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    for (let k = 0; k < 8; k++) n = n & 1 ? 0xedb88320 ^ (n >>> 1) : n >>> 1;
    return n >>> 0;
  });
  const table = crcTable;
  crc = ~crc;
  for (const byte of bytes) crc = /** @type {number} */ (table[(crc ^ byte) & 0xff]) ^ (crc >>> 8);
  return ~crc >>> 0;
}

/** @param {string} s */
const ascii = (s) => Uint8Array.from(s, (c) => c.charCodeAt(0));
/** @param {Uint8Array} png @param {number} offset */
const typeAt = (png, offset) => String.fromCharCode(...png.subarray(offset + 4, offset + 8));
/** @param {Uint8Array} png @param {number} offset */
const u32At = (png, offset) => new DataView(png.buffer, png.byteOffset, png.byteLength).getUint32(offset);

/**
 * Builds one PNG chunk (length, type, data, CRC over type + data).
 * @param {string} type
 * @param {Uint8Array} data
 * @returns {Uint8Array}
 */
export function pngChunk(type, data) {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(ascii(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * The data of an uncompressed iTXt chunk: keyword NUL, flag 0, method 0, empty language NUL, empty translated keyword NUL, UTF-8 text.
 * @param {string} keyword
 * @param {string} text
 * @returns {Uint8Array}
 */
export function iTXtData(keyword, text) {
  const key = ascii(keyword);
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(key.length + 5 + body.length);
  out.set(key, 0);
  out.set(body, key.length + 5);
  return out;
}

/**
 * Splits a PNG into its chunks ({ type, start, end } byte ranges), stopping after IEND.
 * @param {Uint8Array} png
 * @returns {PngChunk[]}
 */
export function pngChunks(png) {
  if (!PNG_SIGNATURE.every((b, i) => png[i] === b)) throw new Error('bakePng: not a PNG (bad signature)');
  const chunks = [];
  let offset = 8;
  while (offset + 12 <= png.length) {
    const end = offset + 12 + u32At(png, offset);
    if (end > png.length) throw new Error(`bakePng: chunk at ${offset} runs past the end of the file`);
    const type = typeAt(png, offset);
    chunks.push({ type, start: offset, end });
    offset = end;
    if (type === 'IEND') break;
  }
  return chunks;
}

/** @typedef {{ type: string, start: number, end: number }} PngChunk */

/** @param {Uint8Array} png @param {PngChunk} chunk */
function keywordOf(png, chunk) {
  const data = png.subarray(chunk.start + 8, chunk.end - 4);
  const nul = data.indexOf(0);
  return String.fromCharCode(...data.subarray(0, nul < 0 ? data.length : nul));
}

/**
 * Returns a copy of `png` with an uncompressed iTXt chunk `keyword` = `text` right after IHDR; an
 * existing iTXt chunk with that keyword is dropped (re-baking replaces, as the spec's bakers do).
 * @param {Uint8Array} png
 * @param {BakeKeyword} keyword
 * @param {string} text
 * @returns {Uint8Array}
 */
export function bakePng(png, keyword, text) {
  const chunks = pngChunks(png);
  const header = chunks[0];
  if (header?.type !== 'IHDR') throw new Error('bakePng: the first chunk is not IHDR');
  const kept = chunks.filter((c) => !(c.type === 'iTXt' && keywordOf(png, c) === keyword));
  const parts = [png.subarray(0, 8), png.subarray(header.start, header.end), pngChunk('iTXt', iTXtData(keyword, text))];
  for (const c of kept.slice(1)) parts.push(png.subarray(c.start, c.end));
  return concat(parts);
}

/**
 * @param {readonly Uint8Array[]} parts
 * @returns {Uint8Array}
 */
export function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** @type {Record<string, string>} */
const ATTRIBUTE_ESCAPES = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};
/** @param {string} s */
const escapeAttribute = (s) => s.replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);

/**
 * `]]>` cannot appear inside CDATA: end the section between `]]` and `>` and open a new one.
 * @param {string} s
 * @returns {string}
 */
export const cdata = (s) => `<![CDATA[${s.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

/**
 * Returns `svg` with the `openbadges` namespace declared on the root <svg> and an
 * <openbadges:assertion> (ob2) or <openbadges:credential> (ob3) element right after the root's start
 * tag: `json` goes in CDATA, `verify` in the attribute (a compact JWS, or for OB 2.0 a URL).
 * @param {string} svg
 * @param {BakeGeneration} generation
 * @param {{ readonly json?: string, readonly verify?: string }} payload
 * @returns {string}
 */
export function bakeSvg(svg, generation, payload) {
  const ns = SVG_NAMESPACES[generation];
  if (!ns) throw new Error(`bakeSvg: unknown generation ${generation}`);
  const name = generation === 'ob2' ? 'openbadges:assertion' : 'openbadges:credential';
  const attribute = payload.verify === undefined ? '' : ` verify="${escapeAttribute(payload.verify)}"`;
  const element =
    payload.json === undefined ? `<${name}${attribute}/>` : `<${name}${attribute}>${cdata(payload.json)}</${name}>`;

  // The root start tag: the first `<svg` outside the prolog's comments, PIs and DOCTYPE.
  const prolog = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)*/i.exec(svg);
  // The pattern can match nothing, so it always matches.
  const start = /** @type {RegExpExecArray} */ (prolog)[0].length;
  if (!/^<svg[\s/>]/.test(svg.slice(start))) throw new Error('bakeSvg: the root element is not <svg>');
  let end = start;
  for (let quote = ''; end < svg.length; end++) {
    const c = svg[end];
    if (quote) quote = c === quote ? '' : quote;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '>') break;
  }
  if (end >= svg.length) throw new Error('bakeSvg: unterminated <svg> start tag');
  const selfClosing = svg[end - 1] === '/';
  let tag = svg.slice(start, selfClosing ? end - 1 : end);
  const declared = /\sxmlns:openbadges\s*=\s*(["'])(.*?)\1/.exec(tag);
  if (declared && declared[2] !== ns) {
    throw new Error(`bakeSvg: the root declares xmlns:openbadges="${declared[2]}", not ${ns}`);
  }
  if (!declared) tag += ` xmlns:openbadges="${ns}"`;
  const rest = selfClosing ? '</svg>' + svg.slice(end + 1) : svg.slice(end + 1);
  return `${svg.slice(0, start)}${tag}>${element}${rest}`;
}
