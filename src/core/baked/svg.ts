/**
 * Reads the credential baked into an SVG (OB 2.0 Baking §SVG, OB 3.0 §5.3.2). The SVG is parsed as
 * XML data only: never rendered, never put in a live document, so its scripts, event handlers and
 * external references are inert. Browsers parse with their own DOMParser (a document without a
 * browsing context: no script runs, nothing loads); where there is none (Node, workers) a small
 * XML parser is loaded with `import()`, so a browser bundle never fetches it.
 */
import { TooLarge, UnsupportedFormat } from '../errors.js';
import { ImageAmbiguous, ImageCorrupt, ImageNotBaked } from '../errors-baked.js';
import type { BakedCredential } from './baked-credential.js';

/**
 * The namespaces the specs give (OB 2.0: http://openbadges.org, OB 3.0:
 * https://purl.imsglobal.org/ob/v3p0) and the variants bakers are known to write instead: the OB 3.0
 * context's path (`/spec/ob/v3p0`), https for 2.0, and trailing slashes. An element with the
 * `openbadges` prefix is accepted whatever its namespace, so a new variant does not silently turn a
 * baked badge into "not baked". The element's local name decides the generation, not the namespace.
 */
const NAMESPACES = new Set([
  'http://openbadges.org',
  'https://openbadges.org',
  'https://purl.imsglobal.org/ob/v3p0',
  'https://purl.imsglobal.org/spec/ob/v3p0',
]);
const ELEMENTS: Readonly<Record<string, BakedCredential['generation']>> = { assertion: 'ob2', credential: 'ob3' };
/** Plain entity declarations a DOCTYPE may make (Illustrator declares a dozen); more is not an image. */
const MAX_ENTITIES = 256;
/**
 * Elements an SVG may have before any parser sees it. A detailed illustration has a few thousand;
 * a 2 MiB file of `<g/>` could have 500,000, and 290,000 took a parser 9 s and 415 MiB.
 */
export const MAX_SVG_ELEMENTS = 100_000;
/** How deeply its elements may nest: libxml2's own default, far beyond any drawing's. */
export const MAX_SVG_DEPTH = 256;

/** The parts of a DOM element this module reads: the browser's and @xmldom/xmldom's both fit. */
interface XmlElement {
  readonly namespaceURI: string | null;
  readonly prefix: string | null;
  readonly localName: string | null;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
}
interface XmlDocument {
  getElementsByTagNameNS(namespace: string, localName: string): ArrayLike<XmlElement>;
}

const corrupt = (message: string, details: Record<string, unknown>, cause?: unknown) =>
  new ImageCorrupt(message, { cause, details: { container: 'svg', ...details } });

/**
 * The credential in an SVG, or a coded error. `maxExpansion` bounds what declared XML entities may
 * add to the document (a "billion laughs" or quadratic-blowup file is refused before parsing).
 */
export async function unbakeSvg(bytes: Uint8Array, maxExpansion: number): Promise<BakedCredential> {
  let text: string;
  try {
    // fatal: a badge's JSON must not be silently repaired with U+FFFD; a UTF-8 BOM is dropped.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw corrupt('The SVG is not valid UTF-8', { reason: 'utf-8' }, cause);
  }
  checkEntities(text, maxExpansion);
  checkShape(text);
  const doc = await parseXml(text);

  const found: XmlElement[] = [];
  for (const localName of Object.keys(ELEMENTS)) {
    const candidates = doc.getElementsByTagNameNS('*', localName);
    for (let i = 0; i < candidates.length; i++) {
      const element = candidates[i]!;
      if (NAMESPACES.has(element.namespaceURI?.replace(/\/$/, '') ?? '') || element.prefix === 'openbadges') {
        found.push(element);
      }
    }
  }
  if (found.length === 0) {
    throw new ImageNotBaked('The SVG has no openbadges:assertion or openbadges:credential element', {
      details: { container: 'svg' },
    });
  }
  if (found.length > 1) {
    throw new ImageAmbiguous('The SVG carries more than one credential element', {
      details: { container: 'svg', elements: found.slice(0, 10).map(describe) },
    });
  }
  return readElement(found[0]!);
}

const describe = (element: XmlElement) => ({
  element: `openbadges:${element.localName}`,
  namespace: element.namespaceURI,
});

