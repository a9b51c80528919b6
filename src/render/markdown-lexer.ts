import { MAX_MARKDOWN_DEPTH, MAX_TABLE_CELLS, MAX_TABLE_COLUMNS, MAX_TABLE_ROWS } from './markdown.js';

/**
 * A small, bounded Markdown lexer for narratives (ADR 0012): the CommonMark + GFM subset that
 * markdown-walker.ts renders, as tokens (never HTML). Blocks: paragraphs, ATX and setext headings,
 * fenced and indented code, blockquotes, bullet and ordered lists (nested, loose or tight, task
 * items), thematic breaks, GFM tables, raw HTML blocks (kept as their source). Inlines: emphasis,
 * strong, strikethrough, code spans, links and images (inline form), autolinks (`<…>` and bare
 * http(s)/www), hard breaks, backslash escapes; raw inline HTML is text. Not supported, shown as
 * text: link reference definitions and reference links, footnotes.
 *
 * Every step is bounded: lines are visited a constant number of times per nesting level, and
 * nesting stops at `MAX_MARKDOWN_DEPTH`; brackets and backtick runs are matched in one pass each;
 * a closing emphasis delimiter never searches below the lowest opener a failed search reached;
 * link destinations and titles are read for at most `MAX_DESTINATION` characters; tables are
 * measured before any cell is built. Character references are left in text, as marked left them,
 * for the walker to decode.
 */

export interface Token {
  readonly type: string;
  /** The source of the token (what the walker shows when it renders a token as text). */
  readonly raw: string;
  readonly text?: string;
  readonly tokens?: Token[];
  readonly depth?: number;
  readonly ordered?: boolean;
  readonly start?: number;
  readonly items?: Token[];
  readonly checked?: boolean;
  readonly href?: string;
  readonly title?: string | null;
  readonly autolink?: boolean;
  readonly escaped?: boolean;
  readonly header?: { readonly tokens: Token[] }[];
  readonly rows?: { readonly tokens: Token[] }[][];
}

/** Link destinations and titles longer than this are not read as links. */
const MAX_DESTINATION = 2048;
/** Parentheses nested deeper than this in a link destination end it (as in cmark). */
const MAX_PARENS = 32;

