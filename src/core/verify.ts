import { outcomeOfError } from './checks/outcome.js';
import { RECIPIENT_NOT_REQUESTED } from './checks/recipient-step.js';
import { Aborted, BadgeError, FetchFailed, MalformedInput, NotABadge, TooLarge, UnsupportedFormat } from './errors.js';
import {
  createDocumentLoader,
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  isJsonType,
  jsonOf,
  sniffContentType,
  textOf,
  type DocumentCache,
  type DocumentLoader,
  type DocumentSource,
  type LoadedDocument,
  type LoaderOptions,
} from './fetcher.js';
// Types only: the default plug-ins load with `import()` when a config leaves a list out.
import type { DefaultPlugins } from './defaults.js';
import type { DidResolver } from './keys/did.js';
import { hasType, isObject } from './lib/json.js';
import type {
  FormatPlugin,
  InputOrigin,
  ParsedBadge,
  RawInput,
  RelatedInput,
  Step,
  StepOutcome,
  VerifyContext,
} from './plugin.js';
import {
  verdictOf,
  type BakedImage,
  type Check,
  type CheckId,
  type NestedResult,
  type VerificationResult,
} from './result.js';
import type { StatusMethod } from './status/status-method.js';
import type { BadgeView } from './view.js';
import { createNestedBudget, MAX_NESTED_DEPTH, verifyNested, type NestedBudget } from './nested/nested.js';
import type { NestedReader } from './nested/readers.js';
// Types only: the trust code is loaded with `import()` when a page asks for it (a trust list, domain linkage).
import type { TrustList, TrustReport } from './trust/trust.js';

/** A URL, a compact JWS, JSON text, a parsed credential, or a file (its bytes, or a `Blob`/`File`: JSON, JWS, baked PNG or SVG). */
export type VerifyInput = string | URL | Readonly<Record<string, unknown>> | Uint8Array | Blob;

export interface VerifierConfig extends LoaderOptions {
  /**
   * Badge formats to recognise, tried in order. Default: Open Badges 2.0 signed (JWS), Open Badges
   * 3.0 / VC as JWT and as JSON with Data Integrity proofs, Open Badges 2.0 hosted. Baked PNG and
   * SVG images are opened first and their content goes to these formats. Any list left out is
   * filled from `defaults.ts`, loaded with `import()` on the first `verify()`: a verifier given all
   * four lists (formats, DID resolvers, status methods, nested readers) never downloads the others.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each plug-in has its own parsed type
  readonly formats?: readonly FormatPlugin<any>[];
  /** Default: did:key, did:jwk, did:web (https only). */
  readonly didResolvers?: readonly DidResolver[];
  /** Default: Bitstring Status List, Status List 2021, 1EdTech revocation list. An entry no method reads is "status unknown". */
  readonly statusMethods?: readonly StatusMethod[];
  /** Seconds of clock skew tolerated on validity dates. Default 300: visitors' clocks drift. */
  readonly clockToleranceSeconds?: number;
  /**
   * Where to find credentials inside credentials, each verified on its own (`result.nested`).
   * Default: a presentation's credentials, a CLR's achievements, Open Badges 3.0 endorsements.
   */
  readonly nestedReaders?: readonly NestedReader[];
  /**
   * Confirm the issuer's web domain of a verified badge (did:web and https ids by their host; a DID
   * naming a website through that site's `/.well-known/did-configuration.json`, a request to a site
   * the badge names). Default false: nothing is asked of a site the page did not ask about (ADR
   * 0009). One request per site per page at most. `verify(…, { domainLinkage })` overrides it.
   */
  readonly domainLinkage?: boolean;
}

