import { html, nothing, type TemplateResult } from 'lit';
import type { Check, NestedResult, VerificationResult } from '../../core/result.js';
import { firstProblem, isNotRequested } from '../../core/result.js';
import type { BadgeView } from '../../core/view.js';
import { countNested, orderEndorsements, verdictOfNested } from '../../render/nested.js';
import { displayId } from '../../render/display-id.js';
import { mayBeMarkdown } from '../../render/markdown.js';
import { clip, list, text } from '../../render/untrusted.js';
import { icon } from '../base/icons.js';
import { isolated } from './badge-parts.js';
import { nameOfIssuer, renderNestedSummary, type NestedContext } from './nested-context.js';
import type { NarrativeRenderer, Rendered } from './sections/common.js';

/**
 * Endorsements, as the nested parts draw them: a standalone endorsement credential's statement,
 * and the endorsements of a credential, its achievement or its issuer.
 */

/** A comment of an endorsement that did not verify is shown as plain text, at most this long. */
const MAX_UNTRUSTED_COMMENT = 600;

/** Whether a verified endorsement among `items` has a comment that may be Markdown (the others are plain text). */
export function hasEndorsementMarkdown(items: readonly NestedResult[]): boolean {
  return items.some(
    (item) => verdictOfNested(item) === 'verified' && mayBeMarkdown(text(item.result.badge?.endorsement?.comment)),
  );
}

/**
 * A standalone endorsement credential: who endorses what, and the endorser's comment. Unless it
 * is verified, only what it claims to be (the card's banner says why).
 */
export function renderEndorsementStatement(
  ctx: NestedContext,
  badge: BadgeView,
  result: VerificationResult,
  renderNarrative: NarrativeRenderer,
): Rendered {
  if (badge.spec !== 'endorsement') return nothing;
  const trusted = result.verdict === 'verified' && result.verified === true;
  const endorser = nameOfIssuer(badge);
  const subjectId = text(badge.endorsement?.subjectId);
  const subject = subjectId ? displayId(subjectId, 120) : undefined;
  const comment = text(badge.endorsement?.comment);
  return html`<p part="endorsement" class="endorsement-statement ${trusted ? '' : 'claimed'}">
      ${isolated((who, what) => (trusted ? ctx.messages.endorses(who, what) : ctx.messages.claimsToEndorse(who, what)), endorser, subject)}
    </p>
    ${!ctx.host.compact && comment ? html`<div class="endorsement-statement__comment">${renderNarrative(comment)}</div>` : nothing}`;
}

/**
 * Endorsements of this credential, its achievement or its issuer: verified ones first, as
 * endorsements; the others after them, plainly marked not verified, with no link, logo or
 * Markdown (their words are shown as plain text), so nothing about them reads as trusted.
 */
export function renderEndorsements(
  ctx: NestedContext,
  endorsements: readonly NestedResult[],
  level: number,
  renderNarrative: NarrativeRenderer,
): Rendered {
  const items = orderEndorsements(endorsements);
  if (items.length === 0) return nothing;
  const m = ctx.messages;
  return html`<section
    part="endorsements"
    class="section endorsements"
    role="group"
    aria-labelledby="endorsement-title"
  >
    ${ctx.sections.sectionHeading('endorsement-title', m.nestedHeading('endorsement'), level)}
    ${renderNestedSummary(ctx, 'endorsement', items, countNested(items))}
    <ul class="endorsements__list">
      ${items.map((item) => {
        try {
          return renderEndorsement(ctx, item, renderNarrative);
        } catch {
          // One endorsement we could not draw: said so, without taking the badge down with it.
          return html`<li class="endorsement endorsement--untrusted">
            <p class="verdict verdict--small verdict--unverified">
              ${icon('unverified')}<span class="verdict__text">${m.verdict('unverified')}</span>
            </p>
            <p class="endorsement__reason">${m.unexpectedError}</p>
          </li>`;
        }
      })}
    </ul>
  </section>`;
}

function renderEndorsement(ctx: NestedContext, item: NestedResult, renderNarrative: NarrativeRenderer): TemplateResult {
  const m = ctx.messages;
  const result = item.result;
  const verdict = verdictOfNested(item);
  const trusted = verdict === 'verified';
  const view = result.badge;
  const endorser = nameOfIssuer(view) ?? m.untitledCredential;
  const id = text(view?.issuer?.id);
  const shortId = id ? displayId(id) : undefined;
  const comment = text(view?.endorsement?.comment);
  const context = ctx.sections.checkContextOf(ctx.host, result);
  const all = list<Check>(result.checks).filter((check) => check !== null && typeof check === 'object');
  const checks = all.filter((check) => !isNotRequested(check));
  const problem = trusted ? undefined : firstProblem(all);
  return html`<li class="endorsement endorsement--${trusted ? 'trusted' : 'untrusted'}">
    <div class="endorsement__head">
      <p class="endorsement__by">
        <span class="label">${trusted ? m.endorsedBy : m.claimsEndorsedBy}</span>
        ${trusted ? ctx.sections.link(ctx.host, view?.issuer?.url, endorser, 'endorsement__name') : html`<span class="endorsement__name">${endorser}</span>`}
        ${shortId && shortId !== endorser ? html`<span class="issuer__id">${shortId}</span>` : nothing}
      </p>
      <p class="verdict verdict--small verdict--${verdict}">
        ${icon(verdict)}<span class="verdict__text">${m.verdict(verdict)}</span>
      </p>
    </div>
    <p class="endorsement__about">${m.endorsementAbout(item.about?.target)}</p>
    ${problem ? html`<p class="endorsement__reason">${m.checkSentence(problem, context)}</p>` : nothing}
    ${
      comment
        ? html`<div class="endorsement__comment">
            ${trusted ? renderNarrative(comment) : html`<p class="md--plain">${clip(comment, MAX_UNTRUSTED_COMMENT)}</p>`}
          </div>`
        : nothing
    }
    ${
      !ctx.host.noChecks && checks.length > 0
        ? ctx.sections.renderChecks(ctx.host, result, checks, context, view, undefined, {
            part: 'endorsement-checks',
            summary: m.endorsementChecksSummary(checks.length),
          })
        : nothing
    }
  </li>`;
}
