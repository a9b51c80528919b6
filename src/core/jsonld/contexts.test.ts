import { expect } from '@open-wc/testing';
import { BUNDLED_CONTEXT_URLS, isKnownContext, loadContext } from './contexts.js';
import { rejectionCodeOf } from '../../../test/helpers/errors.js';

/**
 * The sha256 of each bundled context's JSON (as JSON.stringify writes it). A change here is a
 * change in what signed credentials mean: regenerate with `npm run contexts` only from pinned
 * upstream files, and say why in the commit.
 */
const PINNED: Readonly<Record<string, string>> = {
  'https://www.w3.org/2018/credentials/v1': '778eb3a2ffad5df9773231da61b42c098e9849844873a6b5bf9be95c70d73df7',
  'https://www.w3.org/ns/credentials/v2': 'bf6fd611e6773d58f649459a45dbbb81f94e8cfd058a756644cd5a4a882c4050',
  'https://www.w3.org/2018/credentials/examples/v1': 'f2dd46310f701ed9ad0075618c34c2fe6f081a3686ecfd32a71ee6cbe39b3039',
  'https://www.w3.org/ns/credentials/examples/v2': '8a675bead391be98e6054c4e07c41f73337508d398e07047344c5d349aa2dc58',
  'https://w3id.org/security/data-integrity/v1': '3d76dae0cd98b289312e02c08d6a7b746cb1c66da17d605067f10f697ea0a76c',
  'https://w3id.org/security/data-integrity/v2': 'be223c58c54657e930970f0d11f03caf7287bddc7be7e6f010855190c6b39c21',
  'https://w3id.org/security/multikey/v1': '1947f813cc1507616b3b8df9db44c0c1735ec0aec215f88def08f2fc0ac0113b',
  'https://w3id.org/security/jwk/v1': 'b782caba84eb0c7410a2c95641b5e36ea35539f7d9e3340297dec474f9a55693',
  'https://w3id.org/security/suites/ed25519-2020/v1':
    '9ccf2b2a579a86c1fd167f4d1dfbdebc72dae44c7b4d592715cd621e1b5c6ba8',
  'https://w3id.org/security/suites/x25519-2020/v1': 'a93fd3a3ab1982754efa3109b9974ed35169b17d916a6eb8e1ed2b496006726a',
  'https://w3id.org/security/v1': '911ee5b98b166cc7acd5910a934885a1e466e81a167fc66941722ee3a69703e3',
  'https://w3id.org/security/v2': '272c56f1a8ed52b63a4f76ffbeaa105b23e3862703df36dfb33292ad6cdb81a8',
  'https://w3id.org/vc/status-list/2021/v1': '2420f53a4af31944aade1e7b98dc2b2e94fd243438d20864e39b1bbf74dc3c28',
  'https://www.w3.org/ns/credentials/status/v1': '1d5d557d174395f467c025726ff37da4b18e81d95e2a7e285d8e2158e5f889ce',
  'https://www.w3.org/ns/did/v1': '922d86fef06acc0754ef45a4d662c51b57dcd1c9dab3bbdc8d71da81285a5270',
  'https://w3id.org/citizenship/v4rc1': 'd2ddae8bb5a07b766bcaf77e7a400de9cc6695794a4f0b8b513acf1d6b1d6710',
  'https://purl.imsglobal.org/spec/ob/v3p0/context.json':
    'ce6ab7f5729910f4fd7f35ec2cdb91f15446d1d2f886b6ccc1c1380b47fa8383',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json':
    'a6196945628b9d02b7b60f57f0a8f6baa9771a202d1a9e378555fc95d71d6c33',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json':
    '3b7ee3db2a81386e4369ea73ccc6b85f3cf463094e633466cee7e0b048cbeb35',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json':
    '7dc687659cf17c8e0bc60cfdc62f968ea1cbf1d8d7274a7c82488b2350ff50f1',
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json':
    'f9767b4f07e2c92e6c084c34882f67cb335b13f0aface4b9bfc2ea08432a5892',
  'https://purl.imsglobal.org/spec/clr/v2p0/context.json':
    'd7293302390260da577e75d6ec54423b4c7b57f1360742d9edcbeec2f3df6441',
  'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json':
    '114c37a0eee7ff5feb6247625d741ad22f1e7d146ef23059330a73b69d9ca735',
  'https://w3id.org/openbadges/v2': '1b6e87a385f38ac699ec519b3ef4508598ebd9db05acaee199b8b3939bd71e8a',
  'https://w3id.org/openbadges/v1': 'fbbfd87e71f1bbdd6dd33fcac0147b0318021c297f415737798462e6c90842d9',
};

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

describe('bundled JSON-LD contexts', () => {
  it('bundles exactly the pinned set', () => {
    expect([...BUNDLED_CONTEXT_URLS].sort()).to.deep.equal(Object.keys(PINNED).sort());
  });

  for (const [url, hash] of Object.entries(PINNED)) {
    it(`${url} is the pinned document`, async () => {
      expect(await sha256(JSON.stringify(await loadContext(url)))).to.equal(hash);
    });
  }

  it('matches each context to its upstream copy in the conformance corpus', async () => {
    const index = (await (await fetch('/test/conformance/contexts/index.json')).json()) as {
      url: string;
      file: string;
      alternate?: boolean;
    }[];
    for (const url of BUNDLED_CONTEXT_URLS) {
      const entry = index.find((candidate) => candidate.url === url && !candidate.alternate)!;
      const upstream = (await (await fetch(`/test/conformance/contexts/${entry.file}`)).json()) as unknown;
      expect(await loadContext(url), url).to.deep.equal(upstream);
    }
  });

  it('refuses an unknown context with ERR_OB_CONTEXT_UNKNOWN and never fetches it', async () => {
    const realFetch = globalThis.fetch;
    let fetched = 0;
    globalThis.fetch = (() => {
      fetched++;
      return Promise.reject(new Error('no network'));
    }) as typeof fetch;
    try {
      expect(await rejectionCodeOf(loadContext('https://evil.example/context.json'))).to.equal(
        'ERR_OB_CONTEXT_UNKNOWN',
      );
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(fetched).to.equal(0);
    expect(isKnownContext('https://evil.example/context.json')).to.equal(false);
  });

  it('takes contexts a caller adds, and the http and .jsonld spellings of bundled ones', async () => {
    const extra = { 'https://issuer.example/ctx': { '@context': { foo: 'https://issuer.example/vocab#foo' } } };
    expect(await loadContext('https://issuer.example/ctx', extra)).to.deep.equal(extra['https://issuer.example/ctx']);
    expect(isKnownContext('http://www.w3.org/ns/credentials/v2')).to.equal(true);
    expect(isKnownContext('https://www.w3.org/2018/credentials/v1.jsonld')).to.equal(true);
  });
});
