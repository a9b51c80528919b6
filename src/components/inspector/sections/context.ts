import { html, type TemplateResult } from 'lit';
import type { InspectorMessages } from '../../../messages/inspector-messages.js';

/**
 * What every section of `<ob-inspector>` draws with: the element's strings (already merged with
 * English) and the page's language. Sections are plain functions of this and their own data; the
 * element decides their order and owns their state.
 */
export interface SectionContext {
  readonly messages: InspectorMessages;
  /** `languageOf` the element, for numbers, sizes and dates. */
  readonly lang: string | undefined;
}

/** A heading as a paragraph with `role="heading"`: its level follows the page's (`heading-level`), not the markup. */
export function heading(id: string, label: string, level: number, className = 'heading'): TemplateResult {
  return html`<p id=${id} class=${className} role="heading" aria-level=${level}>${label}</p>`;
}
