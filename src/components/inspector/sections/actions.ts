import { html, type TemplateResult } from 'lit';
import type { SectionContext } from './context.js';

/** 1EdTech's public validator for Open Badges and CLR (README of 1EdTech/digital-credentials-public-validator). */
export const VALIDATOR_URL = 'https://vc.1ed.tech/';

/** "Download report (JSON)" and the link to the 1EdTech validator. */
export function renderActions(context: SectionContext, onDownload: () => void): TemplateResult {
  const m = context.messages;
  return html`<div part="actions" class="section">
    <p class="actions">
      <button type="button" @click=${onDownload}>${m.downloadReport}</button>
      <a href=${VALIDATOR_URL} target="_blank" rel="noopener noreferrer"
        >${m.validatorLink}<span class="sr-only"> ${m.opensInNewTab}</span></a
      >
    </p>
    <p class="note">${m.validatorNote}</p>
  </div>`;
}
