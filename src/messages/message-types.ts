import type { BadgeErrorCode } from '../core/errors.js';
import type { BadgeFormat, Check, NestedRole, Verdict } from '../core/result.js';

/**
 * The shapes of the components' messages (what a translation gives), apart from the English
 * strings: messages-base.ts and the modules it loads with import() (problem-messages.ts) both
 * import them, and neither imports the other back.
 */

/** How a message may format dates: supplied by the element, in the page's language. */
export interface MessageContext {
  readonly formatDate: (value: unknown) => string;
  /** A time of day ("14:03"), for when a status was checked; without it the time is left out. */
  readonly formatTime?: ((value: unknown) => string) | undefined;
  /** The detected format, for the `format` check. */
  readonly format?: BadgeFormat | undefined;
}

export type DisplayVerdict = Verdict | 'loading' | 'error';

/** How many credentials of one role a credential carries, and how many read each verdict. */
export interface NestedCounts {
  readonly total: number;
  readonly verified: number;
  readonly unverified: number;
  readonly unknown: number;
}

/** What an endorsement is attached to (`NestedResult.about.target`). */
export type EndorsementTarget = 'credential' | 'achievement' | 'issuer';

export interface CardMessages {
  verdict(verdict: DisplayVerdict): string;
  /** A check's name; `details` tell apart kinds of one check (an OB 2.0 hosted badge has no signature). */
  checkLabel(id: string, details?: Readonly<Record<string, unknown>>): string;
  checkStatus(status: Check['status']): string;
  /** One plain-language sentence for a check. */
  checkSentence(check: Check, context: MessageContext): string;
  /**
   * What an error code means, on its own. (`en` loads these sentences on first use: see
   * `loadProblemMessages`.)
   */
  codeText(
    code: BadgeErrorCode,
    details: Readonly<Record<string, unknown>> | undefined,
    context: MessageContext,
  ): string;
  /** The banner above an unverified or unknown badge that still shows its content. */
  banner(verdict: 'unverified' | 'unknown', problem: string | undefined): string;
  /** The error box when no badge could be read. */
  unreadable(problem: string | undefined): string;
  unexpectedError: string;
  loading: string;
  noInput: string;
  checksSummary(count: number): string;
  checkedAt(when: string): string;
  formatName(format: BadgeFormat): string;
  awardedTo(name: string): string;
  /**
   * The line beside "Awarded to …" when the page declared its owner (`recipient` attribute or
   * `<meta name="ob-recipient">`): it is theirs, someone else's, or could not be told.
   */
  ownerRecipient(outcome: 'match' | 'mismatch' | 'unchecked'): string;
  /** Introduces the issuer's own words on why a badge was revoked (shown as a quotation). */
  revocationReason: string;
  /**
   * A check sentence for a check that relied on a document a CORS proxy fetched: `host` is the
   * proxy's host (undefined when it cannot be shown).
   */
  viaProxy(sentence: string, host: string | undefined): string;
  /**
   * A check sentence for a check that relied on a document the caller supplied for a URL (the
   * `documents` option, `ob-verify --documents`: `details.source === 'local'`): `url` is the URL it
   * stood in for (undefined when it cannot be shown, or when there were several).
   */
  givenFile(sentence: string, url: string | undefined): string;
  /** The card's own note when any check relied on a proxy (the checks may be hidden or closed). */
  proxyNote(host: string | undefined): string;
  issuedBy: string;
  criteria: string;
  criteriaLink: string;
  evidence: string;
  evidenceLink: string;
  alignments: string;
  tags: string;
  issued: string;
  validFrom: string;
  expires: string;
  expired: string;
  opensInNewTab: string;
  badgeImage(name: string): string;
  issuerImage(name: string): string;
  /** The heading of a presentation's card: a label, never the presentation's own `name`. */
  presentationName: string;
  /** The verdict pill of a presentation nobody signed (ERR_OB_PRESENTATION_UNSIGNED). */
  unsignedVerdict: string;
  /** The note on a presentation nobody signed: it is only a container of `count` credentials. */
  unsignedPresentation(count: number): string;
  /** Beside the issuer's name on a verified badge whose issuer the site does not know: the name is the issuer's own claim. */
  issuerNameStated: string;
  /** The issuer of a badge that is not verified (unverified or status unknown): a claim, never a fact. */
  claimsFrom(name: string): string;
  /** The recipient of a badge that is not verified. */
  claimsAwardedTo(name: string): string;
  /**
   * While checking: the check being run next (its id: `format` while the badge is read, `proof`,
   * `issuer`, `validity`, `status`, …; `undefined` when it cannot be told).
   */
  checkingNext(id: string | undefined): string;
  /** The label of the list of checks done so far, while checking. */
  progressLabel: string;
}

