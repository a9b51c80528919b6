/**
 * Every user-facing string of `<ob-badge-list>` (the badges' own strings are in messages.ts). To
 * translate, give the list another `ListMessages` object (same shape) as its `messages` property.
 *
 * Values interpolated here are counts the list computed and, in option labels, untrusted issuer
 * names and skills that the list clips and renders as text, never as HTML.
 */

/** How the list groups settled results for its summary and its status filter. */
export type SummaryCategory = 'verified' | 'expired' | 'revoked' | 'suspended' | 'unknown' | 'unverified';

/** The ways the list can be ordered. `source`: children, then `src`, then `credentials`, as given. */
export type SortKey = 'source' | 'date' | 'date-asc' | 'issuer' | 'name' | 'verdict';

/** Counts over every badge in the list (filtered or not). */
export interface ListSummary {
  /** Badges in the list. */
  readonly total: number;
  /** Badges whose verification has not settled yet (checking, or waiting to come into view). */
  readonly pending: number;
  readonly verified: number;
  readonly expired: number;
  readonly revoked: number;
  readonly suspended: number;
  /** Could not be checked: nothing failed, but a check could not be completed. */
  readonly unknown: number;
  /** Any other failure: a bad signature, an unknown key, an unreadable badge. */
  readonly unverified: number;
  /** Badges the current filters show (pending ones included: a filter cannot judge them yet). */
  readonly shown: number;
}

/** Why the `src` list could not be used: a loader code (`ERR_OB_FETCH_*`, …) or one of the list's own. */
export type ListErrorCode =
  | 'ERR_OB_LIST_SHAPE'
  | 'ERR_OB_LIST_GROUPS_ONLY'
  | 'ERR_OB_FETCH_FAILED'
  | 'ERR_OB_FETCH_TIMEOUT'
  | 'ERR_OB_FETCH_CORS'
  | 'ERR_OB_FETCH_CONTENT_TYPE'
  | 'ERR_OB_FETCH_REFUSED'
  | 'ERR_OB_TOO_LARGE'
  | 'ERR_OB_MALFORMED'
  | 'ERR_OB_LIST_UNEXPECTED'
  | (string & {});

export interface ListMessages {
  /** The accessible name of the list of badges. */
  listLabel: string;
  /** The live summary line: "15 badges: 12 verified · 1 expired · 1 revoked · 1 could not be checked". */
  summary(summary: ListSummary): string;
  /** While the `src` list is being fetched. */
  loadingList: string;
  /** No badge at all. */
  empty: string;
  /** Badges, but the filters hide all of them. */
  noMatches: string;
  /** The `src` list could not be used; the other sources are still shown. */
  listError(code: ListErrorCode, details: Readonly<Record<string, unknown>> | undefined): string;
  /** More entries than the list reads: the first `shown` of `total`. */
  capped(shown: number, total: number): string;
  /** Entries that are not badges (numbers, `null`, unsupported URLs) were left out. */
  skipped(count: number): string;
  toolbarLabel: string;
  sortLabel: string;
  sortOption(key: SortKey): string;
  issuerLabel: string;
  anyIssuer: string;
  skillLabel: string;
  anySkill: string;
  yearLabel: string;
  anyYear: string;
  verdictLabel: string;
  anyVerdict: string;
  /** A status filter option: the category on its own ("Expired"). */
  category(category: SummaryCategory): string;
  clearFilters: string;
}

const number = (value: number): string => value.toLocaleString('en-US');

const plural = (count: number, one: string, many: string): string => `${number(count)} ${count === 1 ? one : many}`;

/** In the summary line: "12 verified", "1 could not be checked". */
const COUNTED: Record<SummaryCategory, string> = {
  verified: 'verified',
  expired: 'expired',
  revoked: 'revoked',
  suspended: 'suspended',
  unknown: 'could not be checked',
  unverified: 'not verified',
};

const CATEGORY: Record<SummaryCategory, string> = {
  verified: 'Verified',
  expired: 'Expired',
  revoked: 'Revoked',
  suspended: 'Suspended',
  unknown: 'Could not be checked',
  unverified: 'Not verified',
};

const SORTS: Record<SortKey, string> = {
  source: 'List order',
  date: 'Newest first',
  'date-asc': 'Oldest first',
  issuer: 'Issuer',
  name: 'Name',
  verdict: 'Status',
};

/** What a failed `src` fetch or read means, after "This list of badges could not be read: ". */
function listProblem(code: ListErrorCode, details: Readonly<Record<string, unknown>> | undefined): string {
  switch (code) {
    case 'ERR_OB_LIST_SHAPE':
      return 'it is not a list of badges (an array, { "credentials": [...] } or a backpack collection).';
    case 'ERR_OB_LIST_GROUPS_ONLY':
      return 'it names groups of badges but not the badges themselves; use the address of one group.';
    case 'ERR_OB_FETCH_FAILED': {
      const status = details?.['status'];
      return typeof status === 'number' && Number.isInteger(status)
        ? `its server answered with an error (HTTP ${status}).`
        : 'its server could not be reached.';
    }
    case 'ERR_OB_FETCH_TIMEOUT':
      return 'its server took too long to answer.';
    case 'ERR_OB_FETCH_CORS':
      return 'its server does not let other sites read it.';
    case 'ERR_OB_FETCH_CONTENT_TYPE':
      return 'it is not JSON.';
    case 'ERR_OB_FETCH_REFUSED':
      return 'its address cannot be fetched (only http and https addresses are).';
    case 'ERR_OB_TOO_LARGE':
      return 'it is too large.';
    case 'ERR_OB_MALFORMED':
      return 'it is not valid JSON.';
    default:
      return 'an unexpected error occurred.';
  }
}

export const listEn: ListMessages = {
  listLabel: 'Badges',

  summary(s) {
    if (s.total === 0) return '';
    const parts: string[] = [];
    for (const category of Object.keys(COUNTED) as SummaryCategory[]) {
      if (s[category] > 0) parts.push(`${number(s[category])} ${COUNTED[category]}`);
    }
    if (s.pending > 0) parts.push(`${number(s.pending)} not checked yet`);
    const line = `${plural(s.total, 'badge', 'badges')}: ${parts.join(' · ')}`;
    return s.shown < s.total ? `${line}. Showing ${number(s.shown)}.` : line;
  },

  loadingList: 'Loading badges…',
  empty: 'No badges to show.',
  noMatches: 'No badges match these filters.',

  listError(code, details) {
    return `This list of badges could not be read: ${listProblem(code, details)}`;
  },

  capped(shown, total) {
    return `This list has ${number(total)} entries; only the first ${number(shown)} are read.`;
  },

  skipped(count) {
    return count === 1
      ? '1 entry of this list is not a badge and was left out.'
      : `${number(count)} entries of this list are not badges and were left out.`;
  },

  toolbarLabel: 'Sort and filter badges',
  sortLabel: 'Sort by',
  sortOption: (key) => SORTS[key] ?? key,
  issuerLabel: 'Issuer',
  anyIssuer: 'All issuers',
  skillLabel: 'Skill',
  anySkill: 'All skills',
  yearLabel: 'Year issued',
  anyYear: 'Any year',
  verdictLabel: 'Status',
  anyVerdict: 'Any status',
  category: (category) => CATEGORY[category] ?? category,
  clearFilters: 'Clear filters',
};
