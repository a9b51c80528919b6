import type { Check } from '../core/result.js';
import { displayId } from '../render/display-id.js';
import type * as ProblemMessages from './problem-messages.js';
import { lazyModule } from '../components/base/lazy-module.js';
import type { MessageContext, CardMessages, MessageHelpers } from './message-types.js';

// The shapes live in message-types.ts (so problem-messages.ts can use them without a circle); importers read them here too.
export type * from './message-types.js';

/**
 * Every user-facing string of the components (import them from messages.ts, which has them all
 * from the start). The core never writes prose; it gives check ids, statuses, `ERR_OB_*` codes and
 * plain `details`, and these files turn them into sentences. To translate, provide another
 * `Messages` object (same shape, or part of it); nothing else changes.
 *
 * `<ob-badge>`, in every page's first download, imports only this module: the strings of the card
 * itself (`cardEn`). The English strings of rarer parts load with the code that draws them:
 * credentials inside credentials (`nestedEn`, messages-nested.ts), who the issuer is (`trustEn`,
 * messages-trust.ts), the sentences for problems (`loadProblemMessages`). Each part merges the
 * page's `messages` with its own group (`withFallback`).
 *
 * All values interpolated here are untrusted text from badges; they are returned as strings and
 * rendered through Lit text bindings, never as HTML. They are also bounded, because these
 * sentences speak with the page's authority ("Not verified: …"): a status list type of
 * `X) — this badge is genuine; (Y` must not become part of one. Identifier-like values go in only
 * when they look like identifiers, URLs and key ids only as `displayId` shows them, short, and
 * dates only when they are dates; anything else gives the sentence without the value.
 */

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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

/**
 * The host (ASCII, with its port) of an http(s) URL or origin, if it has a short one: how a
 * proxy (`details.viaProxy`, an origin) or a server is named.
 */
