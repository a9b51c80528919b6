/**
 * Whoever answers at a status list's address (an expired domain, a shared host, a CDN) is an
 * attacker here: only a credential bound to the badge's issuer, at that address, valid now and of
 * the kind the entry names, may say "active". Every other answer is status unknown, never passed.
 * The same class of answers is tried against each status method.
 */
import { expect } from '@open-wc/testing';
import type { Check, VerificationResult } from '../result.js';
import { createVerifier } from '../verify.js';
import { createDidJwkIssuer, sign, signVcJose, type TestIssuer } from '../../../test/helpers/issuer.js';
import { createDidKeyIssuer, signDataIntegrity, type DiIssuer } from '../../../test/helpers/data-integrity.js';
import {
  bitstring,
  encodeList,
  listCredential,
  servingFetch,
  verifyWithStatus,
  type Served,
} from '../../../test/helpers/status-lists.js';

const NOW = new Date('2026-06-01T14:03:00Z');
const BADGE_ID = 'urn:uuid:5d5c3c4a-0000-4000-8000-000000000001';

interface Kind {
  readonly name: string;
  readonly url: string;
  readonly list: 'bitstring' | '2021';
  readonly entryType: string;
  readonly credentialType: string;
}

const KINDS: readonly Kind[] = [
  {
    name: 'BitstringStatusList',
    url: 'https://issuer.example/status/bitstring',
    list: 'bitstring',
    entryType: 'BitstringStatusListEntry',
    credentialType: 'BitstringStatusListCredential',
  },
  {
    name: 'StatusList2021',
    url: 'https://issuer.example/status/2021',
    list: '2021',
    entryType: 'StatusList2021Entry',
    credentialType: 'StatusList2021Credential',
  },
];

const json = (body: unknown): Served => ({ body: JSON.stringify(body), type: 'application/json' });

