/**
 * `ob-verify`: the core verifier from a terminal. The only Node-specific code in the package
 * (files, stdin, process exit codes) lives here; the verification itself is `openbadge-embed/core`.
 *
 *   ob-verify <file | url | -> [--json] [--now ISO-DATE] [--recipient IDENTITY] [--proxy TEMPLATE]
 *             [--documents MAP.json] [--offline] [--strict-nested] [--trusted-issuers LIST.json]
 *             [--check-domain]
 *   ob-verify <file | url | -> <file | url> … [--concurrency N] [same options]
 *   ob-verify --jsonl [FILE | -] [--concurrency N] [same options]
 *
 * Exit status: 0 verified, 1 not verified (failed or status unknown), 2 usage or input error, 3 the
 * verifier itself failed (a bug: nothing is said about the badge). It is
 * about the credential given, not the credentials inside it (a CLR's achievements, endorsements, a
 * presentation's credentials), which are listed with their own verdicts; `--strict-nested` makes
 * any of those that is not verified exit 1 too.
 *
 * The batch forms (many badges, or `--jsonl`) verify concurrently with one verifier and one document
 * cache, and print one JSON line per badge in input order (`batch.ts`); they exit 0 when every badge
 * verified, 1 when any did not or could not be read, 3 when the verifier failed on any.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BadgeError } from '../core/errors.js';
import { parseTrustList, type TrustList } from '../core/trust/trust.js';
import { createDocumentCache } from '../core/fetcher.js';
import { createVerifier, type Verifier, type VerifyInput, type VerifyOptions } from '../core/verify.js';
import {
  firstProblem,
  isNotRequested,
  summarizeNested,
  type Check,
  type NestedResult,
  type NestedRole,
  type VerificationResult,
} from '../core/result.js';
import { resultToJson } from '../core/result-json.js';
import {
  badgeOfLine,
  DEFAULT_CONCURRENCY,
  jsonLines,
  MAX_CONCURRENCY,
  runInOrder,
  type Outcome,
  type StreamLine,
} from './batch.js';

export const EXIT_VERIFIED = 0;
export const EXIT_NOT_VERIFIED = 1;
export const EXIT_USAGE = 2;
/** The verification or its report could not be produced: a bug, never a verdict or a usage error. */
export const EXIT_INTERNAL = 3;

/** Badge files and documents larger than this are refused before reading (the core caps fetches at 2 MiB). */
const MAX_INPUT_BYTES = 16 * 1024 * 1024;

