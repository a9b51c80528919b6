/**
 * openbadge-embed/core: verification without a DOM. Runs in browsers, workers and Node 20+.
 */
export { createVerifier, verifyBadge, DEFAULT_CLOCK_TOLERANCE_SECONDS } from './verify.js';
export type { FetchRecord, Verifier, VerifierConfig, VerifyInput, VerifyOptions } from './verify.js';
export { defaultPlugins } from './defaults.js';
export type { DefaultPlugins } from './defaults.js';
export { verdictOf, firstProblem, isNotRequested, summarizeNested } from './result.js';
export { resultToJson } from './result-json.js';
export type {
  BadgeFormat,
  BakedImage,
  Check,
  CheckId,
  CheckStatus,
  NestedResult,
  NestedRole,
  Verdict,
  VerificationResult,
} from './result.js';
export type { AlignmentView, AssociationView, BadgeView, EvidenceView, ImageView, IssuerView } from './view.js';
export { toBadgeView } from './view.js';
export { toOb2BadgeView } from './view-ob2.js';
export { toPresentationView } from './view-presentation.js';
export * from './errors.js';
export * from './errors-baked.js';
export * from './errors-jsonld.js';
export * from './errors-nested.js';
export * from './errors-ob2.js';
export * from './errors-presentation.js';
export * from './errors-recipient.js';
export * from './errors-status.js';
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
export { ob2Hosted } from './formats/ob2-hosted.js';
export { ob2Signed } from './formats/ob2-signed.js';
export { vpJson, vpJwt } from './formats/presentation.js';
export type { ParsedPresentation } from './formats/presentation.js';
export { clrAchievements, endorsements, presentationCredentials, DEFAULT_NESTED_READERS } from './nested/readers.js';
export type { NestedInput, NestedReader } from './nested/readers.js';
export { MAX_NESTED_DEPTH, MAX_NESTED_PER_CREDENTIAL, MAX_NESTED_TOTAL } from './nested/nested.js';
export { unbake, isBakedImageType } from './baked/unbake.js';
export type { BakedCredential } from './baked/unbake.js';
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
export { parseTrustList, loadTrustList, findTrustedIssuer, checkDomainLinkage, boundHostOf } from './trust/trust.js';
export type { TrustList, TrustListEntry, TrustReport, DomainLinkage } from './trust/trust.js';
