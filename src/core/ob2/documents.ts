import type { BadgeError } from '../errors.js';
import {
  ContextUnknown,
  CredentialExpired,
  CredentialNotYetValid,
  NotABadge,
  SchemaInvalid,
  UnsupportedFormat,
} from '../errors.js';
import { arrayOf, isObject, stringOf, type JsonObject } from '../lib/json.js';
import type { StepOutcome, VerifyContext } from '../plugin.js';
import { contextKindOf } from './detect.js';

/**
 * Open Badges 2.0 documents (Assertion, BadgeClass, Profile, CryptographicKey, RevocationList):
 * how they are recognised, and the data validation the 2.0 specification makes part of
 * verification ("each Badge Object contains all required properties for its class … of the
 * expected data type"). OB 2.0 is verified on its JSON, not as linked data: its contexts are
 * never expanded, so they only have to name Open Badges.
 */

/** The node names used in messages ("The BadgeClass has no name"). */
export type Ob2NodeKind = 'Assertion' | 'BadgeClass' | 'Profile' | 'CryptographicKey' | 'RevocationList';

function invalid(node: Ob2NodeKind, property: string, problem: string, id?: string): BadgeError {
  return new SchemaInvalid(`The ${node}'s ${property} ${problem}`, {
    details: { node, property, ...(id ? { id } : {}) },
  });
}

/** An IRI as OB 2.0 uses them: an absolute URI with a scheme (http(s), urn, did, data …). */
export function isIri(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\S+$/i.test(value);
}

export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** ISO 8601 with a time and a zone, as OB 2.0 requires of every DateTime. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

