import { expect } from '@open-wc/testing';
import { gzipSync } from 'fflate';
import { base64url } from 'jose';
import { gunzipCapped } from '../lib/gzip.js';
import { decodeEncodedList, MAX_BITSTRING_BYTES, readEntry } from './bitstring.js';

/** The set bits of a decoded list, MSB-first. */
function setBits(bytes: Uint8Array): number[] {
  const set: number[] = [];
  for (let i = 0; i < bytes.length * 8; i++) if (readEntry(bytes, i, 1) === 1) set.push(i);
  return set;
}

async function corpusList(file: string): Promise<string> {
  const response = await fetch(`/test/conformance/status-lists/${file}`);
  const list = (await response.json()) as { credentialSubject: { encodedList: string } };
  return list.credentialSubject.encodedList;
}

async function decoded(encodedList: string, multibase: boolean): Promise<Uint8Array> {
  const result = await decodeEncodedList(encodedList, multibase);
  if (!result.ok) throw new Error(`not decoded: ${result.reason}`);
  return result.bytes;
}

describe('status list bitstrings', () => {
  describe('the real lists of the conformance corpus (README "Conventions" 3)', () => {
    it('DCC BitstringStatusList: 100,000 entries, bits 2, 6 and 8 set, most significant bit first', async () => {
      for (const file of [
        'dcc-vctf-statuslist-e5WK8CbZ1GjycuPombrj.json',
        'dcc-verifier-core-bitstring-e5WK8CbZ1GjycuPombrj.json',
      ]) {
        const bytes = await decoded(await corpusList(file), true);
        expect(bytes.length * 8, file).to.equal(100_000);
        expect(setBits(bytes), file).to.deep.equal([2, 6, 8]);
        expect(readEntry(bytes, 7, 1)).to.equal(0);
        expect(readEntry(bytes, 9, 1)).to.equal(0);
      }
    });

    it('1EdTech BitstringStatusList test list: 131,072 entries, only index 23 set (16 if read LSB-first)', async () => {
      const bytes = await decoded(await corpusList('1edtech-dcpv-bit-string-list-testlist.json'), true);
      expect(bytes.length * 8).to.equal(131_072);
      expect(setBits(bytes)).to.deep.equal([23]);
    });

    it('Digital Bazaar StatusList2021 lists (no multibase prefix): only index 50007 set, 67342 clear', async () => {
      for (const file of [
        'digitalbazaar-vc-status-list-slCredentialRevocation.json',
        'digitalbazaar-vc-status-list-slCredentialSuspension.json',
      ]) {
        const bytes = await decoded(await corpusList(file), false);
        expect(bytes.length * 8, file).to.equal(100_000);
        expect(setBits(bytes), file).to.deep.equal([50_007]);
        expect(readEntry(bytes, 67_342, 1)).to.equal(0);
      }
    });

    it('refuses a tampered list that is no longer base64url GZIP', async () => {
      const tampered = await corpusList('dcc-vctf-statuslist-tampered.json');
      expect((await decodeEncodedList(tampered, true)).ok).to.equal(false);
    });
  });

  describe('encodedList', () => {
    const bits = new Uint8Array([0b1000_0000, 0b0000_0001]);
    const plain = base64url.encode(gzipSync(bits));

    it('requires the Multibase "u" prefix for Bitstring Status List, and none for Status List 2021', async () => {
      expect(await decoded(`u${plain}`, true)).to.deep.equal(bits);
      expect(await decodeEncodedList(plain, true)).to.deep.equal({ ok: false, reason: 'encoding' });
      expect(await decoded(plain, false)).to.deep.equal(bits);
    });

    it('reads Status List 2021 lists written in padded or standard base64 as the same bytes', async () => {
      const standard = btoa(String.fromCharCode(...gzipSync(bits)));
      expect(await decoded(standard, false)).to.deep.equal(bits);
    });

    it('refuses text that is not base64url, and base64url that is not GZIP', async () => {
      expect(await decodeEncodedList('u<script>', true)).to.deep.equal({ ok: false, reason: 'encoding' });
      expect(await decodeEncodedList('u', true)).to.deep.equal({ ok: false, reason: 'encoding' });
      expect(await decodeEncodedList(`u${base64url.encode(bits)}`, true)).to.deep.equal({
        ok: false,
        reason: 'corrupt',
      });
      const truncated = gzipSync(new Uint8Array(1000).fill(7)).subarray(0, 12);
      expect(await decodeEncodedList(`u${base64url.encode(truncated)}`, true)).to.deep.equal({
        ok: false,
        reason: 'corrupt',
      });
    });
  });

  describe('readEntry', () => {
    const bytes = new Uint8Array([0b1011_0000, 0b0000_0011]);

    it('reads one-bit entries from the most significant bit of the first byte', () => {
      expect([0, 1, 2, 3, 4].map((i) => readEntry(bytes, i, 1))).to.deep.equal([1, 0, 1, 1, 0]);
      expect(readEntry(bytes, 15, 1)).to.equal(1);
    });

    it('reads wider entries as big-endian numbers at index × size', () => {
      expect([0, 1, 2, 3].map((i) => readEntry(bytes, i, 2))).to.deep.equal([0b10, 0b11, 0b00, 0b00]);
      expect(readEntry(bytes, 7, 2)).to.equal(0b11);
      expect(readEntry(bytes, 1, 8)).to.equal(0b0000_0011);
    });

    it('gives undefined for an entry not wholly inside the list', () => {
      expect(readEntry(bytes, 16, 1)).to.equal(undefined);
      expect(readEntry(bytes, 8, 2)).to.equal(undefined);
      expect(readEntry(bytes, Number.MAX_SAFE_INTEGER, 1)).to.equal(undefined);
      expect(readEntry(bytes, Number.MAX_SAFE_INTEGER, 3)).to.equal(undefined);
    });
  });

  describe('the decompression cap (zip bombs)', () => {
    it('decodes a list of exactly the cap, and refuses one byte more', async function () {
      this.timeout(20_000);
      const atCap = gzipSync(new Uint8Array(MAX_BITSTRING_BYTES));
      const overCap = gzipSync(new Uint8Array(MAX_BITSTRING_BYTES + 1));
      // Megabytes of zeros compress about a thousandfold: a small download, a large allocation.
      expect(overCap.byteLength).to.be.below(64 * 1024);
      expect((await decodeEncodedList(`u${base64url.encode(atCap)}`, true)).ok).to.equal(true);
      expect(await decodeEncodedList(`u${base64url.encode(overCap)}`, true)).to.deep.equal({
        ok: false,
        reason: 'too-large',
      });
    });

    it('is not fooled by a GZIP trailer that misstates the size: the cap counts what comes out', async () => {
      const honest = gzipSync(new Uint8Array(4096));
      const liar = honest.slice();
      // ISIZE, the last four bytes, little-endian: claim 4 GiB − 1.
      liar.set([0xff, 0xff, 0xff, 0xff], liar.length - 4);
      // The platform's inflater checks the trailer against what came out: not GZIP, whatever the cap.
      expect(await gunzipCapped(liar, 1024)).to.deep.equal({ ok: false, reason: 'corrupt' });
      expect(await gunzipCapped(liar, 8192)).to.deep.equal({ ok: false, reason: 'corrupt' });
      const result = await gunzipCapped(honest, 8192);
      expect(result.ok && result.bytes.byteLength).to.equal(4096);
    });

    it('keeps the cap where the platform has no DecompressionStream (fflate, loaded then)', async function () {
      this.timeout(20_000);
      const scope = globalThis as { DecompressionStream?: unknown };
      const platform = scope.DecompressionStream;
      delete scope.DecompressionStream;
      try {
        const bits = new Uint8Array([0b1000_0000, 0b0000_0001]);
        const read = await gunzipCapped(gzipSync(bits), 1024);
        expect(read.ok && [...read.bytes]).to.deep.equal([...bits]);
        expect(
          await gunzipCapped(gzipSync(new Uint8Array(MAX_BITSTRING_BYTES + 1)), MAX_BITSTRING_BYTES),
        ).to.deep.equal({ ok: false, reason: 'too-large' });
        const noise = gzipSync(crypto.getRandomValues(new Uint8Array(1000)));
        expect(await gunzipCapped(noise.subarray(0, 500), 1024)).to.deep.equal({
          ok: false,
          reason: 'corrupt',
        });
      } finally {
        scope.DecompressionStream = platform;
      }
    });
  });
});
