import { html } from 'lit';
import type { VerificationResult } from '../../core/result.js';
import type { TrustReport } from '../../core/trust/trust.js';
import { clip, text } from '../../render/untrusted.js';

/**
 * What `<ob-badge>` and its lazily loaded parts (badge-nested.ts, badge-trust.ts) both draw with:
 * the isolation of untrusted values inside a sentence, and the reading of `result.trust`. A module of its own so the
 * nested chunk imports it (from the entry, where the element already has it) rather than being
 * handed it.
 */

/** Where the n-th untrusted value goes in a message while it is split (Private Use Area: no message holds it). */
const SLOT = 0xe000;

/**
 * A message with untrusted values in it (a name, a holder, a list's name), each value in its own
 * `<bdi>`: whatever its characters, it cannot reorder the sentence around it, and the sentence
 * cannot run into it. `build` is the message, given markers in place of the values; a value that
 * is `undefined` is passed as such.
 */
export function isolated<T extends readonly (string | undefined)[]>(
  build: (...values: T) => string,
  ...values: T
): unknown[] {
  const slots = values.map((value, index) => (value === undefined ? undefined : String.fromCharCode(SLOT + index)));
  return String(build(...(slots as unknown as T)))
    .split(/([\ue000-\ue00f])/u)
    .map((piece, index) => (index % 2 === 1 ? html`<bdi>${values[piece.charCodeAt(0) - SLOT]}</bdi>` : piece));
}

/** `result.trust`, when it is an object: a verifier's junk never breaks the card. */
export function trustOf(result: VerificationResult | undefined): TrustReport | undefined {
  const trust: unknown = result?.trust;
  return typeof trust === 'object' && trust !== null ? (trust as TrustReport) : undefined;
}

/** The trust list's entry for the issuer, when it names one (`null`: a list was given and does not list it). */
export function knownOf(trust: TrustReport | undefined): { name: string; list: string | undefined } | null | undefined {
  const known: unknown = trust?.known;
  if (known === null) return null;
  const name = text((known as { name?: unknown } | undefined)?.name);
  return name ? { name: clip(name, 200), list: text((known as { list?: unknown }).list) } : undefined;
}
