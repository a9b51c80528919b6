import { expect } from '@open-wc/testing';
import { createDocumentCache } from '../fetcher.js';
import { summarizeNested, type VerificationResult } from '../result.js';
import { createVerifier } from '../verify.js';
import { MAX_NESTED_PER_CREDENTIAL } from './nested.js';
import { credentialFor, createDidJwkIssuer, sign, signVcJwt } from '../../../test/helpers/issuer.js';
import { createDidKeyIssuer, signDataIntegrity, type DiIssuer } from '../../../test/helpers/data-integrity.js';

const now = new Date('2026-06-01T00:00:00Z');
const verifier = createVerifier({ offline: true, cache: createDocumentCache() });
const verify = (input: Record<string, unknown> | string) => verifier.verify(input, { now });

const CLR_CONTEXT = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
];

function clrFor(
  issuerId: string,
  achievements: unknown[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    '@context': CLR_CONTEXT,
    id: 'urn:uuid:9f0c1b2a-0000-4000-8000-00000000c1c1',
    type: ['VerifiableCredential', 'ClrCredential'],
    issuer: { id: issuerId, type: ['Profile'], name: 'Registrar' },
    validFrom: '2025-01-01T00:00:00Z',
    name: 'Transcript',
    credentialSubject: {
      id: 'did:example:learner',
      type: ['ClrSubject'],
      verifiableCredential: achievements,
      ...extra,
    },
  };
}

