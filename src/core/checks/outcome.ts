import type { BadgeError } from '../errors.js';
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
