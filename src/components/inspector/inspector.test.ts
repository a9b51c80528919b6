import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { DEFAULT_MAX_BYTES } from '../../core/fetcher.js';
import type { Check, VerificationResult } from '../../core/result.js';
import { parseTrustList } from '../../core/trust/trust.js';
import {
  createVerifier,
  type FetchRecord,
  type Verifier,
  type VerifyInput,
  type VerifyOptions,
} from '../../core/verify.js';
import { inspectorEn, type InspectorMessages } from '../../messages/inspector-messages.js';
import { cannedResult, passedChecks } from '../../../test/helpers/canned-results.js';
import { transcript } from '../../../test/helpers/canned-nested.js';
import { CompactSign } from 'jose';
import { createDidJwkIssuer, credentialFor } from '../../../test/helpers/issuer.js';
import type { BadgeView } from '../../core/view.js';
import type { ObBadge } from '../badge/badge.js';
import { browserCouldFetch, contentOf, embedSnippet, escapeAttribute, scriptSafeJson } from './embed.js';
import { MAX_INPUT_BYTES, ObInspectedEvent, ObInspector, VALIDATOR_URL } from './inspector.js';
import { VERSION } from '../../version.js';
import { reportFileName, reportText, resultJsonOf } from './report.js';
import { TOO_DEEP_MARKER } from '../../core/lib/bounded-json.js';

// ── Fixtures: the committed test issuers, answered from documents.json (never the network) ─────────

const BASE = '/test/fixtures/';
const NOW = new Date('2026-06-01T00:00:00Z');
const DOCUMENTS = (await (await fetch(`${BASE}documents.json`)).json()) as Record<string, string>;
const documents = new Map<string, string>(
  await Promise.all(
    Object.entries(DOCUMENTS).map(async ([url, file]) => [url, await (await fetch(BASE + file)).text()] as const),
  ),
);

/** The closed world of scenarios.test.ts: every document from the map, every other request refused. */
function closedWorld(): Verifier {
  return createVerifier({
    documents,
    offline: true,
    fetch: () => Promise.reject(new Error('network is closed in tests')),
  });
}

/** Media types the demo server sends, so a fake fetch answers like it. */
function mediaTypeOf(url: string, body: string): string {
  if (url.endsWith('.jwt')) return 'application/jwt';
  if (url.endsWith('/did.json')) return 'application/did+json';
  return body.trimStart().startsWith('{') ? 'application/ld+json' : 'text/plain';
}

/**
 * A verifier that reaches "the network" through a fake fetch answering from the same documents:
 * its log says `network`, as a real browser's would. URLs in `corsBlocked` answer only `no-cors`
 * requests, the way a browser reports a server that sends no CORS headers.
 */
function fakeNetwork(corsBlocked: readonly string[] = []): Verifier & { requests: string[] } {
  const requests: string[] = [];
  const verifier = createVerifier({
    async fetch(input, init) {
      const url = String(input);
      requests.push(url);
      if (corsBlocked.includes(url)) {
        if (init?.mode === 'no-cors') return new Response(null, { status: 200 });
        throw new TypeError('Failed to fetch');
      }
      const body = documents.get(url);
      if (body === undefined)
        return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
      return new Response(body, { status: 200, headers: { 'content-type': mediaTypeOf(url, body) } });
    },
  });
  return Object.assign(verifier, { requests });
}

async function fixtureText(path: string): Promise<string> {
  return (await (await fetch(BASE + path)).text()).trim();
}

async function fixtureFile(path: string, type: string): Promise<File> {
  const bytes = await (await fetch(BASE + path)).arrayBuffer();
  return new File([bytes], path.split('/').pop()!, { type });
}

// ── Canned results, for what the fixtures do not cover ───────────────────────────────────────────

const VIEW: BadgeView = {
  spec: 'ob3',
  credentialId: 'urn:uuid:1',
  name: 'Data Literacy',
  issuer: { id: 'did:web:example.edu', name: 'Example University', url: 'https://example.edu' },
  recipient: { name: 'Alice Example' },
  issuedOn: '2024-01-15T00:00:00Z',
  validFrom: '2024-01-15T00:00:00Z',
  validUntil: '2030-01-15T00:00:00Z',
  evidence: [],
  alignments: [],
  tags: [],
};

interface Call {
  input: VerifyInput;
  options: VerifyOptions | undefined;
  resolve(result: VerificationResult): void;
}

/** A verifier that answers with `result` (reporting `log` to onFetch first), recording its calls. */
function canned(
  result: VerificationResult,
  log: readonly FetchRecord[] = [],
): Verifier & { calls: { input: VerifyInput; options: VerifyOptions | undefined }[] } {
  const calls: { input: VerifyInput; options: VerifyOptions | undefined }[] = [];
  return {
    calls,
    async verify(input, options) {
      calls.push({ input, options });
      for (const record of log) options?.onFetch?.(record);
      return result;
    },
  };
}

/** A verifier whose runs settle only when the test says so. */
class ManualVerifier implements Verifier {
  readonly calls: Call[] = [];
  verify(input: VerifyInput, options?: VerifyOptions): Promise<VerificationResult> {
    return new Promise((resolve) => this.calls.push({ input, options, resolve }));
  }
}

// ── Helpers ──────────────────────────────────────────────────────────────────────────────────────

async function inspector(verifier?: Verifier, attrs: { lang?: string } = {}): Promise<ObInspector> {
  return fixture<ObInspector>(
    html`<ob-inspector lang=${attrs.lang ?? 'en-GB'} .verifier=${verifier} .now=${NOW}></ob-inspector>`,
  );
}

function $(el: ObInspector, selector: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(selector);
}

function $$(el: ObInspector, selector: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
}

function part(el: ObInspector, name: string): HTMLElement | null {
  return $(el, `[part~="${name}"]`);
}

/**
 * Whether a node is there, as a boolean: a failed assertion on a DOM node makes chai walk the whole
 * document to describe it, which can take the browser down with it.
 */
function present(node: Node | null | undefined): boolean {
  return node !== null && node !== undefined;
}

