import { expect } from '@open-wc/testing';
import { arrayOf, hasType, withSingleValues } from './json.js';

describe('JSON-LD value helpers', () => {
  it('arrayOf reads one value, an array, and nested arrays as one flat array, as JSON-LD does', () => {
    expect(arrayOf(undefined)).to.deep.equal([]);
    expect(arrayOf('a')).to.deep.equal(['a']);
    expect(arrayOf(['a', ['b', ['c']]])).to.deep.equal(['a', 'b', 'c']);
    expect(hasType({ type: [['BitstringStatusListEntry']] }, 'BitstringStatusListEntry')).to.equal(true);
  });

  it('arrayOf stays bounded on a very deep array', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(() => arrayOf([deep, 'y'])).not.to.throw();
  });

  it('withSingleValues reads one-element arrays as their element and keeps __proto__ as data', () => {
    const node = JSON.parse(
      '{"statusListCredential":["https://s.example/1"],"statusListIndex":[["5"]],"type":["A","B"],"__proto__":{"statusPurpose":"x"}}',
    ) as Record<string, unknown>;
    const read = withSingleValues(node);
    expect(read['statusListCredential']).to.equal('https://s.example/1');
    expect(read['statusListIndex']).to.equal('5');
    expect(read['type']).to.deep.equal(['A', 'B']);
    expect(Object.getPrototypeOf(read)).to.equal(Object.prototype);
    expect(read['statusPurpose']).to.equal(undefined);
  });
});
