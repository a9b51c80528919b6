import { expect } from '@open-wc/testing';
import { BadgeError, CredentialExpired, isBadgeError, SignatureInvalid } from './errors.js';

describe('errors', () => {
  it('carries a stable code, a default message and its class name', () => {
    const error = new CredentialExpired();
    expect(error).to.be.instanceOf(BadgeError);
    expect(error.code).to.equal('ERR_OB_EXPIRED');
    expect(error.name).to.equal('CredentialExpired');
    expect(error.message).to.equal('The credential has expired');
    expect(CredentialExpired.code).to.equal('ERR_OB_EXPIRED');
  });

  it('keeps details and cause', () => {
    const cause = new Error('inner');
    const error = new SignatureInvalid('bad bytes', { cause, details: { kid: 'k1' } });
    expect(error.cause).to.equal(cause);
    expect(error.details).to.deep.equal({ kid: 'k1' });
    expect(isBadgeError(error)).to.equal(true);
    expect(isBadgeError(new Error('x'))).to.equal(false);
  });
});
