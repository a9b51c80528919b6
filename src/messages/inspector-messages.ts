import type { FetchRecord } from '../core/verify.js';
import type { NestedRole } from '../core/result.js';
import type { DomainLinkage, TrustReport } from '../core/trust/trust.js';
import { en, type DisplayVerdict, type Messages } from './messages.js';

/**
 * The strings of `<ob-inspector>`, the "is this badge real?" tool. It also shows checks, so it
 * speaks every `Messages` string too (the same sentences as `<ob-badge>`, from the same codes and
 * details): an `InspectorMessages` is a `Messages` plus its own. To translate, spread a translated
 * `Messages` and add these.
 *
 * As in messages.ts, every value put in a sentence here is untrusted badge data or a file name the
 * visitor chose: returned as strings, rendered as text, never as HTML.
 */

/**
 * What a document in the network log was, as the inspector tells it from its request and address:
 * the badge at the address entered, a DID document, a site's DID configuration, a key set, another
 * credential read like a badge (a status list credential), a JWT, or some other JSON document.
 */
export type FetchKind = 'badge' | 'did-document' | 'did-configuration' | 'key-set' | 'credential' | 'jwt' | 'json';

/** Why there is no snippet to embed. */
export type EmbedUnavailable = 'unreadable' | 'not-fetchable' | 'no-credential';

export interface InspectorMessages extends Messages {
  /** The element's heading. */
  title: string;
  intro: string;
  fileLabel: string;
  /** Under the file field: what it takes, and that it can be dropped; `max` is the size cap ("2 MB"). */
  fileHint(max: string): string;
  pasteLabel: string;
  pasteHint: string;
  pasteButton: string;
  urlLabel: string;
  urlHint: string;
  urlButton: string;
  /** What the page does with what it is given. */
  privacy: string;
  /** Shown over the input area while a file is dragged over it. */
  dropHere: string;

  // Status messages (a polite live region).
  checkingFile(name: string): string;
  checkingText: string;
  checkingUrl(url: string): string;
  /** While checking: how many documents have been fetched so far. */
  progress(count: number): string;
  /** A check settled: "“badge.png”: Verified." `subject` is a file name, an address or undefined (pasted text). */
  checked(subject: string | undefined, verdict: string): string;
  fileTooLarge(name: string, size: string, max: string): string;
  fileEmpty(name: string): string;
  textTooLong(length: string, max: string): string;
  textEmpty: string;
  notAUrl: string;
  firstFileOnly(name: string, count: number): string;
  nothingDropped: string;

  // The report.
  reportHeading: string;
  /** "Verified in your browser at 14:03" (`date` is given when it was not today). */
  checkedInBrowser(verified: boolean, time: string, date: string | undefined): string;
  /** One line under it: the verdict and the first problem, as the card's banner says it. */
  summary(verdict: DisplayVerdict, problem: string | undefined): string;
  checksHeading(count: number): string;
  /** The recipient check the inspector never asks for (it names no owner). */
  recipientNotRequested: string;
  errorCode: string;
  /** A check detail's name (`keyId` → "Key id"); unknown names are shown as they are. */
  detailLabel(key: string): string;
  /** Where a key came from (`details.keySource`: `did:web`, `issuer-profile`…), in words. */
  keySource(source: string): string;
  yes: string;
  no: string;
  none: string;
  /** After the items of a long list that are shown: "and 3 more (in the downloaded report)". */
  more(count: number): string;

  trustHeading: string;
  trustIssuerId: string;
  trustStatedName: string;
  trustList: string;
  trustKnown(known: TrustReport['known']): string;
  trustDomainLabel: string;
  trustDomain(domain: DomainLinkage | undefined): string;
  trustNote: string;

  nestedReportsHeading(count: number): string;
  nestedRole(role: NestedRole): string;
  /** Where a nested credential was found (a JSON path into the outer one). */
  nestedLocation(location: string): string;

  networkHeading(count: number): string;
  networkCaption: string;
  networkEmpty: string;
  networkColumn: {
    readonly index: string;
    readonly url: string;
    readonly kind: string;
    readonly outcome: string;
    readonly source: string;
    readonly size: string;
    readonly time: string;
  };
  fetchKind(kind: FetchKind): string;
  fetchSource(source: FetchRecord['source']): string;
  /** "HTTP 200", or why it failed: the code, and its sentence when there is one. */
  fetchOutcome(record: FetchRecord, sentence: string | undefined): string;
  /** Why a request failed, from its code, about that request (not about the badge). */
  fetchFailure(code: string): string | undefined;
  redirectedTo(url: string): string;
  viaProxyShort(host: string | undefined): string;

