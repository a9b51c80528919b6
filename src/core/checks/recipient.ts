import { MalformedInput, SchemaInvalid, UnsupportedFormat } from '../errors.js';
import { RecipientMismatch } from '../errors-recipient.js';
import { arrayOf, isObject, stringOf, type JsonObject } from '../lib/json.js';
import type { StepOutcome } from '../plugin.js';
import { outcomeOf } from './outcome.js';
import { RECIPIENT_NOT_REQUESTED } from './recipient-not-requested.js';

export { RECIPIENT_NOT_REQUESTED };

/**
 * The `recipient` check: was the badge awarded to the identity the page declares?
 *
 * OB 2.0 names its recipient in `recipient` (an IdentityObject: `type`, `identity`, `hashed`,
 * `salt`); OB 3.0 and CLR 2.0 in `credentialSubject.identifier` (IdentityObjects: `identityType`,
 * `identityHash`, `hashed`, `salt`) and/or `credentialSubject.id`. A hashed identity is
 * `sha256$<hex>` or `md5$<hex>` of the identity followed by the salt (OB 2.0 "identityHash",
 * OB 3.0 §"Verify the Recipient Using an Identifier"). The declared identity is only compared with
 * identities of its own kind: an email address never matches a URL.
 *
 * The outcome never carries the badge's identity value or hash, only its type label: a hash is not
 * a name. The declared value is the page's own and is given back as `declared`.
 */

/** The kinds of identity a page may declare. */
export type RecipientKind = 'email' | 'url' | 'telephone' | 'did';

export interface DeclaredRecipient {
  readonly kind: RecipientKind;
  /** The identity without its scheme for `mailto:`/`tel:`, otherwise as given (trimmed). */
  readonly value: string;
}

/** How the declared value matched: as given, lower-cased (email), or normalised (URL, telephone). */
export type RecipientMatch = 'exact' | 'lowercase' | 'normalized';

// Bounds: a hostile badge may carry thousands of identities or a megabyte identity. Hashing cost
// is at most MAX_IDENTITIES × 4 digests of at most MAX_VALUE + MAX_SALT characters.
const MAX_IDENTITIES = 20;
const MAX_VALUE = 2048;
const MAX_SALT = 1024;
const MAX_LABEL = 64;
const MAX_DECLARED_SHOWN = 256;

/** Parses a declared identity; undefined if it is not one of the supported forms. */
export function parseDeclaredRecipient(text: string): DeclaredRecipient | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_VALUE) return undefined;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === 'mailto') {
    let address: string;
    try {
      address = decodeURIComponent(trimmed.slice('mailto:'.length));
    } catch {
      return undefined;
    }
    return isEmailAddress(address) ? { kind: 'email', value: address } : undefined;
  }
  if (scheme === 'tel') {
    const number = trimmed.slice('tel:'.length).trim();
    return isTelephone(number) ? { kind: 'telephone', value: number } : undefined;
  }
  if (scheme === 'http' || scheme === 'https') {
    const url = urlOf(trimmed);
    return url && (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname
      ? { kind: 'url', value: trimmed }
      : undefined;
  }
  if (scheme === 'did') {
    // did:method:method-specific-id (DID Core §3.1); a DID URL (path, query, fragment) is not an identity.
    return /^did:[a-z0-9]+:(?:[A-Za-z0-9._:-]|%[0-9A-Fa-f]{2})*(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})$/.test(trimmed)
      ? { kind: 'did', value: trimmed }
      : undefined;
  }
  // A bare address: no scheme (a local part with ':' would need quoting, which is not supported).
  return !trimmed.includes(':') && isEmailAddress(trimmed) ? { kind: 'email', value: trimmed } : undefined;
}

