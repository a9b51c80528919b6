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
