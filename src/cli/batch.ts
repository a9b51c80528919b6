/**
 * The batch forms of `ob-verify` (many files, or a JSON-lines stream): reading the stream line by
 * line and running the verifications a few at a time, the results written in input order. Nothing
 * here verifies or formats a badge; `ob-verify.ts` hands in the work and the writer.
 */
import type { VerifyInput } from '../core/verify.js';

/** Concurrent verifications when `--concurrency` is not given: a few issuers' servers at a time. */
export const DEFAULT_CONCURRENCY = 4;
export const MAX_CONCURRENCY = 64;

/** One line of a JSON-lines stream: its 1-based number, and its text or why it could not be read. */
export type StreamLine =
  { readonly line: number; readonly text: string } | { readonly line: number; readonly tooLong: true };

/**
 * The lines of `source` as they arrive, each at most `maxBytes` (a longer one is reported as
 * `tooLong` and skipped, never held whole). Blank lines are counted but not yielded. `\r\n` is
 * read as `\n`.
 */
export async function* jsonLines(
  source: AsyncIterable<Uint8Array | string>,
  maxBytes: number,
): AsyncGenerator<StreamLine> {
  const decoder = new TextDecoder();
  let parts: Uint8Array[] = [];
  let size = 0;
  let overflow = false;
  let line = 0;
  function* finish(): Generator<StreamLine> {
    line += 1;
    if (overflow) yield { line, tooLong: true };
    else {
      const text = decoder.decode(Buffer.concat(parts)).replace(/\r$/, '');
      if (text.trim() !== '') yield { line, text };
    }
    parts = [];
    size = 0;
    overflow = false;
  }
  for await (const chunk of source) {
    let bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    for (let newline = bytes.indexOf(10); newline !== -1; newline = bytes.indexOf(10)) {
      take(bytes.subarray(0, newline));
      yield* finish();
      bytes = bytes.subarray(newline + 1);
    }
    take(bytes);
  }
  if (size > 0 || overflow) yield* finish();

  function take(bytes: Uint8Array): void {
    if (overflow || bytes.byteLength === 0) return;
    size += bytes.byteLength;
    if (size > maxBytes) {
      overflow = true;
      parts = [];
    } else parts.push(bytes);
  }
}

/**
 * What one line of a stream is asked to verify: a JSON object is a credential; a JSON string is a
 * compact JWT/JWS or an `http(s)` URL (fetched), passed to the verifier as it is. Anything else is
 * refused with a reason. A string is never read as a file path: a stream of other people's badges
 * must not make the CLI read this machine's files.
 */
export function badgeOfLine(text: string): { readonly input: VerifyInput } | { readonly error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: 'Not valid JSON: each line must be a JSON credential object or a JSON string (a JWT or a URL)' };
  }
  if (typeof value === 'string') {
    return value.trim() === '' ? { error: 'An empty string is not a badge' } : { input: value.trim() };
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return { input: value as Readonly<Record<string, unknown>> };
  }
  return { error: 'Each line must be a JSON credential object or a JSON string (a JWT or a URL)' };
}

/** What one badge came to: its JSON line, and the exit status it calls for. */
export interface Outcome {
  readonly line: string;
  readonly status: number;
}

/**
 * Runs `work` on each item, at most `concurrency` at once, and writes each outcome's line in the
 * order of `items` as soon as every earlier one is written. Reading stops while `4 × concurrency`
 * outcomes wait for an earlier slow one, so a long stream is never held in memory. `work` must not
 * reject. Resolves to the highest status of all outcomes (0 when there were none).
 */
export async function runInOrder<T>(
  items: AsyncIterable<T> | Iterable<T>,
  work: (item: T) => Promise<Outcome>,
  concurrency: number,
  write: (line: string) => void,
): Promise<number> {
  const waiting: { outcome?: Outcome }[] = [];
  let running = 0;
  let worst = 0;
  let wake: (() => void) | undefined;
  const settled = () => new Promise<void>((resolve) => (wake = resolve));
  try {
    for await (const item of items) {
      while (running >= concurrency || waiting.length >= concurrency * 4) await settled();
      const slot: { outcome?: Outcome } = {};
      waiting.push(slot);
      running += 1;
      void work(item).then((outcome) => {
        slot.outcome = outcome;
        running -= 1;
        while (waiting[0]?.outcome) {
          const done = waiting.shift()!.outcome!;
          write(done.line);
          worst = Math.max(worst, done.status);
        }
        wake?.();
      });
    }
  } finally {
    // Also when reading `items` failed: the badges already started are written before that is said.
    while (waiting.length > 0) await settled();
  }
  return worst;
}
