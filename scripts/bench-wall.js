// The wall half of `npm run bench` (see scripts/bench.js): a portfolio page of 100 and 1,000 badges
// from 3 issuers, in headless Chromium on localhost, as `<ob-badge-list src>` (when the build has
// it) and as plain `<ob-badge loading="lazy">` elements. The page side is bench/wall.js.
// `--wall-mode plain-cv` also tries the plain wall with `content-visibility: auto` on each cell.
//
// The badges are made here, at run time, with the committed TEST-ONLY keys (test/fixtures/keys/):
// VC-JWTs from a did:web issuer (Ed25519, with a Bitstring Status List), a did:web with a path
// (Ed25519; its stated website publishes no DID Configuration, as most do not) and an https issuer
// with a JWKS (ES256). Every request the page makes goes through context.route(): the issuers'
// hosts are answered from memory (with CORS headers, as real issuers send), the bench origin from
// the temp dir the bundle is built into, anything else is refused. Routing disables Chromium's HTTP
// cache, so every request the page makes is counted here.
import { recordGoal } from './bench-goals.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { gzipSync } from 'fflate';
import { CompactSign, SignJWT, base64url, calculateJwkThumbprint, importJWK } from 'jose';
import { chromium } from 'playwright-core';
import { pageBundleOptions, selfTimeBetween, withProfile, withTasks } from './bench-main-thread.js';

const ORIGIN = 'http://localhost:4174'; // never connected to; localhost makes it a secure context (WebCrypto)
/** Headless Chromium as root, off the closed network (shared with scripts/bench-page.js). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--no-first-run',
];
const VIEWPORT = { width: 1280, height: 900 };
const PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>wall bench</title>
<style>
  body { margin: 0; font-family: system-ui, sans-serif; }
  header { padding: 2rem; }
  main { padding: 0 2rem 4rem; }
  .wall { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: 1rem; margin: 0; padding: 0; list-style: none; }
  .wall ob-badge { display: block; }
  .wall--cv > li { content-visibility: auto; contain-intrinsic-size: auto 16rem; }
</style>
<header><h1>A portfolio</h1></header><main></main></html>`;

/** @typedef {import('playwright-core').Browser} Browser */
/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('./bench-main-thread.js').SelfTime} SelfTime */
/** @typedef {import('../bench/wall.js').WallMode} WallMode */
/** @typedef {import('../bench/wall.js').ShowResult} ShowResult */
/** @typedef {import('../bench/wall.js').ScrollResult} ScrollResult */
/** @typedef {import('../bench/wall.js').VerdictCounts} VerdictCounts */
/**
 * A committed TEST-ONLY key, ready to sign with.
 * @typedef {object} WallKey
 * @property {string} alg
 * @property {import('jose').JWK} publicJwk
 * @property {CryptoKey | Uint8Array} privateKey
 * @property {string} thumbprint
 */
/**
 * One of the wall's issuers: its identifier, key, and the documents its hosts serve.
 * @typedef {object} Issuer
 * @property {string} id
 * @property {string} name
 * @property {string} url its stated website
 * @property {string} image a data: URL
 * @property {string} badgeHost where its badges are served
 * @property {WallKey} key
 * @property {string} kid
 * @property {string} [statusUrl] its Bitstring Status List, if it has one
 * @property {Record<string, unknown>} documents URL → JSON document
 */
/** @typedef {{ body: string, type: string }} ServedDocument a response body and its content type */
/**
 * Everything the wall's issuers serve, and the walls made from it.
 * @typedef {object} World
 * @property {Issuer[]} issuers
 * @property {Map<string, ServedDocument>} served URL → document
 * @property {Record<number, string[]>} lists wall size → its badge URLs
 * @property {string[]} jwts every badge of the largest wall, as JWT text
 * @property {string[]} oneIssuer the warm wall's badges, all from the first issuer
 */
/**
 * A wall page: every request it made to the bench origin's lists and the issuers' hosts, those refused.
 * @typedef {{ page: Page, requests: string[], refused: string[], close: () => Promise<void> }} WallPage
 */
/**
 * What one of the wall's longest tasks ran.
 * @typedef {{ ms: number, code: SelfTime[], inside: { name: string, ms: number }[] }} ExplainedTask
 */
/** @typedef {{ count: number, mode: WallMode, longest: ExplainedTask[] }} Explained */
/**
 * One `src` wall (issue 8): its first screen (traced) and a scroll to the end.
 * @typedef {object} WallRun
 * @property {number} count
 * @property {WallMode} mode
 * @property {ShowResult} first
 * @property {number} longestTraced the longest main-thread task while the first screen settled
 * @property {number} overBudget tasks over 50 ms then
 * @property {number} firstRequests
 * @property {number} firstDistinct
 * @property {number} heapBefore
 * @property {number} heapFirst
 * @property {number} heapAll
 * @property {ScrollResult} all
 * @property {number} allRequests
 * @property {number} allDistinct
 * @property {[string, number][]} duplicates URLs asked for more than once, and how often
 * @property {number[]} longTasks long tasks seen (Long Tasks API), longest first
 * @property {string[]} refused
 */