export interface VerifyOptions {
  /** The time to check validity at. Default: the current time. */
  readonly now?: Date;
  /** Aborts every fetch of this run; `verify()` then rejects with `ERR_OB_ABORTED`. */
  readonly signal?: AbortSignal;
  /** Overrides for this call only (else the verifier's). */
  readonly fetch?: typeof globalThis.fetch;
  readonly documents?: ReadonlyMap<string, DocumentSource> | Readonly<Record<string, DocumentSource>>;
  readonly offline?: boolean;
  /** Called as each check settles, in order: drives progress displays. */
  readonly onCheck?: (check: Check) => void;
  /**
   * Called once per document this verification asked for (the badge, DID documents, keys, status
   * lists, nested credentials' documents), when it settles: the network log of an inspector.
   */
  readonly onFetch?: (entry: FetchRecord) => void;
  /**
   * Who the page says the badge was awarded to: `mailto:ada@example.org`, an `https:` URL,
   * `tel:+15551234567` or a DID. Checked against the badge's (possibly hashed) recipient as the
   * `recipient` check; without it that check is skipped and does not affect the verdict.
   */
  readonly recipient?: string | undefined;
  /**
   * Issuers this site recognises (`parseTrustList`/`loadTrustList`). A match adds
   * `result.trust.known`; it never changes the verdict.
   */
  readonly trustList?: TrustList | undefined;
  /**
   * Confirm the issuer's web domain for this call (see `VerifierConfig.domainLinkage`, which it
   * overrides). Only a verified badge is looked up; the trust code loads with `import()` only then.
   */
  readonly domainLinkage?: boolean | undefined;
}

/** One document asked for during a verification. */
export interface FetchRecord {
  readonly url: string;
  /** What kind of document was asked for. */
  readonly accept: 'json' | 'jwt' | 'badge';
  /** When it was asked for (ms since the epoch) and how long it took to settle. */
  readonly startedAt: number;
  readonly durationMs: number;
  /**
   * `network`: fetched for this request; `cache`: answered by this page's earlier fetch of the same
   * URL (each URL is fetched once per page); `local`: answered by the `documents` map, no network.
   */
  readonly source: 'network' | 'cache' | 'local';
  readonly ok: boolean;
  /** HTTP status, when a server answered. */
  readonly status?: number;
  readonly contentType?: string;
  readonly bytes?: number;
  /** The error code when it failed (`ERR_OB_FETCH_CORS`, `ERR_OB_FETCH_TIMEOUT`, …). */
  readonly code?: string;
  /** The URL that finally answered, when a redirect moved it. */
  readonly finalUrl?: string;
  readonly viaProxy?: string;
}

export interface Verifier {
  verify(input: VerifyInput, options?: VerifyOptions): Promise<VerificationResult>;
}

export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 300;

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw signal.reason instanceof BadgeError ? signal.reason : new Aborted();
}

function isAbsoluteHttpUrl(text: string): boolean {
  return /^https?:\/\//i.test(text);
}

/** Turns whatever the caller handed us into one `RawInput`, fetching a URL if that is what it is. */
async function readInput(
  input: VerifyInput,
  load: DocumentLoader,
  signal: AbortSignal,
  maxBytes: number,
): Promise<RawInput> {
  // Input handed in directly gets the same cap as a fetched badge: a pasted 50 MB "token" is refused, not parsed.
  const size =
    typeof input === 'string'
      ? input.length
      : input instanceof Uint8Array
        ? input.byteLength
        : typeof Blob !== 'undefined' && input instanceof Blob
          ? input.size
          : 0;
  if (size > maxBytes) throw new TooLarge('The badge is larger than allowed', { details: { maxBytes } });
  if (typeof Blob !== 'undefined' && input instanceof Blob) {
    const bytes = new Uint8Array(await input.arrayBuffer());
    throwIfAborted(signal);
    return { kind: 'document', document: { url: '', finalUrl: '', contentType: sniffContentType(bytes), bytes } };
  }
  // A badge URL may answer 410 Gone: that is how an OB 2.0 host says "revoked", so it is read, not failed.
  if (input instanceof URL) {
    return {
      kind: 'document',
      document: await load(input.href, { accept: 'badge', signal, redirects: 'any', readGone: true }),
    };
  }
  if (input instanceof Uint8Array)
    return {
      kind: 'document',
      document: { url: '', finalUrl: '', contentType: sniffContentType(input), bytes: input },
    };
  if (typeof input === 'string') {
    const text = input.trim();
    if (isAbsoluteHttpUrl(text)) {
      return {
        kind: 'document',
        document: await load(text, { accept: 'badge', signal, redirects: 'any', readGone: true }),
      };
    }
    if (text.startsWith('{') || text.startsWith('[')) {
      try {
        return { kind: 'json', value: JSON.parse(text) as unknown };
      } catch (cause) {
        throw new MalformedInput('The badge is not valid JSON', { cause });
      }
    }
    return { kind: 'text', text };
  }
  if (isObject(input)) return { kind: 'json', value: input };
  throw new MalformedInput('Expected a URL, a JWT, JSON text or a credential object');
}

