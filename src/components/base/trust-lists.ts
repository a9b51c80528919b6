import type { TrustList } from '../../core/trust/trust.js';

/**
 * The site's trust lists (`trusted-issuers="…"`), each fetched once per page however many badges
 * name it, through the core's careful loader (timeout, size cap, content type, no credentials),
 * never a raw `fetch`. The code that reads them is loaded with `import()`: most pages name none.
 *
 * A load is never tied to one badge's signal: the first badge to ask may leave the page while
 * the others still wait for the same list. Failures are kept too (once per URL per page); each
 * badge shows them as a note and is verified without a list.
 */
const lists = new Map<string, Promise<TrustList>>();

/** The trust list at `url` (absolute), loaded once per page. */
export function sharedTrustList(url: string): Promise<TrustList> {
  let list = lists.get(url);
  if (!list) {
    // The trust module brings the loader along (its default): one import(), and no namespace
    // object of the fetcher module, which would cost every page a runtime helper.
    list = import('../../core/trust/trust.js').then(({ loadTrustList }) => loadTrustList(url));
    lists.set(url, list);
  }
  return list;
}

/**
 * A trust list handed over as a property, read the way a fetched one is (`parseTrustList`): an
 * object that is not one is refused with a coded error instead of breaking the verification.
 */
export async function readTrustList(value: unknown): Promise<TrustList> {
  const { parseTrustList } = await import('../../core/trust/trust.js');
  return parseTrustList(value);
}

/** Races `promise` with `signal`: rejects with the signal's reason as soon as it aborts. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
