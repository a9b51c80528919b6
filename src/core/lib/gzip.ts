/**
 * GZIP decompression with a hard cap on what comes out, for status lists. Private to the core.
 *
 * The platform's `DecompressionStream('gzip')` does the work wherever it exists (browsers, workers,
 * Node 18+); `fflate` is loaded with `import()` only where it does not, so no page downloads it.
 * Either way the sender's GZIP trailer is never trusted for the size: a 2 MiB list claiming 4 GiB
 * would be allocated before a byte is inflated. The inflater is fed small slices instead, and the
 * output is counted as it comes: past the cap, decompression stops, so a "zip bomb" costs at most
 * the cap plus one slice's expansion.
 */

/** Input fed to the inflater at a time: DEFLATE expands at most ~1032×, so ≤ 4 MiB per step. */
const SLICE_BYTES = 4096;

export type GunzipResult =
  { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly reason: 'too-large' | 'corrupt' };

const TOO_LARGE: GunzipResult = { ok: false, reason: 'too-large' };
const CORRUPT: GunzipResult = { ok: false, reason: 'corrupt' };

/** The decompressed bytes of a GZIP stream, or why not: larger than `maxBytes`, or not valid GZIP. */
export async function gunzipCapped(compressed: Uint8Array, maxBytes: number): Promise<GunzipResult> {
  // A GZIP member is at least a 10-byte header (magic 1f 8b, method 8 = DEFLATE) and an 8-byte trailer.
  // Refused here for both inflaters: fflate waits quietly for a header that never comes.
  if (compressed.byteLength < 18 || compressed[0] !== 0x1f || compressed[1] !== 0x8b || compressed[2] !== 8) {
    return CORRUPT;
  }
  return typeof DecompressionStream === 'function'
    ? gunzipByPlatform(compressed, maxBytes)
    : gunzipByFflate(compressed, maxBytes);
}

async function gunzipByPlatform(compressed: Uint8Array, maxBytes: number): Promise<GunzipResult> {
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stopped = false;
  // One slice per write: the stream inflates a written chunk whole into its queue before the next
  // write is taken, so slices keep what can pile up unread to one slice's expansion.
  const feeding = (async () => {
    for (let offset = 0; offset < compressed.byteLength && !stopped; offset += SLICE_BYTES) {
      // A copy: the stream takes only ArrayBuffer-backed chunks, and `compressed` may view another kind.
      await writer.write(compressed.slice(offset, offset + SLICE_BYTES));
    }
    if (!stopped) await writer.close();
  })();
  // Its failures (corrupt input, or the cancel below) reach the reader too; they are judged there.
  feeding.catch(() => {});
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        stopped = true;
        await reader.cancel().catch(() => {});
        return TOO_LARGE;
      }
      chunks.push(value);
    }
    await feeding;
  } catch {
    stopped = true;
    await reader.cancel().catch(() => {});
    return CORRUPT;
  }
  return { ok: true, bytes: concat(chunks, total) };
}

/** Stops fflate's inflater from inside its callback once the cap is passed. */
class CapExceeded extends Error {}

async function gunzipByFflate(compressed: Uint8Array, maxBytes: number): Promise<GunzipResult> {
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
    for (let offset = 0; offset < compressed.byteLength; offset += SLICE_BYTES) {
      const end = Math.min(offset + SLICE_BYTES, compressed.byteLength);
      inflater.push(compressed.subarray(offset, end), end === compressed.byteLength);
    }
  } catch (error) {
    return error instanceof CapExceeded ? TOO_LARGE : CORRUPT;
  }
  return done ? { ok: true, bytes: concat(chunks, total) } : CORRUPT;
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