export function dateTimeOf(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !DATE_TIME.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function requireType(node: JsonObject, kind: Ob2NodeKind, accepted: readonly string[]): void {
  const types = arrayOf(node['type']);
  if (types.length === 0) throw invalid(kind, 'type', 'is missing', stringOf(node['id']));
  if (!types.some((type) => typeof type === 'string' && accepted.includes(type))) {
    throw new NotABadge(`Expected a ${kind}, found type ${JSON.stringify(node['type'])}`, {
      details: { node: kind, type: types.map(String).slice(0, 5) },
    });
  }
}

function requireText(node: JsonObject, kind: Ob2NodeKind, property: string): void {
  const value = node[property];
  if (value === undefined) throw invalid(kind, property, 'is missing', stringOf(node['id']));
  if (typeof value !== 'string' || value.trim() === '')
    throw invalid(kind, property, 'is not text', stringOf(node['id']));
}

/** A property that is an IRI or an embedded node with one (`@id` type in the 2.0 context). */
function requireReference(node: JsonObject, kind: Ob2NodeKind, property: string, { optional = false } = {}): void {
  const value = node[property];
  if (value === undefined) {
    if (optional) return;
    throw invalid(kind, property, 'is missing', stringOf(node['id']));
  }
  if (isIri(value) || isObject(value)) return;
  throw invalid(kind, property, 'is neither an IRI nor an embedded document', stringOf(node['id']));
}

function requireId(node: JsonObject, kind: Ob2NodeKind): string {
  const id = node['id'];
  if (id === undefined) throw invalid(kind, 'id', 'is missing');
  if (!isIri(id)) throw invalid(kind, 'id', 'is not an IRI');
  return id;
}

/** An image: an IRI (or a data URI where allowed) or an Image node with an `id`. */
function imageIdOf(value: unknown): unknown {
  return isObject(value) ? value['id'] : value;
}

/**
 * The Assertion's own rules. A revoked one needs only `id` and `revoked` (OB 2.0: "If revoked is
 * true, only revoked and id are required").
 */
export function validateAssertion(assertion: JsonObject): void {
  const context = contextKindOf(assertion);
  if (context === 'ob1' || (context === 'none' && assertion['uid'] !== undefined)) {
    // 1.0 and 1.1 already required an IdentityObject; a bare string is 0.5's shape, wrong in 1.x.
    if (context === 'ob1' || isObject(assertion['verify'])) {
      if (!isObject(assertion['recipient'])) throw invalid('Assertion', 'recipient', 'is not an IdentityObject');
    }
    throw new UnsupportedFormat('Open Badges 1.x assertions are not supported; only 2.0 and 3.0', {
      details: { node: 'Assertion', version: '1.x' },
    });
  }
  if (context !== 'ob2') {
    throw new ContextUnknown('The assertion does not use the Open Badges 2.0 context', {
      details: { context: JSON.stringify(assertion['@context'] ?? null).slice(0, 200) },
    });
  }
  const id = requireId(assertion, 'Assertion');
  if (assertion['revoked'] !== undefined && typeof assertion['revoked'] !== 'boolean') {
    throw invalid('Assertion', 'revoked', 'is not a boolean', id);
  }
  if (assertion['revoked'] === true) return;
  requireType(assertion, 'Assertion', ['Assertion']);
  const recipient = assertion['recipient'];
  if (!isObject(recipient)) throw invalid('Assertion', 'recipient', 'is not an IdentityObject', id);
  if (typeof recipient['identity'] !== 'string') throw invalid('Assertion', 'recipient.identity', 'is not text', id);
  if (typeof recipient['type'] !== 'string') throw invalid('Assertion', 'recipient.type', 'is not text', id);
  if (typeof recipient['hashed'] !== 'boolean') throw invalid('Assertion', 'recipient.hashed', 'is not a boolean', id);
  if (recipient['salt'] !== undefined && typeof recipient['salt'] !== 'string') {
    throw invalid('Assertion', 'recipient.salt', 'is not text', id);
  }
  requireReference(assertion, 'Assertion', 'badge');
  const verification = verificationOf(assertion);
  if (!isObject(verification)) throw invalid('Assertion', 'verification', 'is missing', id);
  if (verificationTypeOf(assertion) === undefined) {
    throw invalid('Assertion', 'verification.type', 'is neither HostedBadge nor SignedBadge', id);
  }
  if (dateTimeOf(assertion['issuedOn']) === undefined) {
    throw invalid('Assertion', 'issuedOn', 'is not an ISO 8601 date and time with a time zone', id);
  }
  if (assertion['expires'] !== undefined && dateTimeOf(assertion['expires']) === undefined) {
    throw invalid('Assertion', 'expires', 'is not an ISO 8601 date and time with a time zone', id);
  }
  // The Assertion's image is the baked image "prepared via the Baking specification" at a URL;
  // an inline data: URI is allowed on a BadgeClass, not here.
  const image = imageIdOf(assertion['image']);
  if (assertion['image'] !== undefined && !isHttpUrl(image)) {
    throw invalid('Assertion', 'image', 'is not an http(s) URL', id);
  }
  if (assertion['narrative'] !== undefined && typeof assertion['narrative'] !== 'string') {
    throw invalid('Assertion', 'narrative', 'is not text', id);
  }
}

export function validateBadgeClass(badgeClass: JsonObject): void {
  requireId(badgeClass, 'BadgeClass');
  requireType(badgeClass, 'BadgeClass', ['BadgeClass']);
  requireText(badgeClass, 'BadgeClass', 'name');
  requireText(badgeClass, 'BadgeClass', 'description');
  requireReference(badgeClass, 'BadgeClass', 'image');
  const image = imageIdOf(badgeClass['image']);
  if (!isIri(image)) throw invalid('BadgeClass', 'image', 'has no IRI', stringOf(badgeClass['id']));
  const criteria = badgeClass['criteria'];
  if (criteria === undefined) throw invalid('BadgeClass', 'criteria', 'is missing', stringOf(badgeClass['id']));
  if (!isIri(criteria) && !isObject(criteria)) {
    throw invalid('BadgeClass', 'criteria', 'is neither a URL nor a Criteria document', stringOf(badgeClass['id']));
  }
  requireReference(badgeClass, 'BadgeClass', 'issuer');
}

/** An issuer Profile: "when used as a badge issuer, id, type, name, url and email are required" (OB 2.0 §Profile). */
export function validateIssuerProfile(profile: JsonObject): void {
  requireId(profile, 'Profile');
  requireType(profile, 'Profile', ['Issuer', 'Profile']);
  requireText(profile, 'Profile', 'name');
  requireText(profile, 'Profile', 'url');
  requireText(profile, 'Profile', 'email');
}

export function validateCryptographicKey(key: JsonObject): void {
  requireId(key, 'CryptographicKey');
  requireType(key, 'CryptographicKey', ['CryptographicKey']);
  requireText(key, 'CryptographicKey', 'publicKeyPem');
  requireReference(key, 'CryptographicKey', 'owner');
}

export function validateRevocationList(list: JsonObject): void {
  requireType(list, 'RevocationList', ['RevocationList']);
  const revoked = list['revokedAssertions'];
  if (revoked !== undefined && !Array.isArray(revoked) && typeof revoked !== 'string' && !isObject(revoked)) {
    throw invalid('RevocationList', 'revokedAssertions', 'is not a list', stringOf(list['id']));
  }
}

/** `verification`, or its alias `verify` from the 2.0 context. */
export function verificationOf(assertion: JsonObject): unknown {
  return assertion['verification'] ?? assertion['verify'];
}

/** How the assertion says it is verified: by its hosted copy or by its signature. */
export function verificationTypeOf(assertion: JsonObject): 'hosted' | 'signed' | undefined {
  const verification = verificationOf(assertion);
  const types = isObject(verification) ? arrayOf(verification['type']) : [];
  if (types.some((type) => type === 'HostedBadge' || type === 'hosted')) return 'hosted';
  if (types.some((type) => type === 'SignedBadge' || type === 'signed')) return 'signed';
  return undefined;
}

/**
 * `issuedOn` not in the future, `expires` not passed (OB 2.0 §Verification: "the Assertion has
 * not expired"), with the verifier's clock tolerance. Details use the same names as VC validity.
 */
export function checkAssertionDates(assertion: JsonObject, context: VerifyContext): StepOutcome {
  const issuedOn = dateTimeOf(assertion['issuedOn']);
  const expires = dateTimeOf(assertion['expires']);
  const details = {
    validFrom: issuedOn?.toISOString(),
    validUntil: expires?.toISOString(),
    now: context.now.toISOString(),
    clockToleranceSeconds: context.clockToleranceSeconds,
  };
  const tolerance = context.clockToleranceSeconds * 1000;
  const now = context.now.getTime();
  if (expires && now - tolerance > expires.getTime()) {
    throw new CredentialExpired(`The assertion expired on ${expires.toISOString()}`, { details });
  }
  if (issuedOn && now + tolerance < issuedOn.getTime()) {
    throw new CredentialNotYetValid(`The assertion is dated in the future (${issuedOn.toISOString()})`, { details });
  }
  return {
    status: 'passed',
    message: expires ? `Valid until ${expires.toISOString()}` : 'Valid, with no expiry date',
    details,
  };
}
