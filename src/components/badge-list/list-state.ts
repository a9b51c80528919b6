/**
 * The list's sorting, filtering and summary as pure functions of settled results, and its view
 * state as text (the `sort` and `filter` attributes, and the `#ob-list=…` part of the URL hash).
 * Results are untrusted: every field of the render model is checked before use.
 */
import type { VerificationResult } from '../../core/result.js';
import type { ListSummary, SortKey, SummaryCategory } from '../../messages/list-messages.js';

export const SORT_KEYS: readonly SortKey[] = ['source', 'date', 'date-asc', 'issuer', 'name', 'verdict'];

/** Summary order, and the status sort's order (best first). */
export const CATEGORIES: readonly SummaryCategory[] = [
  'verified',
  'expired',
  'revoked',
  'suspended',
  'unknown',
  'unverified',
];
const VERDICT_RANK: Record<SummaryCategory, number> = {
  verified: 0,
  unknown: 1,
  expired: 2,
  suspended: 3,
  revoked: 4,
  unverified: 5,
};

/** The filters a list can apply; each one absent means "any". */
export interface ListFilter {
  /** An issuer key (`ItemFacts.issuer`: its id, else its name). */
  readonly issuer?: string | undefined;
  /** A skill or tag, lower-cased (compared without case). */
  readonly skill?: string | undefined;
  /** A year of issue (`2024`). */
  readonly year?: string | undefined;
  readonly verdict?: SummaryCategory | undefined;
}

export interface ListViewState {
  readonly sort: SortKey;
  readonly filter: ListFilter;
}

const FILTER_KEYS = ['issuer', 'skill', 'year', 'verdict'] as const;

/** The longest filter value read from an attribute or the hash. */
const MAX_VALUE = 500;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

const arrayOf = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

/**
 * The summary group of a settled result. A badge that could not be read counts as not verified
 * (or could not be checked, when nothing was judged). Among failures, a revocation or suspension
 * names the group; expiry only when it is the only failure.
 */
export function categoryOf(result: VerificationResult): SummaryCategory {
  const checks = arrayOf(result?.checks) as readonly { status?: unknown; code?: unknown }[];
  if (result?.verdict === 'unknown') return 'unknown';
  if (result?.verdict === 'verified' && result.verified === true && result.badge) return 'verified';
  const failed = checks.filter((check) => check?.status === 'failed');
  if (failed.some((check) => check.code === 'ERR_OB_REVOKED')) return 'revoked';
  if (failed.some((check) => check.code === 'ERR_OB_SUSPENDED')) return 'suspended';
  if (failed.length > 0 && failed.every((check) => check.code === 'ERR_OB_EXPIRED')) return 'expired';
  return 'unverified';
}

/** What sorting and filtering read from one settled result. */
export interface ItemFacts {
  readonly category: SummaryCategory;
  /** The issuer's id, else its name: the filter's value. */
  readonly issuer?: string | undefined;
  /** The issuer's name, else its id: what the filter shows. */
  readonly issuerLabel?: string | undefined;
  readonly name?: string | undefined;
  /** Issued (else valid from), in ms since the epoch. */
  readonly date?: number | undefined;
  readonly year?: string | undefined;
  /** Skills (alignment names) and tags: lower-cased key → label as first written. */
  readonly skills: ReadonlyMap<string, string>;
}

/** At most this many skills and tags per badge are read (a hostile badge may carry thousands). */
const MAX_SKILLS_PER_BADGE = 50;

export function factsOf(result: VerificationResult): ItemFacts {
  const badge = result?.badge;
  const issuerId = text(badge?.issuer?.id);
  const issuerName = text(badge?.issuer?.name);
  const when = text(badge?.issuedOn) ?? text(badge?.validFrom);
  const parsed = when === undefined ? NaN : Date.parse(when);
  const date = Number.isFinite(parsed) ? parsed : undefined;
  const skills = new Map<string, string>();
  const names = [
    ...arrayOf(badge?.alignments).map((alignment) => (alignment as { name?: unknown } | null)?.name),
    ...arrayOf(badge?.tags),
  ];
  for (const name of names.slice(0, MAX_SKILLS_PER_BADGE)) {
    const label = text(name);
    if (label && !skills.has(label.toLowerCase())) skills.set(label.toLowerCase(), label);
  }
  return {
    category: categoryOf(result),
    issuer: issuerId ?? issuerName,
    issuerLabel: issuerName ?? issuerId,
    name: text(badge?.name),
    date,
    year: date === undefined ? undefined : String(new Date(date).getUTCFullYear()),
    skills,
  };
}

