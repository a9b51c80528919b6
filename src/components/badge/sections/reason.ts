import { html, type TemplateResult } from 'lit';
import type { Check } from '../../../core/result.js';
import type { BadgeView } from '../../../core/view.js';
import { clip, text } from '../../../render/untrusted.js';
import type { BadgeHost } from '../badge-host.js';

/** The longest revocation reason shown; the issuer's words, quoted, so a reason cannot fill the card. */
const MAX_REASON = 200;

/** The issuer's reason for a revocation: the status check's, else the render model's; clipped, or undefined. */
export function revocationReason(check: Check, badge: BadgeView | undefined): string | undefined {
  const view = badge as (BadgeView & { readonly revocationReason?: unknown }) | undefined;
  const reason = text(check.details?.['revocationReason']) ?? text(view?.revocationReason);
  return reason ? clip(reason, MAX_REASON) : undefined;
}

/** The issuer's words, quoted and isolated (`<bdi>`): direction marks in them cannot reorder the page's sentence. */
export function renderReason(host: BadgeHost, reason: string): TemplateResult {
  return html`<span part="reason" class="reason"
    >${host._m.revocationReason}: <q><bdi>${reason}</bdi></q></span
  >`;
}
