import { expect } from '@open-wc/testing';
import * as main from '../src/index.js';
import * as core from '../src/core/index.js';

// What the README promises a page can import: the English strings to translate from, and the
// result as JSON (what `ob-verify --json` prints).
describe('public API', () => {
  it('exports the English strings of every element', () => {
    expect(main.en.codeText('ERR_OB_SIGNATURE_INVALID', undefined, {} as never))
      .to.be.a('string')
      .and.not.equal('');
    expect(main.listEn).to.be.an('object');
    expect(main.inspectorEn).to.be.an('object');
  });

  it('exports resultToJson from the core', () => {
    const json = core.resultToJson({
      verdict: 'verified',
      checks: [],
      bakedImage: { container: 'png', contentType: 'image/png', bytes: new Uint8Array(3) },
    } as never) as { bakedImage: { byteLength: number } };
    expect(json.bakedImage.byteLength).to.equal(3);
  });

  it('exports the elements and their event classes, and nothing else that is not documented', () => {
    expect(Object.keys(main).sort()).to.deep.equal(
      ['ObBadge', 'ObBadgeList', 'ObVerifiedEvent', 'en', 'inspectorEn', 'listEn'].sort(),
    );
  });
});