  actionsHeading: string;
  downloadReport: string;
  downloaded: string;
  validatorLink: string;
  validatorNote: string;

  embedHeading: string;
  embedIntro(mode: 'inline' | 'src'): string;
  /** Said when the badge did not verify here: embedded, it will show the same. */
  embedNotVerified: string;
  embedUnavailable(reason: EmbedUnavailable): string;
  snippetLabel: string;
  copySnippet: string;
  copied: string;
  copyFailed: string;
  snippetShortened(shown: string, total: string): string;
  previewHeading: string;
  previewNote: string;
}

const DETAILS: Record<string, string> = {
  format: 'Format',
  securing: 'Secured as',
  alg: 'Algorithm',
  typ: 'Token type',
  vcdm: 'VC data model',
  credentialType: 'Credential type',
  proofTypes: 'Proof types',
  proofs: 'Proofs',
  proofIndex: 'Proof used',
  cryptosuite: 'Cryptosuite',
  verification: 'Verification',
  baked: 'Baked into',
  container: 'Image type',
  location: 'Where in the image',
  kid: 'Key id (as signed)',
  keyId: 'Key id',
  keySource: 'Where the key came from',
  verificationMethod: 'Verification method',
  issuer: 'Issuer',
  controller: 'Key controller',
  owner: 'Key owner',
  scope: 'Hosting rule',
  iss: 'Token issuer (iss)',
  validFrom: 'Valid from',
  validUntil: 'Valid until',
  now: 'Checked as of',
  clockToleranceSeconds: 'Clock tolerance (seconds)',
  type: 'Type',
  purpose: 'Purpose',
  method: 'Method',
  url: 'Address',
  finalUrl: 'Answered from',
  hostedUrl: 'Hosted at',
  index: 'Index in the list',
  listFetchedAt: 'List fetched at',
  listIssuer: 'List issuer',
  listId: 'List id (what the list says it is)',
  listEntries: 'Entries in the list',
  status: 'Status',
  checkedAt: 'Checked at',
  entries: 'Entries',
  revocationReason: 'Reason given',
  viaProxy: 'Through the proxy',
  localDocuments: 'From the files given for',
  max: 'At most',
  cause: 'Because of',
  requires: 'Waited for',
  requested: 'Asked for',
  identityType: 'Recipient identified by',
  hashed: 'Hashed',
  matched: 'Matched',
  holder: 'Holder',
  reason: 'Reason',
  field: 'Field',
  node: 'Document',
  property: 'Property',
  context: 'Context',
  term: 'Term',
  did: 'DID',
  claim: 'Claim',
  claimValue: 'Value in the token',
  credentialValue: 'Value in the credential',
  header: 'Header',
  maxBytes: 'Size limit (bytes)',
  timeoutMs: 'Time limit (ms)',
  contentType: 'Content type',
  expected: 'Expected',
  code: 'Code',
  timings: 'Time taken (ms)',
  canonicalize: 'Canonicalization',
  hash: 'Hashing',
  signature: 'Signature check',
};

const KEY_SOURCES: Record<string, string> = {
  'did:key': 'did:key (the identifier is the key)',
  'did:jwk': 'did:jwk (the identifier is the key)',
  'did:web': 'did:web (the issuer’s DID document on its website)',
  'issuer-profile': 'the issuer’s profile',
  'issuer-jwks': 'the issuer’s published key set',
  'ob2-profile': 'the issuer’s Open Badges 2.0 profile',
  'kid-url': 'the address in the key id',
  'jose-header': 'the token’s own header',
  'multikey-fragment': 'the key id itself (Multikey)',
};

