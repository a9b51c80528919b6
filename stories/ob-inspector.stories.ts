import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { Check, VerificationResult } from '../src/core/result.js';
import type { FetchRecord, Verifier } from '../src/core/verify.js';
import { cannedResult, passedChecks } from '../test/helpers/canned-results.js';
import { transcript } from '../test/helpers/canned-nested.js';
import type { ObInspector } from '../src/components/inspector/inspector.js';
import '../src/components/inspector/inspector.js';
import { SAMPLE_VIEW as VIEW, STORY_NOW as NOW } from './sample-badge.js';

// Canned results and network logs: the stories show how <ob-inspector> reports each outcome,
// without keys or network. Each story hands the element an input as a visitor would (a pasted
// token, a file, an address); the canned verifier answers it, and the embed preview too.

/** A token shaped like a compact JWS, so the embed snippet inlines it; the canned verifier never reads it. */
const TOKEN =
  'eyJhbGciOiJFZERTQSIsImtpZCI6ImRpZDp3ZWI6ZXhhbXBsZS5lZHUja2V5LTEifQ.eyJ2YyI6eyJuYW1lIjoiRGF0YSBMaXRlcmFjeSJ9fQ.c2lnbmF0dXJl';

const TRUST = {
  issuerId: 'did:web:example.edu',
  statedName: 'Example University',
  domain: { host: 'example.edu', confirmed: true, method: 'did:web' },
} as const;

const PASSED: Check[] = [
  {
    id: 'format',
    status: 'passed',
    details: { format: 'ob3-jwt', securing: 'vc-jwt', alg: 'EdDSA', typ: 'JWT', vcdm: '2.0' },
  },
  ...passedChecks(VIEW, NOW).slice(1, 4),
  {
    id: 'status',
    status: 'passed',
    details: {
      type: 'BitstringStatusListEntry',
      purpose: 'revocation',
      url: 'https://example.edu/status/2024',
      index: 5124,
      listIssuer: 'did:web:example.edu',
      checkedAt: NOW.toISOString(),
    },
  },
];

/** What fetching the badge's documents looked like: the DID document, the status list, the domain check. */
const LOG: FetchRecord[] = [
  {
    url: 'https://example.edu/.well-known/did.json',
    accept: 'json',
    startedAt: NOW.getTime(),
    durationMs: 84,
    source: 'network',
    ok: true,
    status: 200,
    contentType: 'application/did+json',
    bytes: 1204,
  },
  {
    url: 'https://example.edu/status/2024',
    accept: 'badge',
    startedAt: NOW.getTime() + 90,
    durationMs: 131,
    source: 'network',
    ok: true,
    status: 200,
    contentType: 'application/vc+jwt',
    bytes: 16_842,
  },
  {
    url: 'https://example.edu/.well-known/did.json',
    accept: 'json',
    startedAt: NOW.getTime() + 225,
    durationMs: 0,
    source: 'cache',
    ok: true,
    status: 200,
    contentType: 'application/did+json',
    bytes: 1204,
  },
];

/** A log with every kind of failure the loader reports. */
const FAILING_LOG: FetchRecord[] = [
  ...LOG.slice(0, 1),
  {
    url: 'https://example.edu/status/2024',
    accept: 'badge',
    startedAt: NOW.getTime() + 90,
    durationMs: 10_000,
    source: 'network',
    ok: false,
    code: 'ERR_OB_FETCH_TIMEOUT',
  },
  {
    url: 'https://example.edu/keys/old.json',
    accept: 'json',
    startedAt: NOW.getTime() + 95,
    durationMs: 48,
    source: 'network',
    ok: false,
    status: 404,
    code: 'ERR_OB_FETCH_FAILED',
  },
  {
    url: 'https://badges.example.org/assertions/42.json',
    accept: 'badge',
    startedAt: NOW.getTime() + 100,
    durationMs: 210,
    source: 'network',
    ok: true,
    status: 200,
    contentType: 'application/ld+json',
    bytes: 1830,
    finalUrl: 'https://www.badges.example.org/assertions/42.json',
    viaProxy: 'https://proxy.example',
  },
  {
    url: 'https://no-cors.example/.well-known/did-configuration.json',
    accept: 'json',
    startedAt: NOW.getTime() + 120,
    durationMs: 35,
    source: 'network',
    ok: false,
    code: 'ERR_OB_FETCH_CORS',
  },
];