/**
 * One check-domain setting of the warm wall (issue 13's first row).
 * @typedef {object} WarmRow
 * @property {boolean} checkDomain
 * @property {{ ms: number, timedOut: boolean, verdicts: VerdictCounts }} cold the first round
 * @property {number} coldRequests
 * @property {number} warmRequests
 * @property {number} ours median of the warm rounds
 * @property {number} floor median of jose's rounds
 * @property {number | undefined} floorVerified how many JWTs jose verified
 * @property {VerdictCounts} verdicts
 * @property {boolean} timedOut
 */
/**
 * The `credentials` list (issue 13's second row): first screen and a scroll to the end, traced.
 * @typedef {object} CredentialsWall
 * @property {number} count
 * @property {ShowResult} first
 * @property {ScrollResult} all
 * @property {number} firstLongest
 * @property {number} firstOver
 * @property {number} scrollLongest
 * @property {number} scrollOver
 */

const VCDM2 = 'https://www.w3.org/ns/credentials/v2';
const OB303 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

/** @param {number} value */
const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 1 : 0)} ms` : '—');
/** @param {number} bytes */
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * @param {string} root the repository
 * @param {string} name a file of test/fixtures/keys/, without `.json`
 * @returns {Promise<WallKey>}
 */
async function loadKey(root, name) {
  const file = JSON.parse(readFileSync(join(root, 'test/fixtures/keys', `${name}.json`), 'utf8'));
  const { d: _d, ...publicJwk } = file.jwk;
  return {
    alg: file.alg,
    publicJwk,
    privateKey: await importJWK(file.jwk, file.alg),
    thumbprint: await calculateJwkThumbprint(publicJwk),
  };
}

/**
 * The three issuers: identifiers, keys, the documents a verifier fetches, and each badge's extras.
 * @param {string} root the repository
 * @returns {Promise<Issuer[]>}
 */
async function makeIssuers(root) {
  const [web, path, https] = await Promise.all([
    loadKey(root, 'did-web-ed25519'),
    loadKey(root, 'did-web-path-ed25519'),
    loadKey(root, 'https-issuer-p256'),
  ]);
  /** @param {string} file */
  const image = (file) =>
    `data:image/png;base64,${readFileSync(join(root, 'test/fixtures/wall/ob2/images', file)).toString('base64')}`;
  /**
   * @param {string} did
   * @param {import('jose').JWK} jwk
   */
  const didDocument = (did, jwk) => ({
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/jwk/v1'],
    id: did,
    verificationMethod: [{ id: `${did}#key-1`, type: 'JsonWebKey', controller: did, publicKeyJwk: jwk }],
    assertionMethod: [`${did}#key-1`],
  });

  const a = 'did:web:academy.wall.test';
  const statusUrl = 'https://academy.wall.test/status/2026.jwt';
  const b = 'did:web:badges.wall.test:issuers:7c1e9a52';
  const c = 'https://learn.college.wall.test/issuer';
  const cKey = { ...https.publicJwk, kid: https.thumbprint, alg: 'ES256', use: 'sig' };
  const cMethod = { id: `${c}#key-1`, type: 'JsonWebKey', controller: c, publicKeyJwk: cKey };
  return [
    {
      id: a,
      name: 'Academy of Web Craft',
      url: 'https://academy.wall.test/',
      image: image('git-fundamentals.png'),
      badgeHost: 'academy.wall.test',
      key: web,
      kid: `${a}#key-1`,
      statusUrl,
      documents: { 'https://academy.wall.test/.well-known/did.json': didDocument(a, web.publicJwk) },
    },
    {
      id: b,
      name: 'Agile Guild',
      // Another site than the DID's host: the verifier asks it for a DID Configuration (it has none).
      url: 'https://agile-guild.wall.test/',
      image: image('code-reviewer.png'),
      badgeHost: 'badges.wall.test',
      key: path,
      kid: `${b}#key-1`,
      documents: { 'https://badges.wall.test/issuers/7c1e9a52/did.json': didDocument(b, path.publicJwk) },
    },
    {
      id: c,
      name: 'College of the Wall',
      url: 'https://www.college.wall.test/',
      image: image('lightning-talk-speaker.png'),
      badgeHost: 'learn.college.wall.test',
      key: https,
      kid: https.thumbprint,
      documents: {
        [c]: {
          '@context': [VCDM2, OB303, 'https://www.w3.org/ns/cid/v1'],
          id: c,
          type: ['Profile'],
          name: 'College of the Wall',
          url: 'https://www.college.wall.test/',
          verificationMethod: [cMethod],
          assertionMethod: [cMethod.id],
        },
        'https://learn.college.wall.test/.well-known/jwks.json': { keys: [cKey] },
      },
    },
  ];
}

