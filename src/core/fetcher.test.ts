import { expect } from '@open-wc/testing';
import { rejectionCodeOf } from '../../test/helpers/errors.js';
import { BadgeError } from './errors.js';
import { createVerifier } from './verify.js';
import {
  createDocumentCache,
  createDocumentLoader,
  httpFreshnessOf,
  jsonOf,
  MIN_REUSE_MS,
  loadJsonObject,
  sniffContentType,
  textOf,
} from './fetcher.js';
import { jsonResponse, recordingFetch } from '../../test/helpers/fake-fetch.js';

function fakeFetch(respond: (url: string) => Response | Promise<Response>) {
  const fetch = recordingFetch((url) => respond(url));
  return { fetch: fetch as typeof globalThis.fetch, calls: fetch.calls };
}

const json = (body: unknown, type = 'application/json') => jsonResponse(body, type);

describe('createDocumentLoader', () => {
  it('sends no credentials and no referrer, and asks for the right media types', async () => {
    const { fetch, calls } = fakeFetch(() => json({ ok: true }));
    const load = createDocumentLoader({ fetch, cache: createDocumentCache() });
    const document = await load('https://issuer.example/profile', { accept: 'json' });
    expect(jsonOf(document)).to.deep.equal({ ok: true });
    expect(calls[0]!.init!.credentials).to.equal('omit');
    expect(calls[0]!.init!.referrerPolicy).to.equal('no-referrer');
    expect(new Headers(calls[0]!.init!.headers).get('accept')).to.contain('application/ld+json');
  });

  it('answers from the documents map without touching fetch, and refuses the rest offline', async () => {
    const { fetch, calls } = fakeFetch(() => json({}));
    const load = createDocumentLoader({
      fetch,
      offline: true,
      documents: { 'https://a.example/doc': { hello: 'world' }, 'https://a.example/token': 'eyJ.eyJ.sig' },
    });
    expect(jsonOf(await load('https://a.example/doc', { accept: 'json' }))).to.deep.equal({ hello: 'world' });
    expect(textOf(await load('https://a.example/token', { accept: 'jwt' }))).to.equal('eyJ.eyJ.sig');
    expect(await rejectionCodeOf(load('https://a.example/other', { accept: 'json' }))).to.equal('ERR_OB_FETCH_REFUSED');
    expect(calls).to.have.length(0);
  });

  describe('redirects', () => {
    /** A response as fetch returns it after following redirects to `finalUrl`. */
    const redirectedTo = (finalUrl: string) => {
      const response = json({ keys: [] });
      Object.defineProperties(response, { redirected: { value: true }, url: { value: finalUrl } });
      return response;
    };
    const loaderAnswering = (finalUrl: string) =>
      createDocumentLoader({ fetch: fakeFetch(() => redirectedTo(finalUrl)).fetch, cache: createDocumentCache() });

    it('refuses a key document that another origin answered (an open redirect on the issuer site)', async () => {
      const load = loaderAnswering('https://attacker.example/k.json');
      const error = await load('https://issuer.example/logout?next=https://attacker.example/k.json', {
        accept: 'json',
      }).catch((e: unknown) => e as BadgeError);
      expect(error).to.be.instanceOf(BadgeError);
      expect((error as BadgeError).code).to.equal('ERR_OB_FETCH_REFUSED');
      expect((error as BadgeError).details).to.include({ finalUrl: 'https://attacker.example/k.json' });
    });

    it('refuses a downgrade from https to http on the same host', async () => {
      const load = loaderAnswering('http://issuer.example/.well-known/jwks.json');
      expect(await rejectionCodeOf(load('https://issuer.example/.well-known/jwks.json', { accept: 'json' }))).to.equal(
        'ERR_OB_FETCH_REFUSED',
      );
    });

    it('follows redirects on the same origin, and an upgrade from http to https, reporting where it ended', async () => {
      const sameOrigin = await loaderAnswering('https://issuer.example/v2/profile')('https://issuer.example/profile', {
        accept: 'json',
      });
      expect(sameOrigin.finalUrl).to.equal('https://issuer.example/v2/profile');
      const upgraded = await loaderAnswering('https://issuer.example/profile')('http://issuer.example/profile', {
        accept: 'json',
      });
      expect(upgraded.finalUrl).to.equal('https://issuer.example/profile');
    });

    it('lets the badge itself come from anywhere (its proof decides), and says where', async () => {
      const load = loaderAnswering('https://cdn.example/badges/42.json');
      const document = await load('https://short.example/b/42', { accept: 'badge', redirects: 'any' });
      expect(document.url).to.equal('https://short.example/b/42');
      expect(document.finalUrl).to.equal('https://cdn.example/badges/42.json');
    });
  });

  it('rejects non-http(s) schemes before fetching', async () => {
    const { fetch, calls } = fakeFetch(() => json({}));
    const load = createDocumentLoader({ fetch, cache: createDocumentCache() });
    expect(await rejectionCodeOf(load('javascript:alert(1)', { accept: 'json' }))).to.equal('ERR_OB_FETCH_REFUSED');
    expect(await rejectionCodeOf(load('file:///etc/passwd', { accept: 'json' }))).to.equal('ERR_OB_FETCH_REFUSED');
    expect(await rejectionCodeOf(load('not a url', { accept: 'json' }))).to.equal('ERR_OB_FETCH_REFUSED');
    expect(calls).to.have.length(0);
  });

  it('rejects an unexpected content type (an HTML error page is not a key set)', async () => {
    const { fetch } = fakeFetch(() => new Response('<html>login</html>', { headers: { 'content-type': 'text/html' } }));
    const load = createDocumentLoader({ fetch, cache: createDocumentCache() });
    expect(await rejectionCodeOf(load('https://a.example/jwks.json', { accept: 'json' }))).to.equal(
      'ERR_OB_FETCH_CONTENT_TYPE',
    );
  });

  it('accepts JWT media types for a badge and JSON suffix types for JSON', async () => {
    const { fetch } = fakeFetch((url) =>
      url.endsWith('.jwt')
        ? new Response('a.b.c', { headers: { 'content-type': 'application/vc+jwt' } })
        : json({}, 'application/did+json; charset=utf-8'),
    );
    const load = createDocumentLoader({ fetch, cache: createDocumentCache() });
    expect((await load('https://a.example/x.jwt', { accept: 'badge' })).contentType).to.equal('application/vc+jwt');
    expect((await load('https://a.example/did.json', { accept: 'json' })).contentType).to.equal('application/did+json');
  });

  it('reads VCDM 2.0 application/vc as a JSON credential', async () => {
    const { fetch } = fakeFetch(() => json({}, 'application/vc'));
    const load = createDocumentLoader({ fetch, cache: createDocumentCache() });
    expect((await load('https://a.example/badge', { accept: 'badge' })).contentType).to.equal('application/vc');
    expect((await load('https://a.example/list', { accept: 'json' })).contentType).to.equal('application/vc');
  });

  it('maps HTTP errors to ERR_OB_FETCH_FAILED with the status', async () => {
    const { fetch } = fakeFetch(() => new Response('nope', { status: 404 }));
    const load = createDocumentLoader({ fetch, cache: createDocumentCache() });
    try {
      await load('https://a.example/missing', { accept: 'json' });
      expect.fail('should reject');
    } catch (error) {
      expect((error as BadgeError).code).to.equal('ERR_OB_FETCH_FAILED');
      expect((error as BadgeError).details).to.include({ status: 404 });
    }
  });

  it('caps the size, by Content-Length and while streaming', async () => {
    const big = 'x'.repeat(2000);
    const declared = fakeFetch(
      () => new Response(big, { headers: { 'content-type': 'application/json', 'content-length': '2000' } }),
    );
    const load1 = createDocumentLoader({ fetch: declared.fetch, maxBytes: 1000, cache: createDocumentCache() });
    expect(await rejectionCodeOf(load1('https://a.example/big', { accept: 'json' }))).to.equal('ERR_OB_TOO_LARGE');

    const streamed = fakeFetch(() => {
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          controller.enqueue(new Uint8Array(400));
        },
      });
      return new Response(body, { headers: { 'content-type': 'application/json' } });
    });
    const load2 = createDocumentLoader({ fetch: streamed.fetch, maxBytes: 1000, cache: createDocumentCache() });
    expect(await rejectionCodeOf(load2('https://a.example/endless', { accept: 'json' }))).to.equal('ERR_OB_TOO_LARGE');
  });

  it('times out a request that never answers', async () => {
    const fetch = ((_: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      })) as typeof globalThis.fetch;
    const load = createDocumentLoader({ fetch, timeoutMs: 50, cache: createDocumentCache() });
    expect(await rejectionCodeOf(load('https://slow.example/', { accept: 'json' }))).to.equal('ERR_OB_FETCH_TIMEOUT');
  });

  it('shares one request between concurrent loads, and one caller aborting does not cancel the other', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { fetch, calls } = fakeFetch(async () => {
      await gate;
      return json({ shared: true });
    });
    const load = createDocumentLoader({ fetch, cache: createDocumentCache() });
    const controller = new AbortController();
    const first = load('https://a.example/keys', { accept: 'json', signal: controller.signal });
    const second = load('https://a.example/keys', { accept: 'json' });
    controller.abort();
    release();
    expect(await rejectionCodeOf(first)).to.equal('ERR_OB_ABORTED');
    expect(jsonOf(await second)).to.deep.equal({ shared: true });
    expect(calls).to.have.length(1);
  });

  it('forgets failures so a later load retries', async () => {
    let attempt = 0;
    const { fetch } = fakeFetch(() => (++attempt === 1 ? new Response('', { status: 503 }) : json({ attempt })));
    const load = createDocumentLoader({ fetch, cache: createDocumentCache() });
    expect(await rejectionCodeOf(load('https://a.example/flaky', { accept: 'json' }))).to.equal('ERR_OB_FETCH_FAILED');
    await Promise.resolve();
    expect(jsonOf(await load('https://a.example/flaky', { accept: 'json' }))).to.deep.equal({ attempt: 2 });
  });

  it('reports invalid UTF-8 and invalid JSON as malformed', async () => {
    const load = createDocumentLoader({ documents: { 'https://a.example/bad': new Uint8Array([0x7b, 0xff, 0x7d]) } });
    const document = await load('https://a.example/bad', { accept: 'json' });
    expect(() => textOf(document))
      .to.throw(BadgeError)
      .with.property('code', 'ERR_OB_MALFORMED');
    const load2 = createDocumentLoader({
      documents: { 'https://a.example/arr': '[1,2]', 'https://a.example/broken': '{"a":' },
    });
    expect(await rejectionCodeOf(loadJsonObject(load2, 'https://a.example/arr'))).to.equal('ERR_OB_MALFORMED');
    expect(await rejectionCodeOf(loadJsonObject(load2, 'https://a.example/broken'))).to.equal('ERR_OB_MALFORMED');
  });
});

