/** Narrowing helpers for untrusted JSON: every read of badge data goes through one of these. */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty string, else undefined. */
export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** JSON-LD lets most properties be one value or an array of them. */
export function arrayOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The `id` of a node that may be written as a bare IRI string or as an object with `id`. */
export function idOf(value: unknown): string | undefined {
  return typeof value === 'string' ? stringOf(value) : isObject(value) ? stringOf(value['id']) : undefined;
}

/** Whether a `type` property (string or array) includes `name`. */
export function hasType(node: unknown, name: string): boolean {
  return isObject(node) && arrayOf(node['type']).includes(name);
}
