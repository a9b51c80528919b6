import { expect } from '@open-wc/testing';
import type { Check } from '../core/result.js';
import { formatDate, formatTime } from './format-date.js';
import { cardEn, en, nestedEn, trustEn, withFallback, type MessageContext, type Messages } from './messages.js';

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

describe('Open Badges 2.0, baked image and recipient messages', () => {
  const passed = (id: string, details: Record<string, unknown>, ctx: MessageContext = context) =>
    en.checkSentence({ id, status: 'passed', details }, ctx);

  it('has a sentence for every new code, never calling a CORS refusal forged or verified', () => {
    expect(problem('ERR_OB_FETCH_CORS', {})).to.equal('The issuer’s server does not let browsers check this badge');
    expect(problem('ERR_OB_FETCH_CORS', { url: 'https://issuer.example/a/1.json' })).to.equal(
      'The issuer’s server does not let browsers check this badge (https://issuer.example/a/1.json)',
    );
    expect(problem('ERR_OB_FETCH_CORS', { url: PROSE })).to.equal(
      'The issuer’s server does not let browsers check this badge',
    );
    expect(problem('ERR_OB_IMAGE_NOT_BAKED', {})).to.equal('This image carries no badge');
    expect(problem('ERR_OB_IMAGE_CORRUPT', { reason: 'crc' })).to.equal('The image file is damaged or incomplete');
    expect(problem('ERR_OB_IMAGE_AMBIGUOUS', {})).to.equal('The image carries more than one badge');
    expect(problem('ERR_OB_RECIPIENT_MISMATCH', {})).to.equal('Awarded to someone else');
    // Every code has its own sentence, not the catch-all.
    for (const code of [
      'ERR_OB_FETCH_CORS',
      'ERR_OB_SCHEMA_INVALID',
      'ERR_OB_OUTSIDE_ISSUER_SCOPE',
      'ERR_OB_IMAGE_NOT_BAKED',
      'ERR_OB_IMAGE_CORRUPT',
      'ERR_OB_IMAGE_AMBIGUOUS',
      'ERR_OB_RECIPIENT_MISMATCH',
    ] as const)
      expect(problem(code, {}), code).to.not.equal('The badge could not be checked');
  });

  it('names the node and property of a schema problem, only from known nodes and identifier-like properties', () => {
    expect(problem('ERR_OB_SCHEMA_INVALID', { node: 'BadgeClass', property: 'name' })).to.equal(
      'The badge class has no valid name',
    );
    expect(problem('ERR_OB_SCHEMA_INVALID', { node: 'Assertion', property: 'recipient' })).to.equal(
      'The badge has no valid recipient',
    );
    expect(problem('ERR_OB_SCHEMA_INVALID', { node: 'Profile' })).to.equal(
      'The issuer’s profile is incomplete or malformed',
    );
    expect(problem('ERR_OB_SCHEMA_INVALID', { node: PROSE, property: 'image' })).to.equal(
      'A badge document has no valid image',
    );
    expect(problem('ERR_OB_SCHEMA_INVALID', { node: 'BadgeClass', property: PROSE })).to.equal(
      'The badge class is incomplete or malformed',
    );
    expect(problem('ERR_OB_SCHEMA_INVALID', { node: 'toString' })).to.equal(
      'The badge data is incomplete or malformed',
    );
  });

  it('says where a badge outside its issuer’s scope is hosted, by host only', () => {
    expect(
      problem('ERR_OB_OUTSIDE_ISSUER_SCOPE', {
        id: 'https://evil.example/a.json',
        issuer: 'https://issuer.example/issuer.json',
        allowedOrigins: ['https://issuer.example'],
      }),
    ).to.equal('Hosted at evil.example, not where its issuer says its badges are');
    expect(problem('ERR_OB_OUTSIDE_ISSUER_SCOPE', { id: 'https://xn--vctim-n2e.example/a' })).to.equal(
      'Hosted at xn--vctim-n2e.example, not where its issuer says its badges are',
    );
    expect(problem('ERR_OB_OUTSIDE_ISSUER_SCOPE', { id: 'https://v\u0456ctim.example/a' })).to.equal(
      'Hosted at xn--vctim-n2e.example, not where its issuer says its badges are',
    );
    expect(problem('ERR_OB_OUTSIDE_ISSUER_SCOPE', { id: PROSE })).to.equal(
      'Not hosted where its issuer says its badges are',
    );
    // A redirect that ended on another host: that host answered, so it is the one named.
    expect(
      problem('ERR_OB_OUTSIDE_ISSUER_SCOPE', {
        id: 'https://issuer.example/a.json',
        servedFrom: 'https://issuer.example.evil.test/a.json',
      }),
    ).to.equal('Hosted at issuer.example.evil.test, not where its issuer says its badges are');
  });

  it('describes a hosted badge by where it was downloaded from, and its issuer by its hosting scope', () => {
    const proof = { verification: 'hosted', url: 'https://issuer.example/a/1.json' };
    expect(en.checkLabel('proof', proof)).to.equal('Source');
    expect(en.checkLabel('proof', { alg: 'RS256' })).to.equal('Signature');
    expect(passed('proof', proof)).to.equal('Downloaded from the issuer’s server at issuer.example');
    expect(passed('proof', { ...proof, finalUrl: 'https://cdn.issuer.example:8443/a/1.json' })).to.equal(
      'Downloaded from the issuer’s server at cdn.issuer.example:8443',
    );
    expect(passed('proof', { verification: 'hosted', url: PROSE })).to.equal('Downloaded from the issuer’s server');
    expect(passed('proof', { alg: 'RS256', keyId: 'https://issuer.example/k', keySource: 'ob2-profile' })).to.equal(
      'The signature matches the content (RS256)',
    );
    const issuer = 'https://issuer.example/issuer.json';
    expect(passed('issuer', { issuer, scope: 'issuer-origin' })).to.equal(
      'Hosted on the same site as its issuer, https://issuer.example/issuer.json',
    );
    expect(passed('issuer', { issuer, scope: 'allowedOrigins' })).to.equal(
      'Hosted on a site its issuer, https://issuer.example/issuer.json, lists as its own',
    );
    expect(passed('issuer', { issuer: PROSE, scope: 'startsWith' })).to.equal(
      'Hosted at an address its issuer lists for its badges',
    );
  });

  it('names the OB 2.0 formats and a baked container', () => {
    expect(en.formatName('ob2-hosted')).to.equal('Open Badges 2.0 (hosted)');
    expect(en.formatName('ob2-signed')).to.equal('Open Badges 2.0 (signed)');
    const withFormat: MessageContext = { ...context, format: 'ob2-signed' };
    expect(passed('format', { baked: { container: 'png', location: 'iTXt openbadges' } }, withFormat)).to.equal(
      'Read from a baked PNG image as Open Badges 2.0 (signed)',
    );
    expect(passed('format', { baked: { container: 'svg', location: 'openbadges:assertion' } })).to.equal(
      'Read from a baked SVG image',
    );
    expect(passed('format', { baked: { container: PROSE } }, withFormat)).to.equal('Read as Open Badges 2.0 (signed)');
  });

  it('says whose badge it is without ever quoting an identity or hash', () => {
    expect(en.checkLabel('recipient')).to.equal('Recipient');
    const hash = `sha256$${'ab'.repeat(32)}`;
    expect(
      passed('recipient', { declared: 'mailto:ada@example.org', identityType: 'email', hashed: true, matched: hash }),
    ).to.equal('Awarded to the owner of this page (identified by email address)');
    expect(passed('recipient', { identityType: 'emailAddress' })).to.equal(
      'Awarded to the owner of this page (identified by email address)',
    );
    expect(passed('recipient', { identityType: PROSE })).to.equal('Awarded to the owner of this page');
    const recipient = (code: Check['code'], status: Check['status'] = 'warning') =>
      sentence({ id: 'recipient', status, code, details: { declared: 'mailto:ada@example.org' } } as Check);
    expect(recipient('ERR_OB_RECIPIENT_MISMATCH', 'failed')).to.equal('Awarded to someone else');
    expect(en.banner('unverified', recipient('ERR_OB_RECIPIENT_MISMATCH', 'failed'))).to.equal(
      'Not verified: awarded to someone else',
    );
    // The page's own declaration is unusable: that is not "the badge data is damaged".
    expect(recipient('ERR_OB_MALFORMED')).to.equal('This page names its owner in a form that cannot be checked');
    expect(recipient('ERR_OB_SCHEMA_INVALID')).to.equal(
      'The badge names no recipient to compare with the owner of this page',
    );
    expect(recipient('ERR_OB_UNSUPPORTED')).to.equal(
      'Could not check that this badge belongs to the owner of this page',
    );
    expect(sentence({ id: 'recipient', status: 'skipped', details: { requested: false } })).to.equal(
      'Not checked, because this page does not say who owns it',
    );
    expect(sentence({ id: 'recipient', status: 'skipped', details: { requires: 'proof' } })).to.equal(
      'Not checked, because the signature check did not pass',
    );
  });

  it('says when a check relied on a proxy, naming its host', () => {
    const viaProxy = 'https://proxy.example';
    expect(problem('ERR_OB_FETCH_FAILED', { url: 'https://issuer.example/a.json', viaProxy })).to.equal(
      'The badge could not be downloaded from https://issuer.example/a.json (answered through proxy.example, which could alter answers)',
    );
    expect(passed('status', { entries: 1, viaProxy })).to.equal(
      'Not revoked or suspended (answered through proxy.example, which could alter answers)',
    );
    expect(passed('status', { entries: 1, viaProxy: PROSE })).to.equal(
      'Not revoked or suspended (answered through a proxy, which could alter answers)',
    );
    expect(en.proxyNote('proxy.example')).to.equal('Some answers came through proxy.example, which could alter them.');
    expect(en.proxyNote(undefined)).to.equal('Some answers came through a proxy, which could alter them.');
  });
});

