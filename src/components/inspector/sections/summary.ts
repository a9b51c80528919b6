import { html, type TemplateResult } from 'lit';
import type { VerificationResult } from '../../../core/result.js';
import { formatDate, formatTime } from '../../../messages/format-date.js';
import { displayOf, pillOf } from '../verdict.js';
import type { SectionContext } from './context.js';

/** "Checked in this browser at 14:03" (with the date when it was not today). */
export function renderCheckedAt(context: SectionContext, result: VerificationResult): TemplateResult {
  const lang = context.lang;
  const at = Date.parse(result.checkedAt);
  const today = new Date();
  const sameDay = !Number.isNaN(at) && new Date(at).toDateString() === today.toDateString();
  const time = formatTime(result.checkedAt, lang) || result.checkedAt;
  const date = sameDay ? undefined : formatDate(result.checkedAt, lang);
  return html`<time datetime=${result.checkedAt}
    >${context.messages.checkedInBrowser(displayOf(result) === 'verified', time, date)}</time
  >`;
}

/** The verdict as a sentence, with the first problem's, in the verdict's colour. */
export function renderSummary(
  context: SectionContext,
  result: VerificationResult,
  problem: string | undefined,
): TemplateResult {
  return html`<p class="summary summary--${pillOf(result)}">
    ${context.messages.summary(displayOf(result), problem)}
  </p>`;
}
