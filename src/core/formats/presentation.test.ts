import { expect } from '@open-wc/testing';
import { createDocumentCache } from '../fetcher.js';
import type { Check, VerificationResult } from '../result.js';
import { createVerifier } from '../verify.js';
import { credentialFor, createDidJwkIssuer, sign, signVcJwt, type TestIssuer } from '../../../test/helpers/issuer.js';
import { createDidKeyIssuer, signDataIntegrity, type DiIssuer } from '../../../test/helpers/data-integrity.js';

const now = new Date('2026-06-01T00:00:00Z');
const verifier = createVerifier({ offline: true, cache: createDocumentCache() });
const verify = (input: Record<string, unknown> | string) => verifier.verify(input, { now });
const check = (result: VerificationResult, id: string) => result.checks.find((c) => c.id === id) as Check;

function presentationOf(holder: string | undefined, credentials: unknown[]): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiablePresentation'],
    ...(holder ? { holder } : {}),
    verifiableCredential: credentials,
  };
}

describe('presentations', () => {
  let issuer: DiIssuer;
  let holder: DiIssuer;
  let stranger: DiIssuer;
  let badge: Record<string, unknown>;
  before(async () => {
    issuer = await createDidKeyIssuer();
    holder = await createDidKeyIssuer();
    stranger = await createDidKeyIssuer();
    badge = await signDataIntegrity(credentialFor(issuer.did), issuer);
  });

  const authentication = { proofPurpose: 'authentication', challenge: 'c-123', domain: 'verifier.example' };

  it('verifies a presentation signed by its holder, and each credential inside on its own', async () => {
    const vp = await signDataIntegrity(presentationOf(holder.did, [badge]), holder, authentication);
    const result = await verify(vp);
    expect(result.format).to.equal('vp-json');
    expect(result.verdict, JSON.stringify(result.checks)).to.equal('verified');
    expect(check(result, 'holder').details).to.include({ holder: holder.did, controller: holder.did });
    expect(check(result, 'proof').details).to.include({ challenge: 'c-123', domain: 'verifier.example' });
    expect(result.badge).to.deep.include({ spec: 'vp', holder: holder.did });
    expect(result.nested?.map((item) => [item.role, item.result.verdict])).to.deep.equal([['credential', 'verified']]);
  });

  it('fails holder binding when someone else signed it', async () => {
    const vp = await signDataIntegrity(presentationOf(holder.did, [badge]), stranger, authentication);
    const result = await verify(vp);
    expect(check(result, 'proof').status).to.equal('passed');
    expect(check(result, 'holder')).to.deep.include({ status: 'failed', code: 'ERR_OB_HOLDER_MISMATCH' });
    expect(result.verdict).to.equal('unverified');
    // Its credentials are still each judged on their own.
    expect(result.nested?.[0]?.result.verdict).to.equal('verified');
  });

  it('refuses an assertionMethod proof on a presentation', async () => {
    const vp = await signDataIntegrity(presentationOf(holder.did, [badge]), holder);
    expect(check(await verify(vp), 'proof').code).to.equal('ERR_OB_PROOF_INVALID');
  });

  it('shows an unsigned presentation as a container, never as a verified presentation', async () => {
    const result = await verify(presentationOf(holder.did, [badge]));
    expect(check(result, 'proof')).to.deep.include({ status: 'warning', code: 'ERR_OB_PRESENTATION_UNSIGNED' });
    expect(result.verdict).to.equal('unknown');
    expect(result.nested?.[0]?.result.verdict).to.equal('verified');
  });

  describe('its verdict covers what it presents', () => {
    it('a holder-signed presentation carrying a tampered or self-made-up credential is not verified', async () => {
      const tampered = { ...badge, name: 'Doctor of Philosophy' };
      const forgedIssuer = await signDataIntegrity(credentialFor(issuer.did), stranger);
      for (const carried of [[tampered], [badge, tampered], [forgedIssuer, badge]]) {
        const vp = await signDataIntegrity(presentationOf(holder.did, carried), holder, authentication);
        const result = await verify(vp);
        expect(check(result, 'proof').status).to.equal('passed');
        expect(check(result, 'credentials')).to.deep.include({ status: 'failed', code: 'ERR_OB_PRESENTED_UNVERIFIED' });
        expect(check(result, 'credentials').details).to.deep.include({ credentials: carried.length, unverified: 1 });
        expect(result.verdict).to.equal('unverified');
      }
    });

    it('one whose credential could not be fully checked is status unknown; all verified is verified', async () => {
      const unknownStatus = await signDataIntegrity(
        credentialFor(issuer.did, {
          credentialStatus: { id: 'urn:x', type: 'https://status.example/FutureMethod' },
        }),
        issuer,
      );
      const vp = await signDataIntegrity(presentationOf(holder.did, [badge, unknownStatus]), holder, authentication);
      const result = await verify(vp);
      expect(result.nested?.map((item) => item.result.verdict)).to.deep.equal(['verified', 'unknown']);
      expect(check(result, 'credentials')).to.deep.include({ status: 'warning', code: 'ERR_OB_PRESENTED_UNVERIFIED' });
      expect(result.verdict).to.equal('unknown');
      const both = await verify(
        await signDataIntegrity(presentationOf(holder.did, [badge, badge]), holder, authentication),
      );
      expect(check(both, 'credentials')).to.deep.include({ status: 'passed' });
      expect(both.verdict).to.equal('verified');
    });

    it('the credentials check comes after the nested credentials are verified, last in the list', async () => {
      const vp = await signDataIntegrity(presentationOf(holder.did, [badge]), holder, authentication);
      const ids: string[] = [];
      await verifier.verify(vp, { now, onCheck: (c) => ids.push(c.id) });
      expect(ids.at(-1)).to.equal('credentials');
    });
  });

  describe('as a JWT', () => {
    let jwtHolder: TestIssuer;
    let jwtIssuer: TestIssuer;
    before(async () => {
      jwtHolder = await createDidJwkIssuer('ES256');
      jwtIssuer = await createDidJwkIssuer('EdDSA');
    });

    it('verifies VC-JOSE vp+jwt with an enveloped credential', async () => {
      const vc = await signVcJwt(jwtIssuer, credentialFor(jwtIssuer.did));
      const vp = presentationOf(jwtHolder.did, [
        {
          '@context': 'https://www.w3.org/ns/credentials/v2',
          type: 'EnvelopedVerifiableCredential',
          id: `data:application/vc+jwt,${vc}`,
        },
      ]);
      const jws = await sign(
        jwtHolder,
        { alg: 'ES256', typ: 'vp+jwt', kid: `${jwtHolder.did}#0` },
        { ...vp, iss: jwtHolder.did },
      );
      const result = await verify(jws);
      expect(result.format).to.equal('vp-jwt');
      expect(result.verdict, JSON.stringify(result.checks)).to.equal('verified');
      expect(result.nested?.[0]?.result.verdict).to.equal('verified');
    });

    it('verifies a VC-JWT 1.1 presentation (vp claim, iss the holder) holding JWT credentials', async () => {
      const vc = await signVcJwt(jwtIssuer, credentialFor(jwtIssuer.did));
      const claims = {
        iss: jwtHolder.did,
        vp: {
          '@context': ['https://www.w3.org/2018/credentials/v1'],
          type: ['VerifiablePresentation'],
          verifiableCredential: [vc],
        },
        exp: Math.floor(Date.parse('2027-01-01T00:00:00Z') / 1000),
      };
      const result = await verify(await sign(jwtHolder, { alg: 'ES256', kid: `${jwtHolder.did}#0` }, claims));
      expect(result.verdict, JSON.stringify(result.checks)).to.equal('verified');
      expect(check(result, 'holder').details).to.include({ holder: jwtHolder.did });
    });

    it('fails an expired presentation token and one signed by another than its holder', async () => {
      const expired = await sign(
        jwtHolder,
        { alg: 'ES256', typ: 'vp+jwt', kid: `${jwtHolder.did}#0` },
        { ...presentationOf(jwtHolder.did, []), iss: jwtHolder.did, exp: Math.floor(Date.parse('2026-01-01') / 1000) },
      );
      expect(check(await verify(expired), 'validity').code).to.equal('ERR_OB_EXPIRED');
      const impostor = await sign(
        jwtIssuer,
        { alg: 'EdDSA', typ: 'vp+jwt', kid: `${jwtIssuer.did}#0` },
        { ...presentationOf(jwtHolder.did, []), iss: jwtIssuer.did },
      );
      expect(check(await verify(impostor), 'holder').code).to.equal('ERR_OB_HOLDER_MISMATCH');
    });

    it('refuses an enveloped credential whose id is not a data: URL', async () => {
      const vp = presentationOf(jwtHolder.did, [{ type: 'EnvelopedVerifiableCredential', id: 'not-a-credential' }]);
      const jws = await sign(
        jwtHolder,
        { alg: 'ES256', typ: 'vp+jwt', kid: `${jwtHolder.did}#0` },
        { ...vp, iss: jwtHolder.did },
      );
      expect(check(await verify(jws), 'format').code).to.equal('ERR_OB_MALFORMED');
    });
  });

  describe('a presentation is shown as one, and one carrying no credential is never verified', () => {
    let jwtHolder: TestIssuer;
    before(async () => {
      jwtHolder = await createDidJwkIssuer('EdDSA');
    });

    const dressed = (holderId: string, credentials: unknown[]) => ({
      ...presentationOf(holderId, credentials),
      type: ['VerifiablePresentation', 'OpenBadgeCredential'],
      name: 'Doctor of Philosophy, School Example',
      description: 'Awarded with highest honours',
    });

    function expectEmpty(result: VerificationResult, label: string) {
      expect(result.verdict, `${label}: ${JSON.stringify(result.checks)}`).to.equal('unverified');
      expect(check(result, 'credentials'), label).to.deep.include({
        status: 'failed',
        code: 'ERR_OB_PRESENTATION_EMPTY',
      });
      // Its own name is the holder's text: never the headline, never shown as the badge's.
      expect(result.badge, label).to.deep.include({ spec: 'vp', name: 'Presentation' });
      expect(result.badge?.description, label).to.equal(undefined);
    }

    it('self-signed vp+jwt, vp JWT and JSON presentations holding nothing: unverified, ERR_OB_PRESENTATION_EMPTY', async () => {
      const kid = `${jwtHolder.did}#0`;
      const vpJose = await sign(
        jwtHolder,
        { typ: 'vp+jwt', kid },
        { ...dressed(jwtHolder.did, []), iss: jwtHolder.did },
      );
      expectEmpty(await verify(vpJose), 'vp+jwt');
      const vpJwt = await sign(jwtHolder, { typ: 'JWT', kid }, { iss: jwtHolder.did, vp: dressed(jwtHolder.did, []) });
      expectEmpty(await verify(vpJwt), 'vp claim');
      const json = await signDataIntegrity(presentationOf(holder.did, []), holder, authentication);
      expectEmpty(await verify(json), 'JSON, signed');
      expectEmpty(await verify(presentationOf(holder.did, [])), 'JSON, unsigned');
    });

    it('holding only an enveloped presentation is holding no credential', async () => {
      const kid = `${jwtHolder.did}#0`;
      const inner = await sign(
        jwtHolder,
        { typ: 'vp+jwt', kid },
        { ...presentationOf(jwtHolder.did, []), iss: jwtHolder.did },
      );
      for (const id of [`data:application/vc+jwt,${inner}`, `data:application/vp+jwt,${inner}`]) {
        const envelope = {
          '@context': 'https://www.w3.org/ns/credentials/v2',
          type: 'EnvelopedVerifiableCredential',
          id,
        };
        const outer = await sign(
          jwtHolder,
          { typ: 'vp+jwt', kid },
          { ...dressed(jwtHolder.did, [envelope]), iss: jwtHolder.did },
        );
        expectEmpty(await verify(outer), id.slice(0, 24));
      }
    });

    it('holding only another presentation is holding no credential', async () => {
      const inner = await signDataIntegrity(presentationOf(holder.did, [badge]), holder, authentication);
      const outer = await signDataIntegrity(presentationOf(holder.did, [inner]), holder, authentication);
      const result = await verify(outer);
      expectEmpty(result, 'nested presentation');
      expect(check(result, 'credentials').details).to.deep.include({ credentials: 0, entries: 1 });
    });

    it('holding a credential: the check passes with the count, and the view is still a presentation', async () => {
      const vp = await signDataIntegrity(
        { ...presentationOf(holder.did, [badge]), name: 'My PhD' },
        holder,
        authentication,
      );
      const result = await verify(vp);
      expect(result.verdict).to.equal('verified');
      expect(check(result, 'credentials')).to.deep.include({ status: 'passed' });
      expect(check(result, 'credentials').details).to.deep.include({ credentials: 1, entries: 1 });
      expect(result.badge).to.deep.include({ spec: 'vp', name: 'Presentation', holder: holder.did });
    });
  });
});
