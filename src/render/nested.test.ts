import { expect } from '@open-wc/testing';
import type { NestedResult } from '../core/result.js';
import type { AssociationView } from '../core/view.js';
import {
  achievement,
  achievementView,
  endorsedBadge,
  nested,
  passed,
  resultOf,
  tampered,
} from '../../test/helpers/canned-nested.js';
import {
  arrangeNested,
  countNested,
  flattenNested,
  MAX_TREE_DEPTH,
  nestedOf,
  orderEndorsements,
  type NestedNode,
} from './nested.js';

const item = (name: string, options: Parameters<typeof achievementView>[1] = {}, index = 0): NestedResult =>
  achievement(index, achievementView(name, options));

const names = (nodes: readonly NestedNode[]): unknown[] =>
  nodes.map((node) =>
    node.children.length ? [node.item.result.badge!.name, names(node.children)] : node.item.result.badge!.name,
  );

const link = (type: string, sourceId: string, targetId: string): AssociationView => ({ type, sourceId, targetId });

describe('arrangeNested', () => {
  it('with no associations and at most one type: one list, oldest first, undated last, else input order', () => {
    const arranged = arrangeNested(
      [
        item('C', { issuedOn: '2023-01-01T00:00:00Z' }),
        item('Undated', { issuedOn: 'not a date' }),
        item('A', { issuedOn: '2021-01-01T00:00:00Z' }),
        item('B1', { issuedOn: '2022-01-01T00:00:00Z' }),
        item('B2', { issuedOn: '2022-01-01T00:00:00Z' }),
      ],
      undefined,
    );
    expect(arranged.mode).to.equal('flat');
    expect(names(arranged.groups[0]!.nodes)).to.deep.equal(['A', 'B1', 'B2', 'C', 'Undated']);
  });

  it('groups by achievement type in order of first appearance, the untyped last', () => {
    const arranged = arrangeNested(
      [
        item('Untyped'),
        item('Course 2', { type: 'Course', issuedOn: '2022-02-01T00:00:00Z' }),
        item('Badge', { type: 'Badge' }),
        item('Course 1', { type: 'Course', issuedOn: '2022-01-01T00:00:00Z' }),
      ],
      [],
    );
    expect(arranged.mode).to.equal('type');
    expect(arranged.groups.map((group) => [group.label, names(group.nodes)])).to.deep.equal([
      ['Course', ['Course 1', 'Course 2']],
      ['Badge', ['Badge']],
      [undefined, ['Untyped']],
    ]);
  });

  it('builds a tree from isChildOf / isPartOf / isParentOf, by achievement id or credential id', () => {
    const arranged = arrangeNested(
      [
        item('Degree', { id: 'urn:degree', achievementId: 'https://x.edu/a/degree' }),
        item('Course', { id: 'urn:course', achievementId: 'https://x.edu/a/course' }),
        item('Module', { id: 'urn:module' }),
        item('Elective', { id: 'urn:elective' }),
        item('Unrelated', { id: 'urn:other' }),
      ],
      [
        link('isChildOf', 'https://x.edu/a/course', 'https://x.edu/a/degree'),
        link('isPartOf', 'urn:module', 'urn:course'),
        link('isParentOf', 'urn:degree', 'urn:elective'),
        link('isRelatedTo', 'urn:other', 'urn:degree'),
      ],
    );
    expect(arranged.mode).to.equal('associations');
    expect(names(arranged.groups[0]!.nodes)).to.deep.equal([
      ['Degree', [['Course', ['Module']], 'Elective']],
      'Unrelated',
    ]);
    expect(flattenNested(arranged).map((entry) => entry.result.badge!.name)).to.deep.equal([
      'Degree',
      'Course',
      'Module',
      'Elective',
      'Unrelated',
    ]);
  });

  it('orders siblings by precedes, then date; a precedes cycle falls back to dates', () => {
    const items = [
      item('Third', { id: 'urn:3', issuedOn: '2020-01-01T00:00:00Z' }),
      item('First', { id: 'urn:1', issuedOn: '2022-01-01T00:00:00Z' }),
      item('Second', { id: 'urn:2', issuedOn: '2021-01-01T00:00:00Z' }),
      item('Parent', { id: 'urn:p', issuedOn: '2023-01-01T00:00:00Z' }),
    ];
    const tree = [
      link('isChildOf', 'urn:1', 'urn:p'),
      link('isChildOf', 'urn:2', 'urn:p'),
      link('isChildOf', 'urn:3', 'urn:p'),
    ];
    const ordered = arrangeNested(items, [
      ...tree,
      link('precedes', 'urn:1', 'urn:2'),
      link('precedes', 'urn:2', 'urn:3'),
    ]);
    expect(names(ordered.groups[0]!.nodes)).to.deep.equal([['Parent', ['First', 'Second', 'Third']]]);
    const cyclic = arrangeNested(items, [
      ...tree,
      link('precedes', 'urn:1', 'urn:2'),
      link('precedes', 'urn:2', 'urn:3'),
      link('precedes', 'urn:3', 'urn:1'),
    ]);
    expect(flattenNested(cyclic).length).to.equal(4);
    expect(new Set(flattenNested(cyclic)).size).to.equal(4);
  });

  it('survives hostile associations: cycles, self-links, two parents, unknown ids, junk', () => {
    const items = [item('A', { id: 'urn:a' }), item('B', { id: 'urn:b' }), item('C', { id: 'urn:c' })];
    const arranged = arrangeNested(items, [
      link('isChildOf', 'urn:a', 'urn:a'),
      link('isChildOf', 'urn:a', 'urn:b'),
      link('isChildOf', 'urn:b', 'urn:c'),
      // Would close the cycle a → b → c → a: ignored.
      link('isChildOf', 'urn:c', 'urn:a'),
      // A second parent for a: the first wins.
      link('isChildOf', 'urn:a', 'urn:c'),
      link('isChildOf', 'urn:nowhere', 'urn:a'),
      null as unknown as AssociationView,
      { type: 42, sourceId: {}, targetId: [] } as unknown as AssociationView,
    ]);
    expect(names(arranged.groups[0]!.nodes)).to.deep.equal([['C', [['B', ['A']]]]]);
    expect(arrangeNested(items, 'junk' as unknown as AssociationView[]).mode).to.equal('flat');
  });

  it(`shows a chain deeper than ${MAX_TREE_DEPTH} levels at that level, in order`, () => {
    const chain = Array.from({ length: 8 }, (_, i) => item(`L${i + 1}`, { id: `urn:${i + 1}` }));
    const links = chain.slice(1).map((_, i) => link('isChildOf', `urn:${i + 2}`, `urn:${i + 1}`));
    const arranged = arrangeNested(chain, links);
    const depth = (nodes: readonly NestedNode[]): number =>
      nodes.length ? 1 + Math.max(...nodes.map((node) => depth(node.children))) : 0;
    expect(depth(arranged.groups[0]!.nodes)).to.equal(MAX_TREE_DEPTH);
    expect(flattenNested(arranged).map((entry) => entry.result.badge!.name)).to.deep.equal(
      chain.map((entry) => entry.result.badge!.name),
    );
  });

  it('keeps an entry with no render model (too large, unreadable) in the list', () => {
    const arranged = arrangeNested([achievement(0, achievementView('A'), 'too-large'), item('B')], undefined);
    expect(flattenNested(arranged).length).to.equal(2);
  });
});

describe('nestedOf, countNested, orderEndorsements', () => {
  it('takes the entries of a role, skipping junk', () => {
    const good = item('A');
    const list = [good, null, 42, { role: 'achievement' }, { role: 'achievement', result: null }];
    expect(nestedOf(list, 'achievement')).to.deep.equal([good]);
    expect(nestedOf(undefined, 'achievement')).to.deep.equal([]);
    expect(nestedOf('junk', 'achievement')).to.deep.equal([]);
  });

  it('counts a result whose verdict and flag disagree as not verified', () => {
    const view = achievementView('A');
    const lying = nested('achievement', 'x', { ...resultOf(tampered(), view), verdict: 'verified' });
    const fine = nested('achievement', 'y', resultOf(passed(view), view));
    expect(countNested([lying, fine])).to.deep.equal({ total: 2, verified: 1, unverified: 1, unknown: 0 });
  });

  it('puts verified endorsements first, then unknown, then not verified', () => {
    const items = nestedOf(endorsedBadge().nested, 'endorsement');
    expect(orderEndorsements(items).map((entry) => entry.result.badge!.issuer.name)).to.deep.equal([
      'Data Guild',
      'Skills Board',
      'Famous Institute',
    ]);
  });
});
