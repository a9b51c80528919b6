// The page half of `npm run bench -- --only page` (see scripts/bench.js): one `<ob-badge src>` on a
// page, as an earner embeds it, with the production script-tag bundle (dist/cdn, built if missing),
// served under a strict Content Security Policy. It prints what the visitor pays and risks:
// every file the page fetched with its gzip size (the goal for one VC-JWT badge: ≤ 55 KB), every
// host contacted (the goal: the page's own and the issuer's, nothing the badge merely claims), and
// every CSP violation (the goal: none). The badge is a did:web VC-JWT whose issuer names a website on
// another host (which domain linkage would ask; only `check-domain` should make it), made at
// run time from the committed TEST-ONLY keys (scripts/bench-wall.js's issuers); the issuer's host
// is answered from memory through context.route(), anything else is refused and counted.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, makeWorld } from './bench-wall.js';

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
const BUDGET_ONE_JWT_BADGE = 55 * 1024;

const page = (attributes) => `<!doctype html><html lang="en"><meta charset="utf-8"><title>one badge</title>
<script type="module" src="/dist/cdn/openbadge-embed.js"></script>
<main><ob-badge ${attributes}></ob-badge></main></html>`;

/** Loads one page variant; resolves to the files fetched, hosts contacted, violations and the verdict. */
async function loadOnce(browser, root, { served, badgeUrl, attributes }) {
  const context = await browser.newContext();
  const files = [];
  const hosts = new Map();
  await context.addInitScript(() => {
    globalThis.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      globalThis.__violations.push(`${event.violatedDirective} ${event.blockedURI}`),
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
          body: page(attributes.replace('{src}', badgeUrl)),
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
    const result = await document.querySelector('ob-badge').verifyComplete;
    return result?.verdict ?? 'none';
  });
  // Lazy chunks the card asks for after the verdict (Markdown, sections) count as well.
  await tab.waitForLoadState('networkidle');
  const violations = await tab.evaluate(() => globalThis.__violations);
  await context.close();
  return { files, hosts, violations, verdict };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

export async function runPageBench({ root, executablePath }) {
  if (!existsSync(join(root, 'dist/cdn/openbadge-embed.js'))) {
    console.log('\n  (building dist/ first: npm run build)');
    execSync('npm run build', { cwd: root, stdio: 'ignore' });
  }
  // The wall's second badge: a did:web issuer whose stated website is another site than its DID's host.
  const world = await makeWorld(root, [2]);
  const badgeUrl = world.lists[2][1];
  const issuerHost = new URL(badgeUrl).host;
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const variants = [
      ['one VC-JWT badge (did:web, its website elsewhere)', 'src="{src}"'],
      ['the same, with check-domain', 'src="{src}" check-domain'],
    ];
    console.log(`\nOne badge on a page under a strict CSP (${STRICT_CSP.split(';')[1].trim()}, …), production bundle`);
    const results = [];
    for (const [name, attributes] of variants) {
      const run = await loadOnce(browser, root, { served: world.served, badgeUrl, attributes });
      const total = run.files.reduce((sum, file) => sum + file.gzip, 0);
      const others = [...run.hosts.keys()].filter((host) => host !== new URL(ORIGIN).host && host !== issuerHost);
      results.push({ name, total, others, ...run });
      console.log(`\n  ${name}: ${run.verdict}`);
      console.log(`    files: ${run.files.length}, ${kb(total)} gzip`);
      for (const file of run.files) console.log(`      ${file.path.padEnd(56)} ${kb(file.gzip).padStart(9)}`);
      console.log(`    hosts: ${[...run.hosts].map(([host, n]) => `${host} (${n})`).join(', ')}`);
      console.log(`    hosts other than the page's and the issuer's: ${others.length ? others.join(', ') : 'none'}`);
      console.log(`    CSP violations: ${run.violations.length ? run.violations.join('; ') : 'none'}`);
    }
    const [plain] = results;
    console.log('\n  goals');
    console.log(
      `    one VC-JWT badge ≤ ${kb(BUDGET_ONE_JWT_BADGE)}: ${kb(plain.total)} (${((plain.total / BUDGET_ONE_JWT_BADGE) * 100).toFixed(0)}%) ${plain.total <= BUDGET_ONE_JWT_BADGE ? 'met' : 'MISSED'}`,
    );
    console.log(`    no host but the page's and the issuer's: ${plain.others.length === 0 ? 'met' : 'MISSED'}`);
    console.log(`    no CSP violation: ${results.every((run) => run.violations.length === 0) ? 'met' : 'MISSED'}`);
    return results;
  } finally {
    await browser.close();
  }
}