describe('status lists: only a credential bound to the badge’s issuer counts', () => {
  let issuer: TestIssuer;
  let listHost: TestIssuer;
  let listHostKey: DiIssuer;
  before(async () => {
    issuer = await createDidJwkIssuer('EdDSA');
    listHost = await createDidJwkIssuer('EdDSA');
    listHostKey = await createDidKeyIssuer();
  });

  /** The badge (revoked in its issuer's real list, which nobody serves here) checked against `routes`. */
  function statusWith(routes: Record<string, Served>, credentialStatus: unknown) {
    return verifyWithStatus(createVerifier({ fetch: servingFetch(routes).fetch }), issuer, credentialStatus, NOW);
  }

  function expectUnknown(outcome: { result: VerificationResult; status: Check }, reasons: string | string[]) {
    const { result, status } = outcome;
    expect(status, JSON.stringify(status)).to.deep.include({ status: 'warning', code: 'ERR_OB_STATUS_LIST_INVALID' });
    expect(status.details?.['reason']).to.be.oneOf(Array.isArray(reasons) ? reasons : [reasons]);
    expect(result.verdict).to.equal('unknown');
  }

  for (const kind of KINDS) {
    describe(kind.name, () => {
      const entry = {
        id: `${kind.url}#5`,
        type: kind.entryType,
        statusPurpose: 'revocation',
        statusListIndex: '5',
        statusListCredential: kind.url,
      };
      const multibase = kind.list === 'bitstring';
      /** An all-clear list ("nothing revoked"), as the attacker would serve it. */
      const clear = () => encodeList(bitstring([]), multibase);
      const list = (options: { id?: string; issuer?: string; purpose?: string; overrides?: Record<string, unknown> }) =>
        listCredential({
          url: options.id ?? kind.url,
          issuer: options.issuer ?? issuer.did,
          kind: kind.list,
          encodedList: clear(),
          ...(options.purpose ? { purpose: options.purpose } : {}),
          ...(options.overrides ? { overrides: options.overrides } : {}),
        });
      const at = (body: string, type?: string) => ({ [kind.url]: { body, ...(type ? { type } : {}) } });
      const expiry = kind.list === 'bitstring' ? 'validUntil' : 'expirationDate';
      const start = kind.list === 'bitstring' ? 'validFrom' : 'issuanceDate';

      it('control: the issuer’s own list at its address is read (clear: passed; set: revoked)', async () => {
        const clearList = await statusWith(at(await signVcJose(issuer, list({}))), entry);
        expect(clearList.status.status, JSON.stringify(clearList.status)).to.equal('passed');
        const revoked = listCredential({
          url: kind.url,
          issuer: issuer.did,
          kind: kind.list,
          encodedList: encodeList(bitstring([5]), multibase),
        });
        const set = await statusWith(at(await signVcJose(issuer, revoked)), entry);
        expect(set.status.code).to.equal('ERR_OB_REVOKED');
      });

      it('a vp+jwt signed by the list host, typed as the list and naming the badge’s issuer: presentation', async () => {
        const payload = {
          ...list({}),
          type: ['VerifiablePresentation', kind.credentialType],
          holder: listHost.did,
        };
        const token = await sign(listHost, { kid: listHost.kid, typ: 'vp+jwt' }, payload);
        expectUnknown(await statusWith(at(token, 'application/vp+jwt'), entry), 'presentation');
      });

      it('a VC-JWT 1.1 presentation (vp claim) by the list host: presentation', async () => {
        const vp = { ...list({}), type: ['VerifiablePresentation', kind.credentialType], verifiableCredential: [] };
        const token = await sign(listHost, { kid: listHost.kid, typ: 'JWT' }, { iss: listHost.did, vp });
        expectUnknown(await statusWith(at(token), entry), 'presentation');
      });

      it('a JSON presentation, unsigned or signed by the list host (Data Integrity): never the list', async () => {
        const vp = {
          ...list({}),
          type: ['VerifiablePresentation', kind.credentialType],
          holder: listHostKey.did,
        };
        expectUnknown(await statusWith({ [kind.url]: json(vp) }, entry), ['presentation', 'unverified']);
        const signed = await signDataIntegrity({ ...vp, issuer: listHostKey.did }, listHostKey, {
          proofPurpose: 'authentication',
        }).catch(() => undefined);
        if (signed)
          expectUnknown(await statusWith({ [kind.url]: json(signed) }, entry), ['presentation', 'unverified']);
      });

      it('a list credential signed by another party: issuer', async () => {
        const outcome = await statusWith(at(await signVcJose(listHost, list({ issuer: listHost.did }))), entry);
        expectUnknown(outcome, 'issuer');
        expect(outcome.status.details).to.deep.include({ listIssuer: listHost.did, listIssuerDiffers: true });
      });

      it('the issuer’s other list served at this address (its id is another URL): id', async () => {
        const other = `${kind.url}-old`;
        const outcome = await statusWith(at(await signVcJose(issuer, list({ id: other }))), entry);
        expectUnknown(outcome, 'id');
        expect(outcome.status.details).to.deep.include({ listId: other });
      });

      it('the issuer’s list outside its own validity window: expired / not-yet-valid', async () => {
        expectUnknown(
          await statusWith(
            at(await signVcJose(issuer, list({ overrides: { [expiry]: '2026-01-01T00:00:00Z' } }))),
            entry,
          ),
          'expired',
        );
        expectUnknown(
          await statusWith(
            at(await signVcJose(issuer, list({ overrides: { [start]: '2027-01-01T00:00:00Z' } }))),
            entry,
          ),
          'not-yet-valid',
        );
      });

      it('the issuer’s list of another type or purpose: type / purpose', async () => {
        const otherType = kind.list === 'bitstring' ? 'StatusList2021Credential' : 'BitstringStatusListCredential';
        const wrongType = list({ overrides: { type: ['VerifiableCredential'] } });
        expectUnknown(await statusWith(at(await signVcJose(issuer, wrongType)), entry), ['type', 'unverified']);
        const mixed = list({ overrides: { type: ['VerifiableCredential', otherType] } });
        expectUnknown(await statusWith(at(await signVcJose(issuer, mixed)), entry), ['type', 'unverified']);
        expectUnknown(
          await statusWith(at(await signVcJose(issuer, list({ purpose: 'suspension' }))), entry),
          'purpose',
        );
      });

      it('a list whose issuer field names the badge’s issuer, signed with the list host’s key: unverified', async () => {
        const forged = await sign(listHost, { kid: listHost.kid, typ: 'vc+jwt', cty: 'vc' }, list({}));
        const outcome = await statusWith(at(forged), entry);
        expectUnknown(outcome, 'unverified');
        expect((outcome.status.details!['listCheck'] as { id: string }).id).to.be.oneOf(['proof', 'issuer']);
      });
    });
  }

  describe('1EdTechRevocationList', () => {
    const URL_ = 'https://issuer.example/credentials/revocations';
    const entry = { id: URL_, type: '1EdTechRevocationList' };
    const at = (body: string, type?: string) => ({ [URL_]: { body, ...(type ? { type } : {}) } });
    /** A revocation list as a credential: the list in its subject. */
    const signedList = (options: { id?: string; issuer?: string; revoked?: unknown[]; extra?: object } = {}) => ({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: options.id ?? URL_,
      type: ['VerifiableCredential', '1EdTechRevocationList'],
      issuer: options.issuer ?? issuer.did,
      validFrom: '2025-01-01T00:00:00Z',
      credentialSubject: { id: `${options.id ?? URL_}#list`, revokedCredential: options.revoked ?? [] },
      ...options.extra,
    });

    it('control: the plain list of the specification, and the issuer’s signed list, are read', async () => {
      const plain = await statusWith({ [URL_]: json({ id: URL_, issuer: issuer.did, revokedCredential: [] }) }, entry);
      expect(plain.status.status).to.equal('passed');
      expect(plain.status.details).to.deep.include({ signed: false });
      const signed = await statusWith(at(await signVcJose(issuer, signedList())), entry);
      expect(signed.status.status, JSON.stringify(signed.status)).to.equal('passed');
      expect(signed.status.details).to.deep.include({ signed: true, listIssuer: issuer.did });
      const revoked = await statusWith(
        at(await signVcJose(issuer, signedList({ revoked: [{ id: BADGE_ID }] }))),
        entry,
      );
      expect(revoked.status.code).to.equal('ERR_OB_REVOKED');
    });

    it('a vp+jwt, a vp JWT or a JSON presentation at the address: presentation', async () => {
      const body = {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        id: URL_,
        type: ['VerifiablePresentation', '1EdTechRevocationList'],
        issuer: issuer.did,
        holder: listHost.did,
        revokedCredential: [],
      };
      const vpJose = await sign(listHost, { kid: listHost.kid, typ: 'vp+jwt' }, body);
      expectUnknown(await statusWith(at(vpJose, 'application/vp+jwt'), entry), 'presentation');
      const vpJwt = await sign(listHost, { kid: listHost.kid, typ: 'JWT' }, { iss: listHost.did, vp: body });
      expectUnknown(await statusWith(at(vpJwt, 'application/jwt'), entry), 'presentation');
      expectUnknown(await statusWith({ [URL_]: json(body) }, entry), ['presentation', 'unverified']);
    });

    it('a list credential signed by another party: issuer', async () => {
      const outcome = await statusWith(at(await signVcJose(listHost, signedList({ issuer: listHost.did }))), entry);
      expectUnknown(outcome, 'issuer');
    });

    it('the issuer’s other list at this address, signed or plain: id', async () => {
      const other = `${URL_}-2024`;
      expectUnknown(await statusWith(at(await signVcJose(issuer, signedList({ id: other }))), entry), 'id');
      expectUnknown(
        await statusWith({ [URL_]: json({ id: other, issuer: issuer.did, revokedCredential: [] }) }, entry),
        'id',
      );
    });

    it('a list outside its validity window, signed or plain: expired / not-yet-valid', async () => {
      const expired = signedList({ extra: { validUntil: '2026-01-01T00:00:00Z' } });
      expectUnknown(await statusWith(at(await signVcJose(issuer, expired)), entry), 'expired');
      const early = signedList({ extra: { validFrom: '2027-01-01T00:00:00Z' } });
      expectUnknown(await statusWith(at(await signVcJose(issuer, early)), entry), 'not-yet-valid');
      expectUnknown(
        await statusWith(
          { [URL_]: json({ id: URL_, validUntil: '2026-01-01T00:00:00Z', revokedCredential: [] }) },
          entry,
        ),
        'expired',
      );
      expectUnknown(
        await statusWith(
          { [URL_]: json({ id: URL_, validFrom: '2027-01-01T00:00:00Z', revokedCredential: [] }) },
          entry,
        ),
        'not-yet-valid',
      );
    });

    it('a credential of the issuer’s that is no revocation list: type', async () => {
      const notAList = { ...signedList(), type: ['VerifiableCredential'], credentialSubject: { id: 'did:example:x' } };
      expectUnknown(await statusWith(at(await signVcJose(issuer, notAList)), entry), 'type');
    });

    it('a list whose issuer field names the badge’s issuer, signed with the list host’s key: unverified', async () => {
      const forged = await sign(listHost, { kid: listHost.kid, typ: 'vc+jwt', cty: 'vc' }, signedList());
      expectUnknown(await statusWith(at(forged), entry), 'unverified');
    });
  });
});
