/**
 * A copy of a value that `JSON.stringify` can always write: at most `maxDepth` levels and
 * `maxNodes` values, built without recursion. Badge data is chosen by whoever made the badge, and
 * 300,000 nested arrays verify fine but make any recursive writer (`JSON.stringify`, a tree view)
 * throw `RangeError`. What lies deeper, or past the node budget, is replaced by a marker string, so
 * a report says plainly that something was left out. Private to the core.
 */

/** Levels kept below the value given. A real credential nests a dozen deep; a report a few more. */
export const MAX_REPORT_DEPTH = 64;
/** Values kept in all: far beyond a 2 MiB credential's, small enough that a cycle cannot explode. */
export const MAX_REPORT_NODES = 1_000_000;

export const TOO_DEEP_MARKER = `[nested more than ${MAX_REPORT_DEPTH} levels deep: not shown]`;
export const TOO_MANY_MARKER = '[more values than a report holds: not shown]';

type Assign = (value: unknown) => void;

export function boundedJson(value: unknown, maxDepth = MAX_REPORT_DEPTH, maxNodes = MAX_REPORT_NODES): unknown {
  let result: unknown;
  const stack: [source: unknown, assign: Assign, depth: number][] = [
    [
      value,
      (copy) => {
        result = copy;
      },
      0,
    ],
  ];
  const tooDeep =
    maxDepth === MAX_REPORT_DEPTH ? TOO_DEEP_MARKER : `[nested more than ${maxDepth} levels deep: not shown]`;
  let nodes = 0;
  while (stack.length > 0) {
    const [original, assign, depth] = stack.pop()!;
    nodes += 1;
    if (nodes > maxNodes) {
      assign(TOO_MANY_MARKER);
      continue;
    }
    let source = original;
    if (typeof source === 'bigint') {
      assign(source.toString());
      continue;
    }
    if (source === null || typeof source !== 'object') {
      assign(source);
      continue;
    }
    if (ArrayBuffer.isView(source)) {
      assign({ byteLength: source.byteLength });
      continue;
    }
    // A Date, a URL: written as JSON.stringify would (once: a toJSON returning itself is not followed).
    const toJson = (source as { toJSON?: unknown }).toJSON;
    if (typeof toJson === 'function') {
      try {
        source = (toJson as () => unknown).call(source);
      } catch {
        source = String(source);
      }
      if (source === null || typeof source !== 'object') {
        assign(typeof source === 'bigint' ? source.toString() : source);
        continue;
      }
    }
    if (depth >= maxDepth) {
      assign(tooDeep);
      continue;
    }
    if (Array.isArray(source)) {
      const copy: unknown[] = new Array<unknown>(source.length);
      assign(copy);
      for (let i = source.length - 1; i >= 0; i--) {
        stack.push([source[i] as unknown, (item) => (copy[i] = item), depth + 1]);
      }
      continue;
    }
    const copy: Record<string, unknown> = {};
    assign(copy);
    const entries = Object.entries(source as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i]!;
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      // Defined as own data properties, so a key named `__proto__` stays a key.
      stack.push([
        item,
        (member) =>
          Object.defineProperty(copy, key, { value: member, enumerable: true, writable: true, configurable: true }),
        depth + 1,
      ]);
    }
  }
  return result;
}
