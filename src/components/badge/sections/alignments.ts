import { html, nothing } from 'lit';
import type { AlignmentView, BadgeView } from '../../../core/view.js';
import { list, text } from '../../../render/untrusted.js';
import type { BadgeHost } from '../badge-host.js';
import { link, sectionHeading, type Rendered } from './common.js';

/** Skills and standards the badge is aligned to, as chips (framework · code beside the name). */
export function renderAlignments(host: BadgeHost, badge: BadgeView, level: number): Rendered {
  const items = list<AlignmentView>(badge.alignments).filter((item) => text(item?.name));
  if (items.length === 0) return nothing;
  return html`<section part="alignments" class="section alignments" role="group" aria-labelledby="alignments-title">
    ${sectionHeading('alignments-title', host._m.alignments, level)}
    <ul class="chips">
      ${items.map((item) => {
        const meta = [text(item.framework), text(item.code)].filter(Boolean).join(' · ');
        return html`<li class="chip" title=${text(item.description) ?? nothing}>
          ${link(host, item.url, item.name)}${meta ? html`<span class="chip__meta">${meta}</span>` : nothing}
        </li>`;
      })}
    </ul>
  </section>`;
}

export function renderTags(host: BadgeHost, badge: BadgeView): Rendered {
  const tags = list<unknown>(badge.tags).filter((tag): tag is string => text(tag) !== undefined);
  if (tags.length === 0) return nothing;
  return html`<ul part="tags" class="tags" aria-label=${host._m.tags}>
    ${tags.map((tag) => html`<li class="tag">${tag}</li>`)}
  </ul>`;
}
