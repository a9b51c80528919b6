import type { VerificationResult } from '../../core/result.js';
import type { BadgeView, EvidenceView } from '../../core/view.js';
import {
  isMarkdownReady,
  markdownStyles,
  mayBeMarkdown,
  MAX_MARKDOWN_LENGTH,
  renderMarkdown,
  renderPlainText,
} from '../../render/markdown.js';
import { nestedOf } from '../../render/nested-results.js';
import { list, text } from '../../render/untrusted.js';
import { adoptOnce } from '../base/adopted-styles.js';
import type { BadgeHost } from './badge-host.js';
import { nestedCards } from './badge-lazy-parts.js';
import type { NarrativeRenderer } from './sections/common.js';

/**
 * Narrative characters one badge renders as Markdown; later narratives are shown as plain text.
 * Each narrative's lexing is bounded (ADR 0012), but a badge can carry a criteria narrative and 50
 * evidence narratives of 20 KB each.
 */
const MARKDOWN_CHARS_PER_BADGE = 30_000;

/** Renders a badge's narratives in document order, as Markdown while its allowance lasts. */
export function narratives(host: BadgeHost, level: number): NarrativeRenderer {
  let left = MARKDOWN_CHARS_PER_BADGE;
  const headingLevel = Math.min(6, level + 2);
  return (source) => {
    // Text without Markdown syntax is shown as it is, and costs none of the allowance.
    const cost = Math.min(source.length, MAX_MARKDOWN_LENGTH);
    const markdown = cost <= left && mayBeMarkdown(source);
    if (markdown) left -= cost;
    // An unchanged narrative is not walked again when the card re-renders: the template drawn
    // for it last time is handed back (lit then compares, and changes nothing). Keyed by the
    // source string itself, so the lookup does not hash a new key on every render.
    const ready = isMarkdownReady();
    const styles = markdown ? markdownStyles() : undefined;
    if (styles) adoptOnce(host.renderRoot as ShadowRoot, styles);
    const memos = host._shown.narratives;
    const memo = memos.get(source);
    if (memo && memo.level === headingLevel && memo.markdown === markdown && memo.ready === ready) return memo.drawn;
    const drawn = markdown ? renderMarkdown(source, { headingLevel }) : renderPlainText(source);
    memos.set(source, { level: headingLevel, markdown, ready, drawn });
    return drawn;
  };
}

/** Whether the card draws a narrative that may be Markdown: only those load the renderer; plain text is drawn as it is. */
export function hasMarkdown(host: BadgeHost, badge: BadgeView, result: VerificationResult | undefined): boolean {
  if (mayBeMarkdown(text(badge.criteria?.narrative)) || mayBeMarkdown(text(badge.endorsement?.comment))) return true;
  if (!host.noEvidence && list<EvidenceView>(badge.evidence).some((item) => mayBeMarkdown(text(item?.narrative))))
    return true;
  // Only a verified endorsement's comment is drawn as Markdown (once the nested module drew it).
  const endorsements = host.compact ? [] : nestedOf(result?.nested, 'endorsement');
  return endorsements.length > 0 && nestedCards.module?.hasEndorsementMarkdown(endorsements) === true;
}
