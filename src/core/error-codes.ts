import type { BadgeErrorCode } from './errors.js';

/**
 * Every `BadgeErrorCode`, at run time, for tests and tools that must cover each one (the English
 * sentences, the conformance reasons). A record, not a list, so that a code missing here or one
 * the union does not have is a compile error. Nothing in the verifier imports it: it costs no
 * page a byte.
 */
const EVERY_CODE: Readonly<Record<BadgeErrorCode, true>> = {
  ERR_OB_MALFORMED: true,
  ERR_OB_NOT_A_BADGE: true,
  ERR_OB_UNSUPPORTED: true,
  ERR_OB_FETCH_FAILED: true,
  ERR_OB_FETCH_TIMEOUT: true,
  ERR_OB_TOO_LARGE: true,
  ERR_OB_FETCH_CONTENT_TYPE: true,
  ERR_OB_FETCH_REFUSED: true,
  ERR_OB_ABORTED: true,
  ERR_OB_JOSE_ALG_NOT_ALLOWED: true,
  ERR_OB_JOSE_CRIT_UNSUPPORTED: true,
  ERR_OB_JOSE_HEADER_INVALID: true,
  ERR_OB_KEY_UNRESOLVABLE: true,
  ERR_OB_KEY_UNREACHABLE: true,
  ERR_OB_KEY_NOT_ISSUERS: true,
  ERR_OB_DID_INVALID: true,
  ERR_OB_DID_METHOD_UNSUPPORTED: true,
  ERR_OB_SIGNATURE_INVALID: true,
  ERR_OB_ISSUER_MISMATCH: true,
  ERR_OB_CLAIM_MISMATCH: true,
  ERR_OB_EXPIRED: true,
  ERR_OB_NOT_YET_VALID: true,
  ERR_OB_REVOKED: true,
  ERR_OB_SUSPENDED: true,
  ERR_OB_STATUS_UNCHECKED: true,
  ERR_OB_STATUS_UNAVAILABLE: true,
  ERR_OB_STATUS_TOO_MANY: true,
  ERR_OB_STATUS_LIST_INVALID: true,
  ERR_OB_STATUS_INDEX_OUT_OF_RANGE: true,
  ERR_OB_CONTEXT_UNKNOWN: true,
  ERR_OB_JSONLD_UNSAFE: true,
  ERR_OB_JSONLD_LIMIT: true,
  ERR_OB_PROOF_INVALID: true,
  ERR_OB_CRYPTOSUITE_UNSUPPORTED: true,
  ERR_OB_FETCH_CORS: true,
  ERR_OB_SCHEMA_INVALID: true,
  ERR_OB_OUTSIDE_ISSUER_SCOPE: true,
  ERR_OB_IMAGE_NOT_BAKED: true,
  ERR_OB_IMAGE_CORRUPT: true,
  ERR_OB_IMAGE_AMBIGUOUS: true,
  ERR_OB_RECIPIENT_MISMATCH: true,
  ERR_OB_ENDORSEMENT_MISMATCH: true,
  ERR_OB_PRESENTATION_UNSIGNED: true,
  ERR_OB_HOLDER_MISMATCH: true,
  ERR_OB_NOT_A_CREDENTIAL: true,
  ERR_OB_PRESENTED_UNVERIFIED: true,
  ERR_OB_PRESENTATION_EMPTY: true,
};

export const BADGE_ERROR_CODES: readonly BadgeErrorCode[] = Object.freeze(Object.keys(EVERY_CODE) as BadgeErrorCode[]);
