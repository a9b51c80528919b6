import { html, nothing } from 'lit';
import type { Check, NestedResult, NestedRole, VerificationResult } from '../../core/result.js';
import type { BadgeView } from '../../core/view.js';
import { languageOf } from '../../messages/format-date.js';
import { withFallback, type CardMessages } from '../../messages/messages-base.js';
import { nestedEn } from '../../messages/messages-nested.js';
import { arrangeNested, countNested, flattenNested, type NestedNode } from '../../render/nested.js';
import { displayId } from '../../render/display-id.js';
import { list, text } from '../../render/untrusted.js';
import { icon } from '../base/icons.js';
import type { BadgeHost } from './badge-host.js';
import { isolated } from './badge-parts.js';
import {
  nestedName,
  renderNestedSummary,
  type CardSections,
  type NestedContext,
  type NestedPartMessages,
} from './nested-context.js';
import { renderEndorsements, renderEndorsementStatement } from './nested-endorsements.js';
import type { NarrativeRenderer, Rendered } from './sections/common.js';

/**
 * What `<ob-badge>` draws for credentials inside credentials: a CLR transcript's achievements, a
 * presentation's holder and credentials, endorsements, and a standalone endorsement's statement.
 * Only badges that carry such results need it, so the element loads this module with `import()`
 * when one does (see `nestedCards` in badge-lazy-parts.ts) and draws the rest of the card meanwhile.
 *
 * Plain functions of the element (its options, its strings, the state of its nested cards: the
 * `BadgeHost` members) like the sections/ of the card. lit, the sections and the helpers it shares
 * with the element are ordinary imports: the build's chunk plan (vite.config.ts) keeps them in the
 * script-tag file, which this chunk imports.
 */

export { nestedStyles } from './badge-nested.styles.js';
export { hasEndorsementMarkdown } from './nested-endorsements.js';

/** Cards added per idle period after the first ones, so a 100-achievement transcript never blocks the page. */
const NESTED_CHUNK = 24;
/**
 * Calls `grow` with how many more nested cards to draw when the browser is idle (at the latest
 * after 100 ms). Each card is an element with its own shadow root: creating them, not laying them
 * out, is the cost (`content-visibility` saves the layout).
 */
export function growLater(grow: (more: number) => void): { readonly cancel: () => void } {
  const next = () => grow(NESTED_CHUNK);
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(next, { timeout: 100 });
    return { cancel: () => cancelIdleCallback(handle) };
  }
  const handle = setTimeout(next, 0);
  return { cancel: () => clearTimeout(handle) };
}

/** The nested parts of one render of a card, drawn with `ctx`; the element calls each in the card's order. */
export interface NestedRenderer {
  holder(badge: BadgeView, result: VerificationResult): Rendered;
  endorsementStatement(badge: BadgeView, result: VerificationResult, renderNarrative: NarrativeRenderer): Rendered;
  /** `items`: the results of `role` nested in `badge`'s credential, in input order. */
  nested(badge: BadgeView, items: readonly NestedResult[], level: number, role: 'achievement' | 'credential'): Rendered;
  /** `items`: the endorsements nested in the credential, in input order. */
  endorsements(items: readonly NestedResult[], level: number, renderNarrative: NarrativeRenderer): Rendered;
}

/** The card's merged strings with the nested ones, merged once per card strings object. */
const mergedMessages = new WeakMap<CardMessages, NestedPartMessages>();

function nestedMessages(card: CardMessages, custom: unknown): NestedPartMessages {
  let merged = mergedMessages.get(card);
  if (!merged) {
    // Spread into one object: the card's sentences call its other members on it (`this`).
    merged = { ...card, ...withFallback(custom, nestedEn) };
    mergedMessages.set(card, merged);
  }
  return merged;
}

/** What draws the nested parts of `host`'s card in this render. */
export function nestedRenderer(
  host: BadgeHost,
  link: CardSections['link'],
  sectionHeading: CardSections['sectionHeading'],
  checkContextOf: CardSections['checkContextOf'],
  renderChecks: CardSections['renderChecks'],
): NestedRenderer {
  const ctx: NestedContext = {
    host,
    messages: nestedMessages(host._m, host.messages),
    lang: languageOf(host),
    sections: { link, sectionHeading, checkContextOf, renderChecks },
  };
  return {
    holder: (badge, result) => renderHolder(ctx, badge, result),
    endorsementStatement: (badge, result, renderNarrative) =>
      renderEndorsementStatement(ctx, badge, result, renderNarrative),
    nested: (badge, items, level, role) => renderNested(ctx, badge, items, level, role),
    endorsements: (items, level, renderNarrative) => renderEndorsements(ctx, items, level, renderNarrative),
  };
}

/** Opens a nested card, or closes it. */
function toggle(host: BadgeHost, id: string): void {
  const open = new Set(host._shown.open);
  if (!open.delete(id)) open.add(id);
  host._shown.open = open;
  host.requestUpdate();
}

