import type { NestedResult, Verdict } from '../core/result.js';
import type { AssociationView, BadgeView } from '../core/view.js';

/**
 * How the credentials nested in another (a CLR's achievements, a presentation's credentials, the
 * endorsements of a badge) are arranged for display. DOM-free and pure, so the order is tested on
 * its own; the element only draws what this returns.
 *
 * Everything here is untrusted render-model data: ids are compared as strings, never resolved,
 * and a hostile set of associations (cycles, self-links, a 100-deep chain, one child claimed by
 * two parents) gives a bounded tree, never a loop.
 */

/** One card, its place in the input (stable key and tie-breaker), and the cards nested under it. */
export interface NestedNode {
  readonly item: NestedResult;
  readonly index: number;
  readonly children: readonly NestedNode[];
}

/** A run of cards under one heading; `label` is `undefined` for the single, unlabelled group. */
export interface NestedGroup {
  /** The achievement type shared by the group; `undefined` for those without one. */
  readonly label: string | undefined;
  readonly nodes: readonly NestedNode[];
}

export interface NestedArrangement {
  /**
   * `associations`: a tree built from the CLR's `association`s (parents with their children);
   * `type`: grouped by achievement type; `flat`: one list (a single type, or none).
   */
  readonly mode: 'associations' | 'type' | 'flat';
  /** In `associations` and `flat` mode, one group with `label: undefined`. */
  readonly groups: readonly NestedGroup[];
}

/**
 * The deepest level of the tree (roots are level 1). An entry that would sit deeper is shown at
 * this level, under its nearest ancestor one level up, so a 100-long chain cannot indent forever.
 */
export const MAX_TREE_DEPTH = 4;

/**
 * Association types that make one achievement part of another (CLR 2.0 `AssociationType`):
 * `isChildOf` / `isPartOf` (the source belongs under the target) and `isParentOf` (the target
 * belongs under the source).
 */
const CHILD_OF = new Set(['isChildOf', 'isPartOf']);
const PARENT_OF = new Set(['isParentOf']);
/** `precedes`: the source comes before the target (a sequence of courses). */
const PRECEDES = new Set(['precedes']);

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The view of a nested result, if it is an object (a nested entry may be unreadable). */
function viewOf(item: NestedResult): BadgeView | undefined {
  const badge: unknown = item?.result?.badge;
  return typeof badge === 'object' && badge !== null ? (badge as BadgeView) : undefined;
}

/**
 * The ids an association may use for a nested credential: its credential id, and the id of the
 * achievement it awards when the render model carries one (`achievementId`). CLR 2.0 associations
 * name achievements; some issuers name the credentials instead.
 */
export function idsOf(item: NestedResult): string[] {
  const view = viewOf(item);
  return [str(view?.achievementId), str(view?.credentialId)].filter((id): id is string => id !== undefined);
}

/** The credential's date as milliseconds, or `undefined` (undated sorts last). */
function timeOf(item: NestedResult): number | undefined {
  const view = viewOf(item);
  const value = str(view?.issuedOn) ?? str(view?.validFrom);
  const time = value === undefined ? Number.NaN : Date.parse(value);
  return Number.isFinite(time) ? time : undefined;
}

/** Oldest first (a transcript reads in the order it was earned); undated last; else input order. */
function byDate(a: { item: NestedResult; index: number }, b: { item: NestedResult; index: number }): number {
  const ta = timeOf(a.item);
  const tb = timeOf(b.item);
  if (ta !== tb) {
    if (ta === undefined) return 1;
    if (tb === undefined) return -1;
    return ta - tb;
  }
  return a.index - b.index;
}

/**
 * `indices` (already sorted by date) reordered so that, where `precedes` says A comes before B,
 * A does; otherwise the date order stands. A cycle of `precedes` falls back to the date order.
 */
function applyPrecedence(indices: number[], before: ReadonlyMap<number, ReadonlySet<number>>): number[] {
  if (before.size === 0 || indices.length < 2) return indices;
  const members = new Set(indices);
  const incoming = new Map<number, number>(indices.map((i) => [i, 0]));
  for (const i of indices)
    for (const j of before.get(i) ?? []) if (members.has(j) && j !== i) incoming.set(j, incoming.get(j)! + 1);
  const done = new Set<number>();
  const out: number[] = [];
  while (out.length < indices.length) {
    // The first in date order that nothing left undone must precede; on a cycle, the first left.
    const next = indices.find((i) => !done.has(i) && incoming.get(i) === 0) ?? indices.find((i) => !done.has(i))!;
    done.add(next);
    out.push(next);
    for (const j of before.get(next) ?? []) if (members.has(j) && !done.has(j)) incoming.set(j, incoming.get(j)! - 1);
  }
  return out;
}

/**
 * Arranges a transcript's achievements (or a presentation's credentials):
 * 1. when the outer credential's `associations` link some of them as parent and child, as a tree:
 *    each child under its first-named parent (an association that would close a cycle is
 *    ignored), at most `MAX_TREE_DEPTH` levels deep;
 * 2. else, when they have more than one achievement type, in groups by type, in the order each
 *    type first appears, those without a type last;
 * 3. else as one list.
 * Within every list: `precedes` associations first, then oldest first, then input order.
 */
