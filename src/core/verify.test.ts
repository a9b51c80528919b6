import { expect } from '@open-wc/testing';
import { BadgeError, CredentialRevoked } from './errors.js';
import { createDocumentCache } from './fetcher.js';
import type { FormatPlugin, ParsedBadge } from './plugin.js';
import type { Check } from './result.js';
import { createVerifier } from './verify.js';
import { createDidJwkIssuer, credentialFor, signVcJwt, type TestIssuer } from '../../test/helpers/issuer.js';
import { recordingFetch } from '../../test/helpers/fake-fetch.js';

const now = new Date('2026-06-01T00:00:00Z');

/** A format that claims JSON with `"test": true` and runs the steps it is given. */
function testFormat(steps: FormatPlugin['steps']): FormatPlugin {
  return {
    format: 'test',
    detect: (input) => input.kind === 'json' && (input.value as Record<string, unknown>)?.['test'] === true,
    parse: (input) => ({ credential: (input as { value: Record<string, unknown> }).value }) as ParsedBadge,
    steps,
    view: () => ({ spec: 'vc', name: 'Test', issuer: {}, evidence: [], alignments: [], tags: [] }),
  };
}

describe('createVerifier / verify', () => {
  let issuer: TestIssuer;
  before(async () => {
    issuer = await createDidJwkIssuer();
  });

  describe('inputs', () => {
    const verifier = createVerifier({ offline: true, cache: createDocumentCache() });
    const formatCode = async (input: Parameters<typeof verifier.verify>[0]) =>
      (await verifier.verify(input, { now })).checks[0];

    it('calls free text malformed, JSON that is no credential not a badge, and credentials or presentations without their context malformed', async () => {
      expect((await formatCode('hello world'))!.code).to.equal('ERR_OB_MALFORMED');
      expect((await formatCode('{"broken": '))!.code).to.equal('ERR_OB_MALFORMED');
      expect((await formatCode('{"name": "just json"}'))!.code).to.equal('ERR_OB_NOT_A_BADGE');
      // An Assertion is read as Open Badges 2.0, which needs its context.
      expect((await formatCode({ type: 'Assertion', badge: 'https://example.org/b' }))!.code).to.equal(
        'ERR_OB_CONTEXT_UNKNOWN',
      );
      // A presentation is read too, and needs its VC context like a credential.
      expect((await formatCode({ type: ['VerifiablePresentation'], verifiableCredential: [] }))!.code).to.equal(
        'ERR_OB_MALFORMED',
      );
      expect((await formatCode({ type: ['SomethingElse'], credentialSubject: {} }))!.code).to.equal(
        'ERR_OB_NOT_A_BADGE',
      );
      // A JSON credential is read by the Data Integrity format: without a VCDM context it is malformed.
      expect((await formatCode({ type: ['VerifiableCredential'], proof: {} }))!.code).to.equal('ERR_OB_MALFORMED');
    });

    it('never throws for bad input, always returns one failed format check', async () => {
      for (const input of ['', '   ', '[]', 'null', 'a.b.c', '\u0000\u0001', new Uint8Array([0xff, 0xfe, 0x00])]) {
        const result = await verifier.verify(input, { now });
        expect(result.verified).to.equal(false);
        expect(result.checks[0]!.id).to.equal('format');
        expect(result.checks[0]!.status).to.equal('failed');
      }
    });

    it('refuses input larger than the size cap before parsing it', async () => {
      const small = createVerifier({ offline: true, maxBytes: 1000 });
      const result = await small.verify(`${'a'.repeat(2000)}.b.c`, { now });
      expect(result.checks).to.have.length(1);
      expect(result.checks[0]).to.include({ id: 'format', status: 'failed', code: 'ERR_OB_TOO_LARGE' });
    });

    it('accepts a JWT as bytes (a file) and as a URL it fetches', async () => {
      const jws = await signVcJwt(issuer, credentialFor(issuer.did));
      expect((await verifier.verify(new TextEncoder().encode(jws), { now })).verified).to.equal(true);

      const fetch = (async (url: RequestInfo | URL) => {
        expect(String(url)).to.equal('https://badges.example/42.jwt');
        return new Response(jws, { headers: { 'content-type': 'application/vc+jwt' } });
      }) as typeof globalThis.fetch;
      const online = createVerifier({ fetch, cache: createDocumentCache() });
      const result = await online.verify('https://badges.example/42.jwt', { now });
      expect(result.verified).to.equal(true);
    });

    it('reports a badge URL that fails to load on the format check, with the URL', async () => {
      const fetch = recordingFetch(() => new Response('gone', { status: 410 }));
      const online = createVerifier({ fetch, cache: createDocumentCache() });
      const result = await online.verify(new URL('https://badges.example/gone.jwt'), { now });
      expect(result.checks).to.have.length(1);
      expect(result.checks[0]).to.include({ id: 'format', status: 'failed', code: 'ERR_OB_FETCH_FAILED' });
      expect(result.checks[0]!.details).to.include({ url: 'https://badges.example/gone.jwt', status: 410 });
      expect(result.badge).to.equal(undefined);
    });
  });

  describe('steps', () => {
    it('reports each check through onCheck, in order, and derives the verdict from them', async () => {
      const seen: Check[] = [];
      const verifier = createVerifier({
        formats: [
          testFormat([
            { id: 'proof', run: () => ({ status: 'passed' }) },
            { id: 'status', requires: ['proof'], run: () => ({ status: 'passed' }) },
          ]),
        ],
      });
      const result = await verifier.verify({ test: true }, { onCheck: (c) => seen.push(c) });
      expect(seen.map((c) => c.id)).to.deep.equal(['format', 'proof', 'status']);
      expect(result.checks).to.deep.equal(seen);
      expect(result.verdict).to.equal('verified');
    });

    it('turns a thrown BadgeError into a failed check and skips its dependants', async () => {
      const verifier = createVerifier({
        formats: [
          testFormat([
            { id: 'proof', run: () => ({ status: 'passed' }) },
            {
              id: 'status',
              requires: ['proof'],
              run: () => {
                throw new CredentialRevoked(undefined, { details: { index: 7 } });
              },
            },
            { id: 'after', requires: ['status'], run: () => ({ status: 'passed' }) },
          ]),
        ],
      });
      const result = await verifier.verify({ test: true });
      expect(result.checks.map((c) => [c.id, c.status, c.code])).to.deep.equal([
        ['format', 'passed', undefined],
        ['proof', 'passed', undefined],
        ['status', 'failed', 'ERR_OB_REVOKED'],
        ['after', 'skipped', undefined],
      ]);
      expect(result.checks[2]!.details).to.deep.equal({ index: 7 });
      expect(result.verdict).to.equal('unverified');
    });

    it('contains a plug-in bug as a failed check, not an exception', async () => {
      const verifier = createVerifier({
        formats: [
          testFormat([
            {
              id: 'proof',
              run: () => {
                throw new TypeError('oops');
              },
            },
          ]),
        ],
      });
      const result = await verifier.verify({ test: true });
      expect(result.checks[1]).to.include({ id: 'proof', status: 'failed', code: 'ERR_OB_MALFORMED' });
      expect(result.verified).to.equal(false);
    });

    it('rejects with ERR_OB_ABORTED when the caller aborts mid-run', async () => {
      const controller = new AbortController();
      const verifier = createVerifier({
        formats: [
          testFormat([
            {
              id: 'proof',
              run: async (_parsed, context) => {
                controller.abort();
                await context.load('https://slow.example/key', { accept: 'json', signal: context.signal });
                return { status: 'passed' };
              },
            },
          ]),
        ],
        fetch: (() => new Promise(() => {})) as typeof globalThis.fetch,
        cache: createDocumentCache(),
      });
      try {
        await verifier.verify({ test: true }, { signal: controller.signal });
        expect.fail('should reject');
      } catch (error) {
        expect(error).to.be.instanceOf(BadgeError);
        expect((error as BadgeError).code).to.equal('ERR_OB_ABORTED');
      }
    });
  });
});

describe('documents from the documents map are marked as local', () => {
  it('a check that relied on one says so (details.source, localDocuments, message); one that did not, does not', async () => {
    const jwt = (await (await fetch('/test/fixtures/credentials/ob3-jose-valid-did-web.jwt')).text()).trim();
    const did = await (await fetch('/test/fixtures/documents/did-web-localhost-5173.json')).text();
    const url = 'https://localhost:5173/.well-known/did.json';
    const result = await createVerifier({ documents: { [url]: did }, offline: true }).verify(jwt, { now });
    expect(result.verdict, JSON.stringify(result.checks)).to.equal('verified');
    const proof = result.checks.find((c) => c.id === 'proof')!;
    expect(proof.details).to.include({ source: 'local' });
    expect(proof.details?.['localDocuments']).to.deep.equal([url]);
    expect(proof.message).to.include(`(from the file given for ${url})`);
    const validity = result.checks.find((c) => c.id === 'validity')!;
    expect(validity.details?.['source']).to.equal(undefined);
  });
});
