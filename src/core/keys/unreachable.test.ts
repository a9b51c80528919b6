import { expect } from '@open-wc/testing';
import { createVerifier } from '../verify.js';
import type { Check, VerificationResult } from '../result.js';
import { FetchCorsBlocked, FetchFailed, FetchTimeout, KeyUnresolvable } from '../errors.js';
import { isUnreachable } from '../fetcher.js';
import { keyUnreachable } from './unreachable.js';
import { corsBlocked, jsonResponse, recordingFetch } from '../../../test/helpers/fake-fetch.js';

/**
 * "Could not ask" is one rule (fetcher.ts `isUnreachable`): a key document nobody could read is
 * status unknown (ERR_OB_KEY_UNREACHABLE, a warning); one that answered without the key, or a 404,
 * is not verified (ERR_OB_KEY_UNRESOLVABLE). Never the network: a fake fetch answers.
 */

const BASE = '/test/fixtures/';
const NOW = new Date('2026-06-01T00:00:00Z');
const text = async (path: string) => (await (await fetch(BASE + path)).text()).trim();

type Answer = 'network' | 'timeout' | 'cors' | number | { body: unknown };

/** A fetch whose every answer for a URL matching `match` is `answer`; everything else comes from `served`. */
function fakeFetch(match: (url: string) => boolean, answer: Answer, served: Record<string, string> = {}) {
  return recordingFetch((url, init) => {
    if (match(url)) {
      if (answer === 'network') throw new TypeError('Failed to fetch');
      if (answer === 'cors') return corsBlocked(init);
      if (answer === 'timeout') {
        return new Promise<Response>((_, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('timed out', 'TimeoutError')));
        });
      }
      if (typeof answer === 'number') return new Response('{}', { status: answer });
      return jsonResponse(answer.body, 'application/did+json');
    }
    const body = served[url];
    if (body === undefined) return new Response('not found', { status: 404 });
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  });
}

const check = (result: VerificationResult, id: string) => result.checks.find((c) => c.id === id) as Check;

describe('isUnreachable: one definition of "could not ask"', () => {
  it('CORS, timeout, network failure, 5xx, 408 and 429 are unreachable; other answers are answers', () => {
    const url = 'https://issuer.example/did.json';
    expect(isUnreachable(new FetchCorsBlocked(undefined, { details: { url } }))).to.equal(true);
    expect(isUnreachable(new FetchTimeout(undefined, { details: { url } }))).to.equal(true);
    expect(isUnreachable(new FetchFailed(undefined, { details: { url } }))).to.equal(true);
    for (const status of [500, 502, 503, 504, 408, 429]) {
      expect(isUnreachable(new FetchFailed(`HTTP ${status}`, { details: { url, status } })), String(status)).to.equal(
        true,
      );
    }
    for (const status of [400, 401, 403, 404, 410]) {
      expect(isUnreachable(new FetchFailed(`HTTP ${status}`, { details: { url, status } })), String(status)).to.equal(
        false,
      );
    }
    expect(isUnreachable(new KeyUnresolvable())).to.equal(false);
    expect(isUnreachable(new Error('boom'))).to.equal(false);
    // Followed through a cause: a key error wrapping a timeout is the timeout.
    const wrapped = new KeyUnresolvable('x', { cause: new FetchTimeout(undefined, { details: { url } }) });
    expect(isUnreachable(wrapped)).to.equal(true);
    expect(keyUnreachable(wrapped, { kid: 'k' }).details).to.deep.equal({
      kid: 'k',
      url,
      cause: 'ERR_OB_FETCH_TIMEOUT',
    });
  });
});

