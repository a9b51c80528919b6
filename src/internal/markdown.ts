import { html, nothing, type TemplateResult } from 'lit';
import type { Token, Tokens } from 'marked';
import { safeLinkUrl } from './safe-url.js';

/**
 * Markdown (criteria and evidence narratives) rendered to Lit templates, never to an HTML string.
 *
 * Only `marked`'s lexer is used; the tokens are walked here against an allowlist and every piece
 * of text reaches the DOM through a Lit text binding. Raw HTML in the source, and any token type
 * this file does not know, is shown as its literal text. Links go through `safeLinkUrl`; images are
 * never loaded (they are a tracking pixel waiting to happen), they become a link to the image.
 *
 * `marked` is loaded with `import()` on first use so it stays out of the initial bundle; until it
 * has loaded, `renderMarkdown` shows the source as plain text.
 */

export interface MarkdownOptions {
  /**
   * The ARIA heading level a Markdown `#` heading becomes; deeper headings follow it, capped at 6.
   * Set it below the headings around the narrative so a narrative never outranks the badge name.
   */
  readonly headingLevel?: number;
}

/** Longer sources are cut (with "…") before lexing. */
export const MAX_MARKDOWN_LENGTH = 20_000;
/** Nesting deeper than this (lists in quotes in lists …) is shown as plain text. */
export const MAX_MARKDOWN_DEPTH = 8;

type LexFn = (source: string) => Token[];

let lex: LexFn | undefined;
let loading: Promise<void> | undefined;

/** True once the lexer has loaded and `renderMarkdown` renders Markdown rather than plain text. */
export function isMarkdownReady(): boolean {
  return lex !== undefined;
}

/**
 * Loads the Markdown lexer (once). Resolves when `renderMarkdown` can render Markdown; rejects if
 * the chunk could not be loaded, after which a later call tries again.
 */
export function loadMarkdown(): Promise<void> {
  loading ??= import('marked').then(
    ({ Lexer }) => {
      // Explicit options, not marked's global defaults: a page's own `marked.use(...)` extensions
      // must not add token types (or renderers) to our path.
      lex = (source) => Lexer.lex(source, { gfm: true, breaks: false, pedantic: false, silent: true });
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Renders Markdown as Lit templates (or as plain text until `loadMarkdown()` has resolved). */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): TemplateResult {
  const text = source.length > MAX_MARKDOWN_LENGTH ? `${source.slice(0, MAX_MARKDOWN_LENGTH)}…` : source;
  if (!lex) return plain(text);
  let tokens: Token[];
  try {
    tokens = lex(text);
  } catch {
    return plain(text);
  }
  const walker = new Walker(clampLevel(options.headingLevel ?? 4));
  return html`<div class="md">${walker.blocks(tokens, 0)}</div>`;
}

function plain(text: string): TemplateResult {
  return html`<div class="md md--plain">${text}</div>`;
}

function clampLevel(level: number): number {
  return Math.min(6, Math.max(1, Math.trunc(Number.isFinite(level) ? level : 4)));
}

type Rendered = TemplateResult | string | typeof nothing;

class Walker {
  constructor(private readonly headingLevel: number) {}

  blocks(tokens: readonly Token[] | undefined, depth: number): Rendered[] {
    return (tokens ?? []).map((token) => this.block(token, depth));
  }

  inlines(tokens: readonly Token[] | undefined, depth: number): Rendered[] {
    return (tokens ?? []).map((token) => this.inline(token, depth));
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
        const items = t.items.map((item) => html`<li>${this.listItem(item, next + 1)}</li>`);
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
      case 'table': {
        const t = token as Tokens.Table;
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
