import { expect } from '@open-wc/testing';
import type { VerifyContext } from '../plugin.js';
import { verdictOf, type Check } from '../result.js';
import { checkRecipient, parseDeclaredRecipient } from './recipient.js';
import { recipientStep } from './recipient-step.js';

// Vectors computed with an independent SHA-256/MD5 (Node's crypto); the first is the one in
// test/conformance/ob2-hosted/1edtech-dcpv/basic-assertion.json, the OB 3.0 ones are the spec's.
const NOBODY_DEADSEA = 'sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942';
const ADA_UNSALTED = 'sha256$cfe00dde46ef942601ffafb9e2825e802858b460e586b8305b344c1eb826357d';
const ADA_MD5_NACL = 'md5$6b2c8dbdaa919ce959c3a125b9195ee1';
const ADA_KOSHER = 'sha256$97517e34b6441f72ebcbb274d157a72ebc3da200f3bd057db01576f602b28d9d';
const SPEC_A_KOSHER = 'sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399';
const SPEC_JJ_FLEURDESEL = 'sha256$658625b25ab3d75d613ca97d9a5a77f70e2192feca5557f4ad09a4d4f121f5fc';
const URL_SLASH_S1 = 'sha256$7d477a23bd19c986f6865ea9601badeb6360de69d9c6631a11df5d238bf4cd90'; // 'https://ada.example.org/' + 's1'
const URL_BARE_S1 = 'sha256$6857f50e4741159ce5b7b919b39b0da69022ceb3465b8aaefb57a26f98fb2c9a'; // 'https://ada.example.org' + 's1'
const TEL_PEPPER = 'sha256$44eee3d7560845242e6157ccb57b91276bfb845db69de394fc49ba2c619ab43d'; // '+15551234567' + 'pepper'
const DID_X = 'sha256$1e270992b1a44a6c96527eb83c5361491271a4adb28f56bec8770317b0d8fb85'; // 'did:example:ada' + 'x'

