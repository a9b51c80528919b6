// @ts-check
// Maps a VerificationResult to the conformance corpus's vocabulary (test/conformance/README.md):
// the verdict, and the first failing reason in the corpus's order. Shared by the browser
// conformance test and the CLI conformance run so both score the same way.

/**
 * @import { BadgeErrorCode } from '../src/core/errors.js'
 * @import { Check, VerificationResult } from '../src/core/result.js'
 */

/**
 * A reason in the corpus's vocabulary: one of REASON_ORDER, or `valid`.
 * @typedef {(typeof REASON_ORDER)[number] | 'valid'} ConformanceReason
 */

/**
 * How we scored a result: the corpus's `{ verified, reason }`, and our own answer beside it (the
 * verdict, and the code of the check that gave `reason`).
 * @typedef {{ verified: boolean, reason: ConformanceReason, verdict: VerificationResult['verdict'], code: BadgeErrorCode | undefined }} ConformanceAnswer
 */

/**
 * A known difference: the answer this verifier gives, pinned, and why.
 * @typedef {{ readonly verdict: 'unverified' | 'unknown', readonly code: BadgeErrorCode, readonly reason: string }} KnownDifference
 */

/** The corpus's order: parsing → key resolution → signature → issuer → dates → status → schema. */
export const REASON_ORDER = /** @type {const} */ ([
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
]);

/**
 * The corpus reason of each code. Fetch failures are absent: what they mean depends on what
 * could not be fetched (`reasonOfCheck`); so are codes no corpus case can raise (aborted, too
 * large, an unreachable key), which count as malformed.
 * @type {Readonly<Partial<Record<BadgeErrorCode, (typeof REASON_ORDER)[number]>>>}
 */
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
  ERR_OB_SCHEMA_INVALID: 'schema-invalid',
  ERR_OB_OUTSIDE_ISSUER_SCOPE: 'bad-issuer',
  ERR_OB_IMAGE_NOT_BAKED: 'not-a-badge',
  ERR_OB_IMAGE_CORRUPT: 'malformed',
  ERR_OB_IMAGE_AMBIGUOUS: 'malformed',
  ERR_OB_RECIPIENT_MISMATCH: 'bad-issuer',
  ERR_OB_ENDORSEMENT_MISMATCH: 'bad-issuer',
  ERR_OB_PRESENTATION_UNSIGNED: 'malformed',
  ERR_OB_HOLDER_MISMATCH: 'bad-issuer',
  ERR_OB_NOT_A_CREDENTIAL: 'not-a-badge',
  ERR_OB_PRESENTATION_EMPTY: 'not-a-badge',
  // Ranked last: a consequence of the credentials inside, each judged (and scored) on its own.
  ERR_OB_PRESENTED_UNVERIFIED: 'schema-invalid',
};

/**
 * Fetch failures mean "the thing needed could not be had": for a key that is an unresolvable key.
 * @param {Check} check
 * @returns {(typeof REASON_ORDER)[number]}
 */
function reasonOfCheck(check) {
  const byCode = check.code && BY_CODE[check.code];
  if (byCode) return byCode;
  if (check.code && check.code.startsWith('ERR_OB_FETCH_')) {
    if (check.id === 'status') return 'status-unavailable';
    if (check.id === 'format') return 'malformed';
    return 'unresolvable-key';
  }
  return 'malformed';
}

/**
 * A signature checked with the key written in a `<URL>#z6Mk…` fragment that the issuer does not
 * publish (corpus README, convention 1). The corpus names that case `unresolvable-key` only when
 * nothing else is wrong: a revoked or expired one is labelled by that instead. Scored the same way.
 * @param {Check} check
 */
function isUnpublishedFragmentKey(check) {
  return (
    check.id === 'issuer' &&
    check.code === 'ERR_OB_KEY_UNRESOLVABLE' &&
    check.details?.keySource === 'multikey-fragment'
  );
}

/**
 * `{ verified, reason }` for a result, in the corpus's terms, with our own answer beside it: the
 * `verdict` and the `code` of the problem that gave the reason (what KNOWN_DIFFERENCES pins).
 * @param {Pick<VerificationResult, 'verified' | 'verdict' | 'checks'>} result
 * @returns {ConformanceAnswer}
 */
