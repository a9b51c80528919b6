// @ts-check
// Server rendering, run by Node's own runner against the build:
//   npm run build && node --test scripts/test-ssr.js
// Each element rendered by @lit-labs/ssr as a server framework would (declarative shadow DOM): a
// meaningful placeholder, never an exception, and nothing verified or fetched on the server.
// <ob-badge>: the "Checking…" shell with the page's own content (its no-JS fallback) through a
// slot; <ob-badge-list>: its live summary (empty) and a slot for its child badges; <ob-inspector>: its
// input area. What the browser does once they upgrade: src/components/badge/badge-fallback.test.ts.
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, it } from 'node:test';

if (!existsSync(new URL('../dist/index.js', import.meta.url))) {
  throw new Error('dist/ is missing: run `npm run build` before these tests');
}

// @lit-labs/ssr (imported above) has put its DOM shim in place; the elements define themselves in it.
/** @type {typeof import('../src/index.js')} */
const { ObBadge, ObBadgeList } = await import(new URL('../dist/index.js', import.meta.url).href);
/** @type {typeof import('../src/components/inspector/inspector.js')} */
const { ObInspector } = await import(new URL('../dist/components/inspector/inspector.js', import.meta.url).href);

const DECLARATIVE = '<template shadowroot="open" shadowrootmode="open">';

/** The requests the server tried (there must be none), each also failing as it is made. */
const fetched = /** @type {string[]} */ ([]);
const realFetch = globalThis.fetch;

beforeEach(() => {
  fetched.length = 0;
  globalThis.fetch = async (input) => {
    fetched.push(String(input instanceof Request ? input.url : input));
    throw new Error(`fetch on the server: ${String(input)}`);
  };
});

afterEach(() => {
  globalThis.fetch = realFetch;
  assert.deepEqual(fetched, [], 'nothing is fetched on the server');
});

/**
 * The HTML @lit-labs/ssr sends for `template`, without Lit's hydration markers.
 * @param {unknown} template
 */
async function ssr(template) {
  const out = await collectResult(render(template));
  return out.replace(/<!--\/?lit-(part|node)[^>]*-->/g, '');
}

/**
 * The shadow root of the first element of `markup` (the first declarative template's content).
 * @param {string} markup
 */
function shadowOf(markup) {
  const start = markup.indexOf(DECLARATIVE);
  assert.notEqual(start, -1, 'a declarative shadow root');
  // Styles aside: they hold no markup.
  return markup
    .slice(start + DECLARATIVE.length, markup.indexOf('</template>', start))
    .replace(/<style>[^<]*<\/style>/g, '');
}

/** @param {string} markup */
const squash = (markup) => markup.replace(/\s+/g, ' ');

describe('server rendering (@lit-labs/ssr)', () => {
  it('the elements are defined in the server DOM shim', () => {
    assert.equal(customElements.get('ob-badge'), ObBadge);
    assert.equal(customElements.get('ob-badge-list'), ObBadgeList);
    assert.equal(customElements.get('ob-inspector'), ObInspector);
  });

  it('<ob-badge>: the "Checking…" shell, with the page\'s fallback through a slot', async () => {
    const out = await ssr(
      html`<ob-badge src="https://example.edu/badge.json"><a href="https://example.edu/badge">My badge</a></ob-badge>`,
    );
    const shadow = squash(shadowOf(out));
    assert.match(shadow, /<article part="base" class="badge badge--loading" aria-busy="true">/);
    assert.match(shadow, /<p part="verdict" class="verdict verdict--loading" role="status">/);
    assert.match(shadow, /<span class="verdict__text" >Checking…<\/span >/);
    assert.match(shadow, /<div class="badge__fallback"><slot><\/slot><\/div>/);
    // The fallback stays in the light DOM, after the shadow root, as the page wrote it.
    assert.match(out, /<\/template><a href="https:\/\/example\.edu\/badge">My badge<\/a><\/ob-badge>/);
  });

  it('<ob-badge>: the same shell with an inline credential, which stays an inert script', async () => {
    const out = await ssr(
      // prettier-ignore
      html`<ob-badge heading-level="2"><script type="application/jwt">eyJ.fake.jwt</script></ob-badge>`,
    );
    assert.match(shadowOf(out), /role="status"/);
    assert.match(shadowOf(out), /<slot><\/slot>/);
    assert.match(out, /<script type="application\/jwt">eyJ\.fake\.jwt<\/script><\/ob-badge>/);
  });

  it('<ob-badge>: attribute values are escaped, never markup', async () => {
    const out = await ssr(html`<ob-badge src=${'"><img src=x onerror=alert(1)>'}></ob-badge>`);
    assert.doesNotMatch(out, /<img src=x/);
    assert.match(shadowOf(out), /Checking…/);
  });

  it("<ob-badge-list>: an empty live summary and a busy list slotting the page's badges, each with its own shell", async () => {
    const out = await ssr(
      html`<ob-badge-list src="https://example.edu/badges.json"
        ><ob-badge src="https://example.edu/a.json"
          ><a href="https://example.edu/a">Badge A</a></ob-badge
        ></ob-badge-list
      >`,
    );
    const shadow = squash(shadowOf(out));
    assert.match(shadow, /<p part="summary" class="summary" role="status"><\/p>/);
    assert.match(shadow, /<div part="list" class="list" aria-busy="true"><slot><\/slot><\/div>/);
    const child = out.slice(out.indexOf('<ob-badge '));
    assert.match(shadowOf(child), /Checking…/);
    assert.match(child, /<a href="https:\/\/example\.edu\/a">Badge A<\/a>/);
  });

  it('<ob-badge-list>: without a src, the list is not busy', async () => {
    const out = await ssr(html`<ob-badge-list></ob-badge-list>`);
    assert.match(squash(shadowOf(out)), /<p part="summary" class="summary" role="status"><\/p>/);
    assert.match(shadowOf(out), /aria-busy="false"/);
  });

  it('<ob-inspector>: its title and input area, in the language of its own lang', async () => {
    const out = await ssr(html`<ob-inspector lang="en-GB"></ob-inspector>`);
    const shadow = squash(shadowOf(out));
    assert.match(shadow, /<div part="base" class="inspector" aria-busy="false">/);
    assert.match(shadow, /Is this badge real\?/);
    assert.match(shadow, /<input id="file" type="file"/);
    assert.match(shadow, /<textarea id="paste"/);
    assert.match(shadow, /<input id="url" type="url"/);
    assert.doesNotMatch(shadow, /part="result"/);
  });
});