const ob2 = (recipient: unknown) => ({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', recipient });
const ob3 = (credentialSubject: unknown) => ({
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  credentialSubject,
});
const identifier = (fields: Record<string, unknown>) => ({ type: 'IdentityObject', ...fields });

describe('parseDeclaredRecipient', () => {
  it('reads mailto:, bare email, http(s) URLs, tel: and DIDs', () => {
    expect(parseDeclaredRecipient('mailto:ada@example.org')).to.deep.equal({ kind: 'email', value: 'ada@example.org' });
    expect(parseDeclaredRecipient('MAILTO:Ada%40example.org')).to.deep.equal({
      kind: 'email',
      value: 'Ada@example.org',
    });
    expect(parseDeclaredRecipient('  ada@example.org ')).to.deep.equal({ kind: 'email', value: 'ada@example.org' });
    expect(parseDeclaredRecipient('https://ada.example.org/me')).to.deep.equal({
      kind: 'url',
      value: 'https://ada.example.org/me',
    });
    expect(parseDeclaredRecipient('http://ada.example.org')).to.deep.equal({
      kind: 'url',
      value: 'http://ada.example.org',
    });
    expect(parseDeclaredRecipient('tel:+1 (555) 123-4567')).to.deep.equal({
      kind: 'telephone',
      value: '+1 (555) 123-4567',
    });
    expect(parseDeclaredRecipient('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK')).to.deep.equal({
      kind: 'did',
      value: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
    });
    expect(parseDeclaredRecipient('did:web:example.org:users:ada')?.kind).to.equal('did');
  });

  it('rejects everything else', () => {
    for (const text of [
      '',
      '   ',
      'Ada Lovelace',
      'javascript:alert(1)',
      'ftp://example.org/',
      'https://',
      'mailto:',
      'mailto:not-an-address',
      'mailto:ada@example.org?subject=hi',
      'mailto:%E0%A4%A',
      'tel:call me',
      'tel:',
      'did:example',
      'did:example:',
      'did:example:ada#key-1',
      'did:Example:ada',
      'a@b@c',
      `${'a'.repeat(5000)}@example.org`,
    ]) {
      expect(parseDeclaredRecipient(text), text).to.equal(undefined);
    }
    expect(parseDeclaredRecipient(42 as unknown as string)).to.equal(undefined);
  });
});

describe('checkRecipient', () => {
  describe('when nothing was declared', () => {
    it('is skipped as not requested, which does not count against the verdict', async () => {
      for (const declared of [undefined, '', '  ']) {
        const outcome = await checkRecipient(
          ob2({ type: 'email', hashed: false, identity: 'x@example.org' }),
          declared,
        );
        expect(outcome.status).to.equal('skipped');
        expect(outcome.message).to.match(/^No recipient identity was declared/);
        expect(outcome.details).to.deep.equal({ requested: false });
        const checks: Check[] = [
          { id: 'proof', status: 'passed' },
          { id: 'recipient', ...outcome },
        ];
        expect(verdictOf(checks)).to.equal('verified');
      }
    });
  });

  describe('OB 2.0 recipient', () => {
    it('matches the conformance vector: sha256 of email + salt', async () => {
      const outcome = await checkRecipient(
        ob2({ type: 'email', hashed: true, salt: 'deadsea', identity: NOBODY_DEADSEA }),
        'mailto:nobody@example.org',
      );
      expect(outcome.status).to.equal('passed');
      expect(outcome.message).to.equal('Awarded to the owner of this page');
      expect(outcome.details).to.deep.equal({
        declared: 'mailto:nobody@example.org',
        identityType: 'email',
        hashed: true,
        matched: 'exact',
      });
      expect(
        verdictOf([
          { id: 'proof', status: 'passed' },
          { id: 'recipient', ...outcome },
        ]),
      ).to.equal('verified');
    });

    it('never puts the hash in the outcome', async () => {
      const passed = await checkRecipient(
        ob2({ type: 'email', hashed: true, salt: 'deadsea', identity: NOBODY_DEADSEA }),
        'nobody@example.org',
      );
      const failed = await checkRecipient(
        ob2({ type: 'email', hashed: true, salt: 'deadsea', identity: NOBODY_DEADSEA }),
        'somebody@example.org',
      );
      for (const outcome of [passed, failed]) {
        const text = JSON.stringify(outcome);
        expect(text).not.to.include('ecf5409f');
        expect(text).not.to.include('deadsea');
      }
    });

    it('hashes without a salt when none is given', async () => {
      const outcome = await checkRecipient(
        ob2({ type: 'email', hashed: true, identity: ADA_UNSALTED }),
        'ada@example.org',
      );
      expect(outcome.status).to.equal('passed');
    });

    it('accepts uppercase hex and an uppercase algorithm name', async () => {
      const outcome = await checkRecipient(
        ob2({ type: 'email', hashed: true, salt: 'deadsea', identity: NOBODY_DEADSEA.toUpperCase() }),
        'nobody@example.org',
      );
      expect(outcome.status).to.equal('passed');
    });

    it('retries an email in lower case (issuers commonly lowercase before hashing)', async () => {
      const outcome = await checkRecipient(
        ob2({ type: 'email', hashed: true, salt: 'Kosher', identity: ADA_KOSHER }),
        'mailto:Ada@Example.ORG',
      );
      expect(outcome.status).to.equal('passed');
      expect(outcome.details!['matched']).to.equal('lowercase');
    });

    it('checks an md5 identity (lazily loaded)', async () => {
      const outcome = await checkRecipient(
        ob2({ type: 'email', hashed: true, salt: 'NaCl', identity: ADA_MD5_NACL }),
        'ada@example.org',
      );
      expect(outcome.status).to.equal('passed');
      expect(outcome.details).to.deep.include({ hashed: true, matched: 'exact' });
      const other = await checkRecipient(
        ob2({ type: 'email', hashed: true, salt: 'NaCl', identity: ADA_MD5_NACL }),
        'bob@example.org',
      );
      expect(other.status).to.equal('failed');
      expect(other.code).to.equal('ERR_OB_RECIPIENT_MISMATCH');
    });

    it('reads "hashed" given as a string, and a hash-shaped identity when "hashed" is missing', async () => {
      const asString = await checkRecipient(
        ob2({ type: 'email', hashed: 'true', salt: 'deadsea', identity: NOBODY_DEADSEA }),
        'nobody@example.org',
      );
      expect(asString.status).to.equal('passed');
      const missing = await checkRecipient(
        ob2({ type: 'email', salt: 'deadsea', identity: NOBODY_DEADSEA }),
        'nobody@example.org',
      );
      expect(missing.status).to.equal('passed');
      expect(missing.details!['hashed']).to.equal(true);
    });

    it('compares unhashed values as given, then in lower case', async () => {
      const exact = await checkRecipient(
        ob2({ type: 'email', hashed: false, identity: 'ada@example.org' }),
        'mailto:ada@example.org',
      );
      expect(exact.details).to.deep.equal({
        declared: 'mailto:ada@example.org',
        identityType: 'email',
        hashed: false,
        matched: 'exact',
      });
      const folded = await checkRecipient(
        ob2({ type: 'email', hashed: false, identity: 'ADA@example.org' }),
        'ada@example.org',
      );
      expect(folded.status).to.equal('passed');
      expect(folded.details!['matched']).to.equal('lowercase');
    });

    it('compares a URL after WHATWG normalisation, hashed either way', async () => {
      const plain = await checkRecipient(
        ob2({ type: 'url', hashed: false, identity: 'HTTPS://Ada.Example.org' }),
        'https://ada.example.org/',
      );
      expect(plain.status).to.equal('passed');
      expect(plain.details!['matched']).to.equal('normalized');
      const slash = await checkRecipient(
        ob2({ type: 'url', hashed: true, salt: 's1', identity: URL_SLASH_S1 }),
        'https://ada.example.org',
      );
      expect(slash.status).to.equal('passed');
      expect(slash.details!['matched']).to.equal('normalized');
      const bare = await checkRecipient(
        ob2({ type: 'url', hashed: true, salt: 's1', identity: URL_BARE_S1 }),
        'https://ada.example.org/',
      );
      expect(bare.status).to.equal('passed');
    });

    it('compares a telephone number without spaces, dashes and parentheses', async () => {
      const hashed = await checkRecipient(
        ob2({ type: 'telephone', hashed: true, salt: 'pepper', identity: TEL_PEPPER }),
        'tel:+1 (555) 123-4567',
      );
      expect(hashed.status).to.equal('passed');
      expect(hashed.details).to.deep.include({ identityType: 'telephone', matched: 'normalized' });
      const plain = await checkRecipient(
        ob2({ type: 'telephone', hashed: false, identity: '+1-555-123-4567' }),
        'tel:+15551234567',
      );
      expect(plain.status).to.equal('passed');
    });

    it('never matches an identity of another kind', async () => {
      // The URL identity's value is literally the declared email: still not a match.
      const outcome = await checkRecipient(
        ob2({ type: 'url', hashed: false, identity: 'ada@example.org' }),
        'ada@example.org',
      );
      expect(outcome.status).to.equal('failed');
      expect(outcome.code).to.equal('ERR_OB_RECIPIENT_MISMATCH');
      expect(outcome.details).to.deep.equal({ declared: 'ada@example.org', identityTypes: ['url'] });
    });

    it('fails when awarded to someone else', async () => {
      const outcome = await checkRecipient(
        ob2({ type: 'email', hashed: true, salt: 'deadsea', identity: NOBODY_DEADSEA }),
        'ada@example.org',
      );
      expect(outcome.status).to.equal('failed');
      expect(outcome.code).to.equal('ERR_OB_RECIPIENT_MISMATCH');
      expect(outcome.details).to.deep.equal({ declared: 'ada@example.org', identityTypes: ['email'] });
      expect(
        verdictOf([
          { id: 'proof', status: 'passed' },
          { id: 'recipient', ...outcome },
        ]),
      ).to.equal('unverified');
    });

    it('treats an unknown hash algorithm as not matching, and says so', async () => {
      const outcome = await checkRecipient(
        ob2({ type: 'email', hashed: true, identity: `sha512$${'ab'.repeat(64)}` }),
        'ada@example.org',
      );
      expect(outcome.status).to.equal('failed');
      expect(outcome.code).to.equal('ERR_OB_RECIPIENT_MISMATCH');
      expect(outcome.details!['unsupportedHashes']).to.deep.equal(['sha512']);
      const malformed = await checkRecipient(
        ob2({ type: 'email', hashed: true, identity: 'sha256$abc' }),
        'ada@example.org',
      );
      expect(malformed.status).to.equal('failed');
      expect(malformed.details!['unsupportedHashes']).to.deep.equal(['(malformed)']);
    });
  });

  describe('OB 3.0 / VC credentialSubject', () => {
    it('matches the OB 3.0 spec vectors', async () => {
      const spec = await checkRecipient(
        ob3({
          type: ['AchievementSubject'],
          identifier: identifier({
            identityType: 'emailAddress',
            hashed: true,
            salt: 'Kosher',
            identityHash: SPEC_A_KOSHER,
          }),
        }),
        'a@example.com',
      );
      expect(spec.status).to.equal('passed');
      expect(spec.details).to.deep.equal({
        declared: 'a@example.com',
        identityType: 'emailAddress',
        hashed: true,
        matched: 'exact',
      });
      // The implementation guide labels it `email`.
      const guide = await checkRecipient(
        ob3({
          identifier: identifier({
            identityType: 'email',
            hashed: true,
            salt: 'FleurDeSel',
            identityHash: SPEC_JJ_FLEURDESEL,
          }),
        }),
        'mailto:jjefferson18@example.com',
      );
      expect(guide.status).to.equal('passed');
    });

    it('tries every identifier, skipping other types', async () => {
      const outcome = await checkRecipient(
        ob3({
          identifier: [
            identifier({ identityType: 'sourcedId', hashed: false, identityHash: 'ada@example.org' }),
            identifier({ identityType: 'emailAddress', hashed: false, identityHash: 'student@1edtech.edu' }),
            identifier({ identityType: 'emailAddress', hashed: true, salt: 'NaCl', identityHash: ADA_MD5_NACL }),
          ],
        }),
        'ada@example.org',
      );
      expect(outcome.status).to.equal('passed');
      expect(outcome.details).to.deep.equal({
        declared: 'ada@example.org',
        identityType: 'emailAddress',
        hashed: true,
        matched: 'exact',
      });
    });

    it('lists the identity types it saw when none matches', async () => {
      const outcome = await checkRecipient(
        ob3({
          id: 'did:example:bob',
          identifier: [
            identifier({ identityType: 'sourcedId', hashed: false, identityHash: '12345' }),
            identifier({ identityType: 'emailAddress', hashed: false, identityHash: 'bob@example.org' }),
          ],
        }),
        'ada@example.org',
      );
      expect(outcome.status).to.equal('failed');
      expect(outcome.code).to.equal('ERR_OB_RECIPIENT_MISMATCH');
      expect(outcome.details).to.deep.equal({
        declared: 'ada@example.org',
        identityTypes: ['id', 'sourcedId', 'emailAddress'],
      });
    });

    it('accepts a subject id equal to the declared DID, and only exactly', async () => {
      const outcome = await checkRecipient(ob3({ id: 'did:example:ada' }), 'did:example:ada');
      expect(outcome.status).to.equal('passed');
      expect(outcome.details).to.deep.equal({
        declared: 'did:example:ada',
        identityType: 'id',
        hashed: false,
        matched: 'exact',
      });
      const other = await checkRecipient(ob3({ id: 'did:example:Ada' }), 'did:example:ada');
      expect(other.status).to.equal('failed');
    });

    it('accepts a mailto: subject id for a declared email, and a URL subject id for a declared URL', async () => {
      const email = await checkRecipient(ob3({ id: 'mailto:Ada@example.org' }), 'ada@example.org');
      expect(email.status).to.equal('passed');
      expect(email.details).to.deep.include({ identityType: 'id', matched: 'lowercase' });
      const url = await checkRecipient(ob3([{ id: 'https://ada.example.org' }]), 'https://ada.example.org/');
      expect(url.status).to.equal('passed');
      const notUrl = await checkRecipient(ob3({ id: 'did:example:ada' }), 'https://ada.example.org/');
      expect(notUrl.status).to.equal('failed');
    });

    it('matches a hashed DID identifier', async () => {
      const outcome = await checkRecipient(
        ob3({ identifier: identifier({ identityType: 'did', hashed: true, salt: 'x', identityHash: DID_X }) }),
        'did:example:ada',
      );
      expect(outcome.status).to.equal('passed');
      expect(outcome.details).to.deep.include({ identityType: 'did', hashed: true });
    });

    it('reads the same shape in a CLR credential', async () => {
      const outcome = await checkRecipient(
        {
          type: ['VerifiableCredential', 'ClrCredential'],
          credentialSubject: {
            type: 'ClrSubject',
            identifier: [identifier({ identityType: 'emailAddress', hashed: true, identityHash: ADA_UNSALTED })],
          },
        },
        'ada@example.org',
      );
      expect(outcome.status).to.equal('passed');
    });
  });

  describe('a badge that names no recipient', () => {
    it('is a warning (status unknown), not "someone else"', async () => {
      for (const credential of [
        { type: 'Assertion' },
        ob3({ type: 'AchievementSubject', achievement: {} }),
        ob2({ type: 'email', hashed: true }),
        ob3({ identifier: [identifier({ identityType: 'emailAddress', hashed: true, identityHash: 42 })] }),
      ]) {
        const outcome = await checkRecipient(credential, 'ada@example.org');
        expect(outcome.status, JSON.stringify(credential)).to.equal('warning');
        expect(outcome.code).to.equal('ERR_OB_SCHEMA_INVALID');
        expect(outcome.details!['declared']).to.equal('ada@example.org');
        expect(
          verdictOf([
            { id: 'proof', status: 'passed' },
            { id: 'recipient', ...outcome },
          ]),
        ).to.equal('unknown');
      }
    });
  });

  describe('a declaration that is not a supported form', () => {
    it('is a warning naming the declaration, never a failure of the badge', async () => {
      const outcome = await checkRecipient(
        ob2({ type: 'email', hashed: false, identity: 'ada@example.org' }),
        'Ada Lovelace',
      );
      expect(outcome.status).to.equal('warning');
      expect(outcome.code).to.equal('ERR_OB_MALFORMED');
      expect(outcome.details).to.deep.equal({ declared: 'Ada Lovelace' });
      expect(
        verdictOf([
          { id: 'proof', status: 'passed' },
          { id: 'recipient', ...outcome },
        ]),
      ).to.equal('unknown');
    });

    it('caps a huge declaration in its details', async () => {
      const outcome = await checkRecipient(ob2({ type: 'email', identity: 'x@example.org' }), 'x'.repeat(1_000_000));
      expect(outcome.status).to.equal('warning');
      expect(String(outcome.details!['declared']).length).to.be.below(300);
    });
  });

  describe('without WebCrypto (an insecure context)', () => {
    it('falls back to a library SHA-256', async () => {
      // `subtle` lives on Crypto.prototype: an own property shadows it, and deleting that restores it.
      Object.defineProperty(crypto, 'subtle', { value: undefined, configurable: true });
      try {
        expect(crypto.subtle).to.equal(undefined);
        const outcome = await checkRecipient(
          ob2({ type: 'email', hashed: true, salt: 'deadsea', identity: NOBODY_DEADSEA }),
          'nobody@example.org',
        );
        expect(outcome.status).to.equal('passed');
      } finally {
        delete (crypto as { subtle?: SubtleCrypto }).subtle;
      }
      expect(crypto.subtle).to.be.an.instanceOf(SubtleCrypto);
    });
  });

  describe('hostile input', () => {
    it('gives a clean outcome for wrong types, never a throw', async () => {
      const cases: unknown[] = [
        null,
        [],
        'a string',
        { recipient: 'ada@example.org' },
        { recipient: [{ type: 'email', identity: 'ada@example.org' }] },
        { recipient: { type: 42, identity: 'ada@example.org', hashed: 'maybe' } },
        { recipient: { type: 'email', identity: 'ada@example.org', salt: { $ne: 1 } } },
        { credentialSubject: 42 },
        { credentialSubject: [null, 1, 'x', { identifier: 'ada@example.org' }] },
        { credentialSubject: { id: { id: 'did:example:ada' }, identifier: [null, [], 'x'] } },
      ];
      for (const credential of cases) {
        const outcome = await checkRecipient(credential as Record<string, unknown>, 'ada@example.org');
        expect(['failed', 'warning'], JSON.stringify(credential)).to.include(outcome.status);
        expect(outcome.code).to.be.a('string');
      }
    });

    it('bounds huge identities, salts and lists', async () => {
      const huge = 'a'.repeat(1_000_000);
      const big = await checkRecipient(
        ob2({ type: 'email', hashed: false, identity: `${huge}@example.org` }),
        'ada@example.org',
      );
      expect(big.status).to.equal('warning');
      expect(JSON.stringify(big).length).to.be.below(1000);
      const salty = await checkRecipient(
        ob2({ type: 'email', hashed: true, salt: huge, identity: NOBODY_DEADSEA }),
        'nobody@example.org',
      );
      expect(salty.status).to.equal('warning');
      const label = await checkRecipient(
        ob2({ type: huge, hashed: false, identity: 'ada@example.org' }),
        'ada@example.org',
      );
      expect(label.status).to.equal('failed');
      expect(label.details!['identityTypes']).to.deep.equal(['(unknown)']);

      // 10,000 identifiers: at most 20 are examined, the match at the end is never reached.
      const many = Array.from({ length: 10_000 }, (_, i) =>
        identifier({ identityType: 'emailAddress', hashed: true, salt: String(i), identityHash: ADA_UNSALTED }),
      );
      many.push(identifier({ identityType: 'emailAddress', hashed: true, identityHash: ADA_UNSALTED }));
      const outcome = await checkRecipient(ob3({ identifier: many }), 'ada@example.org');
      expect(outcome.status).to.equal('failed');
      expect(outcome.details).to.deep.equal({
        declared: 'ada@example.org',
        identityTypes: ['emailAddress'],
        ignored: 9981, // 10,001 - 20: the bound, counted, not timed
      });
    });
  });
});

describe('recipientStep', () => {
  it('runs after the proof on parsed.credential with context.recipient', async () => {
    expect(recipientStep.id).to.equal('recipient');
    expect(recipientStep.requires).to.deep.equal(['proof']);
    const credential = ob2({ type: 'email', hashed: true, salt: 'deadsea', identity: NOBODY_DEADSEA });
    const passed = await recipientStep.run({ credential }, {
      recipient: 'nobody@example.org',
    } as unknown as VerifyContext);
    expect(passed.status).to.equal('passed');
    const skipped = await recipientStep.run({ credential }, {} as unknown as VerifyContext);
    expect(skipped.details).to.deep.equal({ requested: false });
  });
});
