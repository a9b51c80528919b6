import { expect } from '@open-wc/testing';
import { defaultVerifier } from './default-verifier.js';

describe('defaultVerifier', () => {
  it('shares one verifier per page, and one per proxy template', async () => {
    const direct = await defaultVerifier();
    expect(await defaultVerifier()).to.equal(direct);
    const proxied = await defaultVerifier('https://proxy.example/fetch?url={url}');
    expect(await defaultVerifier('https://proxy.example/fetch?url={url}')).to.equal(proxied);
    expect(proxied).to.not.equal(direct);
    expect(await defaultVerifier('https://other-proxy.example/{url}')).to.not.equal(proxied);
  });

  it('rejects a template without {url}, and does not remember the failure', async () => {
    const first = defaultVerifier('https://proxy.example/fetch');
    let error: unknown;
    try {
      await first;
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(TypeError);
    expect(defaultVerifier('https://proxy.example/fetch')).to.not.equal(first);
  });
});