/** The same check as `recipientStep`, for formats that keep the assertion elsewhere. */
export async function checkRecipient(
  credential: Readonly<Record<string, unknown>>,
  declared: string | undefined,
): Promise<StepOutcome> {
  const text = typeof declared === 'string' ? declared.trim() : '';
  if (text.length === 0) return RECIPIENT_NOT_REQUESTED;
  const shown = text.length > MAX_DECLARED_SHOWN ? `${text.slice(0, MAX_DECLARED_SHOWN)}…` : text;
  const wanted = parseDeclaredRecipient(text);
  if (!wanted) {
    // The page's declaration is at fault, not the badge: `failed` would call the badge bad. A
    // warning keeps the badge from reading "verified" (the page asked and got no answer) and
    // names the declaration.
    return outcomeOf(
      new MalformedInput('The declared recipient is not an email address, http(s) URL, tel: number or DID', {
        details: { declared: shown },
      }),
      'warning',
    );
  }

  const { identities, ignored } = identitiesOf(isObject(credential) ? credential : {});
  const usable = identities.filter((identity) => identity.value !== undefined);
  const identityTypes = [...new Set(identities.map((identity) => identity.label))];
  const extra = ignored > 0 ? { ignored } : {};
  if (usable.length === 0) {
    // A badge that names nobody (or nobody readably) is not "awarded to someone else", and nothing
    // about it is known to be wrong; but it cannot be shown as this person's either. A warning
    // (verdict "unknown", never "verified") says exactly that; the code names the missing data.
    return outcomeOf(
      new SchemaInvalid('The badge names no recipient identity to compare with', {
        details: { declared: shown, identityTypes, ...extra },
      }),
      'warning',
    );
  }

  const hashes = new Hashes();
  const unsupportedHashes = new Set<string>();
  let sameKind = 0;
  for (const identity of usable) {
    const result = await matchIdentity(wanted, identity, hashes, unsupportedHashes);
    if (result === 'other-kind') continue;
    sameKind++;
    if (result === 'no') continue;
    return {
      status: 'passed',
      message: 'Awarded to the owner of this page',
      details: { declared: shown, identityType: identity.label, hashed: identity.hashed, matched: result },
    };
  }

  const facts = {
    declared: shown,
    identityTypes,
    ...(unsupportedHashes.size > 0 ? { unsupportedHashes: [...unsupportedHashes] } : {}),
    ...extra,
  };
  if (hashes.unavailable.size > 0) {
    // Our own hash code could not be loaded (a lazy chunk failed): a fact about this page, not the
    // badge, so "could not be checked", never "someone else".
    return outcomeOf(
      new UnsupportedFormat('The recipient hash could not be computed here', {
        details: { ...facts, unavailableHashes: [...hashes.unavailable] },
      }),
      'warning',
    );
  }
  // The badge names its recipient and it is not this identity (nor any identity of this kind):
  // an OB 3.0 verifier skips identifiers of another type and fails when none matches.
  return outcomeOf(
    new RecipientMismatch(
      sameKind === 0
        ? `The badge names no ${KIND_NAMES[wanted.kind]} recipient, so it was awarded to someone else`
        : 'The badge was awarded to someone else',
      { details: facts },
    ),
    'failed',
  );
}

/** The `recipient` step every format appends: requires ['proof']; reads parsed.credential (an OB 2.0 Assertion or a VC). */

// ---------------------------------------------------------------------------------------------
// Reading the badge's identities

type IdentityKind = RecipientKind | 'id';

interface Identity {
  /** The badge's type label (`email`, `emailAddress`, `id` for a subject id), for details. */
  readonly label: string;
  readonly kind: IdentityKind | undefined;
  /** Undefined when missing, not a string, or oversized. */
  readonly value: string | undefined;
  readonly hashed: boolean;
  readonly salt: string;
}

const KIND_NAMES: Record<RecipientKind, string> = {
  email: 'email address',
  url: 'URL',
  telephone: 'telephone number',
  did: 'DID',
};

/** Type labels of OB 2.0 (`email`, `url`, `telephone`, schema.org IRIs) and OB 3.0 (`emailAddress`, extensions). */
function kindOfLabel(label: string): IdentityKind | undefined {
  const name = label.replace(/^(?:https?:\/\/schema\.org\/|schema:|ext:)/i, '').toLowerCase();
  switch (name) {
    case 'email':
    case 'emailaddress':
      return 'email';
    case 'url':
      return 'url';
    case 'telephone':
    case 'phone':
    case 'phonenumber':
      return 'telephone';
    case 'did':
      return 'did';
    case 'id':
      return 'id';
    default:
      return undefined;
  }
}

function labelOf(value: unknown): string {
  const label = stringOf(value);
  return label && label.length <= MAX_LABEL ? label : '(unknown)';
}

/** `hashed` is a Boolean in both specs; the strings "true"/"false" are read as such. */
function hashedFlag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const flag = value.trim().toLowerCase();
    if (flag === 'true') return true;
    if (flag === 'false') return false;
  }
  return undefined;
}

/** `alg$hex`: the shape of an IdentityHash, whatever the algorithm. */
const HASH_SHAPE = /^([A-Za-z0-9-]{1,16})\$([0-9A-Fa-f]+)$/;