/** Where a fetched document came from, for formats that judge by it (OB 2.0 hosted). */
function originOf(document: LoadedDocument): InputOrigin {
  return {
    ...(document.url ? { source: document.url, finalUrl: document.finalUrl } : {}),
    ...(document.status !== undefined ? { httpStatus: document.status } : {}),
    ...(document.given ? { given: true } : {}),
  };
}

/** A fetched JSON document is parsed here once, so formats see JSON as JSON whatever its source. */
function parseDocument(document: LoadedDocument, extra: InputOrigin = {}): RawInput {
  const origin = { ...originOf(document), ...extra };
  // A Gone answer without a body still says something: the format that understands 410 decides.
  if (document.status === 410 && document.bytes.byteLength === 0) return { kind: 'json', value: null, ...origin };
  // Any other Gone body that is not JSON (an error page) is just a failed download.
  if (document.status === 410 && !isJsonType(document.contentType)) {
    throw new FetchFailed('HTTP 410', { details: { url: document.url, status: 410 } });
  }
  if (isJsonType(document.contentType)) return { kind: 'json', value: jsonOf(document), ...origin };
  return { kind: 'text', text: textOf(document), ...origin };
}

interface ReadBadge {
  readonly raw: RawInput;
  readonly bakedImage?: BakedImage;
}

/**
 * The input as a format sees it. A baked PNG or SVG is opened (its unbaking code loaded only
 * then) and its content read in its place: JSON, a JWS, or the URL of a hosted assertion.
 */
async function normalise(
  raw: RawInput,
  load: DocumentLoader,
  signal: AbortSignal,
  maxBytes: number,
): Promise<ReadBadge> {
  if (raw.kind !== 'document') return { raw };
  const { document } = raw;
  const container =
    document.contentType === 'image/png' ? 'png' : document.contentType === 'image/svg+xml' ? 'svg' : undefined;
  if (!container) return { raw: parseDocument(document) };
  const { unbake } = await import('./baked/unbake.js');
  const baked = await unbake(document.bytes, document.contentType, { maxBytes, signal });
  throwIfAborted(signal);
  const bakedImage: BakedImage = { container, contentType: document.contentType, bytes: document.bytes };
  const from = { baked: { container: baked.container, location: baked.location } };
  const payload = baked.payload.trim();
  if (isAbsoluteHttpUrl(payload)) {
    const hosted = await load(payload, { accept: 'json', signal, redirects: 'any', readGone: true });
    return { raw: parseDocument(hosted, from), bakedImage };
  }
  if (payload.startsWith('{')) {
    try {
      return { raw: { kind: 'json', value: JSON.parse(payload) as unknown, ...from }, bakedImage };
    } catch (cause) {
      throw new MalformedInput('The badge inside the image is not valid JSON', { cause, details: from.baked });
    }
  }
  return { raw: { kind: 'text', text: payload, ...from }, bakedImage };
}

/** Why no format took the input: the most specific honest answer. */
function unrecognised(raw: RawInput): BadgeError {
  if (raw.kind === 'json') {
    const value = raw.value;
    if (
      hasType(value, 'VerifiableCredential') ||
      hasType(value, 'VerifiablePresentation') ||
      hasType(value, 'Assertion')
    ) {
      return new UnsupportedFormat('This kind of badge is not supported yet', {
        details: { type: isObject(value) ? (value['type'] ?? null) : null },
      });
    }
    return new NotABadge('The JSON is not an Open Badge or Verifiable Credential');
  }
  return new MalformedInput('The input is neither a URL, a JWT nor JSON');
}

