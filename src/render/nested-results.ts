import type { NestedResult, NestedRole } from '../core/result.js';

/**
 * Which credentials nested in a verification result (`result.nested`) have a role: the element's
 * first bundle needs only this; how they are arranged and counted (`nested.ts`) is loaded with the
 * nested renderer.
 */

/** The nested results of one role, in input order. */
export function nestedOf(nested: unknown, role: NestedRole): NestedResult[] {
  if (!Array.isArray(nested)) return [];
  return (nested as unknown[]).filter(
    (item): item is NestedResult =>
      typeof item === 'object' &&
      item !== null &&
      (item as NestedResult).role === role &&
      typeof (item as NestedResult).result === 'object' &&
      (item as NestedResult).result !== null,
  );
}
