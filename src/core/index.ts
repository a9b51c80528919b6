/**
 * openbadge-embed/core: verification without a DOM. Runs in browsers, workers and Node 20+.
 */
export { createVerifier, verifyBadge, DEFAULT_CLOCK_TOLERANCE_SECONDS } from './verify.js';
export type { Verifier, VerifierConfig, VerifyInput, VerifyOptions } from './verify.js';
export { verdictOf, firstProblem } from './result.js';
export type { BadgeFormat, Check, CheckId, CheckStatus, Verdict, VerificationResult } from './result.js';
export type { AlignmentView, BadgeView, EvidenceView, ImageView, IssuerView } from './view.js';
export { toBadgeView } from './view.js';
export * from './errors.js';
export { createDocumentLoader, createDocumentCache, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from './fetcher.js';
export type {
  DocumentCache,
  DocumentLoader,
  DocumentSource,
  LoadedDocument,
  LoaderOptions,
  MediaKind,
} from './fetcher.js';
export type { FormatPlugin, ParsedBadge, RawInput, Step, StepOutcome, VerifyContext } from './plugin.js';
export { ob3Jwt } from './formats/ob3-jwt.js';
export { ob3Json } from './formats/ob3-json.js';
export type { Ob3JsonOptions, ParsedJsonCredential } from './formats/ob3-json.js';
export { BUNDLED_CONTEXT_URLS } from './jsonld/contexts.js';
export { ALLOWED_JWS_ALGORITHMS } from './proofs/jws.js';
export { didKey } from './keys/did-key.js';
export { didJwk } from './keys/did-jwk.js';
export { didWeb } from './keys/did-web.js';
export type { DidDocument, DidResolver, DidResolveOptions, VerificationMethod } from './keys/did.js';
export { resolveSigningKey } from './keys/resolve-signing-key.js';
export type { SigningKey, SigningKeyRequest } from './keys/resolve-signing-key.js';
export type { StatusMethod } from './status/status-method.js';
export { bitstringStatusList } from './status/bitstring-status-list.js';
export { statusList2021 } from './status/status-list-2021.js';
export { oneEdTechRevocationList } from './status/1edtech-revocation-list.js';
export type { StatusListOptions } from './status/bitstring-method.js';
export type { RevocationListOptions } from './status/1edtech-revocation-list.js';
