import { expect } from '@open-wc/testing';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { createDocumentCache, createDocumentLoader } from '../fetcher.js';
import { recordingFetch } from '../../../test/helpers/fake-fetch.js';
import { didJwk } from '../keys/did-jwk.js';
import { createVerifier } from '../verify.js';
import { boundHostOf, checkDomainLinkage, findTrustedIssuer, parseTrustList } from './trust.js';
import { credentialFor, createDidJwkIssuer, signVcJwt } from '../../../test/helpers/issuer.js';

const now = new Date('2026-06-01T00:00:00Z');

describe('trust: the issuer beyond its key', () => {
  const list = parseTrustList({
    name: 'Example Careers',
    issuers: [
      { name: 'Example University', domain: 'example.edu' },
      { name: 'Northwind Academy', did: 'did:web:northwind.example' },
      { name: 'Registry Office', id: 'https://registry.example/issuer.json' },
    ],
  });

  it('reads a trust list and refuses entries that match nothing, naming them', () => {
    expect(list.issuers).to.have.length(3);
    expect(() => parseTrustList({ issuers: [{ name: 'Nobody' }] })).to.throw('issuers[0] names no id, did or domain');
    expect(() => parseTrustList({ issuers: [{ domain: 'example.edu' }] })).to.throw('issuers[0] has no name');
    expect(() => parseTrustList({ issuers: [{ name: 'X', domain: 'not a host' }] })).to.throw('not a host name');
    expect(() => parseTrustList([])).to.throw('"issuers" array');
  });

  it('matches by id, DID, and the host the issuer is bound to (subdomains included), never by a stated name', () => {
    expect(findTrustedIssuer(list, 'https://registry.example/issuer.json')).to.deep.equal({
      name: 'Registry Office',
      matchedBy: 'id',
      list: 'Example Careers',
    });
    expect(findTrustedIssuer(list, 'did:web:northwind.example')?.matchedBy).to.equal('did');
    expect(findTrustedIssuer(list, 'did:web:cs.example.edu:issuers:1')?.name).to.equal('Example University');
    expect(findTrustedIssuer(list, 'https://badges.example.edu/issuer')?.name).to.equal('Example University');
    expect(findTrustedIssuer(list, 'https://example.edu.attacker.test/issuer')).to.equal(undefined);
    expect(findTrustedIssuer(list, 'did:key:z6MkExampleUniversity')).to.equal(undefined);
  });

  it('knows which host an issuer id is bound to', () => {
    expect(boundHostOf('did:web:localhost%3A5173:issuers:1')).to.deep.equal({ host: 'localhost', method: 'did:web' });
    expect(boundHostOf('https://Example.EDU/issuer')).to.deep.equal({ host: 'example.edu', method: 'issuer-id' });
    expect(boundHostOf('did:key:z6Mk')).to.equal(undefined);
    expect(boundHostOf('urn:uuid:1')).to.equal(undefined);
  });

  describe('domain linkage', () => {
    it('confirms a did:web or https issuer on its own host without any request', async () => {
      const load = createDocumentLoader({ offline: true, cache: createDocumentCache() });
      const context = { load, didResolvers: [], now };
      expect(
        await checkDomainLinkage({ id: 'did:web:example.edu', url: 'https://example.edu' }, context),
      ).to.deep.equal({
        host: 'example.edu',
        confirmed: true,
        method: 'did:web',
      });
      expect(await checkDomainLinkage('https://example.edu/issuer.json', context)).to.deep.include({ confirmed: true });
    });

    it('confirms a DID naming a website only when that site links the DID (DID Configuration, JWT)', async () => {
      const { privateKey, publicKey } = await generateKeyPair('ES256');
      const jwk = await exportJWK(publicKey);
      const did = `did:jwk:${btoa(JSON.stringify({ ...jwk, alg: 'ES256' }))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '')}`;
      const linkage = (forDid: string, origin: string) =>
        new SignJWT({
          vc: {
            '@context': [
              'https://www.w3.org/2018/credentials/v1',
              'https://identity.foundation/.well-known/did-configuration/v1',
            ],
            type: ['VerifiableCredential', 'DomainLinkageCredential'],
            credentialSubject: { id: forDid, origin },
          },
        })
          .setProtectedHeader({ alg: 'ES256', kid: `${did}#0` })
          .setIssuer(forDid)
          .setSubject(forDid)
          .setExpirationTime(Math.floor(Date.parse('2030-01-01T00:00:00Z') / 1000))
          .sign(privateKey);
      const check = async (linkedDids: string[]) => {
        const load = createDocumentLoader({
          offline: true,
          cache: createDocumentCache(),
          documents: {
            'https://school.example/.well-known/did-configuration.json': {
              '@context': 'https://identity.foundation/.well-known/did-configuration/v1',
              linked_dids: linkedDids,
            },
          },
        });
        return checkDomainLinkage({ id: did, url: 'https://school.example/' }, { load, didResolvers: [didJwk()], now });
      };
      expect(await check([await linkage(did, 'https://school.example')])).to.deep.equal({
        host: 'school.example',
        confirmed: true,
        method: 'did-configuration',
      });
      expect((await check([await linkage(did, 'https://other.example')]))?.confirmed).to.equal(false);
      expect((await check([]))?.confirmed).to.equal(false);
    });
  });

  describe('only when asked, only for a verified badge', () => {
    /** A did:jwk issuer (nothing to fetch to verify it) naming a website on another host. */
    const setup = async () => {
      const issuer = await createDidJwkIssuer('ES256');
      const jwt = await signVcJwt(
        issuer,
        credentialFor(issuer.did, {
          issuer: { id: issuer.did, type: ['Profile'], name: 'Test Issuer', url: 'https://school.example/' },
        }),
      );
      const fetch = recordingFetch(
        () => new Response('Not Found', { status: 404, headers: { 'content-type': 'text/plain' } }),
      );
      return { jwt, asked: fetch.requests, verifier: createVerifier({ fetch, cache: createDocumentCache() }) };
    };

    it('a verified badge with no trust options asks nothing of any host (no trust report either)', async () => {
      const { jwt, asked, verifier } = await setup();
      const result = await verifier.verify(jwt, { now });
      expect(result.verdict).to.equal('verified');
      expect(asked).to.deep.equal([]);
      expect(result.trust).to.equal(undefined);
    });

    it('domainLinkage (per call or per verifier) asks the site the issuer names, once', async () => {
      const { jwt, asked, verifier } = await setup();
      const result = await verifier.verify(jwt, { now, domainLinkage: true });
      expect(result.verdict).to.equal('verified');
      expect(asked).to.deep.equal(['https://school.example/.well-known/did-configuration.json']);
      expect(result.trust?.domain).to.deep.include({ host: 'school.example', confirmed: false });

      const fetch = recordingFetch(() => new Response('{}', { status: 404 }));
      const configured = fetch.requests;
      const linked = createVerifier({ fetch, domainLinkage: true });
      expect((await linked.verify(jwt, { now })).trust?.domain?.host).to.equal('school.example');
      expect(configured).to.deep.equal(['https://school.example/.well-known/did-configuration.json']);
      // The call's option wins over the verifier's.
      configured.length = 0;
      const off = createVerifier({ fetch, domainLinkage: true, cache: createDocumentCache() });
      expect((await off.verify(jwt, { now, domainLinkage: false })).trust).to.equal(undefined);
      expect(configured).to.deep.equal([]);
    });

    it('a badge that is not verified asks nothing and gets no trust report, even when asked', async () => {
      const { jwt, asked, verifier } = await setup();
      const tampered = `${jwt.slice(0, -4)}AAAA`;
      const trustList = parseTrustList({ issuers: [{ name: 'X', domain: 'school.example' }] });
      const result = await verifier.verify(tampered, { now, domainLinkage: true, trustList });
      expect(result.verdict).to.equal('unverified');
      expect(asked).to.deep.equal([]);
      expect(result.trust).to.equal(undefined);
    });
  });

  it('reports trust beside the checks and never changes the verdict', async () => {
    const issuer = await createDidJwkIssuer('ES256');
    const jwt = await signVcJwt(issuer, credentialFor(issuer.did));
    const trustList = parseTrustList({ issuers: [{ name: 'Listed Test Issuer', did: issuer.did }] });
    const verifier = createVerifier({ offline: true, cache: createDocumentCache() });
    const listed = await verifier.verify(jwt, { now, trustList });
    expect(listed.verified).to.equal(true);
    expect(listed.trust).to.deep.include({ issuerId: issuer.did, statedName: 'Test Issuer' });
    expect(listed.trust?.known).to.deep.equal({ name: 'Listed Test Issuer', matchedBy: 'did' });
    const unlisted = await verifier.verify(jwt, {
      now,
      trustList: parseTrustList({ issuers: [{ name: 'X', domain: 'x.example' }] }),
    });
    expect(unlisted.verified).to.equal(true);
    expect(unlisted.trust?.known).to.equal(null);
    const tampered = `${jwt.slice(0, -4)}AAAA`;
    const forged = await verifier.verify(tampered, { now, trustList });
    expect(forged.verified).to.equal(false);
    // Asked, but not for a badge that is not verified: it only claims who issued it.
    expect(forged.trust).to.equal(undefined);
  });
});
