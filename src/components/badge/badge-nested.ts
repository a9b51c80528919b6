import { html, nothing, type TemplateResult } from 'lit';
import type { Check, NestedResult, NestedRole, VerificationResult } from '../../core/result.js';
import { firstProblem, isNotRequested } from '../../core/result.js';
import type { BadgeView } from '../../core/view.js';
import {
  withFallback,
  type CardMessages,
  type MessageContext,
  type NestedCounts,
  type NestedMessages,
} from '../../messages/messages-base.js';
import { nestedEn } from '../../messages/messages-nested.js';
import {
  arrangeNested,
  countNested,
  flattenNested,
  orderEndorsements,
  verdictOfNested,
  type NestedNode,
} from '../../render/nested.js';
import { displayId } from '../../render/display-id.js';
import { mayBeMarkdown } from '../../render/markdown.js';
import { clip, list, text } from '../../render/untrusted.js';
import { icon } from '../base/icons.js';
import { isolated } from './badge-parts.js';

/**
 * What `<ob-badge>` draws for credentials inside credentials: a CLR transcript's achievements, a
 * presentation's holder and credentials, endorsements, and a standalone endorsement's statement.
 * Only badges that carry such results need it, so the element loads this module with `import()`
 * when one does (see `nestedCards` in badge.ts) and draws the rest of the card meanwhile.
 *
 * Pure functions of a context the element hands over: its options, its strings, the state of its
 * nested cards, and the element's methods it draws the rest of the card with. lit and the helpers
 * it shares with the element are ordinary imports: the build's chunk plan (vite.config.ts) keeps
 * them in the script-tag file, which this chunk imports. Never the element itself.
 */

export { nestedStyles } from './badge-nested.styles.js';

/** A check context, as the element makes it for a result: the message context and the page language. */
export type CheckContext = MessageContext & { readonly lang: string | undefined };

/** The strings the nested parts draw with: the card's, and those of credentials inside credentials. */
export type NestedPartMessages = CardMessages & NestedMessages;

/** What the element hands over: its strings are the card's (merged), and the page's own `messages`. */
export interface NestedOptions extends Omit<NestedContext, 'messages'> {
  /** The card's strings, already merged with the page's (`withFallback(messages, cardEn)`). */
  readonly card: CardMessages;
  /** The page's `messages` as given: the nested strings are merged from it here (`nestedEn`). */
  readonly custom: unknown;
}

interface NestedContext {
  readonly messages: NestedPartMessages;
  /** The element's language (`lang` of it or an ancestor), given to the nested cards. */
  readonly lang: string | undefined;
  readonly compact: boolean;
  readonly noChecks: boolean;
  readonly noEvidence: boolean;
  /** Ids of the nested cards shown expanded, and how a card's button opens or closes one. */
  readonly open: ReadonlySet<string>;
  readonly toggle: (id: string) => void;
  /**
   * The nested cards this render may still draw (`left`, counted down as they are drawn), and
   * whether one had to wait for a later render (`waiting`, set here).
   */
  readonly cards: { left: number; waiting: boolean };
  readonly link: (url: string | undefined, content: unknown, className?: string) => TemplateResult;
  readonly sectionHeading: (id: string, label: string, level: number) => TemplateResult;
  readonly checkContext: (result: VerificationResult) => CheckContext;
  readonly renderChecks: (
    result: VerificationResult,
    checks: readonly Check[],
    context: CheckContext,
    badge: BadgeView | undefined,
    options: { part: string; summary: string },
  ) => TemplateResult;
}

/** Renders a narrative (Markdown while the badge's allowance lasts, else plain text). */
export type NarrativeRenderer = (source: string) => unknown;

/** A template, or lit's `nothing`. */
type Rendered = TemplateResult | typeof nothing;

/** Cards added per idle period after the first ones, so a 100-achievement transcript never blocks the page. */
const NESTED_CHUNK = 24;
/** Names of nested credentials that did not verify, listed in the summary; the rest are counted. */
const MAX_NESTED_NAMES = 5;
/** How long a nested credential's name (or an endorser's) is shown in a summary or a button. */
const MAX_NESTED_NAME = 80;
/** A comment of an endorsement that did not verify is shown as plain text, at most this long. */
const MAX_UNTRUSTED_COMMENT = 600;

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