describe('credentials inside credentials', () => {
  it('names presentations as formats and the holder check', () => {
    expect(en.formatName('vp-json')).to.equal('Verifiable Presentation');
    expect(en.formatName('vp-jwt')).to.equal('Verifiable Presentation (JWT)');
    expect(en.checkLabel('holder')).to.equal('Holder');
    const holder = 'did:web:alice.example';
    expect(
      sentence({ id: 'holder', status: 'passed', details: { holder, controller: holder, keyId: `${holder}#1` } }),
    ).to.equal('Signed by its holder, did:web:alice.example');
    expect(sentence({ id: 'holder', status: 'passed', details: { holder: PROSE } })).to.equal('Signed by its holder');
    expect(sentence({ id: 'holder', status: 'skipped', details: { requires: 'proof' } })).to.equal(
      'Not checked, because the signature check did not pass',
    );
  });

  it('says what the new codes mean, with the holder only when it is an identifier', () => {
    expect(problem('ERR_OB_HOLDER_MISMATCH', { holder: 'did:web:alice.example' })).to.equal(
      'The presentation was signed by someone other than its holder, did:web:alice.example',
    );
    expect(problem('ERR_OB_HOLDER_MISMATCH', { holder: PROSE })).to.equal(
      'The presentation was signed by someone other than its holder',
    );
    expect(problem('ERR_OB_ENDORSEMENT_MISMATCH', {})).to.equal('The endorsement is about something else');
    expect(problem('ERR_OB_PRESENTATION_UNSIGNED', {}, 'warning')).to.equal(
      'Nobody signed this presentation: it only carries the credentials',
    );
    expect(en.banner('unverified', problem('ERR_OB_ENDORSEMENT_MISMATCH', {}))).to.equal(
      'Not verified: the endorsement is about something else',
    );
  });

  it('summarizes nested credentials by role and count', () => {
    const counts = (total: number, verified: number, unverified = 0, unknown = 0) => ({
      total,
      verified,
      unverified,
      unknown,
    });
    expect(en.nestedSummary('achievement', counts(13, 12, 1))).to.equal('12 of 13 achievements verified');
    expect(en.nestedSummary('achievement', counts(1, 1))).to.equal('1 of 1 achievement verified');
    expect(en.nestedSummary('endorsement', counts(2, 0, 2))).to.equal('0 of 2 endorsements verified');
    expect(en.nestedSummary('credential', counts(3, 2, 1))).to.equal('2 of 3 credentials verified');
    expect(en.nestedCount('unverified', 1)).to.equal('1 not verified');
    expect(en.nestedCount('unknown', 2)).to.equal('2 status unknown');
    expect(en.nestedNamesLead('unverified')).to.equal('Not verified:');
    expect(en.nestedMore(3)).to.equal('and 3 more');
    expect(en.nestedHeading('achievement')).to.equal('Achievements');
    expect(en.achievementGroup(undefined)).to.equal('Other achievements');
    expect(en.nestedProgress(16, 100)).to.equal('Showing 16 of 100…');
  });

  it('words endorsements and presentations', () => {
    expect(en.endorsedBy).to.equal('Endorsed by');
    expect(en.endorsementAbout('achievement')).to.equal('About the achievement');
    expect(en.endorsementAbout('issuer')).to.equal('About the issuer');
    expect(en.endorsementAbout('credential')).to.equal('About this credential');
    expect(en.endorses('Data Guild', 'https://example.edu/a/1')).to.equal(
      'Data Guild endorses https://example.edu/a/1',
    );
    expect(en.endorses(undefined, undefined)).to.equal('Someone endorses something not named');
    expect(en.presentedBy('did:web:alice.example', 'proven')).to.equal('Presented by did:web:alice.example');
    expect(en.presentedBy('did:web:alice.example', 'unproven')).to.equal(
      'Names did:web:alice.example as its holder (not proven)',
    );
    expect(en.unsignedVerdict).to.equal('Not signed');
    expect(en.unsignedPresentation(3)).to.equal(
      'Not a signed presentation: a container of 3 credentials, each checked on its own',
    );
    expect(en.unsignedPresentation(1)).to.equal(
      'Not a signed presentation: a container of 1 credential, checked on its own',
    );
  });
});

