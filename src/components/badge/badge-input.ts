import type { VerifyInput } from '../../core/verify.js';
import { text } from '../../render/untrusted.js';

/**
 * What `<ob-badge>` verifies, read from the page: its `credential`, its `src` (resolved against
 * the page) or a child `<script>` holding the credential, and who the page says its owner is.
 */

/** Inline credential types read from a child `<script>`; browsers never execute these types. */
const INLINE_TYPES = new Set(['application/json', 'application/ld+json', 'application/jwt', 'application/vc+jwt']);

/** The text of `host`'s first child `<script>` of a credential type, or `undefined` when it has none (or it is empty). */
export function readInline(host: HTMLElement): string | undefined {
  const script = [...host.children].find(
    (child): child is HTMLScriptElement =>
      child instanceof HTMLScriptElement && INLINE_TYPES.has(child.type.trim().toLowerCase()),
  );
  const content = script?.textContent?.trim();
  return content ? content : undefined;
}

/** The input to verify, first one set wins: the credential, the URL, the inline script's text. */
export function toInput(
  host: HTMLElement,
  credential: unknown,
  src: string | undefined,
  inline: string | undefined,
): VerifyInput {
  if (credential !== undefined) return credential as VerifyInput;
  if (src !== undefined) {
    try {
      return new URL(src, host.ownerDocument.baseURI);
    } catch {
      return src;
    }
  }
  return inline ?? '';
}

/** The page owner's identity from `<meta name="ob-recipient" content="…">`, if the page has one. */
export function metaRecipient(document: Document): string | undefined {
  const meta = document.querySelector('meta[name="ob-recipient" i]');
  return text(meta?.getAttribute('content'))?.trim();
}

/** Whether `loading` says to wait until the badge comes near the viewport. */
export function isLazy(loading: unknown): boolean {
  return String(loading).trim().toLowerCase() === 'lazy';
}
