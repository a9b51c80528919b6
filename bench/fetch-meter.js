// Page side: counts the fetch() calls a verifier makes and the time spent waiting for them. Imported
// first by an entry, so it wraps fetch before any library can keep a reference to the original.
const originalFetch = globalThis.fetch;
export const fetchMeter = { calls: 0, ms: 0 };

/** @type {typeof fetch} */
globalThis.fetch = async function meteredFetch(input, init) {
  fetchMeter.calls++;
  const start = performance.now();
  try {
    return await originalFetch.call(this, input, init);
  } finally {
    fetchMeter.ms += performance.now() - start;
  }
};
