import rdfCanonize from 'rdf-canonize';
import { Aborted, BadgeError, ContextUnknown, MalformedInput } from '../errors.js';
import { JsonLdLimit, JsonLdUnsafe } from '../errors-jsonld.js';
import { isObject } from '../lib/json.js';
import { loadContext, type ExtraContexts } from './contexts.js';
import { ContextResolver, toRdf } from './to-rdf.js';

/**
 * RDF Dataset Canonicalization (RDFC-1.0) of a JSON-LD document, for Data Integrity proofs.
 * This module is heavy (jsonld's expansion and toRDF, see `to-rdf.ts`; rdf-canonize) and is only ever
 * reached through `import()`.
 *
 * Safety, in order:
 * 1. Shape caps before any JSON-LD work: nesting depth and number of JSON values.
 * 2. JSON-LD safe mode: an undefined term, a relative IRI, or any value expansion would drop
 *    fails with `ERR_OB_JSONLD_UNSAFE` instead of vanishing from what the signature covers.
 * 3. Contexts only from the pinned bundle (`contexts.ts`): an unknown URL is `ERR_OB_CONTEXT_UNKNOWN`.
 * 4. A cap on quads, and rdf-canonize's work factor 1 (linear in blank nodes), which stops the
 *    "poison graph" inputs whose canonicalization is exponential: `ERR_OB_JSONLD_LIMIT`.
 */

export interface CanonizeLimits {
  /** JSON nesting depth. Credentials are shallow; a deep one is an attack on the recursive expander. */
  readonly maxDepth: number;
  /** JSON values (objects, arrays, scalars) in the document. */
  readonly maxValues: number;
  /** RDF quads after expansion. */
  readonly maxQuads: number;
  /** rdf-canonize's `maxWorkFactor`: 1 bounds the deep comparisons by O(n) in blank nodes. */
  readonly maxWorkFactor: number;
}

export const DEFAULT_CANONIZE_LIMITS: CanonizeLimits = {
  maxDepth: 48,
  maxValues: 50_000,
  maxQuads: 10_000,
  maxWorkFactor: 1,
};

export interface CanonizeOptions {
  readonly signal?: AbortSignal | undefined;
  readonly contexts?: ExtraContexts | undefined;
  readonly limits?: Partial<CanonizeLimits> | undefined;
}

