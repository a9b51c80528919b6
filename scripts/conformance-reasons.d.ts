import type { VerificationResult } from '../src/core/result.js';
export declare const REASON_ORDER: readonly string[];
export declare const SUPPORTED_FORMATS: readonly string[];
export declare function conformanceVerdict(result: Pick<VerificationResult, 'verified' | 'checks'>): {
  verified: boolean;
  reason: string;
};
export declare function sameReason(expected: string, actual: string, detail?: string): boolean;
export declare const KNOWN_DIFFERENCES: Readonly<Record<string, string>>;
