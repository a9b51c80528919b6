import type { StepOutcome } from '../plugin.js';

/**
 * The outcome when the page declared nobody: not asked for, so it does not count against the
 * verdict. Its own module: the eager step and the lazy check both answer it.
 */
export const RECIPIENT_NOT_REQUESTED: StepOutcome = Object.freeze({
  status: 'skipped',
  message: 'No recipient identity was declared, so the recipient was not checked',
  details: Object.freeze({ requested: false }),
});
