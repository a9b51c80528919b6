// Tests of the `ob-verify` CLI, run by Node's own runner against the build:
//   npm run build && node --test scripts/test-cli.js
// They spawn bin/ob-verify.js as a user would and assert exit codes and the JSON result.
// No test touches the network: every run is --offline or needs no document, and the clock is pinned.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin/ob-verify.js');
const FIXTURES = join(ROOT, 'test/fixtures');
const CREDENTIALS = join(FIXTURES, 'credentials');
const DOCUMENTS = join(FIXTURES, 'documents.json');
const { fixtureNow: NOW } = JSON.parse(readFileSync(join(FIXTURES, 'issuers.json'), 'utf8'));

if (!existsSync(join(ROOT, 'dist/cli/ob-verify.js'))) {
  throw new Error('dist/cli/ob-verify.js is missing: run `npm run build` before these tests');
}

/**
 * The built CLI's module, for the tests that call it in process: typed as its source, loaded from dist/.
 * @returns {Promise<typeof import('../src/cli/ob-verify.js')>}
 */
const builtCli = () => import(new URL('../dist/cli/ob-verify.js', import.meta.url).href);

/** @typedef {Record<string, any>} Json a JSON object the CLI printed, as parsed: each test reads what it asserts */
/** @typedef {Json & { checks: Json[] }} JsonResult a verification result as `--json` prints it */
/** @typedef {{ code: number | null, stdout: string, stderr: string }} Run what a run of the CLI printed, and its exit code */
/** @typedef {{ stdin?: string | Buffer, cwd?: string, env?: Record<string, string> }} RunOptions */
/** @typedef {import('../src/core/result.js').VerificationResult} VerificationResult */
/** @typedef {import('../src/core/result.js').NestedResult} NestedResult */
/** @typedef {import('../src/core/result.js').Check} Check */
/** @typedef {import('vite').Rolldown.OutputChunk} OutputChunk */

/**
 * Runs the CLI; resolves to { code, stdout, stderr }.
 * @param {string[]} args
 * @param {RunOptions} [options]
 * @returns {Promise<Run>}
 */