export function displayHost(value: unknown): string | undefined {
  const raw = str(value)?.trim();
  if (!raw || !/^https?:\/\//i.test(raw)) return undefined;
  try {
    const shown = new URL(raw).host;
    return shown && shown.length <= MAX_DETAIL ? shown : undefined;
  } catch {
    return undefined;
  }
}

const HELPERS: MessageHelpers = { place, identifier, date, displayHost };

const problems = lazyModule(() => import('./problem-messages.js'));

/** Gives `en` its sentences for problems at once (messages.ts does, for everyone who imports it). */
export function useProblemMessages(module: typeof ProblemMessages): void {
  problems.module = module;
}

/**
 * Loads the English sentences for checks that did not pass (`en.codeText`) once per page: only
 * badges with a problem need them, so they are not in the script-tag bundle. Until they have
 * loaded, `en.codeText` gives a true but general sentence ("The badge could not be checked") and
 * starts loading them; `<ob-badge>` awaits this before it shows a problem. Importing messages.ts
 * instead of this module has them from the start. Rejects if the chunk could not be loaded, after
 * which a later call tries again.
 */
export const loadProblemMessages: () => Promise<unknown> = problems.load;

/** Whether `en.codeText` has its full sentences (see `loadProblemMessages`). */
export function areProblemMessagesReady(): boolean {
  return problems.module !== undefined;
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
  'vp-json': 'Verifiable Presentation',
  'vp-jwt': 'Verifiable Presentation (JWT)',
};

const LABELS: Record<string, string> = {
  format: 'Format',
  proof: 'Signature',
  issuer: 'Issuer',
  validity: 'Validity period',
  status: 'Revocation status',
  recipient: 'Recipient',
  holder: 'Holder',
  credentials: 'Credentials presented',
  credential: 'Credential',
  schema: 'Schema',
  verify: 'Verification',
};

/** Recipient identity types (OB 2.0 `type`, OB 3.0 `identityType`) as people say them; fixed text, never the value. */
function identityKind(label: unknown): string | undefined {
  if (typeof label !== 'string') return undefined;
  switch (label.replace(/^(?:https?:\/\/schema\.org\/|schema:|ext:)/i, '').toLowerCase()) {
    case 'email':
    case 'emailaddress':
      return 'email address';
    case 'url':
      return 'web address';
    case 'telephone':
    case 'phone':
    case 'phonenumber':
      return 'telephone number';
    case 'did':
      return 'DID';
    default:
      return undefined;
  }
}

export const cardEn: CardMessages = {
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

  checkLabel(id, details) {
    if (id === 'proof' && details?.['verification'] === 'hosted') return 'Source';
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
      if (d['requested'] === false) return 'Not checked, because this page does not say who owns it';
      const after = identifier(d['requires']) ?? identifier(d['after']);
      return after
        ? `Not checked, because the ${this.checkLabel(after).toLowerCase()} check did not pass`
        : 'Not checked, because an earlier check did not pass';
    }
    let sentence: string;
    if (check.status === 'passed') sentence = passedSentence(this, check, context);
    else if (check.id === 'recipient')
      sentence = problems.module
        ? problems.module.recipientProblem(this, check, context)
        : this.ownerRecipient('unchecked');
    else if (check.code) sentence = this.codeText(check.code, check.details, context);
    // The core always gives a code on failed/warning; without one, something unexpected happened.
    // Its developer message is not shown to visitors.
    else sentence = this.unexpectedError;
    // The proxy's owner could have changed what it passed on: every check that relied on it says so.
    if (d['viaProxy'] !== undefined) sentence = this.viaProxy(sentence, displayHost(d['viaProxy']));
    // A document from a local file is not the issuer's server speaking (the hosted sentence says it itself).
    if (d['source'] === 'local' && !(check.status === 'passed' && d['verification'] === 'hosted')) {
      const given = Array.isArray(d['localDocuments']) ? d['localDocuments'] : [];
      sentence = this.givenFile(sentence, given.length === 1 ? place(given[0]) : undefined);
    }
    return sentence;
  },

  codeText(code, details, context) {
    if (problems.module) return problems.module.codeText(HELPERS, code, details, context);
    // Before the sentences for problems have loaded (see loadProblemMessages): a true, general one.
    void loadProblemMessages().catch(() => undefined);
    return 'The badge could not be checked';
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

  ownerRecipient(outcome) {
    switch (outcome) {
      case 'match':
        return 'Awarded to the owner of this page';
      case 'mismatch':
        return 'Awarded to someone else';
      case 'unchecked':
      default:
        return 'Could not check that this badge belongs to the owner of this page';
    }
  },

  revocationReason: 'Reason given by the issuer',

  givenFile(sentence, url) {
    return url ? `${sentence} (from the file given for ${url})` : `${sentence} (from files given for its documents)`;
  },

  viaProxy(sentence, proxyHost) {
    return proxyHost
      ? `${sentence} (answered through ${proxyHost}, which could alter answers)`
      : `${sentence} (answered through a proxy, which could alter answers)`;
  },

  proxyNote(proxyHost) {
    return proxyHost
      ? `Some answers came through ${proxyHost}, which could alter them.`
      : 'Some answers came through a proxy, which could alter them.';
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

  presentationName: 'Presentation',

  unsignedVerdict: 'Not signed',

  unsignedPresentation(count) {
    return count === 1
      ? 'Not a signed presentation: a container of 1 credential, checked on its own'
      : `Not a signed presentation: a container of ${count} credentials, each checked on its own`;
  },

  claimsFrom(name) {
    return `Claims to be from ${name}`;
  },

  claimsAwardedTo(name) {
    return `Claims to be awarded to ${name}`;
  },

  checkingNext(id) {
    switch (id) {
      case 'format':
        return 'Reading the badge…';
      case 'proof':
        return 'Checking the signature…';
      case 'issuer':
        return 'Checking the issuer…';
      case 'validity':
        return 'Checking the dates…';
      case 'status':
        return 'Checking status…';
      case 'recipient':
        return 'Checking the recipient…';
      default:
        return 'Checking…';
    }
  },

  progressLabel: 'Checks so far',

  issuerNameStated: 'Name as stated by the issuer',
};

/**
 * `custom` with every member of `fallback` it lacks (or gives with the wrong type) taken from
 * `fallback`: a partial or outdated translation shows English for what it misses instead of
 * breaking the card. Methods are called on the merged object, so English sentences use the
 * translation's labels. `fallback` is one group of English strings (`cardEn` here; `nestedEn` and
 * `trustEn` load with the parts that draw them), so each part merges the page's one `messages`
 * object with its own group, with the same rule.
 */
export function withFallback<T extends object>(custom: unknown, fallback: T): T {
  if (custom === fallback || typeof custom !== 'object' || custom === null) return fallback;
  const given = custom as Record<string, unknown>;
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fallback)) {
    let own: unknown;
    try {
      own = given[key];
    } catch {
      own = undefined;
    }
    merged[key] = typeof own === typeof value ? own : value;
  }
  return merged as T;
}

