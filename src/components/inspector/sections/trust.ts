import { html, nothing, type TemplateResult } from 'lit';
import type { TrustReport } from '../../../core/trust/trust.js';
import { displayId } from '../../../render/display-id.js';
import { clip, text } from '../../../render/untrusted.js';
import { heading, type SectionContext } from './context.js';
import { isRecord, MAX_VALUE } from './details.js';

/** Who the issuer is (`result.trust`): its id, the name it states, the site's trust list and its domain. */
export function renderTrust(
  context: SectionContext,
  trust: TrustReport | undefined,
  id: string,
  level: number,
): TemplateResult | typeof nothing {
  if (!isRecord(trust)) return nothing;
  const m = context.messages;
  const issuerId = text(trust.issuerId);
  const stated = text(trust.statedName);
  const shownId = issuerId ? (displayId(issuerId, MAX_VALUE) ?? clip(issuerId, MAX_VALUE)) : undefined;
  const known = trust.known === null || isRecord(trust.known) ? trust.known : undefined;
  const domain = isRecord(trust.domain) ? trust.domain : undefined;
  return html`<div part="trust" class="section" role="group" aria-labelledby="${id}-title">
    ${heading(`${id}-title`, m.trustHeading, level)}
    <dl class="details">
      ${
        shownId
          ? html`<div class="details__row">
              <dt>${m.trustIssuerId}</dt>
              <dd><code class="id">${shownId}</code></dd>
            </div>`
          : nothing
      }
      ${
        stated
          ? html`<div class="details__row">
              <dt>${m.trustStatedName}</dt>
              <dd><bdi>${clip(stated, 200)}</bdi></dd>
            </div>`
          : nothing
      }
      <div class="details__row">
        <dt>${m.trustList}</dt>
        <dd>${m.trustKnown(known)}</dd>
      </div>
      <div class="details__row">
        <dt>${m.trustDomainLabel}</dt>
        <dd>${m.trustDomain(domain)}</dd>
      </div>
    </dl>
    <p class="note">${m.trustNote}</p>
  </div>`;
}