describe('a DID document or issuer key that cannot be fetched is status unknown', () => {
  const didWebUrl = (url: string) => url.endsWith('/.well-known/did.json');
  let jwt: string;
  before(async () => {
    jwt = await text('credentials/ob3-jose-valid-did-web.jwt');
  });

  async function verifyWith(answer: Answer, timeoutMs?: number) {
    const verifier = createVerifier({ fetch: fakeFetch(didWebUrl, answer), ...(timeoutMs ? { timeoutMs } : {}) });
    return verifier.verify(jwt, { now: NOW });
  }

  for (const [answer, cause] of [
    ['network', 'ERR_OB_FETCH_FAILED'],
    ['cors', 'ERR_OB_FETCH_CORS'],
    [503, 'ERR_OB_FETCH_FAILED'],
    ['timeout', 'ERR_OB_FETCH_TIMEOUT'],
  ] as const) {
    it(`did:web document: ${String(answer)} → unknown, ERR_OB_KEY_UNREACHABLE (${cause})`, async () => {
      const result = await verifyWith(answer, 200);
      expect(result.verdict, JSON.stringify(result.checks)).to.equal('unknown');
      const proof = check(result, 'proof');
      expect(proof.status).to.equal('warning');
      expect(proof.code).to.equal('ERR_OB_KEY_UNREACHABLE');
      expect(proof.details).to.include({ cause, url: 'https://localhost:5173/.well-known/did.json' });
    });
  }

  it('did:web document: 404 is an answer → unverified, ERR_OB_KEY_UNRESOLVABLE', async () => {
    const result = await verifyWith(404);
    expect(result.verdict).to.equal('unverified');
    expect(check(result, 'proof')).to.deep.include({ status: 'failed', code: 'ERR_OB_KEY_UNRESOLVABLE' });
  });

  it('did:web document that answers without the key → unverified, ERR_OB_KEY_UNRESOLVABLE', async () => {
    const body = { id: 'did:web:localhost%3A5173', verificationMethod: [], assertionMethod: [] };
    const result = await verifyWith({ body });
    expect(result.verdict).to.equal('unverified');
    expect(check(result, 'proof')).to.deep.include({ status: 'failed', code: 'ERR_OB_KEY_UNRESOLVABLE' });
  });

  it('an https issuer whose profile and key set cannot be reached → unknown; answering 404 → unverified', async () => {
    const badge = await text('credentials/ob3-jwt-valid-https-jwks.jwt');
    const onIssuerHost = (url: string) => url.startsWith('https://learn.lakeside.example/');
    const down = await createVerifier({ fetch: fakeFetch(onIssuerHost, 502) }).verify(badge, { now: NOW });
    expect(down.verdict, JSON.stringify(down.checks)).to.equal('unknown');
    expect(check(down, 'proof')).to.deep.include({ status: 'warning', code: 'ERR_OB_KEY_UNREACHABLE' });
    const gone = await createVerifier({ fetch: fakeFetch(onIssuerHost, 404) }).verify(badge, { now: NOW });
    expect(gone.verdict).to.equal('unverified');
    expect(check(gone, 'proof')).to.deep.include({ status: 'failed', code: 'ERR_OB_KEY_UNRESOLVABLE' });
  });
});

describe('the badge URL itself, by the same rule', () => {
  const BADGE = 'https://badges.example/b/1';

  for (const [answer, code] of [
    ['network', 'ERR_OB_FETCH_FAILED'],
    ['timeout', 'ERR_OB_FETCH_TIMEOUT'],
    [503, 'ERR_OB_FETCH_FAILED'],
    ['cors', 'ERR_OB_FETCH_CORS'],
  ] as const) {
    it(`${String(answer)} → unknown (format warning ${code})`, async () => {
      const verifier = createVerifier({ fetch: fakeFetch((url) => url === BADGE, answer), timeoutMs: 200 });
      const result = await verifier.verify(BADGE, { now: NOW });
      expect(result.verdict).to.equal('unknown');
      expect(check(result, 'format')).to.deep.include({ status: 'warning', code });
    });
  }

  it('404 is an answer → unverified (format failed)', async () => {
    const verifier = createVerifier({ fetch: fakeFetch((url) => url === BADGE, 404) });
    const result = await verifier.verify(BADGE, { now: NOW });
    expect(result.verdict).to.equal('unverified');
    expect(check(result, 'format')).to.deep.include({ status: 'failed', code: 'ERR_OB_FETCH_FAILED' });
  });
});
