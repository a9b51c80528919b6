/**
 * `ob-verify`: the core verifier from a terminal. The only Node-specific code in the package
 * (files, stdin, process exit codes) lives here; the verification itself is `openbadge-embed/core`.
 *
 *   ob-verify <file | url | -> [--json] [--now ISO-DATE] [--documents MAP.json] [--offline]
 *
 * Exit status: 0 verified, 1 not verified (failed or status unknown), 2 usage or input error.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createVerifier } from '../core/verify.js';
import type { Check, VerificationResult } from '../core/result.js';

export const EXIT_VERIFIED = 0;
export const EXIT_NOT_VERIFIED = 1;
export const EXIT_USAGE = 2;

/** Badge files and documents larger than this are refused before reading (the core caps fetches at 2 MiB). */
const MAX_INPUT_BYTES = 16 * 1024 * 1024;

export const USAGE = `Usage: ob-verify <file | url | -> [options]

Verifies an Open Badge 3.0 / W3C Verifiable Credential: signature, issuer key,
validity dates and status. A file may hold a JWT (VC-JWT or VC-JOSE) or JSON;
the content decides, not the file name. "-" reads standard input.

Options:
  --json                 print the full verification result as JSON
  --now ISO-DATE         check validity at this instant (default: now)
  --documents MAP.json   answer these URLs/DIDs from local files: a JSON object
                         { "<url or did>": "<file>" }, paths relative to MAP.json
  --offline              refuse every fetch the documents map does not answer
  -h, --help             show this help

Exit status: 0 verified, 1 not verified (or status unknown), 2 usage or input error.`;

/** Where the CLI reads and writes; the defaults are the process's own streams. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean | undefined };
  readonly stderr: { write(text: string): unknown };
  readonly stdin: AsyncIterable<Uint8Array | string>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

class UsageError extends Error {}

interface Options {
  readonly input: string;
  readonly json: boolean;
  readonly now: Date | undefined;
  readonly documents: string | undefined;
  readonly offline: boolean;
}

function parseOptions(argv: readonly string[]): Options | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        now: { type: 'string' },
        documents: { type: 'string' },
        offline: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length === 0) throw new UsageError('Missing the badge to verify (a file, a URL, or - for stdin)');
  if (positionals.length > 1)
    throw new UsageError(`Expected one badge, got ${positionals.length}: ${positionals.join(' ')}`);
  let now: Date | undefined;
  if (values.now !== undefined) {
    // ISO 8601 date or date-time only: Date.parse also takes "June 1", which is not what a script meant.
    const iso = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
    now = new Date(values.now);
    if (!iso.test(values.now) || Number.isNaN(now.getTime())) {
      throw new UsageError(
        `--now expects an ISO 8601 date or date-time (e.g. 2026-06-01T00:00:00Z), not ${JSON.stringify(values.now)}`,
      );
    }
  }
  return {
    input: positionals[0]!,
    json: values.json,
    now,
    documents: values.documents,
    offline: values.offline,
  };
}

async function readFileCapped(path: string, what: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UsageError(`${what} ${path} is not a file`);
    if (info.size > MAX_INPUT_BYTES) throw new UsageError(`${what} ${path} is larger than ${MAX_INPUT_BYTES} bytes`);
    return new Uint8Array(await readFile(path));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`Cannot read ${what.toLowerCase()} ${path}${code ? ` (${code})` : ''}`);
  }
}

async function readStdin(stdin: CliIo['stdin']): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    total += bytes.byteLength;
    if (total > MAX_INPUT_BYTES) throw new UsageError(`Standard input is larger than ${MAX_INPUT_BYTES} bytes`);
    chunks.push(bytes);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** `{ "<url or did>": "<path>" }` → URL → file bytes. Paths are relative to the map's folder. */
async function readDocumentsMap(mapPath: string): Promise<Map<string, Uint8Array>> {
  const text = new TextDecoder().decode(await readFileCapped(mapPath, 'Documents map'));
  let map: unknown;
  try {
    map = JSON.parse(text);
  } catch {
    throw new UsageError(`Documents map ${mapPath} is not valid JSON`);
  }
  if (map === null || typeof map !== 'object' || Array.isArray(map)) {
    throw new UsageError(`Documents map ${mapPath} must be a JSON object of "<url>": "<file>"`);
  }
  const base = dirname(mapPath);
  const documents = new Map<string, Uint8Array>();
  for (const [url, file] of Object.entries(map)) {
    if (typeof file !== 'string' || file.length === 0) {
      throw new UsageError(`Documents map ${mapPath}: the entry for ${url} must be a file path`);
    }
    documents.set(url, await readFileCapped(isAbsolute(file) ? file : resolve(base, file), 'Document'));
  }
  return documents;
}

// ── Human output ────────────────────────────────────────────────────────────────────────────────

interface Style {
  readonly green: (text: string) => string;
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
}

function styleFor(colour: boolean): Style {
  const wrap = (open: number, close: number) => (text: string) =>
    colour ? `\x1b[${open}m${text}\x1b[${close}m` : text;
  return { green: wrap(32, 39), red: wrap(31, 39), yellow: wrap(33, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}

/**
 * Badge data is untrusted and the terminal interprets control characters: an issuer name with
 * an escape sequence could recolour, hide or rewrite lines (or set the window title). Controls,
 * bidi overrides and other invisible format characters are replaced; long values are cut.
 */
export function terminalSafe(value: unknown, max = 200): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const cleaned = text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/gu, '�');
  return cleaned.length > max ? `${cleaned.slice(0, max - 1)}…` : cleaned;
}

