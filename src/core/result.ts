import type { BadgeErrorCode } from './errors.js';
import type { BadgeView } from './view.js';
import type { TrustReport } from './trust/trust.js';

/**
 * The checks a verification runs, in the order they run and are shown.
 * `format`: the input parses as a known badge format.
 * `proof`: the signature is valid over the exact bytes/document, with the key it names.
 * `issuer`: that key is controlled by the issuer the credential names.
 * `validity`: now is inside the credential's validity window.
 * `status`: the revocation/suspension status says the credential is active.
 * `recipient`: the badge was awarded to the identity the page declared (`recipient` option); when
 * none was declared it is `skipped` with `details.requested === false`, which does not count
 * against the verdict (see `isNotRequested`).
 * Later formats add their own ids; the union stays open for them.
 */
export type CheckId = 'format' | 'proof' | 'issuer' | 'validity' | 'status' | 'recipient' | (string & {});

/**
 * `passed` / `failed` are definite. `warning` means the check could not be completed
 * (e.g. a status list that cannot be fetched): nothing is known to be wrong, but it is not proven.
 * `skipped` means a prerequisite failed, so the check was never run on unverified data.
 */
export type CheckStatus = 'passed' | 'failed' | 'warning' | 'skipped';

export interface Check {
  readonly id: CheckId;
  readonly status: CheckStatus;
  /** Present on `failed` and `warning`, and on `skipped` (naming the check it waited for). */
  readonly code?: BadgeErrorCode;
  /** English, for developers and the CLI. Components localize from `code` and `details`. */
  readonly message?: string;
  /** Plain JSON facts: the key id, the issuer, the dates, the URL that failed. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** What the visitor is told. Derived from the checks, never stored beside them. */
export type Verdict = 'verified' | 'unverified' | 'unknown';

export type BadgeFormat = 'ob3-jwt' | 'ob3-json' | 'ob2-hosted' | 'ob2-signed' | 'vp-json' | 'vp-jwt' | (string & {});

export interface VerificationResult {
  /** True only when every check passed. */
  readonly verified: boolean;
  readonly verdict: Verdict;
  /** The detected format, or `undefined` when the input could not be recognised. */
  readonly format: BadgeFormat | undefined;
  readonly checks: readonly Check[];
  /** The credential as decoded (the `vc` claim, or the JWT payload for VC-JOSE). Unverified data unless `verified`. */
  readonly credential: Readonly<Record<string, unknown>> | undefined;
  /** The render model the components draw. Present whenever the credential could be decoded. */
  readonly badge: BadgeView | undefined;
  /** The time the checks were evaluated at (ISO 8601). */
  readonly checkedAt: string;
  /**
   * When the badge arrived as a baked image (PNG or SVG carrying its credential): that image, to be
   * shown as the badge image (as a blob URL, never as markup). Its content is untrusted bytes.
   */
  readonly bakedImage?: BakedImage | undefined;
  /**
   * Credentials carried inside this one, each verified through the same pipeline with its own
   * checks and verdict: a CLR's achievements, endorsements, a presentation's credentials. They
   * never change this result's own verdict (ADR 0008); `summarizeNested` counts them.
   */
  readonly nested?: readonly NestedResult[] | undefined;
  /**
   * Who the issuer is beyond its key: on the site's trust list or not, and a web domain confirmed
   * to be the issuer's (ADR 0009). Shown beside the checks; never part of the verdict.
   */
  readonly trust?: TrustReport | undefined;
}

/** Why a credential sits inside another. */
export type NestedRole = 'achievement' | 'endorsement' | 'credential';

export interface NestedResult {
  readonly role: NestedRole;
  /** Where it was found, as a JSON path into the outer credential: `credentialSubject.verifiableCredential[3]`. */
  readonly location: string;
  /**
   * For an endorsement: what it is attached to (the credential, its achievement or its issuer
   * profile) and that thing's id, which the endorsement's subject must name.
   */
  readonly about?: { readonly target: 'credential' | 'achievement' | 'issuer'; readonly id?: string } | undefined;
  readonly result: VerificationResult;
}

/** How many nested credentials of a role there are, and how many read verified, unverified, unknown. */
export function summarizeNested(
  result: Pick<VerificationResult, 'nested'>,
  role?: NestedRole,
): { total: number; verified: number; unverified: number; unknown: number } {
  const summary = { total: 0, verified: 0, unverified: 0, unknown: 0 };
  for (const item of result.nested ?? []) {
    if (role !== undefined && item.role !== role) continue;
    summary.total++;
    summary[item.result.verdict]++;
  }
  return summary;
}

export interface BakedImage {
  readonly container: 'png' | 'svg';
  /** `image/png` or `image/svg+xml`. */
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/**
 * A check the page did not ask for (no recipient identity was declared): shown as skipped, but it
 * does not stop a badge from being verified.
 */
export function isNotRequested(check: Check): boolean {
  return check.status === 'skipped' && check.details?.['requested'] === false;
}

/**
 * `unverified` when any check failed; `unknown` when none failed but one could not be completed
 * (or was skipped); `verified` only when all passed. An empty list is never verified.
 */
export function verdictOf(checks: readonly Check[]): Verdict {
  if (checks.length === 0 || checks.some((check) => check.status === 'failed')) return 'unverified';
  if (checks.some((check) => check.status !== 'passed' && !isNotRequested(check))) return 'unknown';
  return 'verified';
}

/** The first check that is not `passed`: what a one-line summary should name. */
export function firstProblem(checks: readonly Check[]): Check | undefined {
  return (
    checks.find((check) => check.status === 'failed') ??
    checks.find((check) => check.status !== 'passed' && !isNotRequested(check))
  );
}
