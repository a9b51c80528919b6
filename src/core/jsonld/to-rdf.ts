import ContextResolver from 'jsonld/lib/ContextResolver.js';
import JsonLdError from 'jsonld/lib/JsonLdError.js';
import contextApi from 'jsonld/lib/context.js';
import eventsApi from 'jsonld/lib/events.js';
import expandApi from 'jsonld/lib/expand.js';
import toRdfApi from 'jsonld/lib/toRdf.js';
import types from 'jsonld/lib/types.js';
import util from 'jsonld/lib/util.js';
import type { JsonLdOptions, RemoteDocument } from 'jsonld/lib/toRdf.js';

/**
 * `jsonld.toRDF(input, options)` (jsonld v9, lib/jsonld.js), made of the same jsonld modules but
 * without jsonld's index, which also brings compaction, framing, flattening, fromRDF, its document
 * loaders, a request queue and a page-wide context cache: about a third of the Data Integrity chunk
 * the core never runs (docs/decisions/0013-jsonld-shared-contexts.md). The steps are jsonld's own,
 * in its order: the same option defaults (`_setDefaults`, applied twice as `toRDF` calls `expand`),
 * the same event handlers, a string input loaded as `jsonld.get` loads it, the same unwrapping of a
 * lone `@graph`; `test/jsonld-shared-contexts.test.ts` compares the N-Quads and refusals with
 * jsonld's own `toRDF` on every JSON-LD document under test/.
 *
 * Not here: `expandContext`, `skipExpansion`, `format` and the obsolete `expansionMap` options,
 * which the core never passes; the options below are the only ones it does.
 */
export type ToRdfOptions = {
  readonly base: string | null;
  readonly safe: boolean;
  readonly documentLoader: (url: string) => Promise<RemoteDocument>;
  readonly produceGeneralizedRdf: boolean;
  readonly rdfDirection: 'i18n-datatype' | null;
  readonly contextResolver: ContextResolver;
};

/** jsonld's `_setDefaults`: the caller's options over the defaults, then the event handlers they ask for. */
function withDefaults(options: JsonLdOptions, defaults: Partial<JsonLdOptions>): JsonLdOptions {
  return { ...defaults, ...options, eventHandler: eventsApi.setupEventHandler({ options }) };
}

/** `jsonld.get` with a loader: the document at `url`, a JSON string parsed. */
async function loadInput(url: string, options: JsonLdOptions): Promise<RemoteDocument> {
  const remote = await options.documentLoader(url);
  try {
    if (!remote.document)
      throw new JsonLdError('No remote document found at the given URL.', 'jsonld.NullRemoteDocument');
    if (typeof remote.document === 'string') remote.document = JSON.parse(remote.document) as unknown;
  } catch (error) {
    throw new JsonLdError('Could not retrieve a JSON-LD document from the URL.', 'jsonld.LoadDocumentError', {
      code: 'loading document failed',
      cause: error,
      remoteDoc: remote,
    });
  }
  return remote;
}

/** `jsonld.expand` (no `expandContext`): the expanded form, always an array. */
async function expand(input: unknown, toRdfOptions: JsonLdOptions): Promise<unknown[]> {
  const options = withDefaults(toRdfOptions, { keepFreeFloatingNodes: false });
  let element: unknown;
  let defaultBase: string | undefined;
  const contextsToProcess: unknown[] = [];
  if (!types.isString(input)) {
    element = util.clone(input);
  } else {
    const remote = await loadInput(input, options);
    defaultBase = remote.documentUrl;
    element = remote.document;
    if (remote.contextUrl) contextsToProcess.push({ '@context': remote.contextUrl });
  }
  if (!('base' in options)) options.base = defaultBase || '';
  let activeCtx = contextApi.getInitialContext(options);
  for (const localCtx of contextsToProcess) activeCtx = await contextApi.process({ activeCtx, localCtx, options });
  let expanded = await expandApi.expand({ activeCtx, element, options });
  if (types.isObject(expanded) && '@graph' in expanded && Object.keys(expanded).length === 1) {
    expanded = expanded['@graph'];
  } else if (expanded === null) {
    expanded = [];
  }
  return Array.isArray(expanded) ? expanded : [expanded];
}

/** `jsonld.toRDF(input, options)` without `format`: the RDF dataset (an array of quads). */
export async function toRdf(input: unknown, toRdfOptions: ToRdfOptions): Promise<unknown[]> {
  const options = withDefaults(toRdfOptions, { skipExpansion: false });
  return toRdfApi.toRDF(await expand(input, options), options);
}

export { ContextResolver };
