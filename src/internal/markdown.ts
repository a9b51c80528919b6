import { html, nothing, type TemplateResult } from 'lit';
import { safeLinkUrl } from './safe-url.js';

/**
 * Markdown (criteria and evidence narratives) rendered to Lit templates, never to an HTML string.
 *
 * Only `marked`'s lexer is used; the tokens are walked here against an allowlist and every piece
 * of text reaches the DOM through a Lit text binding. Raw HTML in the source, and any token type
 * this file does not know, is shown as its literal text. Links go through `safeLinkUrl`; images are
 * never loaded (they are a tracking pixel waiting to happen), they become a link to the image.
 *
 * `marked`, with the walk of its tokens (markdown-walker.ts), is loaded with `import()` on first
 * use so it stays out of the initial bundle; until it has loaded, `renderMarkdown` shows the
 * source as plain text.
 *
 * The work a narrative can cause is bounded, not just its length: marked pads every table row to
 * the header's column count, so a 20 KB table of 2,500 columns lexes to millions of cells. Tables
 * over the limits below are never handed to marked's table tokenizer (their source is shown as
 * text), and the walk stops rendering elements after `MAX_MARKDOWN_NODES` tokens.
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
/** Tokens one narrative may render as elements; the rest is shown as its source text. */
export const MAX_MARKDOWN_NODES = 3_000;
/** Larger tables (columns, body rows, cells including the header) are shown as their source. */
export const MAX_TABLE_COLUMNS = 20;
export const MAX_TABLE_ROWS = 200;
export const MAX_TABLE_CELLS = 2_000;

/** How many rendered narratives are kept, so a re-render of the same source does not lex it again. */
const CACHE_SIZE = 32;

let walk: ((source: string, headingLevel: number) => unknown[]) | undefined;
let loading: Promise<void> | undefined;
const cache = new Map<string, TemplateResult>();

/** True once the lexer has loaded and `renderMarkdown` renders Markdown rather than plain text. */
export function isMarkdownReady(): boolean {
  return walk !== undefined;
}

/**
 * Loads the Markdown lexer (once). Resolves when `renderMarkdown` can render Markdown; rejects if
 * the chunk could not be loaded, after which a later call tries again.
 */
export function loadMarkdown(): Promise<void> {
  loading ??= import('./markdown-walker.js').then(
    ({ createMarkdownRenderer }) => {
      walk = createMarkdownRenderer({
        html,
        nothing,
        safeLinkUrl,
        limits: {
          depth: MAX_MARKDOWN_DEPTH,
          nodes: MAX_MARKDOWN_NODES,
          tableColumns: MAX_TABLE_COLUMNS,
          tableRows: MAX_TABLE_ROWS,
          tableCells: MAX_TABLE_CELLS,
        },
      });
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * Renders Markdown as Lit templates (or as plain text until `loadMarkdown()` has resolved).
 * Results are cached by source and heading level: a template result is an immutable description,
 * so handing the same one to Lit again costs a comparison, not a lex and a walk.
 */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): TemplateResult {
  const text = capped(source);
  if (!walk) return plain(text);
  const level = clampLevel(options.headingLevel ?? 4);
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
    result = plain(text);
  }
  cache.set(key, result);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return result;
}

/** Renders the source as plain text (what `renderMarkdown` shows before Markdown has loaded). */
export function renderPlainText(source: string): TemplateResult {
  return plain(capped(source));
}

function capped(source: string): string {
  return source.length > MAX_MARKDOWN_LENGTH ? `${source.slice(0, MAX_MARKDOWN_LENGTH)}…` : source;
}

function plain(text: string): TemplateResult {
  return html`<div class="md md--plain">${text}</div>`;
}

function clampLevel(level: number): number {
  return Math.min(6, Math.max(1, Math.trunc(Number.isFinite(level) ? level : 4)));
}