/** Whether settled facts pass the filter. (Unsettled badges pass every filter: it cannot judge them yet.) */
export function matches(facts: ItemFacts, filter: ListFilter): boolean {
  if (filter.verdict !== undefined && facts.category !== filter.verdict) return false;
  if (filter.issuer !== undefined && facts.issuer !== filter.issuer) return false;
  if (filter.year !== undefined && facts.year !== filter.year) return false;
  if (filter.skill !== undefined && !facts.skills.has(filter.skill.toLowerCase())) return false;
  return true;
}

export interface Sortable {
  /** Position in the sources (children, then `src`, then `credentials`). */
  readonly index: number;
  /** `undefined` until the badge's verification settles. */
  readonly facts: ItemFacts | undefined;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Compares two optional values, those without one last. */
function optional<T>(a: T | undefined, b: T | undefined, compare: (a: T, b: T) => number): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return compare(a, b);
}

/**
 * A new array in display order. `source` is the order given, settled or not (nothing moves while
 * badges verify); by any other key, unsettled badges come last in source order. Ties keep source
 * order.
 */
export function sortItems<T extends Sortable>(items: readonly T[], sort: SortKey): T[] {
  if (sort === 'source') return [...items].sort((a, b) => a.index - b.index);
  const by = (a: ItemFacts, b: ItemFacts): number => {
    switch (sort) {
      case 'date':
        return optional(a.date, b.date, (x, y) => y - x);
      case 'date-asc':
        return optional(a.date, b.date, (x, y) => x - y);
      case 'issuer':
        return optional(a.issuerLabel, b.issuerLabel, collator.compare);
      case 'name':
        return optional(a.name, b.name, collator.compare);
      case 'verdict':
        return VERDICT_RANK[a.category] - VERDICT_RANK[b.category];
      default:
        return 0;
    }
  };
  return [...items].sort((a, b) => {
    if (!a.facts || !b.facts) return a.facts === b.facts ? a.index - b.index : a.facts ? -1 : 1;
    return by(a.facts, b.facts) || a.index - b.index;
  });
}

export function summarize(items: readonly { readonly facts: ItemFacts | undefined }[], shown: number): ListSummary {
  const counts: Record<SummaryCategory, number> = {
    verified: 0,
    expired: 0,
    revoked: 0,
    suspended: 0,
    unknown: 0,
    unverified: 0,
  };
  let pending = 0;
  for (const item of items) {
    if (item.facts) counts[item.facts.category]++;
    else pending++;
  }
  return { total: items.length, pending, ...counts, shown };
}

/** Whether two summaries count the same (the live line and `ob-list-summary` change only when they do not). */
export function sameSummary(a: ListSummary | undefined, b: ListSummary | undefined): boolean {
  if (!a || !b) return a === b;
  return (Object.keys(a) as (keyof ListSummary)[]).every((key) => a[key] === b[key]);
}

/** One choice of a filter: its value and what it shows. */
export interface FilterOption {
  readonly value: string;
  readonly label: string;
}

/** The most choices a filter offers (the rest are still reachable through the hash or `filter`). */
export const MAX_OPTIONS = 200;