export function arrangeNested(
  items: readonly NestedResult[],
  associations: readonly AssociationView[] | undefined,
): NestedArrangement {
  const entries = items.map((item, index) => ({ item, index }));
  const byId = new Map<string, number>();
  for (const { item, index } of entries) for (const id of idsOf(item)) if (!byId.has(id)) byId.set(id, index);

  const parent = new Map<number, number>();
  const before = new Map<number, Set<number>>();
  const links = Array.isArray(associations) ? associations : [];
  for (const link of links) {
    const type = str(link?.type);
    const source = byId.get(str(link?.sourceId) ?? '');
    const target = byId.get(str(link?.targetId) ?? '');
    if (type === undefined || source === undefined || target === undefined || source === target) continue;
    if (PRECEDES.has(type)) {
      let set = before.get(source);
      if (!set) before.set(source, (set = new Set()));
      set.add(target);
      continue;
    }
    const [child, up] = CHILD_OF.has(type) ? [source, target] : PARENT_OF.has(type) ? [target, source] : [];
    if (child === undefined || up === undefined || parent.has(child)) continue;
    // Would `child` become its own ancestor? Then this link is ignored.
    let cursor: number | undefined = up;
    let cycle = false;
    for (let steps = 0; cursor !== undefined && steps <= items.length; steps++) {
      if (cursor === child) {
        cycle = true;
        break;
      }
      cursor = parent.get(cursor);
    }
    if (!cycle) parent.set(child, up);
  }

  const sortIndices = (indices: number[]): number[] =>
    applyPrecedence(
      indices
        .map((index) => entries[index]!)
        .sort(byDate)
        .map((entry) => entry.index),
      before,
    );

  if (parent.size > 0) {
    // Depth of each entry; a child that would be deeper than the cap hangs from its ancestor one above it.
    const depthOf = (index: number): number => {
      let depth = 1;
      for (let cursor = parent.get(index); cursor !== undefined; cursor = parent.get(cursor)) depth++;
      return depth;
    };
    const shownParent = new Map<number, number>();
    for (const [child] of parent) {
      let up = parent.get(child)!;
      while (depthOf(up) >= MAX_TREE_DEPTH) up = parent.get(up)!;
      shownParent.set(child, up);
    }
    const childrenOf = new Map<number, number[]>();
    for (const [child, up] of shownParent) {
      let list = childrenOf.get(up);
      if (!list) childrenOf.set(up, (list = []));
      list.push(child);
    }
    const build = (index: number): NestedNode => ({
      item: entries[index]!.item,
      index,
      children: sortIndices(childrenOf.get(index) ?? []).map(build),
    });
    const roots = sortIndices(entries.filter(({ index }) => !shownParent.has(index)).map(({ index }) => index));
    return { mode: 'associations', groups: [{ label: undefined, nodes: roots.map(build) }] };
  }

  const leaf = (index: number): NestedNode => ({ item: entries[index]!.item, index, children: [] });
  const labels: (string | undefined)[] = [];
  const members = new Map<string | undefined, number[]>();
  for (const { item, index } of entries) {
    const label = str(viewOf(item)?.achievementType);
    let list = members.get(label);
    if (!list) {
      members.set(label, (list = []));
      labels.push(label);
    }
    list.push(index);
  }
  if (labels.length <= 1) {
    return { mode: 'flat', groups: [{ label: undefined, nodes: sortIndices(entries.map((e) => e.index)).map(leaf) }] };
  }
  // Typed groups in order of first appearance; the untyped ones last.
  const ordered = [...labels.filter((label) => label !== undefined), ...labels.filter((label) => label === undefined)];
  return {
    mode: 'type',
    groups: ordered.map((label) => ({ label, nodes: sortIndices(members.get(label)!).map(leaf) })),
  };
}

/** The arranged results in the order they are shown (groups in order, each tree depth first). */
export function flattenNested(arrangement: NestedArrangement): NestedResult[] {
  const out: NestedResult[] = [];
  const walk = (node: NestedNode): void => {
    out.push(node.item);
    node.children.forEach(walk);
  };
  for (const group of arrangement.groups) group.nodes.forEach(walk);
  return out;
}

// Which results have a role: in nested-results.ts, which the element's first bundle carries
// without the rest of this file.
export { nestedOf } from './nested-results.js';

/** What a nested result reads as: its verdict, but never `verified` unless its flag agrees. */
export function verdictOfNested(item: NestedResult): Verdict {
  const result = item.result;
  if (result.verdict === 'verified') return result.verified === true ? 'verified' : 'unverified';
  return result.verdict === 'unknown' ? 'unknown' : 'unverified';
}

/** Counts by verdict, as `summarizeNested` does, but through `verdictOfNested`. */
export function countNested(items: readonly NestedResult[]): {
  total: number;
  verified: number;
  unverified: number;
  unknown: number;
} {
  const counts = { total: items.length, verified: 0, unverified: 0, unknown: 0 };
  for (const item of items) counts[verdictOfNested(item)]++;
  return counts;
}

/** Endorsements to show: verified first, then status unknown, then not verified; else input order. */
export function orderEndorsements(items: readonly NestedResult[]): NestedResult[] {
  const rank: Record<Verdict, number> = { verified: 0, unknown: 1, unverified: 2 };
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank[verdictOfNested(a.item)] - rank[verdictOfNested(b.item)] || a.index - b.index)
    .map(({ item }) => item);
}
