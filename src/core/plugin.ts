import type { DocumentLoader, LoadedDocument } from './fetcher.js';
import type { BadgeFormat, Check, CheckId, NestedResult, VerificationResult } from './result.js';
import type { BadgeView } from './view.js';
import type { DidResolver } from './keys/did.js';

/**
 * The contracts between the pipeline (`verify.ts`) and its plug-ins. Plug-ins are explicit
 * arrays given to `createVerifier()`, so what a page does not use tree-shakes away (the defaults,
 * `defaults.ts`, are reached only through `import()` when a list is left out; `test-cli.js`
 * bundles a VC-JWT-only verifier to check), and heavy ones load their code with `import()` inside `run`.
 */

/** What every step may use. I/O goes through `load`; time comes from `now`, never `Date.now()`. */
export interface VerifyContext {
  readonly now: Date;
  /** Seconds of clock skew tolerated on validity dates (both directions). */
  readonly clockToleranceSeconds: number;
  readonly signal: AbortSignal;
  readonly load: DocumentLoader;
  /**
   * How long one load may take (the loader's `timeoutMs`). Work that fans out (a credential's
   * status entries) shares one deadline of this length, not one per request.
   */
  readonly timeoutMs?: number | undefined;
  readonly didResolvers: readonly DidResolver[];
  readonly statusMethods: readonly StatusMethod[];
  /**
   * The identity the page says the badge was awarded to (`mailto:`, `https:`, `tel:`, a DID), as
   * given; `undefined` when none was declared (the recipient check is then skipped).
   */
  readonly recipient?: string | undefined;
  /**
   * Verifies a credential this one depends on (a status list credential) through the same
   * pipeline: the same formats, proofs, keys, I/O and `now`. Its own `credentialStatus` is not
   * followed (the status check reads `skipped`), which also bounds the recursion.
   */
  readonly verifyRelated: (input: RelatedInput) => Promise<VerificationResult>;
}

/** What `verifyRelated` takes: a document already loaded, parsed JSON, or a compact JWS. */
export type RelatedInput = LoadedDocument | Readonly<Record<string, unknown>> | string;

/** Facts about where the input came from, for formats that care (OB 2.0 hosted assertions). */
export interface InputOrigin {
  /** The URL it was fetched from. */
  readonly source?: string;
  /** The URL that answered, after redirects. */
  readonly finalUrl?: string;
  /** The HTTP status it was served with, when fetched: 410 Gone marks a revoked hosted assertion. */
  readonly httpStatus?: number;
  /** Set when the input was answered by the `documents` map (a local file), not fetched. */
  readonly given?: boolean;
  /** Set when the input was extracted from a baked image. */
  readonly baked?: { readonly container: 'png' | 'svg'; readonly location: string };
}

/** The input once it has been read: exactly one of these shapes. */
export type RawInput =
  | ({ readonly kind: 'text'; readonly text: string } & InputOrigin)
  | ({ readonly kind: 'json'; readonly value: unknown } & InputOrigin)
  | { readonly kind: 'document'; readonly document: LoadedDocument };

/** A step's outcome; the pipeline adds the id and turns thrown `BadgeError`s into failed checks. */
export type StepOutcome = Omit<Check, 'id'>;

/**
 * One named check over a parsed badge. A step whose `requires` did not all pass is recorded as
 * `skipped` and never run: nothing is ever evaluated on data whose proof failed.
 */
export interface Step<P> {
  readonly id: CheckId;
  readonly requires?: readonly CheckId[];
  /**
   * `nested`: runs after the credentials inside were verified, and is given their results
   * (`undefined` when they were not verified: too deep). A presentation's verdict covers what it presents.
   */
  readonly after?: 'nested';
  run(parsed: P, context: VerifyContext, nested?: readonly NestedResult[]): Promise<StepOutcome> | StepOutcome;
}

export interface ParsedBadge {
  /** The credential as decoded, for `VerificationResult.credential`. */
  readonly credential: Record<string, unknown>;
  /** Facts for the `format` check (e.g. the JOSE `typ`, the VC data model version). */
  readonly details?: Record<string, unknown>;
}

/**
 * A badge format: recognises its input cheaply, parses it (throwing coded errors), and lists
 * the steps that verify it.
 */
export interface FormatPlugin<P extends ParsedBadge = ParsedBadge> {
  readonly format: BadgeFormat;
  /** Cheap sniff; no I/O, no throwing. */
  detect(input: RawInput): boolean;
  /** Decodes the input; throws `BadgeError` (malformed, not a badge, unsupported). */
  parse(input: RawInput, context: VerifyContext): Promise<P> | P;
  readonly steps: readonly Step<P>[];
  /** The render model; never throws for odd data (missing fields are left out). */
  view(parsed: P): BadgeView | undefined;
}

/**
 * A credential status method (BitstringStatusList, StatusList2021, 1EdTech revocation list…).
 * The status step hands each `credentialStatus` entry to the method whose `types` include its
 * `type`; an entry no method claims makes the status `warning` (not checked), never `passed`.
 */
export interface StatusMethod {
  readonly types: readonly string[];
  check(
    entry: Readonly<Record<string, unknown>>,
    credential: Readonly<Record<string, unknown>>,
    context: VerifyContext,
  ): Promise<StepOutcome>;
}
