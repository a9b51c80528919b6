import { expect } from '@open-wc/testing';
import { createDocumentCache } from '../fetcher.js';
import type { FormatPlugin, ParsedBadge, RawInput } from '../plugin.js';
import { createVerifier } from '../verify.js';
import { lazyStatusMethod } from '../status/lazy-status-method.js';
import { credentialFor, createDidJwkIssuer, signVcJwt } from '../../../test/helpers/issuer.js';
import { lazyFormat } from './lazy-format.js';

/** Which of these source modules this page has fetched so far (each test file runs in its own page). */
function fetched(...names: string[]): string[] {
  const urls = performance.getEntriesByType('resource').map((entry) => entry.name);
  return names.filter((name) => urls.some((url) => url.includes(`/${name}`)));
}

const LAZY = [
  'ob2-hosted-plugin.ts',
  'ob2-signed-plugin.ts',
  'presentation-plugin.ts',
  'bitstring-method.ts',
  '1edtech-revocation-list-method.ts',
  'recipient.ts',
];

describe('lazy formats, status methods and recipient matching', () => {
  it('a VC-JWT badge with no status and no declared recipient loads none of them; a badge that needs one loads it', async () => {
    const issuer = await createDidJwkIssuer('ES256');
    const verifier = createVerifier({ offline: true, cache: createDocumentCache() });
    const now = new Date('2026-06-01T00:00:00Z');
    const jwt = await signVcJwt(issuer, credentialFor(issuer.did));
    expect((await verifier.verify(jwt, { now })).verdict).to.equal('verified');
    expect(fetched(...LAZY)).to.deep.equal([]);

    const declared = await verifier.verify(jwt, { now, recipient: 'mailto:ada@example.org' });
    expect(declared.checks.find((check) => check.id === 'recipient')?.status).to.not.equal('skipped');
    expect(fetched('recipient.ts')).to.deep.equal(['recipient.ts']);

    const presentation = await verifier.verify(
      { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'] },
      { now },
    );
    expect(presentation.format).to.equal('vp-json');
    expect(presentation.checks.find((check) => check.id === 'credentials')?.code).to.equal('ERR_OB_PRESENTATION_EMPTY');
    expect(fetched('presentation-plugin.ts')).to.deep.equal(['presentation-plugin.ts']);
  });

  it('lazyFormat: no steps before parse, the plug-in’s after; a failed load is tried again', async () => {
    let attempts = 0;
    const plugin: FormatPlugin<ParsedBadge> = {
      format: 'ob3-json',
      detect: () => true,
      parse: () => ({ credential: { name: 'x' } }),
      steps: [{ id: 'proof', run: () => ({ status: 'passed' }) }],
      view: () => undefined,
    };
    const shell = lazyFormat<ParsedBadge>({ format: 'ob3-json', detect: () => true }, async () => {
      attempts++;
      if (attempts === 1) throw new TypeError('chunk did not arrive');
      return plugin;
    });
    const input: RawInput = { kind: 'json', value: {} };
    expect(shell.steps).to.deep.equal([]);
    let error: unknown;
    await Promise.resolve(shell.parse(input, {} as never)).catch((caught: unknown) => (error = caught));
    expect(error).to.be.instanceOf(TypeError);
    expect(await shell.parse(input, {} as never)).to.deep.equal({ credential: { name: 'x' } });
    expect(shell.steps.map((step) => step.id)).to.deep.equal(['proof']);
    expect(attempts).to.equal(2);
  });

  it('lazyStatusMethod: claims its types at once, loads on the first entry, retries a failed load', async () => {
    let attempts = 0;
    const method = lazyStatusMethod(['SomeEntry'], async () => {
      attempts++;
      if (attempts === 1) throw new TypeError('chunk did not arrive');
      return { types: ['SomeEntry'], check: async () => ({ status: 'passed' as const }) };
    });
    expect(method.types).to.deep.equal(['SomeEntry']);
    expect(attempts).to.equal(0);
    let error: unknown;
    await method.check({}, {}, {} as never).catch((caught: unknown) => (error = caught));
    expect(error).to.be.instanceOf(TypeError);
    expect((await method.check({}, {}, {} as never)).status).to.equal('passed');
  });
});
