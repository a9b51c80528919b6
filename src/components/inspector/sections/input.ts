import { html, nothing, type TemplateResult } from 'lit';
import { formatBytes } from '../formatting.js';
import type { InputHandlers } from '../input-events.js';
import { MAX_INPUT_BYTES } from '../input-reading.js';
import type { SectionContext } from './context.js';

/** The file field, the paste box and the address field, in a box that also takes a dropped file. */
export function renderInput(context: SectionContext, over: boolean, on: InputHandlers): TemplateResult {
  const m = context.messages;
  return html`<div
    part="input"
    class="input ${over ? 'input--over' : ''}"
    @dragenter=${on.onDragOver}
    @dragover=${on.onDragOver}
    @dragleave=${on.onDragLeave}
    @drop=${on.onDrop}
  >
    <div class="field">
      <label for="file">${m.fileLabel}</label>
      <input
        id="file"
        type="file"
        accept=".png,.svg,.json,.jsonld,.jwt,.txt,image/png,image/svg+xml,application/json,application/ld+json,text/plain"
        aria-describedby="file-hint"
        @change=${on.onFile}
      />
      <p id="file-hint" class="hint">${m.fileHint(formatBytes(MAX_INPUT_BYTES, context.lang))}</p>
    </div>
    <form class="field" novalidate @submit=${on.onPasteSubmit}>
      <label for="paste">${m.pasteLabel}</label>
      <textarea
        id="paste"
        rows="3"
        spellcheck="false"
        autocomplete="off"
        aria-describedby="paste-hint"
        @paste=${on.onPaste}
      ></textarea>
      <p id="paste-hint" class="hint">${m.pasteHint}</p>
      <button type="submit">${m.pasteButton}</button>
    </form>
    <form class="field" novalidate @submit=${on.onUrlSubmit}>
      <label for="url">${m.urlLabel}</label>
      <input id="url" type="url" inputmode="url" spellcheck="false" autocomplete="url" aria-describedby="url-hint" />
      <p id="url-hint" class="hint">${m.urlHint}</p>
      <button type="submit">${m.urlButton}</button>
    </form>
    <p class="privacy">${m.privacy}</p>
    ${over ? html`<p class="input__drop" aria-hidden="true">${m.dropHere}</p>` : nothing}
  </div>`;
}
