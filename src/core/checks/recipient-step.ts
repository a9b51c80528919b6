import type { ParsedBadge, Step, StepOutcome } from '../plugin.js';

/** The outcome when the page declared nobody: not asked for, so it does not count against the verdict. */
export const RECIPIENT_NOT_REQUESTED: StepOutcome = Object.freeze({
  status: 'skipped',
  message: 'No recipient identity was declared, so the recipient was not checked',
  details: Object.freeze({ requested: false }),
});

/**
 * The `recipient` step every format shares: was the badge awarded to the identity the page
 * declared (`recipient.ts`)? Most pages declare nobody, so the matching code (hashed identities,
 * normalisation) loads with `import()` only when one does.
 */
export const recipientStep: Step<ParsedBadge> = {
  id: 'recipient',
  requires: ['proof'],
  async run(parsed, context) {
    if (typeof context.recipient !== 'string' || context.recipient.trim() === '') return RECIPIENT_NOT_REQUESTED;
    const { checkRecipient } = await import('./recipient.js');
    return checkRecipient(parsed.credential, context.recipient);
  },
};
