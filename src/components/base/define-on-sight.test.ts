import { expect } from '@open-wc/testing';
import { defineOnSight } from './define-on-sight.js';

/** Resolves after the observer's callback for mutations made before it has run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('defineOnSight', () => {
  it('loads an element module only once an element with its tag is in the document', async () => {
    const loads: string[] = [];
    defineOnSight(document, {
      'ob-test-seen': async () => void loads.push('seen'),
      'ob-test-nested': async () => void loads.push('nested'),
      'ob-test-never': async () => void loads.push('never'),
    });
    await settle();
    expect(loads).to.deep.equal([]);

    const seen = document.createElement('ob-test-seen');
    document.body.append(seen);
    await settle();
    expect(loads).to.deep.equal(['seen']);

    // Deep in an added subtree, and a second element of a tag already loaded: one load each.
    const wrapper = document.createElement('div');
    wrapper.innerHTML = '<section><ob-test-nested></ob-test-nested><ob-test-seen></ob-test-seen></section>';
    document.body.append(wrapper);
    await settle();
    expect(loads).to.deep.equal(['seen', 'nested']);
    seen.remove();
    wrapper.remove();
  });

  it('finds elements already in the document, and retries a load that failed', async () => {
    const present = document.createElement('ob-test-present');
    document.body.append(present);
    let attempts = 0;
    defineOnSight(document, {
      'ob-test-present': async () => {
        attempts++;
        if (attempts === 1) throw new Error('offline');
      },
    });
    await settle();
    expect(attempts).to.equal(1);
    document.body.append(document.createElement('ob-test-present'));
    await settle();
    expect(attempts).to.equal(2);
    for (const el of document.querySelectorAll('ob-test-present')) el.remove();
  });
});
