/**
 * A wall of hand-made `VerificationResult`s for `<ob-badge-list>` tests and stories: seven badges
 * from three issuers, in every summary group, with dates, skills and tags to sort and filter by.
 * A fake verifier answers each by its URL (or a credential's `id`); no keys, no network.
 */
import { verdictOf, type Check, type VerificationResult } from '../../src/core/result.js';
import type { Verifier, VerifyInput, VerifyOptions } from '../../src/core/verify.js';
import type { BadgeView } from '../../src/core/view.js';
import { cannedResult, passedChecks } from './canned-results.js';

/** The clock every result here was checked at. */
export const LIST_NOW = new Date('2025-06-01T12:00:00Z');

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkaGD4DwAD+gH/2t0y4QAAAABJRU5ErkJggg==';

export const ISSUERS = {
  university: { id: 'did:web:example.edu', name: 'Example University', url: 'https://example.edu' },
  institute: { id: 'https://odi.example/issuer', name: 'Open Data Institute', url: 'https://odi.example' },
  academy: { id: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', name: 'Code Academy' },
} as const;

/** A render model with the fields the list reads; the rest as a compact card needs them. */
export function listView(
  name: string,
  issuer: BadgeView['issuer'],
  issuedOn: string,
  skills: { alignments?: string[]; tags?: string[] } = {},
): BadgeView {
  return {
    spec: 'ob3',
    credentialId: `urn:uuid:${name.toLowerCase().replace(/\W+/g, '-')}`,
    name,
    description: `Awarded for ${name.toLowerCase()}.`,
    image: { url: PNG, alt: `${name} badge` },
    issuer,
    issuedOn,
    validFrom: issuedOn,
    evidence: [],
    alignments: (skills.alignments ?? []).map((alignment) => ({ name: alignment, framework: 'ESCO' })),
    tags: skills.tags ?? [],
  };
}

function withCheck(view: BadgeView, index: number, check: Check): VerificationResult {
  const checks = passedChecks(view, LIST_NOW);
  checks[index] = check;
  return cannedResult(checks, view, LIST_NOW);
}

const views = {
  statistics: listView('Statistics Basics', ISSUERS.university, '2024-03-01T09:00:00Z', {
    alignments: ['Statistical analysis'],
    tags: ['data'],
  }),
  openData: listView('Open Data Practitioner', ISSUERS.institute, '2023-05-10T09:00:00Z', {
    tags: ['Python', 'data'],
  }),
  sql: listView('SQL Fundamentals', ISSUERS.university, '2021-01-10T09:00:00Z', { tags: ['sql'] }),
  python: listView('Python Programming', ISSUERS.academy, '2022-07-07T09:00:00Z', { tags: ['python'] }),
  git: listView('Version Control with Git', ISSUERS.academy, '2024-11-11T09:00:00Z', { tags: ['git'] }),
  ethics: listView('Data Ethics', ISSUERS.university, '2020-02-02T09:00:00Z', { alignments: ['Ethics'] }),
};

/** The wall, in list order: badge URL → result. */
export const WALL: readonly { readonly url: string; readonly result: VerificationResult }[] = [
  {
    url: 'https://badges.example/statistics.json',
    result: cannedResult(passedChecks(views.statistics, LIST_NOW), views.statistics, LIST_NOW),
  },
  {
    url: 'https://badges.example/open-data.json',
    result: cannedResult(passedChecks(views.openData, LIST_NOW), views.openData, LIST_NOW),
  },
  {
    url: 'https://badges.example/sql.json',
    result: withCheck(views.sql, 3, {
      id: 'validity',
      status: 'failed',
      code: 'ERR_OB_EXPIRED',
      details: { validUntil: '2023-01-10T09:00:00Z', now: LIST_NOW.toISOString() },
    }),
  },
  {
    url: 'https://badges.example/python.json',
    result: withCheck(views.python, 4, {
      id: 'status',
      status: 'failed',
      code: 'ERR_OB_REVOKED',
      details: { purpose: 'revocation', revocationReason: 'Issued in error' },
    }),
  },
  {
    url: 'https://badges.example/git.json',
    result: withCheck(views.git, 4, {
      id: 'status',
      status: 'warning',
      code: 'ERR_OB_STATUS_UNAVAILABLE',
      details: { url: 'https://academy.example/status/1' },
    }),
  },
  {
    url: 'https://badges.example/ethics.json',
    result: cannedResult(
      [
        { id: 'format', status: 'passed' },
        { id: 'proof', status: 'failed', code: 'ERR_OB_SIGNATURE_INVALID', message: 'The signature does not match' },
        { id: 'issuer', status: 'skipped', code: 'ERR_OB_SIGNATURE_INVALID', details: { requires: 'proof' } },
      ],
      views.ethics,
      LIST_NOW,
    ),
  },
  {
    url: 'https://badges.example/broken.json',
    result: cannedResult([{ id: 'format', status: 'failed', code: 'ERR_OB_MALFORMED' }], null, LIST_NOW),
  },
];

/** The wall's summary: what its results add up to. */
export const WALL_COUNTS = { verified: 2, expired: 1, revoked: 1, suspended: 0, unknown: 1, unverified: 2 } as const;

/** The key a fake verifier answers by: a URL's address, a credential's `id`, else the text itself. */
export function inputKey(input: VerifyInput): string {
  if (input instanceof URL) return input.href;
  if (typeof input === 'string') return input;
  if (input instanceof Blob || input instanceof Uint8Array) return '(file)';
  return typeof input['id'] === 'string' ? input['id'] : JSON.stringify(input);
}

export interface FakeListVerifier extends Verifier {
  readonly calls: { input: VerifyInput; options: VerifyOptions | undefined }[];
}

/** A verifier answering from `results` by `inputKey`; anything else reads as malformed. */
export function wallVerifier(
  results: ReadonlyMap<string, VerificationResult> = new Map(WALL.map((entry) => [entry.url, entry.result])),
): FakeListVerifier {
  const calls: { input: VerifyInput; options: VerifyOptions | undefined }[] = [];
  return {
    calls,
    async verify(input, options) {
      calls.push({ input, options });
      const known = results.get(inputKey(input));
      if (known) return known;
      const checks: Check[] = [{ id: 'format', status: 'failed', code: 'ERR_OB_MALFORMED' }];
      return { ...cannedResult(checks, null, LIST_NOW), verdict: verdictOf(checks) };
    },
  };
}

/** A verifier whose runs settle only when the test says so, by key. */
export class ManualListVerifier implements Verifier {
  readonly pending = new Map<string, (result: VerificationResult) => void>();
  /** Every run started, by key, in order (a badge whose run was restarted appears twice). */
  readonly started: string[] = [];

  verify(input: VerifyInput, options?: VerifyOptions): Promise<VerificationResult> {
    const key = inputKey(input);
    this.started.push(key);
    return new Promise((resolve) => {
      this.pending.set(key, resolve);
      // An aborted run (its badge moved or left) is no longer waiting.
      options?.signal?.addEventListener('abort', () => {
        if (this.pending.get(key) === resolve) this.pending.delete(key);
      });
    });
  }

  /** Settles the run for `key` (a URL) with `result`; false when no such run is waiting. */
  settle(key: string, result: VerificationResult): boolean {
    const resolve = this.pending.get(key);
    this.pending.delete(key);
    resolve?.(result);
    return resolve !== undefined;
  }
}
