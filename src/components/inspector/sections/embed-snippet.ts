import { html, nothing, type TemplateResult } from 'lit';
import type { VerificationResult } from '../../../core/result.js';
import type { Embed } from '../embed-offer.js';
import { formatNumber } from '../formatting.js';
import { displayOf } from '../verdict.js';
import { heading, type SectionContext } from './context.js';

/** How much of a snippet is shown as text; "Copy snippet" copies all of it (a CLR can be megabytes). */
const SNIPPET_SHOWN = 12_000;

/** "Embed this badge": the snippet (or why there is none) and its live preview. */
export function renderEmbed(
  context: SectionContext,
  embed: Embed | undefined,
  result: VerificationResult,
  preview: HTMLElement | undefined,
  onCopy: () => void,
  level: number,
): TemplateResult | typeof nothing {
  if (!embed) return nothing;
  const { messages: m, lang } = context;
  if ('unavailable' in embed) {
    return html`<div part="embed" class="embed" role="group" aria-labelledby="embed-title">
      ${heading('embed-title', m.embedHeading, level)}
      <p class="note">${m.embedUnavailable(embed.unavailable)}</p>
    </div>`;
  }
  const snippet = embed.snippet;
  const shortened = snippet.length > SNIPPET_SHOWN;
  return html`<div part="embed" class="embed" role="group" aria-labelledby="embed-title">
    ${heading('embed-title', m.embedHeading, level)}
    <p>${m.embedIntro(embed.content.kind === 'src' ? 'src' : 'inline')}</p>
    ${displayOf(result) === 'verified' ? nothing : html`<p class="note note--warn">${m.embedNotVerified}</p>`}
    <figure class="snippet">
      <figcaption class="snippet__bar">
        <span id="snippet-label">${m.snippetLabel}</span>
        <button type="button" @click=${onCopy}>${m.copySnippet}</button>
      </figcaption>
      <pre part="snippet" class="snippet__code" tabindex="0" role="group" aria-labelledby="snippet-label"><code>${
        shortened ? `${snippet.slice(0, SNIPPET_SHOWN)}…` : snippet
      }</code></pre>
    </figure>
    ${
      shortened
        ? html`<p class="hint">
            ${m.snippetShortened(formatNumber(SNIPPET_SHOWN, lang), formatNumber(snippet.length, lang))}
          </p>`
        : nothing
    }
    ${heading('preview-title', m.previewHeading, level + 1, 'subheading')}
    <p class="note">${m.previewNote}</p>
    <div part="preview" class="preview" role="group" aria-labelledby="preview-title">${preview}</div>
  </div>`;
}