describe('who the issuer is, claims and progress', () => {
  it('words trust lines, claims and the check being run', () => {
    expect(en.knownIssuer('Example University', 'Example Careers')).to.equal(
      'Known issuer: Example University, per Example Careers',
    );
    expect(en.knownIssuer('Example University', undefined)).to.equal('Known issuer: Example University');
    expect(en.notKnownIssuer).to.equal('Not on this site’s list of known issuers');
    expect(en.issuerNameStated).to.equal('Name as stated by the issuer');
    expect(en.domainConfirmed('example.edu')).to.equal('Domain confirmed: example.edu');
    expect(en.domainMethod('example.edu', 'did:web', true)).to.equal(
      'example.edu is confirmed as the issuer’s: the issuer’s DID (did:web) is served from it',
    );
    expect(en.domainMethod('example.edu', 'issuer-id', true)).to.equal(
      'example.edu is confirmed as the issuer’s: the issuer’s profile and keys are served from it',
    );
    expect(en.domainMethod('example.org', 'did-configuration', true)).to.equal(
      'example.org is confirmed as the issuer’s: its site links the issuer’s DID (DID Configuration)',
    );
    expect(en.domainMethod('example.org', 'did-configuration', false)).to.equal(
      'example.org is not confirmed as the issuer’s: its site does not link the issuer’s DID',
    );
    expect(en.claimsFrom('Northwind Coding Academy')).to.equal('Claims to be from Northwind Coding Academy');
    expect(en.claimsAwardedTo('Ada Lovelace')).to.equal('Claims to be awarded to Ada Lovelace');
    expect(en.claimsEndorsedBy).to.equal('Claims to be endorsed by');
    expect(en.claimsToEndorse('Data Guild', 'https://example.edu/a/1')).to.equal(
      'Claims to be an endorsement of https://example.edu/a/1 by Data Guild',
    );
    expect(en.claimsToEndorse(undefined, undefined)).to.equal('Claims to be an endorsement by someone');
    expect(
      ['format', 'proof', 'issuer', 'validity', 'status', 'recipient', 'holder', undefined].map(en.checkingNext),
    ).to.deep.equal([
      'Reading the badge…',
      'Checking the signature…',
      'Checking the issuer…',
      'Checking the dates…',
      'Checking status…',
      'Checking the recipient…',
      'Checking…',
      'Checking…',
    ]);
  });
});