const BLANK = /^[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})([^`]*)$/;
const ATX = /^ {0,3}(#{1,6})(?=[ \t]|$)(.*)$/;
const HR = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?/;
const ITEM = /^( {0,3})([-+*]|\d{1,9}[.)])([ \t]{1,4}|[ \t]*$)/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const INDENTED = /^(?: {4}|\t)/;
const BLOCK_TAGS =
  /^ {0,3}<\/?(?:address|article|aside|blockquote|body|center|details|dialog|dd|div|dl|dt|fieldset|figure|footer|form|frame|h[1-6]|head|header|hr|html|iframe|legend|li|main|menu|nav|ol|p|pre|script|section|style|summary|table|tbody|td|textarea|tfoot|th|thead|title|tr|ul)(?:[\s/>]|$)|^ {0,3}<[!?]/i;
const LONE_TAG = /^ {0,3}<\/?[a-zA-Z][\w-]*(?:\s[^<>]*)?\/?>[ \t]*$/;
const DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** The tokens of a (capped) narrative. */
export function lex(source: string): Token[] {
  return blocks(source.replace(/\r\n?/g, '\n').replace(/\0/g, '\ufffd').split('\n'), 0);
}

function startsBlock(line: string): boolean {
  return FENCE.test(line) || ATX.test(line) || HR.test(line) || QUOTE.test(line) || BLOCK_TAGS.test(line);
}

/** A list item marker that may interrupt a paragraph: not empty, and an ordered one only from 1. */
function interruptsParagraph(line: string): boolean {
  const item = ITEM.exec(line);
  return item !== null && !BLANK.test(line.slice(item[0].length)) && (!/\d/.test(item[2]!) || item[2]!.startsWith('1'));
}

function blocks(lines: readonly string[], depth: number): Token[] {
  const out: Token[] = [];
  if (depth > MAX_MARKDOWN_DEPTH) {
    // Deeper than the walker renders: one token with its source (shown as text).
    const raw = lines.join('\n');
    return [{ type: 'paragraph', raw, tokens: [{ type: 'text', raw, text: raw }] }];
  }
  let i = 0;
  const take = (from: number) => lines.slice(from, i).join('\n');
  while (i < lines.length) {
    const line = lines[i]!;
    const start = i;
    let match: RegExpExecArray | null;
    if (BLANK.test(line)) {
      i++;
      continue;
    }
    if ((match = FENCE.exec(line))) {
      const fence = match[1]!;
      const indent = line.length - line.trimStart().length;
      const body: string[] = [];
      for (i++; i < lines.length; i++) {
        const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines[i]!);
        if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) break;
        body.push(lines[i]!.replace(new RegExp(`^ {0,${indent}}`), ''));
      }
      i = Math.min(i + 1, lines.length);
      out.push({ type: 'code', raw: take(start), text: body.join('\n') });
      continue;
    }
    if (INDENTED.test(line)) {
      while (i < lines.length && (INDENTED.test(lines[i]!) || BLANK.test(lines[i]!))) i++;
      while (i > start && BLANK.test(lines[i - 1]!)) i--;
      const text = lines
        .slice(start, i)
        .map((l) => l.replace(/^(?: {1,4}|\t)/, ''))
        .join('\n');
      out.push({ type: 'code', raw: take(start), text });
      continue;
    }
    if ((match = ATX.exec(line))) {
      i++;
      const text = match[2]!.replace(/(?:^|[ \t]+)#+[ \t]*$/, '').trim();
      out.push({ type: 'heading', raw: line, depth: match[1]!.length, tokens: inlines(text, depth + 1) });
      continue;
    }
    if (HR.test(line)) {
      i++;
      out.push({ type: 'hr', raw: line });
      continue;
    }
    if (QUOTE.test(line)) {
      const inner: string[] = [];
      // Quoted lines, and lazy continuation lines of a paragraph in it.
      while (i < lines.length) {
        const next = lines[i]!;
        if (QUOTE.test(next)) inner.push(next.replace(QUOTE, ''));
        else if (!BLANK.test(next) && !startsBlock(next) && !ITEM.test(next) && !BLANK.test(inner.at(-1) ?? ''))
          inner.push(next);
        else break;
        i++;
      }
      out.push({ type: 'blockquote', raw: take(start), tokens: blocks(inner, depth + 1) });
      continue;
    }
    if (ITEM.test(line)) {
      out.push(list(lines, i, depth, (end) => (i = end)));
      continue;
    }
    if (BLOCK_TAGS.test(line) || LONE_TAG.test(line)) {
      while (i < lines.length && !BLANK.test(lines[i]!)) i++;
      out.push({ type: 'html', raw: take(start) });
      continue;
    }
    if (line.includes('|') && i + 1 < lines.length && DELIMITER_ROW.test(lines[i + 1]!)) {
      const table = tableAt(lines, i, depth, (end) => (i = end));
      if (table) {
        out.push(table);
        continue;
      }
    }
    // A paragraph: until a blank line or a block that may interrupt it; a setext underline makes it a heading.
    const text: string[] = [line.trimStart()];
    let heading = 0;
    for (i++; i < lines.length; i++) {
      const next = lines[i]!;
      if ((match = SETEXT.exec(next))) {
        heading = match[1]![0] === '=' ? 1 : 2;
        i++;
        break;
      }
      if (BLANK.test(next) || startsBlock(next) || interruptsParagraph(next)) break;
      text.push(next.trimStart());
    }
    const joined = text.join('\n').trimEnd();
    out.push(
      heading
        ? { type: 'heading', raw: take(start), depth: heading, tokens: inlines(joined, depth + 1) }
        : { type: 'paragraph', raw: take(start), tokens: inlines(joined, depth + 1) },
    );
  }
  return out;
}

/** The list starting at `lines[from]`; `done` is given the index after it. */
function list(lines: readonly string[], from: number, depth: number, done: (end: number) => void): Token {
  const first = ITEM.exec(lines[from]!)!;
  const ordered = /\d/.test(first[2]!);
  const kind = ordered ? first[2]!.slice(-1) : first[2]!;
  const items: Token[] = [];
  let loose = false;
  let i = from;
  while (i < lines.length) {
    const match = ITEM.exec(lines[i]!);
    if (!match || (ordered ? !/\d/.test(match[2]!) || match[2]!.slice(-1) !== kind : match[2] !== kind)) break;
    const start = i;
    // Content starts after the marker and its spaces (one space when the item starts with code or nothing).
    const spaces = match[3]!.length > 4 || BLANK.test(lines[i]!.slice(match[0].length)) ? 1 : match[3]!.length;
    const indent = match[1]!.length + match[2]!.length + spaces;
    const body = [lines[i]!.slice(Math.min(match[0].length, indent))];
    let blankInside = false;
    for (i++; i < lines.length; i++) {
      const next = lines[i]!;
      if (BLANK.test(next)) {
        body.push('');
        continue;
      }
      const indented = next.length - next.trimStart().length >= indent;
      if (indented) {
        if (body.at(-1) === '') blankInside = true;
        body.push(next.slice(indent));
        continue;
      }
      // A lazy continuation of the item's paragraph.
      if (body.at(-1) !== '' && !startsBlock(next) && !ITEM.test(next)) {
        body.push(next);
        continue;
      }
      break;
    }
    let end = body.length;
    while (end > 0 && body[end - 1] === '') end--;
    const trailingBlank = end < body.length;
    // Blank lines between items, or between blocks of an item, make the list loose.
    if (blankInside || (trailingBlank && i < lines.length && ITEM.test(lines[i]!))) loose = true;
    let content = body.slice(0, end);
    let checked: boolean | undefined;
    const task = /^\[([ xX])\][ \t]+/.exec(content[0] ?? '');
    if (task) {
      checked = task[1] !== ' ';
      content = [content[0]!.slice(task[0].length), ...content.slice(1)];
    }
    const raw = lines.slice(start, i).join('\n').replace(/\n+$/, '');
    items.push({ type: 'list_item', raw: `${raw}\n`, tokens: blocks(content, depth + 1), checked });
  }
  for (const item of items) {
    const tokens = item.tokens!;
    // Tight items hold text, not paragraphs.
    if (!loose)
      for (const [index, token] of tokens.entries())
        if (token.type === 'paragraph') tokens[index] = { ...token, type: 'text', text: token.raw };
    if (item.checked !== undefined) {
      const box: Token = { type: 'checkbox', raw: '', checked: item.checked };
      const lead = tokens[0];
      if (lead && (lead.type === 'text' || lead.type === 'paragraph')) lead.tokens!.unshift(box);
      else tokens.unshift(box);
    }
  }
  done(i);
  const start = ordered ? Number.parseInt(first[2]!, 10) : undefined;
  return { type: 'list', raw: lines.slice(from, i).join('\n'), ordered, start, items };
}

function cells(row: string): string[] {
  const trimmed = row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return trimmed.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/** A GFM table at `lines[from]` (header, delimiter row, body rows), or `undefined` when the columns differ. */
function tableAt(
  lines: readonly string[],
  from: number,
  depth: number,
  done: (end: number) => void,
): Token | undefined {
  const columns = cells(lines[from + 1]!).length;
  if (cells(lines[from]!).length !== columns) return undefined;
  let i = from + 2;
  while (i < lines.length && !BLANK.test(lines[i]!) && !startsBlock(lines[i]!)) i++;
  done(i);
  const raw = lines.slice(from, i).join('\n');
  const rows = i - from - 2;
  // Measured before any cell is built: larger tables are shown as their source.
  if (columns > MAX_TABLE_COLUMNS || rows > MAX_TABLE_ROWS || columns * (rows + 1) > MAX_TABLE_CELLS)
    return { type: 'oversized-table', raw };
  const row = (line: string) => {
    const found = cells(line);
    return Array.from({ length: columns }, (_, c) => ({ tokens: inlines(found[c] ?? '', depth + 1) }));
  };
  return {
    type: 'table',
    raw,
    header: row(lines[from]!),
    rows: lines.slice(from + 2, i).map(row),
  };
}

// ── Inlines ───────────────────────────────────────────────────────────────────────────────────────

const PUNCTUATION = /[!-/:-@[-`{-~]/;
const AUTOLINK = /^<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*)>/;
const EMAIL =
  /^<([a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*)>/;
const BARE_URL = /^(?:https?:\/\/|www\.)[^\s<]*[^\s<?!.,:*_~'")\]]/i;

/** A delimiter run of `*`, `_` or `~` in the flat list of inline nodes, waiting to be matched. */
interface Delimiter {
  readonly type: 'delimiter';
  readonly char: string;
  count: number;
  readonly open: boolean;
  readonly close: boolean;
  raw: string;
}

type Node = Token | Delimiter;

const isSpace = (c: string | undefined) => c === undefined || /\s/u.test(c);
const isPunct = (c: string | undefined) => c !== undefined && /[\p{P}\p{S}]/u.test(c);

/** The inline tokens of `src`. */
function inlines(src: string, depth: number): Token[] {
  if (depth > MAX_MARKDOWN_DEPTH) return [{ type: 'text', raw: src, text: src }];
  // One pass: the next backtick run of each length (brackets: `matchingBracket`).
  const runs = [...src.matchAll(/`+/g)];
  const nextRun = new Map<number, number>();
  const seen = new Map<number, number>();
  for (let r = runs.length - 1; r >= 0; r--) {
    const run = runs[r]!;
    const later = seen.get(run[0].length);
    if (later !== undefined) nextRun.set(run.index, later);
    seen.set(run[0].length, run.index);
  }

  const nodes: Node[] = [];
  let text = '';
  const flush = () => {
    if (text) nodes.push({ type: 'text', raw: text, text });
    text = '';
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    // V8 slices without copying; the patterns below never need more than this.
    const rest = src.slice(i, i + MAX_DESTINATION + 8);
    let match: RegExpExecArray | null;
    let found: ReturnType<typeof link>;
    if (c === '\\' && src[i + 1] === '\n') {
      flush();
      nodes.push({ type: 'br', raw: '\\\n' });
      i += 2;
    } else if (c === '\\' && PUNCTUATION.test(src[i + 1] ?? '')) {
      flush();
      nodes.push({ type: 'escape', raw: src.slice(i, i + 2), text: src[i + 1]! });
      i += 2;
    } else if (c === '`') {
      const length = /^`+/.exec(rest)![0].length;
      const end = nextRun.get(i);
      if (end === undefined) {
        text += '`'.repeat(length);
        i += length;
        continue;
      }
      flush();
      let code = src.slice(i + length, end).replace(/\n/g, ' ');
      if (/^ .*[^ ].* $/s.test(code)) code = code.slice(1, -1);
      nodes.push({ type: 'codespan', raw: src.slice(i, end + length), text: code });
      i = end + length;
    } else if (c === '\n') {
      // Two spaces before a line break make a hard break.
      if (/ {2,}$/.test(text)) {
        text = text.replace(/ +$/, '');
        flush();
        nodes.push({ type: 'br', raw: '  \n' });
      } else text = `${text.replace(/ +$/, '')}\n`;
      i++;
    } else if (c === '<' && ((match = AUTOLINK.exec(rest)) || (match = EMAIL.exec(rest)))) {
      flush();
      const href = match[1]!.includes(':') ? match[1]! : `mailto:${match[1]}`;
      nodes.push({ type: 'link', raw: match[0], href, text: match[1]!, autolink: true, tokens: [] });
      i += match[0].length;
    } else if (
      (c === 'h' || c === 'H' || c === 'w' || c === 'W') &&
      !/\w/.test(src[i - 1] ?? '') &&
      (match = BARE_URL.exec(rest))
    ) {
      flush();
      const url = match[0];
      const href = /^www\./i.test(url) ? `http://${url}` : url;
      nodes.push({ type: 'link', raw: url, href, text: url, autolink: true, tokens: [] });
      i += url.length;
    } else if ((c === '[' || (c === '!' && src[i + 1] === '[')) && (found = link(src, c === '!' ? i + 1 : i))) {
      const image = c === '!';
      const at = image ? i + 1 : i;
      const close = matchingBracket(src, at)!;
      flush();
      const label = src.slice(at + 1, close);
      const raw = src.slice(i, found.end);
      nodes.push(
        image
          ? { type: 'image', raw, href: found.href, title: found.title, text: label }
          : { type: 'link', raw, href: found.href, title: found.title, text: label, tokens: inlines(label, depth + 1) },
      );
      i = found.end;
    } else if (c === '*' || c === '_' || c === '~') {
      const run = new RegExp(`^\\${c}+`).exec(rest)![0];
      const before = src[i - 1];
      const after = src[i + run.length];
      const left = !isSpace(after) && (!isPunct(after) || isSpace(before) || isPunct(before));
      const right = !isSpace(before) && (!isPunct(before) || isSpace(after) || isPunct(after));
      flush();
      nodes.push({
        type: 'delimiter',
        char: c,
        count: run.length,
        open: c === '_' ? left && (!right || isPunct(before)) : left,
        close: c === '_' ? right && (!left || isPunct(after)) : right,
        raw: run,
      });
      i += run.length;
    } else {
      text += c;
      i++;
    }
  }
  flush();
  return emphasis(nodes);
}

/** The inline link or image whose text starts at the `[` at `at`: its destination, title and end. */
function link(src: string, at: number): { href: string; title: string | null; end: number } | undefined {
  const close = matchingBracket(src, at);
  if (close === undefined || src[close + 1] !== '(') return undefined;
  let i = close + 2;
  const skip = () => {
    while (i < src.length && /[ \t\n]/.test(src[i]!)) i++;
  };
  skip();
  let href = '';
  // Searches never read past the longest destination or title.
  const within = (char: string, from: number) => {
    const end = src.slice(from, from + MAX_DESTINATION).indexOf(char);
    return end < 0 ? -1 : from + end;
  };
  if (src[i] === '<') {
    const end = within('>', i);
    if (end < 0 || src.slice(i, end).includes('\n')) return undefined;
    href = src.slice(i + 1, end);
    i = end + 1;
  } else {
    let parens = 0;
    const from = i;
    for (; i < src.length && i - from <= MAX_DESTINATION; i++) {
      const c = src[i]!;
      if (c === '\\' && PUNCTUATION.test(src[i + 1] ?? '')) i++;
      else if (c === '(') {
        if (++parens > MAX_PARENS) return undefined;
      } else if (c === ')') {
        if (parens === 0) break;
        parens--;
      } else if (c <= ' ') break;
    }
    if (parens !== 0) return undefined;
    href = src.slice(from, i);
  }
  skip();
  let title: string | null = null;
  const quote = src[i];
  if (quote === '"' || quote === "'" || quote === '(') {
    const end = within(quote === '(' ? ')' : quote, i + 1);
    if (end < 0) return undefined;
    title = src.slice(i + 1, end);
    i = end + 1;
    skip();
  }
  if (src[i] !== ')') return undefined;
  return { href: href.replace(/\\([!-/:-@[-`{-~])/g, '$1'), title, end: i + 1 };
}

/** Memo of `inlines`' one-pass bracket matching, for `link` (the same source string). */
let bracketsOf: { src: string; closing: Map<number, number> } | undefined;

function matchingBracket(src: string, at: number): number | undefined {
  if (bracketsOf?.src !== src) {
    const closing = new Map<number, number>();
    const open: number[] = [];
    for (let i = 0; i < src.length; i++) {
      const c = src[i];
      if (c === '\\') i++;
      else if (c === '[') open.push(i);
      else if (c === ']' && open.length > 0) closing.set(open.pop()!, i);
    }
    bracketsOf = { src, closing };
  }
  return bracketsOf.closing.get(at);
}

/**
 * Matches delimiter runs into `em`, `strong` and `del` (CommonMark's "process emphasis", without
 * the rule of three): each closer looks back for an opener of its character, never below where a
 * failed look for that character stopped, so the work stays linear in the number of runs.
 */
function emphasis(nodes: Node[]): Token[] {
  const floor = new Map<string, number>();
  for (let c = 0; c < nodes.length; c++) {
    const closer = nodes[c]!;
    if (closer.type !== 'delimiter' || !(closer as Delimiter).close) continue;
    const close = closer as Delimiter;
    let o = c - 1;
    const bottom = floor.get(close.char) ?? -1;
    for (; o > bottom; o--) {
      const opener = nodes[o]!;
      if (opener.type === 'delimiter' && (opener as Delimiter).open && (opener as Delimiter).char === close.char) {
        if (close.char !== '~' || (opener as Delimiter).count === close.count) break;
      }
    }
    if (o <= bottom) {
      floor.set(close.char, c - 1);
      continue;
    }
    const open = nodes[o] as Delimiter;
    const used = close.char === '~' ? close.count : Math.min(2, open.count, close.count);
    const inner = emphasis(nodes.slice(o + 1, c));
    const raw = `${close.char.repeat(used)}${inner.map((t) => t.raw).join('')}${close.char.repeat(used)}`;
    const token: Token = { type: close.char === '~' ? 'del' : used === 2 ? 'strong' : 'em', raw, tokens: inner };
    open.count -= used;
    open.raw = open.raw.slice(used);
    close.count -= used;
    close.raw = close.raw.slice(used);
    const replaced: Node[] = [open.count > 0 ? open : undefined, token, close.count > 0 ? close : undefined].filter(
      (n): n is Node => n !== undefined,
    );
    nodes.splice(o, c - o + 1, ...replaced);
    // Continue with the closer if some of it is left, else after the new token.
    c = o + replaced.indexOf(token);
    for (const [key, value] of floor) if (value >= o) floor.set(key, o - 1);
  }
  // Unmatched runs are text; neighbouring text joins.
  const out: Token[] = [];
  for (const node of nodes) {
    const token: Token = node.type === 'delimiter' ? { type: 'text', raw: node.raw, text: node.raw } : (node as Token);
    const last = out.at(-1);
    if (token.type === 'text' && last?.type === 'text' && !last.tokens) {
      const merged = last.raw + token.raw;
      out[out.length - 1] = { type: 'text', raw: merged, text: merged };
    } else out.push(token);
  }
  return out;
}
