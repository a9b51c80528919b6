import { expect } from '@open-wc/testing';
import { rejected } from '../../../test/helpers/errors.js';
import { createDocumentLoader, type DocumentLoader } from '../fetcher.js';
import { didWeb } from './did-web.js';
import { findVerificationMethod, publicJwkOf } from './verification-method.js';

const DCC = 'did:web:digitalcredentials.github.io:dcc-did-web';
const DCC_URL = 'https://digitalcredentials.github.io/dcc-did-web/did.json';
const fixture = async (name: string) =>
  (await (await fetch(`/test/conformance/dids/${name}`)).json()) as Record<string, unknown>;

/** A loader that answers `document` for any URL and records what was asked. */
function recordingLoader(document: Record<string, unknown>): { load: DocumentLoader; urls: string[] } {
  const urls: string[] = [];
  const inner = createDocumentLoader({ offline: true, documents: { any: document } });
  return {
    urls,
    load: (url, options) => {
      urls.push(url);
      return inner('any', options);
    },
  };
}

describe('didWeb', () => {
  it('loads a path-form DID from <host>/<path>/did.json (real DCC document)', async () => {
    const document = await fixture('did-web-digitalcredentials.github.io-dcc-did-web.did.json');
    // Keyed by the https URL only: the resolver must build that URL, not ask for the DID.
    const load = createDocumentLoader({ offline: true, documents: { [DCC_URL]: document } });
    const resolved = await didWeb().resolve(DCC, { load });
    expect(resolved.id).to.equal(DCC);
    const vm = findVerificationMethod(resolved, '#z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q');
    expect(vm.controller).to.equal(DCC);
    expect(publicJwkOf(vm)).to.deep.include({ kty: 'OKP', crv: 'Ed25519' });
  });

  it('maps the DID forms to their URLs (bare domain, nested path, percent-encoded port)', async () => {
    const cases: [string, string][] = [
      ['did:web:example.com', 'https://example.com/.well-known/did.json'],
      ['did:web:example.com:user:alice', 'https://example.com/user/alice/did.json'],
      ['did:web:example.com%3A3000', 'https://example.com:3000/.well-known/did.json'],
      ['did:web:example.com%3a8443:user:alice', 'https://example.com:8443/user/alice/did.json'],
      ['did:web:Example.COM', 'https://example.com/.well-known/did.json'],
    ];
    for (const [did, url] of cases) {
      const { load, urls } = recordingLoader({ id: did });
      await didWeb().resolve(did, { load });
      expect(urls, did).to.deep.equal([url]);
    }
  });

  it('uses https only: localhost is https unless explicitly allowed', async () => {
    const { load, urls } = recordingLoader({ id: 'did:web:localhost%3A8000' });
    await didWeb().resolve('did:web:localhost%3A8000', { load });
    await didWeb({ allowHttpHosts: ['localhost'] }).resolve('did:web:localhost%3A8000', { load });
    expect(urls).to.deep.equal([
      'https://localhost:8000/.well-known/did.json',
      'http://localhost:8000/.well-known/did.json',
    ]);
    // The exception covers only the listed hosts.
    const other = recordingLoader({ id: 'did:web:example.com' });
    await didWeb({ allowHttpHosts: ['localhost'] }).resolve('did:web:example.com', { load: other.load });
    expect(other.urls).to.deep.equal(['https://example.com/.well-known/did.json']);
  });

  it('allows 127.0.0.1 only through the loopback exception, and refuses non-loopback exceptions', async () => {
    const { load, urls } = recordingLoader({ id: 'did:web:127.0.0.1%3A8000:demo' });
    expect((await rejected(didWeb().resolve('did:web:127.0.0.1%3A8000:demo', { load }))).code).to.equal(
      'ERR_OB_DID_INVALID',
    );
    await didWeb({ allowHttpHosts: ['127.0.0.1'] }).resolve('did:web:127.0.0.1%3A8000:demo', { load });
    expect(urls).to.deep.equal(['http://127.0.0.1:8000/demo/did.json']);
    expect(() => didWeb({ allowHttpHosts: ['example.com'] })).to.throw(TypeError);
  });

  it('refuses a document whose id is another DID', async () => {
    const document = await fixture('did-web-digitalcredentials.github.io-dcc-did-web.did.json');
    const other = 'did:web:digitalcredentials.github.io:dcc-did-web:multikey';
    const load = createDocumentLoader({
      offline: true,
      documents: { 'https://digitalcredentials.github.io/dcc-did-web/multikey/did.json': document },
    });
    const error = await rejected(didWeb().resolve(other, { load }));
    expect(error.code).to.equal('ERR_OB_KEY_UNRESOLVABLE');
    expect(error.details).to.deep.include({ did: other, documentId: DCC });
  });

  it('refuses malformed DIDs without fetching', async () => {
    const { load, urls } = recordingLoader({});
    const cases = [
      'did:web:',
      'did:web:example.com#key-1',
      'did:web:example.com/path',
      'did:web:user@example.com',
      'did:web:example.com%2Fevil',
      'did:web:example.com:..:admin',
      'did:web:example.com:%2e%2E',
      'did:web:example.com::x',
      'did:web:example.com%3A99999',
      'did:web:10.0.0.1',
      'did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp',
    ];
    for (const did of cases) {
      expect((await rejected(didWeb().resolve(did, { load }))).code, did).to.equal('ERR_OB_DID_INVALID');
    }
    expect(urls).to.deep.equal([]);
  });

  it('passes fetch errors through as they are', async () => {
    const error = await rejected(
      didWeb().resolve('did:web:example.com', { load: createDocumentLoader({ offline: true }) }),
    );
    expect(error.code).to.equal('ERR_OB_FETCH_REFUSED');
  });
});
