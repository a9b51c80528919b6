import { expect, fixture, html } from '@open-wc/testing';
import type { VerificationResult } from '../../core/result.js';
import type { Verifier, VerifyInput } from '../../core/verify.js';
import type { BadgeView } from '../../core/view.js';
import { cannedResult, passedChecks } from '../../../test/helpers/canned-results.js';
import './badge.js';
import type { ObBadge } from './badge.js';

/**
 * The no-JS fallback: what the page puts inside `<ob-badge>` (a link, an image) shows until the
 * element has something to show of its own, and the card replaces it in the render that draws it.
 * (The server's placeholder: scripts/test-ssr.js.)
 */

const NOW = new Date('2025-06-01T12:00:00Z');
const VIEW: BadgeView = {
  spec: 'ob3',
  name: 'Data Literacy',
  issuer: { id: 'did:web:example.edu', name: 'Example University' },
  issuedOn: '2024-01-15T00:00:00Z',
} as BadgeView;
const VERIFIED = cannedResult(passedChecks(VIEW, NOW), VIEW, NOW);

/** A verifier whose answers the test gives, one call at a time. */
class ManualVerifier implements Verifier {
  readonly calls: { input: VerifyInput; resolve: (result: VerificationResult) => void }[] = [];
  verify(input: VerifyInput): Promise<VerificationResult> {
    return new Promise((resolve) => this.calls.push({ input, resolve }));
  }
}

/** Whether `node` is drawn: slotted into the card's tree (or in the light DOM of a plain element). */
function shown(node: Element): boolean {
  return node.getClientRects().length > 0;
}

function slot(el: ObBadge): HTMLSlotElement | null {
  return el.shadowRoot!.querySelector('slot');
}

describe('<ob-badge> no-JS fallback', () => {
  it('shows what the page put inside while it has nothing to verify', async () => {
    const el = await fixture<ObBadge>(
      html`<ob-badge .verifier=${new ManualVerifier()}
        ><a href="https://example.edu/badge">My badge</a><img alt="Badge" width="10" height="10"
      /></ob-badge>`,
    );
    const link = el.querySelector('a')!;
    expect(slot(el)!.assignedElements()).to.deep.equal([link, el.querySelector('img')]);
    expect(shown(link)).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part~="base"]')).to.equal(null);
  });

  it('is replaced by the "Checking…" card in the render that upgrades it, and stays hidden after', async () => {
    const verifier = new ManualVerifier();
    const el = await fixture<ObBadge>(
      html`<ob-badge .verifier=${verifier} .now=${NOW} src="https://example.edu/badge.json"
        ><a href="https://example.edu/badge">My badge</a></ob-badge
      >`,
    );
    const link = el.querySelector('a')!;
    // The first render is the card: the link is no longer drawn, and never drawn beside it.
    expect(el.shadowRoot!.querySelector('[part~="base"]')?.getAttribute('aria-busy')).to.equal('true');
    expect(slot(el)).to.equal(null);
    expect(shown(link)).to.equal(false);
    verifier.calls[0]!.resolve(VERIFIED);
    await el.verifyComplete;
    expect(el.matches(':state(verified)')).to.equal(true);
    expect(slot(el)).to.equal(null);
    expect(shown(link)).to.equal(false);
  });

  it('never shows the credential <script> child, before or after the card', async () => {
    const before = document.createElement('div');
    before.innerHTML = '<script type="application/jwt">eyJ.fake.jwt</script><a href="https://example.edu">My badge</a>';
    document.body.append(before);
    expect(shown(before.querySelector('script')!)).to.equal(false);
    before.remove();

    const verifier = new ManualVerifier();
    const el = await fixture<ObBadge>(
      html`<ob-badge .verifier=${verifier} .now=${NOW}
        ><script type="application/jwt">
          eyJ.fake.jwt
        </script>
        <a href="https://example.edu/badge">My badge</a></ob-badge
      >`,
    );
    expect(verifier.calls[0]!.input).to.equal('eyJ.fake.jwt');
    expect(shown(el.querySelector('a')!)).to.equal(false);
    expect(shown(el.querySelector('script')!)).to.equal(false);
    expect(el.shadowRoot!.querySelector('[part~="verdict"]')).not.to.equal(null);
  });

  it('shows the fallback again when its input is taken away', async () => {
    const el = await fixture<ObBadge>(
      html`<ob-badge .verifier=${new ManualVerifier()} src="https://example.edu/badge.json"
        ><a href="https://example.edu/badge">My badge</a></ob-badge
      >`,
    );
    const link = el.querySelector('a')!;
    expect(shown(link)).to.equal(false);
    el.removeAttribute('src');
    await el.updateComplete;
    expect(shown(link)).to.equal(true);
  });
});
