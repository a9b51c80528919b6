/**
 * When an element comes near the viewport: what `loading="lazy"` badges wait for before they
 * verify. One IntersectionObserver serves every waiting element of the page.
 */

/** How close to the viewport an element is counted as near: about a screen of scrolling ahead. */
export const NEAR_MARGIN = '400px';

let observer: IntersectionObserver | undefined;
const waiting = new Map<Element, () => void>();

function sharedObserver(): IntersectionObserver {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const done = waiting.get(entry.target);
        if (done) done();
      }
    },
    { rootMargin: NEAR_MARGIN },
  );
  return observer;
}

/**
 * Resolves once `element` is within `NEAR_MARGIN` of the viewport (at once where
 * IntersectionObserver is missing). Rejects with the signal's reason if it aborts first; the
 * element is no longer observed either way.
 */
export function whenNearViewport(element: Element, signal: AbortSignal): Promise<void> {
  if (typeof IntersectionObserver !== 'function') return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const io = sharedObserver();
    const stop = () => {
      signal.removeEventListener('abort', abort);
      if (waiting.get(element) === done) {
        waiting.delete(element);
        io.unobserve(element);
      }
    };
    const done = () => {
      stop();
      resolve();
    };
    const abort = () => {
      stop();
      reject(signal.reason);
    };
    signal.addEventListener('abort', abort, { once: true });
    waiting.set(element, done);
    io.observe(element);
  });
}

/** Ends `element`'s wait now, as if it had come near (its `loading` is no longer `lazy`). */
export function stopWaiting(element: Element): void {
  waiting.get(element)?.();
}
