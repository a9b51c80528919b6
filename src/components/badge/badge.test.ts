import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { Check, NestedResult, VerificationResult } from '../../core/result.js';
import { cannedResult, passedChecks } from '../../../test/helpers/canned-results.js';
import {
  bakedImage,
  hostedChecks,
  OB2_VIEW,
  ob2Result,
  PNG_BYTES,
  RECIPIENT_NOT_REQUESTED,
  recipientCheck,
  revokedStatus,
  signedChecks,
  svgBytes,
} from '../../../test/helpers/canned-ob2.js';
import {
  achievement,
  achievementView,
  clrResult,
  degreeTranscript,
  endorsedBadge,
  endorsementView,
  nested,
  passed,
  presentation,
  presentationChecks,
  resultOf as resultOfNested,
  standaloneEndorsement,
  tampered,
  transcript,
} from '../../../test/helpers/canned-nested.js';
import type { Verifier, VerifyInput, VerifyOptions } from '../../core/verify.js';
import type { BadgeView } from '../../core/view.js';
import { ObVerifiedEvent } from '../../events/verified-event.js';
import { loadMarkdown } from '../../render/markdown.js';
import { ObBadge } from './badge.js';

const NOW = new Date('2025-06-01T12:00:00Z');
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const VIEW: BadgeView = {
  spec: 'ob3',
  credentialId: 'urn:uuid:1',
  name: 'Data Literacy',
  description: 'Awarded for analysing real data sets.',
  image: { url: PNG, alt: 'A blue hexagon with a bar chart' },
  achievementType: 'Certificate',
  criteria: { narrative: 'Complete **all** modules.\n\n# Big heading', url: 'https://example.edu/criteria' },
  issuer: {
    id: 'did:web:example.edu',
    name: 'Example University',
    url: 'https://example.edu',
    image: { url: PNG, alt: '' },
  },
  recipient: { name: 'Alice Example' },
  issuedOn: '2024-01-15T00:00:00Z',
  validFrom: '2024-01-15T00:00:00Z',
  validUntil: '2026-01-15T00:00:00Z',
  evidence: [
    {
      id: 'https://example.edu/evidence/1',
      name: 'Capstone project',
      description: 'A report',
      narrative: 'Graded *A*.',
    },
  ],
  alignments: [{ name: 'Statistics', url: 'https://skills.example/stats', framework: 'ESCO', code: 'S1.2' }],
  tags: ['data', 'analysis'],
};

const PASSED = passedChecks(VIEW, NOW);

const resultOf = (checks: Check[], view: BadgeView | null = VIEW): VerificationResult =>
  cannedResult(checks, view, NOW);

const VERIFIED = resultOf(PASSED);
const TAMPERED = resultOf([
  PASSED[0]!,
  { id: 'proof', status: 'failed', code: 'ERR_OB_SIGNATURE_INVALID', message: 'bad sig' },
  { id: 'issuer', status: 'skipped', code: 'ERR_OB_SIGNATURE_INVALID', details: { requires: 'proof' } },
]);
const EXPIRED = resultOf([
  ...PASSED.slice(0, 3),
  {
    id: 'validity',
    status: 'failed',
    code: 'ERR_OB_EXPIRED',
    details: { validUntil: '2025-03-03T00:00:00Z', now: NOW.toISOString() },
  },
  PASSED[4]!,
]);
const UNKNOWN = resultOf([
  ...PASSED.slice(0, 4),
  {
    id: 'status',
    status: 'warning',
    code: 'ERR_OB_STATUS_UNAVAILABLE',
    details: { url: 'https://example.edu/status/1' },
  },
]);
const MALFORMED = resultOf([{ id: 'format', status: 'failed', code: 'ERR_OB_MALFORMED' }], null);

interface Call {
  input: VerifyInput;
  options: VerifyOptions | undefined;
  resolve(result: VerificationResult): void;
  reject(error: unknown): void;
}

/** A verifier whose runs settle only when the test says so. */
class ManualVerifier implements Verifier {
  readonly calls: Call[] = [];
  verify(input: VerifyInput, options?: VerifyOptions): Promise<VerificationResult> {
    return new Promise((resolve, reject) => this.calls.push({ input, options, resolve, reject }));
  }
}

/** A verifier that answers every input with the same canned result. */
function canned(
  result: VerificationResult,
): Verifier & { inputs: VerifyInput[]; options: (VerifyOptions | undefined)[] } {
  const inputs: VerifyInput[] = [];
  const options: (VerifyOptions | undefined)[] = [];
  return {
    inputs,
    options,
    async verify(input, opts) {
      inputs.push(input);
      options.push(opts);
      return result;
    },
  };
}

async function settled(el: ObBadge): Promise<void> {
  await el.verifyComplete;
  await el.updateComplete;
}

function shadow(el: ObBadge): ShadowRoot {
  return el.shadowRoot!;
}

function part(el: ObBadge, name: string): HTMLElement | null {
  return shadow(el).querySelector(`[part~="${name}"]`);
}

function textOf(node: Element | null): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

async function render(result: VerificationResult, attrs: { lang?: string } = {}): Promise<ObBadge> {
  const el = await fixture<ObBadge>(
    html`<ob-badge
      lang=${attrs.lang ?? 'en-GB'}
      .verifier=${canned(result)}
      .credential=${'eyJ.fake.jwt'}
      .now=${NOW}
    ></ob-badge>`,
  );
  await settled(el);
  return el;
}