/**
 * Where a verification sits: the badge the page asked about (`top`), a credential carried inside
 * another (`nested`: every check runs, status included), or a document a check depends on
 * (`related`: a status list, whose own status is not followed). One budget caps all nested work.
 */
interface Layer {
  readonly depth: number;
  readonly kind: 'top' | 'nested' | 'related';
  readonly budget: NestedBudget;
  readonly trustList: TrustList | undefined;
  /** Whether the page asked for the issuer's domain to be confirmed. */
  readonly domainLinkage: boolean;
  /** The verifier's plug-ins, defaults filled in. */
  readonly plugins: DefaultPlugins;
}

interface Run {
  readonly checks: Check[];
  readonly onCheck: ((check: Check) => void) | undefined;
  /** Proxies that answered a load since the last check was recorded (see `trackProxies`). */
  readonly proxies: Set<string>;
  /** URLs the `documents` map answered since the last check was recorded (see `trackProxies`). */
  readonly locals: Set<string>;
}

/** Local documents named per check; the rest are counted. */
const MAX_LOCAL_NAMED = 5;

/**
 * A check that relied on a document a proxy fetched says so: the proxy's owner could have
 * altered it. Loads are attributed to the check being run when they settle (checks run one
 * after another), including loads made by a related verification inside it.
 */
function record(run: Run, check: Check): void {
  let recorded = check;
  // A step may also name a proxy itself, for a document it read in an earlier step.
  const named = typeof check.details?.['viaProxy'] === 'string' ? check.details['viaProxy'] : undefined;
  if (named !== undefined) run.proxies.add(named);
  if (run.proxies.size > 0 && check.status !== 'skipped') {
    const viaProxy = [...run.proxies].join(', ');
    recorded = {
      ...check,
      ...(check.message ? { message: `${check.message} (answered through the proxy ${viaProxy})` } : {}),
      details: { ...check.details, viaProxy },
    };
  }
  run.proxies.clear();
  // A check that relied on a document from the `documents` map says so: it came from a file the
  // caller gave for that URL, not from the server at it (`details.source: 'local'`).
  if (run.locals.size > 0 && recorded.status !== 'skipped') {
    const urls = [...run.locals];
    const named = recorded.message?.includes('the file given for') === true;
    const given =
      urls.length === 1
        ? `from the file given for ${urls[0]!}`
        : `from the files given for ${urls.length} of its documents`;
    recorded = {
      ...recorded,
      ...(recorded.message && !named ? { message: `${recorded.message} (${given})` } : {}),
      details: { ...recorded.details, source: 'local', localDocuments: urls.slice(0, MAX_LOCAL_NAMED) },
    };
  }
  run.locals.clear();
  run.checks.push(recorded);
  run.onCheck?.(recorded);
}

/** A loader that reports every load to `onFetch` as it settles. */
function logLoads(load: DocumentLoader, onFetch: (entry: FetchRecord) => void, clock: () => number): DocumentLoader {
  return async (url, options) => {
    const startedAt = clock();
    const report = (entry: Omit<FetchRecord, 'url' | 'accept' | 'startedAt' | 'durationMs'>) => {
      try {
        onFetch({ url, accept: options.accept, startedAt, durationMs: Math.max(0, clock() - startedAt), ...entry });
      } catch {
        // A logger's bug must not change a verdict.
      }
    };
    try {
      const document = await load(url, options);
      report({
        source: document.given
          ? 'local'
          : document.fetchedAt !== undefined && document.fetchedAt < startedAt
            ? 'cache'
            : 'network',
        ok: true,
        ...(document.status !== undefined ? { status: document.status } : {}),
        contentType: document.contentType,
        bytes: document.bytes.byteLength,
        ...(document.finalUrl && document.finalUrl !== document.url ? { finalUrl: document.finalUrl } : {}),
        ...(document.viaProxy ? { viaProxy: document.viaProxy } : {}),
      });
      return document;
    } catch (error) {
      const details = error instanceof BadgeError ? error.details : undefined;
      report({
        source: 'network',
        ok: false,
        ...(error instanceof BadgeError ? { code: error.code } : {}),
        ...(typeof details?.['status'] === 'number' ? { status: details['status'] } : {}),
      });
      throw error;
    }
  };
}

