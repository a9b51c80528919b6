import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createDocumentLoader, type DocumentLoader, type DocumentSource } from '../../core/fetcher.js';
import type { VerificationResult } from '../../core/result.js';
import type { VerifyInput } from '../../core/verify.js';
import {
  inputKey,
  LIST_NOW,
  ManualListVerifier,
  WALL,
  WALL_COUNTS,
  wallVerifier,
} from '../../../test/helpers/canned-list.js';
import { cannedResult } from '../../../test/helpers/canned-results.js';
import type { ListSummary } from '../../messages/list-messages.js';
import type { ObBadge } from '../badge/badge.js';
import { ObBadgeList } from './badge-list.js';
import { MAX_LIST_ENTRIES } from './list-sources.js';
import type { ObListSummaryEvent } from '../../events/list-summary-event.js';

const LIST_URL = 'https://lists.example/ada/badges.json';
const URLS = WALL.map((entry) => entry.url);
const NAMES = WALL.map((entry) => entry.result.badge?.name);

/** A loader answering from `documents` only (anything else is refused as offline). */
function documents(map: Record<string, DocumentSource>): DocumentLoader {
  return createDocumentLoader({ documents: map, offline: true });
}

/** A loader whose every request gets `response`. */
function answering(response: () => Response): DocumentLoader {
  return createDocumentLoader({ fetch: async () => response() });
}

function shadow(el: ObBadgeList): ShadowRoot {
  return el.shadowRoot!;
}

function part(el: ObBadgeList, name: string): HTMLElement | null {
  return shadow(el).querySelector(`[part~="${name}"]`);
}

function textOf(node: Element | null): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits for the list's lazily loaded view to draw. */
async function ready(el: ObBadgeList): Promise<void> {
  await waitUntil(() => part(el, 'summary') !== null, 'the list view did not load');
  await el.updateComplete;
}

/** The list's cells in display order. */
function cells(el: ObBadgeList): HTMLElement[] {
  return [...shadow(el).querySelectorAll<HTMLElement>('[part~="item"]')];
}

/** The badge in a cell: the one the list made, or the child slotted into it. */
function badgeIn(cell: HTMLElement): ObBadge {
  const made = cell.querySelector('ob-badge');
  if (made) return made;
  return cell.querySelector('slot')!.assignedElements()[0] as ObBadge;
}

/** Names of the badges shown (not hidden by a filter), in display order; unsettled ones as `…`. */
function shownNames(el: ObBadgeList): (string | undefined)[] {
  return cells(el)
    .filter((cell) => !cell.hidden)
    .map((cell) => {
      const result = badgeIn(cell).result;
      return result ? result.badge?.name : '…';
    });
}

/** Waits until `count` badges are in the list and all have settled. */
async function settled(el: ObBadgeList, count: number): Promise<void> {
  await waitUntil(
    () => el.summary?.total === count && el.summary.pending === 0,
    `expected ${count} settled badges, have ${JSON.stringify(el.summary)}`,
    { timeout: 5000 },
  );
  await el.updateComplete;
}

/** Waits for the (debounced) live summary line to read `text`. */
async function summaryReads(el: ObBadgeList, text: string): Promise<void> {
  await waitUntil(() => textOf(part(el, 'summary')) === text, `summary: "${textOf(part(el, 'summary'))}"`, {
    timeout: 5000,
  });
}

async function wall(
  options: { loader?: DocumentLoader; src?: string; credentials?: unknown[]; variant?: string } = {},
): Promise<ObBadgeList> {
  const el = await fixture<ObBadgeList>(
    html`<ob-badge-list
      variant=${options.variant ?? 'compact'}
      src=${options.src ?? ''}
      .loader=${options.loader}
      .credentials=${options.credentials}
      .verifier=${wallVerifier()}
      .now=${LIST_NOW}
    ></ob-badge-list>`,
  );
  await ready(el);
  return el;
}