describe('<ob-badge>', () => {
  before(() => loadMarkdown());

  it('is registered and exposes a read-only result', () => {
    expect(customElements.get('ob-badge')).to.equal(ObBadge);
    const descriptor = Object.getOwnPropertyDescriptor(ObBadge.prototype, 'result');
    expect(descriptor?.get).to.be.a('function');
    expect(descriptor?.set).to.equal(undefined);
  });

  it('renders nothing and has no state without input', async () => {
    const el = await fixture<ObBadge>(html`<ob-badge .verifier=${canned(VERIFIED)}></ob-badge>`);
    expect(part(el, 'base')).to.equal(null);
    expect(el.result).to.equal(undefined);
    for (const s of ['loading', 'verified', 'unverified', 'unknown', 'error'])
      expect(el.matches(`:state(${s})`), s).to.equal(false);
  });

  describe('loading', () => {
    it('says "Checking…" in a live region and is accessible', async () => {
      const verifier = new ManualVerifier();
      const el = await fixture<ObBadge>(
        html`<ob-badge .verifier=${verifier} src="https://example.edu/badge.json"></ob-badge>`,
      );
      expect(el.matches(':state(loading)')).to.equal(true);
      const verdict = part(el, 'verdict')!;
      expect(verdict.getAttribute('role')).to.equal('status');
      expect(textOf(verdict)).to.equal('Checking…');
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      expect(el.result).to.equal(undefined);
      await expect(el).to.be.accessible();
      verifier.calls[0]!.resolve(VERIFIED);
      await settled(el);
      // Same live region element, new text: screen readers announce the change.
      expect(part(el, 'verdict')).to.equal(verdict);
      expect(textOf(verdict)).to.equal('Verified');
    });
  });

  describe('verified', () => {
    it('renders the badge from result.badge', async () => {
      const el = await render(VERIFIED);
      expect(el.matches(':state(verified)')).to.equal(true);
      expect(el.matches(':state(loading)')).to.equal(false);
      expect(el.result).to.equal(VERIFIED);
      expect(textOf(part(el, 'verdict'))).to.equal('Verified');
      expect(part(el, 'verdict')!.querySelector('svg')).to.not.equal(null);
      expect(textOf(part(el, 'name'))).to.equal('Data Literacy');
      expect(part(el, 'name')!.getAttribute('role')).to.equal('heading');
      expect(part(el, 'name')!.getAttribute('aria-level')).to.equal('3');
      expect(textOf(part(el, 'description'))).to.equal('Awarded for analysing real data sets.');
      expect(textOf(part(el, 'recipient'))).to.equal('Awarded to Alice Example');
      const image = part(el, 'image') as HTMLImageElement;
      expect(image.localName).to.equal('img');
      expect(image.getAttribute('src')).to.equal(PNG);
      expect(image.alt).to.equal('A blue hexagon with a bar chart');
      expect(textOf(shadow(el).querySelector('.badge__type'))).to.equal('Certificate');

      const issuerLink = part(el, 'issuer')!.querySelector('a')!;
      expect(issuerLink.getAttribute('href')).to.equal('https://example.edu');
      expect(issuerLink.rel).to.equal('noopener noreferrer nofollow');
      expect(textOf(issuerLink)).to.contain('Example University');
      expect(textOf(part(el, 'issuer'))).to.contain('did:web:example.edu');

      const dates = [...part(el, 'dates')!.querySelectorAll('div')].map((row) => [
        textOf(row.querySelector('dt')),
        textOf(row.querySelector('dd')),
      ]);
      expect(dates).to.deep.equal([
        ['Issued', '15 January 2024'],
        ['Expires', '15 January 2026'],
      ]);
      expect(part(el, 'dates')!.querySelector('time')!.getAttribute('datetime')).to.equal('2024-01-15T00:00:00Z');

      const criteria = part(el, 'criteria')!;
      expect(textOf(criteria.querySelector('strong'))).to.equal('all');
      // A Markdown "#" never outranks the badge name (3) or the section heading (4).
      expect(criteria.querySelector('.md [role="heading"]')!.getAttribute('aria-level')).to.equal('5');
      // The styles of rendered Markdown load with the renderer, and the card has adopted them.
      expect(getComputedStyle(criteria.querySelector('.md__heading')!).fontWeight).to.equal('700');
      expect(criteria.querySelector('a[href="https://example.edu/criteria"]')).to.not.equal(null);

      expect(textOf(part(el, 'evidence'))).to.contain('Capstone project');
      expect(textOf(part(el, 'evidence')!.querySelector('em'))).to.equal('A');
      expect(part(el, 'evidence')!.querySelector('a')!.getAttribute('href')).to.equal('https://example.edu/evidence/1');
      expect(textOf(part(el, 'alignments'))).to.contain('Statistics');
      expect(textOf(part(el, 'alignments'))).to.contain('ESCO · S1.2');
      expect([...part(el, 'tags')!.querySelectorAll('li')].map(textOf)).to.deep.equal(['data', 'analysis']);
      expect(part(el, 'banner')).to.equal(null);
      expect(part(el, 'error')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('lists every check in plain language inside <details>', async () => {
      const el = await render(VERIFIED);
      const checks = part(el, 'checks') as HTMLDetailsElement;
      expect(checks.localName).to.equal('details');
      expect(checks.open).to.equal(false);
      expect(textOf(checks.querySelector('summary'))).to.equal('How this badge was checked (5 checks)');
      const items = [...checks.querySelectorAll('li')].map(textOf);
      expect(items).to.deep.equal([
        'Format: Passed Read as Open Badges 3.0 (JWT)',
        'Signature: Passed The signature matches the content (EdDSA)',
        'Issuer: Passed Signed by a key that belongs to did:web:example.edu',
        'Validity period: Passed Valid from 15 January 2024 until 15 January 2026',
        'Revocation status: Passed Not revoked or suspended',
      ]);
      checks.open = true;
      await expect(el).to.be.accessible();
    });

    it('says when the status was checked against the issuer’s list, in the page’s language', async () => {
      const checkedAt = '2025-06-01T14:03:00Z';
      const el = await render(
        resultOf([
          ...PASSED.slice(0, 4),
          {
            id: 'status',
            status: 'passed',
            details: { url: 'https://example.edu/status/1', purpose: 'revocation', checkedAt, entries: [{}] },
          },
        ]),
      );
      const time = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short' }).format(new Date(checkedAt));
      const items = [...(part(el, 'checks') as HTMLDetailsElement).querySelectorAll('li')].map(textOf);
      expect(items[4]).to.equal(`Revocation status: Passed Status checked at ${time} against the issuer’s list`);
    });

    it('dispatches ob-verified (bubbling, composed) when the run settles', async () => {
      const verifier = new ManualVerifier();
      const el = await fixture<ObBadge>(html`<ob-badge .verifier=${verifier} .credential=${{ id: 'x' }}></ob-badge>`);
      const heard = oneEvent(document, 'ob-verified');
      verifier.calls[0]!.resolve(VERIFIED);
      const event = (await heard) as unknown as ObVerifiedEvent;
      expect(event).to.be.instanceOf(ObVerifiedEvent);
      expect(event.type).to.equal('ob-verified');
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.result).to.equal(VERIFIED);
      expect(event.target).to.equal(el);
      // When it fires, the element already shows the result.
      expect(el.matches(':state(verified)')).to.equal(true);
      expect(textOf(part(el, 'verdict'))).to.equal('Verified');
    });

    it('passes now and an AbortSignal to the verifier', async () => {
      const verifier = canned(VERIFIED);
      const el = await fixture<ObBadge>(
        html`<ob-badge .verifier=${verifier} .credential=${'a.b.c'} .now=${NOW}></ob-badge>`,
      );
      await settled(el);
      expect(verifier.inputs).to.deep.equal(['a.b.c']);
      expect(verifier.options[0]!.now).to.equal(NOW);
      expect(verifier.options[0]!.signal).to.be.instanceOf(AbortSignal);
    });
    it('draws the placeholder for a badge image that fails to load, and drops a broken issuer logo', async () => {
      const broken = 'data:image/png;base64,AAAA';
      const el = await render(
        resultOf(PASSED, {
          ...VIEW,
          image: { url: broken, alt: 'Badge' },
          issuer: { ...VIEW.issuer!, image: { url: broken, alt: '' } },
        }),
      );
      await waitUntil(() => part(el, 'image')?.localName === 'div', 'the badge image never fell back');
      expect(part(el, 'image')!.classList.contains('badge__image--placeholder')).to.equal(true);
      await waitUntil(() => !shadow(el).querySelector('.issuer__image'), 'the issuer logo stayed');
      expect(textOf(part(el, 'issuer'))).to.contain('Example University');
      await expect(el).to.be.accessible();
    });
  });

  describe('unverified', () => {
    it('still shows the content, marked unverified with the reason', async () => {
      const el = await render(TAMPERED);
      expect(el.matches(':state(unverified)')).to.equal(true);
      expect(el.matches(':state(verified)')).to.equal(false);
      expect(textOf(part(el, 'verdict'))).to.equal('Not verified');
      expect(textOf(part(el, 'banner'))).to.equal('Not verified: the signature does not match the content');
      expect(textOf(part(el, 'name'))).to.equal('Data Literacy');
      const items = [...part(el, 'checks')!.querySelectorAll('li')].map(textOf);
      expect(items[1]).to.equal('Signature: Failed The signature does not match the content');
      expect(items[2]).to.equal('Issuer: Not checked Not checked, because the signature check did not pass');
      await expect(el).to.be.accessible();
    });

    it('names the expiry date in the page language', async () => {
      const el = await render(EXPIRED);
      expect(textOf(part(el, 'banner'))).to.equal('Not verified: expired on 3 March 2025');
      expect([...part(el, 'checks')!.querySelectorAll('li')].map(textOf)).to.include(
        'Validity period: Failed Expired on 3 March 2025',
      );
      const fr = await render(EXPIRED, { lang: 'fr' });
      expect(textOf(part(fr, 'banner'))).to.contain('3 mars 2025');
    });

    it('says "Expired" in the dates when validUntil is before the check time', async () => {
      const el = await render(resultOf(EXPIRED.checks.slice(), { ...VIEW, validUntil: '2025-03-03T00:00:00Z' }));
      const last = part(el, 'dates')!.lastElementChild!;
      expect([textOf(last.querySelector('dt')), textOf(last.querySelector('dd'))]).to.deep.equal([
        'Expired',
        '3 March 2025',
      ]);
    });
  });

  describe('unknown', () => {
    it('says "Status unknown" and why', async () => {
      const el = await render(UNKNOWN);
      expect(el.matches(':state(unknown)')).to.equal(true);
      expect(textOf(part(el, 'verdict'))).to.equal('Status unknown');
      expect(textOf(part(el, 'banner'))).to.equal(
        'Status unknown: revocation status could not be checked (the issuer’s status list could not be downloaded)',
      );
      await expect(el).to.be.accessible();
    });

    it('names a status list type it cannot read', async () => {
      const el = await render(
        resultOf([
          ...PASSED.slice(0, 4),
          {
            id: 'status',
            status: 'warning',
            code: 'ERR_OB_STATUS_UNCHECKED',
            details: { type: 'BitstringStatusListEntry' },
          },
        ]),
      );
      expect(textOf(part(el, 'banner'))).to.equal(
        'Status unknown: revocation status could not be checked (BitstringStatusListEntry lists are not supported)',
      );
    });

    it('never shows "Verified" when verdict and verified disagree', async () => {
      const el = await render({ ...VERIFIED, verified: false });
      expect(el.matches(':state(verified)')).to.equal(false);
      expect(textOf(part(el, 'verdict'))).to.equal('Not verified');
    });
  });

  describe('error', () => {
    it('shows an error box naming the problem when no badge could be read', async () => {
      const el = await render(MALFORMED);
      expect(el.matches(':state(error)')).to.equal(true);
      expect(el.matches(':state(unverified)')).to.equal(false);
      expect(textOf(part(el, 'error'))).to.equal(
        'This badge could not be read: the badge data is damaged or incomplete',
      );
      expect(textOf(part(el, 'verdict'))).to.equal('Not verified');
      expect(part(el, 'name')).to.equal(null);
      expect(el.result).to.equal(MALFORMED);
      await expect(el).to.be.accessible();
    });

    it('names the URL of a failed fetch', async () => {
      const el = await render(
        resultOf(
          [
            {
              id: 'format',
              status: 'failed',
              code: 'ERR_OB_FETCH_FAILED',
              details: { url: 'https://example.edu/b.json' },
            },
          ],
          null,
        ),
      );
      expect(textOf(part(el, 'error'))).to.equal(
        'This badge could not be read: the badge could not be downloaded from https://example.edu/b.json',
      );
    });

    it('turns a verifier that rejects into the error state, and still fires ob-verified', async () => {
      const verifier = new ManualVerifier();
      const el = await fixture<ObBadge>(html`<ob-badge .verifier=${verifier} .credential=${'x'}></ob-badge>`);
      const heard = oneEvent(el, 'ob-verified');
      verifier.calls[0]!.reject(Object.assign(new Error('boom'), { code: 'ERR_OB_FETCH_TIMEOUT' }));
      const event = (await heard) as unknown as ObVerifiedEvent;
      expect(event.result.badge).to.equal(undefined);
      expect(event.result.verified).to.equal(false);
      expect(event.result.checks[0]!.code).to.equal('ERR_OB_FETCH_TIMEOUT');
      expect(el.matches(':state(error)')).to.equal(true);
      expect(textOf(part(el, 'error'))).to.equal('This badge could not be read: downloading the badge took too long');
      await expect(el).to.be.accessible();
    });

    it('turns a verifier that throws synchronously, or returns junk, into the error state', async () => {
      const throwing: Verifier = {
        verify() {
          throw new TypeError('kaboom');
        },
      };
      const el = await fixture<ObBadge>(html`<ob-badge .verifier=${throwing} .credential=${'x'}></ob-badge>`);
      await settled(el);
      expect(el.matches(':state(error)')).to.equal(true);
      expect(textOf(part(el, 'error'))).to.equal('This badge could not be read: an unexpected error stopped the check');
      expect(textOf(part(el, 'error'))).to.not.contain('kaboom');

      const junk = { verify: async () => 'not a result' } as unknown as Verifier;
      const el2 = await fixture<ObBadge>(html`<ob-badge .verifier=${junk} .credential=${'x'}></ob-badge>`);
      await settled(el2);
      expect(el2.matches(':state(error)')).to.equal(true);
    });

    it('survives a render model with wrong types', async () => {
      const broken = {
        ...VIEW,
        name: { toString: () => '<b>x</b>' },
        evidence: 'nope',
        alignments: null,
        tags: [1, {}, 'ok'],
      } as unknown as BadgeView;
      const el = await render(resultOf(PASSED, broken));
      expect(part(el, 'base')).to.not.equal(null);
      expect(part(el, 'evidence')).to.equal(null);
      expect([...part(el, 'tags')!.querySelectorAll('li')].map(textOf)).to.deep.equal(['ok']);
      expect(shadow(el).querySelector('b')).to.equal(null);
    });
  });

  describe('hostile content', () => {
    const HOSTILE: BadgeView = {
      ...VIEW,
      name: '<img src=x onerror=alert(1)>',
      description: '<script>alert(1)</script>',
      image: { url: 'data:image/svg+xml,<svg onload=alert(1)>', alt: '"><script>alert(1)</script>' },
      criteria: {
        narrative:
          '<script>alert(1)</script>\n\n[click](javascript:alert(1)) <img src=x onerror=alert(1)> ![px](https://tracker.example/p.gif)',
        url: 'javascript:alert(1)',
      },
      issuer: {
        name: '<a href="javascript:alert(1)">Evil</a>',
        url: 'JaVaScRiPt:alert(1)',
        image: { url: 'javascript:alert(1)', alt: '' },
      },
      recipient: { name: '<svg onload=alert(1)>' },
      evidence: [
        { id: 'javascript:alert(1)', name: 'ev <i>x</i>', narrative: '<iframe src="https://evil.example"></iframe>' },
      ],
      alignments: [{ name: 'skill', url: 'vbscript:msgbox(1)' }],
      tags: ['<b>tag</b>'],
    };

    it('shows markup as text and renders no unsafe link or image', async () => {
      const el = await render(resultOf(PASSED, HOSTILE));
      const root = shadow(el);
      expect(textOf(part(el, 'name'))).to.equal('<img src=x onerror=alert(1)>');
      expect(textOf(part(el, 'description'))).to.equal('<script>alert(1)</script>');
      expect(textOf(part(el, 'recipient'))).to.equal('Awarded to <svg onload=alert(1)>');
      expect(textOf(part(el, 'criteria'))).to.contain('<script>alert(1)</script>');
      expect(textOf(part(el, 'criteria'))).to.contain('click');
      expect(textOf(part(el, 'issuer'))).to.contain('<a href="javascript:alert(1)">Evil</a>');
      expect(textOf(part(el, 'tags'))).to.equal('<b>tag</b>');
      // No element came from badge text: no script, iframe, b, i, and only our own images and links.
      expect(root.querySelectorAll('script, iframe, b, i, [onerror], [onload]').length).to.equal(0);
      expect(root.querySelectorAll('img').length).to.equal(0);
      expect(part(el, 'image')!.localName).to.equal('div');
      const hrefs = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(hrefs).to.deep.equal(['https://tracker.example/p.gif']);
      for (const a of root.querySelectorAll('a')) expect(a.rel).to.equal('noopener noreferrer nofollow');
      await expect(el).to.be.accessible();
    });

    it('shows an http(s) issuer id whole, wrapping in a narrow card, never cut at the host', async () => {
      const verifier = canned(
        resultOf(PASSED, {
          ...VIEW,
          issuer: { id: 'https://victim.example.attacker.tld/', name: 'Victim University' },
        }),
      );
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="width: 12rem">
          <ob-badge .verifier=${verifier} .credential=${'x'} .now=${NOW}></ob-badge>
        </div>`,
      );
      const el = wrapper.querySelector('ob-badge')!;
      await settled(el);
      expect(textOf(part(el, 'verdict'))).to.equal('Verified');
      const id = shadow(el).querySelector<HTMLElement>('.issuer__id')!;
      expect(id.textContent).to.equal('https://victim.example.attacker.tld/');
      const style = getComputedStyle(id);
      expect(style.textOverflow).to.not.equal('ellipsis');
      expect(style.whiteSpace).to.not.equal('nowrap');
      // It wraps onto several lines inside the card instead of running out of it (and being clipped).
      expect(id.scrollWidth).to.be.at.most(id.clientWidth);
      expect(id.getBoundingClientRect().height).to.be.above(2 * parseFloat(style.fontSize));
      expect(id.getBoundingClientRect().right).to.be.at.most(part(el, 'issuer')!.getBoundingClientRect().right + 1);
      await expect(el).to.be.accessible();
    });

    it('shows a look-alike (IDN) issuer host in punycode', async () => {
      // "vіctim" with a Cyrillic і (U+0456).
      const el = await render(
        resultOf(PASSED, { ...VIEW, issuer: { id: 'https://v\u0456ctim.example/', name: 'Victim University' } }),
      );
      expect(textOf(shadow(el).querySelector('.issuer__id'))).to.equal('https://xn--vctim-n2e.example/');
      expect(textOf(part(el, 'issuer'))).to.not.contain('\u0456');
    });

    it('shows a did:web issuer in full and a long did:key shortened in the middle, whole in its title', async () => {
      const web = `did:web:example.edu:issuers:${'a'.repeat(60)}`;
      let el = await render(resultOf(PASSED, { ...VIEW, issuer: { id: web, name: 'Example University' } }));
      expect(textOf(shadow(el).querySelector('.issuer__id'))).to.equal(web);

      const key = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
      el = await render(resultOf(PASSED, { ...VIEW, issuer: { id: key, name: 'Example University' } }));
      const id = shadow(el).querySelector('.issuer__id')!;
      expect(textOf(id)).to.match(/^did:key:z6Mkha\w*…\w*2doK$/);
      expect(id.getAttribute('title')).to.equal(key);

      // Without a name, the id is the name, whole.
      el = await render(resultOf(PASSED, { ...VIEW, issuer: { id: key } }));
      expect(textOf(shadow(el).querySelector('.issuer__name'))).to.equal(key);
      expect(shadow(el).querySelector('.issuer__id')).to.equal(null);
    });

    it('renders narratives as Markdown only up to a per-badge allowance, the rest as plain text', async () => {
      // Each narrative lexes on the main thread; 50 evidence narratives of 20 KB must not all be.
      const long = `**bold** ${'x'.repeat(19_000)}`;
      const el = await render(
        resultOf(PASSED, {
          ...VIEW,
          criteria: { narrative: long },
          evidence: Array.from({ length: 50 }, (_, i) => ({ name: `ev ${i}`, narrative: `*${i}* ${long}` })),
        }),
      );
      const root = shadow(el);
      expect(part(el, 'criteria')!.querySelector('strong')!.textContent).to.equal('bold');
      const items = [...part(el, 'evidence')!.querySelectorAll('.evidence__item')];
      expect(items.length).to.equal(50);
      const rendered = items.filter((item) => item.querySelector('.md:not(.md--plain)'));
      expect(rendered.length).to.equal(0);
      // Still shown, as text: nothing is dropped.
      expect(textOf(items[49]!)).to.contain('*49* **bold**');
      expect(root.querySelectorAll('.md--plain').length).to.equal(50);
    });
  });

  describe('inputs', () => {
    it('resolves src against the page and passes a URL', async () => {
      const verifier = canned(VERIFIED);
      const el = await fixture<ObBadge>(html`<ob-badge .verifier=${verifier} src="/badges/alice.json"></ob-badge>`);
      await settled(el);
      expect(verifier.inputs[0]).to.be.instanceOf(URL);
      expect(String(verifier.inputs[0])).to.equal(new URL('/badges/alice.json', document.baseURI).href);
    });

    it('reads an inline <script type="application/json"> without executing it', async () => {
      const verifier = canned(VERIFIED);
      (window as unknown as { __obRan?: boolean }).__obRan = false;
      const el = await fixture<ObBadge>(
        html`<ob-badge .verifier=${verifier}>
          <script type="application/json">
            { "type": ["VerifiableCredential"], "name": "</scr" }
          </script>
        </ob-badge>`,
      );
      await settled(el);
      expect(verifier.inputs).to.deep.equal(['{ "type": ["VerifiableCredential"], "name": "</scr" }']);
      expect(el.matches(':state(verified)')).to.equal(true);
    });

    it('reads an inline application/jwt script, and re-verifies when it changes', async () => {
      const verifier = canned(VERIFIED);
      const el = await fixture<ObBadge>(
        html`<ob-badge .verifier=${verifier}
          ><script type="application/jwt">
            aaa.bbb.ccc
          </script></ob-badge
        >`,
      );
      await settled(el);
      expect(verifier.inputs).to.deep.equal(['aaa.bbb.ccc']);
      el.querySelector('script')!.textContent = 'ddd.eee.fff';
      await new Promise((r) => setTimeout(r));
      await settled(el);
      expect(verifier.inputs).to.deep.equal(['aaa.bbb.ccc', 'ddd.eee.fff']);
    });

    it('ignores scripts of other types', async () => {
      const verifier = canned(VERIFIED);
      const el = await fixture<ObBadge>(
        html`<ob-badge .verifier=${verifier}
          ><script type="text/plain">
            x.y.z
          </script></ob-badge
        >`,
      );
      await settled(el);
      expect(verifier.inputs).to.deep.equal([]);
      expect(part(el, 'base')).to.equal(null);
    });

    it('prefers the credential property over src', async () => {
      const verifier = canned(VERIFIED);
      const credential = { id: 'urn:uuid:1' };
      const el = await fixture<ObBadge>(
        html`<ob-badge .verifier=${verifier} .credential=${credential} src="https://example.edu/b.json"></ob-badge>`,
      );
      await settled(el);
      expect(verifier.inputs).to.deep.equal([credential]);
    });

    it('aborts a stale run: the older result never shows', async () => {
      const verifier = new ManualVerifier();
      const el = await fixture<ObBadge>(
        html`<ob-badge .verifier=${verifier} src="https://example.edu/old.json"></ob-badge>`,
      );
      const events: VerificationResult[] = [];
      el.addEventListener('ob-verified', (e) => events.push(e.result));
      expect(verifier.calls).to.have.length(1);

      el.src = 'https://example.edu/new.json';
      await el.updateComplete;
      expect(verifier.calls).to.have.length(2);
      expect(verifier.calls[0]!.options!.signal!.aborted).to.equal(true);
      expect(verifier.calls[1]!.options!.signal!.aborted).to.equal(false);
      expect(el.matches(':state(loading)')).to.equal(true);

      const fresh = resultOf(PASSED, { ...VIEW, name: 'New badge' });
      verifier.calls[1]!.resolve(fresh);
      await settled(el);
      // The old run settles late (a verifier that ignores its signal): it is ignored.
      verifier.calls[0]!.resolve(resultOf(PASSED, { ...VIEW, name: 'Old badge' }));
      await new Promise((r) => setTimeout(r, 20));
      await el.updateComplete;
      expect(textOf(part(el, 'name'))).to.equal('New badge');
      expect(el.result).to.equal(fresh);
      expect(events).to.deep.equal([fresh]);
    });

    it('re-verifies when now or the verifier changes', async () => {
      const first = canned(VERIFIED);
      const el = await fixture<ObBadge>(html`<ob-badge .verifier=${first} .credential=${'a.b.c'}></ob-badge>`);
      await settled(el);
      const second = canned(EXPIRED);
      el.verifier = second;
      await settled(el);
      expect(el.matches(':state(unverified)')).to.equal(true);
      el.now = new Date('2025-01-01T00:00:00Z');
      await settled(el);
      expect(second.inputs).to.have.length(2);
      expect(first.inputs).to.have.length(1);
    });

    it('aborts a pending run when removed from the page', async () => {
      const verifier = new ManualVerifier();
      const el = await fixture<ObBadge>(html`<ob-badge .verifier=${verifier} .credential=${'x'}></ob-badge>`);
      el.remove();
      expect(verifier.calls[0]!.options!.signal!.aborted).to.equal(true);
    });
  });

  describe('options', () => {
    it('no-evidence and no-checks hide those sections', async () => {
      const el = await fixture<ObBadge>(
        html`<ob-badge no-evidence no-checks .verifier=${canned(VERIFIED)} .credential=${'x'}></ob-badge>`,
      );
      await settled(el);
      expect(part(el, 'evidence')).to.equal(null);
      expect(part(el, 'checks')).to.equal(null);
      expect(part(el, 'criteria')).to.not.equal(null);
    });

    it('compact shows only the essentials', async () => {
      const el = await fixture<ObBadge>(
        html`<ob-badge compact .verifier=${canned(TAMPERED)} .credential=${'x'}></ob-badge>`,
      );
      await settled(el);
      for (const name of ['description', 'criteria', 'evidence', 'alignments', 'tags', 'dates'])
        expect(part(el, name), name).to.equal(null);
      for (const name of ['name', 'image', 'issuer', 'verdict', 'banner'])
        expect(part(el, name), name).to.not.equal(null);
      await expect(el).to.be.accessible();
    });

    it('heading-level sets the name level and demotes the rest', async () => {
      const el = await fixture<ObBadge>(
        html`<ob-badge heading-level="2" .verifier=${canned(VERIFIED)} .credential=${'x'}></ob-badge>`,
      );
      await settled(el);
      expect(part(el, 'name')!.getAttribute('aria-level')).to.equal('2');
      expect(part(el, 'criteria')!.querySelector('.section__title')!.getAttribute('aria-level')).to.equal('3');
    });
  });

  it('two badges: one verifier throws, the other still verifies', async () => {
    const throwing: Verifier = {
      verify: () => Promise.reject(new Error('network down')),
    };
    const container = await fixture<HTMLDivElement>(
      html`<div>
        <ob-badge id="bad" .verifier=${throwing} .credential=${'x'}></ob-badge>
        <ob-badge id="good" .verifier=${canned(VERIFIED)} .credential=${'y'}></ob-badge>
      </div>`,
    );
    const bad = container.querySelector<ObBadge>('#bad')!;
    const good = container.querySelector<ObBadge>('#good')!;
    await Promise.all([settled(bad), settled(good)]);
    expect(bad.matches(':state(error)')).to.equal(true);
    expect(good.matches(':state(verified)')).to.equal(true);
    expect(textOf(part(good, 'name'))).to.equal('Data Literacy');
    await expect(container).to.be.accessible();
  });
});

describe('<ob-badge>: Open Badges 2.0, baked images, the recipient and proxies', () => {
  const ob2 = (checks: Check[], options: Parameters<typeof ob2Result>[3] = {}, view: BadgeView | null = OB2_VIEW) =>
    ob2Result(checks, view, NOW, options);
  const rows = (el: ObBadge) => [...(part(el, 'checks')?.querySelectorAll('li') ?? [])].map(textOf);

  describe('hosted and signed OB 2.0 badges', () => {
    it('says a hosted badge was downloaded from the issuer’s server, not that a signature is valid', async () => {
      const el = await render(ob2(hostedChecks(OB2_VIEW, NOW)));
      expect(el.matches(':state(verified)')).to.equal(true);
      expect(textOf(part(el, 'verdict'))).to.equal('Verified');
      expect(textOf(part(el, 'checks')!.querySelector('summary'))).to.equal('How this badge was checked (5 checks)');
      expect(rows(el)).to.deep.equal([
        'Format: Passed Read as Open Badges 2.0 (hosted)',
        'Source: Passed Downloaded from the issuer’s server at badges.example.org',
        'Issuer: Passed Hosted on the same site as its issuer, https://badges.example.org/issuer.json',
        'Validity period: Passed Valid since 1 March 2024, with no expiry date',
        'Revocation status: Passed Not revoked or suspended',
      ]);
      expect(textOf(shadow(el).querySelector('.checks'))).to.not.contain('signature');
      await expect(el).to.be.accessible();
    });

    it('names the signed format and its algorithm', async () => {
      const el = await render(ob2(signedChecks(OB2_VIEW, NOW), { format: 'ob2-signed' }));
      expect(rows(el).slice(0, 2)).to.deep.equal([
        'Format: Passed Read as Open Badges 2.0 (signed)',
        'Signature: Passed The signature matches the content (RS256)',
      ]);
      expect(textOf(part(el, 'verdict'))).to.equal('Verified');
    });

    it('names a badge hosted outside its issuer’s scope, a CORS refusal and a schema problem in plain words', async () => {
      const outside = await render(
        ob2([
          hostedChecks(OB2_VIEW, NOW)[0]!,
          {
            id: 'issuer',
            status: 'failed',
            code: 'ERR_OB_OUTSIDE_ISSUER_SCOPE',
            details: {
              id: 'https://evil.example/a.json',
              issuer: 'https://badges.example.org/issuer.json',
              allowedOrigins: ['https://badges.example.org'],
            },
          },
        ]),
      );
      expect(textOf(part(outside, 'banner'))).to.equal(
        'Not verified: hosted at evil.example, not where its issuer says its badges are',
      );

      const cors = await render(
        ob2(
          [
            {
              id: 'format',
              status: 'warning',
              code: 'ERR_OB_FETCH_CORS',
              details: { url: 'https://badges.example.org/assertions/42.json' },
            },
          ],
          {},
          null,
        ),
      );
      expect(textOf(part(cors, 'error'))).to.equal(
        'This badge could not be read: the issuer’s server does not let browsers check this badge (https://badges.example.org/assertions/42.json)',
      );
      // Nothing was judged: the pill says "status unknown", never "not verified".
      expect(textOf(part(cors, 'verdict'))).to.equal('Status unknown');

      const schema = await render(
        ob2(
          [
            {
              id: 'format',
              status: 'failed',
              code: 'ERR_OB_SCHEMA_INVALID',
              details: { node: 'BadgeClass', property: 'name' },
            },
          ],
          {},
          null,
        ),
      );
      expect(textOf(part(schema, 'error'))).to.equal('This badge could not be read: the badge class has no valid name');
    });
  });

  describe('revocation', () => {
    it('quotes the issuer’s reason as plain text, isolated and clipped', async () => {
      const reason = `<b>Issued in error</b>\n\u202eby the registrar ${'x'.repeat(400)}`;
      const el = await render(ob2([...hostedChecks(OB2_VIEW, NOW).slice(0, 4), revokedStatus(reason)]));
      expect(el.matches(':state(unverified)')).to.equal(true);
      const banner = part(el, 'banner')!;
      expect(textOf(banner)).to.match(
        /^Not verified: revoked by the issuer Reason given by the issuer: <b>Issued in error<\/b> \u202eby the registrar x+…$/,
      );
      const quoted = banner.querySelector('[part~="reason"] q bdi')!;
      expect(Array.from(quoted.textContent!).length).to.equal(200);
      expect(shadow(el).querySelector('b')).to.equal(null);
      // The checks list keeps the reason beside its check.
      expect(rows(el)[4]).to.contain('Revocation status: Failed Revoked by the issuer Reason given by the issuer:');
      await expect(el).to.be.accessible();
    });

    it('takes the reason from the render model when the check has none, and says nothing without one', async () => {
      const el = await render(
        ob2([...hostedChecks(OB2_VIEW, NOW).slice(0, 4), revokedStatus()], {}, {
          ...OB2_VIEW,
          revocationReason: 'Duplicate award',
        } as BadgeView),
      );
      expect(textOf(part(el, 'reason'))).to.equal('Reason given by the issuer: Duplicate award');
      const bare = await render(ob2([...hostedChecks(OB2_VIEW, NOW).slice(0, 4), revokedStatus()]));
      expect(textOf(part(bare, 'banner'))).to.equal('Not verified: revoked by the issuer');
      expect(part(bare, 'reason')).to.equal(null);
    });
  });

  describe('recipient', () => {
    const meta = (content: string) => {
      const element = document.createElement('meta');
      element.name = 'ob-recipient';
      element.content = content;
      document.head.append(element);
      return element;
    };

    it('passes the recipient attribute to verify(), and re-verifies when it changes', async () => {
      const verifier = canned(VERIFIED);
      const el = await fixture<ObBadge>(
        html`<ob-badge .verifier=${verifier} .credential=${'a.b.c'} recipient="mailto:ada@example.org"></ob-badge>`,
      );
      await settled(el);
      expect(verifier.options[0]!.recipient).to.equal('mailto:ada@example.org');
      el.setAttribute('recipient', 'https://ada.example/');
      await settled(el);
      expect(verifier.options.map((options) => options?.recipient)).to.deep.equal([
        'mailto:ada@example.org',
        'https://ada.example/',
      ]);
    });

    it('falls back to <meta name="ob-recipient">, read when verifying; the attribute wins', async () => {
      const element = meta(' mailto:owner@example.org ');
      try {
        const verifier = canned(VERIFIED);
        const el = await fixture<ObBadge>(html`<ob-badge .verifier=${verifier} .credential=${'a.b.c'}></ob-badge>`);
        await settled(el);
        expect(verifier.options[0]!.recipient).to.equal('mailto:owner@example.org');

        element.content = 'did:example:owner';
        el.now = NOW; // any re-verification reads the page's current declaration
        await settled(el);
        expect(verifier.options[1]!.recipient).to.equal('did:example:owner');

        const own = canned(VERIFIED);
        const other = await fixture<ObBadge>(
          html`<ob-badge .verifier=${own} .credential=${'a.b.c'} recipient="tel:+15551234567"></ob-badge>`,
        );
        await settled(other);
        expect(own.options[0]!.recipient).to.equal('tel:+15551234567');
      } finally {
        element.remove();
      }
    });

    it('asks for no recipient when the page names nobody', async () => {
      const verifier = canned(VERIFIED);
      const el = await fixture<ObBadge>(html`<ob-badge .verifier=${verifier} .credential=${'a.b.c'}></ob-badge>`);
      await settled(el);
      expect(verifier.options[0]).to.not.have.property('recipient');
    });

    it('a recipient the page did not ask about neither blocks "Verified" nor shows', async () => {
      const el = await render(resultOf([...PASSED, RECIPIENT_NOT_REQUESTED]));
      expect(el.result!.verdict).to.equal('verified');
      expect(el.matches(':state(verified)')).to.equal(true);
      expect(textOf(part(el, 'verdict'))).to.equal('Verified');
      expect(part(el, 'owner')).to.equal(null);
      expect(part(el, 'banner')).to.equal(null);
      expect(rows(el)).to.have.length(5);
      expect(textOf(part(el, 'checks'))).to.not.contain('Recipient');
    });

    it('says "Awarded to the owner of this page" when it matches, never showing an identity or hash', async () => {
      const el = await render(
        ob2(
          hostedChecks(OB2_VIEW, NOW, { recipient: recipientCheck('match') }),
          {},
          {
            ...OB2_VIEW,
            recipient: { id: `sha256$${'ab'.repeat(32)}` },
          },
        ),
      );
      expect(textOf(part(el, 'verdict'))).to.equal('Verified');
      expect(textOf(part(el, 'owner'))).to.equal('Awarded to the owner of this page');
      expect(part(el, 'owner')!.classList.contains('owner--match')).to.equal(true);
      expect(rows(el)).to.include('Recipient: Passed Awarded to the owner of this page (identified by email address)');
      const all = textOf(shadow(el).querySelector('article'));
      expect(all).to.not.contain('sha256$');
      expect(all).to.not.contain('ada@example.org');
      expect(part(el, 'recipient')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('says "Awarded to someone else" and is not verified when it does not match', async () => {
      const el = await render(ob2(hostedChecks(OB2_VIEW, NOW, { recipient: recipientCheck('mismatch') })));
      expect(el.matches(':state(unverified)')).to.equal(true);
      expect(textOf(part(el, 'verdict'))).to.equal('Not verified');
      expect(textOf(part(el, 'banner'))).to.equal('Not verified: awarded to someone else');
      expect(textOf(part(el, 'owner'))).to.equal('Awarded to someone else');
      expect(rows(el)).to.include('Recipient: Failed Awarded to someone else');
      await expect(el).to.be.accessible();
    });

    it('says it could not tell, without blaming the badge for the page’s own declaration', async () => {
      const el = await render(ob2(hostedChecks(OB2_VIEW, NOW, { recipient: recipientCheck('unusable-declaration') })));
      expect(el.matches(':state(unknown)')).to.equal(true);
      expect(textOf(part(el, 'banner'))).to.equal(
        'Status unknown: this page names its owner in a form that cannot be checked',
      );
      expect(textOf(part(el, 'owner'))).to.equal('Could not check that this badge belongs to the owner of this page');

      const none = await render(ob2(hostedChecks(OB2_VIEW, NOW, { recipient: recipientCheck('no-recipient') })));
      expect(textOf(part(none, 'banner'))).to.equal(
        'Status unknown: the badge names no recipient to compare with the owner of this page',
      );
    });

    it('shows the owner line in compact mode too', async () => {
      const el = await fixture<ObBadge>(
        html`<ob-badge
          compact
          .verifier=${canned(ob2(hostedChecks(OB2_VIEW, NOW, { recipient: recipientCheck('match') })))}
          .credential=${'x'}
        ></ob-badge>`,
      );
      await settled(el);
      expect(textOf(part(el, 'owner'))).to.equal('Awarded to the owner of this page');
    });
  });

  describe('files and baked images', () => {
    it('passes a File straight to verify()', async () => {
      const verifier = canned(VERIFIED);
      const file = new File([PNG_BYTES as Uint8Array<ArrayBuffer>], 'badge.json', { type: 'application/json' });
      const el = await fixture<ObBadge>(html`<ob-badge .verifier=${verifier} .credential=${file}></ob-badge>`);
      await settled(el);
      expect(verifier.inputs).to.have.length(1);
      expect(verifier.inputs[0]).to.equal(file);
    });

    it('verifies a dropped baked file end to end with the real core, and shows that image', async () => {
      // The fixtures are served by the test server; the verifier answers every URL from them, offline.
      const fixtures = new URL('/test/fixtures/', location.origin);
      const map = (await (await fetch(new URL('documents.json', fixtures))).json()) as Record<string, string>;
      const documents = new Map<string, Uint8Array>();
      for (const [url, file] of Object.entries(map)) {
        if (file.startsWith('ob2/'))
          documents.set(url, new Uint8Array(await (await fetch(new URL(file, fixtures))).arrayBuffer()));
      }
      const { fixtureNow } = (await (await fetch(new URL('issuers.json', fixtures))).json()) as { fixtureNow: string };
      const { createVerifier } = await import('../../core/verify.js');
      const verifier = createVerifier({ documents, offline: true });
      for (const [name, type, container] of [
        ['signed-valid.svg', 'image/svg+xml', 'SVG'],
        ['signed-valid.png', 'image/png', 'PNG'],
      ] as const) {
        const bytes = await (await fetch(new URL(`ob2/baked/${name}`, fixtures))).arrayBuffer();
        // A misleading name and type: the content decides.
        const file = new File([bytes], 'badge.json', { type: 'application/json' });
        const el = await fixture<ObBadge>(
          html`<ob-badge
            lang="en-GB"
            .verifier=${verifier}
            .credential=${file}
            .now=${new Date(fixtureNow)}
          ></ob-badge>`,
        );
        await settled(el);
        expect(textOf(part(el, 'verdict')), name).to.equal('Verified');
        expect(rows(el)[0]).to.equal(`Format: Passed Read from a baked ${container} image as Open Badges 2.0 (signed)`);
        const src = part(el, 'image')!.getAttribute('src')!;
        expect(src.startsWith(container === 'PNG' ? 'blob:' : 'data:image/svg+xml;base64,'), src).to.equal(true);
        const shown = new Uint8Array(await (await fetch(src)).arrayBuffer());
        expect(shown).to.deep.equal(new Uint8Array(bytes));
        expect((await fetch(src)).headers.get('content-type')).to.equal(type);
      }
    });

    it('shows a baked PNG as a blob URL, revoked when the result changes and when the element leaves', async () => {
      const checks = hostedChecks(OB2_VIEW, NOW, { baked: 'png' });
      const baked = ob2(checks, { bakedImage: bakedImage('png', PNG_BYTES) });
      const el = await render(baked);
      expect(rows(el)[0]).to.equal('Format: Passed Read from a baked PNG image as Open Badges 2.0 (hosted)');
      const image = part(el, 'image') as HTMLImageElement;
      expect(image.localName).to.equal('img');
      const first = image.getAttribute('src')!;
      expect(first).to.match(/^blob:/);
      expect(image.alt).to.equal('Open Source Contributor badge');
      const served = await fetch(first);
      expect(served.headers.get('content-type')).to.equal('image/png');
      expect(new Uint8Array(await served.arrayBuffer())).to.deep.equal(PNG_BYTES);
      await waitUntil(() => image.complete && image.naturalWidth === 1, 'the baked PNG never decoded');

      // A new result: the old URL is revoked, the new one is live.
      el.verifier = canned(ob2(checks, { bakedImage: bakedImage('png', PNG_BYTES.slice()) }));
      await settled(el);
      const second = part(el, 'image')!.getAttribute('src')!;
      expect(second)
        .to.match(/^blob:/)
        .and.not.equal(first);
      await expectRevoked(first);
      expect((await fetch(second)).ok).to.equal(true);

      // Leaving the page revokes it; coming back makes a new one.
      const parent = el.parentNode!;
      el.remove();
      await expectRevoked(second);
      parent.append(el);
      await el.updateComplete;
      const third = part(el, 'image')!.getAttribute('src')!;
      expect(third)
        .to.match(/^blob:/)
        .and.not.equal(second);
      expect((await fetch(third)).ok).to.equal(true);

      // A result without a baked image: back to the badge's own image, and the URL revoked.
      el.verifier = canned(ob2(hostedChecks(OB2_VIEW, NOW)));
      await settled(el);
      expect(part(el, 'image')!.getAttribute('src')).to.equal(OB2_VIEW.image!.url);
      await expectRevoked(third);
    });

    it('shows the baked image in compact mode', async () => {
      const el = await fixture<ObBadge>(
        html`<ob-badge
          compact
          .verifier=${canned(ob2(hostedChecks(OB2_VIEW, NOW), { bakedImage: bakedImage('png', PNG_BYTES) }))}
          .credential=${'x'}
        ></ob-badge>`,
      );
      await settled(el);
      expect(part(el, 'image')!.getAttribute('src')).to.match(/^blob:/);
    });

    it('shows a baked SVG only as an image: its script and onload never run', async () => {
      const globals = window as unknown as { __obBakedRan?: string };
      delete globals.__obBakedRan;
      const svg = svgBytes(
        `<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8" onload="window.__obBakedRan='onload'">` +
          `<script>window.__obBakedRan = 'script'; try { parent.__obBakedRan = 'parent' } catch (e) {}` +
          ` parent.postMessage('baked svg ran in ' + location.origin, '*')</script>` +
          `<rect width="8" height="8" fill="teal"/></svg>`,
      );
      const el = await render(
        ob2(hostedChecks(OB2_VIEW, NOW, { baked: 'svg' }), { bakedImage: bakedImage('svg', svg) }),
      );
      expect(rows(el)[0]).to.equal('Format: Passed Read from a baked SVG image as Open Badges 2.0 (hosted)');
      const image = part(el, 'image') as HTMLImageElement;
      expect(image.localName).to.equal('img');
      await waitUntil(() => image.complete && image.naturalWidth === 8, 'the baked SVG never rendered');
      await new Promise((r) => setTimeout(r, 50));
      expect(globals.__obBakedRan).to.equal(undefined);
      expect(shadow(el).querySelectorAll('script, [onload], foreignObject, rect').length).to.equal(0);

      // Opened on its own ("Open image in new tab"), its scripts run with no origin of the page's:
      // a data: URL, never a blob: URL, which would be a document of the page's own origin.
      const src = image.getAttribute('src')!;
      expect(src).to.match(/^data:image\/svg\+xml;base64,/);
      const heard = new Promise<string>((resolve) =>
        window.addEventListener('message', (event) => resolve(String(event.data)), { once: true }),
      );
      const frame = document.createElement('iframe');
      frame.src = src;
      document.body.append(frame);
      try {
        expect(await heard).to.equal('baked svg ran in null');
        expect(globals.__obBakedRan).to.equal(undefined);
      } finally {
        frame.remove();
      }
    });

    it('falls back to the placeholder when the baked bytes do not decode', async () => {
      const el = await render(ob2(hostedChecks(OB2_VIEW, NOW), { bakedImage: bakedImage('png', new Uint8Array([1])) }));
      await waitUntil(() => part(el, 'image')?.localName === 'div', 'the broken baked image stayed');
    });

    it('names images that carry no badge, or several', async () => {
      const notBaked = await render(
        resultOf([{ id: 'format', status: 'failed', code: 'ERR_OB_IMAGE_NOT_BAKED' }], null),
      );
      expect(textOf(part(notBaked, 'error'))).to.equal('This badge could not be read: this image carries no badge');
      const two = await render(resultOf([{ id: 'format', status: 'failed', code: 'ERR_OB_IMAGE_AMBIGUOUS' }], null));
      expect(textOf(part(two, 'error'))).to.equal(
        'This badge could not be read: the image carries more than one badge',
      );
    });
  });

  describe('proxy', () => {
    const PROXY = 'https://proxy.example/fetch?url={url}';

    it('says which checks relied on the proxy, in the checks and on the card', async () => {
      const el = await render(ob2(hostedChecks(OB2_VIEW, NOW, { viaProxy: 'https://proxy.example' })));
      expect(rows(el)[1]).to.equal(
        'Source: Passed Downloaded from the issuer’s server at badges.example.org (answered through proxy.example, which could alter answers)',
      );
      expect(rows(el)[3]).to.equal('Validity period: Passed Valid since 1 March 2024, with no expiry date');
      expect(textOf(part(el, 'proxy'))).to.equal('Some answers came through proxy.example, which could alter them.');
      await expect(el).to.be.accessible();

      // With the checks hidden, the card still says so.
      const hidden = await fixture<ObBadge>(
        html`<ob-badge
          no-checks
          .verifier=${canned(ob2(hostedChecks(OB2_VIEW, NOW, { viaProxy: 'https://proxy.example' })))}
          .credential=${'x'}
        ></ob-badge>`,
      );
      await settled(hidden);
      expect(textOf(part(hidden, 'proxy'))).to.contain('proxy.example');
      const direct = await render(ob2(hostedChecks(OB2_VIEW, NOW)));
      expect(part(direct, 'proxy')).to.equal(null);
    });

    it('is ignored when a verifier is given', async () => {
      const verifier = canned(VERIFIED);
      const el = await fixture<ObBadge>(
        html`<ob-badge .verifier=${verifier} proxy=${PROXY} src="https://badges.example.org/a.json"></ob-badge>`,
      );
      await settled(el);
      expect(verifier.inputs).to.have.length(1);
      expect(textOf(part(el, 'verdict'))).to.equal('Verified');
    });

    it('fetches through the proxy template when no verifier is given', async () => {
      const requested: string[] = [];
      const realFetch = window.fetch;
      window.fetch = async (input: RequestInfo | URL) => {
        requested.push(String(input instanceof Request ? input.url : input));
        return new Response('gone fishing', { status: 404, headers: { 'content-type': 'text/plain' } });
      };
      try {
        const el = await fixture<ObBadge>(
          html`<ob-badge proxy=${PROXY} src="https://badges.example.org/assertions/7.json" .now=${NOW}></ob-badge>`,
        );
        await settled(el);
        expect(requested).to.deep.equal([
          'https://proxy.example/fetch?url=https%3A%2F%2Fbadges.example.org%2Fassertions%2F7.json',
        ]);
        expect(el.matches(':state(error)')).to.equal(true);
        expect(textOf(part(el, 'error'))).to.equal(
          'This badge could not be read: the badge could not be downloaded from https://badges.example.org/assertions/7.json (answered through proxy.example, which could alter answers)',
        );
        expect(textOf(part(el, 'proxy'))).to.equal('Some answers came through proxy.example, which could alter them.');
      } finally {
        window.fetch = realFetch;
      }
    });
  });
});

/** Resolves once `url` no longer serves anything (a revoked blob URL); fails the test otherwise. */
async function expectRevoked(url: string): Promise<void> {
  let served = true;
  try {
    await fetch(url);
  } catch {
    served = false;
  }
  expect(served, `${url} is still served`).to.equal(false);
}

describe('<ob-badge>: credentials inside credentials', () => {
  before(() => loadMarkdown());

  /** Shows a settled result through the `verification` property (no verifier involved). */
  async function show(result: VerificationResult, attrs: { compact?: boolean } = {}): Promise<ObBadge> {
    const el = await fixture<ObBadge>(
      html`<ob-badge lang="en-GB" ?compact=${attrs.compact ?? false} .verification=${result}></ob-badge>`,
    );
    await el.updateComplete;
    return el;
  }

  /** The nested cards drawn in the outer card, in document order. */
  const cards = (el: ObBadge) => [...shadow(el).querySelectorAll<ObBadge>('ob-badge')];
  const nameOf = (card: ObBadge) => textOf(part(card, 'name'));
  const verdictOf = (card: ObBadge) => textOf(part(card, 'verdict'));

  /** Waits until every nested card is drawn (long lists are drawn in chunks) and has rendered. */
  async function allDrawn(el: ObBadge, count: number): Promise<ObBadge[]> {
    await waitUntil(() => cards(el).length === count, `expected ${count} nested cards`, { timeout: 5000 });
    await el.updateComplete;
    await Promise.all(cards(el).map((card) => card.updateComplete));
    return cards(el);
  }

  describe('the verification property', () => {
    it('shows a settled result as it is: no verifier call, no ob-verified, same result and states', async () => {
      const verifier = canned(TAMPERED);
      let events = 0;
      const el = await fixture<ObBadge>(
        html`<ob-badge .verifier=${verifier} .verification=${VERIFIED} @ob-verified=${() => events++}></ob-badge>`,
      );
      expect(await el.verifyComplete).to.equal(VERIFIED);
      expect(el.result).to.equal(VERIFIED);
      expect(el.matches(':state(verified)')).to.equal(true);
      expect(textOf(part(el, 'verdict'))).to.equal('Verified');
      expect(textOf(part(el, 'name'))).to.equal('Data Literacy');
      // Drawn in the first render: no "Checking…" in between.
      expect(verifier.inputs).to.deep.equal([]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(events).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('takes precedence over credential, aborts a pending run, and verifying resumes when cleared', async () => {
      const verifier = new ManualVerifier();
      const el = await fixture<ObBadge>(html`<ob-badge .verifier=${verifier} .credential=${'x'}></ob-badge>`);
      expect(verifier.calls.length).to.equal(1);
      const signal = verifier.calls[0]!.options!.signal!;
      let events = 0;
      el.addEventListener('ob-verified', () => events++);
      el.verification = EXPIRED;
      await el.updateComplete;
      expect(signal.aborted).to.equal(true);
      expect(el.result).to.equal(EXPIRED);
      expect(el.matches(':state(unverified)')).to.equal(true);
      expect(textOf(part(el, 'banner'))).to.contain('expired on');
      // The aborted run's late answer never shows.
      verifier.calls[0]!.resolve(VERIFIED);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(el.result).to.equal(EXPIRED);
      el.verification = undefined;
      await el.updateComplete;
      expect(verifier.calls.length).to.equal(2);
      expect(el.matches(':state(loading)')).to.equal(true);
      verifier.calls[1]!.resolve(VERIFIED);
      await settled(el);
      expect(el.result).to.equal(VERIFIED);
      expect(events).to.equal(1);
    });

    it('shows the error state for something that is not a result', async () => {
      const el = await fixture<ObBadge>(
        html`<ob-badge
          .verification=${{ verdict: 'verified', verified: true } as unknown as VerificationResult}
        ></ob-badge>`,
      );
      expect(el.matches(':state(error)')).to.equal(true);
      expect(textOf(part(el, 'verdict'))).to.equal('Not verified');
      expect(el.result?.verified).to.equal(false);
    });
  });

  describe('a CLR transcript', () => {
    it('all verified: the CLR’s own header, the summary, then each achievement as a compact card, oldest first', async () => {
      const el = await show(transcript(3));
      expect(textOf(part(el, 'verdict'))).to.equal('Verified');
      expect(textOf(part(el, 'name'))).to.equal('Academic transcript');
      expect(textOf(part(el, 'recipient'))).to.equal('Awarded to Alice Example');
      const section = part(el, 'transcript')!;
      const title = section.querySelector('.section__title')!;
      expect(textOf(title)).to.equal('Achievements');
      expect(title.getAttribute('aria-level')).to.equal('4');
      expect(textOf(part(el, 'nested-summary'))).to.equal('3 of 3 achievements verified');
      // After the CLR's own header: learner, issuer, dates come first.
      const order = [part(el, 'recipient'), part(el, 'issuer'), part(el, 'dates'), section];
      for (let i = 1; i < order.length; i++)
        expect(order[i - 1]!.compareDocumentPosition(order[i]!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
      const nestedCards = await allDrawn(el, 3);
      expect(nestedCards.map(nameOf)).to.deep.equal(['Calculus I', 'Linear Algebra', 'Statistics']);
      for (const card of nestedCards) {
        expect(card.compact).to.equal(true);
        expect(card.matches(':state(verified)')).to.equal(true);
        expect(verdictOf(card)).to.equal('Verified');
        expect(part(card, 'name')!.getAttribute('aria-level')).to.equal('5');
        expect(part(card, 'checks')).to.equal(null);
        // Same learner and issuer as the transcript: not repeated on the closed card.
        expect(getComputedStyle(part(card, 'recipient')!).display).to.equal('none');
        expect(getComputedStyle(part(card, 'issuer')!).display).to.equal('none');
      }
      expect(section.getAttribute('aria-busy')).to.equal('false');
      await expect(el).to.be.accessible();
    });

    it('some not verified: the CLR still reads Verified, the summary counts and names them, each card says why', async () => {
      const el = await show(transcript(5, { 1: 'unverified', 3: 'unknown', 4: 'too-large' }));
      expect(el.matches(':state(verified)')).to.equal(true);
      expect(textOf(part(el, 'verdict'))).to.equal('Verified');
      expect(part(el, 'banner')).to.equal(null);
      const summary = part(el, 'nested-summary')!;
      expect(textOf(summary.querySelector('.nested__count'))).to.equal(
        '2 of 5 achievements verified 1 not verified 2 status unknown',
      );
      const names = [...summary.querySelectorAll('.nested__names')].map(textOf);
      expect(names).to.deep.equal([
        'Not verified: Linear Algebra',
        'Status unknown: Programming Fundamentals Unnamed credential',
      ]);
      expect(summary.querySelector('.nested__names bdi q')).to.not.equal(null);
      const nestedCards = await allDrawn(el, 5);
      expect(nestedCards.map(verdictOf)).to.deep.equal([
        'Verified',
        'Not verified',
        'Verified',
        'Status unknown',
        'Status unknown',
      ]);
      expect(textOf(part(nestedCards[1]!, 'banner'))).to.equal(
        'Not verified: the signature does not match the content',
      );
      expect(textOf(part(nestedCards[3]!, 'banner'))).to.contain(
        'Status unknown: revocation status could not be checked',
      );
      // Beyond the core's caps: not checked, said so, never "verified".
      expect(nestedCards[4]!.matches(':state(error)')).to.equal(true);
      expect(textOf(part(nestedCards[4]!, 'error'))).to.equal(
        'This badge could not be read: the badge, or a document it needs, is too large',
      );
      await expect(el).to.be.accessible();
    });

    it('every achievement failing never makes the CLR look unverified', async () => {
      const el = await show(transcript(2, { 0: 'unverified', 1: 'unverified' }));
      expect(el.matches(':state(verified)')).to.equal(true);
      expect(textOf(part(el, 'verdict'))).to.equal('Verified');
      expect(textOf(part(el, 'nested-summary')!.querySelector('.nested__count'))).to.equal(
        '0 of 2 achievements verified 2 not verified',
      );
      await allDrawn(el, 2);
      await expect(el).to.be.accessible();
    });

    it('while loading, says "Checking…" and is accessible', async () => {
      const verifier = new ManualVerifier();
      const el = await fixture<ObBadge>(html`<ob-badge .verifier=${verifier} .credential=${'clr'}></ob-badge>`);
      expect(textOf(part(el, 'verdict'))).to.equal('Checking…');
      await expect(el).to.be.accessible();
      verifier.calls[0]!.resolve(transcript(30, { 2: 'unverified' }));
      await settled(el);
      // The first cards are drawn at once; the list says it is still being drawn.
      const section = part(el, 'transcript')!;
      expect(cards(el).length).to.be.lessThan(30);
      expect(section.getAttribute('aria-busy')).to.equal('true');
      expect(textOf(section.querySelector('.nested__progress'))).to.match(/^Showing \d+ of 30…$/);
      await expect(el).to.be.accessible();
      await allDrawn(el, 30);
      expect(section.getAttribute('aria-busy')).to.equal('false');
      expect(section.querySelector('.nested__progress')).to.equal(null);
    });

    it('each card expands to the full badge with a disclosure button, by mouse and keyboard', async () => {
      const el = await show(transcript(3, { 1: 'unverified' }));
      const [, card] = await allDrawn(el, 3);
      const button = card!.nextElementSibling as HTMLButtonElement;
      expect(button.localName).to.equal('button');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(button.getAttribute('aria-controls')).to.equal(card!.id);
      expect(textOf(button)).to.equal('Show details: Linear Algebra');
      button.click();
      await el.updateComplete;
      await card!.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(textOf(button)).to.equal('Hide details: Linear Algebra');
      expect(card!.compact).to.equal(false);
      expect(part(card!, 'dates')).to.not.equal(null);
      expect(part(card!, 'checks')).to.not.equal(null);
      expect(getComputedStyle(part(card!, 'issuer')!).display).to.not.equal('none');
      await expect(el).to.be.accessible();

      button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(card!.compact).to.equal(true);
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(shadow(el).activeElement).to.equal(button);
    });

    it('groups by association: parents with their children, precedes before dates; unlinked ones beside', async () => {
      const el = await show(degreeTranscript());
      await allDrawn(el, 4);
      const list = part(el, 'transcript')!.querySelector(':scope > .nested__list')!;
      const top = [...list.children].map((li) => nameOf(li.querySelector(':scope > ob-badge')!));
      // Roots by date: the certificate (2021) before the degree (2024).
      expect(top).to.deep.equal(['First Aid', 'BSc Computer Science']);
      const degree = list.children[1]!;
      const children = [...degree.querySelectorAll(':scope > .nested__list > li > ob-badge')].map((card) =>
        nameOf(card as ObBadge),
      );
      // Linear Algebra precedes Machine Learning, though Machine Learning was awarded first.
      expect(children).to.deep.equal(['Linear Algebra', 'Machine Learning']);
      const levels = [...degree.querySelectorAll<ObBadge>('ob-badge')].map((card) =>
        part(card, 'name')!.getAttribute('aria-level'),
      );
      expect(levels).to.deep.equal(['5', '6', '6']);
      expect(textOf(part(el, 'nested-summary')!.querySelector('.nested__names'))).to.equal(
        'Not verified: Linear Algebra',
      );
      await expect(el).to.be.accessible();
    });

    it('without associations, groups by achievement type (in order of first appearance), each by date', async () => {
      const typed = (name: string, type: string | undefined, month: number, i: number) =>
        achievement(
          i,
          achievementView(name, {
            ...(type ? { type } : {}),
            issuedOn: new Date(Date.UTC(2022, month, 1)).toISOString(),
          }),
        );
      const el = await show(
        clrResult([
          typed('Volunteering', undefined, 1, 0),
          typed('Databases', 'Course', 5, 1),
          typed('First Aid', 'Certificate', 2, 2),
          typed('Algorithms', 'Course', 3, 3),
        ]),
      );
      await allDrawn(el, 4);
      const groups = [...part(el, 'transcript')!.querySelectorAll('.nested__group')].map((group) => {
        const title = group.querySelector('[role="heading"]')!;
        return [
          textOf(title),
          title.getAttribute('aria-level'),
          ...[...group.querySelectorAll<ObBadge>('ob-badge')].map(nameOf),
        ];
      });
      expect(groups).to.deep.equal([
        ['Course', '5', 'Algorithms', 'Databases'],
        ['Certificate', '5', 'First Aid'],
        ['Other achievements', '5', 'Volunteering'],
      ]);
      expect(part(cards(el)[0]!, 'name')!.getAttribute('aria-level')).to.equal('6');
      await expect(el).to.be.accessible();
    });

    it('compact: only the summary, naming what did not verify', async () => {
      const el = await show(transcript(4, { 2: 'unverified' }), { compact: true });
      expect(part(el, 'transcript')).to.equal(null);
      expect(cards(el)).to.deep.equal([]);
      expect(textOf(part(el, 'nested-summary'))).to.equal(
        '3 of 4 achievements verified 1 not verified Not verified: Statistics',
      );
      await expect(el).to.be.accessible();
    });

    // How long drawing them takes (long tasks) is measured by \`npm run bench\`, not asserted here.
    it('100 achievements: the first cards at once, the rest in chunks; all 100 reachable', async () => {
      const result = transcript(100, { 7: 'unverified', 42: 'unknown', 99: 'unverified' });
      const el = await show(result);
      const first = cards(el).length;
      const nestedCards = await allDrawn(el, 100);
      expect(first).to.be.lessThan(100);
      expect(first).to.be.greaterThan(0);
      // Every achievement is there, in date order, each with its own verdict.
      expect(nestedCards.map((card) => card.result)).to.have.members(result.nested!.map((item) => item.result));
      expect(nestedCards.filter((card) => card.matches(':state(unverified)')).length).to.equal(2);
      expect(nestedCards.filter((card) => card.matches(':state(unknown)')).length).to.equal(1);
      expect(textOf(part(el, 'nested-summary')!.querySelector('.nested__count'))).to.equal(
        '97 of 100 achievements verified 2 not verified 1 status unknown',
      );
      const style = getComputedStyle(nestedCards[99]!.parentElement!);
      expect(style.contentVisibility).to.equal('auto');
    });
  });

  describe('endorsements', () => {
    it('lists verified endorsements first as endorsements; the others after, plainly not verified', async () => {
      const el = await show(endorsedBadge());
      expect(el.matches(':state(verified)')).to.equal(true);
      const section = part(el, 'endorsements')!;
      expect(textOf(section.querySelector('.section__title'))).to.equal('Endorsements');
      expect(textOf(section.querySelector('.nested__count'))).to.equal(
        '1 of 3 endorsements verified 1 not verified 1 status unknown',
      );
      const items = [...section.querySelectorAll('.endorsement')];
      const endorser = (item: Element) =>
        textOf(item.querySelector('.endorsement__name')).replace(' (opens in a new tab)', '');
      expect(items.map(endorser)).to.deep.equal(['Data Guild', 'Skills Board', 'Famous Institute']);
      const [guild, board, impostor] = items as [HTMLElement, HTMLElement, HTMLElement];
      expect(guild.classList.contains('endorsement--trusted')).to.equal(true);
      expect(textOf(guild.querySelector('.endorsement__by'))).to.equal(
        'Endorsed by Data Guild (opens in a new tab) did:web:guild.example',
      );
      expect(guild.querySelector('a.endorsement__name')!.getAttribute('href')).to.equal('https://guild.example');
      expect(textOf(guild.querySelector('.verdict'))).to.equal('Verified');
      expect(textOf(guild.querySelector('.endorsement__about'))).to.equal('About the achievement');
      expect(textOf(guild.querySelector('.endorsement__comment strong'))).to.equal('rigorous');
      expect(guild.querySelector('.endorsement__comment a')!.getAttribute('href')).to.equal(
        'https://guild.example/review',
      );
      expect(guild.querySelector('.endorsement__reason')).to.equal(null);

      expect(textOf(board.querySelector('.verdict'))).to.equal('Status unknown');
      expect(textOf(board.querySelector('.endorsement__about'))).to.equal('About the issuer');
      expect(textOf(board.querySelector('.endorsement__reason'))).to.contain('Revocation status could not be checked');

      // Not verified: no link, no Markdown, a dashed outline, the reason in words.
      expect(impostor.classList.contains('endorsement--untrusted')).to.equal(true);
      expect(impostor.querySelector('a')).to.equal(null);
      expect(textOf(impostor.querySelector('.endorsement__comment'))).to.equal(
        'Totally [legit](https://impostor.example/phish).',
      );
      expect(textOf(impostor.querySelector('.verdict'))).to.equal('Not verified');
      expect(textOf(impostor.querySelector('.endorsement__reason'))).to.equal(
        'The endorsement is about something else',
      );
      // Each endorsement's own checks, closed.
      const checks = impostor.querySelector<HTMLDetailsElement>('[part="endorsement-checks"]')!;
      expect(checks.open).to.equal(false);
      expect(textOf(checks.querySelector('summary'))).to.equal('How this endorsement was checked (6 checks)');
      await expect(el).to.be.accessible();
    });

    it('a verified endorsement never makes an unverified badge look verified', async () => {
      const el = await show(endorsedBadge('unverified'));
      expect(el.matches(':state(unverified)')).to.equal(true);
      expect(textOf(part(el, 'verdict'))).to.equal('Not verified');
      expect(textOf(part(el, 'banner'))).to.equal('Not verified: the signature does not match the content');
      expect(part(el, 'endorsements')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });

    it('compact leaves endorsements out', async () => {
      const el = await show(endorsedBadge(), { compact: true });
      expect(part(el, 'endorsements')).to.equal(null);
    });

    it('a standalone EndorsementCredential reads as "<endorser> endorses <subject>", with its comment', async () => {
      const el = await show(standaloneEndorsement());
      expect(textOf(part(el, 'endorsement'))).to.equal(
        'Data Guild endorses https://example.edu/achievements/data-literacy',
      );
      // The endorser and what it endorses are its text, each isolated inside our sentence.
      expect([...part(el, 'endorsement')!.querySelectorAll('bdi')].map(textOf)).to.deep.equal([
        'Data Guild',
        'https://example.edu/achievements/data-literacy',
      ]);
      expect(textOf(shadow(el).querySelector('.endorsement-statement__comment strong'))).to.equal(
        'professional standard',
      );
      expect(textOf(part(el, 'verdict'))).to.equal('Verified');
      await expect(el).to.be.accessible();
    });
  });

  describe('hostile nested content', () => {
    it('names are text, links and Markdown are filtered, junk entries never break the card', async () => {
      const evilName = '<img src=x onerror=alert(1)> \u202eEvil';
      const evil = achievement(0, achievementView(evilName), 'unverified');
      const endorsement = endorsementView(
        { name: '<b>Board</b>', url: 'javascript:alert(1)', id: 'did:web:board.example' },
        'urn:x',
        '<script>alert(1)</script> [click](javascript:alert(1)) <img src=x onerror=alert(1)>',
      );
      const base = clrResult([
        evil,
        null as unknown as NestedResult,
        { role: 'achievement', location: 'x', result: {} } as unknown as NestedResult,
        { role: 'nonsense', location: 'y', result: VERIFIED } as unknown as NestedResult,
        nested('endorsement', 'endorsement[0]', resultOfNested(passed(endorsement), endorsement), {
          target: 'credential',
        }),
        // Checks that are not checks, a render model of the wrong shape: that endorsement only.
        nested('endorsement', 'endorsement[1]', {
          ...resultOfNested(tampered(), endorsement),
          checks: [null, 42, ...tampered()] as unknown as Check[],
        }),
        nested('endorsement', 'endorsement[2]', {
          ...resultOfNested(tampered(), endorsement),
          badge: { issuer: 'x', endorsement: 7 } as unknown as BadgeView,
        }),
      ]);
      const el = await show(base);
      expect(el.matches(':state(verified)')).to.equal(true);
      const root = shadow(el);
      expect(root.querySelector('img[onerror], script')).to.equal(null);
      expect(textOf(root.querySelector('.nested__names'))).to.equal(
        'Not verified: <img src=x onerror=alert(1)> \u202eEvil Unnamed credential',
      );
      const nestedCards = await allDrawn(el, 2);
      expect(nestedCards[1]!.matches(':state(error)')).to.equal(true);
      const endorsed = part(el, 'endorsements')!;
      expect(endorsed.querySelector('a[href^="javascript"]')).to.equal(null);
      expect(textOf(endorsed.querySelector('.endorsement__name'))).to.equal('<b>Board</b>');
      expect(textOf(endorsed.querySelector('.endorsement__comment'))).to.contain('<script>alert(1)</script>');
      expect(endorsed.querySelectorAll('.endorsement').length).to.equal(3);
      expect(endorsed.querySelectorAll('.endorsement--untrusted').length).to.equal(2);
      for (const card of nestedCards) expect(shadow(card).querySelector('img[onerror], script')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('a Verifiable Presentation', () => {
    it('signed by its holder: the holder, its own verdict, then each credential as a card in its order', async () => {
      const el = await show(presentation('signed'));
      expect(textOf(part(el, 'verdict'))).to.equal('Verified');
      expect(textOf(part(el, 'holder'))).to.equal(
        `Presented by ${'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'}`,
      );
      expect(textOf(part(el, 'holder')!.querySelector('bdi'))).to.equal(
        'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
      );
      const section = part(el, 'credentials')!;
      expect(textOf(section.querySelector('.section__title'))).to.equal('Credentials');
      expect(textOf(part(el, 'nested-summary'))).to.equal(
        '2 of 3 credentials verified 1 not verified Not verified: Python Programming',
      );
      const nestedCards = await allDrawn(el, 3);
      expect(nestedCards.map(nameOf)).to.deep.equal(['Data Literacy', 'Python Programming', 'SQL Basics']);
      expect(textOf(part(nestedCards[1]!, 'banner'))).to.equal('Not verified: revoked by the issuer');
      const rows = [...part(el, 'checks')!.querySelectorAll('li')].map(textOf);
      expect(rows).to.include(
        'Holder: Passed Signed by its holder, did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
      );
      await expect(el).to.be.accessible();
    });

    it('nobody signed it: a plain container, never a verified presentation', async () => {
      const el = await show(presentation('unsigned'));
      expect(el.matches(':state(unknown)')).to.equal(true);
      expect(textOf(part(el, 'verdict'))).to.equal('Not signed');
      expect(part(el, 'verdict')!.classList.contains('verdict--unsigned')).to.equal(true);
      expect(textOf(part(el, 'banner'))).to.equal(
        'Not a signed presentation: a container of 3 credentials, each checked on its own',
      );
      expect(textOf(part(el, 'holder'))).to.equal(
        'Names did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK as its holder (not proven)',
      );
      await allDrawn(el, 3);
      await expect(el).to.be.accessible();
    });

    it('is headed "Presentation", never by the name its holder wrote, whatever the view carries', async () => {
      const result = presentation('signed');
      const dressed = { ...result, badge: { ...result.badge!, name: 'Doctor of Philosophy, School Example' } };
      const el = await show(dressed);
      expect(textOf(part(el, 'name'))).to.equal('Presentation');
      expect(shadow(el).textContent ?? '').not.to.contain('Doctor of Philosophy');
      await expect(el).to.be.accessible();
    });

    it('carrying no credential: not verified, "This presentation carries no credential"', async () => {
      const holder = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
      const checks: Check[] = [
        ...presentationChecks('signed', holder).filter((c) => c.id !== 'credentials'),
        {
          id: 'credentials',
          status: 'failed',
          code: 'ERR_OB_PRESENTATION_EMPTY',
          message: 'The presentation carries no credential',
          details: { credentials: 0, entries: 0 },
        },
      ];
      const base = presentation('signed');
      const empty: VerificationResult = {
        ...base,
        verified: false,
        verdict: 'unverified',
        checks,
        nested: undefined,
        badge: { ...base.badge!, name: 'Doctor of Philosophy, School Example' },
      };
      const el = await show(empty);
      expect(el.matches(':state(unverified)')).to.equal(true);
      expect(textOf(part(el, 'name'))).to.equal('Presentation');
      expect(textOf(part(el, 'banner'))).to.equal('Not verified: this presentation carries no credential');
      await expect(el).to.be.accessible();
    });

    it('signed by someone other than its holder: not verified, said so', async () => {
      const el = await show(presentation('holder-mismatch'));
      expect(el.matches(':state(unverified)')).to.equal(true);
      expect(textOf(part(el, 'banner'))).to.equal(
        'Not verified: the presentation was signed by someone other than its holder, did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
      );
      expect(textOf(part(el, 'holder'))).to.contain('but someone else signed it');
      await expect(el).to.be.accessible();
    });
  });
});

describe('<ob-badge>: many badges, one question (trust, claims, progress, walls)', () => {
  before(() => loadMarkdown());

  const TRUSTED = {
    issuerId: 'did:web:example.edu',
    statedName: 'Example University',
    known: { name: 'Example University', list: 'Example Careers', matchedBy: 'domain' },
    domain: { host: 'example.edu', confirmed: true, method: 'did:web' },
  } as const;
  const withTrust = (result: VerificationResult, trust: unknown): VerificationResult =>
    ({ ...result, trust }) as VerificationResult;
  const LIST = { name: 'Example Careers', issuers: [{ name: 'Example University', domain: 'example.edu' }] };

  /** Runs `check` in the light colour scheme, then again in the dark one (restored afterwards). */
  async function inBothSchemes(check: () => Promise<unknown>): Promise<void> {
    try {
      for (const colorScheme of ['light', 'dark'] as const) {
        await emulateMedia({ colorScheme });
        await check();
      }
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  }

  /** Serves `routes` (URL → JSON body, or an HTTP status) through a fake `window.fetch` while `run` runs. */
  async function withFetch(
    routes: Record<string, unknown>,
    run: (requested: string[]) => Promise<void>,
  ): Promise<void> {
    const requested: string[] = [];
    const realFetch = window.fetch;
    window.fetch = async (input: RequestInfo | URL) => {
      const url = String(input instanceof Request ? input.url : input);
      requested.push(url);
      const answer = routes[url];
      if (typeof answer === 'number') return new Response('nope', { status: answer });
      if (answer === undefined) return new Response('not found', { status: 404 });
      return new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } });
    };
    try {
      await run(requested);
    } finally {
      window.fetch = realFetch;
    }
  }

  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

  describe('who the issuer is', () => {
    it('asks no site the badge names unless the page asks (check-domain or a trust list), and only for a verified badge', async () => {
      const { createVerifier } = await import('../../core/verify.js');
      const { createDidJwkIssuer, credentialFor, signVcJwt } = await import('../../../test/helpers/issuer.js');
      // A did:jwk issuer (verifying it needs no request) naming a website on another host.
      const issuer = await createDidJwkIssuer('ES256');
      const jwt = await signVcJwt(
        issuer,
        credentialFor(issuer.did, {
          issuer: { id: issuer.did, type: ['Profile'], name: 'Test Issuer', url: 'https://school.example/' },
        }),
      );
      const requested: string[] = [];
      const verifier = createVerifier({
        fetch: (input: RequestInfo | URL) => {
          requested.push(String(input instanceof Request ? input.url : input));
          return Promise.resolve(new Response('not found', { status: 404 }));
        },
      });
      const plain = await fixture<ObBadge>(
        html`<ob-badge lang="en-GB" .verifier=${verifier} .credential=${jwt} .now=${NOW}></ob-badge>`,
      );
      await settled(plain);
      expect(textOf(part(plain, 'verdict'))).to.equal('Verified');
      expect(requested).to.deep.equal([]);
      expect(plain.result?.trust).to.equal(undefined);
      expect(part(plain, 'trust')).to.equal(null);
      await expect(plain).to.be.accessible();

      const asked = await fixture<ObBadge>(
        html`<ob-badge lang="en-GB" check-domain .verifier=${verifier} .credential=${jwt} .now=${NOW}></ob-badge>`,
      );
      await settled(asked);
      expect(textOf(part(asked, 'verdict'))).to.equal('Verified');
      expect(requested).to.deep.equal(['https://school.example/.well-known/did-configuration.json']);
      expect(asked.result?.trust?.domain).to.deep.include({ host: 'school.example', confirmed: false });
      await expect(asked).to.be.accessible();

      // Not verified: nothing is asked of the site it names, whatever the page asked for.
      requested.length = 0;
      const forged = await fixture<ObBadge>(
        html`<ob-badge
          check-domain
          .verifier=${verifier}
          .credential=${`${jwt.slice(0, -4)}AAAA`}
          .now=${NOW}
        ></ob-badge>`,
      );
      await settled(forged);
      expect(forged.result?.verdict).to.equal('unverified');
      expect(requested).to.deep.equal([]);
      expect(forged.result?.trust).to.equal(undefined);
    });

    it('passes domainLinkage to the verifier only when asked: check-domain or a trust list', async () => {
      for (const [template, asked] of [
        [(v: Verifier) => html`<ob-badge .verifier=${v} .credential=${'x'}></ob-badge>`, false],
        [(v: Verifier) => html`<ob-badge check-domain .verifier=${v} .credential=${'x'}></ob-badge>`, true],
        [(v: Verifier) => html`<ob-badge .trustList=${LIST} .verifier=${v} .credential=${'x'}></ob-badge>`, true],
      ] as const) {
        const verifier = canned(VERIFIED);
        await settled(await fixture<ObBadge>(template(verifier)));
        expect(verifier.options[0]!.domainLinkage === true, String(asked)).to.equal(asked);
      }
    });

    it('a verified badge from a known issuer: "Known issuer", "Domain confirmed", beside the checks, never one of them', async () => {
      const verifier = canned(withTrust(VERIFIED, TRUSTED));
      const el = await fixture<ObBadge>(
        html`<ob-badge lang="en-GB" .verifier=${verifier} .credential=${'x'} .trustList=${LIST}></ob-badge>`,
      );
      await settled(el);
      // The list is passed to verify() as the core reads it.
      expect(verifier.options[0]!.trustList).to.deep.equal(LIST);
      expect(textOf(part(el, 'verdict'))).to.equal('Verified');
      const trust = part(el, 'trust')!;
      expect([...trust.querySelectorAll('li')].map(textOf)).to.deep.equal([
        'Known issuer: Example University, per Example Careers',
        'Domain confirmed: example.edu',
      ]);
      // Not a check: the checks are the same five, and the trust lines sit outside them.
      expect(part(el, 'checks')!.querySelectorAll('li').length).to.equal(5);
      expect(part(el, 'checks')!.contains(trust)).to.equal(false);
      // How the domain was confirmed, with the checks.
      expect(textOf(part(el, 'checks')!.querySelector('.checks__domain'))).to.equal(
        'example.edu is confirmed as the issuer’s: the issuer’s DID (did:web) is served from it',
      );
      // The list gives the issuer the name it states: nothing to qualify.
      expect(textOf(part(el, 'issuer'))).to.not.contain('as stated');
      await inBothSchemes(() => expect(el).to.be.accessible());
    });

    it('trust lines speak the page’s messages, English for what they lack, styled once their part has loaded', async () => {
      const el = await fixture<ObBadge>(
        html`<ob-badge
          .verification=${withTrust(VERIFIED, TRUSTED)}
          .messages=${{ domainConfirmed: (host: string) => `Domaine confirmé : ${host}`, verdict: () => 'Vérifié' }}
        ></ob-badge>`,
      );
      await settled(el);
      const trust = part(el, 'trust')!;
      expect([...trust.querySelectorAll('li')].map(textOf)).to.deep.equal([
        'Known issuer: Example University, per Example Careers',
        'Domaine confirmé : example.edu',
      ]);
      expect(textOf(part(el, 'verdict'))).to.equal('Vérifié');
      expect(getComputedStyle(trust).display).to.equal('flex');
      expect(getComputedStyle(trust.querySelector('.trust__line--confirmed')!).fontWeight).to.equal('600');
    });

    it('any other issuer’s name reads as stated by the issuer; a list that does not name it says so', async () => {
      const notListed = await render(withTrust(VERIFIED, { ...TRUSTED, known: null, domain: undefined }));
      expect(textOf(part(notListed, 'issuer'))).to.equal(
        'Issued by Example University (opens in a new tab) Name as stated by the issuer did:web:example.edu',
      );
      expect(textOf(part(notListed, 'trust'))).to.equal('Not on this site’s list of known issuers');
      // No trust list at all: still only what the issuer says, and no trust lines.
      const noList = await render(VERIFIED);
      expect(textOf(part(noList, 'issuer'))).to.contain('Name as stated by the issuer');
      expect(part(noList, 'trust')).to.equal(null);
      // Listed under another name: the badge's own name is still only its statement.
      const renamed = await render(
        withTrust(VERIFIED, { ...TRUSTED, known: { name: 'Example University of Somewhere', matchedBy: 'did' } }),
      );
      expect(textOf(part(renamed, 'issuer'))).to.contain('Name as stated by the issuer');
      expect(textOf(part(renamed, 'trust'))).to.equal(
        'Known issuer: Example University of Somewhere Domain confirmed: example.edu',
      );
      await inBothSchemes(() => expect(notListed).to.be.accessible());
    });

    it('never shows trust lines on a badge that is not verified, and never changes the verdict', async () => {
      for (const result of [TAMPERED, UNKNOWN]) {
        const el = await render(withTrust(result, TRUSTED));
        expect(part(el, 'trust')).to.equal(null);
        expect(part(el, 'checks')!.querySelector('.checks__domain')).to.equal(null);
        expect(textOf(part(el, 'verdict'))).to.equal(result === TAMPERED ? 'Not verified' : 'Status unknown');
      }
      // Junk in `trust` draws nothing.
      const junk = await render(
        withTrust(VERIFIED, { known: { name: 42 }, domain: { host: '<b>x</b>', confirmed: true } }),
      );
      expect(part(junk, 'trust')).to.equal(null);
      expect(textOf(part(junk, 'verdict'))).to.equal('Verified');
    });

    it('trusted-issuers: fetched once per URL for the whole page through the core loader, resolved against the page', async () => {
      await withFetch({ 'https://careers.example/known-issuers.json': LIST }, async (requested) => {
        const first = canned(withTrust(VERIFIED, TRUSTED));
        const second = canned(withTrust(VERIFIED, TRUSTED));
        const wall = await fixture<HTMLElement>(
          html`<div>
            <ob-badge
              .verifier=${first}
              .credential=${'a'}
              trusted-issuers="https://careers.example/known-issuers.json"
            ></ob-badge>
            <ob-badge
              .verifier=${second}
              .credential=${'b'}
              trusted-issuers="https://careers.example/known-issuers.json"
            ></ob-badge>
          </div>`,
        );
        const badges = [...wall.querySelectorAll('ob-badge')];
        await Promise.all(badges.map(settled));
        expect(requested).to.deep.equal(['https://careers.example/known-issuers.json']);
        expect(first.options[0]!.trustList).to.deep.equal(LIST);
        expect(second.options[0]!.trustList).to.deep.equal(LIST);
        expect(textOf(part(badges[0]!, 'trust'))).to.contain('Known issuer: Example University, per Example Careers');
        expect(part(badges[0]!, 'trust-note')).to.equal(null);
      });
      await withFetch({ [new URL('/lists/known.json', document.baseURI).href]: LIST }, async (requested) => {
        const verifier = canned(VERIFIED);
        const el = await fixture<ObBadge>(
          html`<ob-badge .verifier=${verifier} .credential=${'a'} trusted-issuers="/lists/known.json"></ob-badge>`,
        );
        await settled(el);
        expect(requested).to.deep.equal([new URL('/lists/known.json', document.baseURI).href]);
        expect(verifier.options[0]!.trustList).to.deep.equal(LIST);
      });
    });

    it('a trust list that cannot be loaded or read is a quiet note; the badge is still verified, without it', async () => {
      await withFetch(
        {
          'https://careers.example/missing.json': 404,
          'https://careers.example/not-a-list.json': { issuers: [{ name: 'No way to match' }] },
        },
        async () => {
          for (const url of ['https://careers.example/missing.json', 'https://careers.example/not-a-list.json']) {
            const verifier = canned(VERIFIED);
            const el = await fixture<ObBadge>(
              html`<ob-badge .verifier=${verifier} .credential=${'a'} trusted-issuers=${url}></ob-badge>`,
            );
            await settled(el);
            expect(verifier.options[0]!.trustList, url).to.equal(undefined);
            expect(textOf(part(el, 'verdict'))).to.equal('Verified');
            expect(textOf(part(el, 'trust-note'))).to.equal(
              'This site’s list of known issuers could not be loaded, so no issuer is shown as known.',
            );
            expect(part(el, 'trust-note')!.getAttribute('role')).to.equal(null);
            await expect(el).to.be.accessible();
          }
        },
      );
      // A trustList property that is not a trust list: the same note.
      const verifier = canned(VERIFIED);
      const el = await fixture<ObBadge>(
        html`<ob-badge
          .verifier=${verifier}
          .credential=${'a'}
          .trustList=${{ issuers: 'everyone' } as unknown as typeof LIST}
        ></ob-badge>`,
      );
      await settled(el);
      expect(verifier.options[0]!.trustList).to.equal(undefined);
      expect(part(el, 'trust-note')).to.not.equal(null);
    });

    it('the trustList property wins over the attribute (nothing is fetched)', async () => {
      await withFetch({}, async (requested) => {
        const verifier = canned(VERIFIED);
        const el = await fixture<ObBadge>(
          html`<ob-badge
            .verifier=${verifier}
            .credential=${'a'}
            .trustList=${LIST}
            trusted-issuers="https://careers.example/other.json"
          ></ob-badge>`,
        );
        await settled(el);
        expect(requested).to.deep.equal([]);
        expect(verifier.options[0]!.trustList).to.deep.equal(LIST);
      });
    });
  });

  describe('not verified is not fact', () => {
    it('a badge that is not verified only claims its issuer and recipient: worded as a claim, muted, no link or logo', async () => {
      for (const result of [TAMPERED, UNKNOWN]) {
        const el = await render(withTrust(result, TRUSTED));
        expect(textOf(part(el, 'recipient'))).to.equal('Claims to be awarded to Alice Example');
        expect(textOf(part(el, 'issuer'))).to.equal('Claims to be from Example University did:web:example.edu');
        expect(textOf(shadow(el).querySelector('.badge__body'))).to.not.match(/Issued by|Awarded to Alice/);
        expect(part(el, 'issuer')!.querySelector('a, img')).to.equal(null);
        // Muted, and not by colour alone: the words say "Claims", and the text is set in italics.
        for (const name of ['recipient', 'issuer']) {
          const style = getComputedStyle(part(el, name)!);
          expect(style.fontStyle, name).to.equal('italic');
        }
        await inBothSchemes(() => expect(el).to.be.accessible());
      }
      const verified = await render(VERIFIED);
      const mutedColour = getComputedStyle(shadow(verified).querySelector('.label')!).color;
      const claimed = await render(TAMPERED);
      expect(getComputedStyle(part(claimed, 'recipient')!).color).to.equal(mutedColour);
      expect(getComputedStyle(part(verified, 'recipient')!).color).to.not.equal(mutedColour);
    });

    it('an issuer without a name is claimed by its id', async () => {
      const el = await render(resultOf(TAMPERED.checks as Check[], { ...VIEW, issuer: { id: 'did:web:example.edu' } }));
      expect(textOf(part(el, 'issuer'))).to.equal('Claims to be from did:web:example.edu');
    });

    it('endorsements that are not verified only claim to be endorsements', async () => {
      const el = await fixture<ObBadge>(html`<ob-badge lang="en-GB" .verification=${endorsedBadge()}></ob-badge>`);
      await el.updateComplete;
      const by = [...part(el, 'endorsements')!.querySelectorAll('.endorsement__by')].map(textOf);
      expect(by).to.deep.equal([
        'Endorsed by Data Guild (opens in a new tab) did:web:guild.example',
        'Claims to be endorsed by Skills Board did:web:board.example',
        'Claims to be endorsed by Famous Institute did:web:impostor.example',
      ]);
      await inBothSchemes(() => expect(el).to.be.accessible());
    });

    it('a standalone endorsement that is not verified claims to be one', async () => {
      const view = endorsementView(
        { id: 'did:web:guild.example', name: 'Data Guild', url: 'https://guild.example' },
        'https://example.edu/achievements/data-literacy',
        'Great.',
      );
      const el = await fixture<ObBadge>(
        html`<ob-badge lang="en-GB" .verification=${resultOfNested(tampered(), view)}></ob-badge>`,
      );
      await el.updateComplete;
      expect(textOf(part(el, 'endorsement'))).to.equal(
        'Claims to be an endorsement of https://example.edu/achievements/data-literacy by Data Guild',
      );
      expect(textOf(part(el, 'issuer'))).to.equal('Claims to be from Data Guild did:web:guild.example');
      const verified = await fixture<ObBadge>(
        html`<ob-badge lang="en-GB" .verification=${standaloneEndorsement()}></ob-badge>`,
      );
      await verified.updateComplete;
      expect(textOf(part(verified, 'endorsement'))).to.equal(
        'Data Guild endorses https://example.edu/achievements/data-literacy',
      );
    });
  });

  describe('progressive checks', () => {
    /** A verifier that reports `checks` one by one, `delay` ms apart, then settles with `result`. */
    function slow(result: VerificationResult, delay: number): Verifier & { pause: Promise<void>; go(): void } {
      let go!: () => void;
      const pause = new Promise<void>((resolve) => (go = resolve));
      return {
        pause,
        go,
        async verify(_input, options) {
          const checks = result.checks;
          for (const [index, check] of checks.entries()) {
            // The last check (status) waits until the test says so: a slow status list.
            if (index === checks.length - 1) await pause;
            else await new Promise((resolve) => setTimeout(resolve, delay));
            options?.signal?.throwIfAborted();
            options?.onCheck?.(check);
          }
          return result;
        },
      };
    }

    it('lists the checks as they settle, names the one still running, and announces only the verdict', async () => {
      const verifier = slow(VERIFIED, 5);
      const el = await fixture<ObBadge>(
        html`<ob-badge lang="en-GB" .verifier=${verifier} .credential=${'x'} .now=${NOW}></ob-badge>`,
      );
      const verdict = part(el, 'verdict')!;
      expect(textOf(part(el, 'progress'))).to.equal('Reading the badge…');
      await waitUntil(() => part(el, 'progress')?.querySelectorAll('.check--passed').length === 4, 'four checks');
      const progress = part(el, 'progress')!;
      expect([...progress.querySelectorAll('li')].map(textOf)).to.deep.equal([
        'Format: Passed',
        'Signature: Passed',
        'Issuer: Passed',
        'Validity period: Passed',
        'Checking status…',
      ]);
      // The live region still says "Checking…": progress is not announced check by check.
      expect(textOf(verdict)).to.equal('Checking…');
      expect(progress.closest('[aria-live], [role="status"]')).to.equal(null);
      expect(progress.querySelector('[aria-live], [role="status"]')).to.equal(null);
      expect(el.matches(':state(loading)')).to.equal(true);
      await inBothSchemes(() => expect(el).to.be.accessible());
      verifier.go();
      await settled(el);
      expect(part(el, 'progress')).to.equal(null);
      expect(part(el, 'verdict')).to.equal(verdict);
      expect(textOf(verdict)).to.equal('Verified');
    });

    it('starts again for a new run; a superseded run’s checks never show; no-checks hides it', async () => {
      const stale = slow(TAMPERED, 1);
      const el = await fixture<ObBadge>(html`<ob-badge .verifier=${stale} .credential=${'x'}></ob-badge>`);
      await waitUntil(() => part(el, 'progress')?.querySelectorAll('.check__icon').length === 2, 'two checks');
      expect(part(el, 'progress')!.querySelector('.check--failed')).to.not.equal(null);
      const fresh = new ManualVerifier();
      el.verifier = fresh;
      await el.updateComplete;
      expect(textOf(part(el, 'progress'))).to.equal('Reading the badge…');
      fresh.calls[0]!.options!.onCheck!(PASSED[0]!);
      stale.go();
      await waitUntil(() => part(el, 'progress')?.querySelectorAll('.check__icon').length === 1, 'the fresh check');
      await new Promise((resolve) => setTimeout(resolve, 150)); // the stale run's last check, had it been drawn
      expect([...part(el, 'progress')!.querySelectorAll('li')].map(textOf)).to.deep.equal([
        'Format: Passed',
        'Checking the signature…',
      ]);
      el.noChecks = true;
      await el.updateComplete;
      expect(part(el, 'progress')).to.equal(null);
      expect(textOf(part(el, 'verdict'))).to.equal('Checking…');
    });
  });

  describe('walls of badges', () => {
    afterEach(() => {
      ObBadge.concurrency = 4;
    });

    it('loading="lazy": draws "Checking…" at once, verifies only within about 400px of the viewport', async () => {
      const verifier = canned(VERIFIED);
      const page = await fixture<HTMLElement>(
        html`<div>
          <div style="height: ${window.innerHeight + 300}px"></div>
          <ob-badge id="near" loading="lazy" .verifier=${verifier} .credential=${'near'}></ob-badge>
          <div style="height: 3000px"></div>
          <ob-badge id="far" loading="lazy" .verifier=${verifier} .credential=${'far'}></ob-badge>
        </div>`,
      );
      const near = page.querySelector<ObBadge>('#near')!;
      const far = page.querySelector<ObBadge>('#far')!;
      expect(far.matches(':state(loading)')).to.equal(true);
      expect(textOf(part(far, 'verdict'))).to.equal('Checking…');
      await settled(near);
      expect(verifier.inputs).to.deep.equal(['near']);
      for (let i = 0; i < 3; i++) await nextFrame();
      expect(verifier.inputs).to.deep.equal(['near']);
      await inBothSchemes(() => expect(far).to.be.accessible());
      far.scrollIntoView();
      await settled(far);
      expect(verifier.inputs).to.deep.equal(['near', 'far']);
      expect(textOf(part(far, 'verdict'))).to.equal('Verified');
      window.scrollTo(0, 0);
    });

    it('a card off screen is not rendered (content-visibility), yet its verdict, states and accessibility stay', async () => {
      const page = await fixture<HTMLElement>(
        html`<div>
          <div style="height: ${window.innerHeight + 2000}px"></div>
          <ob-badge id="far" .verifier=${canned(VERIFIED)} .credential=${'far'}></ob-badge>
        </div>`,
      );
      const far = page.querySelector<ObBadge>('#far')!;
      await settled(far);
      for (let i = 0; i < 2; i++) await nextFrame();
      const card = part(far, 'base')!;
      // Skipped by the browser while far from the viewport: not laid out or painted.
      expect(card.checkVisibility({ contentVisibilityAuto: true })).to.equal(false);
      expect(far.matches(':state(verified)')).to.equal(true);
      expect(textOf(part(far, 'verdict'))).to.equal('Verified');
      await inBothSchemes(() => expect(far).to.be.accessible());
      far.scrollIntoView();
      for (let i = 0; i < 2; i++) await nextFrame();
      expect(card.checkVisibility({ contentVisibilityAuto: true })).to.equal(true);
      window.scrollTo(0, 0);
    });

    it('a lazy badge that leaves the page unseen never verifies; switching to eager starts it at once', async () => {
      const verifier = canned(VERIFIED);
      const page = await fixture<HTMLElement>(
        html`<div>
          <div style="height: ${window.innerHeight + 2000}px"></div>
          <ob-badge id="a" loading="lazy" .verifier=${verifier} .credential=${'a'}></ob-badge>
          <ob-badge id="b" loading="lazy" .verifier=${verifier} .credential=${'b'}></ob-badge>
        </div>`,
      );
      const a = page.querySelector<ObBadge>('#a')!;
      const b = page.querySelector<ObBadge>('#b')!;
      a.remove();
      b.loading = 'eager';
      await settled(b);
      for (let i = 0; i < 3; i++) await nextFrame();
      expect(verifier.inputs).to.deep.equal(['b']);
    });

    it('verifies at once where IntersectionObserver is missing', async () => {
      const io = window.IntersectionObserver;
      (window as { IntersectionObserver?: unknown }).IntersectionObserver = undefined;
      try {
        const verifier = canned(VERIFIED);
        const page = await fixture<HTMLElement>(
          html`<div>
            <div style="height: 5000px"></div>
            <ob-badge loading="lazy" .verifier=${verifier} .credential=${'x'}></ob-badge>
          </div>`,
        );
        await settled(page.querySelector('ob-badge')!);
        expect(verifier.inputs).to.deep.equal(['x']);
      } finally {
        window.IntersectionObserver = io;
      }
    });

    it('at most four badges of the page verify at once; leaving the line or the page gives the place back', async () => {
      const verifier = new ManualVerifier();
      const page = await fixture<HTMLElement>(
        html`<div>
          ${[0, 1, 2, 3, 4, 5, 6].map((i) => html`<ob-badge .verifier=${verifier} .credential=${`b${i}`}></ob-badge>`)}
        </div>`,
      );
      const badges = [...page.querySelectorAll('ob-badge')];
      const started = () => verifier.calls.map((call) => call.input);
      await nextFrame();
      expect(started()).to.deep.equal(['b0', 'b1', 'b2', 'b3']);
      // Waiting ones show "Checking…" too.
      expect(textOf(part(badges[6]!, 'verdict'))).to.equal('Checking…');
      // Settling frees a place: the next in line starts.
      verifier.calls[0]!.resolve(VERIFIED);
      await settled(badges[0]!);
      await nextFrame();
      expect(started()).to.deep.equal(['b0', 'b1', 'b2', 'b3', 'b4']);
      // A badge that leaves the page while waiting leaves the line.
      badges[5]!.remove();
      // One that leaves while verifying: its run is aborted and its place given back.
      badges[1]!.remove();
      expect(verifier.calls[1]!.options!.signal!.aborted).to.equal(true);
      await nextFrame();
      expect(started()).to.deep.equal(['b0', 'b1', 'b2', 'b3', 'b4', 'b6']);
      // A run whose verifier ignores the abort still gives its place back (b1 never settles).
      for (const call of verifier.calls.slice(2)) call.resolve(VERIFIED);
      await Promise.all([badges[2], badges[3], badges[4], badges[6]].map((badge) => settled(badge!)));
      expect(verifier.calls.length).to.equal(6);
    });

    it('ObBadge.concurrency sets the page-wide limit; raising it starts waiting badges', async () => {
      expect(ObBadge.concurrency).to.equal(4);
      ObBadge.concurrency = 1;
      const verifier = new ManualVerifier();
      const page = await fixture<HTMLElement>(
        html`<div>
          ${[0, 1, 2].map((i) => html`<ob-badge .verifier=${verifier} .credential=${`b${i}`}></ob-badge>`)}
        </div>`,
      );
      await nextFrame();
      expect(verifier.calls.length).to.equal(1);
      ObBadge.concurrency = 3;
      await nextFrame();
      expect(verifier.calls.length).to.equal(3);
      for (const call of verifier.calls) call.resolve(VERIFIED);
      await Promise.all([...page.querySelectorAll('ob-badge')].map(settled));
      expect(() => (ObBadge.concurrency = 0)).to.throw(TypeError);
      expect(() => (ObBadge.concurrency = 1.5)).to.throw(TypeError);
      expect(ObBadge.concurrency).to.equal(3);
    });
  });

  describe('messages', () => {
    it('a translation missing members (or giving the wrong type) falls back to English per member', async () => {
      const partial = {
        verdict: (verdict: string) => (verdict === 'verified' ? 'Vérifié' : 'Non vérifié'),
        issuedBy: 42,
        checkLabel: (id: string) => (id === 'proof' ? 'Signature (fr)' : id),
      };
      const el = await fixture<ObBadge>(
        html`<ob-badge
          lang="fr"
          .verifier=${canned(VERIFIED)}
          .credential=${'x'}
          .messages=${partial as unknown as ObBadge['messages']}
        ></ob-badge>`,
      );
      await settled(el);
      expect(el.matches(':state(verified)')).to.equal(true);
      expect(textOf(part(el, 'verdict'))).to.equal('Vérifié');
      expect(textOf(part(el, 'recipient'))).to.equal('Awarded to Alice Example');
      expect(textOf(part(el, 'issuer'))).to.contain('Issued by Example University');
      // English sentences use the translation's labels.
      expect(textOf(part(el, 'checks')!.querySelector('li:nth-child(2) .check__label'))).to.equal(
        'Signature (fr): Passed',
      );
      expect(part(el, 'error')).to.equal(null);
      // Nested cards get the merged strings too.
      el.verification = endorsedBadge('unverified');
      await el.updateComplete;
      expect(textOf(part(el, 'verdict'))).to.equal('Non vérifié');
      expect(textOf(part(el, 'endorsements')!.querySelector('.section__title'))).to.equal('Endorsements');
      await expect(el).to.be.accessible();
    });

    it('messages that are not an object: English', async () => {
      for (const junk of [null, 42, 'fr']) {
        const el = await fixture<ObBadge>(
          html`<ob-badge
            .verifier=${canned(TAMPERED)}
            .credential=${'x'}
            .messages=${junk as unknown as ObBadge['messages']}
          ></ob-badge>`,
        );
        await settled(el);
        expect(textOf(part(el, 'banner')), String(junk)).to.equal(
          'Not verified: the signature does not match the content',
        );
      }
    });
  });
});

describe('<ob-badge>: badge text cannot pass for a verdict (bidi controls, look-alikes)', () => {
  before(() => loadMarkdown());

  const RLO = '\u202E';
  const LRI = '\u2066';
  const PDI = '\u2069';
  const CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
  const isolatedEl = (node: Element | null) => node !== null && getComputedStyle(node).unicodeBidi === 'isolate';

  /** A real JWT whose every piece of text carries bidi controls, verified end to end (did:jwk: nothing fetched). */
  async function hostile(overrides: Record<string, unknown> = {}): Promise<string> {
    const { createDidJwkIssuer, credentialFor, signVcJwt } = await import('../../../test/helpers/issuer.js');
    const issuer = await createDidJwkIssuer('ES256');
    const base = credentialFor(issuer.did);
    return signVcJwt(issuer, {
      ...base,
      issuer: { id: issuer.did, type: ['Profile'], name: `${LRI}Evil ${RLO}deifireV ✓${PDI}` },
      credentialSubject: {
        id: 'did:example:learner',
        type: ['AchievementSubject'],
        name: `Ada ${RLO}deifireV`,
        achievement: {
          id: 'https://example.org/a/1',
          type: ['Achievement'],
          name: `Evil ${RLO}deifireV ✓`,
          description: `${RLO}Described`,
          criteria: { narrative: `Do ${RLO}**it**` },
          alignment: [{ type: ['Alignment'], targetName: `${RLO}Skill`, targetUrl: 'https://skills.example/1' }],
          tag: [`${LRI}tag${PDI}`],
        },
      },
      evidence: [{ id: 'https://example.org/e/1', type: ['Evidence'], name: `${RLO}Project`, description: `${RLO}d` }],
      ...overrides,
    });
  }

  async function verified(jwt: string): Promise<ObBadge> {
    const { createVerifier } = await import('../../core/verify.js');
    const verifier = createVerifier({ offline: true });
    const el = await fixture<ObBadge>(
      html`<ob-badge lang="en-GB" .verifier=${verifier} .credential=${jwt} .now=${NOW}></ob-badge>`,
    );
    await settled(el);
    return el;
  }

  it('strips bidi controls from every string and isolates each in its own element', async () => {
    const el = await verified(await hostile());
    expect(textOf(part(el, 'verdict'))).to.equal('Verified');
    // Nothing on the card holds a bidi control: "Evil ✓ Verified" cannot be drawn.
    expect(shadow(el).textContent).to.not.match(CONTROL);
    expect(textOf(part(el, 'name'))).to.equal('Evil deifireV ✓');
    const issuerName = shadow(el).querySelector('.issuer__name')!;
    expect(textOf(issuerName)).to.equal('Evil deifireV ✓');
    const recipient = part(el, 'recipient')!.querySelector('bdi')!;
    expect(textOf(recipient)).to.equal('Ada deifireV');
    for (const node of [
      part(el, 'name'),
      issuerName,
      recipient,
      part(el, 'description'),
      shadow(el).querySelector('.evidence__name'),
      shadow(el).querySelector('.evidence__description'),
      shadow(el).querySelector('.chip > a'),
      shadow(el).querySelector('.tag'),
      part(el, 'criteria')!.querySelector('.md'),
    ]) {
      expect(isolatedEl(node), node?.outerHTML).to.equal(true);
      expect(node!.textContent).to.not.match(CONTROL);
    }
    // Only the pill says Verified, with its icon and its part; the name is a heading, apart from it.
    expect(part(el, 'verdict')!.querySelector('svg')).to.not.equal(null);
    expect(part(el, 'name')!.contains(part(el, 'verdict'))).to.equal(false);
    expect(part(el, 'verdict')!.contains(part(el, 'name'))).to.equal(false);
    expect(part(el, 'name')!.getAttribute('role')).to.equal('heading');
    await expect(el).to.be.accessible();
  });

  it('not verified: the names it claims sit in <bdi>s; a badge named "Verified ✓" is an isolated heading apart from the pill', async () => {
    const jwt = await hostile();
    const el = await verified(`${jwt.slice(0, -4)}AAAA`);
    expect(el.result?.verdict).to.equal('unverified');
    expect(textOf(part(el, 'verdict'))).to.equal('Not verified');
    expect(shadow(el).textContent).to.not.match(CONTROL);
    // Who it only claims: the names in our sentences are <bdi>s.
    const claim = shadow(el).querySelector('.issuer__claim')!;
    expect(textOf(claim)).to.equal('Claims to be from Evil deifireV ✓');
    expect(textOf(claim.querySelector('bdi'))).to.equal('Evil deifireV ✓');
    expect(textOf(part(el, 'recipient')!.querySelector('bdi'))).to.equal('Ada deifireV');
    await expect(el).to.be.accessible();

    // A badge named "Verified": a heading of its own, isolated, never inside or beside the pill unisolated.
    const named = await verified(
      await hostile({
        credentialSubject: {
          id: 'did:example:learner',
          type: ['AchievementSubject'],
          achievement: { id: 'https://example.org/a/2', type: ['Achievement'], name: 'Verified ✓' },
        },
      }),
    );
    const heading = part(named, 'name')!;
    expect(textOf(heading)).to.equal('Verified ✓');
    expect(isolatedEl(heading)).to.equal(true);
    expect(heading.getAttribute('role')).to.equal('heading');
    expect(heading.closest('[part~="verdict"]')).to.equal(null);
    expect(shadow(named).querySelectorAll('[part~="verdict"]')).to.have.length(1);
    await expect(named).to.be.accessible();
  });

  it('the trust list’s names sit in <bdi>s inside our sentence', async () => {
    const el = await render({
      ...VERIFIED,
      trust: {
        issuerId: 'did:web:example.edu',
        known: { name: 'Example University', list: 'Example Careers', matchedBy: 'domain' },
      },
    } as VerificationResult);
    const line = part(el, 'trust')!.querySelector('li')!;
    expect(textOf(line)).to.equal('Known issuer: Example University, per Example Careers');
    expect([...line.querySelectorAll('bdi')].map(textOf)).to.deep.equal(['Example University', 'Example Careers']);
    await expect(el).to.be.accessible();
  });
});
