// The page half of `npm run bench -- --only page` (see scripts/bench.js): one `<ob-badge src>` on a
// page, as an earner embeds it, with the production script-tag bundle (dist/cdn, built if missing),
// served under a strict Content Security Policy. It prints what the visitor pays and risks:
// every file the page fetched with its gzip size (issue 13's goals: the script tag alone ≤ 20 KB, one
// VC-JWT badge ≤ 32 KB, one eddsa-rdfc-2022 badge ≤ 80,000 B, all gzip), every host contacted (the goal: the page's own and the issuer's, nothing the badge merely claims), and
// every CSP violation (the goal: none). The badge is a did:web VC-JWT whose issuer names a website on
// another host (which domain linkage would ask; only `check-domain` should make it), made at
// run time from the committed TEST-ONLY keys (scripts/bench-wall.js's issuers); the issuer's host
// is answered from memory through context.route(), anything else is refused and counted.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SignJWT } from 'jose';
import { chromium } from 'playwright-core';
import { distinctBadges } from './bench-distinct.js';
import { recordGoal } from './bench-goals.js';
import { CHROMIUM_ARGS, makeWorld } from './bench-wall.js';

/** @typedef {import('./bench-wall.js').ServedDocument} ServedDocument */
/** @typedef {import('./bench-wall.js').World} World */
/** @typedef {import('./bench-wall.js').Issuer} Issuer */
/** @typedef {typeof globalThis & { __violations: string[] }} PageWithViolations */
/**
 * One load of a page variant.
 * @typedef {object} PageLoad
 * @property {{ path: string, gzip: number }[]} files every file fetched from the page's origin, gzip bytes
 * @property {Map<string, number>} hosts host → requests
 * @property {string[]} violations CSP violations
 * @property {string} verdict the badge's, `no badge` or `none`
 */
/**
 * @typedef {PageLoad & { name: string, total: number, others: string[] }} PageResult a variant, its gzip total and unexpected hosts
 */

const ORIGIN = 'http://localhost:4175';
/** What a careful site sends: scripts and styles only from itself, no inline code, fetches to https. */
const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data: blob:",
  "connect-src 'self' https:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
/** Issue 13's goals, gzip bytes of every file the page fetched. */
const GOAL_SCRIPT_TAG = 20 * 1024;
const GOAL_ONE_JWT_BADGE = 32 * 1024;
const GOAL_ONE_RDFC_BADGE = 80_000;

/**
 * `attributes` undefined: the script tag alone, no badge on the page.
 * @param {string | undefined} attributes
 */
const page = (attributes) => `<!doctype html><html lang="en"><meta charset="utf-8"><title>one badge</title>
<script type="module" src="/dist/cdn/openbadge-embed.js"></script>
<main>${attributes === undefined ? '<p>No badge here.</p>' : `<ob-badge ${attributes}></ob-badge>`}</main></html>`;

/**
 * Loads one page variant; resolves to the files fetched, hosts contacted, violations and the verdict.
 * @param {import('playwright-core').Browser} browser
 * @param {string} root the repository
 * @param {{ served: Map<string, ServedDocument>, badgeUrl: string, attributes: string | undefined }} variant
 * @returns {Promise<PageLoad>}
 */
