import { html, nothing, type TemplateResult } from 'lit';
import type { NestedResult, VerificationResult } from '../../../core/result.js';
import { clip, list, text } from '../../../render/untrusted.js';
import { isResult } from '../../base/results.js';
import { messageContextOf } from '../formatting.js';
import { displayOf, pillOf, problemSentence, verdictWord } from '../verdict.js';
import { renderChecks } from './checks.js';
import { heading, type SectionContext } from './context.js';
import { isRecord } from './details.js';
import { renderTrust } from './trust.js';

/** The nested sub-reports need to know which are open, and to tell the element when one is toggled. */
export interface NestedContext extends SectionContext {
  /** Ids of the sub-reports shown open; the others are not drawn. */
  readonly open: ReadonlySet<string>;
  readonly onToggle: (id: string, event: Event) => void;
}

/** The credentials inside a result that can be drawn: those with a result of their own. */
export function nestedOf(result: VerificationResult): NestedResult[] {
  return list<NestedResult>(result.nested).filter((item) => isRecord(item) && isResult(item.result));
}

/** The credentials inside it, each an expandable sub-report (`parent` prefixes the ids of the level). */
export function renderNested(
  context: NestedContext,
  items: readonly NestedResult[],
  level: number,
  parent = 'n',
): TemplateResult {
  const m = context.messages;
  const headingId = `${parent}-title`;
  return html`<div
    part=${parent === 'n' ? 'nested' : nothing}
    class="section"
    role="group"
    aria-labelledby=${headingId}
  >
    ${heading(headingId, m.nestedReportsHeading(items.length), level)}
    <ul class="nested">
      ${items.map((item, index) => {
        const id = `${parent}-${index}`;
        const open = context.open.has(id);
        const result = item.result;
        const name = text(result.badge?.name);
        return html`<li>
          <details ?open=${open} @toggle=${(event: Event) => context.onToggle(id, event)}>
            <summary>
              <span class="nested__role">${m.nestedRole(item.role)}</span>
              <span class="nested__name"><bdi>${name ? clip(name, 200) : m.untitledCredential}</bdi></span>
              <span class="word word--${pillOf(result)}">${verdictWord(m, result)}</span>
            </summary>
            ${open ? renderSubReport(context, item, id, level + 1) : nothing}
          </details>
        </li>`;
      })}
    </ul>
  </div>`;
}

function renderSubReport(context: NestedContext, item: NestedResult, id: string, level: number): TemplateResult {
  const m = context.messages;
  const result = item.result;
  const messageContext = messageContextOf(result, context.lang);
  const nested = nestedOf(result);
  const location = text(item.location);
  return html`<div class="nested__body">
    ${location ? html`<p class="hint">${m.nestedLocation(clip(location, 200))}</p>` : nothing}
    <p class="summary summary--${pillOf(result)}">
      ${m.summary(displayOf(result), problemSentence(m, result, messageContext))}
    </p>
    ${renderChecks(context, result, messageContext)} ${renderTrust(context, result.trust, `${id}-trust`, level)}
    ${nested.length > 0 ? renderNested(context, nested, level, id) : nothing}
  </div>`;
}