export function nestedRenderer(options: NestedOptions): NestedRenderer {
  const ctx: NestedContext = { ...options, messages: nestedMessages(options.card, options.custom) };
  return {
    holder: (badge, result) => renderHolder(ctx, badge, result),
    endorsementStatement: (badge, result, renderNarrative) =>
      renderEndorsementStatement(ctx, badge, result, renderNarrative),
    nested: (badge, items, level, role) => renderNested(ctx, badge, items, level, role),
    endorsements: (items, level, renderNarrative) => renderEndorsements(ctx, items, level, renderNarrative),
  };
}

/** Whether a verified endorsement among `items` has a comment that may be Markdown (the others are plain text). */
export function hasEndorsementMarkdown(items: readonly NestedResult[]): boolean {
  return items.some(
    (item) => verdictOfNested(item) === 'verified' && mayBeMarkdown(text(item.result.badge?.endorsement?.comment)),
  );
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
 * A standalone endorsement credential: who endorses what, and the endorser's comment. Unless it
 * is verified, only what it claims to be (the card's banner says why).
 */
function renderEndorsementStatement(
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
    ${!ctx.compact && comment ? html`<div class="endorsement-statement__comment">${renderNarrative(comment)}</div>` : nothing}`;
}

/** An issuer as a name: its own name (clipped), else its id as displayed. */
function nameOfIssuer(badge: BadgeView | undefined): string | undefined {
  const name = text(badge?.issuer?.name);
  if (name) return clip(name, MAX_NESTED_NAME);
  const id = text(badge?.issuer?.id);
  return id ? displayId(id, MAX_NESTED_NAME) : undefined;
}

function nestedName(ctx: NestedContext, item: NestedResult): string {
  const name = text(item.result.badge?.name);
  return name ? clip(name, MAX_NESTED_NAME) : ctx.messages.untitledCredential;
}

/**
 * "12 of 13 achievements verified · 1 not verified", then the names of those that did not
 * verify, each quoted and isolated: a name is the issuer's text, never part of our sentence.
 */
function renderNestedSummary(
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
  if (ctx.compact) return summary;
  const labelled = arrangement.mode === 'type';
  const titleId = `${role}-title`;
  const before = ctx.cards.left;
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
  const shown = before - ctx.cards.left;
  const waiting = shown < items.length;
  return html`<section
    part=${role === 'achievement' ? 'transcript' : 'credentials'}
    class="section nested"
    role="group"
    aria-labelledby=${titleId}
    aria-busy=${waiting ? 'true' : 'false'}
  >
    ${ctx.sectionHeading(titleId, m.nestedHeading(role), level)} ${summary} ${groups}
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
  if (ctx.cards.left <= 0) {
    ctx.cards.waiting = true;
    return nothing;
  }
  ctx.cards.left--;
  const m = ctx.messages;
  const id = `${role}-${node.index}`;
  const open = ctx.open.has(id);
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
      ?no-checks=${!open || ctx.noChecks}
      ?no-evidence=${ctx.noEvidence}
      .messages=${m}
      .verification=${node.item.result}
    ></ob-badge>
    <button
      type="button"
      part="nested-toggle"
      class="nested__toggle"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls=${id}
      @click=${() => ctx.toggle(id)}
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

/**
 * Endorsements of this credential, its achievement or its issuer: verified ones first, as
 * endorsements; the others after them, plainly marked not verified, with no link, logo or
 * Markdown (their words are shown as plain text), so nothing about them reads as trusted.
 */
function renderEndorsements(
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
    ${ctx.sectionHeading('endorsement-title', m.nestedHeading('endorsement'), level)}
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
  const context = ctx.checkContext(result);
  const all = list<Check>(result.checks).filter((check) => check !== null && typeof check === 'object');
  const checks = all.filter((check) => !isNotRequested(check));
  const problem = trusted ? undefined : firstProblem(all);
  return html`<li class="endorsement endorsement--${trusted ? 'trusted' : 'untrusted'}">
    <div class="endorsement__head">
      <p class="endorsement__by">
        <span class="label">${trusted ? m.endorsedBy : m.claimsEndorsedBy}</span>
        ${trusted ? ctx.link(view?.issuer?.url, endorser, 'endorsement__name') : html`<span class="endorsement__name">${endorser}</span>`}
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
      !ctx.noChecks && checks.length > 0
        ? ctx.renderChecks(result, checks, context, view, {
            part: 'endorsement-checks',
            summary: m.endorsementChecksSummary(checks.length),
          })
        : nothing
    }
  </li>`;
}
