// @ts-check
// The corpus serves a hosted OB 2.0 case at its own `id` (test/conformance/README.md: "run with
// that one case's map extended by id → the case file itself"), since the verifier refetches the
// hosted copy. One rule for the browser test and the CLI run, so both score the same world.

/**
 * What a case serves at its own id, when it is a hosted OB 2.0 assertion (or a baked image
 * carrying one): the assertion's `id` and the JSON bytes to answer it with. `undefined` for every
 * other case, for an unreadable one (it fails on its own), and when the corpus's map already
 * answers that id.
 * @param {{ format: string }} testCase
 * @param {Uint8Array} input the case file's bytes
 * @param {(url: string) => boolean} isMapped whether the corpus's documents map answers `url`
 * @param {(bytes: Uint8Array, contentType: string) => Promise<{ payload: string }>} unbake the core's `unbake`
 * @returns {Promise<{ id: string, bytes: Uint8Array } | undefined>}
 */
export async function hostedDocumentOf(testCase, input, isMapped, unbake) {
  let hosted = input;
  if (testCase.format === 'baked-png' || testCase.format === 'baked-svg') {
    // A baked hosted assertion: the JSON inside the image is what its `id` serves.
    try {
      const baked = await unbake(input, testCase.format === 'baked-png' ? 'image/png' : 'image/svg+xml');
      hosted = new TextEncoder().encode(baked.payload);
    } catch {
      return undefined;
    }
  } else if (testCase.format !== 'ob2-hosted') {
    return undefined;
  }
  let id;
  try {
    id = /** @type {{ id?: unknown }} */ (JSON.parse(new TextDecoder().decode(hosted))).id;
  } catch {
    return undefined;
  }
  if (typeof id !== 'string' || !/^https?:/.test(id) || isMapped(id)) return undefined;
  return { id, bytes: hosted };
}