/** The issuers, skills and years settled badges offer, each sorted by label (years newest first). */
export function optionsOf(facts: readonly ItemFacts[]): {
  issuers: FilterOption[];
  skills: FilterOption[];
  years: FilterOption[];
} {
  const issuers = new Map<string, string>();
  const skills = new Map<string, string>();
  const years = new Set<string>();
  for (const item of facts) {
    if (item.issuer !== undefined && !issuers.has(item.issuer)) issuers.set(item.issuer, item.issuerLabel!);
    for (const [key, label] of item.skills) if (!skills.has(key)) skills.set(key, label);
    if (item.year) years.add(item.year);
  }
  const sorted = (entries: Iterable<[string, string]>) =>
    [...entries]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => collator.compare(a.label, b.label))
      .slice(0, MAX_OPTIONS);
  return {
    issuers: sorted(issuers),
    skills: sorted(skills),
    years: [...years]
      .sort((a, b) => Number(b) - Number(a))
      .slice(0, MAX_OPTIONS)
      .map((year) => ({ value: year, label: year })),
  };
}

function decode(value: string): string | undefined {
  try {
    return text(decodeURIComponent(value).slice(0, MAX_VALUE));
  } catch {
    return undefined;
  }
}

/** A sort key, when `value` is one. */
export function sortKeyOf(value: unknown): SortKey | undefined {
  return SORT_KEYS.find((key) => key === value);
}

/**
 * Reads `key:value;key:value` (the `filter` attribute, and the hash part): `sort`, `issuer`,
 * `skill`, `year` and `verdict`, values percent-decoded. Unknown keys and bad values are ignored.
 */
export function parseState(source: string | undefined): { sort?: SortKey; filter: ListFilter } {
  const filter: Record<string, string> = {};
  let sort: SortKey | undefined;
  for (const pair of (source ?? '').split(';')) {
    const colon = pair.indexOf(':');
    if (colon < 0) continue;
    const key = pair.slice(0, colon).trim();
    const value = decode(pair.slice(colon + 1));
    if (value === undefined) continue;
    if (key === 'sort') sort = sortKeyOf(value) ?? sort;
    else if (key === 'verdict') {
      if ((CATEGORIES as readonly string[]).includes(value)) filter[key] = value;
    } else if (key === 'skill') {
      filter[key] = value.toLowerCase();
    } else if (key === 'year') {
      if (/^\d{1,6}$/.test(value)) filter[key] = value;
    } else if ((FILTER_KEYS as readonly string[]).includes(key)) filter[key] = value;
  }
  return { ...(sort ? { sort } : {}), filter };
}

/** The filter as `key:value;…` (values percent-encoded), `''` when nothing is filtered. */
export function formatFilter(filter: ListFilter): string {
  return FILTER_KEYS.filter((key) => filter[key] !== undefined)
    .map((key) => `${key}:${encodeURIComponent(filter[key]!)}`)
    .join(';');
}

/** The whole state for the hash: `sort:date;issuer:…`; `''` for the default (list order, no filter). */
export function formatState(state: ListViewState): string {
  const filter = formatFilter(state.filter);
  const sort = state.sort === 'source' ? '' : `sort:${state.sort}`;
  return [sort, filter].filter(Boolean).join(';');
}

/** The hash's parts: `#a=1&ob-list=sort:date` → `['a=1', 'ob-list=sort:date']`. */
function hashParts(hash: string): string[] {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  return body === '' ? [] : body.split('&');
}

/** The list's part of a URL hash (after `name=`), or `undefined` when it has none. */
export function readHash(hash: string, name: string): string | undefined {
  const prefix = `${name}=`;
  return hashParts(hash)
    .find((part) => part.startsWith(prefix))
    ?.slice(prefix.length);
}

/**
 * `hash` with the list's part set to `value` (removed when `value` is `''`), every other part
 * kept in place; a new part goes last. Returns the hash with its `#`, or `''` when it is empty.
 */
export function writeHash(hash: string, name: string, value: string): string {
  const prefix = `${name}=`;
  const parts = hashParts(hash);
  const at = parts.findIndex((part) => part.startsWith(prefix));
  if (value === '') {
    if (at >= 0) parts.splice(at, 1);
  } else if (at >= 0) parts[at] = prefix + value;
  else parts.push(prefix + value);
  return parts.length > 0 ? `#${parts.join('&')}` : '';
}
