import { expect } from '@open-wc/testing';
import { bakePng, bakeSvg } from '../../../scripts/bake.js';
import { rejected } from '../../../test/helpers/errors.js';
import { Aborted } from '../errors.js';
import { DEFAULT_MAX_BYTES } from '../fetcher.js';
import { isBakedImageType, unbake, type BakedCredential } from './unbake.js';

const BASE = '/test/conformance/baked/';
const load = async (file: string) => new Uint8Array(await (await fetch(BASE + file)).arrayBuffer());
const typeOf = (file: string) => (file.endsWith('.png') ? 'image/png' : 'image/svg+xml');
const JWS_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const jwsHeader = (jws: string) =>
  JSON.parse(atob(jws.split('.')[0]!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;

type Expected = { generation: 'ob2' | 'ob3'; location: string; check: (payload: string) => void } | { error: string };

const json = (fields: Record<string, unknown>) => (payload: string) =>
  expect(JSON.parse(payload)).to.deep.include(fields);
const exactly = (value: string) => (payload: string) => {
  expect(payload).to.equal(value);
};
const rs256Jws = (payload: string) => {
  expect(payload).to.match(JWS_SHAPE);
  expect(jwsHeader(payload)).to.include({ alg: 'RS256' });
};
const OB3 = { id: 'http://example.com/credentials/3527', type: ['VerifiableCredential', 'OpenBadgeCredential'] };
const OB2_ROBOTICS = { id: 'https://example.org/beths-robotics-badge.json', type: 'Assertion' };

/** What test/conformance/manifest.json's detail says each baked file holds. */
const CORPUS: Record<string, Expected> = {
  '1edtech-dcpv-ob20-simple-badge.png': { generation: 'ob2', location: 'iTXt openbadges', check: json(OB2_ROBOTICS) },
  '1edtech-dcpv-ob30-simple-json.png': { generation: 'ob3', location: 'iTXt openbadgecredential', check: json(OB3) },
  '1edtech-dcpv-ob30-simple-json.svg': {
    generation: 'ob3',
    location: 'openbadges:credential content',
    check: json(OB3),
  },
  '1edtech-dcpv-ob30-simple-jwt.png': { generation: 'ob3', location: 'iTXt openbadgecredential', check: rs256Jws },
  '1edtech-dcpv-ob30-simple-jwt.svg': {
    generation: 'ob3',
    location: 'openbadges:credential verify attribute',
    check: rs256Jws,
  },
  '1edtech-dcpv-ob30-simple-jwt_v1.png': { generation: 'ob3', location: 'iTXt openbadgecredential', check: rs256Jws },
  '1edtech-dcpv-ob30-simple-jwt_v1.svg': {
    generation: 'ob3',
    location: 'openbadges:credential verify attribute',
    check: rs256Jws,
  },
  'concentricsky-bakery-baked_example.svg': {
    generation: 'ob2',
    location: 'openbadges:assertion content',
    check: json({ uid: 'abcdef12345', verify: { type: 'hosted', url: 'https://example.org/assertion.json' } }),
  },
  'concentricsky-bakery-baked_heart.png': {
    generation: 'ob2',
    location: 'iTXt openbadges',
    check: json({ uid: '123', verify: { type: 'hosted', url: 'http://example.org/badgeinstance1' } }),
  },
  'concentricsky-bakery-unbaked_example.svg': { error: 'ERR_OB_IMAGE_NOT_BAKED' },
  'mozilla-bakery-bad-json.svg': {
    generation: 'ob2',
    location: 'openbadges:assertion verify attribute',
    check: exactly('http://example.org'),
  },
  'mozilla-bakery-baked.svg': {
    generation: 'ob2',
    location: 'openbadges:assertion content',
    check: exactly('{"verify":{"url":"http://example.org"}}'),
  },
  'mozilla-bakery-no-json.svg': {
    generation: 'ob2',
    location: 'openbadges:assertion verify attribute',
    check: exactly('http://example.org'),
  },
  'mozilla-bakery-unbaked.png': { error: 'ERR_OB_IMAGE_NOT_BAKED' },
  'mozilla-bakery-unbaked.svg': { error: 'ERR_OB_IMAGE_NOT_BAKED' },
  'validator-core-baked_heart.png': { generation: 'ob2', location: 'iTXt openbadges', check: json(OB2_ROBOTICS) },
  'validator-core-public_domain_heart.png': { error: 'ERR_OB_IMAGE_NOT_BAKED' },
};

describe('unbake', () => {
  describe('the conformance corpus (test/conformance/baked/)', () => {
    it('covers every baked case in the manifest', async () => {
      const manifest = (await (await fetch('/test/conformance/manifest.json')).json()) as {
        cases: { file: string; category: string }[];
      };
      const baked = manifest.cases.filter((c) => c.category === 'baked').map((c) => c.file.replace('baked/', ''));
      expect(Object.keys(CORPUS).sort()).to.deep.equal(baked.sort());
    });

    for (const [file, expected] of Object.entries(CORPUS)) {
      it(`${file}: ${'error' in expected ? expected.error : `${expected.generation} from ${expected.location}`}`, async () => {
        const bytes = await load(file);
        if ('error' in expected) {
          expect((await rejected(unbake(bytes, typeOf(file)))).code).to.equal(expected.error);
          return;
        }
        const result = await unbake(bytes, typeOf(file));
        expect(result.container).to.equal(file.slice(-3));
        expect(result.generation).to.equal(expected.generation);
        expect(result.location).to.equal(expected.location);
        expect(result.payload).to.equal(result.payload.trim());
        expected.check(result.payload);
      });
    }

    it('reads the same JWS from the SVG attribute as a text search of the file finds', async () => {
      const text = new TextDecoder().decode(await load('1edtech-dcpv-ob30-simple-jwt.svg'));
      const attribute = /verify="([^"]+)"/.exec(text)![1];
      expect((await unbake(await load('1edtech-dcpv-ob30-simple-jwt.svg'), 'image/svg+xml')).payload).to.equal(
        attribute,
      );
    });

    it('re-baking a corpus payload into an unbaked corpus image gives it back unchanged', async () => {
      const source = await unbake(await load('1edtech-dcpv-ob30-simple-json.png'), 'image/png');
      const png = bakePng(await load('mozilla-bakery-unbaked.png'), 'openbadgecredential', source.payload);
      expect(await unbake(png, 'image/png')).to.deep.equal(source);
      const svgText = new TextDecoder().decode(await load('mozilla-bakery-unbaked.svg'));
      const svg = bakeSvg(svgText, 'ob3', { json: source.payload });
      expect(await unbake(new TextEncoder().encode(svg), 'image/svg+xml')).to.deep.equal({
        ...source,
        container: 'svg',
        location: 'openbadges:credential content',
      } satisfies BakedCredential);
    });
  });

  describe('media types', () => {
    it('isBakedImageType: PNG and SVG, parameters and case ignored', () => {
      for (const type of ['image/png', 'image/svg+xml', 'IMAGE/PNG', 'image/svg+xml; charset=utf-8', ' image/png ']) {
        expect(isBakedImageType(type), type).to.equal(true);
      }
      for (const type of ['image/jpeg', 'image/gif', 'image/webp', 'application/json', 'text/xml', 'image/svg', '']) {
        expect(isBakedImageType(type), type).to.equal(false);
      }
    });

    it('dispatches on the media type, parameters and case ignored', async () => {
      const bytes = await load('mozilla-bakery-baked.svg');
      expect(await unbake(bytes, 'Image/SVG+XML; charset=UTF-8')).to.include({ container: 'svg' });
    });

    it('rejects other media types as unsupported', async () => {
      const error = await rejected(unbake(new Uint8Array([0xff, 0xd8, 0xff]), 'image/jpeg'));
      expect(error.code).to.equal('ERR_OB_UNSUPPORTED');
      expect(error.details).to.deep.equal({ contentType: 'image/jpeg' });
    });

    it('reports a PNG labelled as SVG (and the reverse) as corrupt, not as something else', async () => {
      expect((await rejected(unbake(await load('validator-core-baked_heart.png'), 'image/svg+xml'))).code).to.equal(
        'ERR_OB_IMAGE_CORRUPT',
      );
      expect((await rejected(unbake(await load('mozilla-bakery-baked.svg'), 'image/png'))).details).to.include({
        reason: 'signature',
      });
    });
  });

  describe('limits and abort', () => {
    it(`refuses an image over maxBytes (default ${DEFAULT_MAX_BYTES}) before reading it`, async () => {
      const bytes = await load('validator-core-baked_heart.png');
      const error = await rejected(unbake(bytes, 'image/png', { maxBytes: bytes.length - 1 }));
      expect(error.code).to.equal('ERR_OB_TOO_LARGE');
      expect(error.details).to.deep.equal({ size: bytes.length, maxBytes: bytes.length - 1 });
      expect(await unbake(bytes, 'image/png', { maxBytes: bytes.length })).to.include({ generation: 'ob2' });
      const huge = new Uint8Array(DEFAULT_MAX_BYTES + 1);
      expect((await rejected(unbake(huge, 'image/svg+xml'))).code).to.equal('ERR_OB_TOO_LARGE');
    });

    it('rejects with Aborted when the signal is already aborted, passing a coded reason through', async () => {
      const bytes = await load('validator-core-baked_heart.png');
      const controller = new AbortController();
      controller.abort();
      expect((await rejected(unbake(bytes, 'image/png', { signal: controller.signal }))).code).to.equal(
        'ERR_OB_ABORTED',
      );
      const reason = new Aborted('the component was removed');
      expect(await rejected(unbake(bytes, 'image/png', { signal: AbortSignal.abort(reason) }))).to.equal(reason);
    });
  });
});
