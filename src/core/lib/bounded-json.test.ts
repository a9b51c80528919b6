import { expect } from '@open-wc/testing';
import type { VerificationResult } from '../result.js';
import { resultToJson } from '../result-json.js';
import { boundedJson, MAX_REPORT_DEPTH, TOO_DEEP_MARKER, TOO_MANY_MARKER } from './bounded-json.js';

/** `[[[…]]]` `depth` levels deep, built without recursion (as JSON.parse would hand it over). */
function deepArrays(depth: number): unknown {
  let value: unknown = [];
  for (let i = 1; i < depth; i++) value = [value];
  return value;
}

function depthOf(value: unknown): number {
  let depth = 0;
  while (Array.isArray(value)) {
    depth += 1;
    value = value[0];
  }
  return depth;
}

describe('boundedJson', () => {
  it('copies ordinary JSON unchanged, keys in order, `__proto__` kept as a key', () => {
    const value = JSON.parse('{"b":1,"a":[true,null,"x",{"c":2.5}],"__proto__":{"d":[]}}') as unknown;
    const copy = boundedJson(value);
    expect(JSON.stringify(copy)).to.equal(JSON.stringify(value));
    expect(Object.keys(copy as object)).to.deep.equal(['b', 'a', '__proto__']);
  });

  it('writes what JSON.stringify writes for dates, undefined members and byte arrays (their length)', () => {
    const copy = boundedJson({
      at: new Date('2026-06-01T00:00:00Z'),
      gone: undefined,
      bytes: new Uint8Array(3),
      n: 1n,
    });
    expect(copy).to.deep.equal({ at: '2026-06-01T00:00:00.000Z', bytes: { byteLength: 3 }, n: '1' });
  });

  it('replaces what lies deeper than the limit with a marker: 300,000-deep arrays stringify, no RangeError', () => {
    const deep = deepArrays(300_000);
    const text = JSON.stringify(boundedJson({ credential: deep }));
    const copy = JSON.parse(text) as { credential: unknown };
    expect(depthOf(copy.credential)).to.equal(MAX_REPORT_DEPTH - 1);
    expect(text).to.contain(JSON.stringify(TOO_DEEP_MARKER));
  });

  it('stops at the node budget, so a shared or cyclic structure cannot grow without end', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic['self'] = cyclic;
    cyclic['again'] = cyclic;
    const text = JSON.stringify(boundedJson(cyclic, 64, 1000));
    expect(text).to.contain(JSON.stringify(TOO_MANY_MARKER));
    expect(text.length).to.be.below(100_000);
  });
});

describe('resultToJson with deep badge data', () => {
  it('bounds the credential, check details and nested results', () => {
    const deep = deepArrays(300_000);
    const inner: VerificationResult = {
      verified: true,
      verdict: 'verified',
      checks: [{ id: 'proof', status: 'passed', details: { deep } }],
      credential: { deep },
      checkedAt: '2026-06-01T00:00:00.000Z',
      format: 'ob3-jwt',
      badge: undefined,
    };
    const result: VerificationResult = {
      ...inner,
      nested: [{ path: 'credentialSubject', role: 'achievement', result: inner } as never],
    };
    const text = JSON.stringify(resultToJson(result), null, 2);
    expect(text).to.contain(TOO_DEEP_MARKER);
    const json = JSON.parse(text) as { verdict: string; nested: { result: { verdict: string } }[] };
    expect(json.verdict).to.equal('verified');
    expect(json.nested[0]!.result.verdict).to.equal('verified');
  });
});