describe('withFallback', () => {
  it('takes each missing or mistyped member from en, and keeps the translation’s', () => {
    const partial = { loading: 'Vérification…', issuedBy: 42, verdict: () => 'Vérifié', checkLabel: 'x' };
    const merged = withFallback(partial, en);
    expect(merged.loading).to.equal('Vérification…');
    expect(merged.verdict('verified')).to.equal('Vérifié');
    expect(merged.issuedBy).to.equal('Issued by');
    expect(merged.checkLabel('proof')).to.equal('Signature');
    expect(merged.awardedTo('Ada')).to.equal('Awarded to Ada');
    for (const key of Object.keys(en) as (keyof Messages)[]) expect(typeof merged[key], key).to.equal(typeof en[key]);
  });

  it('en’s sentences speak with the translation’s labels; a class instance’s methods count', () => {
    class French {
      checkLabel(id: string): string {
        return id === 'proof' ? 'signature' : id;
      }
    }
    const merged = withFallback(new French(), en);
    expect(merged.checkSentence({ id: 'issuer', status: 'skipped', details: { requires: 'proof' } }, context)).to.equal(
      'Not checked, because the signature check did not pass',
    );
  });

  it('anything that is not an object is en itself', () => {
    for (const value of [undefined, null, 42, 'fr', en]) expect(withFallback(value, en)).to.equal(en);
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no');
        },
      },
    );
    expect(withFallback(hostile, en).loading).to.equal(en.loading);
  });

  it('merges one group of strings at a time: each part of the card merges the page’s messages with its own', () => {
    const partial = {
      loading: 'Vérification…',
      nestedMore: (count: number) => `et ${count} de plus`,
      notKnownIssuer: 7,
    };
    const card = withFallback(partial, cardEn);
    expect(card.loading).to.equal('Vérification…');
    expect(Object.keys(card).sort()).to.deep.equal(Object.keys(cardEn).sort());
    const nested = withFallback(partial, nestedEn);
    expect(nested.nestedMore(3)).to.equal('et 3 de plus');
    expect(nested.showDetails).to.equal('Show details');
    expect(Object.keys(nested).sort()).to.deep.equal(Object.keys(nestedEn).sort());
    expect(withFallback(partial, trustEn).notKnownIssuer).to.equal(trustEn.notKnownIssuer);
    // Together, the groups are every string, once each: en.
    const keys = [...Object.keys(cardEn), ...Object.keys(nestedEn), ...Object.keys(trustEn)];
    expect(new Set(keys).size).to.equal(keys.length);
    expect(keys.sort()).to.deep.equal(Object.keys(en).sort());
  });
});

