import type { VerificationResult } from '../src/core/result.js';
export declare const REASON_ORDER: readonly string[];
export declare const SUPPORTED_FORMATS: readonly string[];
export interface ConformanceAnswer {
  verified: boolean;
  reason: string;
  /** Our own answer: the verdict, and the code of the check that gave `reason`. */
  verdict: VerificationResult['verdict'];
  code: string | undefined;
}
export declare function conformanceVerdict(
  result: Pick<VerificationResult, 'verified' | 'verdict' | 'checks'>,
): ConformanceAnswer;
export declare function sameReason(expected: string, actual: string, detail?: string): boolean;
/** A known difference: the answer this verifier gives, pinned, and why. */
export interface KnownDifference {
  readonly verdict: 'unverified' | 'unknown';
  readonly code: string;
  readonly reason: string;
}
export declare const KNOWN_DIFFERENCES: Readonly<Record<string, KnownDifference>>;
export declare function knownDifferenceProblem(
  file: string,
  got: ConformanceAnswer,
  agrees: boolean,
): string | undefined;
export declare function staleKnownDifferences(manifest: {
  cases: readonly { file: string; format: string; expect: { verified: boolean | null } }[];
}): string[];
