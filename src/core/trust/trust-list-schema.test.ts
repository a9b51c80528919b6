import { expect } from '@open-wc/testing';
import { parseTrustList } from './trust.js';

describe('the documented trust list', () => {
  it('the example in docs/ is a valid trust list', async () => {
    const example = (await (await fetch('/docs/trust-list.example.json')).json()) as unknown;
    const list = parseTrustList(example);
    expect(list.name).to.equal('Harbor City Careers');
    expect(list.issuers.map((entry) => entry.name)).to.deep.equal([
      'Example University',
      'Northwind Coding Academy',
      'Millbrook Code Club',
    ]);
  });

  it('the schema requires what the parser requires', async () => {
    const schema = (await (await fetch('/docs/trust-list.schema.json')).json()) as {
      required: string[];
      $defs: { issuer: { required: string[]; anyOf: { required: string[] }[] } };
    };
    expect(schema.required).to.deep.equal(['issuers']);
    expect(schema.$defs.issuer.required).to.deep.equal(['name']);
    expect(schema.$defs.issuer.anyOf.map((rule) => rule.required[0])).to.deep.equal(['id', 'did', 'domain']);
  });
});