export const USAGE = `Usage: ob-verify <file | url | -> [options]
       ob-verify <file | url | -> <file | url> ... [options]
       ob-verify --jsonl [FILE | -] [options]

Verifies an Open Badge (2.0 hosted or signed, 3.0) or W3C Verifiable Credential:
signature (or, for a hosted 2.0 badge, the issuer's own copy), issuer, validity
dates and revocation status. A file may hold JSON, a JWT/JWS, or a baked PNG or
SVG image carrying a badge; the content decides, not the file name. "-" reads
standard input.

Credentials inside it (a CLR's achievements, endorsements, the credentials of a
Verifiable Presentation) are verified too, each on its own, and listed under it
with their own verdicts; they never change its verdict.

Options:
  --json                 print the full verification result as JSON (a baked
                         image is given as its container, type and byteLength)
  --now ISO-DATE         check validity at this instant (default: now)
  --recipient IDENTITY   also check the badge was awarded to IDENTITY:
                         mailto:ADDRESS, https://URL, tel:NUMBER or a DID
                         (hashed recipients are compared by hashing IDENTITY)
  --proxy TEMPLATE       fetch every document through this proxy, a URL with
                         {url} where the wanted address goes, e.g.
                         https://proxy.example/fetch?url={url}; the checks that
                         relied on it say so, since it could alter answers
  --documents MAP.json   answer these URLs/DIDs from local files: a JSON object
                         { "<url or did>": "<file>" }, paths relative to MAP.json
  --offline              refuse every fetch the documents map does not answer
  --strict-nested        also exit 1 when any credential inside it is not
                         verified (by default only its own verdict counts)
  --trusted-issuers LIST.json
                         issuers you recognise (a trust list, see
                         docs/trust-list.schema.json): a verified badge from one
                         reads "Known issuer: …"; any other issuer's name is only
                         as stated by the issuer. Never changes the verdict.
                         Implies --check-domain
  --check-domain         confirm the web domain of a verified badge's issuer: a
                         DID issuer naming a website is looked up on that site
                         (/.well-known/did-configuration.json). Off by default:
                         only the documents verification needs are fetched
  -h, --help             show this help

Many badges: given several files/URLs, or --jsonl, every badge is verified with
one shared document cache (an issuer's keys and status list are fetched once)
and printed as one JSON line: {"input": …, …the --json result}, in input order,
"input" being the file or URL as given or the stream's line number (from 1).
  --jsonl                read badges from a JSON-lines stream (standard input,
                         or the FILE given): each line a JSON credential object
                         or a JSON string holding a JWT or an http(s) URL (never
                         a file path); blank lines are skipped
  --concurrency N        verify at most N badges at once (1-${MAX_CONCURRENCY}, default ${DEFAULT_CONCURRENCY})
A file that cannot be read or a line that is not a JSON object or string gets
{"input": …, "verified": false, "error": "…"} and the run goes on. Exit status:
0 every badge verified, 1 any did not (or could not be read), 2 usage error,
3 the verifier itself failed on any.

Exit status: 0 verified, 1 not verified (or status unknown), 2 usage or input
error, 3 the verifier itself failed (nothing is said about the badge). It is about the credential given: a verified CLR exits 0 even when some of
its achievements are not verified, unless --strict-nested is given. A
presentation nobody signed is never verified (it is only a container).`;

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
  /** Every positional argument: the badges of the many-files form, or the `--jsonl` stream's file. */
  readonly inputs: readonly string[];
  /** Many badges (several positionals or `--jsonl`): one JSON line each. */
  readonly batch: boolean;
  readonly jsonl: boolean;
  readonly concurrency: number;
  readonly json: boolean;
  readonly now: Date | undefined;
  readonly documents: string | undefined;
  readonly offline: boolean;
  readonly recipient: string | undefined;
  readonly proxy: string | undefined;
  readonly strictNested: boolean;
  readonly trustedIssuers: string | undefined;
  readonly checkDomain: boolean;
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
        recipient: { type: 'string' },
        proxy: { type: 'string' },
        'strict-nested': { type: 'boolean', default: false },
        'trusted-issuers': { type: 'string' },
        'check-domain': { type: 'boolean', default: false },
        jsonl: { type: 'boolean', default: false },
        concurrency: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length === 0 && !values.jsonl) {
    throw new UsageError('Missing the badge to verify (a file, a URL, or - for stdin)');
  }
  if (values.jsonl && positionals.length > 1) {
    throw new UsageError(
      `--jsonl reads one stream (a file, or - or nothing for stdin), got ${positionals.length}: ${positionals.join(' ')}`,
    );
  }
  if (positionals.filter((item) => item === '-').length > 1) {
    throw new UsageError('Standard input (-) can be given only once');
  }
  let concurrency = DEFAULT_CONCURRENCY;
  if (values.concurrency !== undefined) {
    concurrency = /^\d{1,3}$/.test(values.concurrency) ? Number(values.concurrency) : 0;
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw new UsageError(
        `--concurrency expects a whole number from 1 to ${MAX_CONCURRENCY}, not ${JSON.stringify(values.concurrency)}`,
      );
    }
  }
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
  if (values.recipient !== undefined && values.recipient.trim() === '') {
    throw new UsageError('--recipient expects an identity: mailto:…, https://…, tel:… or a DID');
  }
  return {
    input: positionals[0] ?? '-',
    inputs: positionals,
    batch: values.jsonl || positionals.length > 1,
    jsonl: values.jsonl,
    concurrency,
    json: values.json,
    now,
    documents: values.documents,
    offline: values.offline,
    recipient: values.recipient?.trim(),
    proxy: values.proxy,
    strictNested: values['strict-nested'],
    trustedIssuers: values['trusted-issuers'],
    checkDomain: values['check-domain'],
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

/** A trust list file, read as the core reads one; what is wrong with it is a usage error. */
async function readTrustListFile(path: string): Promise<TrustList> {
  const text = new TextDecoder().decode(await readFileCapped(path, 'Trust list'));
  try {
    return parseTrustList(JSON.parse(text));
  } catch (error) {
    const reason = error instanceof BadgeError ? error.message : 'not valid JSON';
    throw new UsageError(`Trust list ${path}: ${reason}`);
  }
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
  format: ['securing', 'alg', 'typ', 'vcdm', 'baked'],
  proof: ['verification', 'url', 'finalUrl', 'alg', 'keyId', 'kid', 'verificationMethod', 'keySource'],
  issuer: ['issuer', 'scope', 'controller', 'iss', 'claim', 'claimValue', 'credentialValue'],
  validity: ['validFrom', 'validUntil', 'now'],
  status: ['type', 'url', 'revocationReason'],
  // Only the kind of identity and how it matched: never the badge's identity or hash.
  recipient: ['identityType', 'hashed', 'matched', 'identityTypes'],
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

/** A presentation nobody signed: a container of credentials, neither verified nor a failed presentation. */
function isUnsignedPresentation(result: VerificationResult): boolean {
  const problem = firstProblem(result.checks);
  return (
    result.verdict === 'unknown' && problem?.status === 'warning' && problem.code === 'ERR_OB_PRESENTATION_UNSIGNED'
  );
}

/** "✓ Verified", "✗ Not verified", "! Status unknown" (or "– Not signed" for an unsigned presentation). */
function verdictWord(result: VerificationResult, style: Style, width = 0): string {
  if (isUnsignedPresentation(result)) return style.dim(style.bold('– Not signed'.padEnd(width)));
  switch (result.verdict) {
    case 'verified':
      return style.green(style.bold('✓ Verified'.padEnd(width)));
    case 'unknown':
      return style.yellow(style.bold('! Status unknown'.padEnd(width)));
    default:
      return style.red(style.bold('✗ Not verified'.padEnd(width)));
  }
}

/** The widest verdict word, so nested lines line up. */
const VERDICT_WIDTH = '! Status unknown'.length;

/** Whether the result is verified: both flags agree. */
function isVerified(result: VerificationResult): boolean {
  return result.verified === true && result.verdict === 'verified';
}

/**
 * `“Name” from Issuer to Recipient`, or undefined when the credential could not be read. A badge
 * that is not verified only claims who issued it and to whom (ADR 0009):
 * `“Name”, claims to be from Issuer and awarded to Recipient`.
 */
function whatOf(result: VerificationResult, style: Style): string | undefined {
  const badge = result.badge;
  if (!badge) return undefined;
  // A presentation is shown as one: who presents it, never a name its holder wrote as a headline.
  if (badge.spec === 'vp') {
    const label = style.bold('Presentation');
    const holder = badge.holder ? terminalSafe(badge.holder, 120) : '';
    if (!holder) return label;
    return isVerified(result) ? `${label} presented by ${holder}` : `${label}, names ${holder} as its holder`;
  }
  const issuer = badge.issuer?.name || badge.issuer?.id ? terminalSafe(badge.issuer.name ?? badge.issuer.id, 120) : '';
  const recipient = badge.recipient?.name ? terminalSafe(badge.recipient.name, 120) : '';
  const name = style.bold(`“${terminalSafe(badge.name, 120)}”`);
  if (isVerified(result)) return `${name}${issuer ? ` from ${issuer}` : ''}${recipient ? ` to ${recipient}` : ''}`;
  const claims = [issuer ? `from ${issuer}` : '', recipient ? `awarded to ${recipient}` : ''].filter(Boolean);
  return claims.length > 0 ? `${name}, claims to be ${claims.join(' and ')}` : name;
}

/**
 * Who the issuer of a verified badge is, beyond its key (`result.trust`): on the trust list or
 * not, and a web domain confirmed to be the issuer's. Nothing for a badge that is not verified:
 * facts about who it only claims to be from would be no facts at all.
 */
function trustLines(result: VerificationResult, style: Style): string[] {
  const trust = result.trust;
  if (!isVerified(result)) return [];
  // Nothing asked (no --trusted-issuers, no --check-domain): the name is still only the issuer's word.
  if (!trust) return result.badge?.issuer.name ? [`${style.dim('–')} Issuer name as stated by the issuer`] : [];
  const lines: string[] = [];
  if (trust.known) {
    const list = trust.known.list ? `, per ${terminalSafe(trust.known.list, 120)}` : '';
    lines.push(`${style.green('✓')} Known issuer: ${terminalSafe(trust.known.name, 120)}${list}`);
  } else if (trust.statedName !== undefined) {
    const listed = trust.known === null ? ' (not on the trust list)' : '';
    lines.push(`${style.dim('–')} Issuer name as stated by the issuer${listed}`);
  } else if (trust.known === null) {
    lines.push(`${style.dim('–')} Issuer not on the trust list`);
  }
  const domain = trust.domain;
  if (domain?.confirmed) {
    lines.push(
      `${style.green('✓')} Domain confirmed: ${terminalSafe(domain.host, 120)} ${style.dim(`(${domain.method})`)}`,
    );
  } else if (domain) {
    const reason = domain.reason ? ` ${style.dim(`(${terminalSafe(domain.reason, 120)})`)}` : '';
    lines.push(`${style.dim('–')} Domain not confirmed: ${terminalSafe(domain.host, 120)}${reason}`);
  }
  return lines;
}

function summaryLine(result: VerificationResult, style: Style): string {
  const what = whatOf(result, style);
  const problem = firstProblem(result.checks);
  const count = (result.nested ?? []).filter((item) => item?.role === 'credential').length;
  const reason = isUnsignedPresentation(result)
    ? `: a container of ${count} credential${count === 1 ? '' : 's'}, each checked on its own`
    : problem && result.verdict !== 'verified'
      ? `: ${terminalSafe(problem.message ?? problem.code ?? problem.id, 160)}`
      : '';
  return `${verdictWord(result, style)}${reason}${what ? `\n  ${what}` : ''}`;
}

/** The order roles are listed in. */
const NESTED_ROLES: readonly NestedRole[] = ['achievement', 'credential', 'endorsement'];

/** How deep credentials inside credentials inside … are listed; deeper ones are counted. */
const MAX_NESTED_DEPTH = 3;

/** "12 of 13 achievements verified · 1 not verified". */
export function nestedSummary(result: VerificationResult, role: NestedRole): string {
  const counts = summarizeNested(result, role);
  const noun = role === 'achievement' || role === 'endorsement' ? role : 'credential';
  const parts = [`${counts.verified} of ${counts.total} ${noun}${counts.total === 1 ? '' : 's'} verified`];
  if (counts.unverified > 0) parts.push(`${counts.unverified} not verified`);
  if (counts.unknown > 0) parts.push(`${counts.unknown} status unknown`);
  return parts.join(' · ');
}

/** One nested credential: its verdict, what it is, and why it is not verified. */
function nestedLine(item: NestedResult, style: Style): string {
  const result = item.result;
  let what: string;
  if (item.role === 'endorsement') {
    const issuer = result.badge?.issuer;
    const by = issuer?.name ?? issuer?.id;
    const about = item.about?.target === 'credential' ? 'this credential' : `the ${item.about?.target ?? 'unnamed'}`;
    const lead = isVerified(result) ? 'Endorsed by' : 'Claims to be endorsed by';
    what = `${lead} ${by ? style.bold(terminalSafe(by, 120)) : 'an unnamed endorser'} (about ${about})`;
  } else {
    what = whatOf(result, style) ?? style.dim(`(unreadable, at ${terminalSafe(item.location, 120)})`);
  }
  const problem = result.verdict === 'verified' ? undefined : firstProblem(result.checks);
  const reason = problem
    ? `: ${terminalSafe(problem.message ?? problem.code ?? problem.id, 160)}${problem.code ? ` ${style.dim(`[${problem.code}]`)}` : ''}`
    : '';
  return `${verdictWord(result, style, VERDICT_WIDTH)}  ${what}${reason}`;
}

/** The credentials inside `result`, by role: a summary line, then one line each, indented. */
function nestedLines(result: VerificationResult, style: Style, depth: number): string[] {
  const lines: string[] = [];
  const indent = '  '.repeat(depth);
  for (const role of NESTED_ROLES) {
    const items = (result.nested ?? []).filter((item) => item?.role === role && item.result);
    if (items.length === 0) continue;
    lines.push(`${indent}${style.bold(nestedSummary(result, role))}`);
    for (const item of items) {
      lines.push(`${indent}  ${nestedLine(item, style)}`);
      if ((item.result.nested?.length ?? 0) === 0) continue;
      if (depth < MAX_NESTED_DEPTH) lines.push(...nestedLines(item.result, style, depth + 2));
      else lines.push(`${indent}    ${style.dim(`(${item.result.nested!.length} more inside, see --json)`)}`);
    }
  }
  return lines;
}

/** Whether every credential inside `result`, at any depth, is verified (`--strict-nested`). */
export function allNestedVerified(result: VerificationResult): boolean {
  return (result.nested ?? []).every((item) => item?.result?.verified === true && allNestedVerified(item.result));
}

/** The exit status for a result: about the credential itself, and with `strictNested` about those inside it too. */
export function exitStatus(result: VerificationResult, { strictNested = false } = {}): number {
  if (!result.verified) return EXIT_NOT_VERIFIED;
  return strictNested && !allNestedVerified(result) ? EXIT_NOT_VERIFIED : EXIT_VERIFIED;
}

/**
 * Whether the badge was awarded to `--recipient`: one line under the summary, or none when no
 * recipient was given (that check was not run). The identity shown is the one the user typed.
 */
function recipientLine(result: VerificationResult, recipient: string | undefined, style: Style): string | undefined {
  const check = result.checks.find((item) => item.id === 'recipient');
  if (!check || isNotRequested(check)) return undefined;
  // Skipped because an earlier check failed, and nobody asked about a recipient: nothing to say.
  if (check.status === 'skipped' && recipient === undefined) return undefined;
  const who = recipient === undefined ? 'the given recipient' : terminalSafe(recipient, 120);
  switch (check.status) {
    case 'passed':
      return `${style.green('✓')} Awarded to ${who}`;
    case 'failed':
      return check.code === 'ERR_OB_RECIPIENT_MISMATCH'
        ? `${style.red('✗')} Awarded to someone else, not ${who}`
        : `${style.red('✗')} Could not check the recipient ${who}: ${terminalSafe(check.message ?? check.code, 160)}`;
    case 'warning':
      return `${style.yellow('!')} Could not check the recipient ${who}: ${terminalSafe(check.message ?? check.code, 160)}`;
    case 'skipped':
      return `${style.dim('–')} Recipient ${who} not checked: the ${terminalSafe(check.details?.['requires'] ?? 'earlier', 40)} check did not pass`;
  }
}

/** The proxy origins that answered for some check: whoever runs them could alter what they pass on. */
function proxiesOf(result: VerificationResult): string[] {
  const origins = result.checks
    .map((check) => check.details?.['viaProxy'])
    .filter((origin): origin is string => typeof origin === 'string');
  return [...new Set(origins)];
}

export function formatHuman(result: VerificationResult, colour: boolean, recipient?: string): string {
  const style = styleFor(colour);
  // A check the user did not ask for (no --recipient) was not run: it is in --json, not here.
  const checks = result.checks.filter((check) => !isNotRequested(check));
  const width = Math.max(...checks.map((check) => check.id.length), 6);
  const lines = [summaryLine(result, style)];
  const owner = recipientLine(result, recipient, style);
  if (owner) lines.push(`  ${owner}`);
  for (const line of trustLines(result, style)) lines.push(`  ${line}`);
  lines.push('');
  for (const check of checks) {
    const code = check.code && check.status !== 'passed' ? ` ${style.dim(`[${check.code}]`)}` : '';
    const viaProxy = check.details?.['viaProxy'];
    const message = check.message ?? check.status;
    // Said once per check: the core's message may already name the proxy.
    const proxied =
      typeof viaProxy !== 'string' || message.includes(viaProxy)
        ? ''
        : ` (answered through ${terminalSafe(viaProxy, 120)}, which could alter answers)`;
    lines.push(`  ${markOf(check, style)} ${check.id.padEnd(width)}  ${terminalSafe(message, 160)}${proxied}${code}`);
    const details = detailsLine(check);
    if (details) lines.push(`    ${' '.repeat(width)}  ${style.dim(details)}`);
  }
  lines.push('');
  const nested = nestedLines(result, style, 0);
  if (nested.length > 0) lines.push(...nested, '');
  for (const origin of proxiesOf(result)) {
    lines.push(
      style.yellow(`! Some answers came through the proxy ${terminalSafe(origin, 120)}, which could alter them`),
    );
  }
  lines.push(style.dim(`format ${result.format ?? 'unrecognised'} · checked at ${result.checkedAt}`));
  return `${lines.join('\n')}\n`;
}

/**
 * The result as JSON: `VerificationResult` as it is, `nested` included, except a baked image's
 * bytes, which are the input file itself (and would print as an object of numbered bytes): given
 * as their length, at every level.
 */
export function formatJson(result: VerificationResult): string {
  return `${JSON.stringify(resultToJson(result), null, 2)}\n`;
}

// ── Entry point ─────────────────────────────────────────────────────────────────────────────────

function useColour(io: CliIo): boolean {
  const noColor = io.env['NO_COLOR'];
  return io.stdout.isTTY === true && (noColor === undefined || noColor === '');
}

function defaultIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

/** One badge as the user named it: `-` (standard input), an http(s) URL, or a file. */
async function readInput(name: string, io: CliIo): Promise<string | Uint8Array> {
  if (name === '-') return readStdin(io.stdin);
  if (/^https?:\/\//i.test(name)) return name;
  return readFileCapped(resolve(io.cwd, name), 'File');
}

/** The documents map and trust list the options name, read once for the run. */
async function readGivenFiles(
  options: Options,
  io: CliIo,
): Promise<{ documents: Map<string, Uint8Array> | undefined; trustList: TrustList | undefined }> {
  return {
    documents: options.documents === undefined ? undefined : await readDocumentsMap(resolve(io.cwd, options.documents)),
    trustList:
      options.trustedIssuers === undefined
        ? undefined
        : await readTrustListFile(resolve(io.cwd, options.trustedIssuers)),
  };
}

/** What every badge of the run is verified with: the clock, the page's owner, the trust list. */
function verifyOptionsOf(options: Options, trustList: TrustList | undefined): VerifyOptions {
  return {
    ...(options.now ? { now: options.now } : {}),
    ...(options.recipient ? { recipient: options.recipient } : {}),
    ...(trustList ? { trustList } : {}),
    // The issuer's domain only when asked: a trust list asks who the issuer is.
    ...(options.checkDomain || trustList ? { domainLinkage: true } : {}),
  };
}

/**
 * What a usage problem ends a run with: its message on stderr (and `hint`), exit 2. Anything else
 * is not the user's mistake and goes on up.
 */
function usageExit(error: unknown, io: CliIo, hint = ''): number {
  if (!(error instanceof UsageError)) throw error;
  io.stderr.write(`ob-verify: ${error.message}${hint}\n`);
  return EXIT_USAGE;
}

/** Runs the CLI; resolves to the exit status. Never calls `process.exit`, so output is flushed. */
export async function run(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  let options: Options | 'help';
  try {
    options = parseOptions(argv);
  } catch (error) {
    return usageExit(error, io, '\nRun `ob-verify --help` for usage.');
  }
  if (options === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return EXIT_VERIFIED;
  }

  if (options.batch) return runBatch(options, io);

  let input: string | Uint8Array;
  let documents: Map<string, Uint8Array> | undefined;
  let trustList: TrustList | undefined;
  try {
    input = await readInput(options.input, io);
    ({ documents, trustList } = await readGivenFiles(options, io));
  } catch (error) {
    return usageExit(error, io);
  }

  let verifier: Verifier;
  try {
    verifier = createVerifier(options.proxy === undefined ? {} : { proxy: options.proxy });
  } catch (error) {
    // A proxy template without {url}, or not an http(s) URL.
    io.stderr.write(`ob-verify: --proxy: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
  let result: VerificationResult;
  try {
    result = await verifier.verify(input, {
      ...verifyOptionsOf(options, trustList),
      ...(documents ? { documents } : {}),
      ...(options.offline ? { offline: true } : {}),
    });
  } catch (error) {
    // verify() reports bad badges as failed checks; reaching here is an abort or a bug.
    io.stderr.write(
      `ob-verify: verification could not run: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return EXIT_INTERNAL;
  }

  let output: string;
  try {
    output = options.json ? formatJson(result) : formatHuman(result, useColour(io), options.recipient);
  } catch (error) {
    // The report is built from badge data with bounded depth (resultToJson); reaching here is a bug.
    io.stderr.write(
      `ob-verify: the report could not be written: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return EXIT_INTERNAL;
  }
  io.stdout.write(output);
  return exitStatus(result, { strictNested: options.strictNested });
}

// ── Many badges ─────────────────────────────────────────────────────────────────────────────────

/** One badge of a batch: how the user named it, and how to read it (a `UsageError` says why it cannot be). */
interface BatchItem {
  readonly input: string | number;
  readonly read: () => Promise<VerifyInput>;
}

/** A batch line for a badge that could not be read or verified: said in its place, the run goes on. */
function errorOutcome(input: string | number, message: string, status: number): Outcome {
  return { line: JSON.stringify({ input, verified: false, error: message }), status };
}

/** The many-files form's badges, read only when their turn comes (a few files in memory at once). */
function fileItems(paths: readonly string[], io: CliIo): BatchItem[] {
  return paths.map((path) => ({
    input: path,
    read: () => readInput(path, io),
  }));
}

/** A JSON-lines stream's badges, line by line as they arrive; `input` is the line number. */
async function* streamItems(lines: AsyncIterable<StreamLine>): AsyncGenerator<BatchItem> {
  for await (const line of lines) {
    yield {
      input: line.line,
      read: async () => {
        if (!('text' in line)) throw new UsageError(`Line ${line.line} is longer than ${MAX_INPUT_BYTES} bytes`);
        const badge = badgeOfLine(line.text);
        if ('error' in badge) throw new UsageError(badge.error);
        return badge.input;
      },
    };
  }
}

/**
 * The batch forms: one verifier, configured once with the documents map, `--offline` and one
 * document cache for the whole run, so an issuer's DID document, keys and status list are fetched
 * once for all its badges (and a URL failing is asked again by the next badge, as in the core).
 */
async function runBatch(options: Options, io: CliIo): Promise<number> {
  let documents: Map<string, Uint8Array> | undefined;
  let trustList: TrustList | undefined;
  let stream: AsyncIterable<Uint8Array | string> | undefined;
  try {
    ({ documents, trustList } = await readGivenFiles(options, io));
    if (options.jsonl) {
      const source = options.inputs[0] ?? '-';
      if (source === '-') stream = io.stdin;
      else {
        const path = resolve(io.cwd, source);
        const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
          throw new UsageError(`Cannot read stream ${path}${error.code ? ` (${error.code})` : ''}`);
        });
        if (!info.isFile()) throw new UsageError(`Stream ${path} is not a file`);
        stream = createReadStream(path);
      }
    }
  } catch (error) {
    return usageExit(error, io);
  }

  let verifier: Verifier;
  try {
    verifier = createVerifier({
      ...(options.proxy === undefined ? {} : { proxy: options.proxy }),
      ...(documents ? { documents } : {}),
      ...(options.offline ? { offline: true } : {}),
      cache: createDocumentCache(),
    });
  } catch (error) {
    io.stderr.write(`ob-verify: --proxy: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
  const verifyOptions = verifyOptionsOf(options, trustList);

  async function verifyOne({ input, read }: BatchItem): Promise<Outcome> {
    let badge: VerifyInput;
    try {
      badge = await read();
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      return errorOutcome(input, error.message, EXIT_NOT_VERIFIED);
    }
    let result: VerificationResult;
    try {
      result = await verifier.verify(badge, verifyOptions);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return errorOutcome(input, `verification could not run: ${reason}`, EXIT_INTERNAL);
    }
    try {
      const json = resultToJson(result) as Record<string, unknown>;
      return {
        line: JSON.stringify({ input, ...json }),
        status: exitStatus(result, { strictNested: options.strictNested }),
      };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return errorOutcome(input, `the report could not be written: ${reason}`, EXIT_INTERNAL);
    }
  }

  const items = stream ? streamItems(jsonLines(stream, MAX_INPUT_BYTES)) : fileItems(options.inputs, io);
  try {
    return await runInOrder(
      items,
      (item) => verifyOne(item).catch((error: unknown) => errorOutcome(item.input, String(error), EXIT_INTERNAL)),
      options.concurrency,
      (line) => io.stdout.write(`${line}\n`),
    );
  } catch (error) {
    // Reading the stream failed part way (the lines before it are written).
    io.stderr.write(
      `ob-verify: reading the badges failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return EXIT_USAGE;
  }
}