const MARK: Record<Check['status'], string> = { passed: '✓', failed: '✗', warning: '!', skipped: '–' };

function markOf(check: Check, style: Style): string {
  const mark = MARK[check.status];
  switch (check.status) {
    case 'passed':
      return style.green(mark);
    case 'failed':
      return style.red(mark);
    case 'warning':
      return style.yellow(mark);
    case 'skipped':
      return style.dim(mark);
  }
}

/** The few facts worth a line per check; everything is in `--json`. */
const DETAIL_KEYS: Record<string, readonly string[]> = {
  format: ['securing', 'alg', 'typ', 'vcdm'],
  proof: ['alg', 'keyId', 'kid', 'verificationMethod', 'keySource'],
  issuer: ['issuer', 'controller', 'iss', 'claim', 'claimValue', 'credentialValue'],
  validity: ['validFrom', 'validUntil', 'now'],
  status: ['type', 'url'],
};
const FALLBACK_DETAIL_KEYS = ['url', 'did', 'issuer', 'alg', 'type', 'field', 'header', 'value', 'status'];

function detailsLine(check: Check): string | undefined {
  const details = check.details ?? {};
  const keys = DETAIL_KEYS[check.id] ?? FALLBACK_DETAIL_KEYS;
  const parts: string[] = [];
  for (const key of check.status === 'passed' ? keys : [...new Set([...keys, ...FALLBACK_DETAIL_KEYS])]) {
    const value = details[key];
    if (value === undefined || value === null || value === '') continue;
    if (key === 'kid' && details['keyId'] === value) continue;
    parts.push(`${key} ${terminalSafe(value, 120)}`);
  }
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

function summaryLine(result: VerificationResult, style: Style): string {
  const badge = result.badge;
  const what = badge
    ? `${style.bold(`“${terminalSafe(badge.name, 120)}”`)}` +
      (badge.issuer.name || badge.issuer.id ? ` from ${terminalSafe(badge.issuer.name ?? badge.issuer.id, 120)}` : '') +
      (badge.recipient?.name ? ` to ${terminalSafe(badge.recipient.name, 120)}` : '')
    : undefined;
  const problem =
    result.checks.find((check) => check.status === 'failed') ??
    result.checks.find((check) => check.status !== 'passed');
  let verdict: string;
  switch (result.verdict) {
    case 'verified':
      verdict = style.green(style.bold('✓ Verified'));
      break;
    case 'unknown':
      verdict = style.yellow(style.bold('! Status unknown'));
      break;
    default:
      verdict = style.red(style.bold('✗ Not verified'));
  }
  const reason =
    problem && result.verdict !== 'verified'
      ? `: ${terminalSafe(problem.message ?? problem.code ?? problem.id, 160)}`
      : '';
  return `${verdict}${reason}${what ? `\n  ${what}` : ''}`;
}

export function formatHuman(result: VerificationResult, colour: boolean): string {
  const style = styleFor(colour);
  const width = Math.max(...result.checks.map((check) => check.id.length), 6);
  const lines = [summaryLine(result, style), ''];
  for (const check of result.checks) {
    const code = check.code && check.status !== 'passed' ? ` ${style.dim(`[${check.code}]`)}` : '';
    lines.push(
      `  ${markOf(check, style)} ${check.id.padEnd(width)}  ${terminalSafe(check.message ?? check.status, 160)}${code}`,
    );
    const details = detailsLine(check);
    if (details) lines.push(`    ${' '.repeat(width)}  ${style.dim(details)}`);
  }
  lines.push('', style.dim(`format ${result.format ?? 'unrecognised'} · checked at ${result.checkedAt}`));
  return `${lines.join('\n')}\n`;
}

// ── Entry point ─────────────────────────────────────────────────────────────────────────────────

function useColour(io: CliIo): boolean {
  const noColor = io.env['NO_COLOR'];
  return io.stdout.isTTY === true && (noColor === undefined || noColor === '');
}

function defaultIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

/** Runs the CLI; resolves to the exit status. Never calls `process.exit`, so output is flushed. */
export async function run(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  let options: Options | 'help';
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`ob-verify: ${error.message}\nRun \`ob-verify --help\` for usage.\n`);
    return EXIT_USAGE;
  }
  if (options === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return EXIT_VERIFIED;
  }

  let input: string | Uint8Array;
  let documents: Map<string, Uint8Array> | undefined;
  try {
    if (options.input === '-') input = await readStdin(io.stdin);
    else if (/^https?:\/\//i.test(options.input)) input = options.input;
    else input = await readFileCapped(resolve(io.cwd, options.input), 'File');
    if (options.documents !== undefined) documents = await readDocumentsMap(resolve(io.cwd, options.documents));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`ob-verify: ${error.message}\n`);
    return EXIT_USAGE;
  }

  const verifier = createVerifier();
  let result: VerificationResult;
  try {
    result = await verifier.verify(input, {
      ...(options.now ? { now: options.now } : {}),
      ...(documents ? { documents } : {}),
      ...(options.offline ? { offline: true } : {}),
    });
  } catch (error) {
    // verify() reports bad badges as failed checks; reaching here is an abort or a bug.
    io.stderr.write(
      `ob-verify: verification could not run: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return EXIT_USAGE;
  }

  io.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : formatHuman(result, useColour(io)));
  return result.verified ? EXIT_VERIFIED : EXIT_NOT_VERIFIED;
}
