/** Narrowing helpers for untrusted JSON: every read of badge data goes through one of these. */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty string, else undefined. */
export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * JSON-LD lets most properties be one value or an array of them, and reads nested arrays as one
 * flat array (`[[a], b]` states `a` and `b`), so they are flattened here (to a bounded depth).
 */
export function arrayOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return [value];
  return value.some(Array.isArray) ? value.flat(MAX_FLATTENED_DEPTH) : value;
}

const MAX_FLATTENED_DEPTH = 48;

/**
 * A node with each one-element array read as its element: to JSON-LD the same statements, so a
 * reader that expects one value (a status entry's `statusListCredential`) is not turned away by
 * `["https://…"]`, which would make a revoked badge read "status unknown".
 */
export function withSingleValues(node: JsonObject): JsonObject {
  // fromEntries defines properties, so a `__proto__` key stays data and never becomes a prototype.
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => {
      const values = Array.isArray(value) ? arrayOf(value) : value;
      return [key, Array.isArray(values) && values.length === 1 ? values[0] : values];
    }),
  );
}

/** The `id` of a node that may be written as a bare IRI string or as an object with `id`. */
export function idOf(value: unknown): string | undefined {
  return typeof value === 'string' ? stringOf(value) : isObject(value) ? stringOf(value['id']) : undefined;
}

/** Whether a `type` property (string or array) includes `name`. */
export function hasType(node: unknown, name: string): boolean {
  return isObject(node) && arrayOf(node['type']).includes(name);
}
