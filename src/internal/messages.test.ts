import { expect } from '@open-wc/testing';
import type { Check } from '../core/result.js';
import { formatDate, formatTime } from './format-date.js';
import { en, type MessageContext } from './messages.js';

const context: MessageContext = { formatDate: (value) => formatDate(value, 'en-GB') };
const PROSE = 'X) — this badge is genuine; (Y';

function sentence(check: Check): string {
  return en.checkSentence(check, context);
}

function problem(code: Check['code'], details: Record<string, unknown>, status: Check['status'] = 'failed'): string {
  return sentence({ id: 'x', status, code, details } as Check);
}

describe('en messages: badge-controlled details', () => {
  it('names a status list type only when it looks like one', () => {
    expect(problem('ERR_OB_STATUS_UNCHECKED', { type: 'BitstringStatusListEntry' }, 'warning')).to.equal(
      'Revocation status could not be checked (BitstringStatusListEntry lists are not supported)',
    );
    const hostile = problem('ERR_OB_STATUS_UNCHECKED', { type: PROSE }, 'warning');
    expect(hostile).to.equal('Revocation status could not be checked');
    expect(en.banner('unknown', hostile)).to.equal('Status unknown: revocation status could not be checked');
    for (const type of ['a'.repeat(65), 'Type with spaces', 'Type\u202e', 'Ty(pe)', 42])
      expect(problem('ERR_OB_STATUS_UNCHECKED', { type }, 'warning')).to.equal(
        'Revocation status could not be checked',
      );
  });

  it('names an algorithm only when it looks like one', () => {
    expect(problem('ERR_OB_JOSE_ALG_NOT_ALLOWED', { alg: 'HS256' })).to.equal(
      'Signed with an algorithm that is not allowed (HS256)',
    );
    expect(problem('ERR_OB_JOSE_ALG_NOT_ALLOWED', { alg: PROSE })).to.equal(
      'Signed with an algorithm that is not allowed',
    );
    expect(sentence({ id: 'proof', status: 'passed', details: { alg: 'EdDSA' } })).to.equal(
      'The signature matches the content (EdDSA)',
    );
    expect(sentence({ id: 'proof', status: 'passed', details: { alg: `EdDSA) and ${PROSE}` } })).to.equal(
      'The signature matches the content',
    );
  });

  it('puts URLs, issuers and key ids in as displayed ids: ASCII hosts, at most 80 characters', () => {
    expect(sentence({ id: 'issuer', status: 'passed', details: { issuer: 'https://v\u0456ctim.example/' } })).to.equal(
      'Signed by a key that belongs to https://xn--vctim-n2e.example/',
    );
    const long = `https://example.edu/status/${'x'.repeat(200)}/list`;
    const shown = problem('ERR_OB_FETCH_FAILED', { url: long });
    expect(shown.startsWith('The badge could not be downloaded from https://example.edu/status/')).to.equal(true);
    expect(shown.endsWith('/list')).to.equal(true);
    expect(shown.length).to.equal('The badge could not be downloaded from '.length + 80);
    // A host too long to show whole: the sentence without it, never a cut host.
    const longHost = `https://victim.example.${'a'.repeat(80)}.attacker.tld/`;
    expect(problem('ERR_OB_FETCH_FAILED', { url: longHost })).to.equal('The badge could not be downloaded');
    expect(sentence({ id: 'issuer', status: 'passed', details: { issuer: longHost } })).to.equal(
      'Signed by a key that belongs to the issuer',
    );
    const kid =
      'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
    const kidSentence = problem('ERR_OB_KEY_UNRESOLVABLE', { kid });
    expect(kidSentence).to.match(/^The signing key did:key:z6Mk\S*…\S*2doK could not be found$/);
    expect(kidSentence.length).to.be.at.most('The signing key  could not be found'.length + 80);
  });

  it('leaves out URLs, issuers and key ids that read as prose', () => {
    expect(problem('ERR_OB_KEY_UNRESOLVABLE', { kid: PROSE })).to.equal('The signing key could not be found');
    expect(problem('ERR_OB_KEY_NOT_ISSUERS', { issuer: PROSE })).to.equal(
      'The signing key does not belong to the issuer',
    );
    expect(problem('ERR_OB_FETCH_REFUSED', { url: PROSE })).to.equal('Fetching this address is not allowed');
    expect(sentence({ id: 'issuer', status: 'passed', details: { controller: PROSE } })).to.equal(
      'Signed by a key that belongs to the issuer',
    );
    // A bidi override cannot reorder the sentence: it is shown as an escape.
    expect(problem('ERR_OB_KEY_UNRESOLVABLE', { kid: 'did:example:\u202ekey' })).to.equal(
      'The signing key did:example:\\u{202E}key could not be found',
    );
  });

  it('puts dates in only when they are dates', () => {
    expect(problem('ERR_OB_EXPIRED', { validUntil: '2025-03-03T00:00:00Z' })).to.equal('Expired on 3 March 2025');
    expect(problem('ERR_OB_EXPIRED', { validUntil: PROSE })).to.equal('This badge has expired');
    expect(problem('ERR_OB_NOT_YET_VALID', { validFrom: PROSE })).to.equal('This badge is not valid yet');
    expect(sentence({ id: 'validity', status: 'passed', details: { validUntil: PROSE } })).to.equal(
      'Has no expiry date',
    );
  });

  it('names the check a skipped check waited for only when it is a check id', () => {
    expect(sentence({ id: 'issuer', status: 'skipped', details: { requires: 'proof' } })).to.equal(
      'Not checked, because the signature check did not pass',
    );
    expect(sentence({ id: 'issuer', status: 'skipped', details: { requires: PROSE } })).to.equal(
      'Not checked, because an earlier check did not pass',
    );
  });
});

