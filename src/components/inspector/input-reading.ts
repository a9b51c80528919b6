import type { VerifyInput } from '../../core/verify.js';
import type { InspectedInput } from '../../events/inspected-event.js';
import type { InspectorMessages } from '../../messages/inspector-messages.js';
import { safeLinkUrl } from '../../render/safe-url.js';
import { formatBytes, formatChars } from './formatting.js';

/**
 * The largest file or pasted text the inspector reads: the core's `DEFAULT_MAX_BYTES` (2 MiB), the
 * most the verifier takes as input. Refused before reading, with a message, rather than handed to
 * the verifier. (Not imported from core/fetcher.js, which would split the verifier's lazy chunk;
 * a test keeps the two equal.)
 */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

/** What was handed in, kept to build the snippet from once the result is known. */
export type Source =
  | { readonly kind: 'file'; readonly file: Blob }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'url'; readonly url: string };

/** An input read: refused (with the status line's message), or what to verify, report and embed. */
export type InputReading = { readonly refused: string } | AcceptedInput;

/** What to verify, how the report describes it, and what the snippet is made from. */
export interface AcceptedInput {
  readonly input: VerifyInput;
  readonly described: InspectedInput;
  readonly source: Source;
}

/**
 * Reads what was dropped (a `File`/`Blob`), pasted (a string) or entered (a `URL`, or a string that
 * is an http(s) address), refusing what is too large or empty before anything is verified.
 */
export function readInput(input: Blob | string | URL, m: InspectorMessages, lang: string | undefined): InputReading {
  if (typeof Blob !== 'undefined' && input instanceof Blob) {
    const name = typeof (input as File).name === 'string' && (input as File).name ? (input as File).name : 'file';
    if (input.size > MAX_INPUT_BYTES) {
      return { refused: m.fileTooLarge(name, formatBytes(input.size, lang), formatBytes(MAX_INPUT_BYTES, lang)) };
    }
    if (input.size === 0) return { refused: m.fileEmpty(name) };
    return { input, described: { kind: 'file', name, size: input.size }, source: { kind: 'file', file: input } };
  }
  if (input instanceof URL) return readUrl(input.href, m);
  const value = String(input);
  const trimmed = value.trim();
  if (trimmed === '') return { refused: m.textEmpty };
  if (value.length > MAX_INPUT_BYTES) {
    return { refused: m.textTooLong(formatChars(value.length, lang), formatChars(MAX_INPUT_BYTES, lang)) };
  }
  if (/^https?:\/\//i.test(trimmed) && !/\s/.test(trimmed)) return readUrl(trimmed, m);
  return {
    input: trimmed,
    described: { kind: 'text', length: trimmed.length },
    source: { kind: 'text', text: trimmed },
  };
}

/** An address entered: only a safe http(s) link is fetched. */
export function readUrl(href: string, m: InspectorMessages): InputReading {
  const url = safeLinkUrl(href);
  if (!url) return { refused: m.notAUrl };
  return {
    input: new URL(url),
    described: { kind: 'url', url: new URL(url).href },
    source: { kind: 'url', url: new URL(url).href },
  };
}

/** The status line while an input is checked. */
export function checkingText(m: InspectorMessages, described: InspectedInput): string {
  return described.kind === 'file'
    ? m.checkingFile(described.name)
    : described.kind === 'url'
      ? m.checkingUrl(described.url)
      : m.checkingText;
}

/** What the status line names once checked: the file or the address (pasted text has no name). */
export function subjectOf(described: InspectedInput): string | undefined {
  return described.kind === 'file' ? described.name : described.kind === 'url' ? described.url : undefined;
}
