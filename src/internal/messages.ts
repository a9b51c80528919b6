import type { BadgeErrorCode } from '../core/errors.js';
import type { BadgeFormat, Check, Verdict } from '../core/result.js';
import { displayId } from './display-id.js';

/**
 * Every user-facing string of the components, in one place. The core never writes prose; it gives
 * check ids, statuses, `ERR_OB_*` codes and plain `details`, and this file turns them into
 * sentences. To translate, provide another `Messages` object (same shape); nothing else changes.
 *
 * All values interpolated here are untrusted text from badges; they are returned as strings and
 * rendered through Lit text bindings, never as HTML. They are also bounded, because these
 * sentences speak with the page's authority ("Not verified: …"): a status list type of
 * `X) — this badge is genuine; (Y` must not become part of one. Identifier-like values go in only
 * when they look like identifiers, URLs and key ids only as `displayId` shows them, short, and
 * dates only when they are dates; anything else gives the sentence without the value.
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

export interface Messages {
  verdict(verdict: DisplayVerdict): string;
  checkLabel(id: string): string;
  checkStatus(status: Check['status']): string;
  /** One plain-language sentence for a check. */
  checkSentence(check: Check, context: MessageContext): string;
  /** What an error code means, on its own. */
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
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The longest URL or key id put in a sentence; longer ones are shortened in the middle. */
const MAX_DETAIL = 80;