/** Throws `ERR_OB_JSONLD_LIMIT` when the JSON is deeper or larger than the limits, without recursion. */
export function checkShape(document: unknown, limits: CanonizeLimits): void {
  let values = 0;
  const stack: [unknown, number][] = [[document, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (++values > limits.maxValues) {
      throw new JsonLdLimit('The credential has too many values to canonicalize', {
        details: { limit: 'values', max: limits.maxValues },
      });
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth > limits.maxDepth) {
      throw new JsonLdLimit('The credential is nested too deeply to canonicalize', {
        details: { limit: 'depth', max: limits.maxDepth },
      });
    }
    const children = Array.isArray(value) ? value : Object.values(value);
    for (const child of children) stack.push([child, depth + 1]);
  }
}

interface JsonLdErrorLike {
  name?: unknown;
  message?: unknown;
  details?: { code?: unknown; event?: { code?: unknown; details?: Record<string, unknown> }; cause?: unknown };
}

/** The `BadgeError` a failed jsonld/rdf-canonize call means. */
function translate(error: unknown, failedContext: BadgeError | undefined, signal: AbortSignal | undefined): BadgeError {
  if (signal?.aborted) return signal.reason instanceof BadgeError ? signal.reason : new Aborted();
  if (failedContext) return failedContext;
  if (error instanceof BadgeError) return error;
  const e = (isObject(error) ? error : {}) as JsonLdErrorLike;
  const message = typeof e.message === 'string' ? e.message : String(error);
  if (e.name === 'jsonld.ValidationError' && e.details?.event) {
    const event = e.details.event;
    const details = event.details ?? {};
    const term = [details['property'], details['term'], details['type'], details['id']].find(
      (value): value is string => typeof value === 'string',
    );
    return new JsonLdUnsafe(`JSON-LD safe mode: ${String(event.code)}${term ? ` (${term.slice(0, 200)})` : ''}`, {
      cause: error,
      details: { event: String(event.code), ...(term ? { term: term.slice(0, 200) } : {}) },
    });
  }
  if (/maximum deep iterations/i.test(message)) {
    return new JsonLdLimit('Canonicalizing the credential would take too much work', {
      cause: error,
      details: { limit: 'work' },
    });
  }
  if (typeof e.name === 'string' && e.name.startsWith('jsonld.')) {
    const code = typeof e.details?.code === 'string' ? e.details.code : e.name;
    return new MalformedInput(`The credential is not valid JSON-LD: ${message.slice(0, 200)}`, {
      cause: error,
      details: { jsonld: code },
    });
  }
  return new MalformedInput(`Canonicalization failed: ${message.slice(0, 200)}`, { cause: error });
}

interface Scheduler {
  yield?: () => Promise<void>;
}

/**
 * Gives the event loop a turn. Expansion runs synchronously between its awaits, so fifty badges
 * verifying at once would otherwise chain their work into one long task; yielding before each
 * document keeps every task about one canonicalization long. No worker: nothing for a strict
 * Content Security Policy or Trusted Types to refuse.
 */
function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The `sharedCache` jsonld's `ContextResolver` keeps resolved contexts in: URL or inline context JSON → tag → entry. */
class BoundedCache<V> {
  readonly #entries = new Map<string, V>();
  constructor(readonly max: number) {}
  get(key: string): V | undefined {
    return this.#entries.get(key);
  }
  set(key: string, value: V): void {
    // Bounded by the bundle (its URLs, their spellings, the scoped contexts inside them); anything
    // beyond is inline contexts of documents, which the plain form refuses: start over rather than grow.
    if (this.#entries.size >= this.max) this.#entries.clear();
    this.#entries.set(key, value);
  }
}

/**
 * Resolved and processed contexts of the pinned bundle, kept across calls. Context processing is a
 * pure function of the context documents, which for bundled URLs never change, and it was most of
 * the work of expanding a badge not seen before (the same two or three contexts, every time). jsonld
 * keeps each processed active context on its resolved context (keyed by the active context it was
 * processed against) and replays the safe-mode events processing raised, so a cached context fails
 * a document exactly as a fresh one would. Only for the bundled set: contexts a caller adds are
 * resolved afresh each call. Ours, never jsonld's page-wide cache, which other code using the same
 * jsonld could fill with contexts from loaders of its own.
 */
const bundledContexts = new BoundedCache<unknown>(256);

/** The canonical N-Quads of `document` (RDFC-1.0). Throws coded errors only. */
export async function canonizeRdfc(document: unknown, options: CanonizeOptions = {}): Promise<string> {
  const limits = { ...DEFAULT_CANONIZE_LIMITS, ...options.limits };
  checkShape(document, limits);
  await yieldToEventLoop();
  let failedContext: BadgeError | undefined;
  // `static`: the document at this URL never changes, so jsonld may keep it, and what it makes of it.
  const tag = options.contexts === undefined ? ('static' as const) : undefined;
  const documentLoader = async (url: string) => {
    try {
      return { contextUrl: null, documentUrl: url, document: await loadContext(url, options.contexts), tag };
    } catch (error) {
      failedContext ??=
        error instanceof BadgeError ? error : new ContextUnknown(undefined, { details: { context: url } });
      throw error;
    }
  };
  try {
    const dataset = await toRdf(document, {
      base: null,
      safe: true,
      documentLoader,
      produceGeneralizedRdf: false,
      rdfDirection: 'i18n-datatype',
      contextResolver: new ContextResolver({
        sharedCache: options.contexts === undefined ? bundledContexts : new BoundedCache(256),
      }),
    });
    if (dataset.length > limits.maxQuads) {
      throw new JsonLdLimit('The credential has too many statements to canonicalize', {
        details: { limit: 'quads', max: limits.maxQuads, quads: dataset.length },
      });
    }
    return await rdfCanonize.canonize(dataset, {
      algorithm: 'RDFC-1.0',
      format: 'application/n-quads',
      maxWorkFactor: limits.maxWorkFactor,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    throw translate(error, failedContext, options.signal);
  }
}