describe('sniffContentType', () => {
  it('recognises JSON, PNG, SVG and falls back to text', () => {
    const enc = new TextEncoder();
    expect(sniffContentType(enc.encode('  {"a":1}'))).to.equal('application/json');
    expect(sniffContentType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d]))).to.equal('image/png');
    expect(sniffContentType(enc.encode('<svg></svg>'))).to.equal('image/svg+xml');
    expect(sniffContentType(enc.encode('eyJhbGciOi.x.y'))).to.equal('text/plain');
  });
});

describe('maxAgeMs: reuse of documents that change', () => {
  const URL_ = 'https://a.example/status/1';

  function counting(headers: Record<string, string> = {}) {
    let served = 0;
    const { fetch, calls } = fakeFetch(
      () =>
        new Response(JSON.stringify({ served: ++served }), {
          headers: { 'content-type': 'application/json', ...headers },
        }),
    );
    const clock = { now: 1_000_000 };
    const load = createDocumentLoader({ fetch, cache: createDocumentCache(), clock: () => clock.now });
    return { load, calls, clock };
  }

  it('stamps fetched documents with the loader clock and their HTTP freshness', async () => {
    const { load } = counting({ 'cache-control': 'public, max-age=60' });
    const document = await load(URL_, { accept: 'json' });
    expect(document.fetchedAt).to.equal(1_000_000);
    expect(document.freshForMs).to.equal(60_000);
  });

  it('reuses a copy younger than maxAgeMs and fetches again, once, when it is older', async () => {
    const { load, calls, clock } = counting();
    const first = await load(URL_, { accept: 'json', maxAgeMs: 60_000 });
    clock.now += 60_000;
    expect(await load(URL_, { accept: 'json', maxAgeMs: 60_000 })).to.equal(first);
    clock.now += 1;
    const again = await Promise.all([1, 2, 3].map(() => load(URL_, { accept: 'json', maxAgeMs: 60_000 })));
    expect(calls).to.have.length(2);
    expect(again.map((d) => jsonOf(d))).to.deep.equal([{ served: 2 }, { served: 2 }, { served: 2 }]);
  });

  it('leaves loads without maxAgeMs as they were: the page keeps the copy', async () => {
    const { load, calls, clock } = counting({ 'cache-control': 'no-store' });
    await load(URL_, { accept: 'json' });
    clock.now += 24 * 60 * 60 * 1000;
    await load(URL_, { accept: 'json' });
    expect(calls).to.have.length(1);
  });

  it('lets concurrent callers share one fetch', async () => {
    const { load, calls } = counting();
    await Promise.all([1, 2, 3, 4].map(() => load(URL_, { accept: 'json', maxAgeMs: 0 })));
    expect(calls).to.have.length(1);
  });

  it('takes the shorter of maxAgeMs and the HTTP freshness, never below MIN_REUSE_MS', async () => {
    const maxAge = counting({ 'cache-control': 'max-age=20' });
    await maxAge.load(URL_, { accept: 'json', maxAgeMs: 300_000 });
    maxAge.clock.now += 20_001;
    await maxAge.load(URL_, { accept: 'json', maxAgeMs: 300_000 });
    expect(maxAge.calls).to.have.length(2);

    const noCache = counting({ 'cache-control': 'no-cache' });
    await noCache.load(URL_, { accept: 'json', maxAgeMs: 300_000 });
    noCache.clock.now += MIN_REUSE_MS;
    await noCache.load(URL_, { accept: 'json', maxAgeMs: 300_000 });
    expect(noCache.calls).to.have.length(1);
    noCache.clock.now += 1;
    await noCache.load(URL_, { accept: 'json', maxAgeMs: 300_000 });
    expect(noCache.calls).to.have.length(2);
  });
});

