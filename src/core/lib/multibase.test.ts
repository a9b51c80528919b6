import { expect } from '@open-wc/testing';
import { decodeBase58btc, decodeMultibase, readMulticodec, readVarint } from './multibase.js';

const hex = (bytes: Uint8Array | undefined) =>
  bytes ? [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('') : undefined;

describe('multibase', () => {
  it('decodes base58btc, keeping leading zero bytes', () => {
    // "Hello World!" in the draft-msporny-base58 test vectors.
    expect(hex(decodeBase58btc('2NEpo7TZRRrLZSi2U'))).to.equal('48656c6c6f20576f726c6421');
    expect(hex(decodeBase58btc('11233QC4'))).to.equal('0000287fb4cd');
    expect(hex(decodeBase58btc('1'))).to.equal('00');
  });

  it('refuses characters outside the bitcoin alphabet and empty or huge input', () => {
    expect(decodeBase58btc('0OIl')).to.equal(undefined);
    expect(decodeBase58btc('')).to.equal(undefined);
    expect(decodeBase58btc('2'.repeat(5000))).to.equal(undefined);
  });

  it('accepts only the base58btc multibase prefix', () => {
    expect(hex(decodeMultibase('z2NEpo7TZRRrLZSi2U'))).to.equal('48656c6c6f20576f726c6421');
    expect(decodeMultibase('f48656c6c6f')).to.equal(undefined);
    expect(decodeMultibase('2NEpo7TZRRrLZSi2U')).to.equal(undefined);
  });

  it('reads minimal unsigned varints', () => {
    expect(readVarint(Uint8Array.of(0xed, 0x01))).to.deep.equal({ value: 0xed, length: 2 });
    expect(readVarint(Uint8Array.of(0x80, 0x24))).to.deep.equal({ value: 0x1200, length: 2 });
    expect(readVarint(Uint8Array.of(0x81, 0x24))).to.deep.equal({ value: 0x1201, length: 2 });
    expect(readVarint(Uint8Array.of(0x01))).to.deep.equal({ value: 1, length: 1 });
    // Not minimal (0xed written with a trailing zero continuation), truncated, too long.
    expect(readVarint(Uint8Array.of(0xed, 0x81, 0x00))).to.equal(undefined);
    expect(readVarint(Uint8Array.of(0x80))).to.equal(undefined);
    expect(readVarint(new Uint8Array(10).fill(0x80))).to.equal(undefined);
  });

  it('splits a multicodec prefix from its payload', () => {
    const value = readMulticodec(Uint8Array.of(0xed, 0x01, 1, 2, 3));
    expect(value?.code).to.equal(0xed);
    expect(hex(value?.bytes)).to.equal('010203');
  });
});
