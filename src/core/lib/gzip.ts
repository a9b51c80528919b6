/**
 * GZIP decompression with a hard cap on what comes out, for status lists. Private to the core.
 *
 * `fflate` is loaded with `import()` the first time a list is read, so a page whose badges carry
 * no status list never downloads it. Its one-shot `gunzipSync` sizes its output from the GZIP
 * trailer, which the sender writes: a 2 MiB list claiming 4 GiB would be allocated before a byte
 * is inflated. The streaming inflater is fed small slices instead, and stops as soon as the
 * output passes the cap, so a "zip bomb" costs at most the cap plus one slice's expansion.
 */

/** Input fed to the inflater at a time: DEFLATE expands at most ~1032×, so ≤ 4 MiB per step. */
const SLICE_BYTES = 4096;

export type GunzipResult =
  { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly reason: 'too-large' | 'corrupt' };

/** Stops the inflater from inside its callback once the cap is passed. */
class CapExceeded extends Error {}

/** The decompressed bytes of a GZIP stream, or why not: larger than `maxBytes`, or not valid GZIP. */
export async function gunzipCapped(compressed: Uint8Array, maxBytes: number): Promise<GunzipResult> {
  const { Gunzip } = await import('fflate');
  const chunks: Uint8Array[] = [];
  let total = 0;
  let done = false;
  const inflater = new Gunzip((chunk, final) => {
    total += chunk.byteLength;
    if (total > maxBytes) throw new CapExceeded();
    chunks.push(chunk);
    if (final) done = true;
  });
  try {
    // A GZIP member is at least a 10-byte header (magic 1f 8b, method 8 = DEFLATE) and an 8-byte trailer;
    // fflate waits quietly for a header that never comes, so short or foreign input is refused here.
    if (compressed.byteLength < 18 || compressed[0] !== 0x1f || compressed[1] !== 0x8b || compressed[2] !== 8) {
      return { ok: false, reason: 'corrupt' };
    }
    for (let offset = 0; offset < compressed.byteLength; offset += SLICE_BYTES) {
      const end = Math.min(offset + SLICE_BYTES, compressed.byteLength);
      inflater.push(compressed.subarray(offset, end), end === compressed.byteLength);
    }
  } catch (error) {
    return { ok: false, reason: error instanceof CapExceeded ? 'too-large' : 'corrupt' };
  }
  if (!done) return { ok: false, reason: 'corrupt' };
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes };
}