/** The warm wall: this many badges from one did:web issuer, given as the `credential` property. */
const WARM_BADGES = 100;

const SKILLS = ['accessibility', 'javascript', 'data', 'agile', 'security', 'testing', 'design', 'sql'];
const TYPES = ['Badge', 'Course', 'Certificate', 'Competency', 'Assignment'];

/**
 * Badge `n` (a VC-JWT) by `issuer`; every 97th of the first issuer's is revoked in its status list.
 * @param {number} n
 * @param {Issuer} issuer
 * @param {number} index its index in the issuer's status list
 * @returns {Promise<string>}
 */
async function makeBadge(n, issuer, index) {
  const from = new Date(Date.UTC(2024, 0, 1) + (n % 800) * 86_400_000).toISOString().replace('.000', '');
  const skill = /** @type {string} */ (SKILLS[n % SKILLS.length]);
  const credential = {
    '@context': [VCDM2, OB303],
    id: `urn:uuid:00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `Badge ${n + 1}: Ada Lovelace`,
    issuer: {
      id: issuer.id,
      type: ['Profile'],
      name: issuer.name,
      url: issuer.url,
      image: { id: issuer.image, type: 'Image' },
    },
    validFrom: from,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Ada Lovelace' }],
      achievement: {
        id: `${issuer.url}achievements/${n}`,
        type: ['Achievement'],
        achievementType: TYPES[n % TYPES.length],
        name: `${skill.charAt(0).toUpperCase()}${skill.slice(1)} ${Math.floor(n / SKILLS.length) + 1}`,
        description: `Achievement number ${n + 1} of the wall, in ${skill}.`,
        criteria: { narrative: `Completed the **${skill}** assignment and its review.` },
        image: { id: issuer.image, type: 'Image' },
        tag: [skill],
      },
    },
    ...(issuer.statusUrl
      ? {
          credentialStatus: {
            id: `${issuer.statusUrl}#${index}`,
            type: 'BitstringStatusListEntry',
            statusPurpose: 'revocation',
            statusListIndex: String(index),
            statusListCredential: issuer.statusUrl,
          },
        }
      : {}),
  };
  return new SignJWT({
    vc: credential,
    iss: issuer.id,
    jti: credential.id,
    nbf: Math.floor(Date.parse(from) / 1000),
  })
    .setProtectedHeader({ alg: issuer.key.alg, typ: 'JWT', kid: issuer.kid })
    .sign(issuer.key.privateKey);
}

/**
 * The first issuer's revocation list (VC-JOSE, signed by it), with the bits of its revoked badges set.
 * @param {Issuer} issuer
 * @param {number[]} revoked indexes in its status list
 * @returns {Promise<string>}
 */
