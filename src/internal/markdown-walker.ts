import { html, nothing, type TemplateResult } from 'lit';
import { Lexer, Tokenizer, type Token, type Tokens } from 'marked';
import {
  MAX_MARKDOWN_DEPTH,
  MAX_MARKDOWN_NODES,
  MAX_TABLE_CELLS,
  MAX_TABLE_COLUMNS,
  MAX_TABLE_ROWS,
} from './markdown.js';
import { safeLinkUrl } from './safe-url.js';

/**
 * The Markdown renderer proper, loaded with `import()` by `loadMarkdown` (markdown.ts) together
 * with `marked`, and only for a narrative that looks like Markdown (`mayBeMarkdown`): the bounded
 * lexer, the walk of its tokens against an allowlist into Lit templates (markdown.ts has the
 * rules), and the cache of what it rendered. Until it has loaded, narratives are shown as plain
 * text, so none of this is in the element's first bundle. lit, `safeLinkUrl` and the limits are
 * ordinary imports: the build's chunk plan keeps them in the script-tag file, which this chunk
 * imports.
 */

export { markdownStyles } from './markdown.styles.js';

/** How many rendered narratives are kept, so a re-render of the same source does not lex it again. */
const CACHE_SIZE = 32;

const cache = new Map<string, TemplateResult>();

/**
 * Renders the (already capped) source at the (already clamped) heading level. Results are cached
 * by source and heading level: a template result is an immutable description, so handing the same
 * one to Lit again costs a comparison, not a lex and a walk.
 */