function choose(el: ObBadgeList, name: string, value: string): void {
  const select = part(el, name) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<ob-badge-list>', () => {
  it('is registered and exposes read-only results, summary and error', () => {
    expect(customElements.get('ob-badge-list')).to.equal(ObBadgeList);
    for (const name of ['results', 'summary', 'error']) {
      const descriptor = Object.getOwnPropertyDescriptor(ObBadgeList.prototype, name);
      expect(descriptor?.get, name).to.be.a('function');
      expect(descriptor?.set, name).to.equal(undefined);
    }
  });

  it('says there is nothing to show when it has no badges', async () => {
    const el = await fixture<ObBadgeList>(html`<ob-badge-list></ob-badge-list>`);
    await ready(el);
    expect(textOf(part(el, 'empty'))).to.equal('No badges to show.');
    expect(part(el, 'list')).to.equal(null);
    expect(part(el, 'toolbar')).to.equal(null);
    expect(el.matches(':state(empty)')).to.equal(true);
    expect(el.results).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  describe('sources', () => {
    it('arranges child <ob-badge> elements, each in a list item, and sums them up', async () => {
      const verifier = wallVerifier();
      const el = await fixture<ObBadgeList>(
        html`<ob-badge-list>
          <ob-badge .verifier=${verifier} .now=${LIST_NOW} src=${URLS[0]!}></ob-badge>
          <p>Not a badge: not shown.</p>
          <ob-badge .verifier=${verifier} .now=${LIST_NOW} src=${URLS[3]!}></ob-badge>
        </ob-badge-list>`,
      );
      await ready(el);
      await settled(el, 2);
      const list = part(el, 'list')!;
      expect(list.getAttribute('role')).to.equal('list');
      expect(cells(el).map((cell) => cell.getAttribute('role'))).to.deep.equal(['listitem', 'listitem']);
      const children = [...el.querySelectorAll('ob-badge')];
      // (Identity compared as booleans: chai would walk the elements to describe a mismatch.)
      expect(cells(el).map((cell, i) => badgeIn(cell) === children[i])).to.deep.equal([true, true]);
      // Children stay the page's: not moved, not given the list's variant.
      expect(children.every((child) => child.parentElement === el && !child.compact)).to.equal(true);
      await summaryReads(el, '2 badges: 1 verified · 1 revoked');
      expect(el.results.map((result) => result.badge?.name)).to.deep.equal([NAMES[0], NAMES[3]]);
    });

    it('reads children that settled before the list was ready, and children added later', async () => {
      const verifier = wallVerifier();
      const child = document.createElement('ob-badge');
      child.verifier = verifier;
      child.now = LIST_NOW;
      child.src = URLS[1]!;
      document.body.append(child);
      await waitUntil(() => child.result !== undefined);
      const el = document.createElement('ob-badge-list');
      el.append(child);
      document.body.append(el);
      try {
        await ready(el);
        await settled(el, 1);
        expect(shownNames(el)).to.deep.equal([NAMES[1]]);
        const later = document.createElement('ob-badge');
        later.verifier = verifier;
        later.now = LIST_NOW;
        later.src = URLS[2]!;
        el.append(later);
        await settled(el, 2);
        expect(shownNames(el)).to.deep.equal([NAMES[1], NAMES[2]]);
        later.remove();
        await waitUntil(() => el.summary?.total === 1);
      } finally {
        el.remove();
      }
    });

    it('lends its verifier and clock to children without their own, never to those with one', async () => {
      const own = wallVerifier();
      const el = await fixture<ObBadgeList>(
        html`<ob-badge-list>
          <ob-badge id="bare"></ob-badge>
          <ob-badge id="own" .verifier=${own}></ob-badge>
        </ob-badge-list>`,
      );
      await ready(el);
      const listVerifier = wallVerifier();
      el.verifier = listVerifier;
      el.now = LIST_NOW;
      await el.updateComplete;
      const bare = el.querySelector<ObBadge>('#bare')!;
      const ownChild = el.querySelector<ObBadge>('#own')!;
      expect(bare.verifier).to.equal(listVerifier);
      expect(bare.now).to.equal(LIST_NOW);
      expect(ownChild.verifier).to.equal(own);
      // A later verifier replaces the one the list lent, not the page's.
      const next = wallVerifier();
      el.verifier = next;
      await el.updateComplete;
      expect(bare.verifier).to.equal(next);
      expect(ownChild.verifier).to.equal(own);
      bare.src = URLS[0]!;
      await waitUntil(() => bare.result !== undefined);
      expect(next.calls.map((call) => inputKey(call.input))).to.deep.equal([URLS[0]]);
    });

    it('check-domain is given to every generated badge (off by default: a wall asks nothing of the sites its badges name)', async () => {
      for (const asked of [false, true]) {
        const verifier = wallVerifier();
        const el = await fixture<ObBadgeList>(
          html`<ob-badge-list
            variant="compact"
            ?check-domain=${asked}
            .credentials=${URLS.slice(0, 3)}
            .verifier=${verifier}
            .now=${LIST_NOW}
          ></ob-badge-list>`,
        );
        await ready(el);
        await settled(el, 3);
        expect(cells(el).map((cell) => badgeIn(cell).checkDomain)).to.deep.equal([asked, asked, asked]);
        expect(verifier.calls).to.have.length(3);
        expect(verifier.calls.every((call) => (call.options?.domainLinkage === true) === asked)).to.equal(true);
      }
    });

    it('reads a JSON array of URLs (relative to the list), JWTs and credential objects from src', async () => {
      const credential = { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: URLS[4]! };
      const jwt = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJhZGEifQ.c2ln';
      const loader = documents({
        [LIST_URL]: [URLS[0]!, '../shared/open-data.json', credential, jwt],
      });
      const verifier = wallVerifier(
        new Map<string, VerificationResult>([
          [URLS[0]!, WALL[0]!.result],
          ['https://lists.example/shared/open-data.json', WALL[1]!.result],
          [URLS[4]!, WALL[4]!.result],
          [jwt, WALL[3]!.result],
        ]),
      );
      const el = await fixture<ObBadgeList>(
        html`<ob-badge-list src=${LIST_URL} .loader=${loader} .verifier=${verifier} .now=${LIST_NOW}></ob-badge-list>`,
      );
      await ready(el);
      await settled(el, 4);
      const badges = cells(el).map(badgeIn);
      expect(badges.map((badge) => badge.src)).to.deep.equal([
        URLS[0],
        'https://lists.example/shared/open-data.json',
        undefined,
        undefined,
      ]);
      expect(badges[2]!.credential).to.deep.equal(credential);
      expect(badges[3]!.credential).to.equal(jwt);
      // Every generated badge waits for the viewport, and uses the list's verifier and clock.
      expect(badges.every((badge) => badge.getAttribute('loading') === 'lazy')).to.equal(true);
      expect(verifier.calls.every((call) => call.options?.now === LIST_NOW)).to.equal(true);
      expect(shownNames(el)).to.deep.equal([NAMES[0], NAMES[1], NAMES[4], NAMES[3]]);
      expect(el.matches(':state(settled)')).to.equal(true);
    });

    const shapes: [string, unknown][] = [
      ['{ "credentials": [...] }', { credentials: [URLS[0], URLS[1]] }],
      [
        'a Badgr shared collection of assertions',
        {
          '@context': 'https://w3id.org/openbadges/v2',
          type: 'Collection',
          name: 'Data skills',
          badges: [
            { type: 'Assertion', id: URLS[0], verification: { type: 'hosted' } },
            { type: 'Assertion', id: URLS[1], verification: { type: 'hosted' } },
          ],
        },
      ],
      [
        'a Mozilla Backpack Displayer group',
        {
          userId: 12,
          groupId: 34,
          badges: [
            { lastValidated: '2014-01-01', assertionType: 'hosted', hostedUrl: URLS[0], assertion: { uid: 'a' } },
            { assertionType: 'hosted', hostedUrl: URLS[1], assertion: { uid: 'b' } },
          ],
        },
      ],
      ['groups with their badges', { groups: [{ name: 'One', badges: [URLS[0]] }, { badges: [{ url: URLS[1] }] }] }],
    ];
    for (const [shape, json] of shapes) {
      it(`reads ${shape}`, async () => {
        const el = await wall({ src: LIST_URL, loader: documents({ [LIST_URL]: json as DocumentSource }) });
        await settled(el, 2);
        expect(shownNames(el)).to.deep.equal([NAMES[0], NAMES[1]]);
        expect(el.error).to.equal(undefined);
      });
    }

    it('combines children, then src, then credentials', async () => {
      const verifier = wallVerifier();
      const el = await fixture<ObBadgeList>(
        html`<ob-badge-list
          variant="compact"
          src=${LIST_URL}
          .loader=${documents({ [LIST_URL]: [URLS[1]!] })}
          .credentials=${[URLS[2]!, new URL(URLS[3]!)]}
          .verifier=${verifier}
          .now=${LIST_NOW}
          ><ob-badge .verifier=${verifier} .now=${LIST_NOW} src=${URLS[0]!}></ob-badge
        ></ob-badge-list>`,
      );
      await ready(el);
      await settled(el, 4);
      expect(shownNames(el)).to.deep.equal(NAMES.slice(0, 4));
    });

    it('keeps a badge (and its result) when the same input stays in a new credentials array', async () => {
      const el = await wall({ credentials: [URLS[0], URLS[1]] });
      await settled(el, 2);
      const first = badgeIn(cells(el)[0]!);
      el.credentials = [URLS[2]!, URLS[0]!];
      await el.updateComplete;
      const badges = cells(el).map(badgeIn);
      expect(badges.map((badge) => badge === first)).to.deep.equal([false, true]);
      await settled(el, 2);
      expect(shownNames(el)).to.deep.equal([NAMES[2], NAMES[0]]);
    });
  });

  describe('bad lists', () => {
    const cases: [string, DocumentLoader, string, string][] = [
      [
        'a document that is not a list',
        documents({ [LIST_URL]: { type: ['VerifiableCredential'], credentialSubject: {} } }),
        'ERR_OB_LIST_SHAPE',
        'This list of badges could not be read: it is not a list of badges (an array, { "credentials": [...] } or a backpack collection).',
      ],
      [
        'a Displayer groups.json (counts, not badges)',
        documents({ [LIST_URL]: { userId: 1, groups: [{ groupId: 2, name: 'Mine', badges: 3 }] } }),
        'ERR_OB_LIST_GROUPS_ONLY',
        'This list of badges could not be read: it names groups of badges but not the badges themselves; use the address of one group.',
      ],
      [
        'a 404',
        answering(() => new Response('Not here', { status: 404 })),
        'ERR_OB_FETCH_FAILED',
        'This list of badges could not be read: its server answered with an error (HTTP 404).',
      ],
      [
        'an HTML page',
        answering(() => new Response('<html></html>', { headers: { 'content-type': 'text/html' } })),
        'ERR_OB_FETCH_CONTENT_TYPE',
        'This list of badges could not be read: it is not JSON.',
      ],
      [
        'malformed JSON',
        answering(() => new Response('[ "https://a.example/1", ', { headers: { 'content-type': 'application/json' } })),
        'ERR_OB_MALFORMED',
        'This list of badges could not be read: it is not valid JSON.',
      ],
    ];
    for (const [name, loader, code, message] of cases) {
      it(`shows an error state for ${name}, and still shows its other badges`, async () => {
        const el = await wall({ src: LIST_URL, loader, credentials: [URLS[0]] });
        await waitUntil(() => part(el, 'error') !== null, 'no error shown');
        expect(el.error?.code).to.equal(code);
        expect(textOf(part(el, 'error'))).to.equal(message);
        expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
        expect(el.matches(':state(error)')).to.equal(true);
        await settled(el, 1);
        expect(shownNames(el)).to.deep.equal([NAMES[0]]);
        await expect(el).to.be.accessible();
      });
    }

    it('is loading, then ready, and aborts a read it no longer needs', async () => {
      let release!: (response: Response) => void;
      const loader = createDocumentLoader({ fetch: () => new Promise<Response>((resolve) => (release = resolve)) });
      const el = await wall({ src: LIST_URL, loader });
      expect(el.matches(':state(loading)')).to.equal(true);
      expect(textOf(part(el, 'summary'))).to.equal('Loading badges…');
      el.loader = documents({ [LIST_URL]: [URLS[0]!] });
      await settled(el, 1);
      // The first answer arrives late and is ignored.
      release(new Response(JSON.stringify([URLS[1], URLS[2]]), { headers: { 'content-type': 'application/json' } }));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(shownNames(el)).to.deep.equal([NAMES[0]]);
      expect(el.matches(':state(loading)')).to.equal(false);
    });

    it('caps a hostile list at 1,000 badges with a note, and leaves out entries that are not badges', async () => {
      const entries = Array.from({ length: 10_000 }, (_, i) => `https://badges.example/n/${i}.json`);
      entries.splice(1, 0, null as never, 42 as never, 'javascript:alert(1)', { hostedUrl: 'data:,x' } as never);
      const el = await wall({ src: LIST_URL, loader: documents({ [LIST_URL]: entries }) });
      await waitUntil(() => cells(el).length > 0, 'no badges drawn', { timeout: 5000 });
      // Made a few at a time (no long task), counted as being checked from the start.
      expect(el.summary?.total).to.equal(MAX_LIST_ENTRIES - 4);
      expect(el.matches(':state(checking)')).to.equal(true);
      await waitUntil(() => cells(el).length === MAX_LIST_ENTRIES - 4, 'not every badge drawn', { timeout: 20_000 });
      const notes = [...shadow(el).querySelectorAll('[part~="note"]')].map(textOf);
      expect(notes).to.deep.equal([
        'This list has 10,004 entries; only the first 1,000 are read.',
        '4 entries of this list are not badges and were left out.',
      ]);
      expect(el.summary?.total).to.equal(MAX_LIST_ENTRIES - 4);
    });
  });

  describe('summary', () => {
    it('counts verdicts in a polite live region, debounced into one announcement and one event', async () => {
      const events: ListSummary[] = [];
      const verifier = new ManualListVerifier();
      const el = await fixture<ObBadgeList>(
        html`<ob-badge-list
          variant="compact"
          .credentials=${URLS}
          .verifier=${verifier}
          @ob-list-summary=${(event: ObListSummaryEvent) => events.push(event.summary)}
        ></ob-badge-list>`,
      );
      await ready(el);
      const summary = part(el, 'summary')!;
      expect(summary.getAttribute('role')).to.equal('status');
      await summaryReads(el, '7 badges: 7 not checked yet');
      expect(el.matches(':state(checking)')).to.equal(true);
      const before = events.length;
      // Results arriving in a burst (as the page-wide queue lets badges verify, in its own order)
      // are announced once.
      const results = new Map(WALL.map((entry) => [entry.url, entry.result]));
      while (results.size > 0) {
        await waitUntil(() => verifier.pending.size > 0, 'no badge is verifying', { interval: 5 });
        for (const key of [...verifier.pending.keys()]) {
          verifier.settle(key, results.get(key)!);
          results.delete(key);
        }
      }
      await summaryReads(el, '7 badges: 2 verified · 1 expired · 1 revoked · 1 could not be checked · 2 not verified');
      expect(part(el, 'summary')).to.equal(summary);
      expect(events.length - before).to.equal(1);
      expect(events.at(-1)).to.deep.equal({ total: 7, pending: 0, shown: 7, ...WALL_COUNTS });
      expect(el.summary).to.deep.equal(events.at(-1));
      expect(el.matches(':state(settled)')).to.equal(true);
    });

    for (const variant of ['card', 'compact', 'detailed']) {
      it(`is accessible with mixed verdicts as ${variant}`, async () => {
        const el = await wall({ credentials: URLS, variant });
        // Full cards are tall: bring each into view, as a visitor scrolling would (they verify lazily).
        for (const cell of cells(el)) {
          cell.scrollIntoView();
          await waitUntil(() => badgeIn(cell).result !== undefined, 'a badge in view did not verify');
        }
        await settled(el, 7);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('variants', () => {
    it('draws cards, chips or full badges', async () => {
      const el = await wall({ credentials: URLS.slice(0, 2), variant: 'card' });
      await settled(el, 2);
      const badge = badgeIn(cells(el)[0]!);
      expect([badge.compact, badge.noChecks]).to.deep.equal([true, false]);
      el.variant = 'compact';
      await el.updateComplete;
      expect([badge.compact, badge.noChecks]).to.deep.equal([true, true]);
      await badge.updateComplete;
      // A chip: image, name and status; the issuer is hidden through the badge's parts.
      const issuer = badge.shadowRoot!.querySelector('[part~="issuer"]')!;
      expect(getComputedStyle(issuer).display).to.equal('none');
      expect(getComputedStyle(badge.shadowRoot!.querySelector('[part~="verdict"]')!).display).to.not.equal('none');
      el.variant = 'detailed';
      await el.updateComplete;
      expect([badge.compact, badge.noChecks]).to.deep.equal([false, false]);
      expect(getComputedStyle(issuer).display).to.not.equal('none');
      expect(part(el, 'list')!.className).to.contain('list--detailed');
    });
  });

  describe('sorting and filtering', () => {
    it('sorts by date, issuer, name and status from the toolbar', async () => {
      const el = await wall({ credentials: URLS });
      await settled(el, 7);
      expect(shownNames(el)).to.deep.equal(NAMES);
      choose(el, 'sort', 'date');
      await el.updateComplete;
      expect(el.sort).to.equal('date');
      expect(shownNames(el)).to.deep.equal([
        'Version Control with Git',
        'Statistics Basics',
        'Open Data Practitioner',
        'Python Programming',
        'SQL Fundamentals',
        'Data Ethics',
        undefined, // the unreadable badge: no date
      ]);
      choose(el, 'sort', 'name');
      await el.updateComplete;
      expect(shownNames(el).slice(0, 2)).to.deep.equal(['Data Ethics', 'Open Data Practitioner']);
      el.sort = 'verdict';
      await el.updateComplete;
      expect(shownNames(el).slice(0, 3)).to.deep.equal([
        'Statistics Basics',
        'Open Data Practitioner',
        'Version Control with Git',
      ]);
      expect(el.results.map((result) => result.badge?.name)).to.deep.equal(shownNames(el));
      // Sorting moves cells, not badges: nothing was verified again.
      expect((el.verifier as ReturnType<typeof wallVerifier>).calls.length).to.equal(7);
    });

    it('sorts badges that have not settled last, and lets every filter through them', async () => {
      const verifier = new ManualListVerifier();
      const el = await fixture<ObBadgeList>(
        html`<ob-badge-list
          variant="compact"
          sort="name"
          filter="verdict:verified"
          .credentials=${URLS.slice(0, 4)}
          .verifier=${verifier}
        ></ob-badge-list>`,
      );
      await ready(el);
      await waitUntil(() => verifier.pending.size === 4);
      verifier.settle(URLS[3]!, WALL[3]!.result); // revoked: filtered out
      verifier.settle(URLS[1]!, WALL[1]!.result); // verified
      await waitUntil(() => el.summary?.pending === 2);
      await el.updateComplete;
      expect(shownNames(el)).to.deep.equal(['Open Data Practitioner', '…', '…']);
      verifier.settle(URLS[0]!, WALL[0]!.result);
      verifier.settle(URLS[2]!, WALL[2]!.result);
      await settled(el, 4);
      expect(shownNames(el)).to.deep.equal(['Open Data Practitioner', 'Statistics Basics']);
      // Settled badges moved ahead of the waiting ones; no verification was restarted by a move.
      expect(verifier.started).to.have.length(4);
    });

    it('filters by issuer, skill, year and status, and clears', async () => {
      const el = await wall({ credentials: URLS });
      await settled(el, 7);
      const labels = (name: string) =>
        [...(part(el, name) as HTMLSelectElement).options].map((option) => option.textContent?.trim());
      expect(labels('issuer-filter')).to.deep.equal([
        'All issuers',
        'Code Academy',
        'Example University',
        'Open Data Institute',
      ]);
      expect(labels('year-filter')).to.deep.equal(['Any year', '2024', '2023', '2022', '2021', '2020']);
      choose(el, 'issuer-filter', 'did:web:example.edu');
      await el.updateComplete;
      expect(shownNames(el)).to.deep.equal(['Statistics Basics', 'SQL Fundamentals', 'Data Ethics']);
      expect(el.filter).to.equal('issuer:did%3Aweb%3Aexample.edu');
      choose(el, 'verdict-filter', 'expired');
      await el.updateComplete;
      expect(shownNames(el)).to.deep.equal(['SQL Fundamentals']);
      expect(el.results.map((result) => result.badge?.name)).to.deep.equal(['SQL Fundamentals']);
      await summaryReads(
        el,
        '7 badges: 2 verified · 1 expired · 1 revoked · 1 could not be checked · 2 not verified. Showing 1.',
      );
      (part(el, 'clear') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(shownNames(el)).to.deep.equal(NAMES);
      expect(el.filter).to.equal('');
      el.filter = 'skill:PYTHON';
      await el.updateComplete;
      expect(shownNames(el)).to.deep.equal(['Open Data Practitioner', 'Python Programming']);
      expect((part(el, 'skill-filter') as HTMLSelectElement).value).to.equal('python');
      el.filter = 'year:1999';
      await el.updateComplete;
      expect(shownNames(el)).to.deep.equal([]);
      expect(textOf(shadow(el).querySelector('.empty'))).to.equal('No badges match these filters.');
      await expect(el).to.be.accessible();
    });

    it('is driven from the keyboard', async () => {
      const el = await wall({ credentials: URLS });
      await settled(el, 7);
      const sort = part(el, 'sort') as HTMLSelectElement;
      sort.focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(el.sort).to.equal('date');
      expect(shownNames(el)[0]).to.equal('Version Control with Git');
      await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement).to.equal(part(el, 'issuer-filter'));
    });

    it('hides the toolbar with no-toolbar, and still applies sort and filter', async () => {
      const el = await fixture<ObBadgeList>(
        html`<ob-badge-list
          no-toolbar
          variant="compact"
          sort="date-asc"
          filter="skill:data"
          .credentials=${URLS}
          .verifier=${wallVerifier()}
        ></ob-badge-list>`,
      );
      await ready(el);
      await settled(el, 7);
      expect(part(el, 'toolbar')).to.equal(null);
      expect(shownNames(el)).to.deep.equal(['Open Data Practitioner', 'Statistics Basics']);
    });

    it('does not move badges while focus is inside the list', async () => {
      const verifier = new ManualListVerifier();
      const el = await fixture<ObBadgeList>(
        html`<ob-badge-list
          variant="card"
          sort="name"
          .credentials=${URLS.slice(0, 3)}
          .verifier=${verifier}
        ></ob-badge-list>`,
      );
      await ready(el);
      await waitUntil(() => verifier.pending.size === 3);
      verifier.settle(URLS[2]!, WALL[2]!.result);
      await waitUntil(() => el.summary?.pending === 2);
      const focused = badgeIn(cells(el)[0]!);
      await focused.updateComplete;
      const summaryToggle = focused.shadowRoot!.querySelector<HTMLElement>('summary')!;
      summaryToggle.focus();
      verifier.settle(URLS[0]!, WALL[0]!.result);
      verifier.settle(URLS[1]!, WALL[1]!.result);
      await settled(el, 3);
      // Sorted by name, SQL would move last; it stays first while focus is inside it.
      expect(shownNames(el)).to.deep.equal(['SQL Fundamentals', 'Statistics Basics', 'Open Data Practitioner']);
      summaryToggle.blur();
      await waitUntil(() => shownNames(el)[0] === 'Open Data Practitioner', 'not reordered after focus left');
      expect(shownNames(el)).to.deep.equal(['Open Data Practitioner', 'SQL Fundamentals', 'Statistics Basics']);
    });
  });

  describe('hash state', () => {
    const path = () => `${location.pathname}${location.search}`;
    afterEach(() => history.replaceState(null, '', path()));

    it('restores sort and filters from the hash, writes changes back, and follows hashchange', async () => {
      history.replaceState(null, '', `${path()}#intro&ob-list=sort:name;verdict:verified&x=1`);
      const el = await fixture<ObBadgeList>(
        html`<ob-badge-list
          hash-state
          variant="compact"
          .credentials=${URLS}
          .verifier=${wallVerifier()}
        ></ob-badge-list>`,
      );
      await ready(el);
      await settled(el, 7);
      expect(el.sort).to.equal('name');
      expect(shownNames(el)).to.deep.equal(['Open Data Practitioner', 'Statistics Basics']);
      expect((part(el, 'verdict-filter') as HTMLSelectElement).value).to.equal('verified');
      const length = history.length;
      choose(el, 'verdict-filter', '');
      choose(el, 'issuer-filter', 'did:web:example.edu');
      await el.updateComplete;
      expect(location.hash).to.equal('#intro&ob-list=sort:name;issuer:did%3Aweb%3Aexample.edu&x=1');
      expect(history.length).to.equal(length);
      // A link to a filtered view (or the visitor editing the address) is followed.
      location.hash = '#intro&ob-list=verdict:revoked&x=1';
      await waitUntil(() => el.filter === 'verdict:revoked', 'hashchange not followed');
      await el.updateComplete;
      expect(el.sort).to.equal('source');
      expect(shownNames(el)).to.deep.equal(['Python Programming']);
      // Back to the defaults: the list's part leaves the hash, the rest stays.
      (part(el, 'clear') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(location.hash).to.equal('#intro&x=1');
      // A hash without the list's part (an in-page link) leaves the list as it is.
      el.sort = 'date';
      await el.updateComplete;
      location.hash = '#contact';
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(el.sort).to.equal('date');
      expect(location.hash).to.equal('#contact');
    });

    it('namespaces the hash by id, and leaves the hash alone without hash-state', async () => {
      history.replaceState(null, '', `${path()}#ob-list=sort:name`);
      const el = await fixture<ObBadgeList>(
        html`<ob-badge-list
          id="wall"
          hash-state
          .credentials=${URLS.slice(0, 2)}
          .verifier=${wallVerifier()}
        ></ob-badge-list>`,
      );
      await ready(el);
      expect(el.sort).to.equal(undefined);
      el.sort = 'date';
      await el.updateComplete;
      expect(location.hash).to.equal('#ob-list=sort:name&ob-list-wall=sort:date');
      const plain = await fixture<ObBadgeList>(html`<ob-badge-list .credentials=${URLS.slice(0, 1)}></ob-badge-list>`);
      await ready(plain);
      plain.sort = 'name';
      await plain.updateComplete;
      expect(location.hash).to.equal('#ob-list=sort:name&ob-list-wall=sort:date');
    });
  });

  it('speaks another language, English where a translation lacks a string', async () => {
    const el = await wall({ credentials: URLS.slice(0, 2) });
    el.messages = {
      summary: (s: ListSummary) => `${s.total} badges, ${s.verified} vérifiés`,
      sortLabel: 'Trier par',
      clearFilters: 42,
    } as never;
    await settled(el, 2);
    await summaryReads(el, '2 badges, 2 vérifiés');
    expect(textOf(part(el, 'sort')!.closest('label'))).to.match(/^Trier par/);
    el.filter = 'year:1999';
    await el.updateComplete;
    expect(textOf(part(el, 'clear'))).to.equal('Clear filters');
  });

  it('never lets a hostile result break the list', async () => {
    const hostile = {
      verdict: 'unverified',
      verified: false,
      checks: [null, { status: 'failed', code: {} }],
      badge: { name: 42, issuer: null, tags: 'x', alignments: [null, { name: {} }] },
    } as unknown as VerificationResult;
    const strange: VerificationResult = cannedResult([], null, LIST_NOW);
    const results = new Map<string, VerificationResult>([
      [URLS[0]!, hostile],
      [URLS[1]!, strange],
    ]);
    const el = await fixture<ObBadgeList>(
      html`<ob-badge-list
        .credentials=${URLS.slice(0, 2)}
        .verifier=${{ verify: async (input: VerifyInput) => results.get(inputKey(input))! }}
      ></ob-badge-list>`,
    );
    await ready(el);
    await settled(el, 2);
    expect(el.summary).to.include({ verified: 0, unverified: 2 });
  });
});
