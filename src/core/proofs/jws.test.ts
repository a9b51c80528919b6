import { expect } from '@open-wc/testing';
import { codeOf, rejectionCodeOf } from '../../../test/helpers/errors.js';
import { base64url, CompactSign, exportJWK, generateKeyPair, type JWK } from 'jose';
import { ALLOWED_JWS_ALGORITHMS, looksLikeCompactJws, readJwsHeader, verifyCompactJws } from './jws.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

async function vector(name: string): Promise<{ jws: string; jwk: JWK }> {
  const base = '/test/conformance/jose-rfc/';
  const jws = (await (await fetch(`${base}${name}.jws`)).text()).trim();
  const jwk = (await (await fetch(`${base}${name}.public.jwk.json`)).json()) as JWK;
  return { jws, jwk };
}

function unsigned(header: Record<string, unknown>, payload = '{}'): string {
  return `${base64url.encode(JSON.stringify(header))}.${base64url.encode(payload)}.c2ln`;
}

describe('JWS proof layer', () => {
  describe('published test vectors (RFC 7520, RFC 8037)', () => {
    for (const [name, alg] of [
      ['rfc7520-4.1-rs256', 'RS256'],
      ['rfc7520-4.3-es512', 'ES512'],
      ['rfc8037-A4-ed25519', 'EdDSA'],
    ] as const) {
      it(`verifies ${name} and returns the signed payload`, async () => {
        const { jws, jwk } = await vector(name);
        expect(readJwsHeader(jws).alg).to.equal(alg);
        const payload = await verifyCompactJws(jws, alg, jwk);
        expect(dec.decode(payload)).to.equal(dec.decode(base64url.decode(jws.split('.')[1]!)));
      });

      it(`rejects ${name} with one payload character changed`, async () => {
        const { jws, jwk } = await vector(name);
        const [h, p, s] = jws.split('.') as [string, string, string];
        const flipped = `${h}.${p.slice(0, 5)}${p[5] === 'A' ? 'B' : 'A'}${p.slice(6)}.${s}`;
        expect(await rejectionCodeOf(verifyCompactJws(flipped, alg, jwk))).to.equal('ERR_OB_SIGNATURE_INVALID');
      });
    }
  });

  describe('readJwsHeader', () => {
    it('rejects alg none, every HMAC alg and unlisted algorithms', () => {
      for (const alg of ['none', 'None', 'HS256', 'HS384', 'HS512', 'RS1', 'ES256K', '']) {
        expect(
          codeOf(() => readJwsHeader(unsigned({ alg }))),
          alg,
        ).to.equal('ERR_OB_JOSE_ALG_NOT_ALLOWED');
      }
      expect(codeOf(() => readJwsHeader(unsigned({})))).to.equal('ERR_OB_JOSE_ALG_NOT_ALLOWED');
    });

    it('allows exactly the documented algorithms', () => {
      expect([...ALLOWED_JWS_ALGORITHMS].sort()).to.deep.equal([
        'ES256',
        'ES384',
        'ES512',
        'Ed25519',
        'EdDSA',
        'PS256',
        'RS256',
      ]);
    });

    it('rejects any crit extension, since none is implemented', () => {
      expect(codeOf(() => readJwsHeader(unsigned({ alg: 'EdDSA', crit: ['exp'], exp: 1 })))).to.equal(
        'ERR_OB_JOSE_CRIT_UNSUPPORTED',
      );
      expect(codeOf(() => readJwsHeader(unsigned({ alg: 'EdDSA', crit: ['b64'], b64: false })))).to.equal(
        'ERR_OB_JOSE_CRIT_UNSUPPORTED',
      );
    });

    it('rejects a jwk header carrying private key material, and a non-string kid', () => {
      expect(
        codeOf(() => readJwsHeader(unsigned({ alg: 'EdDSA', jwk: { kty: 'OKP', crv: 'Ed25519', x: 'a', d: 'b' } }))),
      ).to.equal('ERR_OB_JOSE_HEADER_INVALID');
      expect(codeOf(() => readJwsHeader(unsigned({ alg: 'EdDSA', jwk: 'not-a-key' })))).to.equal(
        'ERR_OB_JOSE_HEADER_INVALID',
      );
      expect(codeOf(() => readJwsHeader(unsigned({ alg: 'EdDSA', kid: 42 })))).to.equal('ERR_OB_JOSE_HEADER_INVALID');
    });

    it('reports a header that is not base64url JSON as malformed', () => {
      expect(codeOf(() => readJwsHeader('!!!.e30.c2ln'))).to.equal('ERR_OB_MALFORMED');
      expect(codeOf(() => readJwsHeader(`${base64url.encode('[1]')}.e30.c2ln`))).to.equal('ERR_OB_MALFORMED');
    });
  });

  describe('verifyCompactJws', () => {
    it('refuses an algorithm that does not fit the key type (no RSA key steered into ECDSA)', async () => {
      const { jws, jwk } = await vector('rfc7520-4.1-rs256');
      expect(await rejectionCodeOf(verifyCompactJws(jws, 'ES256', jwk))).to.equal('ERR_OB_JOSE_ALG_NOT_ALLOWED');
      const ed = await vector('rfc8037-A4-ed25519');
      expect(await rejectionCodeOf(verifyCompactJws(ed.jws, 'ES256', ed.jwk))).to.equal('ERR_OB_JOSE_ALG_NOT_ALLOWED');
      expect(await rejectionCodeOf(verifyCompactJws(ed.jws, 'HS256', ed.jwk))).to.equal('ERR_OB_JOSE_ALG_NOT_ALLOWED');
      for (const inherited of ['constructor', '__proto__', 'toString']) {
        expect(await rejectionCodeOf(verifyCompactJws(ed.jws, inherited, ed.jwk)), inherited).to.equal(
          'ERR_OB_JOSE_ALG_NOT_ALLOWED',
        );
      }
    });

    it('verifies a freshly signed ES256 token and rejects it under another key', async () => {
      const signer = await generateKeyPair('ES256', { extractable: true });
      const other = await generateKeyPair('ES256', { extractable: true });
      const jws = await new CompactSign(enc.encode('{"hello":"world"}'))
        .setProtectedHeader({ alg: 'ES256' })
        .sign(signer.privateKey);
      const payload = await verifyCompactJws(jws, 'ES256', await exportJWK(signer.publicKey));
      expect(dec.decode(payload)).to.equal('{"hello":"world"}');
      expect(await rejectionCodeOf(verifyCompactJws(jws, 'ES256', await exportJWK(other.publicKey)))).to.equal(
        'ERR_OB_SIGNATURE_INVALID',
      );
    });

    it('treats a truncated signature as an invalid signature', async () => {
      const { jws, jwk } = await vector('rfc8037-A4-ed25519');
      expect(await rejectionCodeOf(verifyCompactJws(jws.slice(0, -10), 'EdDSA', jwk))).to.equal(
        'ERR_OB_SIGNATURE_INVALID',
      );
    });
  });

  it('looksLikeCompactJws accepts three base64url segments only', () => {
    expect(looksLikeCompactJws('a.b.c')).to.equal(true);
    expect(looksLikeCompactJws('a.b.')).to.equal(true);
    expect(looksLikeCompactJws('a..c')).to.equal(false);
    expect(looksLikeCompactJws('a.b')).to.equal(false);
    expect(looksLikeCompactJws('a.b.c.d.e')).to.equal(false);
    expect(looksLikeCompactJws('{"a":1}')).to.equal(false);
  });
});
