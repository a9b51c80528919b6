import { expect } from '@open-wc/testing';
import { createVerifier } from '../verify.js';
import type { Check, VerificationResult } from '../result.js';
import {
  BADGE_CLASS,
  badgeClass,
  EARNER,
  fakeFetch,
  hostedAssertion,
  ISSUER,
  issuerProfile,
  type Routes,
} from '../../../test/helpers/ob2.js';

const now = new Date('2026-06-01T00:00:00Z');
const ASSERTION = 'https://issuer.example/assertions/1.json';

function check(result: VerificationResult, id: string): Check {
  const found = result.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no ${id} check in ${JSON.stringify(result.checks)}`);
  return found;
}

async function routes(overrides: Record<string, unknown> = {}): Promise<Routes> {
  return {
    [ASSERTION]: await hostedAssertion(ASSERTION),
    [BADGE_CLASS]: badgeClass(),
    [ISSUER]: issuerProfile(),
    ...overrides,
  };
}

async function verify(
  input: Parameters<ReturnType<typeof createVerifier>['verify']>[0],
  served: Routes,
  options: { corsBlocked?: string[]; recipient?: string; proxy?: string } = {},
) {
  const fetch = fakeFetch(served, { corsBlocked: options.corsBlocked ?? [] });
  const verifier = createVerifier({ fetch, ...(options.proxy ? { proxy: options.proxy } : {}) });
  const result = await verifier.verify(input, { now, ...(options.recipient ? { recipient: options.recipient } : {}) });
  return { result, fetch };
}

describe('Open Badges 2.0 hosted assertions', () => {
  it('verifies the hosted copy fetched from the assertion id, and shows it', async () => {
    const inHand = await hostedAssertion(ASSERTION);
    const { result, fetch } = await verify(inHand, await routes());
    expect(result.format).to.equal('ob2-hosted');
    expect(result.verdict, JSON.stringify(result.checks)).to.equal('verified');
    expect(fetch.requests).to.include(ASSERTION);
    expect(check(result, 'proof').details).to.include({ verification: 'hosted', url: ASSERTION });
    expect(check(result, 'issuer').details).to.include({ issuer: ISSUER, scope: 'issuer-origin' });
    expect(result.badge?.spec).to.equal('ob2');
    expect(result.badge?.name).to.equal('Robot Builder');
    expect(result.badge?.issuer.name).to.equal('Example Robotics Club');
    expect(result.badge?.criteria?.narrative).to.equal('Build a robot that *walks*.');
  });

  it('treats the copy in hand only as a pointer: the hosted copy is what is checked and rendered', async () => {
    const inHand = await hostedAssertion(ASSERTION, { issuedOn: '2020-01-01T00:00:00Z', narrative: 'forged' });
    const { result } = await verify(inHand, await routes());
    expect(result.verified).to.equal(true);
    expect(result.credential?.['narrative']).to.equal(undefined);
    expect(result.credential?.['issuedOn']).to.equal('2026-01-15T10:00:00Z');
    expect(check(result, 'proof').details?.['differsFromInput']).to.equal(true);
  });

  it('verifies from the URL alone, fetching it once', async () => {
    const { result, fetch } = await verify(ASSERTION, await routes());
    expect(result.verified, JSON.stringify(result.checks)).to.equal(true);
    expect(fetch.requests.filter((url) => url === ASSERTION)).to.have.length(1);
  });

  it('reads 410 Gone as revoked and shows the reason from its body', async () => {
    const gone = {
      status: 410,
      body: {
        '@context': 'https://w3id.org/openbadges/v2',
        id: ASSERTION,
        revoked: true,
        revocationReason: 'Awarded in error',
      },
    };
    const { result } = await verify(await hostedAssertion(ASSERTION), await routes({ [ASSERTION]: gone }));
    expect(result.verdict).to.equal('unverified');
    expect(check(result, 'status')).to.deep.include({ status: 'failed', code: 'ERR_OB_REVOKED' });
    expect(check(result, 'status').details).to.include({ httpStatus: 410, revocationReason: 'Awarded in error' });
    expect(result.badge?.revocationReason).to.equal('Awarded in error');
    // The stripped answer has no BadgeClass to check: not checked, never passed.
    expect(check(result, 'issuer').status).to.equal('skipped');
  });

  it('reads a bare 410 for a badge URL as revoked', async () => {
    const { result } = await verify(ASSERTION, await routes({ [ASSERTION]: { status: 410 } }));
    expect(result.format).to.equal('ob2-hosted');
    expect(check(result, 'status').code).to.equal('ERR_OB_REVOKED');
    expect(result.verified).to.equal(false);
  });

  it('reads revoked: true in a 200 answer as revoked', async () => {
    const revoked = await hostedAssertion(ASSERTION, { revoked: true, revocationReason: 'Policy' });
    const { result } = await verify(ASSERTION, await routes({ [ASSERTION]: revoked }));
    expect(check(result, 'status').details?.['revocationReason']).to.equal('Policy');
    expect(result.verified).to.equal(false);
  });

  describe('the issuer\u2019s hosting policy', () => {
    it('fails an assertion hosted on another host than the issuer', async () => {
      const elsewhere = 'https://badges.attacker.example/1.json';
      const served = await routes({ [elsewhere]: await hostedAssertion(elsewhere) });
      const { result } = await verify(elsewhere, served);
      expect(check(result, 'issuer')).to.deep.include({ status: 'failed', code: 'ERR_OB_OUTSIDE_ISSUER_SCOPE' });
      expect(result.verified).to.equal(false);
    });

    it('accepts startsWith prefixes and allowedOrigins host names, and nothing else', async () => {
      const cdn = 'https://cdn.example/issuer-badges/1.json';
      const cases: [Record<string, unknown>, boolean][] = [
        [{ startsWith: 'https://cdn.example/issuer-badges/' }, true],
        [{ startsWith: ['https://nope.example/', 'https://cdn.example/issuer-'] }, true],
        [{ startsWith: 'https://cdn.example/other/' }, false],
        [{ allowedOrigins: 'cdn.example' }, true],
        [{ allowedOrigins: ['a.example', 'CDN.example'] }, true],
        [{ allowedOrigins: 'cdn.example.attacker.test' }, false],
      ];
      for (const [verification, allowed] of cases) {
        const served = await routes({ [cdn]: await hostedAssertion(cdn), [ISSUER]: issuerProfile({ verification }) });
        const { result } = await verify(cdn, served);
        expect(check(result, 'issuer').status, JSON.stringify(verification)).to.equal(allowed ? 'passed' : 'failed');
      }
    });

    it('reads the policy from the Profile at its own address, never from a copy a BadgeClass embeds', async () => {
      const elsewhere = 'https://badges.attacker.example/1.json';
      const lyingClass = badgeClass({
        id: 'https://badges.attacker.example/class.json',
        issuer: { ...issuerProfile(), verification: { allowedOrigins: 'badges.attacker.example' } },
      });
      const served = await routes({
        [elsewhere]: await hostedAssertion(elsewhere, { badge: 'https://badges.attacker.example/class.json' }),
        'https://badges.attacker.example/class.json': lyingClass,
      });
      const { result, fetch } = await verify(elsewhere, served);
      expect(fetch.requests).to.include(ISSUER);
      expect(check(result, 'issuer').code).to.equal('ERR_OB_OUTSIDE_ISSUER_SCOPE');
    });

    it('refuses look-alike hosts, userinfo and other ports under a prefix without its slash, and accepts the host in any spelling', async () => {
      const policy = issuerProfile({ verification: { startsWith: 'https://issuer.example' } });
      const cases: [string, boolean][] = [
        ['https://issuer.example/assertions/2.json', true],
        ['https://ISSUER.example./assertions/2.json', true],
        ['https://issuer.example.evil.test/assertions/2.json', false],
        ['https://issuer.example@evil.test/assertions/2.json', false],
        ['https://issuer.example:8443/assertions/2.json', false],
        ['http://issuer.example/assertions/2.json', false],
      ];
      for (const [url, allowed] of cases) {
        // The loader fetches the parsed URL (`https://issuer.example./…`): serve it there.
        const served = await routes({ [new URL(url).href]: await hostedAssertion(url), [ISSUER]: policy });
        // Handed in as JSON (a URL handed in is the page's own request, not the hosted check's).
        const { result, fetch } = await verify(await hostedAssertion(url), served);
        expect(result.verified, url).to.equal(allowed);
        if (!allowed) {
          const failed = result.checks.find((c) => c.status === 'failed');
          expect(failed?.code, url).to.equal('ERR_OB_OUTSIDE_ISSUER_SCOPE');
        }
        // An address with userinfo is refused before any request is made to it.
        if (url.includes('@')) expect(fetch.requests).to.deep.equal([]);
      }
    });

    it('refuses an assertion whose address the issuer serves but a redirect moved to another host', async () => {
      const elsewhere = 'https://issuer.example.evil.test/assertions/1.json';
      const body = await hostedAssertion(ASSERTION);
      const served = await routes();
      const base = fakeFetch(served);
      const redirecting = (async (input: RequestInfo | URL, init?: RequestInit) => {
        const response = await base(input, init);
        if (String(input) === ASSERTION) {
          const moved = new Response(JSON.stringify(body), { headers: { 'content-type': 'application/ld+json' } });
          Object.defineProperties(moved, { redirected: { value: true }, url: { value: elsewhere } });
          return moved;
        }
        return response;
      }) as typeof fetch;
      const result = await createVerifier({ fetch: redirecting }).verify(ASSERTION, { now });
      expect(check(result, 'issuer')).to.deep.include({ status: 'failed', code: 'ERR_OB_OUTSIDE_ISSUER_SCOPE' });
      expect(check(result, 'issuer').details).to.include({ servedFrom: elsewhere });
      expect(result.verified).to.equal(false);
    });

    it('takes a document\u2019s word for its id only on the same host and port, and never follows userinfo', async () => {
      const otherPort = 'https://issuer.example:8443/badges/robotics.json';
      const aliased = await routes({ [BADGE_CLASS]: badgeClass({ id: otherPort }) });
      const { result: moved, fetch: asked } = await verify(ASSERTION, aliased);
      // Another port is another server: its id is a claim to confirm there (here it 404s).
      expect(asked.requests).to.include(otherPort);
      expect(check(moved, 'issuer').status).to.equal('failed');
      expect(moved.verified).to.equal(false);

      const dressed = 'https://issuer.example@evil.test/issuer.json';
      const served = await routes({ [BADGE_CLASS]: badgeClass({ issuer: dressed }), [dressed]: issuerProfile() });
      const { result, fetch } = await verify(ASSERTION, served);
      expect(check(result, 'issuer')).to.deep.include({ status: 'failed', code: 'ERR_OB_SCHEMA_INVALID' });
      expect(fetch.requests).to.not.include(dressed);
      expect(result.verified).to.equal(false);
    });

    it('does not take a document\u2019s word that it is another host\u2019s', async () => {
      const claims = badgeClass({ id: 'https://other.example/badge.json' });
      const served = await routes({
        [BADGE_CLASS]: claims,
        'https://other.example/badge.json': badgeClass({ id: 'https://other.example/x.json' }),
      });
      const { result } = await verify(ASSERTION, served);
      expect(check(result, 'issuer')).to.deep.include({ status: 'failed', code: 'ERR_OB_SCHEMA_INVALID' });
    });
  });

  it('fails an assertion dated in the future, and an expired one', async () => {
    const future = await hostedAssertion(ASSERTION, { issuedOn: '2027-01-01T00:00:00Z' });
    const expired = await hostedAssertion(ASSERTION, { expires: '2026-03-01T00:00:00Z' });
    expect(check((await verify(ASSERTION, await routes({ [ASSERTION]: future }))).result, 'validity').code).to.equal(
      'ERR_OB_NOT_YET_VALID',
    );
    expect(check((await verify(ASSERTION, await routes({ [ASSERTION]: expired }))).result, 'validity').code).to.equal(
      'ERR_OB_EXPIRED',
    );
  });

  it('names the node and property that break the 2.0 data rules', async () => {
    const served = await routes({ [BADGE_CLASS]: badgeClass({ name: undefined }) });
    const { result } = await verify(ASSERTION, served);
    expect(check(result, 'issuer')).to.deep.include({ status: 'failed', code: 'ERR_OB_SCHEMA_INVALID' });
    expect(check(result, 'issuer').details).to.include({ node: 'BadgeClass', property: 'name' });
  });

  it('refuses a signed assertion that arrives as plain JSON, without its signature', async () => {
    const unsigned = await hostedAssertion(ASSERTION, { verification: { type: 'SignedBadge' } });
    const { result } = await verify(unsigned, await routes());
    expect(check(result, 'format').code).to.equal('ERR_OB_PROOF_INVALID');
    expect(result.verified).to.equal(false);
  });

  it('says plainly when the issuer\u2019s server does not let browsers read it: status unknown, not forged', async () => {
    const { result } = await verify(await hostedAssertion(ASSERTION), await routes(), { corsBlocked: [ASSERTION] });
    expect(check(result, 'proof')).to.deep.include({ status: 'warning', code: 'ERR_OB_FETCH_CORS' });
    expect(result.verdict).to.equal('unknown');
  });

  it('a server error (503) at the assertion URL is status unknown too: the same rule as every fetch', async () => {
    const { result } = await verify(
      await hostedAssertion(ASSERTION),
      await routes({ [ASSERTION]: { status: 503, body: {} } }),
    );
    expect(check(result, 'proof')).to.deep.include({ status: 'warning', code: 'ERR_OB_FETCH_FAILED' });
    expect(result.verdict).to.equal('unknown');
  });

  it('a copy from the documents map is described as the file given for its URL, never the issuer\u2019s server', async () => {
    const served = await routes();
    const documents = Object.fromEntries(Object.entries(served).map(([url, body]) => [url, JSON.stringify(body)]));
    for (const input of [await hostedAssertion(ASSERTION), new URL(ASSERTION)]) {
      const result = await createVerifier({ documents, offline: true }).verify(input, { now });
      expect(result.verdict, JSON.stringify(result.checks)).to.equal('verified');
      const proof = check(result, 'proof');
      expect(proof.message).to.equal(`Read from the file given for ${ASSERTION}`);
      expect(proof.details).to.include({ source: 'local', url: ASSERTION });
      for (const c of result.checks) expect(c.message ?? '').not.to.include("issuer's server");
      // The issuer's profile came from a file too: the issuer check says so.
      expect(check(result, 'status').message).to.equal(
        `The file given for ${ASSERTION} gives this assertion as current`,
      );
      expect(check(result, 'status').details).to.include({ source: 'local' });
      expect(check(result, 'issuer').details).to.include({ source: 'local' });
      expect(check(result, 'issuer').message).to.include('(from the files given for 2 of its documents)');
    }
  });

  it('fails when the issuer\u2019s server has no such assertion (404)', async () => {
    const served = await routes();
    delete (served as Record<string, unknown>)[ASSERTION];
    const { result } = await verify(await hostedAssertion(ASSERTION), served);
    expect(check(result, 'proof')).to.deep.include({ status: 'failed', code: 'ERR_OB_FETCH_FAILED' });
  });

  it('discloses a proxy on every check that relied on it', async () => {
    const served = await routes();
    const proxied = Object.fromEntries(
      Object.entries(served).map(([url, body]) => [`https://proxy.example/fetch?url=${encodeURIComponent(url)}`, body]),
    );
    const { result, fetch } = await verify(await hostedAssertion(ASSERTION), proxied, {
      proxy: 'https://proxy.example/fetch?url={url}',
    });
    expect(result.verified, JSON.stringify(result.checks)).to.equal(true);
    expect(fetch.requests.every((url) => url.startsWith('https://proxy.example/'))).to.equal(true);
    // Every check builds on documents the proxy passed on: each says so.
    for (const id of ['proof', 'issuer', 'validity', 'status']) {
      expect(check(result, id).details?.['viaProxy'], id).to.equal('https://proxy.example');
      expect(check(result, id).message, id).to.contain('proxy');
    }
  });

  describe('recipient', () => {
    it('passes for the earner\u2019s address, in any case, and fails for someone else', async () => {
      const served = await routes();
      const mine = await verify(ASSERTION, served, { recipient: `mailto:${EARNER.toUpperCase()}` });
      expect(check(mine.result, 'recipient').status, JSON.stringify(check(mine.result, 'recipient'))).to.equal(
        'passed',
      );
      expect(mine.result.verified).to.equal(true);
      const theirs = await verify(ASSERTION, served, { recipient: 'mailto:eve@example.org' });
      expect(check(theirs.result, 'recipient')).to.deep.include({
        status: 'failed',
        code: 'ERR_OB_RECIPIENT_MISMATCH',
      });
      expect(theirs.result.verified).to.equal(false);
    });

    it('is skipped, and does not stop "verified", when the page declares nobody', async () => {
      const { result } = await verify(ASSERTION, await routes());
      expect(check(result, 'recipient')).to.deep.include({ status: 'skipped' });
      expect(result.verdict).to.equal('verified');
    });
  });
});
