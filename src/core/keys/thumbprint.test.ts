import { expect } from '@open-wc/testing';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import { jwkThumbprint } from './thumbprint.js';

describe('jwkThumbprint', () => {
  it('gives the RFC 7638 §3.1 example its published thumbprint', async () => {
    const jwk: JWK = {
      kty: 'RSA',
      n:
        '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMs' +
        'tn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajr' +
        'n1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
      e: 'AQAB',
      alg: 'RS256',
      kid: '2011-04-29',
    };
    expect(await jwkThumbprint(jwk)).to.equal('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });

  it('agrees with jose for EC and OKP keys, whatever other members they carry', async () => {
    for (const alg of ['ES256', 'ES384', 'EdDSA'] as const) {
      const { publicKey } = await generateKeyPair(alg, { extractable: true });
      const jwk = { ...(await exportJWK(publicKey)), kid: 'k', use: 'sig' };
      expect(await jwkThumbprint(jwk), alg).to.equal(await calculateJwkThumbprint(jwk));
    }
  });

  it('matches nothing for a key missing a required member, with one of the wrong type, or of an unknown type', async () => {
    expect(await jwkThumbprint({ kty: 'EC', crv: 'P-256', x: 'AA' })).to.equal(undefined);
    expect(await jwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: 1 as unknown as string })).to.equal(undefined);
    expect(await jwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: '' })).to.equal(undefined);
    expect(await jwkThumbprint({ kty: 'oct', k: 'AA' })).to.equal(undefined);
    expect(await jwkThumbprint({ kty: 'constructor' })).to.equal(undefined);
    expect(await jwkThumbprint({})).to.equal(undefined);
  });
});