/**
 * Credentials inside credentials: a CLR's achievements, a presentation's credentials, endorsements.
 * Their names are never put in these sentences: the element shows them beside the text, quoted. The
 * English ones (`nestedEn`, messages-nested.ts) load with the part of `<ob-badge>` that draws them.
 */
export interface NestedMessages {
  /** The heading of the list of nested credentials of a role ("Achievements", "Endorsements"). */
  nestedHeading(role: NestedRole): string;
  /** "12 of 13 achievements verified". */
  nestedSummary(role: NestedRole, counts: NestedCounts): string;
  /** "1 not verified", "2 status unknown": beside the summary when some did not verify. */
  nestedCount(verdict: 'unverified' | 'unknown', count: number): string;
  /** Introduces the names of those that did not verify: "Not verified:", "Status unknown:". */
  nestedNamesLead(verdict: 'unverified' | 'unknown'): string;
  /** After the names shown, how many more there are: "and 3 more". */
  nestedMore(count: number): string;
  /** The heading of a group of achievements of one type; `undefined`: those with no type. */
  achievementGroup(type: string | undefined): string;
  /** The name of a nested credential whose content could not be read. */
  untitledCredential: string;
  /** The disclosure button under a nested card (its name follows, for screen readers). */
  showDetails: string;
  hideDetails: string;
  /** While a long list is still being drawn: "Showing 24 of 100…". */
  nestedProgress(shown: number, total: number): string;
  /** "Endorsed by": before an endorser's name (and before the list of verified endorsers). */
  endorsedBy: string;
  /** What an endorsement is about: this badge, its achievement, or its issuer. */
  endorsementAbout(target: EndorsementTarget | undefined): string;
  /** A standalone endorsement credential: "Example Org endorses https://example.edu/badges/1". */
  endorses(endorser: string | undefined, subject: string | undefined): string;
  /** The summary of an endorsement's `<details>` list of checks. */
  endorsementChecksSummary(count: number): string;
  /**
   * A presentation's holder, and whether the key that signed it is theirs: `proven` (the holder
   * check passed), `mismatch` (someone else signed it) or `unproven` (not checked, or not signed).
   */
  presentedBy(holder: string, outcome: 'proven' | 'mismatch' | 'unproven'): string;
  /** Before the endorser's name of an endorsement that is not verified (`endorsedBy` when it is). */
  claimsEndorsedBy: string;
  /** A standalone endorsement credential that is not verified (`endorses` when it is). */
  claimsToEndorse(endorser: string | undefined, subject: string | undefined): string;
}

/**
 * Who the issuer is (ADR 0009), beside the checks of a verified badge. The English ones (`trustEn`,
 * messages-trust.ts) load with the part of `<ob-badge>` that draws them, only on pages that ask.
 */
export interface TrustMessages {
  /** A verified badge whose issuer the site's trust list names: that list's name for it, and the list's own name. */
  knownIssuer(name: string, list: string | undefined): string;
  /** A verified badge, a trust list given, the issuer not on it. */
  notKnownIssuer: string;
  /** A web domain shown to be the issuer's (`result.trust.domain.confirmed`). */
  domainConfirmed(host: string): string;
  /** In the checks' details: how a domain was (or was not) confirmed as the issuer's. */
  domainMethod(host: string, method: 'did:web' | 'issuer-id' | 'did-configuration', confirmed: boolean): string;
  /** The site's trust list (`trusted-issuers`) could not be loaded or read: a quiet note, the badge is still checked. */
  trustListProblem: string;
}

/** Every string of `<ob-badge>`: what a translation gives (any member it lacks falls back to English). */
export interface Messages extends CardMessages, NestedMessages, TrustMessages {}

/**
 * How badge-controlled details may enter a sentence: what problem-messages.ts is handed
 * (messages-base.ts makes them), so that module imports nothing at run time.
 */
export interface MessageHelpers {
  /** A URL, DID or key id as the issuer block shows it, or undefined if it is not one. */
  readonly place: (value: unknown) => string | undefined;
  /** An identifier-like detail (a status list type, an algorithm), if it looks like one. */
  readonly identifier: (value: unknown) => string | undefined;
  /** A date detail, formatted, if it is a date. */
  readonly date: (value: unknown, context: MessageContext) => string | undefined;
  /** The short host of an http(s) URL or origin. */
  readonly displayHost: (value: unknown) => string | undefined;
}