describe('httpFreshnessOf', () => {
  const freshness = (headers: Record<string, string>, now = Date.parse('2026-06-01T00:00:00Z')) =>
    httpFreshnessOf(new Headers(headers), now);

  it('reads Cache-Control max-age less Age, and no-store/no-cache as 0', () => {
    expect(freshness({ 'cache-control': 'max-age=300' })).to.equal(300_000);
    expect(freshness({ 'cache-control': 'public, max-age=300', age: '100' })).to.equal(200_000);
    expect(freshness({ 'cache-control': 'max-age=10', age: '100' })).to.equal(0);
    expect(freshness({ 'cache-control': 'no-cache' })).to.equal(0);
    expect(freshness({ 'cache-control': 'max-age=300, no-store' })).to.equal(0);
    expect(freshness({ 'cache-control': 'max-age=soon' })).to.equal(0);
  });

  it('falls back to Expires less Date (or now), an invalid Expires being already expired', () => {
    expect(freshness({ expires: 'Mon, 01 Jun 2026 00:05:00 GMT', date: 'Mon, 01 Jun 2026 00:04:00 GMT' })).to.equal(
      60_000,
    );
    expect(freshness({ expires: 'Mon, 01 Jun 2026 00:05:00 GMT' })).to.equal(300_000);
    expect(freshness({ expires: '0' })).to.equal(0);
  });

  it('says nothing when the headers say nothing', () => {
    expect(freshness({})).to.equal(undefined);
    expect(freshness({ 'cache-control': 'public' })).to.equal(undefined);
  });
});