export function conformanceVerdict(result) {
  if (result.verified) return { verified: true, reason: 'valid', verdict: result.verdict, code: undefined };
  const problems = result.checks.filter((check) => check.status === 'failed' || check.status === 'warning');
  /** @param {Check} check */
  const rank = (check) => REASON_ORDER.indexOf(reasonOfCheck(check)) + (isUnpublishedFragmentKey(check) ? 100 : 0);
  problems.sort((a, b) => rank(a) - rank(b));
  const first = problems[0];
  return {
    verified: false,
    reason: first ? reasonOfCheck(first) : 'malformed',
    verdict: result.verdict,
    code: first?.code,
  };
}

/**
 * `tampered` and `bad-signature` are one failure to a verifier: the bytes and signature disagree.
 * A case's `detail` may name other reasons it accepts ("Also acceptable: schema-invalid / malformed").
 * @param {string} expected
 * @param {string} actual
 * @param {string} [detail]
 * @returns {boolean}
 */
export function sameReason(expected, actual, detail = '') {
  /** @param {string} reason */
  const fold = (reason) =>
    reason === 'tampered' ? 'bad-signature' : reason === 'valid-with-warning' ? 'valid' : reason;
  const also = /Also acceptable: ([a-z-]+(?: \/ [a-z-]+)*)/.exec(detail)?.[1]?.split(' / ') ?? [];
  return [expected, ...also].some((reason) => fold(reason) === fold(actual));
}

// Why each known difference answers as it does (entries below name one of these or their own).
const FOREIGN_LIST =
  'the status list is a test copy served at another URL than its own id (https://testing.dcconsortium.org/status/e5WK8CbZ1GjycuPombrj), and is signed by another did:key than the badge issuer: a list counts only at the address it names as its id, and only the issuer may say "active" (ADR 0006), so the status is unknown';
const COPIED_LIST =
  "the status list is a test copy served at another URL than its own id (https://testing.dcconsortium.org/status/e5WK8CbZ1GjycuPombrj): a list counts only at the address it names as its id (else whoever serves a URL could answer with the issuer's other list), so the status is unknown, not revoked or active";
const EMPTY_PRESENTATION =
  'a presentation that carries no credential vouches for nothing (ERR_OB_PRESENTATION_EMPTY), so it is not verified; the corpus checks only its proof';
const FRAGMENT_LIST =
  "the badge and its revocation list are both signed with unpublished <URL>#z6Mk… keys: the badge is not verified (its key is not shown to be the issuer's) and the list does not verify, so the revocation it records is never read; the unreadable list is the reason given, since an unpublished fragment key counts only when nothing else is wrong (corpus README, convention 1)";

/**
 * Decidable cases in supported formats where this verifier deliberately answers otherwise: the
 * answer it gives, pinned (`verdict`, and `code`: the code of the check that gave the corpus
 * reason, see `conformanceVerdict`), and why. The browser test and the CLI run hold each to
 * exactly that answer (any change is noticed) and fail on a key the manifest no longer has. One
 * entry per case, `{ verdict, code, reason }`, so entries added on different branches merge.
 * The README lists them.
 * @type {Readonly<Record<string, KnownDifference>>}
 */
