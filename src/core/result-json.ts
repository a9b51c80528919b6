import { boundedJson } from './lib/bounded-json.js';
import type { VerificationResult } from './result.js';

// Apart from result.ts, whose verdict helpers every page's script-tag file has: only the CLI and
// the inspector's report need this, with the bounded JSON walk it brings.

/**
 * A result as plain JSON: as it is, `nested` included, except a baked image's bytes (the input file
 * itself, which would print as an object of numbered bytes), given as their length at every level.
 * What `ob-verify --json` prints and `<ob-inspector>` downloads. Badge data deeper than
 * `MAX_REPORT_DEPTH` levels (or past `MAX_REPORT_NODES` values) is replaced by a marker string, so
 * `JSON.stringify` of it never throws, whatever the badge holds.
 */
export function resultToJson(result: VerificationResult): unknown {
  return boundedJson(plainResult(result));
}

function plainResult(result: VerificationResult): unknown {
  const { bakedImage, nested, ...rest } = result;
  return {
    ...rest,
    ...(bakedImage
      ? {
          bakedImage: {
            container: bakedImage.container,
            contentType: bakedImage.contentType,
            byteLength: bakedImage.bytes?.byteLength ?? 0,
          },
        }
      : {}),
    ...(Array.isArray(nested) ? { nested: nested.map((item) => ({ ...item, result: plainResult(item.result) })) } : {}),
  };
}