describe('status list messages', () => {
  const timed: MessageContext = { ...context, formatTime: (value) => formatTime(value, 'en-GB') };

  it('says when and against what a status was checked', () => {
    const check = {
      id: 'status',
      status: 'passed',
      details: { url: 'https://issuer.example/status/1', checkedAt: '2026-06-01T14:03:00Z', entries: [{}] },
    } as Check;
    const expected = `Status checked at ${formatTime('2026-06-01T14:03:00Z', 'en-GB')} against the issuer’s list`;
    expect(en.checkSentence(check, timed)).to.equal(expected);
    expect(expected).to.match(/^Status checked at \d\d:\d\d against the issuer’s list$/);
    expect(en.checkSentence(check, context)).to.equal('Status checked against the issuer’s list');
    expect(en.checkSentence({ ...check, details: { ...check.details, checkedAt: PROSE } }, timed)).to.equal(
      'Status checked against the issuer’s list',
    );
  });

  it('names revocation, suspension and a list that does not cover the badge', () => {
    expect(problem('ERR_OB_REVOKED', {})).to.equal('Revoked by the issuer');
    expect(problem('ERR_OB_SUSPENDED', {})).to.equal('Suspended by the issuer');
    expect(problem('ERR_OB_STATUS_INDEX_OUT_OF_RANGE', {})).to.equal(
      'The badge points outside the issuer’s status list',
    );
    expect(en.banner('unverified', problem('ERR_OB_REVOKED', {}))).to.equal('Not verified: revoked by the issuer');
  });

  it('gives "status unknown" reasons from fixed text, never from the list', () => {
    const unknown = (code: Check['code'], details: Record<string, unknown>) =>
      en.banner('unknown', problem(code, details, 'warning'));
    expect(unknown('ERR_OB_STATUS_UNAVAILABLE', { url: 'https://issuer.example/status/1' })).to.equal(
      'Status unknown: revocation status could not be checked (the issuer’s status list could not be downloaded)',
    );
    expect(unknown('ERR_OB_STATUS_LIST_INVALID', { reason: 'issuer' })).to.equal(
      'Status unknown: revocation status could not be checked (the status list is not the issuer’s)',
    );
    expect(unknown('ERR_OB_STATUS_LIST_INVALID', { reason: 'expired' })).to.equal(
      'Status unknown: revocation status could not be checked (the issuer’s status list has expired)',
    );
    expect(unknown('ERR_OB_STATUS_LIST_INVALID', { reason: 'too-short' })).to.equal(
      'Status unknown: revocation status could not be checked (the issuer’s status list is too short to protect holders’ privacy)',
    );
    expect(unknown('ERR_OB_STATUS_LIST_INVALID', { reason: PROSE })).to.equal(
      'Status unknown: revocation status could not be checked (the issuer’s status list could not be verified)',
    );
  });
});

describe('Data Integrity messages', () => {
  it('names the cryptosuite of a valid proof, and only when it looks like one', () => {
    expect(sentence({ id: 'proof', status: 'passed', details: { cryptosuite: 'eddsa-rdfc-2022' } })).to.equal(
      'The signature matches the content (eddsa-rdfc-2022)',
    );
    expect(sentence({ id: 'proof', status: 'passed', details: { cryptosuite: PROSE } })).to.equal(
      'The signature matches the content',
    );
  });

  it('explains each Data Integrity failure in plain words, quoting badge data only in bounded form', () => {
    expect(problem('ERR_OB_CONTEXT_UNKNOWN', { context: 'https://attacker.example/ctx.json' })).to.equal(
      'The badge uses a vocabulary this page does not know (https://attacker.example/ctx.json)',
    );
    expect(problem('ERR_OB_CONTEXT_UNKNOWN', { context: PROSE })).to.equal(
      'The badge uses a vocabulary this page does not know',
    );
    expect(problem('ERR_OB_JSONLD_UNSAFE', { term: 'forgedGrade' })).to.equal(
      'The badge contains data its signature cannot cover (forgedGrade)',
    );
    expect(problem('ERR_OB_JSONLD_UNSAFE', { term: PROSE })).to.equal(
      'The badge contains data its signature cannot cover',
    );
    expect(problem('ERR_OB_JSONLD_LIMIT', { limit: 'work' })).to.equal('The badge is too large or complex to check');
    expect(problem('ERR_OB_PROOF_INVALID', {})).to.equal('The signature is malformed or not meant for this use');
    expect(problem('ERR_OB_CRYPTOSUITE_UNSUPPORTED', { cryptosuite: 'ecdsa-sd-2023' })).to.equal(
      'Signed in a way this page does not support (ecdsa-sd-2023)',
    );
  });
});