export const KNOWN_DIFFERENCES = {
  'ob3-ed25519signature2020/dcc-vctf-v1-ed25519-didkey-mixedRegistry-validStatus-noExpiry.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: FOREIGN_LIST,
  },
  'ob3-ed25519signature2020/dcc-vctf-v1-ed25519-didweb-legacy-validStatus-noExpiry.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: FOREIGN_LIST,
  },
  'ob3-ed25519signature2020/dcc-vctf-v1-ed25519-didweb-oidf-validStatus-noExpiry.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: FOREIGN_LIST,
  },
  'ob3-ed25519signature2020/dcc-verifier-core-experimentation-didWebCredential.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: FOREIGN_LIST,
  },
  'ob3-ed25519signature2020/dcc-verifier-core-v2didWebMultikeyWithValidStatus.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: FOREIGN_LIST,
  },
  'ob3-ed25519signature2020/dcc-verifier-core-v2didWebWithValidStatus.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: FOREIGN_LIST,
  },
  'ob3-eddsa-rdfc-2022/dcc-vctf-v1-dataIntegrityProof-didkey-mixedRegistry-validStatus-noExpiry.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: FOREIGN_LIST,
  },
  'ob3-eddsa-rdfc-2022/dcc-vctf-v1-dataIntegrityProof-didweb-legacy-validStatus-noExpiry.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: FOREIGN_LIST,
  },
  'ob3-eddsa-rdfc-2022/dcc-vctf-v1-dataIntegrityProof-didweb-oidf-validStatus-noExpiry.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: FOREIGN_LIST,
  },
  'ob3-multi-proof/dcc-vctf-v1-bothSignatureTypes-didkey-mixedRegistry-validStatus-noExpiry.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: FOREIGN_LIST,
  },
  'ob3-multi-proof/dcc-vctf-v1-bothSignatureTypes-didweb-legacy-validStatus-noExpiry.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: FOREIGN_LIST,
  },
  'ob3-multi-proof/dcc-vctf-v1-bothSignatureTypes-didweb-oidf-validStatus-noExpiry.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: FOREIGN_LIST,
  },
  'ob3-eddsa-rdfc-2022/1edtech-dcpv-ob30-bit-string-list__credential-status-revoked-blank-nodes.json': {
    verdict: 'unverified',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: FRAGMENT_LIST,
  },
  'ob3-eddsa-rdfc-2022/1edtech-dcpv-ob30-bit-string-list__credential-status-revoked.json': {
    verdict: 'unverified',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: FRAGMENT_LIST,
  },
  'ob3-eddsa-rdfc-2022/1edtech-dcpv-ob30-simple-err-type.json': {
    verdict: 'unverified',
    code: 'ERR_OB_JSONLD_UNSAFE',
    reason:
      'its type "OtherCredential" is no term of its contexts: JSON-LD safe mode refuses the undefined @type before the signature is checked (malformed, where the corpus says not-a-badge; it notes the signature does not match either)',
  },
  'ob3-multi-proof/1edtech-dcpv-ob30-simple-multiple-proofs.json': {
    verdict: 'unverified',
    code: 'ERR_OB_KEY_UNRESOLVABLE',
    reason:
      "a proof set needs one valid proof from the issuer, so the second proof's unknown type \"SomeProofType\" is no failure; the valid eddsa-rdfc-2022 proof's key is an unpublished <URL>#z6Mk… fragment, not shown to be the issuer's (the corpus says unsupported)",
  },
  'clr/1edtech-dcpv-clr20-simple_v1.json': {
    verdict: 'unverified',
    code: 'ERR_OB_KEY_UNRESOLVABLE',
    reason:
      "the issuer is a urn:uuid and its key is only written in the verification method fragment (urn:uuid:…#z6Mk…): anyone can write that urn with their own key, so the key is not shown to be the issuer's",
  },
  'ob3-ecdsa-sd-2023/1edtech-dcpv-ob30-sd__derivedcredential.json': {
    verdict: 'unverified',
    code: 'ERR_OB_CRYPTOSUITE_UNSUPPORTED',
    reason:
      'ecdsa-sd-2023 (selective disclosure) is not supported yet: unsupported, where the corpus expects unresolvable-key for its <URL>#z6Mk… fragment key',
  },
  'ob3-ed25519signature2020/dcc-vctf-v1-ed25519-didweb-legacy-revokedStatus-noExpiry.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: COPIED_LIST,
  },
  'ob3-ed25519signature2020/dcc-vctf-v1-ed25519-didweb-oidf-revokedStatus-noExpiry.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: COPIED_LIST,
  },
  'ob3-ed25519signature2020/dcc-vctf-v2-ed25519-didkey-noRegistry-revokedStatus-notExpired.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: COPIED_LIST,
  },
  'ob3-ed25519signature2020/dcc-vctf-v2-ed25519-didkey-oidf-revokedStatus-noExpiry.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: COPIED_LIST,
  },
  'ob3-ed25519signature2020/dcc-vctf-v2-ed25519-didweb-legacy-revokedStatus-noExpiry.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: COPIED_LIST,
  },
  'ob3-ed25519signature2020/dcc-verifier-core-v1Revoked.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: COPIED_LIST,
  },
  'ob3-ed25519signature2020/dcc-verifier-core-v1WithValidStatus.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: COPIED_LIST,
  },
  'ob3-ed25519signature2020/dcc-verifier-core-v2Revoked.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: COPIED_LIST,
  },
  'ob3-ed25519signature2020/dcc-verifier-core-v2WithValidStatus.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: COPIED_LIST,
  },
  'ob3-eddsa-rdfc-2022/dcc-vctf-v1-dataIntegrityProof-didweb-legacy-revokedStatus-noExpiry.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: COPIED_LIST,
  },
  'ob3-eddsa-rdfc-2022/dcc-vctf-v1-dataIntegrityProof-didweb-oidf-revokedStatus-noExpiry.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: COPIED_LIST,
  },
  'ob3-eddsa-rdfc-2022/dcc-vctf-v2-dataIntegrityProof-didkey-noRegsitry-revokedStatus-notExpired.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: COPIED_LIST,
  },
  'ob3-eddsa-rdfc-2022/dcc-vctf-v2-dataIntegrityProof-didkey-oidf-revokedStatus-noExpiry.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: COPIED_LIST,
  },
  'ob3-eddsa-rdfc-2022/dcc-vctf-v2-dataIntegrityProof-didweb-legacy-revokedStatus-noExpiry.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: COPIED_LIST,
  },
  'ob3-eddsa-rdfc-2022/dcc-verifier-core-v2EddsaWithValidStatus.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: COPIED_LIST,
  },
  'ob3-multi-proof/dcc-vctf-v1-bothSignatureTypes-didweb-legacy-revokedStaus-noExpiry.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: COPIED_LIST,
  },
  'ob3-multi-proof/dcc-vctf-v1-bothSignatureTypes-didweb-oidf-revokedStatus-noExpiry.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: COPIED_LIST,
  },
  'ob3-multi-proof/dcc-vctf-v2-bothSignatureTypes-didkey-noRegistry-revokedStatus-notExpired.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: COPIED_LIST,
  },
  'ob3-multi-proof/dcc-vctf-v2-bothSignatureTypes-didkey-oidf-revokedStatus-noExpiry.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: COPIED_LIST,
  },
  'ob3-multi-proof/dcc-vctf-v2-bothSignatureTypes-didweb-legacy-revokedStatus-noExpiry.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: COPIED_LIST,
  },
  'ob3-multi-proof/dcc-verifier-core-v2DoubleSigWithValidStatus.json': {
    verdict: 'unknown',
    code: 'ERR_OB_STATUS_LIST_INVALID',
    reason: COPIED_LIST,
  },
  'misc-vp/blockcerts-vp-eddsa-rdfc-2022.json': {
    verdict: 'unverified',
    code: 'ERR_OB_PRESENTATION_EMPTY',
    reason: EMPTY_PRESENTATION,
  },
  'ob3-eddsa-rdfc-2022/dcc-vctf-v2-dataIntegrityProof-didkey-twoOIDF-revoked-notExpired-badSchema.json': {
    verdict: 'unverified',
    code: 'ERR_OB_JSONLD_UNSAFE',
    reason:
      'an inline @context in an RDFC-secured credential is refused (ADR 0010: it could add an alias that hides what was signed), so it is not verified before its status is read (its list is also a copy served at another URL than its id)',
  },
};

