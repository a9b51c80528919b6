import { html, nothing, type TemplateResult } from 'lit';
import type { BadgeView } from '../../../core/view.js';
import type { DisplayVerdict } from '../../../messages/messages-base.js';
import { text } from '../../../render/untrusted.js';
import { icon } from '../../base/icons.js';
import type { BadgeHost } from '../badge-host.js';
import { renderReason } from './reason.js';
import type { Rendered } from './common.js';

/**
 * The badge's type and name, and the verdict pill: the live region, which announces only the outcome.
 */
export function renderHeader(
  host: BadgeHost,
  badge: BadgeView | undefined,
  name: string | undefined,
  display: DisplayVerdict,
  pill: DisplayVerdict,
  unsigned: boolean,
  level: number,
): TemplateResult {
  const m = host._m;
  return html`<header class="badge__header">
    <div class="badge__titles">
      ${badge && text(badge.achievementType) ? html`<p class="badge__type">${badge.achievementType}</p>` : nothing}
      ${
        name
          ? html`<p id="name" part="name" class="badge__name" role="heading" aria-level=${level}>${name}</p>`
          : display === 'loading'
            ? html`<p class="badge__placeholder">${m.loading}</p>`
            : nothing
      }
    </div>
    <p part="verdict" class="verdict verdict--${unsigned ? 'unsigned' : pill}" role="status">
      ${icon(pill === 'error' ? 'unverified' : pill)}<span class="verdict__text"
        >${unsigned ? m.unsignedVerdict : m.verdict(pill)}</span
      >
    </p>
  </header>`;
}

/**
 * Why the badge is not verified ("Not verified: …", "Status unknown: …", with the issuer's reason
 * for a revocation), or that a presentation nobody signed holds credentials each judged on its own.
 */
export function renderBanner(
  host: BadgeHost,
  display: DisplayVerdict,
  unsigned: boolean,
  credentials: number,
  problemText: string | undefined,
  reason: string | undefined,
): Rendered {
  const m = host._m;
  return unsigned
    ? html`<p part="banner" class="banner banner--unsigned">
        ${icon('unknown')}<span class="banner__text">${m.unsignedPresentation(credentials)}</span>
      </p>`
    : display === 'unverified' || display === 'unknown'
      ? html`<p part="banner" class="banner banner--${display}">
          ${icon(display)}<span class="banner__text"
            >${m.banner(display, problemText)} ${reason ? renderReason(host, reason) : nothing}</span
          >
        </p>`
      : nothing;
}

/** "This badge could not be read", and why. */
export function renderError(host: BadgeHost, pill: DisplayVerdict, problemText: string | undefined): TemplateResult {
  return html`<div part="error" class="error">
    ${icon(pill === 'unknown' ? 'unknown' : 'unverified')}
    <p>${host._m.unreadable(problemText)}</p>
  </div>`;
}
