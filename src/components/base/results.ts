import type { Check, VerificationResult } from '../../core/result.js';

/** Whether a value from a verifier (or a page) has the shape of a `VerificationResult`. */
export function isResult(value: unknown): value is VerificationResult {
  const r = value as Partial<VerificationResult> | null;
  return typeof r === 'object' && r !== null && Array.isArray(r.checks) && typeof r.verdict === 'string';
}

/**
 * A result for a run the verifier could not complete (it threw or rejected, or returned junk):
 * the element shows the error state, with one failed check naming what happened.
 */
export function resultFromError(error: unknown, now: Date | undefined): VerificationResult {
  const maybe = error as { code?: unknown; message?: unknown; details?: unknown } | null;
  const code = typeof maybe?.code === 'string' && maybe.code.startsWith('ERR_OB_') ? maybe.code : undefined;
  const details =
    maybe?.details && typeof maybe.details === 'object' ? (maybe.details as Record<string, unknown>) : undefined;
  const check = {
    id: 'verify',
    status: 'failed',
    ...(code ? { code } : {}),
    message: typeof maybe?.message === 'string' ? maybe.message : String(error),
    ...(details ? { details } : {}),
  } as Check;
  const checkedAt = (now && !Number.isNaN(now.getTime()) ? now : new Date()).toISOString();
  return {
    verified: false,
    verdict: 'unverified',
    format: undefined,
    checks: [check],
    credential: undefined,
    badge: undefined,
    checkedAt,
  };
}