/**
 * A loader that notes in `proxies` every document a proxy answered, and in `locals` the URL of
 * every document the `documents` map answered.
 */
function trackProxies(load: DocumentLoader, proxies: Set<string>, locals: Set<string>): DocumentLoader {
  return async (url, options) => {
    const document = await load(url, options);
    if (document.viaProxy) proxies.add(document.viaProxy);
    if (document.given) locals.add(url);
    return document;
  };
}

async function runStep<P>(
  step: Step<P>,
  parsed: P,
  context: VerifyContext,
  run: Run,
  nested?: readonly NestedResult[],
): Promise<void> {
  const unmet = (step.requires ?? []).find(
    (id: CheckId) => run.checks.find((check) => check.id === id)?.status !== 'passed',
  );
  // The page declared no recipient: the check was not asked for, whatever else failed.
  if (unmet !== undefined && step.id === 'recipient' && context.recipient === undefined) {
    record(run, { id: 'recipient', ...RECIPIENT_NOT_REQUESTED });
    return;
  }
  if (unmet !== undefined) {
    record(run, {
      id: step.id,
      status: 'skipped',
      message: `Not checked: the ${unmet} check did not pass`,
      details: { requires: unmet },
    });
    return;
  }
  let outcome: StepOutcome;
  try {
    outcome = await step.run(parsed, context, nested);
  } catch (error) {
    throwIfAborted(context.signal);
    outcome = outcomeOfError(error);
  }
  throwIfAborted(context.signal);
  record(run, { id: step.id, ...outcome });
}

/**
 * Builds a verifier. Plug-ins are explicit so what a page does not use is not shipped; I/O is
 * injectable so tests and the CLI never need the network.
 */