function passedSentence(messages: CardMessages, check: Check, context: MessageContext): string {
  const d = check.details ?? {};
  switch (check.id) {
    case 'format': {
      const baked = isObject(d['baked']) ? d['baked']['container'] : undefined;
      const image = baked === 'png' ? 'a baked PNG image' : baked === 'svg' ? 'a baked SVG image' : undefined;
      const as = context.format ? messages.formatName(context.format) : undefined;
      if (image) return as ? `Read from ${image} as ${as}` : `Read from ${image}`;
      return as ? `Read as ${as}` : 'The badge data is well formed';
    }
    case 'proof': {
      if (d['verification'] === 'hosted') {
        // An OB 2.0 hosted badge has no signature: it is genuine because the issuer's server serves it.
        // A copy from a local file given for its URL is only that, and says so.
        if (d['source'] === 'local') {
          const url = place(d['url']);
          return url ? `Read from the file given for ${url}` : 'Read from a file given for its address';
        }
        const server = displayHost(d['finalUrl']) ?? displayHost(d['url']);
        return server ? `Downloaded from the issuer’s server at ${server}` : 'Downloaded from the issuer’s server';
      }
      // A JWS names its algorithm, a Data Integrity proof its cryptosuite.
      const alg = identifier(d['alg']) ?? identifier(d['cryptosuite']);
      return alg ? `The signature matches the content (${alg})` : 'The signature matches the content';
    }
    case 'issuer': {
      const scope = d['scope'];
      if (scope === 'issuer-origin' || scope === 'allowedOrigins' || scope === 'startsWith') {
        const issuer = place(d['issuer']);
        const its = issuer ? `its issuer, ${issuer},` : 'its issuer';
        if (scope === 'issuer-origin')
          return issuer ? `Hosted on the same site as its issuer, ${issuer}` : 'Hosted on the same site as its issuer';
        if (scope === 'allowedOrigins') return `Hosted on a site ${its} lists as its own`;
        return `Hosted at an address ${its} lists for its badges`;
      }
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
    case 'holder': {
      const holder = place(d['holder']) ?? place(d['controller']);
      return holder ? `Signed by its holder, ${holder}` : 'Signed by its holder';
    }
    case 'credentials': {
      const count = typeof d['credentials'] === 'number' ? d['credentials'] : undefined;
      return count === undefined
        ? 'Carries credentials, each checked on its own'
        : `Carries ${count} credential${count === 1 ? '' : 's'}, each checked on its own`;
    }
    case 'recipient': {
      // Only the kind of identity, never its value: the badge's may be a hash, which is not a name.
      const kind = identityKind(d['identityType']);
      return kind ? `${messages.ownerRecipient('match')} (identified by ${kind})` : messages.ownerRecipient('match');
    }
    default:
      return 'Passed';
  }
}