function identityObjectOf(node: JsonObject, typeKey: string, valueKey: string): Identity {
  const label = labelOf(node[typeKey]);
  const raw = node[valueKey];
  const value = typeof raw === 'string' && raw.length > 0 && raw.length <= MAX_VALUE ? raw : undefined;
  const salt = node['salt'];
  const saltText = typeof salt === 'string' && salt.length <= MAX_SALT ? salt : '';
  // Without `hashed` (it is required, but older issuers omit it) a value of the hash shape is
  // read as hashed: no email, URL or telephone number looks like `sha256$<hex>`.
  const hashed = hashedFlag(node['hashed']) ?? (value !== undefined && HASH_SHAPE.test(value));
  const oversizedSalt = typeof salt === 'string' && salt.length > MAX_SALT;
  return {
    label,
    kind: kindOfLabel(label),
    value: oversizedSalt || (salt !== undefined && typeof salt !== 'string') ? undefined : value,
    hashed,
    salt: saltText,
  };
}

function subjectIdOf(id: unknown): Identity {
  const value = typeof id === 'string' && id.length > 0 && id.length <= MAX_VALUE ? id : undefined;
  return { label: 'id', kind: 'id', value, hashed: false, salt: '' };
}

/** At most MAX_IDENTITIES identities, in document order: the OB 2.0 recipient, then each subject's id and identifiers. */
function identitiesOf(credential: JsonObject): { identities: Identity[]; ignored: number } {
  const found: Identity[] = [];
  let seen = 0;
  const add = (make: () => Identity) => {
    seen++;
    if (found.length < MAX_IDENTITIES) found.push(make());
  };
  const recipient = credential['recipient'];
  if (isObject(recipient)) add(() => identityObjectOf(recipient, 'type', 'identity'));
  const subjects = arrayOf(credential['credentialSubject']);
  seen += Math.max(0, subjects.length - MAX_IDENTITIES);
  for (const subject of subjects.slice(0, MAX_IDENTITIES)) {
    if (typeof subject === 'string') {
      add(() => subjectIdOf(subject));
      continue;
    }
    if (!isObject(subject)) continue;
    if (subject['id'] !== undefined) add(() => subjectIdOf(subject['id']));
    const identifiers = arrayOf(subject['identifier']);
    for (const entry of identifiers.slice(0, MAX_IDENTITIES)) {
      if (isObject(entry)) add(() => identityObjectOf(entry, 'identityType', 'identityHash'));
    }
    seen += Math.max(0, identifiers.length - MAX_IDENTITIES);
  }
  return { identities: found, ignored: seen - found.length };
}

// ---------------------------------------------------------------------------------------------
// Matching

interface Form {
  readonly text: string;
  readonly matched: RecipientMatch;
}