/**
 * What is wrong with a known difference's answer, or `undefined` when it is the pinned one: never
 * verified, exactly the pinned verdict and code, and still not what the corpus expects.
 * @param {string} file
 * @param {ConformanceAnswer} got
 * @param {boolean} agrees
 * @returns {string | undefined}
 */
export function knownDifferenceProblem(file, got, agrees) {
  const known = KNOWN_DIFFERENCES[file];
  if (known === undefined) return `${file} is not a known difference`;
  if (got.verified) return `${file} is a known difference but now verifies`;
  if (got.verdict !== known.verdict || got.code !== known.code) {
    return `${file} gives ${got.verdict} ${got.code ?? '(no code)'}, pinned as ${known.verdict} ${known.code}: update KNOWN_DIFFERENCES (and its reason)`;
  }
  if (agrees) return `${file} now agrees with the corpus: remove it from KNOWN_DIFFERENCES`;
  return undefined;
}

/**
 * Keys of KNOWN_DIFFERENCES that are not a decidable case of a supported format in `manifest`.
 * @param {{ cases: readonly { file: string, format: string, expect: { verified: boolean | null } }[] }} manifest
 * @returns {string[]}
 */
export function staleKnownDifferences(manifest) {
  const cases = new Set(
    manifest.cases.filter((c) => SUPPORTED_FORMATS.includes(c.format) && c.expect.verified !== null).map((c) => c.file),
  );
  return Object.keys(KNOWN_DIFFERENCES).filter((file) => !cases.has(file));
}

/**
 * Formats this version verifies; the rest of the corpus is reported as not yet supported.
 * @type {readonly string[]}
 */
export const SUPPORTED_FORMATS = [
  'ob3-jwt',
  'ob3-json',
  'status-list',
  'ob2-hosted',
  'ob2-signed',
  'baked-png',
  'baked-svg',
  'clr-json',
  'clr-jwt',
  'vp',
];
