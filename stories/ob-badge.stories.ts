import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Check, VerificationResult } from '../src/core/result.js';
import { cannedResult, passedChecks } from '../test/helpers/canned-results.js';
import {
  bakedImage,
  hostedChecks,
  OB2_VIEW,
  ob2Result,
  PNG_BYTES,
  recipientCheck,
  revokedStatus,
  signedChecks,
  svgBytes,
} from '../test/helpers/canned-ob2.js';
import {
  degreeTranscript,
  endorsedBadge,
  presentation,
  standaloneEndorsement,
  transcript,
} from '../test/helpers/canned-nested.js';
import type { Verifier } from '../src/core/verify.js';
import type { BadgeView } from '../src/core/view.js';
import '../src/components/badge/badge.js';
import { SAMPLE_FULL_VIEW as VIEW, STORY_NOW as NOW } from './sample-badge.js';

// Canned results: the stories show how <ob-badge> draws each outcome, without keys or network.
const PASSED = passedChecks(VIEW, NOW);

const resultOf = (checks: Check[], view: BadgeView | null = VIEW): VerificationResult =>
  cannedResult(checks, view, NOW);

const results = {
  verified: resultOf(PASSED),
  expired: resultOf(
    [
      ...PASSED.slice(0, 3),
      {
        id: 'validity',
        status: 'failed',
        code: 'ERR_OB_EXPIRED',
        details: { validUntil: '2025-03-03T00:00:00Z', now: NOW.toISOString() },
      },
      PASSED[4]!,
    ],
    { ...VIEW, validUntil: '2025-03-03T00:00:00Z' },
  ),
  tampered: resultOf([
    PASSED[0]!,
    { id: 'proof', status: 'failed', code: 'ERR_OB_SIGNATURE_INVALID' },
    { id: 'issuer', status: 'skipped', code: 'ERR_OB_SIGNATURE_INVALID', details: { requires: 'proof' } },
    { id: 'validity', status: 'skipped', code: 'ERR_OB_SIGNATURE_INVALID', details: { requires: 'proof' } },
    { id: 'status', status: 'skipped', code: 'ERR_OB_SIGNATURE_INVALID', details: { requires: 'proof' } },
  ]),
  statusUnknown: resultOf([
    ...PASSED.slice(0, 4),
    {
      id: 'status',
      status: 'warning',
      code: 'ERR_OB_STATUS_UNAVAILABLE',
      details: { url: 'https://example.edu/status/3' },
    },
  ]),
  malformed: resultOf([{ id: 'format', status: 'failed', code: 'ERR_OB_MALFORMED' }], null),
  hostile: resultOf(PASSED, {
    ...VIEW,
    name: '<img src=x onerror=alert(1)> Totally Legit Badge',
    description: '<script>alert("xss")</script> Descriptions are shown as text.',
    image: { url: 'data:image/svg+xml,<svg onload=alert(1)>', alt: 'svg image (refused)' },
    criteria: {
      narrative:
        '<script>alert(1)</script>\n\n[a javascript: link](javascript:alert(1)) is text; ![tracking pixel](https://tracker.example/p.gif) is a link, never loaded.\n\n<iframe src="https://evil.example"></iframe>',
      url: 'javascript:alert(1)',
    },
    issuer: { name: '<b onmouseover=alert(1)>Issuer</b>', url: 'JaVaScRiPt:alert(1)', id: 'did:web:evil.example' },
    tags: ['<b>bold?</b>'],
  }),
};

// A baked SVG badge: shown through <img>, so even a script inside it would never run.
const BAKED_SVG = svgBytes(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" onload="alert(1)">' +
    '<script>alert(1)</script>' +
    '<circle cx="32" cy="32" r="30" fill="#0b5cad"/><path d="M20 33l8 8 16-18" stroke="#fff" stroke-width="6" fill="none"/></svg>',
);