function urlOf(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function isEmailAddress(value: string): boolean {
  // One `@`; no whitespace or specials; no URI delimiters in the domain (`mailto:a@b?subject=…`).
  return value.length <= 320 && /^[^\s@<>()[\],;:"\\]+@[^\s@<>()[\],;:"\\/?#]+$/.test(value);
}

const PHONE_SEPARATORS = /[\s().-]/g;

function isTelephone(value: string): boolean {
  return /^\+?[0-9\s().-]+$/.test(value) && /[0-9]/.test(value);
}

function normalizedTelephone(value: string): string {
  return value.replace(PHONE_SEPARATORS, '');
}

/** The declared identity written the ways an issuer may have written (and hashed) it, best first. */
function formsOf(declared: DeclaredRecipient, asUri: boolean): Form[] {
  const forms: Form[] = [];
  const add = (text: string, matched: RecipientMatch) => {
    if (!forms.some((form) => form.text === text)) forms.push({ text, matched });
  };
  switch (declared.kind) {
    case 'email': {
      const prefix = asUri ? 'mailto:' : '';
      add(prefix + declared.value, 'exact');
      add(prefix + declared.value.toLowerCase(), 'lowercase');
      break;
    }
    case 'telephone': {
      const prefix = asUri ? 'tel:' : '';
      add(prefix + declared.value, 'exact');
      add(prefix + normalizedTelephone(declared.value), 'normalized');
      break;
    }
    case 'url': {
      add(declared.value, 'exact');
      const url = urlOf(declared.value);
      if (url) {
        add(url.href, 'normalized');
        // `https://example.org` normalises to `https://example.org/`; issuers hash either.
        if (url.pathname === '/' && !url.search && !url.hash) add(url.href.slice(0, -1), 'normalized');
      }
      break;
    }
    case 'did':
      add(declared.value, 'exact');
      break;
  }
  return forms;
}

/** A plain (unhashed) value in its canonical form for `kind`, for comparison only. */
function canonical(kind: RecipientKind, value: string): string {
  switch (kind) {
    case 'email':
      return value.toLowerCase();
    case 'telephone':
      return normalizedTelephone(value);
    case 'url':
      return urlOf(value)?.href ?? value;
    case 'did':
      return value;
  }
}

async function matchIdentity(
  wanted: DeclaredRecipient,
  identity: Identity,
  hashes: Hashes,
  unsupportedHashes: Set<string>,
): Promise<RecipientMatch | 'no' | 'other-kind'> {
  const value = identity.value!;
  if (!identity.hashed) {
    // A plain identity: an `id` (subject id, or an OB 2.0 `id` type) is a URI whose scheme says its kind.
    let kind = identity.kind;
    let plain = value;
    if (kind === 'id') {
      const parsed = parseDeclaredRecipient(value);
      if (!parsed) return 'other-kind';
      kind = parsed.kind;
      plain = parsed.value;
    } else if (kind === 'email') {
      plain = plain.replace(/^mailto:/i, '');
    } else if (kind === 'telephone') {
      plain = plain.replace(/^tel:/i, '');
    }
    if (kind !== wanted.kind) return 'other-kind';
    const direct = formsOf(wanted, false).find((form) => form.text === plain);
    if (direct) return direct.matched;
    if (kind !== 'did' && canonical(kind, plain) === canonical(kind, wanted.value)) {
      return kind === 'email' ? 'lowercase' : 'normalized';
    }
    return 'no';
  }

  if (identity.kind !== wanted.kind && identity.kind !== 'id') return 'other-kind';
  const shape = HASH_SHAPE.exec(value);
  const algorithm = shape?.[1]?.toLowerCase();
  const hex = shape?.[2]?.toLowerCase();
  if (!algorithm || !hex) {
    unsupportedHashes.add('(malformed)');
    return 'no';
  }
  if (algorithm !== 'sha256' && algorithm !== 'md5') {
    unsupportedHashes.add(algorithm);
    return 'no';
  }
  if (hex.length !== (algorithm === 'sha256' ? 64 : 32)) {
    unsupportedHashes.add('(malformed)');
    return 'no';
  }
  for (const form of formsOf(wanted, identity.kind === 'id')) {
    const digest = await hashes.hex(algorithm, form.text + identity.salt);
    if (digest === undefined) return 'no';
    if (digest === hex) return form.matched;
  }
  return 'no';
}

// ---------------------------------------------------------------------------------------------
// Hashing: SHA-256 with WebCrypto; MD5 (not in WebCrypto), and SHA-256 where WebCrypto is absent
// (an insecure context), from @noble/hashes loaded only when such an identity is met.

type HashAlgorithm = 'sha256' | 'md5';
type Digest = (bytes: Uint8Array<ArrayBuffer>) => Promise<Uint8Array> | Uint8Array;

async function loadDigest(algorithm: HashAlgorithm): Promise<Digest> {
  if (algorithm === 'md5') {
    const { md5 } = await import('@noble/hashes/legacy.js');
    return (bytes) => md5(bytes);
  }
  const subtle = globalThis.crypto?.subtle;
  if (subtle) return async (bytes) => new Uint8Array(await subtle.digest('SHA-256', bytes));
  const { sha256 } = await import('@noble/hashes/sha2.js');
  return (bytes) => sha256(bytes);
}

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Digests for one check run; an algorithm whose code cannot be loaded is remembered as unavailable. */
class Hashes {
  readonly unavailable = new Set<HashAlgorithm>();
  readonly #digests = new Map<HashAlgorithm, Promise<Digest | undefined>>();

  async hex(algorithm: HashAlgorithm, text: string): Promise<string | undefined> {
    let digest = this.#digests.get(algorithm);
    if (!digest) {
      digest = loadDigest(algorithm).catch(() => undefined);
      this.#digests.set(algorithm, digest);
    }
    const run = await digest;
    try {
      if (run) return toHex(await run(new TextEncoder().encode(text)));
    } catch {
      // fall through: a digest that throws is as good as missing
    }
    this.unavailable.add(algorithm);
    return undefined;
  }
}
