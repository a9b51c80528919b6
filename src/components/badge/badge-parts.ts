import { html, svg, type TemplateResult } from 'lit';
import type { VerificationResult } from '../../core/result.js';
import type { TrustReport } from '../../core/trust/trust.js';
import { clip, text } from '../../render/untrusted.js';

/**
 * What `<ob-badge>` and its lazily loaded parts (badge-nested.ts, badge-trust.ts) both draw with:
 * the icons, the isolation of untrusted values inside a sentence, and the reading of `result.trust`. A module of its own so the
 * nested chunk imports it (from the entry, where the element already has it) rather than being
 * handed it.
 */

const icons = {
  verified: svg`<path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-1.2 14.2-4-4 1.4-1.4 2.6 2.6 5.6-5.6 1.4 1.4-7 7Z" />`,
  unverified: svg`<path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm3.6 12.2-1.4 1.4L12 13.4l-2.2 2.2-1.4-1.4 2.2-2.2-2.2-2.2 1.4-1.4 2.2 2.2 2.2-2.2 1.4 1.4-2.2 2.2 2.2 2.2Z" />`,
  unknown: svg`<path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-2h2v2Zm0-4h-2V7h2v6Z" />`,
  skipped: svg`<path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm5 11H7v-2h10v2Z" />`,
  loading: svg`<path class="spin" d="M12 2a10 10 0 1 0 10 10h-2.5A7.5 7.5 0 1 1 12 4.5V2Z" />`,
  medal: svg`<path d="M7 2h10l-2.2 5.2A7 7 0 1 1 9.2 7.2L7 2Zm5 8a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9Zm0 1.8 1.1 2.2 2.4.3-1.7 1.7.4 2.4-2.2-1.1-2.2 1.1.4-2.4-1.7-1.7 2.4-.3L12 11.8Z" />`,
};

export function icon(name: keyof typeof icons, className = 'icon'): TemplateResult {
  return html`<svg
    class=${className}
    viewBox="0 0 24 24"
    width="1em"
    height="1em"
    aria-hidden="true"
    focusable="false"
    fill="currentColor"
  >
    ${icons[name]}
  </svg>`;
}

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