export const inspectorEn: InspectorMessages = {
  ...en,

  title: 'Is this badge real?',
  intro:
    'Check an Open Badge or Verifiable Credential: its signature, that the key is the issuer’s, its dates and whether it was revoked. Everything is checked here, in your browser.',
  fileLabel: 'Badge file',
  fileHint(max) {
    return `A baked PNG or SVG image, a JSON file or a JWT, up to ${max}. You can also drop it on this box.`;
  },
  pasteLabel: 'Or paste the badge',
  pasteHint: 'A JWT (eyJ…) or JSON.',
  pasteButton: 'Check pasted badge',
  urlLabel: 'Or enter its address',
  urlHint: 'The https:// address of a hosted badge or badge image.',
  urlButton: 'Check address',
  privacy:
    'Files and text are read in this browser and never uploaded. Only the documents the badge itself names (the issuer’s keys, its status list) are fetched.',
  dropHere: 'Drop the badge file to check it',

  checkingFile(name) {
    return `Checking “${name}”…`;
  },
  checkingText: 'Checking the pasted badge…',
  progress(count) {
    return count === 1 ? '1 document fetched so far…' : `${count} documents fetched so far…`;
  },
  checkingUrl(url) {
    return `Checking the badge at ${url}…`;
  },
  checked(subject, verdict) {
    return subject ? `Checked “${subject}”: ${verdict}.` : `Checked the pasted badge: ${verdict}.`;
  },
  fileTooLarge(name, size, max) {
    return `“${name}” is ${size}: too large to be a badge (the limit is ${max}). Nothing was read.`;
  },
  fileEmpty(name) {
    return `“${name}” is empty.`;
  },
  textTooLong(length, max) {
    return `The pasted text is ${length} long: too long to be a badge (the limit is ${max}).`;
  },
  textEmpty: 'Paste a badge first: a JWT or JSON.',
  notAUrl: 'Enter a full address, starting with https:// (or http://).',
  firstFileOnly(name, count) {
    return `${count} files were dropped; checking the first one, “${name}”.`;
  },
  nothingDropped: 'Nothing that could be checked was dropped: drop a badge file.',

  reportHeading: 'Report',
  checkedInBrowser(verified, time, date) {
    const when = date ? `at ${time} on ${date}` : `at ${time}`;
    return verified ? `Verified in your browser ${when}` : `Checked in your browser ${when}`;
  },
  summary(verdict, problem) {
    if (verdict === 'verified') return 'Every check passed.';
    if (verdict === 'error') return this.unreadable(problem);
    if (verdict === 'loading') return this.loading;
    return this.banner(verdict, problem);
  },
  checksHeading(count) {
    return count === 1 ? 'The check (1)' : `Every check, in order (${count})`;
  },
  recipientNotRequested: 'Not checked: no recipient was given to compare with',
  errorCode: 'Error code',
  detailLabel(key) {
    return Object.hasOwn(DETAILS, key) ? DETAILS[key]! : key;
  },
  keySource(source) {
    return Object.hasOwn(KEY_SOURCES, source) ? KEY_SOURCES[source]! : source;
  },
  yes: 'yes',
  no: 'no',
  none: 'none',
  more(count) {
    return `and ${count} more (in the downloaded report)`;
  },

  trustHeading: 'Who the issuer is',
  trustIssuerId: 'Issuer identifier',
  trustStatedName: 'Name, as the issuer states it',
  trustList: 'Known issuers list',
  trustKnown(known) {
    if (known === undefined) return 'No list of known issuers was given to this page';
    if (known === null) return 'Not on this page’s list of known issuers';
    const by = { id: 'its identifier', did: 'its DID', domain: 'its web domain' }[known.matchedBy] ?? known.matchedBy;
    return known.list
      ? `Known issuer: ${known.name}, per ${known.list} (matched by ${by})`
      : `Known issuer: ${known.name} (matched by ${by})`;
  },
  trustDomainLabel: 'Web domain',
  trustDomain(domain) {
    if (!domain) return 'No web domain is bound to this issuer';
    const how =
      domain.method === 'did:web'
        ? 'its did:web is served there'
        : domain.method === 'issuer-id'
          ? 'its documents are served there'
          : 'the site links the issuer’s DID';
    return domain.confirmed ? `${domain.host}: confirmed (${how})` : `${domain.host}: not confirmed`;
  },
  trustNote:
    'Who the issuer is never changes the verdict. Anyone can call themselves anything: a valid signature proves who signed, not that their name is true.',

  nestedReportsHeading(count) {
    return count === 1 ? 'A credential inside it' : `Credentials inside it (${count})`;
  },
  nestedRole(role) {
    switch (role) {
      case 'achievement':
        return 'Achievement';
      case 'endorsement':
        return 'Endorsement';
      case 'credential':
      default:
        return 'Credential';
    }
  },
  nestedLocation(location) {
    return `Found at ${location}`;
  },

  networkHeading(count) {
    return count === 1 ? 'Network log (1 request)' : `Network log (${count} requests)`;
  },
  networkCaption: 'Every document this check asked for, in the order the answers came.',
  networkEmpty: 'Nothing was fetched: everything needed was in the badge itself.',
  networkColumn: {
    index: '#',
    url: 'Address',
    kind: 'What it was',
    outcome: 'Result',
    source: 'Answered by',
    size: 'Size',
    time: 'Time',
  },
  fetchKind(kind) {
    switch (kind) {
      case 'badge':
        return 'The badge';
      case 'credential':
        return 'A credential it relies on (status list)';
      case 'did-document':
        return 'DID document (keys)';
      case 'did-configuration':
        return 'Domain linkage (DID configuration)';
      case 'key-set':
        return 'Key set';
      case 'jwt':
        return 'Signed document (JWT)';
      case 'json':
      default:
        return 'JSON document';
    }
  },
  fetchSource(source) {
    switch (source) {
      case 'network':
        return 'Network';
      case 'cache':
        return 'This page’s cache';
      case 'local':
      default:
        return 'Given to the verifier (no network)';
    }
  },
  fetchOutcome(record, sentence) {
    if (record.ok) return record.status !== undefined ? `HTTP ${record.status}` : 'Read';
    const status = record.status !== undefined ? `HTTP ${record.status}, ` : '';
    const code = record.code ?? 'failed';
    return sentence ? `${status}${code}: ${sentence}` : `${status}${code}`;
  },
  fetchFailure(code) {
    switch (code) {
      case 'ERR_OB_FETCH_FAILED':
        return 'Could not be downloaded';
      case 'ERR_OB_FETCH_TIMEOUT':
        return 'Took too long';
      case 'ERR_OB_FETCH_CORS':
        return 'The server does not let browsers read it';
      case 'ERR_OB_FETCH_REFUSED':
        return 'Fetching this address is not allowed';
      case 'ERR_OB_FETCH_CONTENT_TYPE':
        return 'Not the kind of document asked for (content type)';
      case 'ERR_OB_TOO_LARGE':
        return 'Too large';
      case 'ERR_OB_ABORTED':
        return 'Stopped';
      default:
        return undefined;
    }
  },
  redirectedTo(url) {
    return `Redirected to ${url}`;
  },
  viaProxyShort(host) {
    return host ? `through ${host}` : 'through a proxy';
  },

  actionsHeading: 'Take it further',
  downloadReport: 'Download report (JSON)',
  downloaded: 'Report downloaded.',
  validatorLink: 'Open the 1EdTech validator',
  validatorNote:
    'Opens 1EdTech’s public validator, which checks conformance to the specification, in a new tab. This page sends it nothing: give it the same file or address yourself.',

  embedHeading: 'Embed this badge',
  embedIntro(mode) {
    return mode === 'src'
      ? 'Paste this into your web page. It loads the badge from its address and checks it in each visitor’s browser.'
      : 'Paste this into your web page. The badge travels inside the snippet, so it works even where the issuer’s server does not let browsers read it; each visitor’s browser checks it again.';
  },
  embedNotVerified: 'This badge did not verify here; embedded, it will say the same to your visitors.',
  embedUnavailable(reason) {
    switch (reason) {
      case 'not-fetchable':
        return 'Browsers cannot read this badge from its address (the request failed or was refused), so a snippet with that address would not work on your page. Check the badge file itself here to get a snippet that carries it.';
      case 'no-credential':
        return 'The credential could not be taken out of what was given, so there is nothing to embed.';
      case 'unreadable':
      default:
        return 'Nothing to embed: the badge could not be read.';
    }
  },
  snippetLabel: 'HTML for your page',
  copySnippet: 'Copy snippet',
  copied: 'Snippet copied.',
  copyFailed: 'Could not copy the snippet: select it and copy it yourself.',
  snippetShortened(shown, total) {
    return `Shortened here to its first ${shown} of ${total} characters; “Copy snippet” copies all of it.`;
  },
  previewHeading: 'Preview',
  previewNote: 'That snippet, live: the badge is checked again, as your visitors’ browsers will check it.',
};