export function renderMarkdownSource(text: string, level: number): TemplateResult {
  const key = `${level}:${text}`;
  const cached = cache.get(key);
  if (cached) {
    // Least recently used goes first: re-insert to mark it used.
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  let result: TemplateResult;
  try {
    result = html`<div class="md">${walk(text, level)}</div>`;
  } catch {
    // marked can overflow the stack on deep nesting (`> > > …`); the text is still worth showing.
    result = html`<div class="md md--plain">${text}</div>`;
  }
  cache.set(key, result);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return result;
}

/** Stands in for a table over the limits; its `raw` is the table's source. */
interface OversizedTable {
  readonly type: 'oversized-table';
  readonly raw: string;
}

class BoundedTokenizer extends Tokenizer {
  override table(src: string): Tokens.Table | undefined {
    // Measure before marked builds (and pads) any cell. The same regex marked's own table
    // tokenizer starts with: group 2 is the delimiter row, group 3 the body rows.
    const match = this.rules.block.table.exec(src);
    if (!match) return undefined;
    const columns = (match[2] ?? '').replace(/^\s*\|?|\|?\s*$/g, '').split('|').length;
    const rows = (match[3] ?? '').split('\n').filter((row) => row.trim() !== '').length;
    if (columns <= MAX_TABLE_COLUMNS && rows <= MAX_TABLE_ROWS && columns * (rows + 1) <= MAX_TABLE_CELLS)
      return super.table(src);
    const oversized: OversizedTable = { type: 'oversized-table', raw: match[0].replace(/\n+$/, '') };
    // The lexer only reads `raw` (to advance) and stores the token; the walker knows this type.
    return oversized as unknown as Tokens.Table;
  }
}
// Explicit options, not marked's global defaults: a page's own `marked.use(...)` extensions
// must not add token types (or renderers) to our path.
const lex = (source: string): Token[] =>
  Lexer.lex(source, {
    gfm: true,
    breaks: false,
    pedantic: false,
    silent: true,
    tokenizer: new BoundedTokenizer(),
  });

/**
 * Lexes the source and returns its blocks as templates. It may throw (marked can overflow the
 * stack on deep nesting); the caller then shows the source as plain text.
 */
function walk(source: string, headingLevel: number): unknown[] {
  return new Walker(headingLevel).blocks(lex(source), 0);
}

/** A template, text, or lit's `nothing`. */
type Rendered = TemplateResult | string | symbol;

class Walker {
  /** Tokens left to render as elements (see `MAX_MARKDOWN_NODES`). */
  private budget: number;

  constructor(private readonly headingLevel: number) {
    this.budget = MAX_MARKDOWN_NODES;
  }

  /**
   * Renders items while the budget lasts, then the source of all remaining items as one piece
   * (`rest`), so an over-long narrative ends in text rather than in thousands more elements.
   */
  private each<T extends Token>(
    items: readonly T[] | undefined,
    render: (item: T) => Rendered,
    rest: (source: string) => Rendered,
  ): Rendered[] {
    const out: Rendered[] = [];
    for (const [index, item] of (items ?? []).entries()) {
      if (this.budget <= 0) {
        out.push(rest(items!.slice(index).map(rawText).join('')));
        break;
      }
      this.budget -= 1;
      out.push(render(item));
    }
    return out;
  }

  blocks(tokens: readonly Token[] | undefined, depth: number): Rendered[] {
    return this.each(
      tokens,
      (token) => this.block(token, depth),
      (source) => html`<p class="md__raw">${source.trim()}</p>`,
    );
  }

  inlines(tokens: readonly Token[] | undefined, depth: number): Rendered[] {
    return this.each(
      tokens,
      (token) => this.inline(token, depth),
      (source) => source,
    );
  }

  block(token: Token, depth: number): Rendered {
    if (depth >= MAX_MARKDOWN_DEPTH) return html`<p class="md__raw">${rawText(token).trim()}</p>`;
    const next = depth + 1;
    switch (token.type) {
      case 'space':
      case 'def':
        return nothing;
      case 'paragraph': {
        const t = token as Tokens.Paragraph;
        return html`<p>${this.inlines(t.tokens, next)}</p>`;
      }
      case 'heading': {
        const t = token as Tokens.Heading;
        const level = Math.min(6, this.headingLevel + Math.max(0, t.depth - 1));
        return html`<p class="md__heading md__heading--${level}" role="heading" aria-level=${level}>
          ${this.inlines(t.tokens, next)}
        </p>`;
      }
      case 'code': {
        const t = token as Tokens.Code;
        return html`<pre><code>${t.text}</code></pre>`;
      }
      case 'blockquote': {
        const t = token as Tokens.Blockquote;
        return html`<blockquote>${this.blocks(t.tokens, next)}</blockquote>`;
      }
      case 'list': {
        const t = token as Tokens.List;
        const items = this.each(
          t.items,
          (item) => html`<li>${this.listItem(item, next + 1)}</li>`,
          (source) => html`<li class="md__raw">${source.trim()}</li>`,
        );
        if (!t.ordered)
          return html`<ul>
            ${items}
          </ul>`;
        const start = typeof t.start === 'number' && Number.isSafeInteger(t.start) ? t.start : 1;
        return html`<ol start=${start}>
          ${items}
        </ol>`;
      }
      case 'hr':
        return html`<hr />`;
      case 'checkbox':
        // Task list items: the box leads the item's content, as text (no form control).
        return this.inline(token, depth);
      case 'oversized-table':
        // Too many cells to lay out (see BoundedTokenizer): its source, as text.
        return html`<pre class="md__table-source">${rawText(token)}</pre>`;
      case 'table': {
        const t = token as Tokens.Table;
        // At most MAX_TABLE_CELLS cells (the tokenizer refused larger tables); each one counts.
        this.budget -= t.header.length * (t.rows.length + 1);
        return html`<div class="md__table">
          <table>
            <thead>
              <tr>
                ${t.header.map((cell) => html`<th scope="col">${this.inlines(cell.tokens, next)}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${t.rows.map(
                (row) =>
                  html`<tr>
                    ${row.map((cell) => html`<td>${this.inlines(cell.tokens, next)}</td>`)}
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>`;
      }
      case 'text': {
        // A block-level text token (tight list items): its inline tokens carry the formatting.
        const t = token as Tokens.Text;
        return t.tokens ? html`${this.inlines(t.tokens, next)}` : decodeText(t);
      }
      case 'html':
      default:
        // Raw HTML and anything unknown: its source, as text, in a block of its own.
        return html`<p class="md__raw">${rawText(token).trim()}</p>`;
    }
  }

  listItem(item: Tokens.ListItem, depth: number): Rendered[] {
    // Loose items hold paragraphs, tight ones text tokens; `blocks` handles both.
    return this.blocks(item.tokens, depth);
  }

  inline(token: Token, depth: number): Rendered {
    if (depth >= MAX_MARKDOWN_DEPTH) return rawText(token);
    const next = depth + 1;
    switch (token.type) {
      case 'text': {
        const t = token as Tokens.Text;
        return t.tokens ? html`${this.inlines(t.tokens, next)}` : decodeText(t);
      }
      case 'escape':
        return (token as Tokens.Escape).text;
      case 'strong':
        return html`<strong>${this.inlines((token as Tokens.Strong).tokens, next)}</strong>`;
      case 'em':
        return html`<em>${this.inlines((token as Tokens.Em).tokens, next)}</em>`;
      case 'del':
        return html`<del>${this.inlines((token as Tokens.Del).tokens, next)}</del>`;
      case 'codespan':
        return html`<code>${(token as Tokens.Codespan).text}</code>`;
      case 'br':
        return html`<br />`;
      case 'checkbox':
        return (token as Tokens.Checkbox).checked ? '☑ ' : '☐ ';
      case 'link': {
        const t = token as Tokens.Link;
        // Autolinks are literal; written links carry character references (`&amp;`).
        const href = safeLinkUrl(t.autolink ? t.href : decodeEntities(t.href));
        const content = t.autolink ? t.text : this.inlines(t.tokens, next);
        if (!href) return html`<span class="md__link-refused">${content}</span>`;
        const title = t.title ? decodeEntities(t.title) : undefined;
        return html`<a href=${href} title=${title ?? nothing} rel="noopener noreferrer nofollow" target="_blank"
          >${content}</a
        >`;
      }
      case 'image': {
        // Never loaded: a link to the image (when its URL is safe), else its alt text.
        const t = token as Tokens.Image;
        const href = safeLinkUrl(decodeEntities(t.href));
        const label = decodeEntities(t.text) || href || '';
        if (!href) return label;
        return html`<a class="md__image-link" href=${href} rel="noopener noreferrer nofollow" target="_blank"
          >${label}</a
        >`;
      }
      case 'html':
      default:
        return rawText(token);
    }
  }
}

function rawText(token: Token): string {
  const t = token as { text?: unknown; raw?: unknown };
  if (typeof t.raw === 'string') return t.raw;
  return typeof t.text === 'string' ? t.text : '';
}

function decodeText(token: Tokens.Text): string {
  // `escaped` text (inside raw HTML blocks) is already literal.
  return token.escaped ? token.text : decodeEntities(token.text);
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  middot: '·',
  bull: '•',
  deg: '°',
  times: '×',
  euro: '€',
};

/**
 * Decodes the character references marked leaves in text for an HTML renderer to resolve
 * (`&amp;`, `&#169;`, `&#xA9;` and common named ones). The result is text for a Lit text binding,
 * so decoding `&lt;script&gt;` is harmless: it shows as "<script>". Unknown names stay as written.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g,
    (match, dec, hex, name) => {
      if (name !== undefined) return Object.hasOwn(NAMED_ENTITIES, name) ? NAMED_ENTITIES[name]! : match;
      const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex, 16);
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    },
  );
}