async function makeStatusList(issuer, revoked) {
  const bytes = new Uint8Array(131_072 / 8);
  for (const index of revoked) bytes[index >> 3] = (bytes[index >> 3] ?? 0) | (0x80 >> (index & 7));
  const list = {
    '@context': [VCDM2],
    id: issuer.statusUrl,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuer.id,
    validFrom: '2024-01-01T00:00:00Z',
    credentialSubject: {
      id: `${issuer.statusUrl}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: `u${base64url.encode(gzipSync(bytes, { level: 9, mtime: 0 }))}`,
    },
  };
  return new CompactSign(new TextEncoder().encode(JSON.stringify(list)))
    .setProtectedHeader({ alg: issuer.key.alg, typ: 'vc+jwt', cty: 'vc', kid: issuer.kid })
    .sign(issuer.key.privateKey);
}

/**
 * Everything the issuers' hosts serve (URL → { body, type }) and the wall lists of each size. Badge
 * `n` is the issuer `n % 3`'s, so every screenful mixes the three.
 * @param {string} root the repository
 * @param {number[]} counts the sizes of the walls
 * @returns {Promise<World>}
 */
export async function makeWorld(root, counts) {
  const issuers = await makeIssuers(root);
  /** @type {Map<string, ServedDocument>} */
  const served = new Map();
  /** @param {unknown} value */
  const json = (value) => ({ body: JSON.stringify(value), type: 'application/json' });
  for (const issuer of issuers) {
    for (const [url, document] of Object.entries(issuer.documents)) {
      served.set(url, {
        ...json(document),
        type: url.endsWith('did.json') ? 'application/did+json' : 'application/json',
      });
    }
  }
  const largest = Math.max(...counts);
  /** @type {string[]} */
  const urls = [];
  /** @type {number[]} */
  const revoked = [];
  const perIssuer = issuers.map(() => 0);
  for (let n = 0; n < largest; n++) {
    const which = n % issuers.length;
    const issuer = /** @type {Issuer} */ (issuers[which]);
    const index = perIssuer[which] ?? 0;
    perIssuer[which] = index + 1;
    if (issuer.statusUrl && index % 97 === 96) revoked.push(index);
    const url = `https://${issuer.badgeHost}/badges/${n + 1}.jwt`;
    served.set(url, { body: await makeBadge(n, issuer, index), type: 'application/jwt' });
    urls.push(url);
  }
  // The warm wall's badges: 100 more, all from the first issuer (a did:web with a status list).
  const first = /** @type {Issuer & { statusUrl: string }} */ (issuers[0]);
  const oneIssuer = [];
  for (let k = 0; k < WARM_BADGES; k++) {
    const index = perIssuer[0] ?? 0;
    perIssuer[0] = index + 1;
    if (index % 97 === 96) revoked.push(index);
    oneIssuer.push(await makeBadge(largest + k, first, index));
  }
  served.set(first.statusUrl, { body: await makeStatusList(first, revoked), type: 'application/vc+jwt' });
  const lists = Object.fromEntries(counts.map((count) => [count, urls.slice(0, count)]));
  const jwts = urls.map((url) => /** @type {ServedDocument} */ (served.get(url)).body);
  return { issuers, served, lists, jwts, oneIssuer };
}

/**
 * One fresh page on the bench origin, every request counted; the issuers' hosts answered from `served`.
 * @param {Browser} browser
 * @param {Pick<World, 'served' | 'lists' | 'jwts'> & { outdir: string }} options
 * @returns {Promise<WallPage>}
 */
export async function openWallPage(browser, { outdir, served, lists, jwts }) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  /** @type {string[]} */
  const requests = [];
  /** @type {string[]} */
  const refused = [];
  await context.route('**/*', (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.origin === ORIGIN) {
      if (url.pathname === '/') return route.fulfill({ contentType: 'text/html', body: PAGE });
      const list = /^\/list-(\d+)\.json$/.exec(url.pathname);
      if (list) {
        requests.push(url.href);
        return route.fulfill({ contentType: 'application/json', body: JSON.stringify(lists[Number(list[1])]) });
      }
      // The badges themselves (JWT text), for a list given them as its `credentials` property.
      const texts = /^\/jwts-(\d+)\.json$/.exec(url.pathname);
      if (texts)
        return route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify(jwts.slice(0, Number(texts[1]))),
        });
      try {
        const body = readFileSync(join(outdir, url.pathname.slice(1)));
        return route.fulfill({ body, contentType: 'text/javascript' });
      } catch {
        return route.fulfill({ status: 404, body: 'not found' });
      }
    }
    if (!url.hostname.endsWith('.wall.test')) {
      refused.push(url.href);
      return route.abort('internetdisconnected');
    }
    const cors = { 'access-control-allow-origin': '*' };
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    requests.push(url.href);
    const document = served.get(url.href);
    if (!document) return route.fulfill({ status: 404, headers: cors, contentType: 'text/plain', body: 'Not found' });
    return route.fulfill({ headers: cors, contentType: document.type, body: document.body });
  });
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/`);
  await page.evaluate(async (src) => import(src), '/wall.js');
  return { page, requests, refused, close: () => context.close() };
}

/**
 * JS heap in use after a garbage collection (CDP), in bytes.
 * @param {Page} page
 * @returns {Promise<number>}
 */
async function heapAfterGc(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? NaN;
  } finally {
    await cdp.detach();
  }
}

/**
 * One wall: load it, wait for the first viewport (traced), measure, then scroll through it all.
 * @param {Browser} browser
 * @param {World} world
 * @param {{ count: number, mode: WallMode, outdir: string }} options
 * @returns {Promise<WallRun>}
 */
async function runWall(browser, world, { count, mode, outdir }) {
  const { page, requests, refused, close } = await openWallPage(browser, { outdir, ...world });
  try {
    const heapBefore = await heapAfterGc(page);
    const { result: first, tasks } = await withTasks(browser, page, () =>
      page.evaluate(
        ([listUrl, how]) => globalThis.benchWall.show({ listUrl, mode: how }),
        /** @type {[string, WallMode]} */ ([`/list-${count}.json`, mode]),
      ),
    );
    const longestTraced = Math.max(0, ...tasks.map((task) => task.ms));
    const overBudget = tasks.filter((task) => task.ms > 50).length;
    const firstRequests = requests.length;
    const firstDistinct = new Set(requests).size;
    const heapFirst = await heapAfterGc(page);
    const all = await page.evaluate(() => globalThis.benchWall.scrollThrough());
    const heapAll = await heapAfterGc(page);
    const longTasks = await page.evaluate(() => globalThis.benchWall.longTasksSoFar());
    /** @type {Map<string, number>} */
    const hits = new Map();
    for (const url of requests) hits.set(url, (hits.get(url) ?? 0) + 1);
    const duplicates = [...hits].filter(([, n]) => n > 1);
    return {
      count,
      mode,
      first,
      longestTraced,
      overBudget,
      firstRequests,
      firstDistinct,
      heapBefore,
      heapFirst,
      heapAll,
      all,
      allRequests: requests.length,
      allDistinct: new Set(requests).size,
      duplicates: duplicates.sort((a, b) => b[1] - a[1]),
      longTasks,
      refused,
    };
  } finally {
    await close();
  }
}

/**
 * What the longest tasks run: the same wall again, profiled (V8 samples) and traced in detail while
 * the first screen settles and the page scrolls a few screens down. Both slow the page down, so
 * these times are larger than the measured ones; the shares are what matter.
 * @param {Browser} browser
 * @param {World} world
 * @param {{ count: number, mode: WallMode, outdir: string }} options
 * @returns {Promise<Explained>}
 */
async function explainWall(browser, world, { count, mode, outdir }) {
  const { page, close } = await openWallPage(browser, { outdir, ...world });
  try {
    const run = () =>
      page.evaluate(
        async ([listUrl, how]) => {
          await globalThis.benchWall.show({ listUrl, mode: how });
          await globalThis.benchWall.scrollThrough({ maxStops: 6 });
        },
        /** @type {[string, WallMode]} */ ([`/list-${count}.json`, mode]),
      );
    const { result, profile } = await withProfile(page, () => withTasks(browser, page, run, { detail: true }));
    const longest = [...result.tasks].sort((a, b) => b.ms - a.ms).slice(0, 3);
    return {
      count,
      mode,
      longest: longest.map((task) => ({
        ms: task.ms,
        code: selfTimeBetween(profile, outdir, task.start, task.end, 4),
        inside: (task.inside ?? []).sort((a, b) => b.ms - a.ms).slice(0, 4),
      })),
    };
  } finally {
    await close();
  }
}

/** @param {Explained} explained */
function printExplained({ count, mode, longest }) {
  console.log(
    `  The longest tasks of ${count} × ${mode}, first screen and some screens of scrolling (profiled, so slower):`,
  );
  for (const task of longest) {
    const code = task.code.map(({ label, share }) => `${label} ${Math.round(share * 100)}%`).join(', ');
    const inside = task.inside.map(({ name, ms: spent }) => `${name} ${ms(spent)}`).join(', ');
    console.log(`    ${ms(task.ms)}: ${code}
      trace events: ${inside}`);
  }
}

/**
 * @param {WallRun[]} runs
 * @param {{ concurrency: number, served: Map<string, ServedDocument> }} context
 */
function printWall(runs, { concurrency, served }) {
  console.log(
    `\nWall of badges (3 issuers, VC-JWT; Chromium ${VIEWPORT.width}×${VIEWPORT.height}, localhost; badges verify ` +
      `${concurrency} at a time). Times are from inserting the wall; absolute times are noise on a shared machine.`,
  );
  const head = ['', 'first verified', 'first screen settled', 'requests / distinct URLs', 'longest task', 'JS heap'];
  const rows = [head];
  for (const run of runs) {
    /** @type {Partial<Record<WallMode, string>>} */
    const labels = { list: '<ob-badge-list>', plain: '<ob-badge loading=lazy>' };
    const label = `${run.count} × ${labels[run.mode] ?? '<ob-badge loading=lazy>, content-visibility: auto'}`;
    rows.push([
      label,
      ms(run.first.firstVerifiedMs),
      `${ms(run.first.viewportMs)} (${run.first.viewportBadges} badges)`,
      `${run.firstRequests} / ${run.firstDistinct}`,
      `${ms(run.longestTraced)}${run.overBudget ? ` (${run.overBudget} > 50 ms)` : ''}`,
      `${mb(run.heapFirst)} (+${mb(run.heapFirst - run.heapBefore)})`,
    ]);
    rows.push([
      '  scrolled to the end',
      '',
      `${ms(run.all.ms)}, ${run.all.settled}/${run.all.badges} settled`,
      `${run.allRequests} / ${run.allDistinct}`,
      `${run.longTasks.length} long tasks${run.longTasks[0] !== undefined ? `, max ${ms(run.longTasks[0])}` : ''}`,
      `${mb(run.heapAll)} (${((run.heapAll - run.heapBefore) / 1024 / run.count).toFixed(0)} KB/badge)`,
    ]);
  }
  const widths = head.map((_, i) => Math.max(...rows.map((row) => row[i]?.length ?? 0)) + 2);
  for (const row of rows)
    console.log(row.map((cell, i) => (i ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[0] ?? 0))).join(''));
  for (const run of runs) {
    const verdicts = Object.entries(run.all.verdicts)
      .map(([verdict, n]) => `${n} ${verdict}`)
      .join(', ');
    const lazy =
      run.first.settledBeforeScrolling < run.count
        ? `lazy: ${run.first.settledBeforeScrolling} of ${run.count} settled before scrolling`
        : `not lazy: all ${run.count} settled before scrolling`;
    console.log(`  ${run.count} × ${run.mode}: ${verdicts}; ${lazy}; ${run.all.stops} scroll stops`);
    if (run.duplicates.length) {
      // Two causes: a failed load is not remembered (every badge asks again), and the page's document
      // cache is bounded (a long wall's badge URLs push the issuers' documents out of it).
      const failed = run.duplicates.filter(([url]) => !served.has(url) && !/\/list-\d+\.json$/.test(url));
      const refetched = run.duplicates.filter((entry) => !failed.includes(entry));
      /** @param {[string, number][]} entries */
      const extra = (entries) => entries.reduce((sum, [, hits]) => sum + hits - 1, 0);
      if (failed.length) {
        const shown = failed.slice(0, 2).map(([url, hits]) => `${hits}× ${url}`);
        console.log(`    ${extra(failed)} repeats of failed (404) loads: ${shown.join(', ')}`);
      }
      if (refetched.length) {
        const shown = refetched.slice(0, 3).map(([url, hits]) => `${hits}× ${new URL(url).pathname}`);
        console.log(
          `    ${extra(refetched)} repeats of documents already loaded: ${shown.join(', ')}${refetched.length > 3 ? ', …' : ''}`,
        );
      }
    }
    if (run.first.timedOut) console.log('    ! the first screen did not settle within a minute');
    if (run.refused.length) console.log(`    ! ${run.refused.length} off-machine requests refused`);
  }
}

/** @param {WallRun[]} runs */
function printWallGoals(runs) {
  console.log('\nGoals (issue 8), this run:');
  /** @type {[string, boolean, string][]} */
  const rows = [];
  for (const run of runs) {
    const label = `${run.count} × ${run.mode}`;
    /**
     * @param {number} requests
     * @param {number} distinct
     */
    const ratio = (requests, distinct) => `${requests} / ${distinct} = ${(requests / distinct).toFixed(2)}× the floor`;
    rows.push([
      `${label}: requests = distinct URLs (first screen)`,
      run.firstRequests === run.firstDistinct,
      ratio(run.firstRequests, run.firstDistinct),
    ]);
    rows.push([
      `${label}: requests = distinct URLs (all)`,
      run.allRequests === run.allDistinct,
      ratio(run.allRequests, run.allDistinct),
    ]);
    rows.push([
      `${label}: longest task ≤ 50 ms`,
      run.longestTraced <= 50,
      `${ms(run.longestTraced)} (trace, first screen)`,
    ]);
  }
  const width = Math.max(...rows.map(([goal]) => goal.length)) + 2;
  for (const [goal, met, value] of rows)
    console.log(`  ${goal.padEnd(width)}${(met ? 'met' : 'MISSED').padEnd(8)}${value}`);
}

/**
 * @param {number[]} values
 * @returns {number}
 */
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/**
 * Issue 13's first row: 100 distinct VC-JWT badges from one did:web issuer, given as the
 * `credential` property of 100 eager `<ob-badge>` elements, warm (rounds after a first one in the
 * same page, once the issuer's documents are cached and the lazy code loaded): the time until all
 * are settled and drawn, against jose's importJWK + compactVerify of the same JWTs in the same page,
 * interleaved. With `check-domain` off, then on.
 * @param {Browser} browser
 * @param {World} world
 * @param {{ outdir: string, rounds?: number }} options
 * @returns {Promise<WarmRow[]>}
 */
async function runWarmWall(browser, world, { outdir, rounds = 5 }) {
  const { page, requests, close } = await openWallPage(browser, { outdir, ...world });
  const issuer = /** @type {Issuer} */ (world.issuers[0]);
  const jwts = world.oneIssuer;
  try {
    /** @param {{ jwts: string[], jwk: import('jose').JWK, alg: string }} args */
    const floor = (args) => page.evaluate((a) => globalThis.benchWall.joseRound(a), args);
    /** @param {boolean} checkDomain */
    const ours = (checkDomain) => page.evaluate((a) => globalThis.benchWall.badgeRound(a), { jwts, checkDomain });
    /** @type {WarmRow[]} */
    const rows = [];
    for (const checkDomain of [false, true]) {
      const cold = await ours(checkDomain);
      const coldRequests = requests.length;
      await floor({ jwts, jwk: issuer.key.publicJwk, alg: issuer.key.alg });
      const warm = [];
      const floors = [];
      for (let i = 0; i < rounds; i++) {
        floors.push(await floor({ jwts, jwk: issuer.key.publicJwk, alg: issuer.key.alg }));
        warm.push(await ours(checkDomain));
      }
      rows.push({
        checkDomain,
        cold,
        coldRequests,
        warmRequests: requests.length - coldRequests,
        ours: median(warm.map((run) => run.ms)),
        floor: median(floors.map((run) => run.ms)),
        floorVerified: floors[0]?.verified,
        verdicts: warm[0]?.verdicts ?? {},
        timedOut: warm.some((run) => run.timedOut),
      });
      requests.length = 0;
    }
    return rows;
  } finally {
    await close();
  }
}

/**
 * Issue 13's second row: a 1,000-badge `<ob-badge-list>` given the badges (JWT text) as its
 * `credentials` property; the time to the first verified badge, and every main-thread task (a
 * Chromium trace) while the first screen settles and then while a script scrolls to the end,
 * a screen at a time, waiting at each stop for what is in view to settle.
 * @param {Browser} browser
 * @param {World} world
 * @param {{ count: number, outdir: string }} options
 * @returns {Promise<CredentialsWall>}
 */
async function runCredentialsWall(browser, world, { count, outdir }) {
  const { page, close } = await openWallPage(browser, { outdir, ...world });
  try {
    // The page's copy of the badges is read before the trace starts: its tasks are the harness's.
    await page.evaluate((listUrl) => globalThis.benchWall.fetchCredentials(listUrl), `/jwts-${count}.json`);
    const { result: first, tasks: firstTasks } = await withTasks(browser, page, () =>
      page.evaluate((listUrl) => globalThis.benchWall.show({ listUrl, mode: 'credentials' }), `/jwts-${count}.json`),
    );
    const { result: all, tasks: scrollTasks } = await withTasks(browser, page, () =>
      page.evaluate(() => globalThis.benchWall.scrollThrough()),
    );
    /** @param {import('./bench-main-thread.js').Task[]} tasks */
    const longest = (tasks) => Math.max(0, ...tasks.map((task) => task.ms));
    /** @param {import('./bench-main-thread.js').Task[]} tasks */
    const over = (tasks) => tasks.filter((task) => task.ms > 50).length;
    return {
      count,
      first,
      all,
      firstLongest: longest(firstTasks),
      firstOver: over(firstTasks),
      scrollLongest: longest(scrollTasks),
      scrollOver: over(scrollTasks),
    };
  } finally {
    await close();
  }
}

/**
 * What the longest tasks of the `credentials` wall run (profiled: slower; the shares are what matter).
 * @param {Browser} browser
 * @param {World} world
 * @param {{ count: number, outdir: string }} options
 * @returns {Promise<Explained>}
 */
async function explainCredentialsWall(browser, world, { count, outdir }) {
  const { page, close } = await openWallPage(browser, { outdir, ...world });
  try {
    await page.evaluate((listUrl) => globalThis.benchWall.fetchCredentials(listUrl), `/jwts-${count}.json`);
    const run = () =>
      page.evaluate(async (listUrl) => {
        await globalThis.benchWall.show({ listUrl, mode: 'credentials' });
        await globalThis.benchWall.scrollThrough({ maxStops: 12 });
      }, `/jwts-${count}.json`);
    const { result, profile } = await withProfile(page, () => withTasks(browser, page, run, { detail: true }));
    const longest = [...result.tasks].sort((a, b) => b.ms - a.ms).slice(0, 3);
    return {
      count,
      mode: 'credentials',
      longest: longest.map((task) => ({
        ms: task.ms,
        code: selfTimeBetween(profile, outdir, task.start, task.end, 5),
        inside: (task.inside ?? []).sort((a, b) => b.ms - a.ms).slice(0, 4),
      })),
    };
  } finally {
    await close();
  }
}

/**
 * @param {WarmRow[]} warmRows
 * @param {CredentialsWall | undefined} wall
 */
function printIssue13(warmRows, wall) {
  /** @param {boolean} met */
  const goal = (met) => (met ? 'met' : 'MISSED');
  const count = warmRows[0] ? WARM_BADGES : 0;
  if (warmRows.length) {
    console.log(
      `\nWarm wall (issue 13): ${count} VC-JWT badges from one did:web issuer as the \`credential\` property of ` +
        `${count} <ob-badge>, a round after a first one in the same page, until all are settled and drawn; ` +
        `the floor: jose importJWK + compactVerify of the same ${count} JWTs, all at once, same page ` +
        `(medians of the interleaved rounds)`,
    );
    for (const row of warmRows) {
      const verdicts = Object.entries(row.verdicts)
        .map(([verdict, n]) => `${n} ${verdict}`)
        .join(', ');
      console.log(
        `  check-domain ${row.checkDomain ? 'on ' : 'off'}  ours ${ms(row.ours)}  jose ${ms(row.floor)}  ` +
          `${(row.ours / row.floor).toFixed(1)}× the floor  (first round ${ms(row.cold.ms)}; ${verdicts}; ` +
          `requests ${row.coldRequests} first, ${row.warmRequests} warm; jose verified ${row.floorVerified})` +
          `${row.timedOut ? '  ! a round timed out' : ''}`,
      );
    }
  }
  if (wall) {
    const verdicts = Object.entries(wall.all.verdicts)
      .map(([verdict, n]) => `${n} ${verdict}`)
      .join(', ');
    console.log(
      `\n${wall.count}-badge <ob-badge-list> (issue 13), the badges as its \`credentials\` property (JWT text, 3 issuers):`,
    );
    console.log(
      `  first verified ${ms(wall.first.firstVerifiedMs)}, first screen settled ${ms(wall.first.viewportMs)} ` +
        `(${wall.first.viewportBadges} badges); longest task ${ms(wall.firstLongest)} (${wall.firstOver} > 50 ms)`,
    );
    console.log(
      `  scrolled to the end: ${ms(wall.all.ms)}, ${wall.all.settled}/${wall.all.badges} settled (${verdicts}), ` +
        `${wall.all.stops} stops; longest task ${ms(wall.scrollLongest)} (${wall.scrollOver} > 50 ms)`,
    );
  }
  console.log('\nGoals (issue 13), this run:');
  for (const row of warmRows.filter((r) => !r.checkDomain)) {
    const ratio = row.ours / row.floor;
    console.log(`  ${count} badges warm ≤ 3× jose          ${goal(ratio <= 3).padEnd(8)}${ratio.toFixed(1)}×`);
    recordGoal(
      `speed: ${count} VC-JWT badges warm vs jose.compactVerify`,
      `${ratio.toFixed(1)}× (${ms(row.ours)} vs ${ms(row.floor)})`,
      '≤ 3×',
      ratio <= 3,
    );
  }
  for (const row of warmRows.filter((r) => r.checkDomain))
    console.log(`    (check-domain on, information)          ${(row.ours / row.floor).toFixed(1)}×`);
  if (wall) {
    const longest = Math.max(wall.firstLongest, wall.scrollLongest);
    console.log(
      `  ${wall.count}: first verified ≤ 1 s       ${goal(wall.first.firstVerifiedMs <= 1000).padEnd(8)}${ms(wall.first.firstVerifiedMs)}`,
    );
    console.log(
      `  ${wall.count}: every task ≤ 50 ms (scrolling included) ${goal(longest <= 50).padEnd(8)}${ms(longest)}`,
    );
    recordGoal(
      `speed: ${wall.count}-badge list, first verified`,
      ms(wall.first.firstVerifiedMs),
      '≤ 1 s',
      wall.first.firstVerifiedMs <= 1000,
    );
    recordGoal(
      `speed: ${wall.count}-badge list, longest task (scrolling included)`,
      `${ms(longest)} (${wall.firstOver + wall.scrollOver} tasks > 50 ms)`,
      '≤ 50 ms',
      longest <= 50,
    );
  }
}

