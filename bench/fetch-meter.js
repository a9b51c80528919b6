// Page side: counts the fetch() calls a verifier makes and the time spent waiting for them. Imported
// first by an entry, so it wraps fetch before any library can keep a reference to the original.
const originalFetch = globalThis.fetch;
export const fetchMeter = { calls: 0, ms: 0 };

globalThis.fetch = async function meteredFetch(...args) {
  fetchMeter.calls++;
  const start = performance.now();
  try {
    return await originalFetch.apply(this, args);
  } finally {
    fetchMeter.ms += performance.now() - start;
  }
};