function cli(args, { stdin, cwd = ROOT, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

/** @param {string} name */
const fixture = (name) => join(CREDENTIALS, name);
/** The pinned clock, nothing fetched: for badges whose keys need no document. */
const OFFLINE = ['--now', NOW, '--offline'];
/** The pinned clock, every document from the fixtures' map, nothing fetched. */
const pinned = ['--now', NOW, '--documents', DOCUMENTS, '--offline'];

/** A fresh temporary directory for files a test writes. */
const tempDir = (prefix = 'ob-verify-') => mkdtempSync(join(tmpdir(), prefix));

/**
 * The JSON result a run printed on stdout; fails the test, with what was printed, when it is not JSON.
 * @param {Run} run
 * @returns {JsonResult}
 */
function resultOf(run) {
  try {
    return /** @type {JsonResult} */ (JSON.parse(run.stdout));
  } catch {
    return assert.fail(`stdout is not JSON (exit ${run.code}): ${run.stdout}\n${run.stderr}`);
  }
}

/**
 * Runs the CLI with `args`; resolves to { code, stdout, stderr, result } with the JSON result parsed.
 * @param {string[]} args
 * @param {RunOptions} [options]
 */
async function cliJson(args, options) {
  const run = await cli(args, options);
  return { ...run, result: resultOf(run) };
}

/** @param {string} name @param {string[]} [extra] */
const verifyJson = (name, extra = pinned) => cliJson([fixture(name), '--json', ...extra]);

const ESC = '\u001b[';
/**
 * Control characters other than newline, in order of appearance.
 * @param {string} text
 */
const controlCharacters = (text) =>
  [...text].filter((c) => c !== '\n' && (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f));

/** @param {JsonResult} result @param {string} id */
const checkOf = (result, id) => result.checks.find((check) => check.id === id);

/** Every check of a verified badge, in order: all passed, and recipient skipped (not asked for). */
const ALL_PASSED = [
  ['format', 'passed'],
  ['proof', 'passed'],
  ['issuer', 'passed'],
  ['validity', 'passed'],
  ['status', 'passed'],
  ['recipient', 'skipped'],
];

/**
 * A verified badge's checks: all passed, and recipient skipped as not asked for (no --recipient),
 * which does not count against the verdict.
 * @param {JsonResult} result
 */
function assertAllPassed(result) {
  assert.deepEqual(
    result.checks.map((check) => [check.id, check.status]),
    ALL_PASSED,
  );
  assert.equal(checkOf(result, 'recipient')?.details.requested, false);
}

/**
 * The check `id` ended with `status` (failed unless said) and this error code.
 * @param {JsonResult} result
 * @param {string} id
 * @param {string} code
 */
function assertCheck(result, id, code, status = 'failed') {
  assert.deepEqual({ status: checkOf(result, id)?.status, code: checkOf(result, id)?.code }, { status, code });
}

/**
 * A did:web key that could not be fetched (--offline, no documents map): the proof fails, exit 1.
 * @param {{ code: number | null, result: JsonResult }} run
 */
function assertKeyUnreachable({ code, result }) {
  assert.equal(result.verified, false);
  assert.equal(checkOf(result, 'proof')?.status, 'failed');
  assert.match(checkOf(result, 'proof')?.code ?? '', /^ERR_OB_(FETCH_REFUSED|KEY_UNRESOLVABLE)$/);
  assert.equal(code, 1);
}

/**
 * A usage error: the message on stderr, nothing on stdout, exit 2.
 * @param {Run} run
 * @param {RegExp} message
 * @param {string} [what]
 */
function assertUsageError({ code, stdout, stderr }, message, what) {
  assert.match(stderr, message, what);
  assert.equal(stdout, '');
  assert.equal(code, 2);
}

describe('ob-verify: verdicts and exit codes', () => {
  for (const name of [
    'ob3-jwt-valid-did-key.jwt',
    'ob3-jwt-valid-did-jwk.jwt',
    'ob3-jose-valid-did-web.jwt',
    'ob3-jose-valid-did-web-multikey.jwt',
    'ob3-jwt-valid-https-jwks.jwt',
  ]) {
    it(`${name}: verified, exit 0`, async () => {
      const { code, result, stderr } = await verifyJson(name);
      assert.equal(stderr, '');
      assert.equal(result.verified, true);
      assert.equal(result.verdict, 'verified');
      assert.equal(result.format, 'ob3-jwt');
      assertAllPassed(result);
      assert.equal(result.checkedAt, new Date(NOW).toISOString());
      assert.equal(code, 0);
    });
  }

  /** @type {[name: string, check: string, code: string][]} */
  const failures = [
    ['ob3-jwt-tampered.jwt', 'proof', 'ERR_OB_SIGNATURE_INVALID'],
    ['ob3-jwt-expired.jwt', 'validity', 'ERR_OB_EXPIRED'],
    ['ob3-jwt-not-yet-valid.jwt', 'validity', 'ERR_OB_NOT_YET_VALID'],
    ['ob3-jwt-wrong-key.jwt', 'issuer', 'ERR_OB_KEY_NOT_ISSUERS'],
    ['ob3-jwt-header-jwk-unbound.jwt', 'issuer', 'ERR_OB_KEY_UNRESOLVABLE'],
    ['ob3-jwt-iss-mismatch.jwt', 'issuer', 'ERR_OB_ISSUER_MISMATCH'],
    ['ob3-jwt-alg-none.jwt', 'format', 'ERR_OB_JOSE_ALG_NOT_ALLOWED'],
    ['ob3-jwt-hs256.jwt', 'format', 'ERR_OB_JOSE_ALG_NOT_ALLOWED'],
    ['ob3-jwt-unknown-crit.jwt', 'format', 'ERR_OB_JOSE_CRIT_UNSUPPORTED'],
  ];
  for (const [name, id, errorCode] of failures) {
    it(`${name}: ${id} fails with ${errorCode}, exit 1`, async () => {
      const { code, result } = await verifyJson(name);
      assert.equal(result.verified, false);
      assert.equal(result.verdict, 'unverified');
      assertCheck(result, id, errorCode);
      assert.equal(code, 1);
    });
  }

  it('ob3-jwt-with-status.jwt: status unknown (a warning, not a pass), exit 1', async () => {
    const { code, result } = await verifyJson('ob3-jwt-with-status.jwt');
    assert.equal(result.verified, false);
    assert.equal(result.verdict, 'unknown');
    assert.equal(checkOf(result, 'status')?.status, 'warning');
    assert.equal(code, 1);
  });

  it('--offline without a documents map: a did:web key cannot be fetched, so not verified', async () => {
    assertKeyUnreachable(await verifyJson('ob3-jose-valid-did-web.jwt', OFFLINE));
  });

  it('--now decides validity: the valid badge is expired in 2031', async () => {
    const { code, result } = await verifyJson('ob3-jwt-valid-did-key.jwt', [
      '--now',
      '2031-01-01T00:00:00Z',
      '--offline',
    ]);
    assert.equal(checkOf(result, 'validity')?.code, 'ERR_OB_EXPIRED');
    assert.equal(code, 1);
  });
});

describe('ob-verify: Data Integrity badges and status lists', () => {
  // Open Badges 3.0 as JSON with an embedded proof, from a did:web with a path; the lists are
  // answered by documents.json like every other document (never the network).
  /** @type {[name: string, format: string, cryptosuite: string | undefined][]} */
  const verified = [
    ['ob3-di-rdfc-valid-did-web-path.json', 'ob3-json', 'eddsa-rdfc-2022'],
    ['ob3-di-jcs-valid-did-web-path.json', 'ob3-json', 'eddsa-jcs-2022'],
    ['ob3-jwt-status-active.jwt', 'ob3-jwt', undefined],
  ];
  for (const [name, format, cryptosuite] of verified) {
    it(`${name}: verified, exit 0`, async () => {
      const { code, result, stderr } = await verifyJson(name);
      assert.equal(stderr, '');
      assert.equal(result.verdict, 'verified');
      assert.equal(result.format, format);
      assertAllPassed(result);
      if (cryptosuite) assert.equal(checkOf(result, 'proof')?.details.cryptosuite, cryptosuite);
      assert.equal(code, 0);
    });
  }

  /** @type {[name: string, check: string, code: string][]} */
  const failures = [
    ['ob3-di-rdfc-tampered.json', 'proof', 'ERR_OB_SIGNATURE_INVALID'],
    ['ob3-di-rdfc-expired.json', 'validity', 'ERR_OB_EXPIRED'],
    ['ob3-di-rdfc-revoked.json', 'status', 'ERR_OB_REVOKED'],
    ['ob3-di-rdfc-suspended.json', 'status', 'ERR_OB_SUSPENDED'],
    ['ob3-jwt-status-revoked.jwt', 'status', 'ERR_OB_REVOKED'],
  ];
  for (const [name, id, errorCode] of failures) {
    it(`${name}: ${id} fails with ${errorCode}, exit 1`, async () => {
      const { code, result } = await verifyJson(name);
      assert.equal(result.verdict, 'unverified');
      assertCheck(result, id, errorCode);
      assert.equal(code, 1);
    });
  }

  it('prints the non-ASCII name and the verification method as signed', async () => {
    const { code, stdout } = await cli([fixture('ob3-di-rdfc-valid-did-web-path.json'), ...pinned]);
    assert.match(
      stdout,
      /^✓ Verified\n {2}“Certified SAFe® 4 Agilist — Ærø” from Nordlys Agile Academy to Zoë Ångström\n/,
    );
    assert.match(stdout, /✓ proof +Signature valid \(eddsa-rdfc-2022\)/);
    assert.match(
      stdout,
      /verificationMethod did:web:localhost%3A5173:issuers:4f9a1c2e-7b3d-4e8a-9c61-2d5e8f0a7b34#key-1/,
    );
    assert.equal(code, 0);
  });

  it('reads a Data Integrity badge from stdin with "-"', async () => {
    const json = readFileSync(fixture('ob3-di-jcs-valid-did-web-path.json'), 'utf8');
    const { code, result } = await cliJson(['-', '--json', ...pinned], { stdin: json });
    assert.equal(result.verdict, 'verified');
    assert.equal(code, 0);
  });

  it('--offline without a documents map: the did:web-with-path key cannot be fetched, so not verified', async () => {
    assertKeyUnreachable(await verifyJson('ob3-di-rdfc-valid-did-web-path.json', OFFLINE));
  });

  it('--offline with the keys but not the lists: status unknown, never verified', async () => {
    const dir = tempDir();
    const map = JSON.parse(readFileSync(DOCUMENTS, 'utf8'));
    const withoutLists = Object.fromEntries(
      Object.entries(map)
        .filter(([url]) => !url.includes('/status/'))
        .map(([url, file]) => [url, join(FIXTURES, file)]),
    );
    writeFileSync(join(dir, 'map.json'), JSON.stringify(withoutLists));
    const { code, result } = await verifyJson('ob3-di-rdfc-valid-did-web-path.json', [
      '--now',
      NOW,
      '--documents',
      join(dir, 'map.json'),
      '--offline',
    ]);
    assert.equal(result.verdict, 'unknown');
    assertCheck(result, 'status', 'ERR_OB_STATUS_UNAVAILABLE', 'warning');
    assert.equal(code, 1);
  });
});

describe('ob-verify: input', () => {
  it('reads the badge from stdin with "-"', async () => {
    const token = readFileSync(fixture('ob3-jwt-valid-did-key.jwt'), 'utf8');
    const { code, result } = await cliJson(['-', '--json', ...OFFLINE], { stdin: token });
    assert.equal(result.verified, true);
    assert.equal(code, 0);
  });

  it('sniffs the content, not the file name: a JWT in a .json file, JSON in a .jwt file', async () => {
    const dir = tempDir();
    const jwtAsJson = join(dir, 'badge.json');
    writeFileSync(jwtAsJson, readFileSync(fixture('ob3-jwt-valid-did-key.jwt')));
    const asJwt = await cliJson([jwtAsJson, '--json', ...OFFLINE]);
    assert.equal(asJwt.result.verified, true);
    assert.equal(asJwt.code, 0);

    const jsonAsJwt = join(dir, 'not-a-badge.jwt');
    writeFileSync(jsonAsJwt, '{"hello": "world"}');
    const notBadge = await cliJson([jsonAsJwt, '--json', ...OFFLINE]);
    const { result } = notBadge;
    assert.equal(result.verified, false);
    assert.deepEqual(
      { status: result.checks[0]?.status, code: result.checks[0]?.code },
      { status: 'failed', code: 'ERR_OB_NOT_A_BADGE' },
    );
    assert.equal(notBadge.code, 1);
  });

  it('resolves documents-map paths relative to the map, whatever the working directory', async () => {
    const { code, result } = await cliJson([fixture('ob3-jwt-valid-https-jwks.jwt'), '--json', ...pinned], {
      cwd: tmpdir(),
    });
    assert.equal(result.verified, true);
    assert.equal(code, 0);
  });
});

describe('ob-verify: usage and input errors exit 2', () => {
  /** @type {[what: string, args: string[], message: RegExp][]} */
  const cases = [
    ['a missing file', ['does-not-exist.jwt'], /Cannot read file .*does-not-exist\.jwt \(ENOENT\)/],
    ['an unknown option', [fixture('ob3-jwt-valid-did-key.jwt'), '--frobnicate'], /Unknown option '--frobnicate'/],
    ['no badge at all', [], /Missing the badge/],
    // Two badges are the many-badges form now (see 'ob-verify: many badges'); two standard inputs are not.
    ['standard input twice', ['-', '-'], /Standard input \(-\) can be given only once/],
    [
      'a --now that is not ISO 8601',
      [fixture('ob3-jwt-valid-did-key.jwt'), '--now', 'next tuesday'],
      /--now expects an ISO 8601/,
    ],
    ['an impossible --now', [fixture('ob3-jwt-valid-did-key.jwt'), '--now', '2026-13-45'], /--now expects an ISO 8601/],
    [
      'a missing documents map',
      [fixture('ob3-jwt-valid-did-key.jwt'), '--documents', 'nope.json'],
      /Cannot read documents map/,
    ],
    ['a directory as the badge', [CREDENTIALS], /is not a file/],
  ];
  for (const [what, args, message] of cases) {
    it(what, async () => {
      assertUsageError(await cli(args), message);
    });
  }

  it('a documents map that names a missing file', async () => {
    const dir = tempDir();
    const map = join(dir, 'map.json');
    writeFileSync(map, JSON.stringify({ 'https://example.org/x': 'missing.json' }));
    const { code, stderr } = await cli([fixture('ob3-jwt-valid-did-key.jwt'), '--documents', map]);
    assert.match(stderr, /Cannot read document .*missing\.json/);
    assert.equal(code, 2);
  });

  it('--help prints usage and exits 0', async () => {
    const { code, stdout } = await cli(['--help']);
    assert.match(stdout, /^Usage: ob-verify <file \| url \| ->/);
    assert.equal(code, 0);
  });
});

describe('ob-verify: human output', () => {
  /**
   * Runs the CLI in-process with a fake terminal, to see what a TTY would get.
   * @param {string[]} args
   * @param {{ isTTY: boolean, env?: Record<string, string> }} terminal
   */
  async function inProcess(args, { isTTY, env = {} }) {
    const { run } = await builtCli();
    let stdout = '';
    let stderr = '';
    const code = await run(args, {
      stdout: { write: (text) => (stdout += text), isTTY },
      stderr: { write: (text) => (stderr += text) },
      stdin: Readable.from([]),
      env,
      cwd: ROOT,
    });
    return { code, stdout, stderr };
  }

  it('names the verdict and marks each check', async () => {
    const { code, stdout } = await cli([fixture('ob3-jwt-expired.jwt'), ...OFFLINE]);
    assert.match(stdout, /^✗ Not verified: The credential expired on 2025-01-01/);
    // Not verified: who issued it and to whom are only claims.
    assert.match(
      stdout,
      /\n {2}“Accessible Web Components”, claims to be from Northwind Coding Academy and awarded to Ada Lovelace\n/,
    );
    assert.match(stdout, /✓ proof +Signature valid \(EdDSA\)/);
    assert.match(stdout, /✗ validity +The credential expired .*\[ERR_OB_EXPIRED\]/);
    assert.equal(code, 1);
  });

  it('marks warnings with ! and skipped checks with –', async () => {
    const status = await cli([fixture('ob3-jwt-with-status.jwt'), ...OFFLINE]);
    assert.match(status.stdout, /^! Status unknown: /);
    assert.match(status.stdout, /! status +.*\[ERR_OB_STATUS_UNAVAILABLE\]/);
    const tampered = await cli([fixture('ob3-jwt-tampered.jwt'), ...OFFLINE]);
    assert.match(tampered.stdout, /– issuer +Not checked: the proof check did not pass/);
  });

  it('colours only a TTY, and never with NO_COLOR', async () => {
    const args = [fixture('ob3-jwt-valid-did-key.jwt'), ...OFFLINE];
    const piped = await cli(args);
    assert.ok(!piped.stdout.includes(ESC), 'no escape sequences when piped');
    const tty = await inProcess(args, { isTTY: true });
    assert.ok(tty.stdout.includes(`${ESC}32m`), 'green on a TTY');
    assert.equal(tty.code, 0);
    const noColor = await inProcess(args, { isTTY: true, env: { NO_COLOR: '1' } });
    assert.ok(!noColor.stdout.includes(ESC), 'no escape sequences with NO_COLOR');
  });

  it('hostile badge text cannot drive the terminal', async () => {
    const { terminalSafe } = await builtCli();
    assert.equal(terminalSafe('Evil\x1b]0;pwned\x07 \x1b[2J\u202eName'), 'Evil�]0;pwned� �[2J�Name');
    const { stdout } = await cli([fixture('ob3-jwt-hostile-content.jwt'), ...OFFLINE]);
    assert.deepEqual(controlCharacters(stdout), []);
  });
});

describe('ob-verify: --recipient', () => {
  // The did:key fixture's subject is did:example:ada-lovelace (plain, not hashed).
  const badge = fixture('ob3-jwt-valid-did-key.jwt');

  it('checks the badge was awarded to the given identity: verified, exit 0', async () => {
    const { code, result } = await verifyJson('ob3-jwt-valid-did-key.jwt', [
      ...OFFLINE,
      '--recipient',
      'did:example:ada-lovelace',
    ]);
    assert.equal(result.verdict, 'verified');
    assert.equal(checkOf(result, 'recipient')?.status, 'passed');
    assert.equal(code, 0);
    const human = await cli([badge, ...OFFLINE, '--recipient', 'did:example:ada-lovelace']);
    assert.match(
      human.stdout,
      /^✓ Verified\n {2}“Accessible Web Components” .*\n {2}✓ Awarded to did:example:ada-lovelace\n/,
    );
    assert.match(human.stdout, /✓ recipient +.*\n +identityType id · hashed false · matched exact/);
  });

  it('someone else’s badge is not verified: exit 1, ERR_OB_RECIPIENT_MISMATCH', async () => {
    const { code, result } = await verifyJson('ob3-jwt-valid-did-key.jwt', [
      ...OFFLINE,
      '--recipient',
      'did:example:grace-hopper',
    ]);
    assert.equal(result.verdict, 'unverified');
    assertCheck(result, 'recipient', 'ERR_OB_RECIPIENT_MISMATCH');
    assert.equal(code, 1);
    const human = await cli([badge, ...OFFLINE, '--recipient', 'mailto:grace@example.org']);
    assert.match(human.stdout, /^✗ Not verified: /);
    assert.match(human.stdout, /\n {2}✗ Awarded to someone else, not mailto:grace@example\.org\n/);
    assert.match(human.stdout, /✗ recipient +.*\[ERR_OB_RECIPIENT_MISMATCH\]/);
    assert.equal(human.code, 1);
  });

  it('an identity that cannot be compared: status unknown, exit 1', async () => {
    const { code, result } = await verifyJson('ob3-jwt-valid-did-key.jwt', [...OFFLINE, '--recipient', 'ada lovelace']);
    assert.equal(result.verdict, 'unknown');
    assert.equal(checkOf(result, 'recipient')?.status, 'warning');
    assert.equal(code, 1);
    const human = await cli([badge, ...OFFLINE, '--recipient', 'ada lovelace']);
    assert.match(human.stdout, /\n {2}! Could not check the recipient ada lovelace: /);
  });

  it('without --recipient, no recipient line and no recipient row', async () => {
    const { stdout } = await cli([badge, ...OFFLINE]);
    assert.doesNotMatch(stdout, /recipient|Awarded to/i);
  });

  it('an empty --recipient is a usage error', async () => {
    assertUsageError(await cli([badge, '--recipient', ' ']), /--recipient expects an identity/);
  });
});

describe('ob-verify: baked images', () => {
  const BAKED = join(FIXTURES, 'ob2/baked');

  it('reads a baked PNG by its content, whatever its name, and gives its size in --json', async () => {
    const dir = tempDir();
    const misnamed = join(dir, 'badge.json');
    copyFileSync(join(BAKED, 'signed-valid.png'), misnamed);
    const run = await cliJson([misnamed, '--json', ...pinned]);
    const { result } = run;
    assert.equal(result.verdict, 'verified');
    assert.equal(result.format, 'ob2-signed');
    assert.equal(checkOf(result, 'format')?.details.baked.container, 'png');
    // Every byte reached the verifier: the image it hands back is the whole file.
    assert.deepEqual(result.bakedImage, {
      container: 'png',
      contentType: 'image/png',
      byteLength: statSync(misnamed).size,
    });
    assert.equal(run.code, 0);
  });

  it('reads a baked SVG, and a baked PNG from stdin', async () => {
    const svg = await cliJson([join(BAKED, 'signed-valid.svg'), '--json', ...pinned]);
    assert.equal(svg.result.verdict, 'verified');
    assert.equal(svg.result.bakedImage.container, 'svg');
    assert.equal(svg.code, 0);
    const png = await cliJson(['-', '--json', ...pinned], { stdin: readFileSync(join(BAKED, 'signed-valid.png')) });
    assert.equal(png.result.verdict, 'verified');
    assert.equal(png.code, 0);
  });

  it('says the badge was read from a baked image', async () => {
    const { stdout, code } = await cli([join(BAKED, 'signed-valid.png'), ...pinned]);
    assert.match(stdout, /✓ format +.*\n +.*baked \{"container":"png"/);
    assert.equal(code, 0);
  });
});

describe('ob-verify: many badges', () => {
  /** Six wall badges, all verified, served by URL in the concurrency test. */
  const NORTHWIND = [
    'northwind-html-css-foundations.jwt',
    'northwind-javascript-fundamentals.jwt',
    'northwind-accessible-web-components.jwt',
    'northwind-typescript-in-practice.jwt',
    'northwind-testing-and-ci.jwt',
    'northwind-full-stack-web-development.jwt',
  ];

  /**
   * The JSON lines a batch run printed, each parsed; fails the test when a line is not JSON.
   * @param {Run} run
   * @returns {Json[]}
   */
  function linesOf(run) {
    assert.ok(run.stdout.endsWith('\n'), `stdout does not end a line: ${run.stdout}\n${run.stderr}`);
    return run.stdout
      .slice(0, -1)
      .split('\n')
      .map((line) => {
        try {
          return /** @type {Json} */ (JSON.parse(line));
        } catch {
          return assert.fail(`not a JSON line: ${line}`);
        }
      });
  }

  /**
   * A CORS proxy on the loopback interface answering from the fixtures' documents map, each answer
   * after `delayMs`: it counts what was asked and how many badges (URLs under /wall/badges/) it
   * was asked for at once.
   * @param {number} [delayMs]
   */
  async function countingProxy(delayMs = 0) {
    const map = /** @type {Record<string, string>} */ (JSON.parse(readFileSync(DOCUMENTS, 'utf8')));
    /** @type {string[]} */
    const asked = [];
    let badgesNow = 0;
    let mostBadgesAtOnce = 0;
    const server = createServer((request, response) => {
      const wanted = new URL(request.url ?? '', 'http://proxy').searchParams.get('url') ?? '';
      asked.push(wanted);
      const badge = wanted.includes('/wall/badges/');
      if (badge) mostBadgesAtOnce = Math.max(mostBadgesAtOnce, ++badgesNow);
      setTimeout(() => {
        if (badge) badgesNow -= 1;
        const file = map[wanted];
        if (!file) {
          response.writeHead(404).end();
          return;
        }
        const type = file.endsWith('.jwt') ? 'application/jwt' : 'application/json';
        response.writeHead(200, { 'content-type': type }).end(readFileSync(join(FIXTURES, file)));
      }, delayMs);
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
    const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
    return {
      template: `http://127.0.0.1:${port}/fetch?url={url}`,
      asked,
      mostBadgesAtOnce: () => mostBadgesAtOnce,
      close: () => server.close(),
    };
  }

  it('verifies many files: one JSON line each, in the order given, the result as --json prints it', async () => {
    const files = [
      fixture('ob3-jwt-valid-did-key.jwt'),
      fixture('ob3-jwt-tampered.jwt'),
      join(CREDENTIALS, 'does-not-exist.jwt'),
      fixture('ob3-jose-valid-did-web.jwt'),
      join(FIXTURES, 'ob2/baked/signed-valid.png'),
    ];
    const run = await cli([...files, ...pinned]);
    const lines = linesOf(run);
    assert.deepEqual(
      lines.map((line) => [line.input, line.verdict ?? 'error']),
      [
        [files[0], 'verified'],
        [files[1], 'unverified'],
        [files[2], 'error'],
        [files[3], 'verified'],
        [files[4], 'verified'],
      ],
    );
    // Each line is the single-badge --json result, with `input` first.
    const single = await verifyJson('ob3-jwt-valid-did-key.jwt');
    assert.deepEqual(Object.keys(lines[0] ?? {}), ['input', ...Object.keys(single.result)]);
    assert.deepEqual(lines[0]?.['checks'], single.result.checks);
    assertAllPassed(/** @type {JsonResult} */ (lines[0]));
    assertCheck(/** @type {JsonResult} */ (lines[1]), 'proof', 'ERR_OB_SIGNATURE_INVALID');
    assert.equal(lines[4]?.['bakedImage']?.container, 'png');
    // An unreadable file is said in its place, and the others are still verified.
    assert.equal(lines[2]?.['verified'], false);
    assert.match(lines[2]?.['error'], /Cannot read file .*does-not-exist\.jwt \(ENOENT\)/);
    assert.equal(run.stderr, '');
    assert.equal(run.code, 1);
  });

  it('exits 0 only when every badge verified', async () => {
    const verified = [fixture('ob3-jwt-valid-did-key.jwt'), fixture('ob3-jwt-valid-did-jwk.jwt')];
    const all = await cli([...verified, ...OFFLINE]);
    assert.deepEqual(
      linesOf(all).map((line) => line.verified),
      [true, true],
    );
    assert.equal(all.code, 0);
    const oneExpired = await cli([...verified, fixture('ob3-jwt-expired.jwt'), ...OFFLINE]);
    assert.deepEqual(
      linesOf(oneExpired).map((line) => line.verified),
      [true, true, false],
    );
    assert.equal(oneExpired.code, 1);
  });

  it('reads a JSON-lines stream: a line each, by line number; a malformed line is an error line, never the end', async () => {
    const jwt = readFileSync(fixture('ob3-jwt-valid-did-key.jwt'), 'utf8').trim();
    const credential = JSON.parse(readFileSync(fixture('ob3-di-rdfc-valid-did-web-path.json'), 'utf8'));
    const stream = [
      JSON.stringify(jwt),
      '{"not": "closed"',
      '',
      '42',
      JSON.stringify(credential),
      JSON.stringify(readFileSync(fixture('ob3-jwt-tampered.jwt'), 'utf8').trim()),
      JSON.stringify(fixture('ob3-jwt-valid-did-key.jwt')),
    ].join('\r\n');
    const run = await cli(['--jsonl', ...pinned], { stdin: stream });
    const lines = linesOf(run);
    assert.deepEqual(
      lines.map((line) => [line.input, line.verdict ?? 'error']),
      [
        [1, 'verified'],
        [2, 'error'],
        [4, 'error'],
        [5, 'verified'],
        [6, 'unverified'],
        // A string is a JWT or a URL, never a path: a stream cannot make the CLI read local files.
        [7, 'unverified'],
      ],
    );
    assert.match(lines[1]?.['error'], /Not valid JSON/);
    assert.match(lines[2]?.['error'], /JSON credential object or a JSON string/);
    assert.equal(lines[3]?.['format'], 'ob3-json');
    assertCheck(/** @type {JsonResult} */ (lines[5]), 'format', 'ERR_OB_MALFORMED');
    assert.equal(run.code, 1);

    // The same stream from a file.
    const file = join(tempDir(), 'badges.jsonl');
    writeFileSync(file, `${stream}\n`);
    const fromFile = await cli(['--jsonl', file, ...pinned]);
    assert.deepEqual(
      linesOf(fromFile).map((line) => [line.input, line.verdict ?? 'error']),
      lines.map((line) => [line.input, line.verdict ?? 'error']),
    );
    assert.equal(fromFile.code, 1);
  });

  it('fetches each document once for all the badges of an issuer: one shared cache', async () => {
    const proxy = await countingProxy();
    try {
      const badges = [
        ['ob3-jose-valid-did-web.jwt', 'verified'],
        ['ob3-jose-valid-did-web-multikey.jwt', 'verified'],
        ['ob3-jwt-status-active.jwt', 'verified'],
        ['ob3-jwt-status-revoked.jwt', 'unverified'],
        ['ob3-di-rdfc-valid-did-web-path.json', 'verified'],
        ['ob3-di-rdfc-revoked.json', 'unverified'],
        ['ob3-di-rdfc-expired.json', 'unverified'],
      ];
      const run = await cli([
        ...badges.map(([name]) => fixture(name ?? '')),
        '--now',
        NOW,
        '--proxy',
        proxy.template,
        '--concurrency',
        '4',
      ]);
      assert.deepEqual(
        linesOf(run).map((line) => line.verdict),
        badges.map(([, verdict]) => verdict),
        run.stderr,
      );
      assert.equal(run.code, 1);
      // Four badges of did:web:localhost%3A5173 (two of them on one status list), three of a
      // did:web with a path: each DID document and status list was asked for once.
      for (const url of [
        'https://localhost:5173/.well-known/did.json',
        'http://localhost:5173/status/revocation-2025.jwt',
        'https://localhost:5173/issuers/4f9a1c2e-7b3d-4e8a-9c61-2d5e8f0a7b34/did.json',
        'http://localhost:5173/issuers/4f9a1c2e-7b3d-4e8a-9c61-2d5e8f0a7b34/status/revocation.json',
      ]) {
        assert.equal(proxy.asked.filter((asked) => asked === url).length, 1, `${url}: ${proxy.asked.join(', ')}`);
      }
      assert.deepEqual(proxy.asked, [...new Set(proxy.asked)], 'a document was fetched twice');
    } finally {
      proxy.close();
    }
  });

  it('verifies at most --concurrency badges at once, and more than one when allowed', async () => {
    const urls = NORTHWIND.map((name) => `http://localhost:5173/wall/badges/${name}`);
    const stream = urls.map((url) => JSON.stringify(url)).join('\n');
    for (const [concurrency, check] of /** @type {const} */ ([
      [2, (/** @type {number} */ most) => most === 2],
      [6, (/** @type {number} */ most) => most > 2],
    ])) {
      const proxy = await countingProxy(60);
      try {
        const run = await cli(['--jsonl', '--now', NOW, '--proxy', proxy.template, '--concurrency', `${concurrency}`], {
          stdin: stream,
        });
        const lines = linesOf(run);
        // Input order, whatever order they finished in.
        assert.deepEqual(
          lines.map((line) => [line.input, line.verdict]),
          urls.map((_, index) => [index + 1, 'verified']),
        );
        assert.ok(check(proxy.mostBadgesAtOnce()), `--concurrency ${concurrency}: ${proxy.mostBadgesAtOnce()} at once`);
        assert.equal(run.code, 0);
      } finally {
        proxy.close();
      }
    }
  });

  /** @type {[what: string, args: string[], message: RegExp][]} */
  const usage = [
    ['--concurrency 0', ['a.jwt', 'b.jwt', '--concurrency', '0'], /--concurrency expects a whole number from 1 to 64/],
    ['--concurrency that is not a number', ['--jsonl', '--concurrency', 'lots'], /--concurrency expects/],
    ['--jsonl with two streams', ['--jsonl', 'a.jsonl', 'b.jsonl'], /--jsonl reads one stream/],
    ['--jsonl with a missing stream file', ['--jsonl', 'nope.jsonl'], /Cannot read stream .*nope\.jsonl \(ENOENT\)/],
    ['a missing documents map', ['a.jwt', 'b.jwt', '--documents', 'nope.json'], /Cannot read documents map/],
  ];
  for (const [what, args, message] of usage) {
    it(`a usage error exits 2 before any badge: ${what}`, async () => {
      assertUsageError(await cli(args), message);
    });
  }

  describe('the batch helpers (src/cli/batch.ts), in process', () => {
    /** @returns {Promise<typeof import('../src/cli/batch.js')>} */
    const batch = () => import(new URL('../dist/cli/batch.js', import.meta.url).href);

    /** @param {AsyncIterable<any>} items */
    async function collect(items) {
      const all = [];
      for await (const item of items) all.push(item);
      return all;
    }

    it('splits a stream into numbered lines across chunks, with CRLF, a split character and an overlong line', async () => {
      const { jsonLines } = await batch();
      const bytes = Buffer.from('"é"\r\n\n{"a":1}\n' + 'x'.repeat(40) + '\n"last"');
      // Cut inside "é" (two bytes in UTF-8) and inside the long line.
      const chunks = [bytes.subarray(0, 2), bytes.subarray(2, 20), bytes.subarray(20)];
      assert.deepEqual(await collect(jsonLines(Readable.from(chunks), 16)), [
        { line: 1, text: '"é"' },
        { line: 3, text: '{"a":1}' },
        { line: 4, tooLong: true },
        { line: 5, text: '"last"' },
      ]);
    });

    it('reads a line as a credential object, or a string as it is; anything else is refused', async () => {
      const { badgeOfLine } = await batch();
      assert.deepEqual(badgeOfLine('{"type":["VerifiableCredential"]}'), {
        input: { type: ['VerifiableCredential'] },
      });
      assert.deepEqual(badgeOfLine('" https://issuer.example/42.jwt "'), { input: 'https://issuer.example/42.jwt' });
      for (const text of ['[1]', 'null', '42', '""', '{oops']) {
        assert.ok('error' in badgeOfLine(text), text);
      }
    });

    it('writes outcomes in input order, runs at most N at once, and returns the worst status', async () => {
      const { runInOrder } = await batch();
      let now = 0;
      let most = 0;
      /** @type {string[]} */
      const written = [];
      // Later items finish first: item i takes (10 - i) ms.
      const status = await runInOrder(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        async (i) => {
          most = Math.max(most, ++now);
          await new Promise((resolve) => setTimeout(resolve, 10 - i));
          now -= 1;
          return { line: `${i}`, status: i === 7 ? 1 : 0 };
        },
        3,
        (line) => written.push(line),
      );
      assert.deepEqual(written, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
      assert.equal(most, 3);
      assert.equal(status, 1);
    });

    it('when reading the input fails part way, the badges started are still written, then it rejects', async () => {
      const { runInOrder } = await batch();
      /** @type {string[]} */
      const written = [];
      async function* failing() {
        yield 1;
        yield 2;
        throw new Error('stream broke');
      }
      await assert.rejects(
        runInOrder(
          failing(),
          async (i) => {
            await new Promise((resolve) => setTimeout(resolve, 5));
            return { line: `${i}`, status: 0 };
          },
          4,
          (line) => written.push(line),
        ),
        /stream broke/,
      );
      assert.deepEqual(written, ['1', '2']);
    });
  });

  it('an empty stream prints nothing and exits 0', async () => {
    const run = await cli(['--jsonl', ...OFFLINE], { stdin: '\n\n' });
    assert.equal(run.stdout, '');
    assert.equal(run.code, 0);
  });
});

describe('ob-verify: --proxy', () => {
  /** A CORS proxy on the loopback interface that answers from the fixtures' documents map. */
  async function fixtureProxy() {
    const map = /** @type {Record<string, string>} */ (JSON.parse(readFileSync(DOCUMENTS, 'utf8')));
    /** @type {(string | null)[]} */
    const asked = [];
    const server = createServer((request, response) => {
      const wanted = new URL(request.url ?? '', 'http://proxy').searchParams.get('url');
      asked.push(wanted);
      const file = wanted === null ? undefined : map[wanted];
      if (!file) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(readFileSync(join(FIXTURES, file)));
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
    // Listening on a TCP port: its address is an AddressInfo (a pipe's would be a string).
    const origin = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`;
    return { origin, template: `${origin}/fetch?url={url}`, asked, close: () => server.close() };
  }

  it('fetches every document through the proxy and says so', async () => {
    const proxy = await fixtureProxy();
    try {
      const badge = join(FIXTURES, 'ob2/baked/hosted-valid.png');
      const json = await cliJson([badge, '--json', '--now', NOW, '--proxy', proxy.template]);
      const { result } = json;
      assert.equal(result.verdict, 'verified');
      assert.equal(result.format, 'ob2-hosted');
      assert.equal(checkOf(result, 'proof')?.details.viaProxy, proxy.origin);
      assert.ok(proxy.asked.includes('http://localhost:5173/ob2/assertions/valid.json'), proxy.asked.join(', '));
      assert.equal(json.code, 0);

      const human = await cli([badge, '--now', NOW, '--proxy', proxy.template]);
      assert.match(human.stdout, /✓ proof +.*127\.0\.0\.1/);
      assert.ok(
        human.stdout.includes(`! Some answers came through the proxy ${proxy.origin}, which could alter them\n`),
        human.stdout,
      );
    } finally {
      proxy.close();
    }
  });

  it('a template without {url} is a usage error', async () => {
    const run = await cli([fixture('ob3-jwt-valid-did-key.jwt'), '--proxy', 'https://proxy.example/fetch']);
    assertUsageError(run, /^ob-verify: --proxy: .*\{url\}/);
  });

  it('without --proxy, no proxy is mentioned', async () => {
    const { stdout } = await cli([fixture('ob3-jwt-valid-did-key.jwt'), ...OFFLINE]);
    assert.doesNotMatch(stdout, /proxy/i);
  });
});

describe('ob-verify: credentials inside credentials', () => {
  // Canned results shaped like verify()'s (src/core/result.ts: `nested`), formatted in process:
  // what the CLI prints does not depend on which fixture produced them.
  const checked = '2025-06-01T12:00:00.000Z';
  /** @type {Check[]} */
  const passedChecks = [
    { id: 'format', status: 'passed' },
    { id: 'proof', status: 'passed', message: 'Signature valid (EdDSA)' },
    { id: 'issuer', status: 'passed', message: 'The key belongs to the issuer' },
  ];
  /** @type {Check[]} */
  const failedChecks = [
    { id: 'format', status: 'passed' },
    {
      id: 'proof',
      status: 'failed',
      code: 'ERR_OB_SIGNATURE_INVALID',
      message: 'The signature does not match the content',
    },
    { id: 'issuer', status: 'skipped', code: 'ERR_OB_SIGNATURE_INVALID', details: { requires: 'proof' } },
  ];
  /** @type {Check[]} */
  const unknownChecks = [
    ...passedChecks,
    {
      id: 'status',
      status: 'warning',
      code: 'ERR_OB_STATUS_UNAVAILABLE',
      message: 'The status list could not be fetched',
    },
  ];
  /** @typedef {'passed' | 'failed' | 'unknown'} Outcome how a canned result's checks ended */
  /** @type {Record<Outcome, import('../src/core/result.js').Verdict>} */
  const verdicts = { passed: 'verified', failed: 'unverified', unknown: 'unknown' };
  /**
   * @param {string} name
   * @param {Outcome} outcome
   * @param {Partial<VerificationResult>} [extra]
   * @returns {VerificationResult}
   */
  const result = (name, outcome, extra = {}) => ({
    verified: outcome === 'passed',
    verdict: verdicts[outcome],
    format: 'ob3-json',
    checks: outcome === 'passed' ? passedChecks : outcome === 'failed' ? failedChecks : unknownChecks,
    credential: { id: `urn:${name}` },
    badge: name
      ? {
          spec: 'ob3',
          name,
          issuer: { id: 'did:web:example.edu', name: 'Example University' },
          evidence: [],
          alignments: [],
          tags: [],
        }
      : undefined,
    checkedAt: checked,
    ...extra,
  });
  /**
   * @param {number} i
   * @param {string} name
   * @param {Outcome} outcome
   * @returns {NestedResult}
   */
  const achievement = (i, name, outcome) => ({
    role: 'achievement',
    location: `credentialSubject.verifiableCredential[${i}]`,
    result: result(name, outcome),
  });
  /** @param {Partial<VerificationResult>} [extra] */
  const clr = (extra = {}) =>
    result('Academic transcript', 'passed', {
      format: 'clr-json',
      nested: [
        achievement(0, 'Calculus I', 'passed'),
        achievement(1, 'Linear Algebra', 'failed'),
        achievement(2, 'Statistics', 'unknown'),
      ],
      ...extra,
    });

  it('lists nested results indented under the outer one, with the summary line and their verdicts', async () => {
    const { formatHuman } = await builtCli();
    const text = formatHuman(clr(), false);
    assert.match(text, /^✓ Verified\n {2}“Academic transcript” from Example University\n/);
    assert.match(
      text,
      /\n1 of 3 achievements verified · 1 not verified · 1 status unknown\n {2}✓ Verified {8}“Calculus I” from Example University\n {2}✗ Not verified {4}“Linear Algebra”, claims to be from Example University: The signature does not match the content \[ERR_OB_SIGNATURE_INVALID\]\n {2}! Status unknown {2}“Statistics”, claims to be from Example University: The status list could not be fetched \[ERR_OB_STATUS_UNAVAILABLE\]\n/,
    );
  });

  it('names endorsers and what they endorse; lists credentials inside credentials deeper', async () => {
    const { formatHuman } = await builtCli();
    /** @type {NestedResult} */
    const endorsement = {
      role: 'endorsement',
      location: 'credentialSubject.achievement.endorsement[0]',
      about: { target: 'achievement', id: 'https://example.edu/a/1' },
      result: {
        ...result('Endorsement', 'failed'),
        checks: [
          ...passedChecks,
          { id: 'subject', status: 'failed', code: 'ERR_OB_ENDORSEMENT_MISMATCH', message: 'About something else' },
        ],
        badge: {
          .../** @type {import('../src/core/view.js').BadgeView} */ (result('Endorsement', 'passed').badge), // named: it has one
          spec: 'endorsement',
          issuer: { name: 'Data Guild' },
        },
      },
    };
    /** @type {VerificationResult} */
    const vp = {
      ...result('Verifiable Presentation', 'unknown'),
      format: 'vp-json',
      checks: [
        { id: 'format', status: 'passed' },
        { id: 'proof', status: 'warning', code: 'ERR_OB_PRESENTATION_UNSIGNED', message: 'Not signed' },
      ],
      nested: [
        { role: 'credential', location: 'verifiableCredential[0]', result: clr() },
        {
          role: 'credential',
          location: 'verifiableCredential[1]',
          result: result('Data Literacy', 'passed', { nested: [endorsement] }),
        },
      ],
    };
    const text = formatHuman(vp, false);
    assert.match(text, /^– Not signed: a container of 2 credentials, each checked on its own\n/);
    assert.match(text, /\n2 of 2 credentials verified\n {2}✓ Verified {8}“Academic transcript”/);
    assert.match(text, /\n {4}1 of 3 achievements verified · 1 not verified · 1 status unknown\n {6}✓ Verified/);
    assert.match(
      text,
      /\n {4}0 of 1 endorsement verified · 1 not verified\n {6}✗ Not verified {4}Claims to be endorsed by Data Guild \(about the achievement\): About something else \[ERR_OB_ENDORSEMENT_MISMATCH\]\n/,
    );
  });

  it('--json includes nested, with baked image bytes given as their length at every level', async () => {
    const { formatJson } = await builtCli();
    /** @type {import('../src/core/result.js').BakedImage} */
    const baked = { container: 'png', contentType: 'image/png', bytes: new Uint8Array(7) };
    const shown = JSON.parse(
      formatJson(
        clr({
          bakedImage: baked,
          nested: [{ ...achievement(0, 'A', 'passed'), result: result('A', 'passed', { bakedImage: baked }) }],
        }),
      ),
    );
    assert.deepEqual(shown.bakedImage, { container: 'png', contentType: 'image/png', byteLength: 7 });
    assert.equal(shown.nested.length, 1);
    assert.equal(shown.nested[0].role, 'achievement');
    assert.equal(shown.nested[0].location, 'credentialSubject.verifiableCredential[0]');
    assert.deepEqual(shown.nested[0].result.bakedImage, { container: 'png', contentType: 'image/png', byteLength: 7 });
    assert.equal(shown.nested[0].result.verdict, 'verified');
    const plain = JSON.parse(formatJson(clr()));
    assert.deepEqual(
      plain.nested.map(/** @param {Json} item */ (item) => [item.result.badge.name, item.result.verdict]),
      [
        ['Calculus I', 'verified'],
        ['Linear Algebra', 'unverified'],
        ['Statistics', 'unknown'],
      ],
    );
    assert.equal('bakedImage' in plain, false);
  });

  it('--json writes a result with 300,000-deep arrays in the credential and its checks (no RangeError)', async () => {
    const { formatJson } = await builtCli();
    /** @type {unknown[]} */
    let deep = [];
    for (let i = 1; i < 300_000; i++) deep = [deep];
    /** @type {VerificationResult} */
    const result = {
      verified: true,
      verdict: 'verified',
      format: 'ob3-jwt',
      checks: [{ id: 'format', status: 'passed', details: { deep } }],
      credential: { credentialSubject: { deep } },
      badge: undefined,
      checkedAt: NOW,
    };
    const json = JSON.parse(formatJson(result));
    assert.equal(json.verdict, 'verified');
    assert.match(JSON.stringify(json.credential), /not shown/);
  });

  it('exit 3, not 1 or 2, when the verifier itself fails; the usage text says so', async () => {
    const { EXIT_INTERNAL, USAGE } = await builtCli();
    assert.equal(EXIT_INTERNAL, 3);
    assert.match(USAGE, /3 the verifier itself failed/);
  });

  it('exit status is about the outer credential; --strict-nested also counts the nested ones', async () => {
    const { exitStatus, USAGE } = await builtCli();
    assert.equal(exitStatus(clr()), 0);
    assert.equal(exitStatus(clr(), { strictNested: true }), 1);
    const allGood = clr({ nested: [achievement(0, 'A', 'passed')] });
    assert.equal(exitStatus(allGood, { strictNested: true }), 0);
    // Deeper levels count too.
    const deep = clr({
      nested: [
        {
          ...achievement(0, 'A', 'passed'),
          result: result('A', 'passed', { nested: [achievement(0, 'B', 'failed')] }),
        },
      ],
    });
    assert.equal(exitStatus(deep, { strictNested: true }), 1);
    assert.equal(exitStatus(result('Unverified CLR', 'failed', { nested: [achievement(0, 'A', 'passed')] })), 1);
    assert.match(USAGE, /--strict-nested/);
    assert.match(
      USAGE,
      /a verified CLR exits 0 even when some of\nits achievements are not verified, unless --strict-nested is given/,
    );
  });

  it('--strict-nested is accepted, and changes nothing for a credential with nothing inside', async () => {
    const { code, stdout } = await cli([fixture('ob3-jwt-valid-did-key.jwt'), ...OFFLINE, '--strict-nested']);
    assert.match(stdout, /^✓ Verified/);
    assert.doesNotMatch(stdout, /^\s*\d+ of \d+ (?:achievements?|credentials?|endorsements?) verified/m);
    assert.equal(code, 0);
  });
});

describe('ob-verify: --trusted-issuers', () => {
  const ISSUERS = JSON.parse(readFileSync(join(FIXTURES, 'issuers.json'), 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'ob-verify-trust-'));
  /** @param {string} name @param {unknown} list JSON, or the text itself */
  const listFile = (name, list) => {
    const file = join(dir, name);
    writeFileSync(file, typeof list === 'string' ? list : JSON.stringify(list));
    return file;
  };
  // The did:web fixture's issuer is did:web:localhost%3A5173: bound to the host "localhost".
  const known = listFile('known.json', {
    name: 'Test Careers',
    issuers: [{ name: 'Demo Issuer (listed)', domain: 'localhost' }],
  });
  const didWebBadge = fixture('ob3-jose-valid-did-web.jwt');
  const didKeyBadge = fixture('ob3-jwt-valid-did-key.jwt');

  it('a verified badge from a listed issuer: "Known issuer", per the list, and its confirmed domain', async () => {
    const { code, stdout } = await cli([didWebBadge, ...pinned, '--trusted-issuers', known]);
    assert.match(
      stdout,
      /^✓ Verified\n {2}“.*” from .*\n {2}✓ Known issuer: Demo Issuer \(listed\), per Test Careers\n {2}✓ Domain confirmed: localhost \(did:web\)\n\n/,
    );
    assert.equal(code, 0);
    const { result } = await verifyJson('ob3-jose-valid-did-web.jwt', [...pinned, '--trusted-issuers', known]);
    assert.deepEqual(result.trust.known, { name: 'Demo Issuer (listed)', list: 'Test Careers', matchedBy: 'domain' });
    assert.deepEqual(result.trust.domain, { host: 'localhost', confirmed: true, method: 'did:web' });
  });

  it('any other issuer’s name is only as stated by the issuer; the verdict is unchanged', async () => {
    const listed = await cli([didKeyBadge, ...OFFLINE, '--trusted-issuers', known]);
    assert.match(
      listed.stdout,
      /^✓ Verified\n.*\n {2}– Issuer name as stated by the issuer \(not on the trust list\)\n/,
    );
    assert.doesNotMatch(listed.stdout, /Known issuer/);
    assert.equal(listed.code, 0);
    const { result } = await verifyJson('ob3-jwt-valid-did-key.jwt', [...OFFLINE, '--trusted-issuers', known]);
    assert.equal(result.trust.known, null);
    assert.equal(result.verdict, 'verified');
    // Without a list: still only as stated.
    const noList = await cli([didKeyBadge, ...OFFLINE]);
    assert.match(noList.stdout, /\n {2}– Issuer name as stated by the issuer\n/);
  });

  it('a badge that is not verified gets no trust lines, even from a listed issuer: it only claims who issued it', async () => {
    const byDid = listFile('by-did.json', { issuers: [{ name: 'Northwind', did: ISSUERS.didKey.did }] });
    const { code, stdout } = await cli([fixture('ob3-jwt-tampered.jwt'), ...OFFLINE, '--trusted-issuers', byDid]);
    assert.match(stdout, /^✗ Not verified: .*\n {2}“Accessible Web Components”, claims to be from .*\n\n/);
    assert.doesNotMatch(stdout, /Known issuer|as stated|Domain confirmed|Recipient/);
    assert.equal(code, 1);
  });

  it('the issuer’s domain only when asked: --check-domain or a trust list; nothing without', async () => {
    const plain = await cli([didWebBadge, ...pinned]);
    assert.equal(plain.code, 0);
    assert.doesNotMatch(plain.stdout, /Domain confirmed|Known issuer/);
    const { result: unasked } = await verifyJson('ob3-jose-valid-did-web.jwt', pinned);
    assert.equal(unasked.trust, undefined);
    const asked = await cli([didWebBadge, ...pinned, '--check-domain']);
    assert.match(asked.stdout, /\n {2}✓ Domain confirmed: localhost \(did:web\)\n/);
    assert.equal(asked.code, 0);
    const { result } = await verifyJson('ob3-jose-valid-did-web.jwt', [...pinned, '--check-domain']);
    assert.deepEqual(result.trust.domain, { host: 'localhost', confirmed: true, method: 'did:web' });
    assert.equal(result.trust.known, undefined);
    const { USAGE } = await builtCli();
    assert.match(USAGE, /--check-domain/);
  });

  it('a trust list that cannot be read is a usage error, exit 2', async () => {
    /** @type {[file: string, message: RegExp][]} */
    const cases = [
      [
        listFile('no-match.json', { issuers: [{ name: 'Nobody' }] }),
        /issuers\[0\] names no id, did or domain to match/,
      ],
      [listFile('not-json.json', '{ nope'), /not valid JSON/],
      [listFile('not-a-list.json', { name: 'x' }), /"issuers" array/],
      [join(dir, 'missing.json'), /Cannot read trust list/],
    ];
    for (const [file, message] of cases) {
      assertUsageError(await cli([didKeyBadge, '--offline', '--trusted-issuers', file]), message, file);
    }
    const { USAGE } = await builtCli();
    assert.match(USAGE, /--trusted-issuers LIST\.json/);
  });
});

describe('ob-verify on the adversarial set (test/adversarial)', () => {
  const SET = join(ROOT, 'test/adversarial');
  const spec = JSON.parse(readFileSync(join(SET, 'expected.json'), 'utf8'));
  for (const [file, want] of Object.entries(spec.cases)) {
    it(`${file}: ${want.verdict} (${want.why})`, async () => {
      const { code, result } = await cliJson([
        join(SET, file),
        '--json',
        '--documents',
        join(SET, 'documents.json'),
        '--offline',
        '--now',
        want.now ?? spec.now,
      ]);
      // Exit 2 is for usage errors only; a badge, however hostile, is a verdict.
      assert.equal(code, result.verdict === 'verified' ? 0 : 1);
      if (want.verdict === 'not-verified') assert.notEqual(result.verdict, 'verified');
      else if (want.verdict !== 'any') assert.equal(result.verdict, want.verdict);
      if (want.nestedVerifiedMax !== undefined) {
        const verified = (result.nested ?? []).filter(
          /** @param {Json | undefined} nested */ (nested) => nested?.result?.verdict === 'verified',
        );
        assert.ok(verified.length <= want.nestedVerifiedMax, `${verified.length} nested credentials read verified`);
      }
    });
  }
});

describe('openbadge-embed/core as a bundler sees it', () => {
  /**
   * Bundles `source` (importing 'openbadge-embed/core', the published dist/core) with Vite's
   * Rolldown, as a site would, and returns its output by file name and the entry chunk's name.
   * @param {string} name
   * @param {string} source
   */
  async function bundle(name, source) {
    const { build } = await import('vite');
    const dir = mkdtempSync(join(tmpdir(), 'ob-bundle-'));
    const entry = join(dir, `${name}.js`);
    writeFileSync(entry, source);
    const built = await build({
      configFile: false,
      logLevel: 'silent',
      root: ROOT,
      // Resolved from the repository, so 'openbadge-embed/core' is this package's own export.
      resolve: { alias: { 'openbadge-embed/core': join(ROOT, 'dist/core/index.js') } },
      build: {
        write: false,
        target: 'es2022',
        lib: { entry, formats: ['es'], fileName: name },
        // Library mode leaves whitespace for the site's own minifier; this is that minifier.
        rolldownOptions: { output: { minify: true } },
      },
    });
    // write: false, one format: one output (build() is typed with its watcher and many-output forms too).
    const [result] = /** @type {[import('vite').Rolldown.RolldownOutput]} */ ([built].flat());
    // A library build of JavaScript: chunks only, one of them the entry.
    const files = /** @type {Map<string, OutputChunk>} */ (new Map(result.output.map((file) => [file.fileName, file])));
    const entryChunk = /** @type {OutputChunk} */ (result.output.find((file) => file.type === 'chunk' && file.isEntry));
    return { files, entry: entryChunk.fileName };
  }

  /**
   * The chunks reached from `start` by static imports (what loads before any code runs), or by any import.
   * @param {Map<string, OutputChunk>} files
   * @param {string} start
   * @param {{ dynamic?: boolean }} [options]
   * @returns {OutputChunk[]}
   */
  function reached(files, start, { dynamic = false } = {}) {
    /** @type {Set<string>} */
    const seen = new Set();
    const queue = [start];
    while (queue.length > 0) {
      const name = /** @type {string} */ (queue.shift()); // the queue is not empty
      const file = files.get(name);
      if (seen.has(name) || !file) continue;
      seen.add(name);
      queue.push(...file.imports, ...(dynamic ? file.dynamicImports : []));
    }
    return [...seen].flatMap((name) => files.get(name) ?? []); // every name seen has its file
  }
  /** @param {OutputChunk[]} chunks */
  const gzipBytes = (chunks) => chunks.reduce((n, chunk) => n + gzipSync(chunk.code, { level: 9 }).length, 0);
  /** @param {OutputChunk[]} chunks */
  const modulesOf = (chunks) =>
    chunks.flatMap((chunk) => Object.keys(chunk.modules)).map((id) => id.slice(ROOT.length));

  it('a VC-JWT-only verifier bundles none of the other plug-ins, and under a fifth of every default', async () => {
    const jwtOnly = await bundle(
      'jwt-only',
      `import { createVerifier, ob3Jwt, didKey } from 'openbadge-embed/core';
       export const verifier = createVerifier({ formats: [ob3Jwt()], didResolvers: [didKey()], statusMethods: [], nestedReaders: [] });`,
    );
    const full = await bundle(
      'full',
      `import { createVerifier, defaultPlugins } from 'openbadge-embed/core';
       export const verifier = createVerifier(defaultPlugins());`,
    );
    const upFront = reached(jwtOnly.files, jwtOnly.entry);
    const modules = modulesOf(upFront);
    assert.ok(modules.some((id) => id.endsWith('/formats/ob3-jwt.js')));
    const others =
      /\/(?:defaults|formats\/(?:ob2|ob3-json|presentation)[\w-]*|keys\/did-(?:web|jwk)|status\/[\w-]+|nested\/(?:readers|entries)|trust\/trust|baked\/[\w-]+|proofs\/(?:proof-set|data-integrity)[\w-]*|jsonld\/[\w-]+)\.js$/;
    assert.deepEqual(
      modules.filter((id) => others.test(id)),
      [],
      'the JWT-only verifier loads these up front',
    );
    // Everything a verifier with every default may load: the up-front code and every import() it can take.
    const jwtBytes = gzipBytes(upFront);
    const fullBytes = gzipBytes(reached(full.files, full.entry, { dynamic: true }));
    assert.ok(
      jwtBytes < fullBytes / 5,
      `JWT-only ${jwtBytes} B gzip is not under a fifth of every default's ${fullBytes} B (${((100 * jwtBytes) / fullBytes).toFixed(1)}%)`,
    );
  });
});
