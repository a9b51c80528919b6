import { html, nothing, type TemplateResult } from 'lit';
import type { NestedResult, NestedRole } from '../../core/result.js';
import type { BadgeView } from '../../core/view.js';
import type { CardMessages, NestedCounts, NestedMessages } from '../../messages/messages-base.js';
import { verdictOfNested } from '../../render/nested.js';
import { displayId } from '../../render/display-id.js';
import { clip, text } from '../../render/untrusted.js';
import { icon } from '../base/icons.js';
import type { BadgeHost } from './badge-host.js';
import type { renderChecks } from './sections/checks.js';
import type { checkContextOf, link, sectionHeading } from './sections/common.js';

/**
 * What every nested part (badge-nested.ts, nested-endorsements.ts) draws with: the context of one
 * render, names as shown, and the summary of a list of nested credentials.
 */

/** The strings the nested parts draw with: the card's, and those of credentials inside credentials. */
export type NestedPartMessages = CardMessages & NestedMessages;

/** What the nested parts draw with: the card (its options, its nested cards' state), its strings and the nested ones, its language. */
export interface NestedContext {
  readonly host: BadgeHost;
  readonly messages: NestedPartMessages;
  /** The element's language (`lang` of it or an ancestor), given to the nested cards. */
  readonly lang: string | undefined;
  readonly sections: CardSections;
}

/**
 * The card's sections the nested parts draw with (sections/), handed over by the element rather
 * than imported: importing them here made the build move lit and lazy-module.ts out of the
 * script-tag file into a chunk of their own, a second file on every page (seen with Vite 8).
 */
export interface CardSections {
  readonly link: typeof link;
  readonly sectionHeading: typeof sectionHeading;
  readonly checkContextOf: typeof checkContextOf;
  readonly renderChecks: typeof renderChecks;
}

/** Names of nested credentials that did not verify, listed in the summary; the rest are counted. */
const MAX_NESTED_NAMES = 5;
/** How long a nested credential's name (or an endorser's) is shown in a summary or a button. */
const MAX_NESTED_NAME = 80;

/** An issuer as a name: its own name (clipped), else its id as displayed. */
export function nameOfIssuer(badge: BadgeView | undefined): string | undefined {
  const name = text(badge?.issuer?.name);
  if (name) return clip(name, MAX_NESTED_NAME);
  const id = text(badge?.issuer?.id);
  return id ? displayId(id, MAX_NESTED_NAME) : undefined;
}

export function nestedName(ctx: NestedContext, item: NestedResult): string {
  const name = text(item.result.badge?.name);
  return name ? clip(name, MAX_NESTED_NAME) : ctx.messages.untitledCredential;
}

/**
 * "12 of 13 achievements verified · 1 not verified", then the names of those that did not
 * verify, each quoted and isolated: a name is the issuer's text, never part of our sentence.
 */
export function renderNestedSummary(
  ctx: NestedContext,
  role: NestedRole,
  items: readonly NestedResult[],
  counts: NestedCounts,
): TemplateResult {
  const m = ctx.messages;
  const problems = (['unverified', 'unknown'] as const).filter((verdict) => counts[verdict] > 0);
  if (role === 'endorsement') {
    // Endorsements are secondary: a plain count; each is named, with its verdict, in the list.
    return html`<p part="nested-summary" class="nested__count nested__count--plain">
      <span>${m.nestedSummary(role, counts)}</span>
      ${problems.map((verdict) => html` <span class="nested__tally">${m.nestedCount(verdict, counts[verdict])}</span>`)}
    </p>`;
  }
  const tone = counts.unverified > 0 ? 'unverified' : counts.unknown > 0 ? 'unknown' : 'verified';
  return html`<div part="nested-summary" class="nested__summary nested__summary--${tone}">
    <p class="nested__count">
      ${icon(tone, 'icon nested__icon')}<span>${m.nestedSummary(role, counts)}</span>
      ${problems.map((verdict) => html` <span class="nested__tally">${m.nestedCount(verdict, counts[verdict])}</span>`)}
    </p>
    ${problems.map((verdict) => {
      const names = items.filter((item) => verdictOfNested(item) === verdict).map((item) => nestedName(ctx, item));
      const shown = names.slice(0, MAX_NESTED_NAMES);
      return html`<p class="nested__names">
        <span class="nested__lead">${m.nestedNamesLead(verdict)}</span>
        ${shown.map((name) => html` <bdi class="nested__name"><q>${name}</q></bdi>`)}
        ${names.length > shown.length ? html`<span class="nested__more">${m.nestedMore(names.length - shown.length)}</span>` : nothing}
      </p>`;
    })}
  </div>`;
}
