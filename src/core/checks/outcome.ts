import { BadgeError } from '../errors.js';
import { isUnreachable } from '../fetcher.js';
import type { StepOutcome } from '../plugin.js';

/** A coded error as a check outcome: `failed` (something is wrong) or `warning` (it could not be checked). */
export function outcomeOf(error: BadgeError, status: 'failed' | 'warning'): StepOutcome {
  return {
    status,
    code: error.code,
    message: error.message,
    ...(error.details ? { details: error.details } : {}),
  };
}

/**
 * What a step's error means for its check, by the one shared rule (`isUnreachable` in fetcher.ts):
 * a document nobody could read (CORS, timeout, network, 5xx) is `warning`, status unknown; any
 * other coded error is `failed`. Anything else is a bug in a plug-in: `failed` as ERR_OB_MALFORMED,
 * never a verdict about the badge and never an exception.
 */
export function outcomeOfError(error: unknown): StepOutcome {
  if (error instanceof BadgeError) return outcomeOf(error, isUnreachable(error) ? 'warning' : 'failed');
  return { status: 'failed', code: 'ERR_OB_MALFORMED', message: `Unexpected error: ${String(error)}` };
}