function achievement(issuerId: string, n: number): Record<string, unknown> {
  return credentialFor(issuerId, {
    id: `urn:uuid:5d5c3c4a-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
    name: `Course ${n}`,
  });
}

function verdicts(result: VerificationResult): string[] {
  return (result.nested ?? []).map((item) => `${item.role}:${item.result.verdict}`);
}

describe('credentials inside credentials', () => {
  let registrar: DiIssuer;
  let school: DiIssuer;
  let endorser: DiIssuer;
  before(async () => {
    registrar = await createDidKeyIssuer();
    school = await createDidKeyIssuer();
    endorser = await createDidKeyIssuer();
  });

  describe('a CLR 2.0 transcript', () => {
    it('verifies the CLR on its own checks and every achievement on its own', async () => {
      const valid = await signDataIntegrity(achievement(school.did, 1), school);
      const tampered = { ...(await signDataIntegrity(achievement(school.did, 2), school)), name: 'Course 2 (edited)' };
      const jwtIssuer = await createDidJwkIssuer('ES256');
      const asJwt = await signVcJwt(jwtIssuer, achievement(jwtIssuer.did, 3));
      const clr = await signDataIntegrity(clrFor(registrar.did, [valid, tampered, asJwt]), registrar);
      const result = await verify(clr);
      expect(result.verdict, JSON.stringify(result.checks)).to.equal('verified');
      expect(result.badge?.spec).to.equal('clr');
      expect(verdicts(result)).to.deep.equal([
        'achievement:verified',
        'achievement:unverified',
        'achievement:verified',
      ]);
      expect(result.nested![1]!.location).to.equal('credentialSubject.verifiableCredential[1]');
      expect(result.nested![1]!.result.checks.find((c) => c.id === 'proof')?.code).to.equal('ERR_OB_SIGNATURE_INVALID');
      expect(summarizeNested(result, 'achievement')).to.deep.equal({
        total: 3,
        verified: 2,
        unverified: 1,
        unknown: 0,
      });
    });

    it('keeps its achievements verified when the CLR itself fails, and never hides them', async () => {
      const valid = await signDataIntegrity(achievement(school.did, 1), school);
      const clr = {
        ...(await signDataIntegrity(clrFor(registrar.did, [valid]), registrar)),
        name: 'Forged transcript',
      };
      const result = await verify(clr);
      expect(result.verdict).to.equal('unverified');
      expect(verdicts(result)).to.deep.equal(['achievement:verified']);
    });

    it('keeps associations in the render model', async () => {
      const association = {
        type: 'Association',
        associationType: 'isChildOf',
        sourceId: 'https://example.org/a/course',
        targetId: 'https://example.org/a/programme',
      };
      const clr = await signDataIntegrity(clrFor(registrar.did, [], { association: [association] }), registrar);
      const result = await verify(clr);
      expect(result.badge?.associations).to.deep.equal([
        { type: 'isChildOf', sourceId: 'https://example.org/a/course', targetId: 'https://example.org/a/programme' },
      ]);
    });

    it('checks at most a fixed number of achievements and says the rest were not checked', async () => {
      // Cheap to refuse: credentials with no VC context.
      const many = Array.from({ length: MAX_NESTED_PER_CREDENTIAL + 25 }, () => ({ type: ['VerifiableCredential'] }));
      const clr = await signDataIntegrity(clrFor(registrar.did, many), registrar);
      const result = await verify(clr);
      expect(result.nested).to.have.length(MAX_NESTED_PER_CREDENTIAL + 1);
      const marker = result.nested![MAX_NESTED_PER_CREDENTIAL]!;
      expect(marker.result.checks[0]).to.deep.include({ id: 'format', status: 'warning', code: 'ERR_OB_TOO_LARGE' });
      expect(result.nested![0]!.result.checks[0]!.code).to.equal('ERR_OB_MALFORMED');
    });

    it('reads no deeper than a credential inside a credential inside the badge', async () => {
      const innermost = await signDataIntegrity(achievement(school.did, 1), school);
      const middle = await signDataIntegrity(clrFor(registrar.did, [innermost]), registrar);
      const outer = await signDataIntegrity(clrFor(registrar.did, [middle]), registrar);
      const result = await verify(outer);
      const inner = result.nested![0]!.result;
      expect(inner.verdict).to.equal('verified');
      expect(inner.nested?.[0]?.result.verdict).to.equal('verified');
      expect(inner.nested?.[0]?.result.nested).to.equal(undefined);
    });
  });

  describe('endorsements', () => {
    function endorsementOf(subjectId: string, comment: string): Record<string, unknown> {
      return {
        '@context': [
          'https://www.w3.org/ns/credentials/v2',
          'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
        ],
        id: `urn:uuid:e0000000-0000-4000-8000-${String(comment.length).padStart(12, '0')}`,
        type: ['VerifiableCredential', 'EndorsementCredential'],
        issuer: { id: endorser.did, type: ['Profile'], name: 'Guild of Testers' },
        validFrom: '2025-02-01T00:00:00Z',
        name: 'Endorsement',
        credentialSubject: { id: subjectId, type: ['EndorsementSubject'], endorsementComment: comment },
      };
    }

    it('verifies each endorsement on its own; a forged one never makes the badge unverified', async () => {
      const good = await signDataIntegrity(endorsementOf('https://example.org/a/1', 'Rigorous.'), endorser);
      const forged = { ...(await signDataIntegrity(endorsementOf('https://example.org/a/1', 'Fine.'), endorser)) };
      (forged['credentialSubject'] as Record<string, unknown>)['endorsementComment'] = 'World class!';
      const elsewhere = await signDataIntegrity(
        endorsementOf('https://example.org/a/other', 'About something else'),
        endorser,
      );
      const badge = credentialFor(school.did);
      (badge['credentialSubject'] as Record<string, Record<string, unknown>>)['achievement']!['endorsement'] = [
        good,
        forged,
        elsewhere,
      ];
      const result = await verify(await signDataIntegrity(badge, school));
      expect(result.verdict).to.equal('verified');
      expect(verdicts(result)).to.deep.equal([
        'endorsement:verified',
        'endorsement:unverified',
        'endorsement:unverified',
      ]);
      expect(result.nested![0]!.about).to.deep.equal({ target: 'achievement', id: 'https://example.org/a/1' });
      expect(result.nested![0]!.result.badge?.endorsement).to.deep.equal({
        subjectId: 'https://example.org/a/1',
        comment: 'Rigorous.',
      });
      expect(result.nested![2]!.result.checks.find((c) => c.id === 'subject')?.code).to.equal(
        'ERR_OB_ENDORSEMENT_MISMATCH',
      );
    });

    it('renders a standalone EndorsementCredential as what it is', async () => {
      const result = await verify(
        await signDataIntegrity(endorsementOf('https://example.org/a/1', 'Rigorous.'), endorser),
      );
      expect(result.verdict).to.equal('verified');
      expect(result.badge?.spec).to.equal('endorsement');
      expect(result.badge?.issuer.name).to.equal('Guild of Testers');
      expect(result.nested).to.equal(undefined);
    });
  });

  describe('where a credential is expected, only a credential bound to its issuer counts', () => {
    const OB_CONTEXT = [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ];
    const ACHIEVEMENT_ID = 'https://example.org/a/1';

    function endorsementBody(issuerId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
      return {
        '@context': OB_CONTEXT,
        id: 'urn:uuid:e0000000-0000-4000-8000-0000000000ff',
        type: ['VerifiableCredential', 'EndorsementCredential'],
        issuer: { id: issuerId, type: ['Profile'], name: 'Guild of Testers' },
        validFrom: '2025-02-01T00:00:00Z',
        name: 'Endorsement',
        credentialSubject: { id: ACHIEVEMENT_ID, type: ['EndorsementSubject'], endorsementComment: 'Excellent' },
        ...extra,
      };
    }

    /** The badge with these endorsements (objects, or JWTs) on its achievement. */
    async function badgeEndorsedBy(endorsements: unknown[]): Promise<VerificationResult> {
      const badge = credentialFor(school.did);
      const node = (badge['credentialSubject'] as Record<string, Record<string, unknown>>)['achievement']!;
      const objects = endorsements.filter((e) => typeof e !== 'string');
      const jwts = endorsements.filter((e) => typeof e === 'string');
      if (objects.length > 0) node['endorsement'] = objects;
      if (jwts.length > 0) node['endorsementJwt'] = jwts;
      return verify(await signDataIntegrity(badge, school));
    }

    function expectNoneCounts(result: VerificationResult, count: number) {
      expect(result.verdict, 'the badge itself is fine').to.equal('verified');
      expect(result.nested).to.have.length(count);
      for (const item of result.nested!) {
        expect(item.result.verdict, item.location).not.to.equal('verified');
        const check = item.result.checks.find((c) => c.id === 'credential');
        expect(check, JSON.stringify(item.result.checks)).to.deep.include({
          status: 'failed',
          code: 'ERR_OB_NOT_A_CREDENTIAL',
        });
        expect(check!.details).to.deep.include({ reason: 'presentation' });
        // The first problem shown is what it is, not something about its contents.
        expect(item.result.checks.findIndex((c) => c.status === 'failed')).to.equal(
          item.result.checks.findIndex((c) => c.id === 'credential'),
        );
      }
    }

    it('a self-signed vp+jwt, vp JWT or JSON presentation typed EndorsementCredential is no endorsement', async () => {
      const attacker = await createDidJwkIssuer('EdDSA');
      const attackerKey = await createDidKeyIssuer();
      const real = await signDataIntegrity(endorsementBody(endorser.did), endorser);
      const dressed = (holder: string, credentials: unknown[]) => ({
        ...endorsementBody(holder),
        type: ['VerifiablePresentation', 'EndorsementCredential'],
        holder,
        verifiableCredential: credentials,
      });
      const vpJose = await sign(attacker, { kid: attacker.kid, typ: 'vp+jwt' }, dressed(attacker.did, []));
      // Carrying a real endorsement does not make the presentation one.
      const vpJoseCarrying = await sign(attacker, { kid: attacker.kid, typ: 'vp+jwt' }, dressed(attacker.did, [real]));
      const vpJwt = await sign(
        attacker,
        { kid: attacker.kid, typ: 'JWT' },
        { iss: attacker.did, vp: dressed(attacker.did, [real]) },
      );
      // As JSON-LD a presentation has no issuer or credentialSubject: the JSON forms leave them out.
      const vpJsonBody = {
        '@context': OB_CONTEXT,
        type: ['VerifiablePresentation', 'EndorsementCredential'],
        holder: attackerKey.did,
        verifiableCredential: [real],
      };
      const vpJson = await signDataIntegrity(vpJsonBody, attackerKey, { proofPurpose: 'authentication' });
      const unsigned = vpJsonBody;
      const result = await badgeEndorsedBy([vpJson, unsigned, vpJose, vpJoseCarrying, vpJwt]);
      expectNoneCounts(result, 5);
      expect(summarizeNested(result).verified).to.equal(0);
    });

    it('a presentation is never a CLR achievement, nor a credential inside a presentation', async () => {
      const holder = await createDidKeyIssuer();
      const course = await signDataIntegrity(achievement(school.did, 1), school);
      const wrapped = await signDataIntegrity(
        {
          '@context': OB_CONTEXT,
          type: ['VerifiablePresentation', 'OpenBadgeCredential'],
          holder: holder.did,
          name: 'Course 1',
          verifiableCredential: [course],
        },
        holder,
        { proofPurpose: 'authentication' },
      );
      const clr = await verify(await signDataIntegrity(clrFor(registrar.did, [wrapped]), registrar));
      expect(clr.verdict).to.equal('verified');
      expectNoneCounts(clr, 1);

      const outer = await signDataIntegrity(
        {
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          type: ['VerifiablePresentation'],
          holder: holder.did,
          verifiableCredential: [wrapped, course],
        },
        holder,
        { proofPurpose: 'authentication' },
      );
      const presented = await verify(outer);
      expect(presented.nested?.map((item) => item.result.verdict)).to.deep.equal(['unverified', 'verified']);
      expect(presented.nested![0]!.result.checks.find((c) => c.id === 'credential')?.code).to.equal(
        'ERR_OB_NOT_A_CREDENTIAL',
      );
    });

    it('an endorsement whose issuer check fails is not verified (its key is someone else’s)', async () => {
      const impostor = await signDataIntegrity(endorsementBody(endorser.did), school, {
        verificationMethod: school.verificationMethod,
      });
      const result = await badgeEndorsedBy([impostor]);
      expect(result.nested?.[0]?.result.verdict).to.equal('unverified');
      expect(result.nested?.[0]?.result.checks.find((c) => c.status === 'failed')?.id).to.be.oneOf(['proof', 'issuer']);
    });
  });
});
