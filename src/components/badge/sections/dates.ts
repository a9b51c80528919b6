import { html, nothing } from 'lit';
import type { VerificationResult } from '../../../core/result.js';
import type { BadgeView } from '../../../core/view.js';
import { text } from '../../../render/untrusted.js';
import type { BadgeHost } from '../badge-host.js';
import type { CheckContext, Rendered } from './common.js';

/** Issued, valid from (when it differs), and expires (or expired, at the time it was checked). */
export function renderDates(
  host: BadgeHost,
  badge: BadgeView,
  result: VerificationResult,
  context: CheckContext,
): Rendered {
  const m = host._m;
  const issued = text(badge.issuedOn);
  const from = text(badge.validFrom);
  const until = text(badge.validUntil);
  if (!issued && !from && !until) return nothing;
  const checkedAt = Date.parse(result.checkedAt);
  const expired = until !== undefined && Number.isFinite(checkedAt) && Date.parse(until) < checkedAt;
  const row = (label: string, value: string) =>
    html`<div class="dates__row">
      <dt>${label}</dt>
      <dd><time datetime=${value}>${context.formatDate(value)}</time></dd>
    </div>`;
  return html`<dl part="dates" class="dates">
    ${issued ? row(m.issued, issued) : nothing} ${from && from !== issued ? row(m.validFrom, from) : nothing}
    ${until ? row(expired ? m.expired : m.expires, until) : nothing}
  </dl>`;
}