describe('createDocumentLoader: Gone answers, CORS refusals and proxies', () => {
  it('fails a 410 unless the caller reads Gone answers, and then keeps its body', async () => {
    const gone = () =>
      new Response(JSON.stringify({ revoked: true }), { status: 410, headers: { 'content-type': 'application/json' } });
    const strict = createDocumentLoader({ fetch: fakeFetch(gone).fetch });
    expect(await rejectionCodeOf(strict('https://issuer.example/a.json', { accept: 'json' }))).to.equal(
      'ERR_OB_FETCH_FAILED',
    );
    const reading = createDocumentLoader({ fetch: fakeFetch(gone).fetch });
    const document = await reading('https://issuer.example/a.json', { accept: 'json', readGone: true });
    expect(document.status).to.equal(410);
    expect(jsonOf(document)).to.deep.equal({ revoked: true });
  });

  it('keeps no body of the wrong kind from a Gone answer', async () => {
    const { fetch } = fakeFetch(
      () => new Response('<h1>Gone</h1>', { status: 410, headers: { 'content-type': 'text/html' } }),
    );
    const document = await createDocumentLoader({ fetch })('https://issuer.example/a.json', {
      accept: 'json',
      readGone: true,
    });
    expect(document.status).to.equal(410);
    expect(document.bytes.byteLength).to.equal(0);
  });

  it('tells a CORS refusal from a dead network by asking again in no-cors mode', async () => {
    const refused = fakeFetch((url) => {
      void url;
      throw new TypeError('Failed to fetch');
    });
    const modes: (RequestMode | undefined)[] = [];
    const corsOnly = (async (input: RequestInfo | URL, init?: RequestInit) => {
      modes.push(init?.mode);
      if (init?.mode === 'no-cors') return new Response(null);
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(
      await rejectionCodeOf(
        createDocumentLoader({ fetch: corsOnly })('https://issuer.example/a.json', { accept: 'json' }),
      ),
    ).to.equal('ERR_OB_FETCH_CORS');
    expect(modes).to.deep.equal([undefined, 'no-cors']);
    expect(
      await rejectionCodeOf(
        createDocumentLoader({ fetch: refused.fetch })('https://issuer.example/a.json', { accept: 'json' }),
      ),
    ).to.equal('ERR_OB_FETCH_FAILED');
  });

  it('sends every request through the proxy template and marks what it answered', async () => {
    const { fetch, calls } = fakeFetch(() => json({ ok: true }));
    const load = createDocumentLoader({ fetch, proxy: 'https://proxy.example/get?u={url}' });
    const document = await load('https://issuer.example/a b.json', { accept: 'json' });
    expect(calls[0]!.url).to.equal(
      `https://proxy.example/get?u=${encodeURIComponent('https://issuer.example/a%20b.json')}`,
    );
    expect(document.viaProxy).to.equal('https://proxy.example');
    expect(document.url).to.equal('https://issuer.example/a%20b.json');
  });

  it('refuses a proxy template without {url} or outside http(s) when the loader is made', () => {
    expect(() => createDocumentLoader({ proxy: 'https://proxy.example/' })).to.throw(TypeError);
    expect(() => createDocumentLoader({ proxy: 'javascript:{url}' })).to.throw(TypeError);
  });
});

describe('createDocumentLoader: remembering answers', () => {
  it('remembers a 404 for a minute, then asks again', async () => {
    let now = 1_000_000;
    let calls = 0;
    const { fetch } = fakeFetch(() => {
      calls++;
      return new Response('', { status: 404 });
    });
    const load = createDocumentLoader({ fetch, cache: createDocumentCache(), clock: () => now });
    for (let i = 0; i < 3; i++) {
      expect(
        await rejectionCodeOf(load('https://a.example/.well-known/did-configuration.json', { accept: 'json' })),
      ).to.equal('ERR_OB_FETCH_FAILED');
    }
    expect(calls).to.equal(1);
    now += 61_000;
    await rejectionCodeOf(load('https://a.example/.well-known/did-configuration.json', { accept: 'json' }));
    expect(calls).to.equal(2);
  });

  it('keeps what is read often while documents read once age out', () => {
    const cache = createDocumentCache(2);
    const doc = Promise.resolve({ url: 'x', finalUrl: 'x', contentType: 'application/json', bytes: new Uint8Array() });
    cache.set('keys', doc);
    cache.set('badge-1', doc);
    // Read for its effect only: a read makes 'keys' the most recently used entry.
    void cache.get('keys');
    cache.set('badge-2', doc);
    expect(cache.get('keys')).to.equal(doc);
    expect(cache.get('badge-1')).to.equal(undefined);
  });
});

describe('createDocumentLoader: a badge served with a generic type', () => {
  const JWS = 'eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6ZXhhbXBsZSJ9.c2ln';
  const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
  const served = (body: BodyInit, type?: string) => () =>
    new Response(body, type === undefined ? {} : { headers: { 'content-type': type } });
  /** A Response whose constructor adds no type: what a server that sends none gives fetch. */
  const untyped = (body: string) => () => {
    const response = new Response(body);
    response.headers.delete('content-type');
    return response;
  };

  for (const type of ['application/octet-stream', 'text/plain; charset=utf-8', 'binary/octet-stream']) {
    it(`reads a compact JWS, JSON, a PNG and an SVG served as ${type} by their bodies`, async () => {
      const cases: [BodyInit, string][] = [
        [`${JWS}\n`, 'text/plain'],
        ['\ufeff {"type": ["VerifiableCredential"]}', 'application/json'],
        [PNG, 'image/png'],
        ['<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>', 'image/svg+xml'],
      ];
      for (const [body, expected] of cases) {
        const load = createDocumentLoader({ fetch: fakeFetch(served(body, type)).fetch });
        const document = await load('https://earner.example/badge', { accept: 'badge' });
        expect(document.contentType).to.equal(expected);
      }
    });
  }

  it('reads a badge served with no content type at all', async () => {
    const load = createDocumentLoader({ fetch: fakeFetch(untyped(JWS)).fetch });
    expect(textOf(await load('https://earner.example/badge.jwt', { accept: 'badge' }))).to.equal(JWS);
  });

  it('reads a body that is none of them, within the size cap, and the badge is not verified', async () => {
    for (const body of ['<!doctype html><html><body>Not found</body></html>', 'hello world', 'a.b', '\u0000\u00ff']) {
      const verifier = createVerifier({ fetch: fakeFetch(served(body, 'application/octet-stream')).fetch });
      const result = await verifier.verify('https://earner.example/badge');
      expect(result.verified, body).to.equal(false);
      expect(result.checks[0], body).to.include({ id: 'format', status: 'failed' });
    }
    const huge = createDocumentLoader({
      fetch: fakeFetch(served(`{"a":"${'x'.repeat(2048)}"}`, 'application/octet-stream')).fetch,
      maxBytes: 1024,
    });
    expect(await rejectionCodeOf(huge('https://earner.example/badge', { accept: 'badge' }))).to.equal(
      'ERR_OB_TOO_LARGE',
    );
  });

  it('keeps the strict check for what is trusted by its address: keys, profiles, status lists', async () => {
    const load = createDocumentLoader({ fetch: fakeFetch(served('{"keys":[]}', 'application/octet-stream')).fetch });
    expect(await rejectionCodeOf(load('https://issuer.example/jwks', { accept: 'json' }))).to.equal(
      'ERR_OB_FETCH_CONTENT_TYPE',
    );
  });
});
