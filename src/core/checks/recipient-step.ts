import type { ParsedBadge, Step } from '../plugin.js';
import { RECIPIENT_NOT_REQUESTED } from './recipient-not-requested.js';

export { RECIPIENT_NOT_REQUESTED };

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
