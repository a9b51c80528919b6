import { arrayOf, hasType, isObject, type JsonObject } from '../lib/json.js';
import { jwsPayloadText, peekJwsPayload } from '../lib/compact-jws.js';
import { looksLikeCompactJws } from '../proofs/jws.js';

/**
 * Recognising Open Badges 2.0 (and older) input, cheaply and without the verification code:
 * the formats' `detect` runs for every badge, while their checks load with `import()` only for
 * a 2.0 badge (`formats/lazy-format.ts`).
 */

/** The URLs the Open Badges 2.0 context is published at (w3id redirects to the last). */
const OB2_CONTEXTS = new Set([
  'https://w3id.org/openbadges/v2',
  'http://w3id.org/openbadges/v2',
  'https://openbadgespec.org/v2/context.json',
  'https://w3id.org/openbadges/v2/context.json',
]);

/** Open Badges 1.0/1.1: recognised so they can be named as unsupported rather than "not a badge". */
const OB1_CONTEXTS = new Set(['https://w3id.org/openbadges/v1', 'http://w3id.org/openbadges/v1']);

type ContextKind = 'ob2' | 'ob1' | 'unknown' | 'none';

/**
 * What a document's `@context` says it is. An inline context object counts as 2.0 when it maps
 * the Open Badges vocabulary (some issuers paste the whole 2.0 context into each document).
 */
export function contextKindOf(node: JsonObject): ContextKind {
  const contexts = arrayOf(node['@context']);
  if (contexts.length === 0) return 'none';
  let kind: ContextKind = 'unknown';
  for (const context of contexts) {
    if (typeof context === 'string' && OB2_CONTEXTS.has(context)) return 'ob2';
    if (isObject(context) && context['obi'] === 'https://w3id.org/openbadges#') return 'ob2';
    if (typeof context === 'string' && OB1_CONTEXTS.has(context)) kind = 'ob1';
  }
  return kind;
}

/** The VC data model's own contexts: a document carrying one is a Verifiable Credential, not OB 2.0. */
function isVerifiableCredential(node: JsonObject): boolean {
  return hasType(node, 'VerifiableCredential') || hasType(node, 'VerifiablePresentation');
}

/**
 * Whether JSON looks like an OB 2.0 (or older) assertion: the 2.0 context or the `Assertion`
 * type, or the 1.x shape (`uid` + `verify` + `badge`). A revoked hosted assertion may be stripped
 * to `{ @context, id, revoked: true }` (OB 2.0 §Revoking Hosted Assertions) and still counts.
 */
export function looksLikeOb2Assertion(value: unknown): value is JsonObject {
  if (!isObject(value) || isVerifiableCredential(value)) return false;
  if (hasType(value, 'Assertion')) return true;
  const kind = contextKindOf(value);
  if (kind === 'ob2' || kind === 'ob1') {
    return value['type'] === undefined || value['revoked'] === true || value['recipient'] !== undefined;
  }
  return kind === 'none' && value['uid'] !== undefined && value['verify'] !== undefined && value['badge'] !== undefined;
}

/** A compact JWS's payload as JSON (parsed afresh: the caller's own), or undefined. */
export function jwsPayloadOf(jws: string): unknown {
  try {
    return JSON.parse(jwsPayloadText(jws));
  } catch {
    return undefined;
  }
}

/** A compact JWS whose payload is an OB 2.0 assertion (not a VC-JWT). */
export function looksLikeSignedOb2(text: string | undefined): text is string {
  if (text === undefined || !looksLikeCompactJws(text)) return false;
  const payload = peekJwsPayload(text);
  return looksLikeOb2Assertion(payload) && !isObject(payload['vc']);
}
