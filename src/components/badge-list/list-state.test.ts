import { expect } from '@open-wc/testing';
import { WALL } from '../../../test/helpers/canned-list.js';
import { cannedResult } from '../../../test/helpers/canned-results.js';
import {
  categoryOf,
  factsOf,
  formatState,
  matches,
  optionsOf,
  parseState,
  readHash,
  sortItems,
  summarize,
  writeHash,
} from './list-state.js';

const results = WALL.map((entry) => entry.result);
const names = (items: readonly { facts: ReturnType<typeof factsOf> | undefined }[]) =>
  items.map((item) => (item.facts ? (item.facts.name ?? '(unreadable)') : '(pending)'));

describe('list state', () => {
  it('groups results: verified, expired, revoked, could not be checked, not verified', () => {
    expect(results.map(categoryOf)).to.deep.equal([
      'verified',
      'verified',
      'expired',
      'revoked',
      'unknown',
      'unverified',
      'unverified',
    ]);
    const suspended = cannedResult(
      [{ id: 'status', status: 'failed', code: 'ERR_OB_SUSPENDED' }],
      WALL[0]!.result.badge!,
      new Date(),
    );
    expect(categoryOf(suspended)).to.equal('suspended');
    // Expired and something else wrong: not verified, not merely expired.
    const expiredAndMismatch = cannedResult(
      [
        { id: 'validity', status: 'failed', code: 'ERR_OB_EXPIRED' },
        { id: 'recipient', status: 'failed', code: 'ERR_OB_RECIPIENT_MISMATCH' },
      ],
      WALL[0]!.result.badge!,
      new Date(),
    );
    expect(categoryOf(expiredAndMismatch)).to.equal('unverified');
    // "verified" without `verified: true` is never counted as verified.
    expect(categoryOf({ ...WALL[0]!.result, verified: false })).to.equal('unverified');
    // Hostile shapes do not throw.
    expect(categoryOf({ verdict: 'unverified', checks: 'x' } as never)).to.equal('unverified');
  });

  it('reads facts from the render model defensively', () => {
    const facts = factsOf(WALL[1]!.result);
    expect(facts).to.deep.include({
      category: 'verified',
      issuer: 'https://odi.example/issuer',
      issuerLabel: 'Open Data Institute',
      name: 'Open Data Practitioner',
      year: '2023',
    });
    expect([...facts.skills]).to.deep.equal([
      ['python', 'Python'],
      ['data', 'data'],
    ]);
    const hostile = factsOf({ ...WALL[0]!.result, badge: { issuer: 5, tags: 'x', alignments: [null] } as never });
    expect(hostile).to.deep.include({ issuer: undefined, name: undefined, date: undefined });
  });

  it('sorts by date, issuer, name and status, unsettled badges last in source order', () => {
    const items = results.map((result, index) => ({ index, facts: factsOf(result) }));
    const pending = [
      { index: 7, facts: undefined },
      { index: 8, facts: undefined },
    ];
    const all = [pending[1]!, ...items, pending[0]!];
    expect(names(sortItems(all, 'date'))).to.deep.equal([
      'Version Control with Git',
      'Statistics Basics',
      'Open Data Practitioner',
      'Python Programming',
      'SQL Fundamentals',
      'Data Ethics',
      '(unreadable)', // settled but without a date: after the dated ones
      '(pending)',
      '(pending)',
    ]);
    expect(
      sortItems(all, 'date')
        .slice(-2)
        .map((item) => item.index),
    ).to.deep.equal([7, 8]);
    expect(names(sortItems(items, 'name')).slice(0, 3)).to.deep.equal([
      'Data Ethics',
      'Open Data Practitioner',
      'Python Programming',
    ]);
    expect(sortItems(items, 'issuer').map((item) => item.facts?.issuerLabel)).to.deep.equal([
      'Code Academy',
      'Code Academy',
      'Example University',
      'Example University',
      'Example University',
      'Open Data Institute',
      undefined,
    ]);
    expect(sortItems(items, 'verdict').map((item) => item.facts?.category)).to.deep.equal([
      'verified',
      'verified',
      'unknown',
      'expired',
      'revoked',
      'unverified',
      'unverified',
    ]);
    expect(sortItems(all, 'source').map((item) => item.index)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('filters by issuer, skill (any case), year and status', () => {
    const facts = results.map(factsOf);
    const pick = (filter: Parameters<typeof matches>[1]) =>
      facts.filter((item) => matches(item, filter)).map((item) => item.name);
    expect(pick({ issuer: 'did:web:example.edu' })).to.deep.equal([
      'Statistics Basics',
      'SQL Fundamentals',
      'Data Ethics',
    ]);
    expect(pick({ skill: 'PYTHON' })).to.deep.equal(['Open Data Practitioner', 'Python Programming']);
    expect(pick({ year: '2024' })).to.deep.equal(['Statistics Basics', 'Version Control with Git']);
    expect(pick({ verdict: 'revoked' })).to.deep.equal(['Python Programming']);
    expect(pick({ skill: 'data', verdict: 'verified' })).to.deep.equal(['Statistics Basics', 'Open Data Practitioner']);
  });

  it('summarizes and offers filter options', () => {
    const items = [...results.map((result) => ({ facts: factsOf(result) })), { facts: undefined }];
    expect(summarize(items, 5)).to.deep.equal({
      total: 8,
      pending: 1,
      verified: 2,
      expired: 1,
      revoked: 1,
      suspended: 0,
      unknown: 1,
      unverified: 2,
      shown: 5,
    });
    const options = optionsOf(results.map(factsOf));
    expect(options.issuers.map((option) => option.label)).to.deep.equal([
      'Code Academy',
      'Example University',
      'Open Data Institute',
    ]);
    expect(options.years.map((option) => option.value)).to.deep.equal(['2024', '2023', '2022', '2021', '2020']);
    expect(options.skills.map((option) => option.label)).to.include.members(['Python', 'Ethics', 'sql']);
  });

  it('reads and writes the state as text, ignoring what it does not know', () => {
    const state = {
      sort: 'date',
      filter: { issuer: 'did:web:example.edu', skill: 'c++; & more', verdict: 'verified', year: '2024' },
    } as const;
    const text = formatState(state);
    expect(text).to.equal(
      'sort:date;issuer:did%3Aweb%3Aexample.edu;skill:c%2B%2B%3B%20%26%20more;year:2024;verdict:verified',
    );
    expect(parseState(text)).to.deep.equal(state);
    expect(parseState('sort:evil;verdict:great;year:soon;colour:red;issuer:%E0%A4%A;;skill')).to.deep.equal({
      filter: {},
    });
    expect(parseState('skill:Python')).to.deep.equal({ filter: { skill: 'python' } });
    expect(formatState({ sort: 'source', filter: {} })).to.equal('');
  });

  it('keeps the rest of the hash when it writes its part', () => {
    expect(readHash('#top&ob-list=sort:date&x=1', 'ob-list')).to.equal('sort:date');
    expect(readHash('#top', 'ob-list')).to.equal(undefined);
    expect(readHash('#ob-list-wall=sort:name', 'ob-list')).to.equal(undefined);
    expect(writeHash('#top', 'ob-list', 'sort:date')).to.equal('#top&ob-list=sort:date');
    expect(writeHash('#top&ob-list=sort:date&x=1', 'ob-list', 'sort:name')).to.equal('#top&ob-list=sort:name&x=1');
    expect(writeHash('#top&ob-list=sort:date', 'ob-list', '')).to.equal('#top');
    expect(writeHash('#ob-list=sort:date', 'ob-list', '')).to.equal('');
    expect(writeHash('', 'ob-list', 'verdict:revoked')).to.equal('#ob-list=verdict:revoked');
  });
});