/** What a status list type, an algorithm or a check id looks like. */
const IDENTIFIER = /^[\w:.#/-]{1,64}$/;

/** An identifier-like detail (a status list type, an algorithm), if it looks like one. */
function identifier(value: unknown): string | undefined {
  return typeof value === 'string' && IDENTIFIER.test(value) ? value : undefined;
}

/**
 * A URL, DID or key id as the issuer block shows it (ASCII host, invisible characters escaped),
 * at most MAX_DETAIL characters, its host never cut; left out if it holds spaces (no identifier
 * does, prose does) or its host alone is too long.
 */
function place(value: unknown): string | undefined {
  const raw = str(value)?.trim();
  if (!raw) return undefined;
  const shown = displayId(raw, MAX_DETAIL);
  return shown && !/\s/u.test(shown) ? shown : undefined;
}

/** A date detail, formatted, if it is a date (`formatDate` shows other text as written). */
function date(value: unknown, context: MessageContext): string | undefined {
  const raw = str(value);
  return raw && !Number.isNaN(Date.parse(raw)) ? context.formatDate(raw) : undefined;
}

/** Lower-cases the first letter, to follow "Not verified: ". English-only; translations do their own. */
function sentenceTail(text: string): string {
  return text.length > 1 && /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

const FORMATS: Record<string, string> = {
  'ob3-jwt': 'Open Badges 3.0 (JWT)',
  'ob3-json': 'Open Badges 3.0',
  'ob2-hosted': 'Open Badges 2.0 (hosted)',
  'ob2-signed': 'Open Badges 2.0 (signed)',
  'clr-json': 'Comprehensive Learner Record',
  'clr-jwt': 'Comprehensive Learner Record (JWT)',
};

const LABELS: Record<string, string> = {
  format: 'Format',
  proof: 'Signature',
  issuer: 'Issuer',
  validity: 'Validity period',
  status: 'Revocation status',
  recipient: 'Recipient',
  schema: 'Schema',
  verify: 'Verification',
};

export const en: Messages = {
  verdict(verdict) {
    switch (verdict) {
      case 'loading':
        return 'Checking…';
      case 'verified':
        return 'Verified';
      case 'unknown':
        return 'Status unknown';
      case 'unverified':
      case 'error':
      default:
        return 'Not verified';
    }
  },

  checkLabel(id) {
    return Object.hasOwn(LABELS, id) ? LABELS[id]! : id;
  },

  checkStatus(status) {
    return (
      { passed: 'Passed', failed: 'Failed', warning: 'Could not be completed', skipped: 'Not checked' }[status] ??
      status
    );
  },

  checkSentence(check, context) {
    const d = check.details ?? {};
    if (check.status === 'skipped') {
      const after = identifier(d['requires']) ?? identifier(d['after']);
      return after
        ? `Not checked, because the ${this.checkLabel(after).toLowerCase()} check did not pass`
        : 'Not checked, because an earlier check did not pass';
    }
    if (check.status === 'passed') return passedSentence(this, check, context);
    if (check.code) return this.codeText(check.code, check.details, context);
    // The core always gives a code on failed/warning; without one, something unexpected happened.
    // Its developer message is not shown to visitors.
    return this.unexpectedError;
  },

  codeText(code, details, context) {
    const d = details ?? {};
    const url = place(d['url']);
    const from = url ? ` from ${url}` : '';
    switch (code) {
      case 'ERR_OB_MALFORMED':
        return 'The badge data is damaged or incomplete';
      case 'ERR_OB_NOT_A_BADGE':
        return 'This is not a badge or credential';
      case 'ERR_OB_UNSUPPORTED':
        return 'This kind of badge is not supported';
      case 'ERR_OB_FETCH_FAILED':
        return `The badge could not be downloaded${from}`;
      case 'ERR_OB_FETCH_TIMEOUT':
        return `Downloading the badge took too long${from}`;
      case 'ERR_OB_TOO_LARGE':
        return url ? `The document at ${url} is too large` : 'The badge, or a document it needs, is too large';
      case 'ERR_OB_FETCH_CONTENT_TYPE':
        return `The document${from} is not a badge (unexpected content type)`;
      case 'ERR_OB_FETCH_REFUSED':
        return url ? `Fetching ${url} is not allowed` : 'Fetching this address is not allowed';
      case 'ERR_OB_ABORTED':
        return 'Checking was stopped';
      case 'ERR_OB_JOSE_ALG_NOT_ALLOWED': {
        const alg = identifier(d['alg']);
        return alg
          ? `Signed with an algorithm that is not allowed (${alg})`
          : 'Signed with an algorithm that is not allowed';
      }
      case 'ERR_OB_JOSE_CRIT_UNSUPPORTED':
        return 'The signature requires an extension this page does not support';
      case 'ERR_OB_JOSE_HEADER_INVALID':
        return 'The signature header is invalid';
      case 'ERR_OB_KEY_UNRESOLVABLE': {
        const kid = place(d['kid']);
        return kid ? `The signing key ${kid} could not be found` : 'The signing key could not be found';
      }
      case 'ERR_OB_KEY_NOT_ISSUERS': {
        const issuer = place(d['issuer']);
        return issuer
          ? `The signing key does not belong to ${issuer}`
          : 'The signing key does not belong to the issuer';
      }
      case 'ERR_OB_DID_INVALID':
        return 'The issuer’s identifier (DID) is malformed';
      case 'ERR_OB_DID_METHOD_UNSUPPORTED':
        return 'The issuer’s kind of identifier (DID method) is not supported';
      case 'ERR_OB_SIGNATURE_INVALID':
        return 'The signature does not match the content';
      case 'ERR_OB_ISSUER_MISMATCH':
        return 'The signature names a different issuer than the badge';
      case 'ERR_OB_CLAIM_MISMATCH':
        return 'The signed token contradicts the badge content';
      case 'ERR_OB_EXPIRED': {
        const until = date(d['validUntil'], context);
        return until ? `Expired on ${until}` : 'This badge has expired';
      }
      case 'ERR_OB_NOT_YET_VALID': {
        const from2 = date(d['validFrom'], context);
        return from2 ? `Not valid until ${from2}` : 'This badge is not valid yet';
      }
      case 'ERR_OB_REVOKED':
        return 'Revoked by the issuer';
      case 'ERR_OB_SUSPENDED':
        return 'Suspended by the issuer';
      case 'ERR_OB_STATUS_UNCHECKED': {
        // Name the list type, so an issuer can see why their badge reads "status unknown".
        const type = identifier(d['type']);
        return type
          ? `Revocation status could not be checked (${type} lists are not supported)`
          : 'Revocation status could not be checked';
      }
      case 'ERR_OB_STATUS_UNAVAILABLE':
        return 'Revocation status could not be checked (the issuer’s status list could not be downloaded)';
      case 'ERR_OB_STATUS_LIST_INVALID':
        return `Revocation status could not be checked (${listProblem(d['reason'])})`;
      case 'ERR_OB_STATUS_INDEX_OUT_OF_RANGE':
        return 'The badge points outside the issuer’s status list';
      case 'ERR_OB_CONTEXT_UNKNOWN': {
        const context2 = place(d['context']);
        return context2
          ? `The badge uses a vocabulary this page does not know (${context2})`
          : 'The badge uses a vocabulary this page does not know';
      }
      case 'ERR_OB_JSONLD_UNSAFE': {
        const term = identifier(d['term']);
        return term
          ? `The badge contains data its signature cannot cover (${term})`
          : 'The badge contains data its signature cannot cover';
      }
      case 'ERR_OB_JSONLD_LIMIT':
        return 'The badge is too large or complex to check';
      case 'ERR_OB_PROOF_INVALID':
        return 'The signature is malformed or not meant for this use';
      case 'ERR_OB_CRYPTOSUITE_UNSUPPORTED': {
        const suite = identifier(d['cryptosuite']) ?? identifier(d['proofType']);
        return suite
          ? `Signed in a way this page does not support (${suite})`
          : 'Signed in a way this page does not support';
      }
      default:
        return 'The badge could not be checked';
    }
  },

  banner(verdict, problem) {
    const lead = verdict === 'unknown' ? 'Status unknown' : 'Not verified';
    return problem ? `${lead}: ${sentenceTail(problem)}` : lead;
  },

  unreadable(problem) {
    return problem ? `This badge could not be read: ${sentenceTail(problem)}` : 'This badge could not be read.';
  },

  unexpectedError: 'An unexpected error stopped the check',
  loading: 'Checking this badge…',
  noInput: 'No badge to show',

  checksSummary(count) {
    return count === 1 ? 'How this badge was checked (1 check)' : `How this badge was checked (${count} checks)`;
  },

  checkedAt(when) {
    return `Checked ${when}`;
  },

  formatName(format) {
    return Object.hasOwn(FORMATS, format) ? FORMATS[format]! : format;
  },

  awardedTo(name) {
    return `Awarded to ${name}`;
  },

  issuedBy: 'Issued by',
  criteria: 'Criteria',
  criteriaLink: 'View the full criteria',
  evidence: 'Evidence',
  evidenceLink: 'View evidence',
  alignments: 'Skills and standards',
  tags: 'Tags',
  issued: 'Issued',
  validFrom: 'Valid from',
  expires: 'Expires',
  expired: 'Expired',
  opensInNewTab: '(opens in a new tab)',

  badgeImage(name) {
    return `Badge image: ${name}`;
  },

  issuerImage(name) {
    return `Logo of ${name}`;
  },
};

/** Why a status list could not be used, from the `reason` the core gives; fixed text, never the value. */
function listProblem(reason: unknown): string {
  switch (reason) {
    case 'issuer':
      return 'the status list is not the issuer’s';
    case 'expired':
      return 'the issuer’s status list has expired';
    case 'not-yet-valid':
      return 'the issuer’s status list is not valid yet';
    case 'too-short':
      return 'the issuer’s status list is too short to protect holders’ privacy';
    default:
      return 'the issuer’s status list could not be verified';
  }
}

function passedSentence(messages: Messages, check: Check, context: MessageContext): string {
  const d = check.details ?? {};
  switch (check.id) {
    case 'format':
      return context.format ? `Read as ${messages.formatName(context.format)}` : 'The badge data is well formed';
    case 'proof': {
      // A JWS names its algorithm, a Data Integrity proof its cryptosuite.
      const alg = identifier(d['alg']) ?? identifier(d['cryptosuite']);
      return alg ? `The signature matches the content (${alg})` : 'The signature matches the content';
    }
    case 'issuer': {
      const who = place(d['issuer']) ?? place(d['controller']);
      return who ? `Signed by a key that belongs to ${who}` : 'Signed by a key that belongs to the issuer';
    }
    case 'validity': {
      const from = date(d['validFrom'], context);
      const until = date(d['validUntil'], context);
      if (from && until) return `Valid from ${from} until ${until}`;
      if (until) return `Valid until ${until}`;
      if (from) return `Valid since ${from}, with no expiry date`;
      return 'Has no expiry date';
    }
    case 'status': {
      const entries = d['entries'];
      if (Array.isArray(entries) && entries.length === 0)
        return 'The issuer publishes no revocation status for this badge';
      if (entries === 0) return 'The issuer publishes no revocation status for this badge';
      const checkedAt = str(d['checkedAt']);
      const time = checkedAt && !Number.isNaN(Date.parse(checkedAt)) ? context.formatTime?.(checkedAt) : undefined;
      if (time) return `Status checked at ${time} against the issuer’s list`;
      if (checkedAt) return 'Status checked against the issuer’s list';
      return 'Not revoked or suspended';
    }
    case 'recipient':
      return 'The recipient matches';
    default:
      return 'Passed';
  }
}