/** A presentation's holder, and whether the key that signed it is theirs. */
function renderHolder(ctx: NestedContext, badge: BadgeView, result: VerificationResult): Rendered {
  const holder = badge.spec === 'vp' ? text(badge.holder) : undefined;
  const shown = holder ? displayId(holder, 120) : undefined;
  if (!shown) return nothing;
  const check = list<Check>(result.checks).find((item) => item?.id === 'holder');
  const outcome =
    check?.status === 'passed'
      ? 'proven'
      : check?.status === 'failed' && check.code === 'ERR_OB_HOLDER_MISMATCH'
        ? 'mismatch'
        : 'unproven';
  const tone = outcome === 'proven' ? 'match' : outcome === 'mismatch' ? 'mismatch' : 'unchecked';
  const iconName = outcome === 'proven' ? 'verified' : outcome === 'mismatch' ? 'unverified' : 'unknown';
  return html`<p part="holder" class="owner owner--${tone}">
    ${icon(iconName, 'icon owner__icon')}<span
      >${isolated((who) => ctx.messages.presentedBy(who, outcome), shown)}</span
    >
  </p>`;
}

/**
 * A transcript's achievements or a presentation's credentials: the summary, then (unless compact)
 * each as a compact card that expands to the full badge. Long lists are drawn in chunks.
 */
function renderNested(
  ctx: NestedContext,
  badge: BadgeView,
  items: readonly NestedResult[],
  level: number,
  role: 'achievement' | 'credential',
): Rendered {
  if (items.length === 0) return nothing;
  const m = ctx.messages;
  // A transcript is arranged (associations, types, dates); a presentation keeps its holder's order.
  const arrangement =
    role === 'achievement'
      ? arrangeNested(items, list(badge.associations))
      : {
          mode: 'flat' as const,
          groups: [{ label: undefined, nodes: items.map((item, index) => ({ item, index, children: [] })) }],
        };
  // The summary names them in the order the cards are shown.
  const summary = renderNestedSummary(ctx, role, flattenNested(arrangement), countNested(items));
  if (ctx.host.compact) return summary;
  const labelled = arrangement.mode === 'type';
  const titleId = `${role}-title`;
  const before = ctx.host._cards.left;
  const groups = arrangement.groups.map((group, index) => {
    const cards = group.nodes.map((node) => renderNestedCard(ctx, node, role, level + (labelled ? 3 : 2), badge));
    if (!labelled)
      return html`<ul class="nested__list">
        ${cards}
      </ul>`;
    const groupId = `${role}-group-${index}`;
    return html`<div class="nested__group" role="group" aria-labelledby=${groupId}>
      <p id=${groupId} class="nested__group-title" role="heading" aria-level=${Math.min(6, level + 2)}>
        ${m.achievementGroup(group.label)}
      </p>
      <ul class="nested__list">
        ${cards}
      </ul>
    </div>`;
  });
  const shown = before - ctx.host._cards.left;
  const waiting = shown < items.length;
  return html`<section
    part=${role === 'achievement' ? 'transcript' : 'credentials'}
    class="section nested"
    role="group"
    aria-labelledby=${titleId}
    aria-busy=${waiting ? 'true' : 'false'}
  >
    ${ctx.sections.sectionHeading(titleId, m.nestedHeading(role), level)} ${summary} ${groups}
    ${waiting ? html`<p class="nested__progress">${m.nestedProgress(shown, items.length)}</p>` : nothing}
  </section>`;
}

/** One nested credential: a compact `<ob-badge>` showing its settled result, and the button that expands it. */
function renderNestedCard(
  ctx: NestedContext,
  node: NestedNode,
  role: NestedRole,
  level: number,
  outer: BadgeView,
): Rendered {
  if (ctx.host._cards.left <= 0) {
    ctx.host._cards.waiting = true;
    return nothing;
  }
  ctx.host._cards.left--;
  const m = ctx.messages;
  const id = `${role}-${node.index}`;
  const open = ctx.host._shown.open.has(id);
  // A closed card leaves out what the outer card already says: the same learner, the same issuer.
  const view = node.item.result.badge;
  const recipient = text(outer.recipient?.name);
  const issuer = text(outer.issuer?.id);
  const same = [
    !open && recipient !== undefined && text(view?.recipient?.name) === recipient ? 'nested__card--same-recipient' : '',
    !open && issuer !== undefined && text(view?.issuer?.id) === issuer ? 'nested__card--same-issuer' : '',
  ].join(' ');
  return html`<li class="nested__item">
    <ob-badge
      id=${id}
      class="nested__card ${same}"
      lang=${ctx.lang ?? nothing}
      heading-level=${Math.min(6, level)}
      ?compact=${!open}
      ?no-checks=${!open || ctx.host.noChecks}
      ?no-evidence=${ctx.host.noEvidence}
      .messages=${m}
      .verification=${node.item.result}
    ></ob-badge>
    <button
      type="button"
      part="nested-toggle"
      class="nested__toggle"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls=${id}
      @click=${() => toggle(ctx.host, id)}
    >
      ${open ? m.hideDetails : m.showDetails}<span class="sr-only">: ${nestedName(ctx, node.item)}</span>
    </button>
    ${
      node.children.length > 0
        ? html`<ul class="nested__list nested__list--children">
            ${node.children.map((child) => renderNestedCard(ctx, child, role, level + 1, outer))}
          </ul>`
        : nothing
    }
  </li>`;
}