/**
 * The body wins (the specs: a body is the JSON credential, no body means `verify` holds the JWS or
 * URL), except a body that looks like JSON but does not parse when there is a `verify` to fall back
 * on: older bakers wrote broken JSON beside a good `verify` URL (mozilla-bakery-bad-json.svg). A
 * broken body with nothing to fall back on is passed on, so the format check names the JSON error.
 */
function readElement(element: XmlElement): BakedCredential {
  const localName = element.localName!;
  const generation = ELEMENTS[localName]!;
  const name = `openbadges:${localName}`;
  const body = (element.textContent ?? '').trim();
  // @xmldom/xmldom answers '' for a missing attribute, browsers null: both mean "none".
  const verify = (element.getAttribute('verify') ?? '').trim();
  const content = { container: 'svg', generation, payload: body, location: `${name} content` } as const;
  const attribute = { container: 'svg', generation, payload: verify, location: `${name} verify attribute` } as const;
  if (body !== '') {
    if (verify === '' || !body.startsWith('{') || parsesAsJson(body)) return content;
    return attribute;
  }
  if (verify !== '') return attribute;
  throw corrupt(`The ${name} element has neither content nor a verify attribute`, {
    reason: 'empty',
    element: name,
  });
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses DOCTYPEs a parser could be made to do unbounded work or I/O for, before any parser sees
 * the text. The internal subset may hold only comments and general entities with literal values
 * free of `&`, `%` and `<`: no external (SYSTEM/PUBLIC) entity, no parameter entity, no nesting,
 * hence no "billion laughs" and no XXE. What those entities can add is then bounded by counting
 * their references (the quadratic blowup: a 1 MB entity referenced 100 000 times). An external
 * DTD (`<!DOCTYPE svg PUBLIC … "…svg11.dtd">`, common in real files) is fine: neither parser loads it.
 */
function checkEntities(text: string, maxExpansion: number): void {
  // The prolog: XML whitespace, processing instructions, comments. An unterminated one stops the
  // scan; the parser reports it.
  const prolog = /[ \t\r\n]+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->/y;
  let at = 0;
  for (;;) {
    prolog.lastIndex = at;
    if (!prolog.exec(text)) break;
    at = prolog.lastIndex;
  }
  if (!text.startsWith('<!DOCTYPE', at)) return;

  // Up to the internal subset's '[' or the declaration's end, skipping quoted literals.
  let i = at + '<!DOCTYPE'.length;
  for (; i < text.length && text[i] !== '[' && text[i] !== '>'; i++) {
    if (text[i] === '"' || text[i] === "'") {
      i = text.indexOf(text[i]!, i + 1);
      if (i < 0) break;
    }
  }
  if (i < 0 || i >= text.length) throw corrupt('The SVG has an unterminated DOCTYPE', { reason: 'doctype' });
  if (text[i] === '>') return;

  const entities = new Map<string, number>();
  const space = /[ \t\r\n]*/y;
  const comment = /<!--[\s\S]*?-->/y;
  const entity = /<!ENTITY[ \t\r\n]+([^ \t\r\n%&;<>"']+)[ \t\r\n]+(?:"([^"&%<]*)"|'([^'&%<]*)')[ \t\r\n]*>/y;
  for (i += 1; ;) {
    space.lastIndex = i;
    space.exec(text);
    i = space.lastIndex;
    if (text[i] === ']') break;
    comment.lastIndex = i;
    entity.lastIndex = i;
    if (comment.exec(text)) {
      i = comment.lastIndex;
      continue;
    }
    const match = entity.exec(text);
    if (!match || entities.size >= MAX_ENTITIES) {
      throw new UnsupportedFormat('The SVG declares XML entities or DTD rules this reader does not process', {
        details: { container: 'svg', reason: 'dtd', offset: i },
      });
    }
    // The first declaration of a name is the binding one (XML 1.0 §4.2).
    if (!entities.has(match[1]!)) entities.set(match[1]!, (match[2] ?? match[3]!).length);
    i = entity.lastIndex;
  }
  if (entities.size === 0) return;

  let expansion = 0;
  const reference = /&([^ \t\r\n&;<>"'#]+);/g;
  reference.lastIndex = i;
  for (let m = reference.exec(text); m; m = reference.exec(text)) {
    expansion += entities.get(m[1]!) ?? 0;
    if (expansion > maxExpansion) {
      throw new TooLarge('The SVG expands to more than the size limit through XML entities', {
        details: { container: 'svg', reason: 'entity-expansion', maxBytes: maxExpansion },
      });
    }
  }
}

/**
 * Counts elements and tracks nesting in one linear pass over the markup, without building anything,
 * and refuses a file beyond `MAX_SVG_ELEMENTS` or `MAX_SVG_DEPTH` (ERR_OB_TOO_LARGE, `reason`
 * `elements` or `depth`) before a parser or a tree walk can be made to do unbounded work. It is a
 * count, not a parser: malformed markup is left for the parser to report.
 */
function checkShape(text: string): void {
  let elements = 0;
  let depth = 0;
  const limit = (reason: 'elements' | 'depth', max: number) =>
    new TooLarge(`The SVG has more ${reason === 'depth' ? 'levels of nesting' : 'elements'} than allowed (${max})`, {
      details: { container: 'svg', reason, max },
    });
  /** Index just past `close`, searched from `from`; the end of the text when it never comes. */
  const past = (close: string, from: number) => {
    const at = text.indexOf(close, from);
    return at < 0 ? text.length : at + close.length;
  };
  let i = text.indexOf('<');
  while (i >= 0 && i < text.length) {
    const next = text.charCodeAt(i + 1);
    if (text.startsWith('<!--', i)) i = past('-->', i + 4);
    else if (text.startsWith('<![CDATA[', i)) i = past(']]>', i + 9);
    else if (next === 0x3f /* ? */) i = past('?>', i + 2);
    else if (next === 0x21 /* ! */) {
      // A DOCTYPE (checkEntities has vetted its internal subset: no '<' in its literals) or other declaration.
      i = pastDeclaration(text, i);
    } else if (next === 0x2f /* / */) {
      depth -= 1;
      i = past('>', i + 2);
    } else {
      // A start tag: its end is the first '>' outside a quoted attribute value.
      let j = i + 1;
      let quote = 0;
      for (; j < text.length; j++) {
        const c = text.charCodeAt(j);
        if (quote !== 0) {
          if (c === quote) quote = 0;
        } else if (c === 0x22 || c === 0x27) quote = c;
        else if (c === 0x3e /* > */) break;
      }
      elements += 1;
      if (elements > MAX_SVG_ELEMENTS) throw limit('elements', MAX_SVG_ELEMENTS);
      if (text.charCodeAt(j - 1) !== 0x2f /* / */) {
        depth += 1;
        if (depth > MAX_SVG_DEPTH) throw limit('depth', MAX_SVG_DEPTH);
      }
      i = j + 1;
    }
    i = text.indexOf('<', i);
  }
}

/** Index just past a `<!…>` declaration at `start`: quoted literals, and an internal subset's comments and `]`, skipped. */
function pastDeclaration(text: string, start: number): number {
  let subset = false;
  for (let j = start + 2; j < text.length; j++) {
    const c = text[j];
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, j + 1);
      if (close < 0) return text.length;
      j = close;
    } else if (subset && c === '<' && text.startsWith('<!--', j)) {
      const close = text.indexOf('-->', j + 4);
      if (close < 0) return text.length;
      j = close + 2;
    } else if (c === '[') subset = true;
    else if (c === ']') subset = false;
    else if (c === '>' && !subset) return j + 1;
  }
  return text.length;
}

/** Parses `text` as XML into a DOM, or throws ImageCorrupt. */
async function parseXml(text: string): Promise<XmlDocument> {
  if (typeof DOMParser === 'function') {
    // 'application/xml', not 'image/svg+xml': the text is data; an XML document is all it needs to be.
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    // Browsers report errors in the document itself, as a <parsererror> element (namespaced
    // differently by each engine). A file that contains one of its own is treated as broken too.
    const error = doc.getElementsByTagNameNS('*', 'parsererror')[0];
    if (error || !doc.documentElement) {
      throw corrupt('The SVG is not well-formed XML', {
        reason: 'xml',
        message: (error?.textContent ?? '').trim().slice(0, 300),
      });
    }
    return doc;
  }
  // Node and workers. @xmldom/xmldom resolves no DTD and expands no declared entity (an unknown
  // entity reference is an error), loads nothing, and with this onError stops at the first error
  // rather than returning a repaired tree.
  const { DOMParser: XmlDomParser } = await import('@xmldom/xmldom');
  try {
    const parser = new XmlDomParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    });
    return parser.parseFromString(text, 'application/xml') as unknown as XmlDocument;
  } catch (cause) {
    throw corrupt(
      'The SVG is not well-formed XML',
      { reason: 'xml', message: String((cause as Error)?.message ?? cause).slice(0, 300) },
      cause,
    );
  }
}
