import { expect } from '@open-wc/testing';
import { bakePng, concat, crc32 as crc32Js, iTXtData, pngChunk, pngChunks } from '../../../scripts/bake.js';
import { thrown } from '../../../test/helpers/errors.js';
import { crc32 } from './crc32.js';
import { MAX_PNG_CHUNKS, unbakePng } from './png.js';

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
/** A 1×1 greyscale IHDR; nothing here decodes pixels, so no IDAT is needed. */
const IHDR = pngChunk('IHDR', Uint8Array.of(0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0));
const IEND = pngChunk('IEND', new Uint8Array());
const png = (...chunks: Uint8Array[]) => concat([SIGNATURE, IHDR, ...chunks, IEND]);
const u32 = (n: number) => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n);
  return b;
};
const flip = (bytes: Uint8Array, at: number, xor: number) => {
  bytes[at] = bytes[at]! ^ xor;
};
/** The offset of the n-th chunk (0 = IHDR) in a file built by `png()`. */
const offsetOf = (bytes: Uint8Array, n: number) => pngChunks(bytes)[n]!.start;

const JWS = 'eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJkaWQ6a2V5OnoifQ.c2ln';

describe('unbakePng', () => {
  let realPng: Uint8Array;
  before(async () => {
    realPng = new Uint8Array(
      await (await fetch('/test/conformance/baked/validator-core-public_domain_heart.png')).arrayBuffer(),
    );
  });

  describe('crc32', () => {
    it('computes the PNG CRC (check value of "123456789", and an IEND chunk)', () => {
      expect(crc32(latin1('123456789'))).to.equal(0xcbf43926);
      expect(crc32(latin1('IEND'))).to.equal(0xae426082);
      expect(crc32(new Uint8Array())).to.equal(0);
      const bytes = crypto.getRandomValues(new Uint8Array(1000));
      expect(crc32(bytes)).to.equal(crc32Js(bytes));
    });
  });

  describe('round trips through scripts/bake.js', () => {
    it('reads an OB 3.0 JSON credential baked into a real PNG, non-ASCII text intact', () => {
      const json = '{"name":"Café ☕ — 日本語 🎓","type":["VerifiableCredential","OpenBadgeCredential"]}';
      const baked = bakePng(realPng, 'openbadgecredential', `\n  ${json}\n`);
      expect(pngChunks(baked).map((c) => c.type)).to.deep.equal(['IHDR', 'iTXt', 'bKGD', 'pHYs', 'IDAT', 'IEND']);
      expect(unbakePng(baked)).to.deep.equal({
        container: 'png',
        generation: 'ob3',
        payload: json,
        location: 'iTXt openbadgecredential',
      });
    });

    it('reads an OB 2.0 compact JWS', () => {
      expect(unbakePng(bakePng(realPng, 'openbadges', JWS))).to.deep.equal({
        container: 'png',
        generation: 'ob2',
        payload: JWS,
        location: 'iTXt openbadges',
      });
    });

    it('re-baking with the same keyword replaces the chunk instead of adding a second one', () => {
      const twice = bakePng(bakePng(realPng, 'openbadges', 'https://example.org/a'), 'openbadges', JWS);
      expect(pngChunks(twice).filter((c) => c.type === 'iTXt')).to.have.length(1);
      expect(unbakePng(twice).payload).to.equal(JWS);
    });

    it('ignores bytes after IEND', () => {
      const baked = concat([bakePng(realPng, 'openbadges', JWS), latin1('trailing garbage \x00\xff')]);
      expect(unbakePng(baked).payload).to.equal(JWS);
    });

    it('reads iTXt with a language tag, a translated keyword and a UTF-8 BOM before the text', () => {
      const data = concat([
        latin1('openbadgecredential\0\0\0en-GB\0'),
        new TextEncoder().encode('Abzeichen\0'),
        Uint8Array.of(0xef, 0xbb, 0xbf),
        latin1(JWS),
      ]);
      expect(unbakePng(png(pngChunk('iTXt', data)))).to.include({ payload: JWS, generation: 'ob3' });
    });
  });

  describe('what is not a credential', () => {
    it('a PNG without an openbadges chunk is not baked', () => {
      const error = thrown(() => unbakePng(realPng));
      expect(error.code).to.equal('ERR_OB_IMAGE_NOT_BAKED');
      expect(error.details).to.deep.equal({ container: 'png' });
    });

    it('compares keywords exactly: other spellings and other text chunks are ignored', () => {
      const others = png(
        pngChunk('iTXt', iTXtData('OpenBadges', JWS)),
        pngChunk('iTXt', iTXtData('openbadges2', JWS)),
        pngChunk('iTXt', iTXtData('XML:com.adobe.xmp', '<x:xmpmeta/>')),
        pngChunk('tEXt', latin1('Software\0openbadges')),
        pngChunk('tEXt', latin1('openbadgesopenbadges')),
      );
      expect(thrown(() => unbakePng(others)).code).to.equal('ERR_OB_IMAGE_NOT_BAKED');
    });
  });

  describe('the legacy pre-1.0 tEXt chunk', () => {
    it('reads a hosted-assertion URL from tEXt openbadges as ob2, decoded as Latin-1', () => {
      const data = concat([latin1('openbadges\0https://example.org/caf'), Uint8Array.of(0xe9), latin1('/1 ')]);
      expect(unbakePng(png(pngChunk('tEXt', data)))).to.deep.equal({
        container: 'png',
        generation: 'ob2',
        payload: 'https://example.org/café/1',
        location: 'tEXt openbadges',
      });
    });
  });

  describe('corrupt files', () => {
    const corrupt = (bytes: Uint8Array) => {
      const error = thrown(() => unbakePng(bytes));
      expect(error.code).to.equal('ERR_OB_IMAGE_CORRUPT');
      return error.details as Record<string, unknown>;
    };

    it('rejects a file without the PNG signature, or shorter than it', () => {
      expect(corrupt(latin1('GIF89a........'))).to.deep.equal({ container: 'png', reason: 'signature', offset: 0 });
      expect(corrupt(SIGNATURE.subarray(0, 7)).reason).to.equal('signature');
      expect(corrupt(new Uint8Array()).reason).to.equal('signature');
    });

    it('checks the CRC of the credential chunk', () => {
      const baked = png(pngChunk('iTXt', iTXtData('openbadges', JWS)));
      const tampered = baked.slice();
      flip(tampered, offsetOf(baked, 1) + 30, 0x01);
      expect(corrupt(tampered)).to.deep.equal({ container: 'png', reason: 'crc', chunk: 'iTXt', offset: 33 });
    });

    it('checks the CRC of every other chunk too, before and after the credential', () => {
      const baked = bakePng(realPng, 'openbadges', JWS);
      const idat = pngChunks(baked).find((c) => c.type === 'IDAT')!;
      const tampered = baked.slice();
      flip(tampered, idat.start + 20, 0x80);
      expect(corrupt(tampered)).to.include({ reason: 'crc', chunk: 'IDAT', offset: idat.start });
      const badIend = baked.slice();
      flip(badIend, badIend.length - 1, 0xff);
      expect(corrupt(badIend)).to.include({ reason: 'crc', chunk: 'IEND' });
    });

    it('rejects a file truncated anywhere, whatever the cut', () => {
      const baked = bakePng(realPng, 'openbadges', JWS);
      const reasons = new Set<unknown>();
      for (let end = 8; end < baked.length; end++) reasons.add(corrupt(baked.subarray(0, end)).reason);
      expect([...reasons].sort()).to.deep.equal(['chunk-length', 'missing-iend', 'truncated']);
    });

    it('rejects chunk lengths beyond the file and beyond 2^31 − 1', () => {
      const baked = png(pngChunk('iTXt', iTXtData('openbadges', JWS)));
      const at = offsetOf(baked, 1);
      for (const length of [0x80000000, 0xffffffff, baked.length]) {
        const tampered = baked.slice();
        tampered.set(u32(length), at);
        expect(corrupt(tampered)).to.include({ reason: 'chunk-length', chunk: 'iTXt', offset: at, length });
      }
    });

    it('requires IHDR first and IEND at the end', () => {
      const noIhdr = concat([SIGNATURE, pngChunk('iTXt', iTXtData('openbadges', JWS)), IEND]);
      expect(corrupt(noIhdr)).to.include({ reason: 'ihdr', chunk: 'iTXt', offset: 8 });
      const shortIhdr = concat([SIGNATURE, pngChunk('IHDR', new Uint8Array(4)), IEND]);
      expect(corrupt(shortIhdr)).to.include({ reason: 'ihdr', chunk: 'IHDR' });
      const noIend = concat([SIGNATURE, IHDR, pngChunk('iTXt', iTXtData('openbadges', JWS))]);
      expect(corrupt(noIend)).to.include({ reason: 'missing-iend' });
    });

    it('rejects a chunk type that is not four ASCII letters', () => {
      const bad = png(pngChunk('iT1t', iTXtData('openbadges', JWS)));
      expect(corrupt(bad)).to.include({ reason: 'chunk-type', offset: 33 });
    });

    it(`stops after ${MAX_PNG_CHUNKS} chunks instead of walking an arbitrarily long chain`, () => {
      const tiny = pngChunk('tEXt', latin1('k\0'));
      const many = png(...Array.from({ length: MAX_PNG_CHUNKS }, () => tiny));
      expect(corrupt(many)).to.include({ reason: 'too-many-chunks' });
      expect(thrown(() => unbakePng(png(...Array.from({ length: 100 }, () => tiny)))).code).to.equal(
        'ERR_OB_IMAGE_NOT_BAKED',
      );
    });

    it('rejects iTXt text that is not valid UTF-8 instead of repairing it', () => {
      const data = concat([latin1('openbadges\0\0\0\0\0{"name":"'), Uint8Array.of(0xc3, 0x28), latin1('"}')]);
      expect(corrupt(png(pngChunk('iTXt', data)))).to.deep.equal({
        container: 'png',
        chunk: 'iTXt',
        keyword: 'openbadges',
        offset: 33,
        reason: 'utf-8',
      });
      const overlong = concat([latin1('openbadges\0\0\0\0\0'), Uint8Array.of(0xc0, 0xaf)]);
      expect(corrupt(png(pngChunk('iTXt', overlong))).reason).to.equal('utf-8');
    });

    it('rejects a credential iTXt whose fields are cut short, or whose text is empty', () => {
      for (const data of [
        'openbadges',
        'openbadges\0',
        'openbadges\0\0',
        'openbadges\0\x02\0\0\0',
        'openbadges\0\0\0en',
      ]) {
        expect(corrupt(png(pngChunk('iTXt', latin1(data)))).reason, JSON.stringify(data)).to.equal('layout');
      }
      expect(corrupt(png(pngChunk('iTXt', iTXtData('openbadges', ' \n\t')))).reason).to.equal('empty');
      expect(corrupt(png(pngChunk('tEXt', latin1('openbadges\0')))).reason).to.equal('empty');
    });
  });

  describe('compression', () => {
    it('refuses a compressed iTXt credential (the spec forbids compression) as unsupported', () => {
      const data = concat([latin1('openbadgecredential\0\x01\0\0\0'), Uint8Array.of(0x78, 0x9c, 0x03, 0, 0, 0, 0, 1)]);
      const error = thrown(() => unbakePng(png(pngChunk('iTXt', data))));
      expect(error.code).to.equal('ERR_OB_UNSUPPORTED');
      expect(error.details).to.deep.equal({
        container: 'png',
        chunk: 'iTXt',
        keyword: 'openbadgecredential',
        offset: 33,
        reason: 'compressed',
      });
    });

    it('refuses a zTXt openbadges chunk the same way', () => {
      const error = thrown(() => unbakePng(png(pngChunk('zTXt', latin1('openbadges\0\0x')))));
      expect(error.code).to.equal('ERR_OB_UNSUPPORTED');
      expect(error.details).to.include({ chunk: 'zTXt', reason: 'compressed' });
    });
  });

  describe('more than one credential', () => {
    const ambiguous = (bytes: Uint8Array) => {
      const error = thrown(() => unbakePng(bytes));
      expect(error.code).to.equal('ERR_OB_IMAGE_AMBIGUOUS');
      return error.details as Record<string, unknown>;
    };

    it('rejects two openbadges chunks, naming both', () => {
      const a = pngChunk('iTXt', iTXtData('openbadges', JWS));
      const b = pngChunk('iTXt', iTXtData('openbadges', 'https://example.org/other'));
      expect(ambiguous(png(a, b))).to.deep.equal({
        container: 'png',
        first: { chunk: 'iTXt', keyword: 'openbadges', offset: 33 },
        second: { chunk: 'iTXt', keyword: 'openbadges', offset: 33 + a.length },
      });
    });

    it('rejects openbadges beside openbadgecredential, and iTXt beside a legacy tEXt', () => {
      const baked = bakePng(bakePng(realPng, 'openbadges', JWS), 'openbadgecredential', '{}');
      expect(ambiguous(baked)).to.nested.include({
        'first.keyword': 'openbadgecredential',
        'second.keyword': 'openbadges',
      });
      const legacy = png(
        pngChunk('tEXt', latin1('openbadges\0https://example.org/a')),
        pngChunk('iTXt', iTXtData('openbadges', JWS)),
      );
      expect(ambiguous(legacy)).to.nested.include({ 'first.chunk': 'tEXt', 'second.chunk': 'iTXt' });
    });

    it('reports corruption anywhere in the file before ambiguity', () => {
      const twice = png(pngChunk('iTXt', iTXtData('openbadges', JWS)), pngChunk('iTXt', iTXtData('openbadges', JWS)));
      const cut = twice.subarray(0, twice.length - 1);
      expect(thrown(() => unbakePng(cut)).code).to.equal('ERR_OB_IMAGE_CORRUPT');
    });
  });
});