describe('en messages: bounded work and "could not ask"', () => {
  it('a key that could not be reached reads as unreachable, never as "could not be found"', () => {
    const sentence = problem(
      'ERR_OB_KEY_UNREACHABLE',
      { url: 'https://issuer.example/.well-known/did.json', cause: 'ERR_OB_FETCH_TIMEOUT' },
      'warning',
    );
    expect(sentence).to.match(/^Could not reach the issuer’s keys/);
    expect(sentence).not.to.include('could not be found');
    expect(problem('ERR_OB_KEY_UNREACHABLE', {}, 'warning')).to.equal('Could not reach the issuer’s keys');
    expect(problem('ERR_OB_KEY_UNREACHABLE', { url: PROSE }, 'warning')).to.equal('Could not reach the issuer’s keys');
  });

  it('a status list nobody could reach says so; one that answered without a list says it could not be downloaded', () => {
    expect(problem('ERR_OB_STATUS_UNAVAILABLE', { unreachable: true }, 'warning')).to.equal(
      'Revocation status could not be checked (the issuer’s status list could not be reached)',
    );
    expect(problem('ERR_OB_STATUS_UNAVAILABLE', { unreachable: false, status: 404 }, 'warning')).to.equal(
      'Revocation status could not be checked (the issuer’s status list could not be downloaded)',
    );
  });

  it('too many status entries, and an SVG too complex to read, each say so', () => {
    expect(problem('ERR_OB_STATUS_TOO_MANY', { entries: 400, max: 4 }, 'warning')).to.equal(
      'Revocation status was not checked (the badge names 400 status lists; at most 4 are checked)',
    );
    expect(problem('ERR_OB_TOO_LARGE', { container: 'svg', reason: 'depth', max: 256 })).to.equal(
      'The image is too complex to read',
    );
  });
});

describe('en messages: documents from local files', () => {
  it('a hosted badge read from a file given for its URL never reads as downloaded from the issuer’s server', () => {
    const url = 'https://issuer.example/assertions/1.json';
    const local = { id: 'proof', status: 'passed', details: { verification: 'hosted', url, source: 'local' } } as Check;
    expect(sentence(local)).to.equal('Read from the file given for https://issuer.example/assertions/1.json');
    const served = { id: 'proof', status: 'passed', details: { verification: 'hosted', url } } as Check;
    expect(sentence(served)).to.equal('Downloaded from the issuer’s server at issuer.example');
  });

  it('any other check that relied on a local document says which file it stood in for', () => {
    const did = 'https://issuer.example/.well-known/did.json';
    const check = {
      id: 'proof',
      status: 'passed',
      details: { alg: 'EdDSA', source: 'local', localDocuments: [did] },
    } as Check;
    expect(sentence(check)).to.equal(
      'The signature matches the content (EdDSA) (from the file given for https://issuer.example/.well-known/did.json)',
    );
    const several = { ...check, details: { ...check.details, localDocuments: [did, `${did}2`] } } as Check;
    expect(sentence(several)).to.equal(
      'The signature matches the content (EdDSA) (from files given for its documents)',
    );
  });
});
