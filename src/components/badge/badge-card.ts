import { html, isServer, nothing, type TemplateResult } from 'lit';
import type { Check, VerificationResult } from '../../core/result.js';
import { firstProblem, isNotRequested } from '../../core/result.js';
import type { BadgeView } from '../../core/view.js';
import { displayHost, type DisplayVerdict } from '../../messages/messages-base.js';
import { nestedOf } from '../../render/nested-results.js';
import { list, text } from '../../render/untrusted.js';
import type { RunStatus } from '../base/verify-controller.js';
import type { BadgeHost } from './badge-host.js';
import { nestedParts, trustParts } from './badge-lazy-parts.js';
import { narratives } from './badge-narratives.js';
import { knownOf, trustOf } from './badge-parts.js';
import { renderAlignments, renderTags } from './sections/alignments.js';
import { renderChecks, renderProgress } from './sections/checks.js';
import { checkContextOf, type CheckContext } from './sections/common.js';
import { renderCriteria, renderEvidence } from './sections/criteria.js';
import { renderDates } from './sections/dates.js';
import { renderBanner, renderError, renderHeader } from './sections/header.js';
import { renderImage } from './sections/image.js';
import { renderIssuer } from './sections/issuer.js';
import { renderOwner, renderRecipient } from './sections/recipient.js';
import { revocationReason } from './sections/reason.js';

/**
 * The card `<ob-badge>` draws, its sections in order: image, header, banner, error, what the badge
 * says, the notes, the trust lines, progress and checks. Each section is a function of
 * sections/ (the nested ones: badge-nested.ts, once loaded); a new one is added here, in its place.
 */

/** What a card shows for the run's `status` and its `result` (`undefined`: nothing to verify yet). */
export function displayOf(status: RunStatus, result: VerificationResult | undefined): DisplayVerdict | undefined {
  if (status === 'initial') return undefined;
  if (status === 'pending') return 'loading';
  if (!result || !result.badge) return 'error';
  // Never show "Verified" unless both flags agree.
  if (result.verdict === 'verified') return result.verified === true ? 'verified' : 'unverified';
  return result.verdict === 'unknown' ? 'unknown' : 'unverified';
}

/**
 * What `<ob-badge>` draws before there is a run to show: the page's own content inside it, its
 * no-JS fallback (a link, an image; a credential `<script>` is never displayed), through a slot.
 *
 * In the browser that is while it has nothing to verify: once it has, the "Checking…" card replaces
 * the fallback in the same render that upgrades it, so neither shows without the other.
 *
 * On a server (`@lit-labs/ssr`), where nothing is verified or fetched, it is the "Checking…" card's
 * shell (image placeholder, the verdict pill as a live region) with the fallback inside it: what a
 * visitor sees until the script upgrades the element, which then draws the card of its own run.
 */
export function renderFallback(host: BadgeHost): TemplateResult {
  if (!isServer) return html`<slot></slot>`;
  const level = levelOf(host);
  return html`<article part="base" class="badge badge--loading" aria-busy="true">
    <div class="badge__media">${renderImage(host, undefined, 'loading')}</div>
    <div class="badge__body">
      ${renderHeader(host, undefined, undefined, 'loading', 'loading', false, level)}
      <div class="badge__fallback"><slot></slot></div>
    </div>
  </article>`;
}