function textOf(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The checks as drawn: [label, status, sentence] each. */
function checkRows(scope: Element): string[][] {
  return [...scope.querySelectorAll(':scope > .checks > .check, .checks > .check')].map((item) => [
    textOf(item.querySelector('.check__label')),
    textOf(item.querySelector('.check__status')),
    textOf(item.querySelector('.check__sentence')),
  ]);
}

/** One check's facts: dt → dd text (top level only). */
function detailsOf(check: Element): Record<string, string> {
  const list = check.querySelector(':scope .check__body > dl.details');
  const facts: Record<string, string> = {};
  for (const row of list ? [...list.children] : []) {
    facts[textOf(row.querySelector(':scope > dt'))] = textOf(row.querySelector(':scope > dd'));
  }
  return facts;
}

function logRows(el: ObInspector): string[][] {
  return $$(el, '[part~="network"] tbody tr').map((row) => [...row.children].map((cell) => textOf(cell)));
}

function snippetText(el: ObInspector): string {
  return part(el, 'snippet')?.textContent ?? '';
}

function preview(el: ObInspector): ObBadge {
  const badge = part(el, 'preview')?.querySelector('ob-badge');
  expect(present(badge), 'a preview <ob-badge>').to.equal(true);
  return badge as ObBadge;
}

async function submit(form: HTMLFormElement | null): Promise<void> {
  expect(present(form), 'a form').to.equal(true);
  form!.requestSubmit();
}

// ── Tests ────────────────────────────────────────────────────────────────────────────────────────

describe('<ob-inspector>', () => {
  it('is registered, and exported by name', () => {
    expect(customElements.get('ob-inspector')).to.equal(ObInspector);
    expect(document.createElement('ob-inspector')).to.be.instanceOf(ObInspector);
  });

  it('refuses files over the core’s input cap: the same 2 MiB', () => {
    expect(MAX_INPUT_BYTES).to.equal(DEFAULT_MAX_BYTES);
  });

  describe('empty', () => {
    it('offers a labelled file field, paste box and address field, a heading, and no report', async () => {
      const el = await inspector(canned(cannedResult(passedChecks(VIEW, NOW), VIEW, NOW)));
      expect(textOf($(el, '[role="heading"]'))).to.equal('Is this badge real?');
      expect($(el, '[role="heading"]')!.getAttribute('aria-level')).to.equal('2');
      const file = $(el, 'input[type="file"]') as HTMLInputElement;
      expect(file.labels?.[0]?.textContent).to.equal('Badge file');
      expect(textOf($(el, '#file-hint'))).to.include('up to 2 MB');
      expect((($(el, 'textarea') as HTMLTextAreaElement).labels?.[0]?.textContent ?? '').trim()).to.equal(
        'Or paste the badge',
      );
      expect((($(el, 'input[type="url"]') as HTMLInputElement).labels?.[0]?.textContent ?? '').trim()).to.equal(
        'Or enter its address',
      );
      expect(part(el, 'status')!.getAttribute('role')).to.equal('status');
      expect(present(part(el, 'result'))).to.equal(false);
      expect(el.report).to.equal(undefined);
      await expect(el).to.be.accessible();
    });

    it('follows heading-level and the messages property', async () => {
      const el = await fixture<ObInspector>(
        html`<ob-inspector
          heading-level="1"
          .messages=${{ ...inspectorEn, title: 'Ist dieses Abzeichen echt?' }}
        ></ob-inspector>`,
      );
      const title = $(el, '[role="heading"]')!;
      expect(textOf(title)).to.equal('Ist dieses Abzeichen echt?');
      expect(title.getAttribute('aria-level')).to.equal('1');
    });

    it('shows English for what a partial messages object lacks (or gives with the wrong type)', async () => {
      const checks = passedChecks(VIEW, NOW);
      const el = await fixture<ObInspector>(
        html`<ob-inspector
          lang="en-GB"
          .verifier=${canned(cannedResult(checks, VIEW, NOW))}
          .now=${NOW}
          .messages=${{ title: 'Ist dieses Abzeichen echt?', intro: 42 } as unknown as InspectorMessages}
        ></ob-inspector>`,
      );
      expect(textOf($(el, '[role="heading"]'))).to.equal('Ist dieses Abzeichen echt?');
      expect(textOf($(el, '.intro'))).to.equal(inspectorEn.intro);
      expect(textOf($(el, 'label[for="paste"]'))).to.equal(inspectorEn.pasteLabel);
      await el.inspect('{"a": 1}');
      expect(textOf($(el, '#checks-title'))).to.equal(inspectorEn.checksHeading(checks.length));
      expect(textOf($(el, '.check__status'))).to.equal(inspectorEn.checkStatus('passed'));
      expect(textOf(part(el, 'network')!.querySelector('[role="heading"]'))).to.equal(inspectorEn.networkHeading(0));
    });
  });

  describe('a baked PNG file (Open Badges 2.0, signed), through the closed world of fixtures', () => {
    let el: ObInspector;
    let event: ObInspectedEvent;
    let png: File;

    before(async () => {
      png = await fixtureFile('ob2/baked/signed-valid.png', 'image/png');
      el = await inspector(closedWorld());
      const fired = oneEvent(el, 'ob-inspected') as unknown as Promise<ObInspectedEvent>;
      const report = await el.inspect(png);
      event = await fired;
      expect(report?.result.verdict).to.equal('verified');
    });

    it('fires ob-inspected with the result, the log and the input', () => {
      expect(event).to.be.instanceOf(ObInspectedEvent);
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.result).to.equal(el.result);
      expect(event.result.format).to.equal('ob2-signed');
      expect(event.log.map((record) => record.url)).to.deep.equal([
        'http://localhost:5173/ob2/keys/key-1.json',
        'http://localhost:5173/ob2/badges/first-open-source-contribution.json',
        'http://localhost:5173/ob2/issuer.json',
        'http://localhost:5173/ob2/revocations.json',
      ]);
      expect(event.input).to.deep.equal({ kind: 'file', name: 'signed-valid.png', size: png.size });
      expect(textOf(part(el, 'status'))).to.equal('Checked “signed-valid.png”: Verified.');
    });

    it('shows the badge through its verification property, without verifying again', async () => {
      const badge = part(el, 'badge') as ObBadge;
      expect(badge.localName).to.equal('ob-badge');
      expect(badge.verification).to.equal(el.result);
      await badge.updateComplete;
      expect(textOf(badge.shadowRoot!.querySelector('[part="verdict"]'))).to.equal('Verified');
    });

    it('says when it was verified, in the browser, in the page’s language', () => {
      const time = part(el, 'report')!.querySelector('.checked-at time')!;
      expect(time.getAttribute('datetime')).to.equal(NOW.toISOString());
      const expected = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short' }).format(NOW);
      expect(textOf(time)).to.match(new RegExp(`^Verified in your browser at ${expected}( on 1 June 2026)?$`));
    });

    it('lists every check in order, with its status and the sentence <ob-badge> would use', () => {
      expect(checkRows(part(el, 'checks')!)).to.deep.equal([
        ['Format', 'Passed', 'Read from a baked PNG image as Open Badges 2.0 (signed)'],
        // The documents came from the closed world's documents map, and the sentences say so.
        [
          'Signature',
          'Passed',
          'The signature matches the content (RS256) (from the file given for http://localhost:5173/ob2/keys/key-1.json)',
        ],
        [
          'Issuer',
          'Passed',
          'Signed by a key that belongs to http://localhost:5173/ob2/issuer.json (from files given for its documents)',
        ],
        ['Validity period', 'Passed', 'Valid from 20 May 2025 until 1 January 2030'],
        [
          'Revocation status',
          'Passed',
          'Not revoked or suspended (from the file given for http://localhost:5173/ob2/revocations.json)',
        ],
        ['Recipient', 'Not checked', 'Not checked: no recipient was given to compare with'],
      ]);
    });

    it('gives each check’s facts as a definition list: the key, where it came from, the issuer, the list', () => {
      const [format, proof, issuer, validity, status] = $$(el, '[part~="checks"] .check');
      expect(detailsOf(format!)).to.deep.include({ Format: 'ob2-signed', Algorithm: 'RS256' });
      expect(textOf(format!.querySelector('dl dl'))).to.include('png');
      expect(detailsOf(proof!)).to.deep.equal({
        Algorithm: 'RS256',
        'Key id': 'http://localhost:5173/ob2/keys/key-1.json',
        'Where the key came from': 'the issuer’s Open Badges 2.0 profile',
        'From the files given for': 'http://localhost:5173/ob2/keys/key-1.json',
      });
      expect(detailsOf(issuer!)).to.deep.include({
        Issuer: 'http://localhost:5173/ob2/issuer.json',
        'Key owner': 'http://localhost:5173/ob2/issuer.json',
      });
      expect(validity!.querySelector('time')?.getAttribute('datetime')).to.equal('2025-05-20T09:30:00.000Z');
      expect(detailsOf(status!)).to.deep.equal({
        Method: 'RevocationList',
        Address: 'http://localhost:5173/ob2/revocations.json',
        'From the files given for': 'http://localhost:5173/ob2/revocations.json',
      });
    });

    it('says who the issuer is: its id, the name it states, its domain', () => {
      const trust = part(el, 'trust')!;
      expect(textOf(trust)).to.include('http://localhost:5173/ob2/issuer.json');
      expect(textOf(trust)).to.include('Name, as the issuer states it Millbrook Code Club');
      expect(textOf(trust)).to.include('No list of known issuers was given to this page');
      expect(textOf(trust)).to.include('localhost: confirmed (its documents are served there)');
    });

    it('logs every document, in order, with what it was, its result, source, size and time', () => {
      expect(textOf(part(el, 'network')!.querySelector('[role="heading"]'))).to.equal('Network log (4 requests)');
      const rows = logRows(el);
      expect(rows.map((row) => row.slice(0, 5))).to.deep.equal([
        [
          '1',
          'http://localhost:5173/ob2/keys/key-1.json',
          'JSON document',
          'Read',
          'Given to the verifier (no network)',
        ],
        [
          '2',
          'http://localhost:5173/ob2/badges/first-open-source-contribution.json',
          'JSON document',
          'Read',
          'Given to the verifier (no network)',
        ],
        ['3', 'http://localhost:5173/ob2/issuer.json', 'JSON document', 'Read', 'Given to the verifier (no network)'],
        [
          '4',
          'http://localhost:5173/ob2/revocations.json',
          'JSON document',
          'Read',
          'Given to the verifier (no network)',
        ],
      ]);
      expect(rows[0]![5]).to.match(/^668 byte/);
      expect(rows[0]![6]).to.match(/ms$/);
      expect(textOf(part(el, 'network')!.querySelector('caption'))).to.equal(inspectorEn.networkCaption);
    });

    it('embeds the JWS taken out of the image, with the script tag, and previews exactly that', async () => {
      const token = await fixtureText('ob2/signed/valid.jwt');
      const snippet = snippetText(el);
      expect(snippet).to.equal(
        `<script type="module" src="https://unpkg.com/openbadge-embed@${VERSION}/dist/cdn/openbadge-embed.js"></script>\n` +
          `<ob-badge>\n  <script type="application/jwt">${token}</script>\n</ob-badge>\n`,
      );
      const badge = preview(el);
      expect(badge.hasAttribute('src')).to.equal(false);
      const script = badge.querySelector('script')!;
      expect(script.type).to.equal('application/jwt');
      expect(script.textContent).to.equal(token);
      // It verifies itself (with the inspector's verifier), rather than being handed the result.
      expect(badge.verification).to.equal(undefined);
      const result = await badge.verifyComplete;
      expect(result?.verdict).to.equal('verified');
      expect(result).not.to.equal(el.result);
    });

    it('links the 1EdTech validator, saying nothing is sent there', () => {
      const link = part(el, 'actions')!.querySelector('a')!;
      expect(link.href).to.equal(VALIDATOR_URL);
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.include('noopener');
      expect(textOf(link)).to.equal('Open the 1EdTech validator (opens in a new tab)');
      expect(textOf(part(el, 'actions'))).to.include('This page sends it nothing');
    });

    it('downloads the report as JSON: the result with the image as its length, and the network log', async () => {
      const created: Blob[] = [];
      const realCreate = URL.createObjectURL;
      const clicked: HTMLAnchorElement[] = [];
      const realClick = HTMLAnchorElement.prototype.click;
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        created.push(blob as Blob);
        return realCreate.call(URL, blob);
      };
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        clicked.push(this);
      };
      try {
        const button = [...part(el, 'actions')!.querySelectorAll('button')].find(
          (candidate) => textOf(candidate) === 'Download report (JSON)',
        )!;
        button.click();
      } finally {
        URL.createObjectURL = realCreate;
        HTMLAnchorElement.prototype.click = realClick;
      }
      expect(created).to.have.length(1);
      expect(created[0]!.type).to.equal('application/json');
      expect(clicked[0]!.download).to.equal('badge-report-2026-06-01T00-00-00Z.json');
      const json = JSON.parse(await created[0]!.text()) as {
        generator: string;
        input: unknown;
        result: VerificationResult & { bakedImage: Record<string, unknown> };
        network: FetchRecord[];
      };
      expect(json.generator).to.equal('openbadge-embed <ob-inspector>');
      expect(json.input).to.deep.equal({ kind: 'file', name: 'signed-valid.png', size: png.size });
      expect(json.result.verdict).to.equal('verified');
      expect(json.result.checks.map((check) => check.id)).to.deep.equal([
        'format',
        'proof',
        'issuer',
        'validity',
        'status',
        'recipient',
      ]);
      expect(json.result.bakedImage).to.deep.equal({
        container: 'png',
        contentType: 'image/png',
        byteLength: png.size,
      });
      expect(json.network).to.deep.equal(JSON.parse(JSON.stringify(el.report!.log)));
      await el.updateComplete;
      expect(textOf(part(el, 'status'))).to.equal('Report downloaded.');
    });

    it('copies the snippet, and says so in the live region', async () => {
      let copied: string | undefined;
      const realClipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: async (value: string) => void (copied = value) },
      });
      try {
        const button = [...part(el, 'embed')!.querySelectorAll('button')].find(
          (candidate) => textOf(candidate) === 'Copy snippet',
        )!;
        button.click();
        await new Promise((resolve) => setTimeout(resolve));
        await el.updateComplete;
        expect(copied).to.equal(snippetText(el));
        expect(textOf(part(el, 'status'))).to.equal('Snippet copied.');
        Object.defineProperty(navigator, 'clipboard', {
          configurable: true,
          value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
        });
        button.click();
        await new Promise((resolve) => setTimeout(resolve));
        await el.updateComplete;
        expect(textOf(part(el, 'status'))).to.equal('Could not copy the snippet: select it and copy it yourself.');
      } finally {
        delete (navigator as { clipboard?: unknown }).clipboard;
        if (realClipboard && !('clipboard' in navigator))
          Object.defineProperty(Navigator.prototype, 'clipboard', realClipboard);
      }
    });

    it('is accessible, and sets its state', async () => {
      // Fixtures are removed after each test: put this one back on the page for axe.
      document.body.append(el);
      try {
        await el.updateComplete;
        expect(el.matches(':state(verified)')).to.equal(true);
        await expect(el).to.be.accessible();
      } finally {
        el.remove();
      }
    });
  });

  describe('input paths', () => {
    it('a file chosen in the file field (the keyboard path)', async () => {
      const verifier = closedWorld();
      const el = await inspector(verifier);
      const input = $(el, 'input[type="file"]') as HTMLInputElement;
      const transfer = new DataTransfer();
      transfer.items.add(await fixtureFile('ob2/baked/signed-valid.svg', 'image/svg+xml'));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      expect(textOf(part(el, 'status'))).to.equal('');
      await el.updateComplete;
      expect(el.matches(':state(checking)')).to.equal(true);
      expect(textOf(part(el, 'status'))).to.equal('Checking “signed-valid.svg”…');
      const report = await el.inspectComplete;
      expect(report?.result.verdict).to.equal('verified');
      expect(report?.result.bakedImage?.container).to.equal('svg');
      expect(snippetText(el)).to.include('<script type="application/jwt">eyJ');
    });

    it('a file dropped on the input box (only the first of several)', async () => {
      const el = await inspector(closedWorld());
      const transfer = new DataTransfer();
      transfer.items.add(await fixtureFile('ob2/baked/hosted-valid.png', 'image/png'));
      transfer.items.add(new File(['{}'], 'other.json', { type: 'application/json' }));
      const zone = part(el, 'input')!;
      const over = new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true });
      zone.dispatchEvent(over);
      expect(over.defaultPrevented).to.equal(true);
      await el.updateComplete;
      expect(zone.classList.contains('input--over')).to.equal(true);
      const drop = new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true });
      zone.dispatchEvent(drop);
      expect(drop.defaultPrevented).to.equal(true);
      await el.updateComplete;
      expect(zone.classList.contains('input--over')).to.equal(false);
      expect(textOf(part(el, 'status'))).to.equal('2 files were dropped; checking the first one, “hosted-valid.png”.');
      const report = await el.inspectComplete;
      expect(report?.input).to.deep.include({ kind: 'file', name: 'hosted-valid.png' });
      expect(report?.result.format).to.equal('ob2-hosted');
      // The image carries the assertion's JSON: that is inlined.
      expect(snippetText(el)).to.include('<script type="application/json">');
    });

    it('pasted JSON (an OB 2.0 hosted assertion): inlined as application/json, reading back the same', async () => {
      const json = await fixtureText('ob2/assertions/valid.json');
      const el = await inspector(closedWorld());
      const textarea = $(el, 'textarea') as HTMLTextAreaElement;
      textarea.value = json;
      await submit(textarea.form);
      const report = await el.inspectComplete;
      expect(report?.input).to.deep.equal({ kind: 'text', length: json.length });
      expect(report?.result.format).to.equal('ob2-hosted');
      expect(report?.result.verdict).to.equal('verified');
      expect(textOf(part(el, 'status'))).to.equal('Checked the pasted badge: Verified.');
      const script = preview(el).querySelector('script')!;
      expect(script.type).to.equal('application/json');
      expect(JSON.parse(script.textContent!)).to.deep.equal(JSON.parse(json));
      expect((await preview(el).verifyComplete)?.verdict).to.equal('verified');
    });

    it('a pasted JWT signed with a did:key: no key fetched, only the issuer’s site asked about its domain', async () => {
      const token = await fixtureText('credentials/ob3-jwt-valid-did-key.jwt');
      const el = await inspector(closedWorld());
      const report = await el.inspect(`  ${token}\n`);
      expect(report?.result.verdict).to.equal('verified');
      expect(logRows(el).map((row) => row.slice(0, 5))).to.deep.equal([
        [
          '1',
          'https://northwind.example/.well-known/did-configuration.json',
          'Domain linkage (DID configuration)',
          'ERR_OB_FETCH_REFUSED: Fetching this address is not allowed',
          'Network',
        ],
      ]);
      expect(textOf(part(el, 'trust'))).to.include('northwind.example: not confirmed');
      expect(snippetText(el)).to.include(`<script type="application/jwt">${token}</script>`);
    });

    it('an address the browser could read: the log says network, and the snippet uses src', async () => {
      const url = 'http://localhost:5173/ob2/assertions/valid.json';
      const verifier = fakeNetwork();
      const el = await inspector(verifier);
      ($(el, 'input[type="url"]') as HTMLInputElement).value = url;
      await submit(($(el, 'input[type="url"]') as HTMLInputElement).form);
      const report = await el.inspectComplete;
      expect(report?.input).to.deep.equal({ kind: 'url', url });
      expect(report?.result.verdict).to.equal('verified');
      expect(verifier.requests[0]).to.equal(url);
      const [first] = logRows(el);
      expect(first!.slice(0, 5)).to.deep.equal(['1', url, 'The badge', 'HTTP 200', 'Network']);
      expect(snippetText(el)).to.equal(
        `<script type="module" src="https://unpkg.com/openbadge-embed@${VERSION}/dist/cdn/openbadge-embed.js"></script>\n` +
          `<ob-badge src="${url}"></ob-badge>\n`,
      );
      const badge = preview(el);
      expect(badge.getAttribute('src')).to.equal(url);
      expect(badge.children).to.have.length(0);
      expect((await badge.verifyComplete)?.verdict).to.equal('verified');
      await expect(el).to.be.accessible();
    });

    it('an address browsers may not read (no CORS): the failure in the log, and no address snippet', async () => {
      const url = 'http://no-cors.localhost:5173/ob2/no-cors/assertions/valid.json';
      const el = await inspector(fakeNetwork([url]));
      const report = await el.inspect(new URL(url));
      expect(report?.result.checks[0]).to.deep.include({ id: 'format', status: 'warning', code: 'ERR_OB_FETCH_CORS' });
      expect(el.matches(':state(error)')).to.equal(true);
      // Nobody judged it: "status unknown", as the card's pill says, not "not verified".
      expect(textOf(part(el, 'status'))).to.equal(`Checked “${url}”: Status unknown.`);
      expect(part(el, 'report')!.querySelector('.summary')!.classList.contains('summary--unknown')).to.equal(true);
      const [row] = logRows(el);
      expect(row![3]).to.equal('ERR_OB_FETCH_CORS: The server does not let browsers read it');
      expect($$(el, '[part~="network"] tbody tr')[0]!.classList.contains('fetch--failed')).to.equal(true);
      expect(textOf(part(el, 'embed'))).to.include('Browsers cannot read this badge from its address');
      expect(present(part(el, 'snippet'))).to.equal(false);
    });

    it('a string that is an address is checked as one', async () => {
      const verifier = canned(cannedResult(passedChecks(VIEW, NOW), VIEW, NOW));
      const el = await inspector(verifier);
      await el.inspect('https://issuer.example/badges/1.json');
      expect(verifier.calls[0]!.input).to.be.instanceOf(URL);
      expect(String(verifier.calls[0]!.input)).to.equal('https://issuer.example/badges/1.json');
    });

    it('passes the clock, an abort signal, the trust list and domainLinkage (an inspector asks who the issuer is) to the verifier', async () => {
      const verifier = canned(cannedResult(passedChecks(VIEW, NOW), VIEW, NOW));
      const el = await inspector(verifier);
      const trustList = parseTrustList({ issuers: [{ name: 'Example University', domain: 'example.edu' }] });
      el.trustList = trustList;
      await el.inspect('eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln');
      const options = verifier.calls[0]!.options!;
      expect(options.now).to.equal(NOW);
      expect(options.signal).to.be.instanceOf(AbortSignal);
      expect(options.trustList).to.equal(trustList);
      expect(options.domainLinkage).to.equal(true);
      expect(options.onFetch).to.be.a('function');
      expect(textOf(part(el, 'network'))).to.include('Nothing was fetched: everything needed was in the badge itself.');
    });
  });

  describe('refused before reading', () => {
    it('a file over 2 MiB: a clear message, the verifier never called', async () => {
      const verifier = canned(cannedResult(passedChecks(VIEW, NOW), VIEW, NOW));
      const el = await inspector(verifier);
      const big = new File([new Uint8Array(MAX_INPUT_BYTES + 1)], 'huge.png', { type: 'image/png' });
      let read = false;
      big.arrayBuffer = () => {
        read = true;
        return Promise.reject(new Error('read'));
      };
      expect(await el.inspect(big)).to.equal(undefined);
      await el.updateComplete;
      expect(verifier.calls).to.have.length(0);
      expect(read).to.equal(false);
      const status = part(el, 'status')!;
      expect(textOf(status)).to.equal(
        '“huge.png” is 2 MB: too large to be a badge (the limit is 2 MB). Nothing was read.',
      );
      expect(status.classList.contains('status--error')).to.equal(true);
      expect(present(part(el, 'result'))).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('an empty file, empty text, and something that is not an address', async () => {
      const verifier = canned(cannedResult(passedChecks(VIEW, NOW), VIEW, NOW));
      const el = await inspector(verifier);
      await el.inspect(new File([], 'empty.json'));
      await el.updateComplete;
      expect(textOf(part(el, 'status'))).to.equal('“empty.json” is empty.');
      await el.inspect('   ');
      await el.updateComplete;
      expect(textOf(part(el, 'status'))).to.equal('Paste a badge first: a JWT or JSON.');
      const url = $(el, 'input[type="url"]') as HTMLInputElement;
      url.value = 'issuer.example/badge.json';
      await submit(url.form);
      await el.updateComplete;
      expect(textOf(part(el, 'status'))).to.equal('Enter a full address, starting with https:// (or http://).');
      await el.inspect(new URL('javascript:alert(1)'));
      await el.updateComplete;
      expect(textOf(part(el, 'status'))).to.equal('Enter a full address, starting with https:// (or http://).');
      expect(verifier.calls).to.have.length(0);
    });

    it('pasted text longer than a badge can be: the paste is stopped, not drawn', async () => {
      const el = await inspector(canned(cannedResult(passedChecks(VIEW, NOW), VIEW, NOW)));
      const textarea = $(el, 'textarea') as HTMLTextAreaElement;
      const clipboard = new DataTransfer();
      clipboard.setData('text/plain', 'a'.repeat(MAX_INPUT_BYTES + 1));
      const paste = new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true });
      textarea.dispatchEvent(paste);
      expect(paste.defaultPrevented).to.equal(true);
      await el.updateComplete;
      expect(textOf(part(el, 'status'))).to.equal(
        'The pasted text is 2,097,153 characters long: too long to be a badge (the limit is 2,097,152 characters).',
      );
      // And through the API.
      expect(await el.inspect('{'.repeat(MAX_INPUT_BYTES + 1))).to.equal(undefined);
    });
  });

  describe('hostile and broken input: an error state, never a frozen tab', () => {
    it('a corrupt PNG: the card’s error box, the failed check and its code, nothing to embed', async () => {
      const el = await inspector(closedWorld());
      const bytes = new Uint8Array(4096);
      bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0xff, 0x49, 0x48, 0x44, 0x52]);
      const report = await el.inspect(new File([bytes], 'broken.png', { type: 'image/png' }));
      expect(report?.result.checks[0]?.status).to.equal('failed');
      expect(el.matches(':state(error)')).to.equal(true);
      const [row] = checkRows(part(el, 'checks')!);
      expect(row![0]).to.equal('Format');
      expect(row![1]).to.equal('Failed');
      expect(textOf(part(el, 'checks')!.querySelector('.check__code'))).to.match(/^Error code: ERR_OB_IMAGE_/);
      expect(textOf(part(el, 'embed'))).to.include('Nothing to embed: the badge could not be read.');
      const badge = part(el, 'badge') as ObBadge;
      await badge.updateComplete;
      expect(present(badge.shadowRoot!.querySelector('[part="error"]'))).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('deeply nested JSON: read as what it is', async () => {
      const el = await inspector(closedWorld());
      const depth = 200_000;
      const nested = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
      const report = await el.inspect(new File([nested], 'nested.json', { type: 'application/json' }));
      expect(report?.result.verdict).to.equal('unverified');
      expect(report?.result.badge).to.equal(undefined);
      expect(checkRows(part(el, 'checks')!)[0]![1]).to.equal('Failed');
    });

    it('a verifier that throws: one failed check, still a report and an event', async () => {
      const el = await inspector({
        verify: () => Promise.reject(Object.assign(new Error('boom'), { code: 'ERR_OB_MALFORMED' })),
      });
      const fired = oneEvent(el, 'ob-inspected') as unknown as Promise<ObInspectedEvent>;
      await el.inspect('eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln');
      const event = await fired;
      expect(event.result.checks).to.have.length(1);
      expect(checkRows(part(el, 'checks')!)).to.deep.equal([
        ['Verification', 'Failed', 'The badge data is damaged or incomplete'],
      ]);
    });

    it('badge text is text: markup in a name or a detail is never drawn as HTML', async () => {
      const view: BadgeView = { ...VIEW, name: '<img src=x onerror="window.__pwned=1">Evil' };
      const checks: Check[] = [
        { id: 'format', status: 'passed', details: { format: 'ob3-json', note: '<b>bold</b>' } },
        {
          id: 'proof',
          status: 'failed',
          code: 'ERR_OB_SIGNATURE_INVALID',
          details: { keyId: 'https://evil.example/<script>alert(1)</script>' },
        },
      ];
      const el = await inspector(canned(cannedResult(checks, view, NOW)));
      await el.inspect('{"name":"x"}');
      expect(present(el.shadowRoot!.querySelector('img, b, script:not([type^="application/"])'))).to.equal(false);
      expect(textOf(part(el, 'checks'))).to.include('<b>bold</b>');
      expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
    });
    it('a real VC-JWT carrying 300,000-deep arrays: verified, drawn, and its JSON report writes', async () => {
      const signer = await createDidJwkIssuer('EdDSA');
      // Built as text (JSON.stringify cannot write it), as an attacker would.
      const vc = JSON.stringify(credentialFor(signer.did));
      const depth = 300_000;
      const payload = `{"iss":"${signer.did}","vc":${vc.slice(0, -1)},"deep":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
      const jwt = await new CompactSign(new TextEncoder().encode(payload))
        .setProtectedHeader({ alg: signer.alg, kid: signer.kid, typ: 'JWT' })
        .sign(signer.privateKey);
      const el = await inspector(createVerifier({ offline: true }));
      const report = await el.inspect(jwt);
      expect(report?.result.verdict, JSON.stringify(report?.result.checks)).to.equal('verified');
      const text = reportText(report!);
      expect(text).to.include(TOO_DEEP_MARKER);
      expect((JSON.parse(text) as { result: { verdict: string } }).result.verdict).to.equal('verified');
    });

    it('300,000-deep arrays in check details and the credential: drawn cut short, the JSON report writes', async () => {
      let deep: unknown = [];
      for (let i = 1; i < 300_000; i++) deep = [deep];
      const checks: Check[] = [
        { id: 'format', status: 'passed', details: { format: 'ob3-jwt', deep } },
        ...passedChecks(VIEW, NOW).filter((check) => check.id !== 'format'),
      ];
      const result = { ...cannedResult(checks, VIEW, NOW), credential: { deep } } as VerificationResult;
      const el = await inspector(canned(result));
      const report = await el.inspect('eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln');
      expect(report?.result.verdict).to.equal('verified');
      expect(textOf(part(el, 'checks'))).to.include('[[[');
      const text = reportText(report!);
      expect(text).to.include(TOO_DEEP_MARKER);
      expect((JSON.parse(text) as { result: { verdict: string } }).result.verdict).to.equal('verified');
    });
  });

  describe('the embed snippet escapes what it carries', () => {
    const hostile = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: '</script><img src=x onerror="window.__pwned=1"><!--',
      description: 'a </SCRIPT > and <!-- <script> and "quotes" & ampersands',
    };

    it('a credential containing </script> cannot break out of its script element', async () => {
      const json = JSON.stringify(hostile, null, 2);
      const el = await inspector(canned(cannedResult(passedChecks(VIEW, NOW), VIEW, NOW)));
      await el.inspect(json);
      const snippet = snippetText(el);
      expect(snippet).not.to.match(/<\/script>\s*<img/i);
      expect(snippet.match(/<\/script/gi)).to.have.length(2); // the script tag's and the inline script's own
      expect(snippet).not.to.include('<!--');
      // Parsed as HTML, the snippet is exactly: the script tag, and <ob-badge> with one JSON script.
      const parsed = new DOMParser().parseFromString(snippet, 'text/html');
      expect(parsed.querySelectorAll('img')).to.have.length(0);
      const badges = parsed.querySelectorAll('ob-badge');
      expect(badges).to.have.length(1);
      const children = [...badges[0]!.children];
      expect(children.map((child) => [child.localName, child.getAttribute('type')])).to.deep.equal([
        ['script', 'application/json'],
      ]);
      expect(parsed.querySelectorAll('head *, body *').length).to.equal(3); // script tag, ob-badge, its script
      const script = children[0]!;
      expect(JSON.parse(script.textContent!)).to.deep.equal(hostile);
      // The preview is that same element: the same script text.
      expect(preview(el).querySelector('script')!.textContent).to.equal(script.textContent);
      expect(present(el.shadowRoot!.querySelector('img'))).to.equal(false);
      expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
    });

    it('an address with quotes and markup is escaped as an attribute', () => {
      const snippet = embedSnippet(
        { kind: 'src', url: 'https://issuer.example/b?a="x"&b=<y>' },
        'https://cdn.example/o.js?v="1"',
      );
      expect(snippet).to.equal(
        '<script type="module" src="https://cdn.example/o.js?v=&quot;1&quot;"></script>\n' +
          '<ob-badge src="https://issuer.example/b?a=&quot;x&quot;&amp;b=&lt;y&gt;"></ob-badge>\n',
      );
      const parsed = new DOMParser().parseFromString(snippet, 'text/html');
      expect(parsed.querySelector('ob-badge')!.getAttribute('src')).to.equal('https://issuer.example/b?a="x"&b=<y>');
      expect(escapeAttribute(`"'<>&`)).to.equal("&quot;'&lt;&gt;&amp;");
    });

    it('tells a JWS, JSON and an address apart, and refuses anything else', () => {
      expect(contentOf(' eyJhbGciOiJFUzI1NiJ9.eyJ2YyI6e319.c2ln\n')).to.deep.equal({
        kind: 'inline',
        type: 'application/jwt',
        text: 'eyJhbGciOiJFUzI1NiJ9.eyJ2YyI6e319.c2ln',
      });
      expect(contentOf('\uFEFF{"a":"</script>"}')).to.deep.equal({
        kind: 'inline',
        type: 'application/json',
        text: '{"a":"\\u003c/script>"}',
      });
      expect(contentOf('https://issuer.example/assertions/1')).to.deep.equal({
        kind: 'address',
        url: 'https://issuer.example/assertions/1',
      });
      expect(contentOf('[1,2]')).to.equal(undefined);
      expect(contentOf('{not json')).to.equal(undefined);
      expect(contentOf('eyJ.<script>.x')).to.equal(undefined);
      expect(contentOf('javascript:alert(1)')).to.equal(undefined);
      expect(JSON.parse(scriptSafeJson('{"a":"<!--<script>"}'))).to.deep.equal({ a: '<!--<script>' });
    });

    it('takes an address only when this browser itself read it (not a proxy, not a documents map)', () => {
      const url = 'https://issuer.example/b.json';
      const record = { url, accept: 'badge', startedAt: 0, durationMs: 1, ok: true } as const;
      expect(browserCouldFetch([{ ...record, source: 'network' }], url)).to.equal(true);
      expect(browserCouldFetch([{ ...record, source: 'cache' }], url)).to.equal(true);
      expect(browserCouldFetch([{ ...record, source: 'local' }], url)).to.equal(false);
      expect(browserCouldFetch([{ ...record, source: 'network', viaProxy: 'https://proxy.example' }], url)).to.equal(
        false,
      );
      expect(browserCouldFetch([{ ...record, source: 'network', ok: false, code: 'ERR_OB_FETCH_CORS' }], url)).to.equal(
        false,
      );
    });

    it('uses the script-src the page gives', async () => {
      const el = await inspector(canned(cannedResult(passedChecks(VIEW, NOW), VIEW, NOW)));
      el.setAttribute('script-src', '/vendor/openbadge-embed.js');
      await el.inspect('eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln');
      expect(snippetText(el).split('\n')[0]).to.equal(
        '<script type="module" src="/vendor/openbadge-embed.js"></script>',
      );
    });

    it('warns that a badge that did not verify will say so on the earner’s page', async () => {
      const checks: Check[] = [
        ...passedChecks(VIEW, NOW).slice(0, 3),
        { id: 'validity', status: 'failed', code: 'ERR_OB_EXPIRED', details: { validUntil: '2025-01-01T00:00:00Z' } },
      ];
      const el = await inspector(canned(cannedResult(checks, VIEW, NOW)));
      await el.inspect('eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln');
      expect(textOf(part(el, 'embed'))).to.include(inspectorEn.embedNotVerified);
      expect(textOf(part(el, 'report')!.querySelector('.summary'))).to.equal('Not verified: expired on 1 January 2025');
      expect(textOf(part(el, 'report')!.querySelector('.checked-at'))).to.match(/^Checked in your browser at /);
    });
  });

  describe('the network log', () => {
    const LOG: FetchRecord[] = [
      {
        url: 'https://issuer.example/badge.json',
        accept: 'badge',
        startedAt: 1,
        durationMs: 41.6,
        source: 'network',
        ok: true,
        status: 200,
        contentType: 'application/ld+json',
        bytes: 2048,
        finalUrl: 'https://www.issuer.example/badge.json',
      },
      {
        url: 'https://issuer.example/.well-known/did.json',
        accept: 'json',
        startedAt: 2,
        durationMs: 0,
        source: 'cache',
        ok: true,
        status: 200,
        bytes: 900,
      },
      {
        url: 'https://issuer.example/status/1',
        accept: 'badge',
        startedAt: 3,
        durationMs: 10_000,
        source: 'network',
        ok: false,
        code: 'ERR_OB_FETCH_TIMEOUT',
      },
      {
        url: 'https://issuer.example/keys.json',
        accept: 'json',
        startedAt: 4,
        durationMs: 12,
        source: 'network',
        ok: false,
        status: 404,
        code: 'ERR_OB_FETCH_FAILED',
        viaProxy: 'https://proxy.example',
      },
      {
        url: 'https://school.example/.well-known/did-configuration.json',
        accept: 'json',
        startedAt: 5,
        durationMs: 3,
        source: 'local',
        ok: true,
        bytes: 10,
      },
    ];

    it('draws each record: address (and where it moved), what it was, result with code, source, size, time', async () => {
      const el = await inspector(canned(cannedResult(passedChecks(VIEW, NOW), VIEW, NOW), LOG));
      await el.inspect(new URL('https://issuer.example/badge.json'));
      expect(logRows(el)).to.deep.equal([
        [
          '1',
          'https://issuer.example/badge.json Redirected to https://www.issuer.example/badge.json',
          'The badge',
          'HTTP 200',
          'Network',
          '2 kB',
          '42 ms',
        ],
        [
          '2',
          'https://issuer.example/.well-known/did.json',
          'DID document (keys)',
          'HTTP 200',
          'This page’s cache',
          '900 byte',
          '0 ms',
        ],
        [
          '3',
          'https://issuer.example/status/1',
          'A credential it relies on (status list)',
          'ERR_OB_FETCH_TIMEOUT: Took too long',
          'Network',
          '–',
          '10,000 ms',
        ],
        [
          '4',
          'https://issuer.example/keys.json through proxy.example',
          'JSON document',
          'HTTP 404, ERR_OB_FETCH_FAILED: Could not be downloaded',
          'Network',
          '–',
          '12 ms',
        ],
        [
          '5',
          'https://school.example/.well-known/did-configuration.json',
          'Domain linkage (DID configuration)',
          'Read',
          'Given to the verifier (no network)',
          '10 byte',
          '3 ms',
        ],
      ]);
      expect(el.report?.log).to.deep.equal(LOG);
      // The snippet: the badge's address answered from the network.
      expect(snippetText(el)).to.include('<ob-badge src="https://issuer.example/badge.json">');
      await expect(el).to.be.accessible();
    });
  });

  describe('credentials inside it', () => {
    it('lists them as sub-reports, drawn only when opened', async () => {
      const result = transcript(3, { 1: 'unverified' });
      const el = await inspector(canned(result));
      await el.inspect('{"type":"ClrCredential"}');
      const nested = part(el, 'nested')!;
      expect(textOf(nested.querySelector('[role="heading"]'))).to.equal('Credentials inside it (3)');
      const items = [...nested.querySelectorAll(':scope > ul > li > details')] as HTMLDetailsElement[];
      expect(items).to.have.length(3);
      expect(items.map((item) => textOf(item.querySelector('summary .word')))).to.deep.equal([
        'Verified',
        'Not verified',
        'Verified',
      ]);
      expect(textOf(items[0]!.querySelector('summary .nested__role'))).to.equal('Achievement');
      expect(present(items[1]!.querySelector('.checks'))).to.equal(false);
      items[1]!.querySelector('summary')!.click();
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      const rows = checkRows(items[1]!);
      expect(rows[0]![0]).to.equal('Format');
      expect(rows.some((row) => row[1] === 'Failed')).to.equal(true);
      expect(textOf(items[1]!)).to.include('Found at');
      await expect(el).to.be.accessible();
    });
  });

  describe('who the issuer is', () => {
    it('names a known issuer from the trust list, and never confuses it with the verdict', async () => {
      const result: VerificationResult = {
        ...cannedResult(passedChecks(VIEW, NOW), VIEW, NOW),
        trust: {
          issuerId: 'did:web:example.edu',
          statedName: 'Example University',
          known: { name: 'Example University', list: 'Harbor City Careers', matchedBy: 'domain' },
          domain: { host: 'example.edu', confirmed: true, method: 'did:web' },
        },
      };
      const el = await inspector(canned(result));
      await el.inspect('eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln');
      const trust = textOf(part(el, 'trust'));
      expect(trust).to.include('Known issuer: Example University, per Harbor City Careers (matched by its web domain)');
      expect(trust).to.include('example.edu: confirmed (its did:web is served there)');
      expect(trust).to.include(inspectorEn.trustNote);
    });

    it('says when the issuer is not on the list', async () => {
      const result: VerificationResult = {
        ...cannedResult(passedChecks(VIEW, NOW), VIEW, NOW),
        trust: { issuerId: 'did:key:z6Mk', known: null },
      };
      const el = await inspector(canned(result));
      await el.inspect('eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln');
      expect(textOf(part(el, 'trust'))).to.include('Not on this page’s list of known issuers');
      expect(textOf(part(el, 'trust'))).to.include('No web domain is bound to this issuer');
    });
  });

  describe('one inspection at a time', () => {
    it('a newer input overtakes a running one: its signal aborts, only the newer is drawn and announced', async () => {
      const verifier = new ManualVerifier();
      const el = await inspector(verifier);
      let events = 0;
      el.addEventListener('ob-inspected', () => events++);
      const first = el.inspect('eyJhbGciOiJFZERTQSJ9.eyJmaXJzdCI6MX0.c2ln');
      const second = el.inspect('eyJhbGciOiJFZERTQSJ9.eyJzZWNvbmQiOjF9.c2ln');
      await new Promise((resolve) => setTimeout(resolve));
      expect(verifier.calls).to.have.length(2);
      expect(verifier.calls[0]!.options!.signal!.aborted).to.equal(true);
      verifier.calls[1]!.resolve(cannedResult(passedChecks(VIEW, NOW), VIEW, NOW));
      verifier.calls[0]!.resolve(
        cannedResult([{ id: 'format', status: 'failed', code: 'ERR_OB_MALFORMED' }], null, NOW),
      );
      expect(await first).to.equal(undefined);
      expect((await second)?.result.verdict).to.equal('verified');
      expect(el.result?.verdict).to.equal('verified');
      expect(events).to.equal(1);
    });

    it('reset() stops a running inspection and clears everything', async () => {
      const verifier = new ManualVerifier();
      const el = await inspector(verifier);
      const running = el.inspect('eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln');
      await new Promise((resolve) => setTimeout(resolve));
      el.reset();
      expect(verifier.calls[0]!.options!.signal!.aborted).to.equal(true);
      verifier.calls[0]!.resolve(cannedResult(passedChecks(VIEW, NOW), VIEW, NOW));
      expect(await running).to.equal(undefined);
      await el.updateComplete;
      expect(present(part(el, 'result'))).to.equal(false);
      expect(el.matches(':state(checking)')).to.equal(false);
    });
  });

  describe('the report JSON', () => {
    it('replaces baked image bytes by their length at every level, like ob-verify --json', () => {
      const inner = {
        ...cannedResult(passedChecks(VIEW, NOW), VIEW, NOW),
        bakedImage: { container: 'svg', contentType: 'image/svg+xml', bytes: new Uint8Array(7) },
      } as VerificationResult;
      const outer: VerificationResult = {
        ...cannedResult(passedChecks(VIEW, NOW), VIEW, NOW),
        bakedImage: { container: 'png', contentType: 'image/png', bytes: new Uint8Array(12) },
        nested: [{ role: 'credential', location: 'verifiableCredential[0]', result: inner }],
      };
      const json = JSON.parse(JSON.stringify(resultJsonOf(outer))) as Record<string, unknown> & {
        nested: { result: Record<string, unknown> }[];
      };
      expect(json['bakedImage']).to.deep.equal({ container: 'png', contentType: 'image/png', byteLength: 12 });
      expect(json.nested[0]!.result['bakedImage']).to.deep.equal({
        container: 'svg',
        contentType: 'image/svg+xml',
        byteLength: 7,
      });
      expect(reportFileName(outer)).to.equal('badge-report-2026-06-01T00-00-00Z.json');
    });
  });
});
