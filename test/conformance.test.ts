/**
 * Runs the third-party conformance corpus (test/conformance/, see its README) through the core,
 * with the corpus's pinned clock and a closed-world loader: only the URLs the manifest maps to
 * local files answer, everything else is refused like a 404.
 *
 * Formats this version implements must agree with every decidable expectation. The rest of the
 * corpus runs too, and must never come out "verified" where the corpus says it is not.
 */
import { expect } from '@open-wc/testing';
import { unbake } from '../src/core/baked/unbake.js';
import { createVerifier } from '../src/core/verify.js';
import type { VerificationResult } from '../src/core/result.js';
import {
  conformanceVerdict,
  KNOWN_DIFFERENCES,
  knownDifferenceProblem,
  sameReason,
  staleKnownDifferences,
  SUPPORTED_FORMATS,
} from '../scripts/conformance-reasons.js';
import { hostedDocumentOf } from '../scripts/conformance-hosted.js';
import { closedNetwork } from './helpers/fake-fetch.js';

interface Case {
  file: string;
  format: string;
  proof: string;
  expect: { verified: boolean | null; reason: string };
  detail: string;
  needs: string[];
}

interface Manifest {
  now: string;
  cases: Case[];
  documents: Record<string, string>;
}

const BASE = '/test/conformance/';

async function bytesOf(path: string): Promise<Uint8Array> {
  const response = await fetch(BASE + path);
  if (!response.ok) throw new Error(`missing corpus file ${path}`);
  return new Uint8Array(await response.arrayBuffer());
}

const manifest = (await (await fetch(`${BASE}manifest.json`)).json()) as Manifest;
const now = new Date(manifest.now);
const verifier = createVerifier();

// The closed world: every URL the manifest maps answers from its local file, all others are refused.
const documents = new Map<string, Uint8Array>(
  await Promise.all(Object.entries(manifest.documents).map(async ([url, file]) => [url, await bytesOf(file)] as const)),
);

/** The closed world of one case: a hosted OB 2.0 case is served at its own `id` as well. */
async function documentsFor(testCase: Case, input: Uint8Array): Promise<Map<string, Uint8Array>> {
  const hosted = await hostedDocumentOf(testCase, input, (url) => documents.has(url), unbake);
  return hosted ? new Map([...documents, [hosted.id, hosted.bytes]]) : documents;
}

async function run(testCase: Case): Promise<VerificationResult> {
  const input = await bytesOf(testCase.file);
  return verifier.verify(input, {
    now,
    documents: await documentsFor(testCase, input),
    offline: true,
    fetch: closedNetwork,
  });
}

const outcomes: { testCase: Case; agrees: boolean; got: { verified: boolean; reason: string } }[] = [];

describe('conformance corpus', function () {
  this.timeout(120_000);

  const supported = manifest.cases.filter((c) => SUPPORTED_FORMATS.includes(c.format) && c.expect.verified !== null);

  it('every known difference is a case of the manifest (decidable, in a supported format)', () => {
    expect(staleKnownDifferences(manifest)).to.deep.equal([]);
  });

  for (const testCase of supported) {
    const known = Object.prototype.hasOwnProperty.call(KNOWN_DIFFERENCES, testCase.file)
      ? KNOWN_DIFFERENCES[testCase.file]
      : undefined;
    const title = `${testCase.file} → ${testCase.expect.verified ? 'verified' : 'not verified'} (${testCase.expect.reason})`;
    it(known ? `${title}: known difference, ${known.verdict} ${known.code}` : title, async () => {
      const result = await run(testCase);
      const got = conformanceVerdict(result);
      const agrees =
        got.verified === testCase.expect.verified && sameReason(testCase.expect.reason, got.reason, testCase.detail);
      outcomes.push({ testCase, agrees, got });
      if (known) {
        // A documented difference is always the safe side: never "verified", exactly the pinned
        // verdict and code, and still different from the corpus.
        expect(knownDifferenceProblem(testCase.file, got, agrees), known.reason).to.equal(undefined);
        return;
      }
      const answer = { verified: got.verified, reason: got.reason };
      expect(answer, JSON.stringify(result.checks.filter((c) => c.status !== 'passed'))).to.deep.equal({
        verified: testCase.expect.verified,
        reason: sameReason(testCase.expect.reason, got.reason, testCase.detail) ? got.reason : testCase.expect.reason,
      });
    });
  }

  it('never says "verified" where the corpus says otherwise, in any format', async () => {
    const falsePositives: string[] = [];
    for (const testCase of manifest.cases) {
      if (SUPPORTED_FORMATS.includes(testCase.format) && testCase.expect.verified !== null) continue;
      const result = await run(testCase);
      const got = conformanceVerdict(result);
      if (testCase.expect.verified !== null) {
        outcomes.push({
          testCase,
          agrees:
            got.verified === testCase.expect.verified &&
            sameReason(testCase.expect.reason, got.reason, testCase.detail),
          got,
        });
      }
      // `null` cases cannot be decided from the corpus's files (e.g. an extension's JSON schema
      // that is not in it): only a definite "not verified" is held against us.
      if (result.verified && testCase.expect.verified === false) falsePositives.push(testCase.file);
      // Every outcome is a verdict with a named check, never an exception.
      expect(result.checks.length, testCase.file).to.be.greaterThan(0);
    }
    expect(falsePositives).to.deep.equal([]);
  });

  after(() => {
    const byFormat = new Map<string, { agree: number; total: number }>();
    for (const { testCase, agrees } of outcomes) {
      const entry = byFormat.get(testCase.format) ?? { agree: 0, total: 0 };
      entry.total++;
      if (agrees) entry.agree++;
      byFormat.set(testCase.format, entry);
    }
    const agree = outcomes.filter((o) => o.agrees).length;
    const undecidable = manifest.cases.filter((c) => c.expect.verified === null).length;
    const lines = [...byFormat].sort().map(([format, { agree, total }]) => `  ${format.padEnd(11)} ${agree}/${total}`);
    console.log(
      [
        `conformance: ${agree}/${outcomes.length} decidable cases agree (${undecidable} undecidable excluded)`,
        ...lines,
      ].join('\n'),
    );
  });
});