export function createVerifier(config: VerifierConfig = {}): Verifier {
  const given = {
    formats: config.formats,
    didResolvers: config.didResolvers,
    statusMethods: config.statusMethods,
    nestedReaders: config.nestedReaders,
  };
  let filled: DefaultPlugins | undefined = isComplete(given) ? given : undefined;
  let loadingPlugins: Promise<DefaultPlugins> | undefined;
  /** The config's plug-ins, with the defaults for any list it left out (loaded once; a failed load is retried). */
  function pluginsFor(): DefaultPlugins | Promise<DefaultPlugins> {
    if (filled) return filled;
    loadingPlugins ??= import('./defaults.js').then(
      ({ defaultPlugins }) => {
        const defaults = defaultPlugins();
        filled = {
          formats: given.formats ?? defaults.formats,
          didResolvers: given.didResolvers ?? defaults.didResolvers,
          statusMethods: given.statusMethods ?? defaults.statusMethods,
          nestedReaders: given.nestedReaders ?? defaults.nestedReaders,
        };
        return filled;
      },
      (error: unknown) => {
        loadingPlugins = undefined;
        throw error;
      },
    );
    return loadingPlugins;
  }
  const clockToleranceSeconds = config.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;
  const domainLinkage = config.domainLinkage ?? false;
  const cache: DocumentCache | undefined = config.cache;
  const sharedLoader = createDocumentLoader(config);
  const maxBytes = config.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  /** One verification: the badge (depth 0) or a credential it depends on (depth 1, status not followed). */
  async function verifyWith(
    readRaw: (load: DocumentLoader) => Promise<RawInput>,
    base: Omit<VerifyContext, 'verifyRelated'>,
    layer: Layer,
    onCheck: ((check: Check) => void) | undefined,
  ): Promise<VerificationResult> {
    const { signal, now } = base;
    const { formats, nestedReaders } = layer.plugins;
    const { depth } = layer;
    const proxies = new Set<string>();
    const locals = new Set<string>();
    const tracked = { ...base, load: trackProxies(base.load, proxies, locals) };
    const context: VerifyContext = {
      ...tracked,
      // A related credential's loads are attributed to the check that asked for it.
      verifyRelated: (related) =>
        verifyWith(
          async () => relatedRaw(related),
          tracked,
          { ...layer, depth: depth + 1, kind: 'related' },
          undefined,
        ),
    };
    const run: Run = { checks: [], onCheck, proxies, locals };

    let format: FormatPlugin<ParsedBadge> | undefined;
    let parsed: ParsedBadge | undefined;
    let bakedImage: BakedImage | undefined;
    try {
      const read = await normalise(await readRaw(context.load), context.load, signal, maxBytes);
      bakedImage = read.bakedImage;
      const raw = read.raw;
      format = formats.find((candidate) => candidate.detect(raw));
      if (!format) throw unrecognised(raw);
      parsed = await format.parse(raw, context);
      record(run, {
        id: 'format',
        status: 'passed',
        message:
          raw.kind !== 'document' && raw.baked
            ? `Recognised as ${format.format}, read from a baked ${raw.baked.container.toUpperCase()} image`
            : `Recognised as ${format.format}`,
        details: {
          format: format.format,
          ...parsed.details,
          ...(raw.kind !== 'document' && raw.baked ? { baked: raw.baked } : {}),
        },
      });
    } catch (error) {
      throwIfAborted(signal);
      // A badge whose host could not be asked (CORS, timeout, network, 5xx) is unknown, not false:
      // nothing was judged. A 404 is an answer. The same rule as every other fetch (outcomeOfError).
      record(run, { id: 'format', ...outcomeOfError(error) });
    }

    if (format && parsed) {
      for (const step of format.steps) {
        // A status list or a nested credential is not what the page is about: who it names is not asked.
        if (step.id === 'recipient' && layer.kind !== 'top') continue;
        if (step.id === 'status' && layer.kind === 'related') {
          record(run, {
            id: 'status',
            status: 'skipped',
            message: 'Not checked: the status of a status list is not followed',
            details: { depth },
          });
          continue;
        }
        if (step.after === 'nested') continue;
        await runStep(step, parsed, context, run);
      }
    }

    let badge: BadgeView | undefined;
    if (format && parsed) {
      try {
        badge = format.view(parsed);
      } catch {
        badge = undefined;
      }
    }
    // What it carries (a CLR's achievements, endorsements, a presentation's credentials), each on
    // its own; never for a status list, and only so deep.
    let nested: NestedResult[] = [];
    const nestedVerified = parsed !== undefined && layer.kind !== 'related' && depth < MAX_NESTED_DEPTH;
    if (nestedVerified && parsed) {
      const inner: Layer = { ...layer, depth: depth + 1, kind: 'nested' };
      nested = await verifyNested(
        parsed.credential,
        nestedReaders,
        (input) => verifyWith(async () => relatedRaw(input), tracked, inner, undefined),
        layer.budget,
        now,
      );
      throwIfAborted(signal);
    }
    if (format && parsed) {
      for (const step of format.steps.filter((candidate) => candidate.after === 'nested')) {
        await runStep(step, parsed, context, run, nestedVerified ? nested : undefined);
      }
    }

    const verdict = verdictOf(run.checks);
    // Who the issuer is (ADR 0009): only when the page asked (a trust list, domain linkage), and
    // only for a verified badge: nothing is fetched from a site an unverified badge merely names.
    let trust: TrustReport | undefined;
    const asked = layer.trustList !== undefined || layer.domainLinkage;
    if (asked && verdict === 'verified' && badge && layer.kind !== 'related' && badge.issuer.id !== undefined) {
      // Reported beside the checks, never part of them: if its code cannot be loaded, there is none.
      trust = await trustOf(badge, layer, context).catch((error: unknown) => {
        throwIfAborted(signal);
        if (error instanceof BadgeError && error.code === 'ERR_OB_ABORTED') throw error;
        return undefined;
      });
      throwIfAborted(signal);
    }

    return {
      verified: verdict === 'verified',
      verdict,
      format: format?.format,
      checks: run.checks,
      credential: parsed?.credential,
      badge,
      checkedAt: now.toISOString(),
      ...(bakedImage && depth === 0 ? { bakedImage } : {}),
      ...(nested.length > 0 ? { nested } : {}),
      ...(trust ? { trust } : {}),
    };
  }

  /** The trust report for the issuer a badge shows. */
  async function trustOf(badge: BadgeView, layer: Layer, context: VerifyContext): Promise<TrustReport> {
    const { trustList } = layer;
    const { checkDomainLinkage, findTrustedIssuer } = await import('./trust/trust.js');
    const issuerId = badge.issuer.id!;
    const known = trustList ? (findTrustedIssuer(trustList, issuerId) ?? null) : undefined;
    const domain = layer.domainLinkage
      ? await checkDomainLinkage(
          { id: issuerId, ...(badge.issuer.url ? { url: badge.issuer.url } : {}) },
          { load: context.load, signal: context.signal, didResolvers: context.didResolvers, now: context.now },
        )
      : undefined;
    return {
      issuerId,
      ...(badge.issuer.name ? { statedName: badge.issuer.name } : {}),
      ...(known !== undefined ? { known } : {}),
      ...(domain ? { domain } : {}),
    };
  }

  return {
    async verify(input, options = {}) {
      const signal = options.signal ?? new AbortController().signal;
      throwIfAborted(signal);
      const plugins = await pluginsFor();
      const { didResolvers, statusMethods } = plugins;
      throwIfAborted(signal);
      const perCall = options.fetch !== undefined || options.documents !== undefined || options.offline !== undefined;
      const load = perCall
        ? createDocumentLoader({
            ...config,
            ...(cache ? { cache } : {}),
            fetch: options.fetch ?? config.fetch,
            documents: options.documents ?? config.documents,
            offline: options.offline ?? config.offline,
          })
        : sharedLoader;
      const now = options.now ?? new Date();
      const logged = options.onFetch ? logLoads(load, options.onFetch, config.clock ?? Date.now) : load;
      const recipient = options.recipient?.trim() || undefined;
      const base = {
        now,
        clockToleranceSeconds,
        signal,
        load: logged,
        timeoutMs,
        didResolvers,
        statusMethods,
        recipient,
      };
      const layer: Layer = {
        depth: 0,
        kind: 'top',
        budget: createNestedBudget(),
        trustList: options.trustList,
        domainLinkage: options.domainLinkage ?? domainLinkage,
        plugins,
      };
      return verifyWith((tracked) => readInput(input, tracked, signal, maxBytes), base, layer, options.onCheck);
    },
  };
}

/** Whether a config names every plug-in list, so no default is needed. */
function isComplete(
  lists: Partial<{ [K in keyof DefaultPlugins]: DefaultPlugins[K] | undefined }>,
): lists is DefaultPlugins {
  return (
    lists.formats !== undefined &&
    lists.didResolvers !== undefined &&
    lists.statusMethods !== undefined &&
    lists.nestedReaders !== undefined
  );
}

/** A related credential as a `RawInput`: documents keep their media type; text and JSON go as they are. */
function relatedRaw(related: RelatedInput): RawInput {
  if (typeof related === 'string') return { kind: 'text', text: related.trim() };
  if ('bytes' in related && related.bytes instanceof Uint8Array) {
    return { kind: 'document', document: related as LoadedDocument };
  }
  return { kind: 'json', value: related };
}

let defaultVerifier: Verifier | undefined;

/** Verifies with the default plug-ins. Pass `options.fetch`/`documents`/`offline` to control I/O. */
export function verifyBadge(input: VerifyInput, options?: VerifyOptions): Promise<VerificationResult> {
  defaultVerifier ??= createVerifier();
  return defaultVerifier.verify(input, options);
}
