import { html, type CSSResult, type TemplateResult } from 'lit';
import { lazyModule } from '../components/base/lazy-module.js';

/**
 * Markdown (criteria and evidence narratives) rendered to Lit templates, never to an HTML string.
 *
 * Our own bounded lexer (markdown-lexer.ts, ADR 0012) gives tokens, never HTML; they are walked
 * (markdown-walker.ts) against an allowlist and every piece
 * of text reaches the DOM through a Lit text binding. Raw HTML in the source, and any token type
 * this file does not know, is shown as its literal text. Links go through `safeLinkUrl`; images are
 * never loaded (they are a tracking pixel waiting to happen), they become a link to the image.
 *
 * The lexer, with the walk of its tokens, is loaded with `import()` on first
 * use so it stays out of the initial bundle; until it has loaded, `renderMarkdown` shows the
 * source as plain text. A narrative with no Markdown syntax at all (`mayBeMarkdown`) is shown as
 * the plain text it is and never loads it.
 *
 * The work a narrative can cause is bounded, not just its length: a table padded to its header's
 * column count could turn 20 KB into millions of cells, so tables over the limits below are
 * measured and shown as their source before a cell is built; nesting stops at
 * `MAX_MARKDOWN_DEPTH`; and the walk stops rendering elements after `MAX_MARKDOWN_NODES` tokens.
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

/**
 * Characters and line shapes without which a narrative renders the same as plain text: emphasis,
 * code, links and images, raw HTML and autolinks, character references, escapes, headings,
 * quotes, lists, tables, strikethrough, thematic breaks and setext underlines, indented code,
 * hard breaks, and GFM's bare-URL links. Erring on the side of Markdown: a false positive only
 * loads the renderer, which shows such text as it is.
 */
const MARKDOWN_SYNTAX = /[*_`[\]<>#|~\\&]|^[ \t]*(?:[-+=]|\d{1,9}[.)])|^(?: {4}|\t)| {2}$|https?:|www\./im;

/**
 * Whether `source` may use Markdown syntax (see `MARKDOWN_SYNTAX`). Cheap: one regular
 * expression over at most `MAX_MARKDOWN_LENGTH` characters, no lexing.
 */
export function mayBeMarkdown(source: string | undefined): source is string {
  return source !== undefined && MARKDOWN_SYNTAX.test(capped(source));
}

const walker = lazyModule(() => import('./markdown-walker.js'));

/** True once the lexer has loaded and `renderMarkdown` renders Markdown rather than plain text. */
export function isMarkdownReady(): boolean {
  return walker.module !== undefined;
}

/**
 * Loads the Markdown lexer (once). Resolves when `renderMarkdown` can render Markdown; rejects if
 * the chunk could not be loaded, after which a later call tries again.
 */
export const loadMarkdown: () => Promise<unknown> = walker.load;

/**
 * The styles of rendered Markdown, once the renderer has loaded (they load with it): a shadow root
 * that draws `renderMarkdown` adopts them. Plain narratives need none beyond `.md.md--plain`.
 */
export function markdownStyles(): CSSResult | undefined {
  return walker.module?.markdownStyles;
}

/**
 * Renders Markdown as Lit templates (or as plain text until `loadMarkdown()` has resolved).
 * Results are cached by source and heading level (see markdown-walker.ts).
 */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): TemplateResult {
  const text = capped(source);
  const module = walker.module;
  return module ? module.renderMarkdownSource(text, clampLevel(options.headingLevel ?? 4)) : plain(text);
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
