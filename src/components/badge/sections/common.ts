import { html, type nothing, type TemplateResult } from 'lit';
import type { VerificationResult } from '../../../core/result.js';
import { formatDate, formatTime, languageOf } from '../../../messages/format-date.js';
import { safeLinkUrl } from '../../../render/safe-url.js';
import type { BadgeHost } from '../badge-host.js';
import type { MessageContext } from '../../../messages/messages-base.js';

/**
 * What the sections of `<ob-badge>` share. Each section is a plain function of the element (its
 * strings, `_m`) and its own data; the element decides their order in `render()`.
 */

/** A template, or lit's `nothing`. */
export type Rendered = TemplateResult | typeof nothing;

/** A check context, as the element makes it for a result: the message context and the page language. */
export type CheckContext = MessageContext & { readonly lang: string | undefined };

/** Renders a narrative (Markdown while the badge's allowance lasts, else plain text). */
export type NarrativeRenderer = (source: string) => unknown;

/** A link that opens in a new tab (and says so), or the content alone when the URL is not a safe one. */
export function link(host: BadgeHost, url: string | undefined, content: unknown, className = ''): TemplateResult {
  const href = safeLinkUrl(url);
  if (!href) return html`<span class=${className}>${content}</span>`;
  return html`<a class=${className} href=${href} target="_blank" rel="noopener noreferrer nofollow"
    >${content}<span class="sr-only"> ${host._m.opensInNewTab}</span></a
  >`;
}

/** A section's heading, one level below the badge's name. */
export function sectionHeading(id: string, label: string, level: number): TemplateResult {
  return html`<p id=${id} class="section__title" role="heading" aria-level=${Math.min(6, level + 1)}>${label}</p>`;
}

/** What the sentences of `result`'s checks are written with: the element's language and the result's format. */
export function checkContextOf(host: BadgeHost, result: VerificationResult | undefined): CheckContext {
  const lang = languageOf(host);
  return {
    lang,
    formatDate: (value) => formatDate(value, lang),
    formatTime: (value) => formatTime(value, lang),
    format: result?.format,
  };
}
