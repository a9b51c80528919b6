import { expect } from '@open-wc/testing';
import { BADGE_ERROR_CODES } from '../core/error-codes.js';
import { formatDate } from './format-date.js';
import { en, type MessageContext } from './messages.js';
import { UNKNOWN_CODE_TEXT } from './problem-messages.js';

const context: MessageContext = { formatDate: (value) => formatDate(value, 'en-GB') };

describe('en problem messages', () => {
  it('give every error code its own sentence, with or without details', () => {
    expect(BADGE_ERROR_CODES.length).to.be.greaterThan(40);
    for (const code of BADGE_ERROR_CODES) {
      const sentence = en.codeText(code, undefined, context);
      expect(sentence, code).to.be.a('string').and.not.equal(UNKNOWN_CODE_TEXT);
      expect(en.codeText(code, {}, context), code).to.not.equal(UNKNOWN_CODE_TEXT);
    }
  });

  it('answer a code from a newer core with the general sentence', () => {
    const newer = 'ERR_OB_FROM_THE_FUTURE' as (typeof BADGE_ERROR_CODES)[number];
    expect(en.codeText(newer, undefined, context)).to.equal(UNKNOWN_CODE_TEXT);
  });
});
