// The few entry points of `jsonld` and `rdf-canonize` the core uses (neither ships types; the
// DefinitelyTyped ones predate safe mode).
declare module 'jsonld' {
  interface RemoteDocument {
    contextUrl: string | null;
    documentUrl: string;
    document: unknown;
    /** `static`: jsonld may cache the document and its processed forms in the resolver's shared cache. */
    tag?: 'static' | undefined;
  }
  interface ToRdfOptions {
    base?: string | null;
    safe?: boolean;
    documentLoader?: (url: string) => Promise<RemoteDocument>;
    produceGeneralizedRdf?: boolean;
    rdfDirection?: 'i18n-datatype' | null;
    /** Where resolved contexts are looked up and kept (jsonld documents it as internal). */
    contextResolver?: unknown;
  }
  interface JsonLd {
    toRDF(input: unknown, options: ToRdfOptions): Promise<unknown[]>;
  }
  const jsonld: JsonLd;
  export default jsonld;
}

declare module 'jsonld/lib/ContextResolver.js' {
  /** jsonld's context resolver; `sharedCache` keeps resolved (and, on them, processed) contexts across calls. */
  export default class ContextResolver {
    constructor(options: { sharedCache: { get(key: string): unknown; set(key: string, value: unknown): void } });
  }
}

// jsonld's own modules, imported one by one (src/core/jsonld/to-rdf.ts): CommonJS, each
// `module.exports` an object of functions, which is the default export.
declare module 'jsonld/lib/toRdf.js' {
  import type { RemoteDocument } from 'jsonld';
  export type { RemoteDocument };
  /** The options as jsonld's API functions hand them to its modules. */
  export interface JsonLdOptions {
    base?: string | null;
    documentLoader: (url: string) => Promise<RemoteDocument>;
    eventHandler?: unknown;
    [option: string]: unknown;
  }
  const api: { toRDF(expanded: unknown[], options: JsonLdOptions): unknown[] };
  export default api;
}

declare module 'jsonld/lib/expand.js' {
  import type { JsonLdOptions } from 'jsonld/lib/toRdf.js';
  const api: { expand(args: { activeCtx: unknown; element: unknown; options: JsonLdOptions }): Promise<unknown> };
  export default api;
}

declare module 'jsonld/lib/context.js' {
  import type { JsonLdOptions } from 'jsonld/lib/toRdf.js';
  const api: {
    getInitialContext(options: JsonLdOptions): unknown;
    process(args: { activeCtx: unknown; localCtx: unknown; options: JsonLdOptions }): Promise<unknown>;
  };
  export default api;
}

declare module 'jsonld/lib/events.js' {
  const api: { setupEventHandler(args: { options: object }): unknown };
  export default api;
}

declare module 'jsonld/lib/types.js' {
  const api: { isObject(value: unknown): value is Record<string, unknown>; isString(value: unknown): value is string };
  export default api;
}

declare module 'jsonld/lib/util.js' {
  const api: { clone<T>(value: T): T };
  export default api;
}

declare module 'jsonld/lib/JsonLdError.js' {
  export default class JsonLdError extends Error {
    constructor(message: string, name: string, details?: Record<string, unknown>);
  }
}

declare module 'rdf-canonize' {
  interface CanonizeOptions {
    algorithm: 'RDFC-1.0';
    format?: 'application/n-quads';
    maxWorkFactor?: number;
    messageDigestAlgorithm?: string;
    signal?: AbortSignal;
  }
  interface RdfCanonize {
    canonize(dataset: unknown[], options: CanonizeOptions): Promise<string>;
  }
  const canonize: RdfCanonize;
  export default canonize;
}
