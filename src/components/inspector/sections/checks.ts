import { html, nothing, type TemplateResult } from 'lit';
import type { Check, CheckStatus, VerificationResult } from '../../../core/result.js';
import { isNotRequested } from '../../../core/result.js';
import type { MessageContext } from '../../../messages/messages.js';
import { clip, list, text } from '../../../render/untrusted.js';
import { CHECK_ICONS, icon } from '../../base/icons.js';
import type { SectionContext } from './context.js';
import { isRecord, renderDetails } from './details.js';

const KNOWN_STATUSES = new Set(['passed', 'failed', 'warning', 'skipped']);

/** Every check in order: its name, status, sentence, error code and facts. */
export function renderChecks(
  context: SectionContext,
  result: VerificationResult,
  messageContext: MessageContext,
): TemplateResult {
  const m = context.messages;
  return html`<ol class="checks">
    ${list<Check>(result.checks).map((check) => {
      if (!isRecord(check)) return nothing;
      // A status the view does not know is drawn as the worst one.
      const status = KNOWN_STATUSES.has(check.status) ? check.status : 'failed';
      const sentence = isNotRequested(check)
        ? m.recipientNotRequested
        : m.checkSentence({ ...check, status }, messageContext);
      const code = text(check.code);
      return html`<li class="check check--${status}">
        ${icon(CHECK_ICONS[status as CheckStatus], 'icon check__icon')}
        <div class="check__body">
          <p class="check__head">
            <span class="check__label">${m.checkLabel(String(check.id), check.details)}</span>
            <span class="check__status">${m.checkStatus(status)}</span>
          </p>
          <p class="check__sentence">${sentence}</p>
          ${
            code && (status === 'failed' || status === 'warning')
              ? html`<p class="check__code">${m.errorCode}: <code>${clip(code, 64)}</code></p>`
              : nothing
          }
          ${isNotRequested(check) ? nothing : renderDetails(context, check.details, 0)}
        </div>
      </li>`;
    })}
  </ol>`;
}
