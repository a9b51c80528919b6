/**
 * The one fake `fetch` of the tests: no test touches the network. `recordingFetch` answers each
 * request with `respond` (nothing answered is a 404) and records every call; the route tables
 * (`fakeFetch` in ob2.ts, `servingFetch` in status-lists.ts) and the tests' own fakes are built on it.
 */

export interface FetchCall {
  readonly url: string;
  readonly init: RequestInit | undefined;
}

export type FakeFetch = typeof globalThis.fetch & {
  /** Every call, in order. */
  readonly calls: FetchCall[];
  /** Every URL asked for, in order. */
  readonly requests: string[];
  /** How many times `url` was asked for. */
  count(url: string): number;
};

export type Respond = (
  url: string,
  init: RequestInit | undefined,
) => Response | undefined | Promise<Response | undefined>;

/** A 404 as a server without the document answers. */
export function notFound(): Response {
  return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
}

/** A JSON answer of `body` with `type` as its content type. */
export function jsonResponse(body: unknown, type = 'application/json', init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), { ...init, headers: { 'content-type': type, ...init.headers } });
}

/** A fetch that answers with `respond` (a 404 when it answers nothing) and records each call. */
export function recordingFetch(respond: Respond, { missing = notFound } = {}): FakeFetch {
  const calls: FetchCall[] = [];
  const requests: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    calls.push({ url, init });
    requests.push(url);
    return (await respond(url, init)) ?? missing();
  };
  return Object.assign(fetch as typeof globalThis.fetch, {
    calls,
    requests,
    count: (url: string) => requests.filter((requested) => requested === url).length,
  });
}

/**
 * How a browser shows a server that sends no CORS headers: the normal request fails with a
 * TypeError, a `no-cors` one gets an (opaque) answer. For `respond` functions.
 */
export function corsBlocked(init: RequestInit | undefined): Response {
  if (init?.mode === 'no-cors') return new Response(null, { status: 200 });
  throw new TypeError('Failed to fetch');
}

/** The network of a closed world (a documents map answers everything): any fetch fails. */
export const closedNetwork = (() => Promise.reject(new Error('network is closed in tests'))) as typeof globalThis.fetch;