const ob2Results = {
  ob2Hosted: ob2Result(hostedChecks(OB2_VIEW, NOW), OB2_VIEW, NOW),
  ob2Signed: ob2Result(signedChecks(OB2_VIEW, NOW), OB2_VIEW, NOW, { format: 'ob2-signed' }),
  bakedPng: ob2Result(hostedChecks(OB2_VIEW, NOW, { baked: 'png' }), OB2_VIEW, NOW, {
    bakedImage: bakedImage('png', PNG_BYTES),
  }),
  bakedSvg: ob2Result(hostedChecks(OB2_VIEW, NOW, { baked: 'svg' }), OB2_VIEW, NOW, {
    bakedImage: bakedImage('svg', BAKED_SVG),
  }),
  ownersBadge: ob2Result(hostedChecks(OB2_VIEW, NOW, { recipient: recipientCheck('match') }), OB2_VIEW, NOW),
  someoneElses: ob2Result(hostedChecks(OB2_VIEW, NOW, { recipient: recipientCheck('mismatch') }), OB2_VIEW, NOW),
  revokedWithReason: ob2Result(
    [...hostedChecks(OB2_VIEW, NOW).slice(0, 4), revokedStatus('Awarded in error: the contribution was reverted.')],
    OB2_VIEW,
    NOW,
  ),
  viaProxy: ob2Result(hostedChecks(OB2_VIEW, NOW, { viaProxy: 'https://proxy.example' }), OB2_VIEW, NOW),
};

// Credentials inside credentials: a CLR transcript, endorsements, a Verifiable Presentation.
const nestedResults = {
  transcript: transcript(6),
  transcriptWithProblems: transcript(8, { 2: 'unverified', 5: 'unknown', 7: 'too-large' }),
  degreeTranscript: degreeTranscript(),
  longTranscript: transcript(100, { 13: 'unverified', 57: 'unknown' }),
  endorsements: endorsedBadge(),
  endorsementsOfUnverifiedBadge: endorsedBadge('unverified'),
  standaloneEndorsement: standaloneEndorsement(),
  presentation: presentation('signed'),
  unsignedPresentation: presentation('unsigned'),
  presentationSignedBySomeoneElse: presentation('holder-mismatch'),
};

// Who the issuer is (ADR 0009): beside the checks, never changing the verdict.
const TRUST = {
  issuerId: 'did:web:example.edu',
  statedName: 'Example University',
  domain: { host: 'example.edu', confirmed: true, method: 'did:web' },
} as const;
const trustResults = {
  knownIssuer: {
    ...results.verified,
    trust: { ...TRUST, known: { name: 'Example University', list: 'Example Careers', matchedBy: 'domain' } },
  },
  statedIssuer: { ...results.verified, trust: { ...TRUST, known: null } },
  // Not verified: the issuer and recipient are only claims, whatever the trust list says.
  claimsToBeFrom: {
    ...results.tampered,
    trust: { ...TRUST, known: { name: 'Example University', matchedBy: 'domain' } },
  },
  claimsStatusUnknown: { ...results.statusUnknown, trust: TRUST },
} satisfies Record<string, VerificationResult>;

const allResults = { ...results, ...ob2Results, ...nestedResults, ...trustResults };

/** A verifier that answers with a canned result (or never, for the loading state). */
function cannedVerifier(result: VerificationResult | undefined): Verifier {
  return {
    verify: (_input, options) =>
      result
        ? Promise.resolve(result)
        : new Promise((_, reject) => options?.signal?.addEventListener('abort', () => reject(options.signal?.reason))),
  };
}

interface Args {
  result: keyof typeof allResults | 'loading';
  compact: boolean;
  noEvidence: boolean;
  noChecks: boolean;
  lang: string;
}

