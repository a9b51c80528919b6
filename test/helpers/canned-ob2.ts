/**
 * Hand-made `VerificationResult`s for Open Badges 2.0 (hosted and signed), baked images and the
 * recipient check: what <ob-badge> tests and stories draw without keys, network or the core's
 * OB 2.0 code. Shaped like what `verify()` returns (see src/core/checks/recipient.ts and
 * src/core/fetcher.ts for the details they mirror).
 */
import { verdictOf, type BakedImage, type Check, type VerificationResult } from '../../src/core/result.js';
import type { BadgeView } from '../../src/core/view.js';

const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkaGD4DwAD+gH/2t0y4QAAAABJRU5ErkJggg==';

/** A 1×1 PNG (a real one: browsers decode it). */
export const PNG_BYTES = Uint8Array.from(atob(PNG_BASE64), (char) => char.charCodeAt(0));

export function svgBytes(markup: string): Uint8Array {
  return new TextEncoder().encode(markup);
}

export function bakedImage(container: 'png' | 'svg', bytes: Uint8Array): BakedImage {
  return { container, contentType: container === 'png' ? 'image/png' : 'image/svg+xml', bytes };
}

/** The check a page that names no owner gets: skipped, and not counted against the verdict. */
export const RECIPIENT_NOT_REQUESTED: Check = {
  id: 'recipient',
  status: 'skipped',
  message: 'No recipient identity was declared, so the recipient was not checked',
  details: { requested: false },
};

/** The recipient check when the page named its owner: the badge is theirs, someone else's, or undecidable. */
export function recipientCheck(
  outcome: 'match' | 'mismatch' | 'unusable-declaration' | 'no-recipient',
  declared = 'mailto:ada@example.org',
): Check {
  switch (outcome) {
    case 'match':
      return {
        id: 'recipient',
        status: 'passed',
        message: 'Awarded to the owner of this page',
        details: { declared, identityType: 'email', hashed: true, matched: 'lowercase' },
      };
    case 'mismatch':
      return {
        id: 'recipient',
        status: 'failed',
        code: 'ERR_OB_RECIPIENT_MISMATCH',
        message: 'The badge was awarded to someone else',
        details: { declared, identityTypes: ['email'] },
      };
    case 'unusable-declaration':
      return {
        id: 'recipient',
        status: 'warning',
        code: 'ERR_OB_MALFORMED',
        message: 'The declared recipient is not an email address, http(s) URL, tel: number or DID',
        details: { declared },
      };
    case 'no-recipient':
      return {
        id: 'recipient',
        status: 'warning',
        code: 'ERR_OB_SCHEMA_INVALID',
        message: 'The badge names no recipient identity to compare with',
        details: { declared, identityTypes: [] },
      };
  }
}

export interface HostedOptions {
  /** Where the assertion was fetched from. */
  readonly url?: string;
  readonly issuer?: string;
  /** The proxy origin every fetched document came through, if any. */
  readonly viaProxy?: string;
  readonly recipient?: Check;
  readonly baked?: 'png' | 'svg';
}

/** The checks of an OB 2.0 hosted badge that passed everything (the recipient as given, else not requested). */
export function hostedChecks(view: BadgeView, now: Date, options: HostedOptions = {}): Check[] {
  const url = options.url ?? 'https://badges.example.org/assertions/42.json';
  const issuer = options.issuer ?? 'https://badges.example.org/issuer.json';
  const proxied = options.viaProxy ? { viaProxy: options.viaProxy } : {};
  return [
    {
      id: 'format',
      status: 'passed',
      details: {
        format: 'ob2-hosted',
        ...(options.baked ? { baked: { container: options.baked, location: 'iTXt openbadges' } } : {}),
        ...proxied,
      },
    },
    { id: 'proof', status: 'passed', details: { verification: 'hosted', url, finalUrl: url, ...proxied } },
    { id: 'issuer', status: 'passed', details: { issuer, scope: 'issuer-origin', ...proxied } },
    { id: 'validity', status: 'passed', details: { validFrom: view.issuedOn, now: now.toISOString() } },
    { id: 'status', status: 'passed', details: { ...proxied } },
    options.recipient ?? RECIPIENT_NOT_REQUESTED,
  ];
}

/** The checks of an OB 2.0 signed badge that passed everything. */
export function signedChecks(view: BadgeView, now: Date, recipient: Check = RECIPIENT_NOT_REQUESTED): Check[] {
  return [
    { id: 'format', status: 'passed', details: { format: 'ob2-signed', alg: 'RS256' } },
    {
      id: 'proof',
      status: 'passed',
      details: { alg: 'RS256', keyId: 'https://badges.example.org/keys/1', keySource: 'ob2-profile' },
    },
    { id: 'issuer', status: 'passed', details: { issuer: 'https://badges.example.org/issuer.json' } },
    { id: 'validity', status: 'passed', details: { validFrom: view.issuedOn, now: now.toISOString() } },
    { id: 'status', status: 'passed', details: { url: 'https://badges.example.org/revocations.json' } },
    recipient,
  ];
}

/** The status check of a revoked OB 2.0 badge, with the issuer's reason. */
export function revokedStatus(revocationReason?: string, viaProxy?: string): Check {
  return {
    id: 'status',
    status: 'failed',
    code: 'ERR_OB_REVOKED',
    message: 'The credential has been revoked',
    details: {
      url: 'https://badges.example.org/assertions/42.json',
      ...(revocationReason !== undefined ? { revocationReason } : {}),
      ...(viaProxy ? { viaProxy } : {}),
    },
  };
}

/** A result with these checks (`view: null`: nothing could be read), as an OB 2.0 format, optionally baked. */
export function ob2Result(
  checks: Check[],
  view: BadgeView | null,
  now: Date,
  options: { format?: 'ob2-hosted' | 'ob2-signed'; bakedImage?: BakedImage } = {},
): VerificationResult {
  const verdict = verdictOf(checks);
  return {
    verified: verdict === 'verified',
    verdict,
    format: view ? (options.format ?? 'ob2-hosted') : undefined,
    checks,
    credential: view ? { id: view.credentialId } : undefined,
    badge: view ?? undefined,
    checkedAt: now.toISOString(),
    ...(options.bakedImage ? { bakedImage: options.bakedImage } : {}),
  };
}

/** An OB 2.0 badge as the render model shows it. */
export const OB2_VIEW: BadgeView = {
  spec: 'ob2',
  credentialId: 'https://badges.example.org/assertions/42.json',
  name: 'Open Source Contributor',
  description: 'Awarded for a merged contribution to an open source project.',
  // A data: URL, so drawing it never reaches the network.
  image: { url: `data:image/png;base64,${PNG_BASE64}`, alt: 'Open Source Contributor badge' },
  criteria: { narrative: 'Have a pull request merged.', url: 'https://badges.example.org/criteria/contributor' },
  issuer: {
    id: 'https://badges.example.org/issuer.json',
    name: 'Example Badge Authority',
    url: 'https://badges.example.org',
  },
  issuedOn: '2024-03-01T00:00:00Z',
  evidence: [],
  alignments: [],
  tags: ['open-source'],
};
