/**
 * Every case of the adversarial set (test/adversarial/, see its README) gives its expected verdict
 * through the core and through `<ob-badge>`, with the set's closed-world documents at its pinned time.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/components/badge/badge.js';
import type { ObBadge } from '../src/components/badge/badge.js';
import type { VerificationResult } from '../src/core/result.js';
import { createVerifier } from '../src/core/verify.js';
import { closedNetwork } from './helpers/fake-fetch.js';

const BASE = '/test/adversarial/';

interface Expectation {
  readonly verdict: 'verified' | 'unverified' | 'unknown' | 'not-verified' | 'any';
  readonly nestedVerifiedMax?: number;
  readonly why: string;
}

const spec = (await (await fetch(`${BASE}expected.json`)).json()) as {
  now: string;
  cases: Record<string, Expectation>;
};
const map = (await (await fetch(`${BASE}documents.json`)).json()) as Record<string, string>;
const documents = new Map<string, string>(
  await Promise.all(
    Object.entries(map).map(async ([url, file]) => [url, await (await fetch(BASE + file)).text()] as const),
  ),
);
const now = new Date(spec.now);
const verifier = createVerifier({
  documents,
  offline: true,
  fetch: closedNetwork,
});

function meets(result: VerificationResult, want: Expectation): void {
  const context = `${result.verdict}: ${JSON.stringify(result.checks.filter((c) => c.status !== 'passed'))}`;
  if (want.verdict === 'not-verified') expect(result.verdict, context).to.not.equal('verified');
  else if (want.verdict !== 'any') expect(result.verdict, context).to.equal(want.verdict);
  if (want.nestedVerifiedMax !== undefined) {
    const verified = (result.nested ?? []).filter((nested) => nested.result?.verdict === 'verified');
    expect(verified.length, 'nested credentials that read verified').to.be.at.most(want.nestedVerifiedMax);
  }
}

describe('adversarial cases', function () {
  this.timeout(60_000);
  for (const [file, want] of Object.entries(spec.cases)) {
    it(`${file}: ${want.verdict} (${want.why})`, async () => {
      const text = await (await fetch(BASE + file)).text();
      meets(await verifier.verify(text, { now }), want);

      const badge = await fixture<ObBadge>(
        html`<ob-badge .verifier=${verifier} .now=${now} .credential=${text}></ob-badge>`,
      );
      const shown = await badge.verifyComplete;
      expect(shown, 'the element settles with a result').to.not.equal(undefined);
      meets(shown!, want);
      // The element says so in its state, which is what a page styles and reads.
      if (want.verdict === 'not-verified') expect(badge.matches(':state(verified)')).to.equal(false);
      if (want.verdict === 'verified') expect(badge.matches(':state(verified)')).to.equal(true);
    });
  }
});
