import { html, nothing } from 'lit';
import type { BadgeView, EvidenceView } from '../../../core/view.js';
import { safeLinkUrl } from '../../../render/safe-url.js';
import { list, text } from '../../../render/untrusted.js';
import type { BadgeHost } from '../badge-host.js';
import { link, sectionHeading, type NarrativeRenderer, type Rendered } from './common.js';

/** What it takes to earn the badge: the narrative, and a link to the criteria page. */
export function renderCriteria(
  host: BadgeHost,
  badge: BadgeView,
  level: number,
  renderNarrative: NarrativeRenderer,
): Rendered {
  const narrative = text(badge.criteria?.narrative);
  const url = safeLinkUrl(badge.criteria?.url);
  if (!narrative && !url) return nothing;
  return html`<section part="criteria" class="section criteria" role="group" aria-labelledby="criteria-title">
    ${sectionHeading('criteria-title', host._m.criteria, level)} ${narrative ? renderNarrative(narrative) : nothing}
    ${url ? html`<p class="criteria__link">${link(host, url, host._m.criteriaLink)}</p>` : nothing}
  </section>`;
}

/** The evidence of the achievement: each item's name, description, narrative, link. */
export function renderEvidence(
  host: BadgeHost,
  badge: BadgeView,
  level: number,
  renderNarrative: NarrativeRenderer,
): Rendered {
  const items = list<EvidenceView>(badge.evidence).filter((item) => item && typeof item === 'object');
  if (items.length === 0) return nothing;
  return html`<section part="evidence" class="section evidence" role="group" aria-labelledby="evidence-title">
    ${sectionHeading('evidence-title', host._m.evidence, level)}
    <ul class="evidence__list">
      ${items.map((item) => {
        const name = text(item.name);
        const url = safeLinkUrl(item.id);
        const narrative = text(item.narrative);
        return html`<li class="evidence__item">
          ${name ? html`<p class="evidence__name">${link(host, url, name)}</p>` : nothing}
          ${text(item.description) ? html`<p class="evidence__description">${item.description}</p>` : nothing}
          ${narrative ? renderNarrative(narrative) : nothing}
          ${url && !name ? html`<p>${link(host, url, host._m.evidenceLink)}</p>` : nothing}
        </li>`;
      })}
    </ul>
  </section>`;
}