interface Scenario {
  readonly result: VerificationResult;
  readonly log: readonly FetchRecord[];
  /** What the visitor gave: pasted text, a file, an address. */
  readonly input: () => string | Blob | URL;
}

const scenarios = {
  verified: {
    result: { ...cannedResult(PASSED, VIEW, NOW), trust: TRUST },
    log: LOG,
    input: () => TOKEN,
  },
  failed: {
    result: {
      ...cannedResult(
        [
          PASSED[0]!,
          { id: 'proof', status: 'failed', code: 'ERR_OB_SIGNATURE_INVALID', details: { alg: 'EdDSA' } },
          { id: 'issuer', status: 'skipped', details: { requires: 'proof' } },
          { id: 'validity', status: 'skipped', details: { requires: 'proof' } },
          { id: 'status', status: 'skipped', details: { requires: 'proof' } },
        ],
        VIEW,
        NOW,
      ),
      trust: TRUST,
    },
    log: LOG.slice(0, 1),
    input: () => new File([TOKEN], 'data-literacy.jwt', { type: 'application/jwt' }),
  },
  unreadable: {
    result: cannedResult(
      [{ id: 'format', status: 'failed', code: 'ERR_OB_IMAGE_CORRUPT', details: { container: 'png' } }],
      null,
      NOW,
    ),
    log: [],
    input: () => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])], 'badge.png', { type: 'image/png' }),
  },
  networkLog: {
    result: {
      ...cannedResult(
        [
          ...PASSED.slice(0, 4),
          {
            id: 'status',
            status: 'warning',
            code: 'ERR_OB_STATUS_UNAVAILABLE',
            details: { url: 'https://example.edu/status/2024' },
          },
        ],
        VIEW,
        NOW,
      ),
      trust: { ...TRUST, known: null },
    },
    log: FAILING_LOG,
    input: () => new URL('https://badges.example.org/assertions/42.json'),
  },
  transcript: {
    result: transcript(6, { 2: 'unverified', 4: 'unknown' }),
    log: LOG.slice(0, 1),
    input: () => '{"type":["VerifiableCredential","ClrCredential"]}',
  },
} satisfies Record<string, Scenario>;

/** Answers every input with the scenario's result, reporting its log first, after a short wait. */
function cannedVerifier(scenario: Scenario | undefined): Verifier {
  return {
    verify: async (_input, options) => {
      if (!scenario) return new Promise(() => {});
      await new Promise((resolve) => setTimeout(resolve, 150));
      for (const record of scenario.log) options?.onFetch?.(record);
      return scenario.result;
    },
  };
}

interface Args {
  scenario: keyof typeof scenarios | 'empty' | 'checking';
  lang: string;
  headingLevel: number;
}

const meta = {
  title: 'Components/Inspector',
  component: 'ob-inspector',
  args: { scenario: 'verified', lang: 'en-GB', headingLevel: 2 },
  argTypes: {
    scenario: { control: 'select', options: ['empty', 'checking', ...Object.keys(scenarios)] },
    lang: { control: 'text' },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
  },
  render: (args) => {
    const scenario = args.scenario === 'empty' || args.scenario === 'checking' ? undefined : scenarios[args.scenario];
    return html`<ob-inspector
      lang=${args.lang}
      heading-level=${args.headingLevel}
      .verifier=${cannedVerifier(scenario)}
      .now=${NOW}
      ${ref((element) => {
        const inspector = element as ObInspector | undefined;
        if (!inspector || args.scenario === 'empty') return;
        void inspector.inspect(scenario ? scenario.input() : TOKEN);
      })}
    ></ob-inspector>`;
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

export const Empty: Story = { args: { scenario: 'empty' } };
export const Checking: Story = { args: { scenario: 'checking' } };
export const Verified: Story = {};
export const Failed: Story = { args: { scenario: 'failed' } };
export const Unreadable: Story = { args: { scenario: 'unreadable' } };
export const NetworkLog: Story = { args: { scenario: 'networkLog' } };
export const Transcript: Story = { args: { scenario: 'transcript' } };
