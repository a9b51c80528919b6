/**
 * A module worker that runs the core as a site would in a Web Worker: no DOM, only WebCrypto and
 * fetch (here answered by the documents it is handed). It reports the verdict and the checks.
 */
import { createVerifier } from '../../src/core/verify.js';

interface Job {
  readonly credential: string;
  readonly documents: [string, string][];
  readonly now: string;
}

self.onmessage = async (event: MessageEvent<Job>) => {
  const { credential, documents, now } = event.data;
  const verifier = createVerifier({
    documents: new Map(documents),
    offline: true,
    fetch: () => Promise.reject(new Error('network is closed in tests')),
  });
  try {
    const result = await verifier.verify(credential, { now: new Date(now) });
    self.postMessage({
      hasDocument: typeof (globalThis as { document?: unknown }).document !== 'undefined',
      verdict: result.verdict,
      format: result.format,
      checks: result.checks.map((check) => [check.id, check.status, check.code]),
      name: result.badge?.name,
    });
  } catch (error) {
    self.postMessage({ error: String(error) });
  }
};
