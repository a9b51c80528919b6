// Maps a VerificationResult to the conformance corpus's vocabulary (test/conformance/README.md):
// the verdict, and the first failing reason in the corpus's order. Shared by the browser
// conformance test and the CLI conformance run so both score the same way.

/** The corpus's order: parsing → key resolution → signature → issuer → dates → status → schema. */
export const REASON_ORDER = [
  'malformed',
  'not-a-badge',
  'unsupported',
  'unresolvable-key',
  'tampered',
  'bad-signature',
  'bad-issuer',
  'expired',
  'not-yet-valid',
  'revoked',
  'suspended',
  'status-unavailable',
  'schema-invalid',
];

const BY_CODE = {
  ERR_OB_MALFORMED: 'malformed',
  ERR_OB_JOSE_HEADER_INVALID: 'malformed',
  ERR_OB_JOSE_CRIT_UNSUPPORTED: 'malformed',
  ERR_OB_JOSE_ALG_NOT_ALLOWED: 'unsupported',
  ERR_OB_NOT_A_BADGE: 'not-a-badge',
  ERR_OB_UNSUPPORTED: 'unsupported',
  ERR_OB_KEY_UNRESOLVABLE: 'unresolvable-key',
  ERR_OB_DID_INVALID: 'unresolvable-key',
  ERR_OB_DID_METHOD_UNSUPPORTED: 'unresolvable-key',
  ERR_OB_SIGNATURE_INVALID: 'bad-signature',
  ERR_OB_KEY_NOT_ISSUERS: 'bad-issuer',
  ERR_OB_ISSUER_MISMATCH: 'bad-issuer',
  ERR_OB_CLAIM_MISMATCH: 'bad-issuer',
  ERR_OB_EXPIRED: 'expired',
  ERR_OB_NOT_YET_VALID: 'not-yet-valid',
  ERR_OB_REVOKED: 'revoked',
  ERR_OB_SUSPENDED: 'suspended',
  ERR_OB_STATUS_UNCHECKED: 'status-unavailable',
  ERR_OB_STATUS_UNAVAILABLE: 'status-unavailable',
  ERR_OB_STATUS_LIST_INVALID: 'status-unavailable',
  ERR_OB_STATUS_INDEX_OUT_OF_RANGE: 'status-unavailable',
  ERR_OB_CONTEXT_UNKNOWN: 'malformed',
  ERR_OB_JSONLD_UNSAFE: 'malformed',
  ERR_OB_JSONLD_LIMIT: 'malformed',
  ERR_OB_PROOF_INVALID: 'malformed',
  ERR_OB_CRYPTOSUITE_UNSUPPORTED: 'unsupported',
};

/** Fetch failures mean "the thing needed could not be had": for a key that is an unresolvable key. */
function reasonOfCheck(check) {
  if (check.code && BY_CODE[check.code]) return BY_CODE[check.code];
  if (check.code && check.code.startsWith('ERR_OB_FETCH_')) {
    if (check.id === 'status') return 'status-unavailable';
    if (check.id === 'format') return 'malformed';
    return 'unresolvable-key';
  }
  return 'malformed';
}

/** `{ verified, reason }` for a result, in the corpus's terms. */
export function conformanceVerdict(result) {
  if (result.verified) return { verified: true, reason: 'valid' };
  const reasons = result.checks
    .filter((check) => check.status === 'failed' || check.status === 'warning')
    .map(reasonOfCheck);
  reasons.sort((a, b) => REASON_ORDER.indexOf(a) - REASON_ORDER.indexOf(b));
  return { verified: false, reason: reasons[0] ?? 'malformed' };
}

/**
 * `tampered` and `bad-signature` are one failure to a verifier: the bytes and signature disagree.
 * A case's `detail` may name other reasons it accepts ("Also acceptable: schema-invalid / malformed").
 */
export function sameReason(expected, actual, detail = '') {
  const fold = (reason) =>
    reason === 'tampered' ? 'bad-signature' : reason === 'valid-with-warning' ? 'valid' : reason;
  const also = /Also acceptable: ([a-z-]+(?: \/ [a-z-]+)*)/.exec(detail)?.[1]?.split(' / ') ?? [];
  return [expected, ...also].some((reason) => fold(reason) === fold(actual));
}

/** Formats this version verifies; the rest of the corpus is reported as not yet supported. */
export const SUPPORTED_FORMATS = ['ob3-jwt', 'ob3-json', 'status-list'];
