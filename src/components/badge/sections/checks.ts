import { html, nothing, type TemplateResult } from 'lit';
import type { Check, VerificationResult } from '../../../core/result.js';
import type { BadgeView } from '../../../core/view.js';
import { formatDateTime } from '../../../messages/format-date.js';
import { CHECK_ICONS, icon } from '../../base/icons.js';
import type { BadgeHost } from '../badge-host.js';
import type { TrustMessages } from '../../../messages/messages-base.js';
import type * as TrustModule from '../badge-trust.js';
import type { CheckContext } from './common.js';
import { renderReason, revocationReason } from './reason.js';

/** What draws who the issuer is, and its strings (loaded with the trust module: `trustParts` in badge-lazy-parts.ts). */
export interface TrustParts {
  readonly module: typeof TrustModule;
  readonly messages: TrustMessages;
}

/** Checks in the order most formats run them: while checking, the first one not settled is named as next. */
const CHECK_ORDER = ['format', 'proof', 'issuer', 'validity', 'status'];

/** A check's status as drawn: anything that is not one of the four reads as failed. */
function statusOf(check: Check | undefined): keyof typeof CHECK_ICONS {
  const status = check?.status;
  return status === 'passed' || status === 'warning' || status === 'skipped' ? status : 'failed';
}

/** A check's name, and its status for screen readers (the icon shows it). */
function checkLabel(host: BadgeHost, check: Check, status: keyof typeof CHECK_ICONS): TemplateResult {
  const m = host._m;
  return html`${m.checkLabel(String(check.id), check.details)}<span class="sr-only">: ${m.checkStatus(status)}</span>`;
}

/**
 * While checking: the checks settled so far and the one being run, so a slow status list does
 * not leave a bare "Checking…". Not a live region: only the verdict pill announces, once.
 */
export function renderProgress(host: BadgeHost): TemplateResult {
  const m = host._m;
  const done = host._progress.filter((check) => check !== null && typeof check === 'object');
  const ids = new Set(done.map((check) => String(check.id)));
  const next = CHECK_ORDER.find((id) => !ids.has(id));
  return html`<ol part="progress" class="lines" aria-label=${m.progressLabel}>
    ${done.map((check) => {
      const status = statusOf(check);
      return html`<li class="line check--${status}">
        ${icon(CHECK_ICONS[status], 'icon check__icon')}<span>${checkLabel(host, check, status)}</span>
      </li>`;
    })}
    <li class="line line--muted">${m.checkingNext(next)}</li>
  </ol>`;
}

/**
 * The `<details>` list of checks: the card's own (`part="checks"`, with how the issuer's domain
 * was confirmed when `trust` has loaded), or an endorsement's.
 */
export function renderChecks(
  host: BadgeHost,
  result: VerificationResult,
  checks: readonly Check[],
  context: CheckContext,
  badge: BadgeView | undefined,
  trust: TrustParts | undefined,
  { part = 'checks', summary }: { part?: string; summary?: string } = {},
): TemplateResult {
  const m = host._m;
  return html`<details part=${part} class="checks">
    <summary>${summary ?? m.checksSummary(checks.length)}</summary>
    <ol class="checks__list">
      ${checks.map((check) => {
        const status = statusOf(check);
        const reason =
          status === 'failed' && check.code === 'ERR_OB_REVOKED' ? revocationReason(check, badge) : undefined;
        return html`<li class="check check--${status}">
          ${icon(CHECK_ICONS[status], 'icon check__icon')}
          <span class="check__body">
            <span class="check__label">${checkLabel(host, check, status)}</span>
            <span class="check__text">${m.checkSentence({ ...check, status }, context)}</span>
            ${reason ? renderReason(host, reason) : nothing}
          </span>
        </li>`;
      })}
    </ol>
    ${
      // How the issuer's domain was confirmed, with the checks of a verified badge (its trust lines say that it was).
      trust ? trust.module.renderDomainMethod(result, trust.messages) : nothing
    }
    <p class="checks__time">${m.checkedAt(formatDateTime(result.checkedAt, context.lang))}</p>
  </details>`;
}
