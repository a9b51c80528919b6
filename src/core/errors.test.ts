import { expect } from '@open-wc/testing';
import { BadgeError, CredentialExpired, isBadgeError, SignatureInvalid } from './errors.js';
import * as core from './index.js';

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

  it('exports from the core the errors kept beside the code that raises them, each a BadgeError', () => {
    const codes = Object.values(core)
      .filter((value): value is typeof BadgeError & { code: string } => typeof value === 'function' && 'code' in value)
      .map((ErrorClass) => {
        const error = new (ErrorClass as unknown as new () => BadgeError)();
        expect(error, ErrorClass.name).to.be.instanceOf(BadgeError);
        expect(error.name).to.equal(ErrorClass.name);
        return error.code;
      });
    for (const code of [
      'ERR_OB_IMAGE_CORRUPT',
      'ERR_OB_JSONLD_LIMIT',
      'ERR_OB_CRYPTOSUITE_UNSUPPORTED',
      'ERR_OB_NOT_A_CREDENTIAL',
      'ERR_OB_OUTSIDE_ISSUER_SCOPE',
      'ERR_OB_PRESENTATION_EMPTY',
      'ERR_OB_RECIPIENT_MISMATCH',
      'ERR_OB_SUSPENDED',
      'ERR_OB_STATUS_INDEX_OUT_OF_RANGE',
    ]) {
      expect(codes, code).to.include(code);
    }
    expect(new Set(codes).size).to.equal(codes.length);
  });
});