const meta = {
  title: 'Components/Badge',
  component: 'ob-badge',
  args: { result: 'verified', compact: false, noEvidence: false, noChecks: false, lang: 'en-GB' },
  argTypes: {
    result: { control: 'select', options: [...Object.keys(allResults), 'loading'] },
    lang: { control: 'text' },
  },
  render: (args) => html`
    <ob-badge
      lang=${args.lang}
      ?compact=${args.compact}
      ?no-evidence=${args.noEvidence}
      ?no-checks=${args.noChecks}
      .verifier=${cannedVerifier(args.result === 'loading' ? undefined : allResults[args.result])}
      .credential=${`canned:${args.result}`}
      .now=${NOW}
    ></ob-badge>
  `,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

export const Verified: Story = {};
export const Expired: Story = { args: { result: 'expired' } };
export const Tampered: Story = { args: { result: 'tampered' } };
export const StatusUnknown: Story = { args: { result: 'statusUnknown' } };
export const Malformed: Story = { args: { result: 'malformed' } };
export const HostileContent: Story = { args: { result: 'hostile' } };
export const Loading: Story = { args: { result: 'loading' } };
export const Compact: Story = { args: { compact: true } };
export const French: Story = { args: { lang: 'fr', result: 'expired' } };
export const OpenBadges2Hosted: Story = { args: { result: 'ob2Hosted' } };
export const OpenBadges2Signed: Story = { args: { result: 'ob2Signed' } };
export const BakedPng: Story = { args: { result: 'bakedPng' } };
export const BakedSvg: Story = { args: { result: 'bakedSvg' } };
export const BakedCompact: Story = { args: { result: 'bakedPng', compact: true } };
export const OwnersBadge: Story = { args: { result: 'ownersBadge' } };
export const SomeoneElsesBadge: Story = { args: { result: 'someoneElses' } };
export const RevokedWithReason: Story = { args: { result: 'revokedWithReason' } };
export const ThroughAProxy: Story = { args: { result: 'viaProxy' } };
export const Transcript: Story = { args: { result: 'transcript' } };
export const TranscriptWithProblems: Story = { args: { result: 'transcriptWithProblems' } };
export const TranscriptByAssociation: Story = { args: { result: 'degreeTranscript' } };
/** 100 achievements: the first cards at once, the rest drawn in chunks while the page is idle. */
export const LongTranscript: Story = { args: { result: 'longTranscript' } };
export const TranscriptCompact: Story = { args: { result: 'transcriptWithProblems', compact: true } };
export const Endorsements: Story = { args: { result: 'endorsements' } };
export const EndorsementsOfUnverifiedBadge: Story = { args: { result: 'endorsementsOfUnverifiedBadge' } };
export const StandaloneEndorsement: Story = { args: { result: 'standaloneEndorsement' } };
export const Presentation: Story = { args: { result: 'presentation' } };
export const UnsignedPresentation: Story = { args: { result: 'unsignedPresentation' } };
export const PresentationSignedBySomeoneElse: Story = { args: { result: 'presentationSignedBySomeoneElse' } };

export const KnownIssuer: Story = { args: { result: 'knownIssuer' } };
export const StatedIssuer: Story = { args: { result: 'statedIssuer' } };
export const ClaimsToBeFrom: Story = { args: { result: 'claimsToBeFrom' } };
export const ClaimsStatusUnknown: Story = { args: { result: 'claimsStatusUnknown' } };
export const KnownIssuerCompact: Story = { args: { result: 'knownIssuer', compact: true } };

/**
 * A verifier that reports its checks one by one (`onCheck`), as the real one does, and then waits
 * on a slow status list: the card lists what has settled and says what it is still checking.
 */
function slowVerifier(result: VerificationResult, { delay = 600, stallOnStatus = false } = {}): Verifier {
  return {
    async verify(_input, options) {
      for (const check of result.checks) {
        await new Promise<void>((resolve, reject) => {
          const wait = check.id === 'status' && stallOnStatus ? 2 ** 31 - 1 : delay;
          const timer = setTimeout(resolve, wait);
          options?.signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(options.signal?.reason);
          });
        });
        options?.onCheck?.(check);
      }
      return result;
    },
  };
}

/** Checks appear as they settle; the status list never answers, so it stays on "Checking status…". */
export const ProgressiveChecking: Story = {
  render: (args) => html`
    <ob-badge
      lang=${args.lang}
      ?compact=${args.compact}
      .verifier=${slowVerifier(results.verified, { stallOnStatus: true })}
      .credential=${'canned:progressive'}
      .now=${NOW}
    ></ob-badge>
  `,
};

/** The same, settling: the live region announces only the verdict. */
export const ProgressiveThenVerified: Story = {
  render: (args) => html`
    <ob-badge
      lang=${args.lang}
      .verifier=${slowVerifier(trustResults.knownIssuer)}
      .credential=${'canned:progressive-settles'}
      .now=${NOW}
    ></ob-badge>
  `,
};

/**
 * A wall of 24 compact badges with `loading="lazy"`: each draws "Checking…" at once and verifies
 * when scrolled within about 400px of the view, at most four at a time (`ObBadge.concurrency`).
 */
export const LazyWall: Story = {
  render: (args) => html`
    <p>Scroll down: badges verify as they come near the view, four at a time.</p>
    <div style="display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr))">
      ${Array.from(
        { length: 24 },
        (_, i) =>
          html`<ob-badge
            compact
            loading="lazy"
            lang=${args.lang}
            .verifier=${slowVerifier(i % 5 === 3 ? trustResults.claimsToBeFrom : trustResults.knownIssuer, {
              delay: 150,
            })}
            .credential=${`canned:wall-${i}`}
            .now=${NOW}
          ></ob-badge>`,
      )}
    </div>
  `,
};

/** A result verified elsewhere, shown through the `verification` property: nothing is fetched or verified. */
export const SettledResult: Story = {
  render: (args) => html`
    <ob-badge
      lang=${args.lang}
      ?compact=${args.compact}
      .verification=${nestedResults.transcriptWithProblems}
    ></ob-badge>
  `,
};
