/**
 * Every way a badge can fail verification has a stable `ERR_OB_*` code and a class.
 * Checks carry the code (data, serializable); components map codes to localized text.
 * Only programmer mistakes throw `TypeError`; these errors never escape `verify()`.
 */
// The codes are listed in error-codes.ts, which imports nothing: lib/error-class.ts needs them too.
import type { BadgeErrorCode } from './error-codes.js';
export type { BadgeErrorCode };

export { BadgeError } from './lib/error-class.js';
import { BadgeError, define } from './lib/error-class.js';

export const MalformedInput = define('ERR_OB_MALFORMED', 'The input could not be parsed', 'MalformedInput');
export const NotABadge = define('ERR_OB_NOT_A_BADGE', 'The input is not a badge or credential', 'NotABadge');
export const UnsupportedFormat = define(
  'ERR_OB_UNSUPPORTED',
  'This kind of badge is not supported',
  'UnsupportedFormat',
);
export const FetchFailed = define('ERR_OB_FETCH_FAILED', 'The document could not be fetched', 'FetchFailed');
export const FetchTimeout = define('ERR_OB_FETCH_TIMEOUT', 'The document took too long to fetch', 'FetchTimeout');
export const TooLarge = define(
  'ERR_OB_TOO_LARGE',
  'The badge or a document it needs is larger than allowed',
  'TooLarge',
);
export const FetchContentType = define(
  'ERR_OB_FETCH_CONTENT_TYPE',
  'The document has an unexpected content type',
  'FetchContentType',
);
export const FetchRefused = define('ERR_OB_FETCH_REFUSED', 'Fetching this URL is not allowed', 'FetchRefused');
export const Aborted = define('ERR_OB_ABORTED', 'Verification was aborted', 'Aborted');
export const JoseAlgNotAllowed = define(
  'ERR_OB_JOSE_ALG_NOT_ALLOWED',
  'The signature algorithm is not allowed',
  'JoseAlgNotAllowed',
);
export const JoseCritUnsupported = define(
  'ERR_OB_JOSE_CRIT_UNSUPPORTED',
  'The token requires an unsupported extension',
  'JoseCritUnsupported',
);
export const JoseHeaderInvalid = define(
  'ERR_OB_JOSE_HEADER_INVALID',
  'The token header is invalid',
  'JoseHeaderInvalid',
);
export const KeyUnresolvable = define(
  'ERR_OB_KEY_UNRESOLVABLE',
  'The signing key could not be found',
  'KeyUnresolvable',
);
export const KeyUnreachable = define(
  'ERR_OB_KEY_UNREACHABLE',
  "The issuer's keys could not be reached",
  'KeyUnreachable',
);
export const KeyNotIssuers = define(
  'ERR_OB_KEY_NOT_ISSUERS',
  'The signing key does not belong to the issuer',
  'KeyNotIssuers',
);
export const DidInvalid = define('ERR_OB_DID_INVALID', 'The DID is malformed', 'DidInvalid');
export const DidMethodUnsupported = define(
  'ERR_OB_DID_METHOD_UNSUPPORTED',
  'This DID method is not supported',
  'DidMethodUnsupported',
);
export const SignatureInvalid = define(
  'ERR_OB_SIGNATURE_INVALID',
  'The signature does not match the content',
  'SignatureInvalid',
);
export const IssuerMismatch = define(
  'ERR_OB_ISSUER_MISMATCH',
  'The token issuer differs from the credential issuer',
  'IssuerMismatch',
);
export const ClaimMismatch = define(
  'ERR_OB_CLAIM_MISMATCH',
  'A token claim contradicts the credential',
  'ClaimMismatch',
);
export const CredentialExpired = define('ERR_OB_EXPIRED', 'The credential has expired', 'CredentialExpired');
export const CredentialNotYetValid = define(
  'ERR_OB_NOT_YET_VALID',
  'The credential is not valid yet',
  'CredentialNotYetValid',
);
export const CredentialRevoked = define('ERR_OB_REVOKED', 'The credential has been revoked', 'CredentialRevoked');
export const StatusUnchecked = define(
  'ERR_OB_STATUS_UNCHECKED',
  'The credential status could not be checked',
  'StatusUnchecked',
);
export const StatusUnavailable = define(
  'ERR_OB_STATUS_UNAVAILABLE',
  'The status list could not be retrieved',
  'StatusUnavailable',
);
export const StatusTooMany = define(
  'ERR_OB_STATUS_TOO_MANY',
  'The credential names more status entries than are checked',
  'StatusTooMany',
);

export const StatusListInvalid = define(
  'ERR_OB_STATUS_LIST_INVALID',
  'The status list is not a valid list from this issuer',
  'StatusListInvalid',
);
export const ContextUnknown = define(
  'ERR_OB_CONTEXT_UNKNOWN',
  'The credential uses a JSON-LD context this verifier does not know',
  'ContextUnknown',
);
export const ProofInvalid = define('ERR_OB_PROOF_INVALID', 'The proof is malformed or not usable here', 'ProofInvalid');

export const FetchCorsBlocked = define(
  'ERR_OB_FETCH_CORS',
  "The issuer's server does not let browsers check this badge",
  'FetchCorsBlocked',
);
export const SchemaInvalid = define(
  'ERR_OB_SCHEMA_INVALID',
  'A badge document lacks a required property or has one of the wrong type',
  'SchemaInvalid',
);

export type AnyBadgeError = BadgeError<BadgeErrorCode>;

export function isBadgeError(value: unknown): value is AnyBadgeError {
  return value instanceof BadgeError;
}

/** Whether `value` is an abort (`ERR_OB_ABORTED`): never a fact about the badge, so it is passed on, not judged. */
export function isAbortError(value: unknown): boolean {
  return value instanceof BadgeError && value.code === 'ERR_OB_ABORTED';
}
