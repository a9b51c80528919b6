/**
 * Markdown written to make a lexer or renderer do more than linear work: unclosed and unmatched
 * delimiters, every backtick run length, deep nesting. The renderer's tests hold each to its limits;
 * `npm run bench -- --only hostile` times each against benign prose of the same length.
 */
export const HOSTILE_MARKDOWN: readonly (readonly [what: string, source: string])[] = [
  ['unclosed emphasis', '*a _b '.repeat(3000)],
  ['unmatched brackets', '[a]('.repeat(4000)],
  ['brackets and parens', `${'['.repeat(6000)}${'](x'.repeat(4000)}`],
  ['backtick runs of every length', Array.from({ length: 190 }, (_, i) => '`'.repeat(i + 1)).join('a')],
  ['deep lists', Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')],
  ['long link titles', '[a](x "'.repeat(2500)],
];
