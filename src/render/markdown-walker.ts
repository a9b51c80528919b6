import { html, nothing, type TemplateResult } from 'lit';
import { lex, type Token } from './markdown-lexer.js';
import { MAX_MARKDOWN_DEPTH, MAX_MARKDOWN_NODES } from './markdown.js';
import { safeLinkUrl } from './safe-url.js';

/**
 * The Markdown renderer proper, loaded with `import()` by `loadMarkdown` (markdown.ts) together
 * with its lexer (markdown-lexer.ts), and only for a narrative that looks like Markdown (`mayBeMarkdown`): the bounded
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
    // Nothing here should throw; if something does, the text is still worth showing.
    result = html`<div class="md md--plain">${text}</div>`;
  }
  cache.set(key, result);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return result;
}

/**
 * Lexes the source and returns its blocks as templates. Should it throw, the caller shows the
 * source as plain text.
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
        const t = token;
        return html`<p>${this.inlines(t.tokens, next)}</p>`;
      }
      case 'heading': {
        const t = token;
        const level = Math.min(6, this.headingLevel + Math.max(0, (t.depth ?? 1) - 1));
        return html`<p class="md__heading md__heading--${level}" role="heading" aria-level=${level}>
          ${this.inlines(t.tokens, next)}
        </p>`;
      }
      case 'code': {
        const t = token;
        return html`<pre><code>${t.text}</code></pre>`;
      }
      case 'blockquote': {
        const t = token;
        return html`<blockquote>${this.blocks(t.tokens, next)}</blockquote>`;
      }
      case 'list': {
        const t = token;
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
        const t = token;
        // At most MAX_TABLE_CELLS cells (the tokenizer refused larger tables); each one counts.
        const header = t.header ?? [];
        const rows = t.rows ?? [];
        this.budget -= header.length * (rows.length + 1);
        return html`<div class="md__table">
          <table>
            <thead>
              <tr>
                ${header.map((cell) => html`<th scope="col">${this.inlines(cell.tokens, next)}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${rows.map(
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
        const t = token;
        return t.tokens ? html`${this.inlines(t.tokens, next)}` : decodeText(t);
      }
      case 'html':
      default:
        // Raw HTML and anything unknown: its source, as text, in a block of its own.
        return html`<p class="md__raw">${rawText(token).trim()}</p>`;
    }
  }

  listItem(item: Token, depth: number): Rendered[] {
    // Loose items hold paragraphs, tight ones text tokens; `blocks` handles both.
    return this.blocks(item.tokens, depth);
  }

  inline(token: Token, depth: number): Rendered {
    if (depth >= MAX_MARKDOWN_DEPTH) return rawText(token);
    const next = depth + 1;
    switch (token.type) {
      case 'text': {
        const t = token;
        return t.tokens ? html`${this.inlines(t.tokens, next)}` : decodeText(t);
      }
      case 'escape':
        return token.text ?? '';
      case 'strong':
        return html`<strong>${this.inlines(token.tokens, next)}</strong>`;
      case 'em':
        return html`<em>${this.inlines(token.tokens, next)}</em>`;
      case 'del':
        return html`<del>${this.inlines(token.tokens, next)}</del>`;
      case 'codespan':
        return html`<code>${token.text}</code>`;
      case 'br':
        return html`<br />`;
      case 'checkbox':
        return token.checked ? '☑ ' : '☐ ';
      case 'link': {
        const t = token;
        // Autolinks are literal; written links carry character references (`&amp;`).
        const href = safeLinkUrl(t.autolink ? t.href : decodeEntities(t.href ?? ''));
        const content = t.autolink ? (t.text ?? '') : this.inlines(t.tokens, next);
        if (!href) return html`<span class="md__link-refused">${content}</span>`;
        const title = t.title ? decodeEntities(t.title) : undefined;
        return html`<a href=${href} title=${title ?? nothing} rel="noopener noreferrer nofollow" target="_blank"
          >${content}</a
        >`;
      }
      case 'image': {
        // Never loaded: a link to the image (when its URL is safe), else its alt text.
        const t = token;
        const href = safeLinkUrl(decodeEntities(t.href ?? ''));
        const label = decodeEntities(t.text ?? '') || href || '';
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

function decodeText(token: Token): string {
  // `escaped` text (inside raw HTML blocks) is already literal.
  return token.escaped ? (token.text ?? '') : decodeEntities(token.text ?? '');
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
 * Decodes the character references the lexer leaves in text for an HTML renderer to resolve
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
