import { hasType, isObject, type JsonObject } from '../lib/json.js';

// What this format recognises, apart from its shell and its lazily loaded plug-in: both detect
// with it, before and after the plug-in loads, and neither imports the other back.

/** A Verifiable Credential as JSON (a presentation is another format's). */
export function isCredential(value: unknown): value is JsonObject {
  return isObject(value) && hasType(value, 'VerifiableCredential') && !hasType(value, 'VerifiablePresentation');
}