/**
 * @typedef {object} WallBenchOptions
 * @property {string} root the repository
 * @property {string} executablePath Chromium
 * @property {number[]} [counts] the sizes of the walls
 * @property {WallMode[]} [modes] the `src` walls of issue 8 instead of issue 13's rows
 * @property {string} outdir where the page's bundle is built
 * @property {boolean} [explain] profile the longest tasks too
 */

/**
 * @param {WallBenchOptions} options
 * @returns {Promise<{ warm: WarmRow[], wall: CredentialsWall } | WallRun[]>}
 */
export async function runWallBench({ root, executablePath, counts = [100, 1000], modes, outdir, explain = true }) {
  await build(pageBundleOptions(root, outdir, 'wall', true));
  const world = await makeWorld(root, counts);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    if (!modes) {
      // Issue 13's rows: the warm wall of 100, and the `credentials` list of the largest count.
      const warm = await runWarmWall(browser, world, { outdir });
      const count = Math.max(...counts);
      const wall = await runCredentialsWall(browser, world, { count, outdir });
      printIssue13(warm, wall);
      if (explain) printExplained(await explainCredentialsWall(browser, world, { count, outdir }));
      return { warm, wall };
    }
    // `--wall-mode`: the `src` walls of issue 8 (`list`, `plain`, `plain-cv`).
    const probe = await openWallPage(browser, { outdir, ...world });
    const concurrency = await probe.page.evaluate(() => globalThis.benchWall.concurrency());
    await probe.close();
    const runs = [];
    for (const count of counts)
      for (const mode of modes) runs.push(await runWall(browser, world, { count, mode, outdir }));
    printWall(runs, { concurrency, served: world.served });
    if (explain) {
      const largest = Math.max(...counts);
      for (const mode of modes) printExplained(await explainWall(browser, world, { count: largest, mode, outdir }));
    }
    printWallGoals(runs);
    return runs;
  } finally {
    await browser.close();
  }
}
