import { expect } from '@open-wc/testing';
import { formatDate } from './format-date.js';
import { areProblemMessagesReady, cardEn as en, loadProblemMessages, type MessageContext } from './messages-base.js';

// This file imports messages-base.ts alone, as <ob-badge> does (messages.ts would load the
// sentences for problems up front): they load on demand.
const context: MessageContext = { formatDate: (value) => formatDate(value, 'en-GB') };

describe('en messages: sentences for problems load on demand', () => {
  it('before they load, a true general sentence; after, the full one', async () => {
    expect(areProblemMessagesReady()).to.equal(false);
    const check = { id: 'proof', status: 'failed', code: 'ERR_OB_SIGNATURE_INVALID' } as const;
    expect(en.checkSentence(check, context)).to.equal('The badge could not be checked');
    expect(
      en.checkSentence({ id: 'recipient', status: 'failed', code: 'ERR_OB_RECIPIENT_MISMATCH' }, context),
    ).to.equal('Could not check that this badge belongs to the owner of this page');
    // Passed checks never need them.
    expect(en.checkSentence({ id: 'proof', status: 'passed', details: { alg: 'EdDSA' } }, context)).to.equal(
      'The signature matches the content (EdDSA)',
    );
    await loadProblemMessages();
    expect(areProblemMessagesReady()).to.equal(true);
    expect(en.checkSentence(check, context)).to.equal('The signature does not match the content');
    expect(
      en.checkSentence({ id: 'recipient', status: 'failed', code: 'ERR_OB_RECIPIENT_MISMATCH' }, context),
    ).to.equal('Awarded to someone else');
  });
});
