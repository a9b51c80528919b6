/**
 * The core in a Web Worker: the same verdicts as on the page, with no DOM (issue 15: sites that
 * verify off the main thread, and edge runtimes that only have WebCrypto and fetch).
 */
import { expect } from '@open-wc/testing';
import { createVerifier } from '../src/core/verify.js';

const BASE = '/test/fixtures/';
const FIXTURE_NOW = '2026-06-01T00:00:00Z';

const map = (await (await fetch(`${BASE}documents.json`)).json()) as Record<string, string>;
const documents = await Promise.all(
  Object.entries(map).map(async ([url, file]) => [url, await (await fetch(BASE + file)).text()] as [string, string]),
);

interface WorkerAnswer {
  readonly hasDocument?: boolean;
  readonly verdict?: string;
  readonly format?: string;
  readonly checks?: [string, string, string | undefined][];
  readonly name?: string;
  readonly error?: string;
}

function verifyInWorker(credential: string): Promise<WorkerAnswer> {
  const worker = new Worker(new URL('./workers/verify-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<WorkerAnswer>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WorkerAnswer>) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(event.message || 'the worker failed to load'));
    worker.postMessage({ credential, documents, now: FIXTURE_NOW });
  }).finally(() => worker.terminate());
}

describe('the core in a Web Worker', () => {
  const onPage = createVerifier({
    documents: new Map(documents),
    offline: true,
    fetch: () => Promise.reject(new Error('network is closed in tests')),
  });

  // A VC-JWT from did:web, its revoked sibling (a status list fetched and checked), and Data
  // Integrity over RDFC (jsonld loaded with import() inside the worker).
  for (const [file, verdict] of [
    ['ob3-jwt-valid-did-key.jwt', 'verified'],
    ['ob3-jwt-status-revoked.jwt', 'unverified'],
    ['ob3-di-rdfc-valid-did-web-path.json', 'verified'],
    ['ob3-di-rdfc-tampered.json', 'unverified'],
  ] as const) {
    it(`${file}: ${verdict}, check for check as on the page`, async () => {
      const credential = await (await fetch(`${BASE}credentials/${file}`)).text();
      const answer = await verifyInWorker(credential);
      expect(answer.error).to.equal(undefined);
      expect(answer.hasDocument).to.equal(false);
      expect(answer.verdict).to.equal(verdict);
      const page = await onPage.verify(credential, { now: new Date(FIXTURE_NOW) });
      expect(answer.format).to.equal(page.format);
      expect(answer.name).to.equal(page.badge?.name);
      expect(answer.checks).to.deep.equal(page.checks.map((check) => [check.id, check.status, check.code]));
    });
  }
});
