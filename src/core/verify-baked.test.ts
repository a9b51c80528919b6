import { expect } from '@open-wc/testing';
import { bakePng, bakeSvg } from '../../scripts/bake.js';
import { createVerifier, type FetchRecord } from './verify.js';
import {
  BADGE_CLASS,
  badgeClass,
  fakeFetch,
  hostedAssertion,
  ISSUER,
  issuerProfile,
  KEY_1,
  REVOCATIONS,
  signedAssertion,
  signingIssuer,
  type Routes,
} from '../../test/helpers/ob2.js';

const now = new Date('2026-06-01T00:00:00Z');
const ASSERTION = 'https://issuer.example/assertions/1.json';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>';

async function unbakedPng(): Promise<Uint8Array> {
  const response = await fetch('/test/conformance/baked/mozilla-bakery-unbaked.png');
  return new Uint8Array(await response.arrayBuffer());
}

describe('verify: baked images', () => {
  let routes: Routes;
  let jws: string;

  before(async () => {
    const issuer = await signingIssuer();
    jws = await issuer.sign(await signedAssertion());
    routes = {
      [ASSERTION]: await hostedAssertion(ASSERTION),
      [BADGE_CLASS]: badgeClass(),
      [ISSUER]: issuerProfile(),
      [KEY_1]: issuer.keyDocument(),
      [REVOCATIONS]: { '@context': 'https://w3id.org/openbadges/v2', type: 'RevocationList', revokedAssertions: [] },
    };
  });

  it('verifies the signed assertion baked into a PNG and hands back the image to show', async () => {
    const png = bakePng(await unbakedPng(), 'openbadges', jws);
    const result = await createVerifier({ fetch: fakeFetch(routes) }).verify(png, { now });
    expect(result.format).to.equal('ob2-signed');
    expect(result.verified, JSON.stringify(result.checks)).to.equal(true);
    expect(result.checks[0]!.details?.['baked']).to.deep.include({ container: 'png' });
    expect(result.bakedImage?.contentType).to.equal('image/png');
    expect(result.bakedImage?.bytes).to.equal(png);
  });

  it('follows a baked hosted-assertion URL and verifies what the issuer serves there', async () => {
    const svg = bakeSvg(SVG, 'ob2', { verify: ASSERTION });
    const blob = new Blob([svg], { type: 'image/svg+xml' });
    const result = await createVerifier({ fetch: fakeFetch(routes) }).verify(blob, { now });
    expect(result.format).to.equal('ob2-hosted');
    expect(result.verified, JSON.stringify(result.checks)).to.equal(true);
    expect(result.bakedImage?.container).to.equal('svg');
  });

  it('reads an image that carries no badge as "not a badge", on that badge only', async () => {
    const result = await createVerifier({ fetch: fakeFetch(routes) }).verify(await unbakedPng(), { now });
    expect(result.verified).to.equal(false);
    expect(result.checks).to.have.length(1);
    expect(result.checks[0]).to.deep.include({ id: 'format', status: 'failed', code: 'ERR_OB_IMAGE_NOT_BAKED' });
  });

  it('sniffs a fetched image by its media type, not its name', async () => {
    const png = bakePng(await unbakedPng(), 'openbadges', jws);
    const served = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input) === 'https://earner.example/badge.json') {
        return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
      }
      return fakeFetch(routes)(input, init);
    }) as typeof fetch;
    const result = await createVerifier({ fetch: served }).verify('https://earner.example/badge.json', { now });
    expect(result.verified, JSON.stringify(result.checks)).to.equal(true);
  });
});

describe('verify: the network log (onFetch)', () => {
  it('reports every document asked for, once fetched and then from the page cache', async () => {
    const issuer = await signingIssuer();
    const jws = await issuer.sign(await signedAssertion());
    const routes: Routes = {
      [BADGE_CLASS]: badgeClass(),
      [ISSUER]: issuerProfile(),
      [KEY_1]: issuer.keyDocument(),
      [REVOCATIONS]: { '@context': 'https://w3id.org/openbadges/v2', type: 'RevocationList', revokedAssertions: [] },
    };
    const verifier = createVerifier({ fetch: fakeFetch(routes) });
    const first: FetchRecord[] = [];
    await verifier.verify(jws, { now, onFetch: (entry) => first.push(entry) });
    expect(first.map((entry) => [entry.url, entry.source, entry.ok, entry.status])).to.have.deep.members([
      [BADGE_CLASS, 'network', true, 200],
      [ISSUER, 'network', true, 200],
      [KEY_1, 'network', true, 200],
      [REVOCATIONS, 'network', true, 200],
    ]);
    expect(first.every((entry) => entry.durationMs >= 0 && entry.bytes! > 0)).to.equal(true);
    const second: FetchRecord[] = [];
    await verifier.verify(jws, { now, onFetch: (entry) => second.push(entry) });
    expect(second.filter((entry) => entry.url !== REVOCATIONS).every((entry) => entry.source === 'cache')).to.equal(
      true,
    );
  });

  it('reports a failed load with its code, and documents answered locally as local', async () => {
    const log: FetchRecord[] = [];
    const verifier = createVerifier({ documents: { [ASSERTION]: await hostedAssertion(ASSERTION) }, offline: true });
    await verifier.verify(ASSERTION, { now, onFetch: (entry) => log.push(entry) });
    expect(log[0]).to.deep.include({ url: ASSERTION, source: 'local', ok: true });
    expect(log.find((entry) => entry.url === BADGE_CLASS)).to.deep.include({ ok: false, code: 'ERR_OB_FETCH_REFUSED' });
  });
});