async function loadOnce(browser, root, { served, badgeUrl, attributes }) {
  const context = await browser.newContext();
  /** @type {PageLoad['files']} */
  const files = [];
  /** @type {Map<string, number>} */
  const hosts = new Map();
  await context.addInitScript(() => {
    const scope = /** @type {PageWithViolations} */ (globalThis);
    scope.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      scope.__violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await context.route('**/*', (route) => {
    const request = route.request();
    const url = new URL(request.url());
    hosts.set(url.host, (hosts.get(url.host) ?? 0) + 1);
    if (url.origin === ORIGIN) {
      if (url.pathname === '/') {
        return route.fulfill({
          contentType: 'text/html',
          headers: { 'content-security-policy': STRICT_CSP },
          body: page(attributes?.replace('{src}', badgeUrl)),
        });
      }
      const file = join(root, url.pathname.slice(1));
      if (!url.pathname.startsWith('/dist/') || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
      const body = readFileSync(file);
      files.push({ path: url.pathname, gzip: gzipSync(body, { level: 9 }).length });
      return route.fulfill({ body, contentType: 'text/javascript' });
    }
    const cors = { 'access-control-allow-origin': '*' };
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    const document = served.get(url.href);
    if (!document) return route.fulfill({ status: 404, headers: cors, contentType: 'text/plain', body: 'Not found' });
    return route.fulfill({ headers: cors, contentType: document.type, body: document.body });
  });
  const tab = await context.newPage();
  await tab.goto(`${ORIGIN}/`);
  const verdict = await tab.evaluate(async () => {
    await customElements.whenDefined('ob-badge');
    const badge = /** @type {import('../src/components/index.js').ObBadge | null} */ (
      document.querySelector('ob-badge')
    );
    if (!badge) return 'no badge';
    const result = await badge.verifyComplete;
    return result?.verdict ?? 'none';
  });
  // Lazy chunks the card asks for after the verdict (Markdown, sections) count as well.
  await tab.waitForLoadState('networkidle');
  const violations = await tab.evaluate(() => /** @type {PageWithViolations} */ (globalThis).__violations);
  await context.close();
  return { files, hosts, violations, verdict };
}

/**
 * Signs a copy of the issuer's wall badge whose criteria are plain text; serves it; returns its URL.
 * @param {World} world
 * @param {Issuer} issuer
 * @returns {Promise<string>}
 */
async function addPlainBadge(world, issuer) {
  const url = `https://${issuer.badgeHost}/badges/plain.jwt`;
  const credential = {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:00000000-0000-4000-8000-0000000000aa',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Plain badge: Ada Lovelace',
    issuer: { id: issuer.id, type: ['Profile'], name: issuer.name, url: issuer.url },
    validFrom: '2025-01-01T00:00:00Z',
    credentialSubject: {
      type: ['AchievementSubject'],
      achievement: {
        id: `${issuer.url}achievements/plain`,
        type: ['Achievement'],
        name: 'Plain criteria',
        criteria: { narrative: 'Completed the assignment and its review.' },
      },
    },
  };
  const jwt = await new SignJWT({ vc: credential, iss: issuer.id, jti: credential.id, nbf: 1735689600 })
    .setProtectedHeader({ alg: issuer.key.alg, typ: 'JWT', kid: issuer.kid })
    .sign(issuer.key.privateKey);
  world.served.set(url, { body: jwt, type: 'application/jwt' });
  return url;
}

/** @param {number} bytes */
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * @param {{ root: string, executablePath: string }} options the repository, and Chromium
 * @returns {Promise<PageResult[]>}
 */
export async function runPageBench({ root, executablePath }) {
  if (!existsSync(join(root, 'dist/cdn/openbadge-embed.js'))) {
    console.log('\n  (building dist/ first: npm run build)');
    execSync('npm run build', { cwd: root, stdio: 'ignore' });
  }
  // The wall's second badge: a did:web issuer whose stated website is another site than its DID's host.
  const world = await makeWorld(root, [2]);
  const badgeUrl = /** @type {string} */ (world.lists[2]?.[1]);
  // The same issuer's badge with a plain-text narrative: what a badge costs without the Markdown walker.
  const plainUrl = await addPlainBadge(world, /** @type {Issuer} */ (world.issuers[1]));
  // A Data Integrity badge (eddsa-rdfc-2022, did:key: no key to fetch), as an earner's site serves it.
  const rdfcUrl = 'https://earner.example/badges/rdfc.json';
  const [rdfcText] = await distinctBadges(root, 1);
  world.served.set(rdfcUrl, { body: /** @type {string} */ (rdfcText), type: 'application/json' });
  const issuerHost = new URL(badgeUrl).host;
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    /** @type {[name: string, attributes: string | undefined, url: string][]} */
    const variants = [
      ['one VC-JWT badge (did:web, its website elsewhere), Markdown criteria', 'src="{src}"', badgeUrl],
      ['the same badge with plain-text criteria', 'src="{src}"', plainUrl],
      ['the Markdown one with check-domain', 'src="{src}" check-domain', badgeUrl],
      ['the script tag alone, no badge on the page', undefined, badgeUrl],
      ['one eddsa-rdfc-2022 badge (did:key), plain criteria', 'src="{src}"', rdfcUrl],
    ];
    console.log(`\nOne badge on a page under a strict CSP (${STRICT_CSP.split(';')[1]?.trim()}, …), production bundle`);
    /** @type {PageResult[]} */
    const results = [];
    for (const [name, attributes, url] of variants) {
      const run = await loadOnce(browser, root, { served: world.served, badgeUrl: url, attributes });
      const total = run.files.reduce((sum, file) => sum + file.gzip, 0);
      // The page's host, the badge's and its issuer's (a did:key issuer has none) are expected.
      const expected = new Set([new URL(ORIGIN).host, issuerHost, ...(attributes ? [new URL(url).host] : [])]);
      const others = [...run.hosts.keys()].filter((host) => !expected.has(host));
      results.push({ name, total, others, ...run });
      console.log(`\n  ${name}: ${run.verdict}`);
      console.log(`    files: ${run.files.length}, ${kb(total)} gzip`);
      for (const file of run.files) console.log(`      ${file.path.padEnd(56)} ${kb(file.gzip).padStart(9)}`);
      console.log(`    hosts: ${[...run.hosts].map(([host, n]) => `${host} (${n})`).join(', ')}`);
      console.log(`    hosts other than the page's and the issuer's: ${others.length ? others.join(', ') : 'none'}`);
      console.log(`    CSP violations: ${run.violations.length ? run.violations.join('; ') : 'none'}`);
    }
    const [markdown, plain, , scriptTag, rdfc] =
      /** @type {[PageResult, PageResult, PageResult, PageResult, PageResult]} */ (results);
    console.log('\n  goals');
    /** @type {[string, PageResult, number][]} */
    const goals = [
      ['script-tag first load', scriptTag, GOAL_SCRIPT_TAG],
      ['one VC-JWT badge, plain criteria', plain, GOAL_ONE_JWT_BADGE],
      ['one VC-JWT badge, Markdown criteria', markdown, GOAL_ONE_JWT_BADGE],
      ['one eddsa-rdfc-2022 badge', rdfc, GOAL_ONE_RDFC_BADGE],
    ];
    for (const [row, run, goal] of goals) {
      const met = run.total <= goal;
      console.log(
        `    ${row} ≤ ${goal} B: ${run.total} B (${((run.total / goal) * 100).toFixed(0)}%) ${met ? 'met' : 'MISSED'}`,
      );
      recordGoal(
        `bytes: ${row}`,
        `${run.total} B gzip in ${run.files.length} file${run.files.length === 1 ? '' : 's'}`,
        `≤ ${goal} B`,
        met,
      );
    }
    const quiet = [markdown, plain, scriptTag, rdfc].every((run) => run.others.length === 0);
    console.log(`    no host but the page's, the badge's and its issuer's: ${quiet ? 'met' : 'MISSED'}`);
    console.log(`    no CSP violation: ${results.every((run) => run.violations.length === 0) ? 'met' : 'MISSED'}`);
    return results;
  } finally {
    await browser.close();
  }
}