/** The card, its sections in order (each drawn by sections/…, the nested ones by badge-nested.ts once loaded). */
export function renderCard(
  host: BadgeHost,
  display: DisplayVerdict,
  result: VerificationResult | undefined,
  fallback = false,
): TemplateResult {
  const m = host._m;
  const badge = fallback ? undefined : result?.badge;
  const context = checkContextOf(host, result);
  const checks = list<Check>(result?.checks);
  const problem = firstProblem(checks);
  const problemText = problem ? m.checkSentence(problem, context) : undefined;
  // An unreadable badge is still "status unknown", not "not verified", when nothing was judged
  // (a server that does not let browsers read it).
  const pill: DisplayVerdict = display === 'error' && result?.verdict === 'unknown' ? 'unknown' : display;
  // A check the page did not ask for (no recipient declared) was never run: not listed.
  const shown = checks.filter((check) => !(check && typeof check === 'object' && isNotRequested(check)));
  const reason = problem?.code === 'ERR_OB_REVOKED' ? revocationReason(problem, badge) : undefined;
  const proxied = checks.find((check) => check?.details?.['viaProxy'] !== undefined);
  // levelOf's rule, written out: the call alone would cost the first load bytes it does not have.
  const level = Math.min(6, Math.max(1, Math.trunc(host.headingLevel) || 3));
  // A presentation is headed as one, never by the name its holder wrote into it.
  const name = badge?.spec === 'vp' ? m.presentationName : text(badge?.name);
  // A presentation nobody signed is a container of credentials, each judged on its own: neither
  // "verified" nor a failed presentation, and said so in its own words.
  const unsigned =
    display === 'unknown' && problem?.status === 'warning' && problem.code === 'ERR_OB_PRESENTATION_UNSIGNED';
  const trust = trustParts(host);

  return html`
    <article
      part="base"
      class="badge badge--${display}"
      aria-busy=${display === 'loading' ? 'true' : 'false'}
      aria-labelledby=${name ? 'name' : nothing}
    >
      <div class="badge__media">${renderImage(host, badge, display)}</div>
      <div class="badge__body">
        ${renderHeader(host, badge, name, display, pill, unsigned, level)}
        ${renderBanner(host, display, unsigned, nestedOf(result?.nested, 'credential').length, problemText, reason)}
        ${display === 'error' ? renderError(host, pill, problemText) : nothing}
        ${badge ? renderContent(host, badge, result!, context, level, display) : nothing}
        ${
          proxied
            ? html`<p part="proxy" class="proxy-note">${m.proxyNote(displayHost(proxied.details!['viaProxy']))}</p>`
            : nothing
        }
        ${trust && result === host._trustProblem ? trust.module.renderTrustNote(trust.messages) : nothing}
        ${trust && display === 'verified' ? trust.module.renderTrust(result!, trust.messages) : nothing}
        ${display === 'loading' && !host.noChecks ? renderProgress(host) : nothing}
        ${result && !host.noChecks && shown.length > 0 ? renderChecks(host, result, shown, context, badge, trust) : nothing}
      </div>
    </article>
  `;
}

/** What the badge says, in order: who it was awarded to and by whom, then what it is (compact cards stop early). */
function renderContent(
  host: BadgeHost,
  badge: BadgeView,
  result: VerificationResult,
  context: CheckContext,
  level: number,
  display: DisplayVerdict,
): TemplateResult {
  const compact = host.compact;
  const description = text(badge.description);
  const narrative = narratives(host, level);
  const nested = nestedParts(host, badge, result);
  // Not verified: who it names is only what it claims, and reads so (ADR 0009).
  const verified = display === 'verified';
  return html`
    ${renderRecipient(host, text(badge.recipient?.name), verified)} ${renderOwner(host, result)}
    ${nested ? nested.holder(badge, result) : nothing}
    ${renderIssuer(host, badge, verified ? knownOf(trustOf(result)) : false)}
    ${nested ? nested.endorsementStatement(badge, result, narrative) : nothing}
    ${!compact && description ? html`<p part="description" class="description">${description}</p>` : nothing}
    ${compact ? nothing : renderDates(host, badge, result, context)}
    ${nested ? nested.nested(badge, nestedOf(result.nested, 'achievement'), level, 'achievement') : nothing}
    ${nested ? nested.nested(badge, nestedOf(result.nested, 'credential'), level, 'credential') : nothing}
    ${compact ? nothing : renderCriteria(host, badge, level, narrative)}
    ${compact || host.noEvidence ? nothing : renderEvidence(host, badge, level, narrative)}
    ${compact ? nothing : renderAlignments(host, badge, level)} ${compact ? nothing : renderTags(host, badge)}
    ${compact || !nested ? nothing : nested.endorsements(nestedOf(result.nested, 'endorsement'), level, narrative)}
  `;
}

/** The ARIA level of the badge name: `heading-level`, kept within 1–6 (renderCard writes it out). */
function levelOf(host: BadgeHost): number {
  return Math.min(6, Math.max(1, Math.trunc(host.headingLevel) || 3));
}
