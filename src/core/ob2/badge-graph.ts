import { KeyUnresolvable, SchemaInvalid } from '../errors.js';
import { idOf, isObject, stringOf, type JsonObject } from '../lib/json.js';
import type { ParsedBadge, Step, VerifyContext } from '../plugin.js';
import type { BadgeView } from '../view.js';
import { toOb2BadgeView } from '../view-ob2.js';
import { checkAssertionDates, isHttpUrl, validateBadgeClass, validateIssuerProfile } from './documents.js';
import { guarded, loadLinked, type Ob2Node } from './graph.js';

/** What both OB 2.0 formats know about a badge as verification proceeds; one per run. */
export interface Ob2State {
  /** The assertion believed: the signed payload, or the hosted copy once fetched. */
  assertion: JsonObject;
  /** Where the assertion came from, when fetched (hosted). */
  hosted?: Ob2Node;
  badgeClass?: Ob2Node;
  /** The issuer Profile as fetched from its own `id` (or embedded, for a non-web id). */
  issuer?: Ob2Node;
  /** The BadgeClass → Profile walk, started once and shared by the steps that need it. */
  graph?: Promise<Ob2Graph>;
  /** Proxies that answered for any document read so far (see `disclosingProxies`). */
  proxies?: Set<string>;
}

/** Remembers that `node` came through a proxy, for every later check that builds on it. */
export function noteProxy(state: Ob2State, node: Ob2Node): Ob2Node {
  if (node.viaProxy) (state.proxies ??= new Set()).add(node.viaProxy);
  return node;
}

/**
 * An OB 2.0 badge is a chain of documents read once and relied on by every later check (the
 * hosted copy's dates and recipient, the Profile's keys). A check made after a proxy answered any
 * of them says so, even when it fetched nothing itself.
 */
export function disclosingProxies<P extends ParsedOb2>(step: Step<P>): Step<P> {
  return {
    ...step,
    async run(parsed, context) {
      const outcome = await step.run(parsed, context);
      const proxies = parsed.state.proxies;
      if (!proxies || proxies.size === 0 || outcome.status === 'skipped') return outcome;
      return { ...outcome, details: { ...outcome.details, viaProxy: [...proxies].join(', ') } };
    },
  };
}

export interface Ob2Graph {
  readonly badgeClass: Ob2Node;
  readonly issuer: Ob2Node;
  readonly issuerId: string;
}

export interface ParsedOb2 extends ParsedBadge {
  readonly state: Ob2State;
}

/**
 * BadgeClass, then its issuer Profile. The Profile is always read from its own web address
 * when it has one, even when the BadgeClass embeds a copy: its keys and hosting policy count only
 * as the issuer publishes them, never as a badge repeats them.
 */
export function loadBadgeGraph(state: Ob2State, context: VerifyContext): Promise<Ob2Graph> {
  state.graph ??= guarded(async () => {
    const badgeClass = noteProxy(state, await loadLinked(state.assertion['badge'], { kind: 'BadgeClass' }, context));
    validateBadgeClass(badgeClass.node);
    state.badgeClass = badgeClass;
    const issuer = noteProxy(
      state,
      await loadLinked(badgeClass.node['issuer'], { kind: 'Profile', fetchEmbedded: true }, context),
    );
    validateIssuerProfile(issuer.node);
    state.issuer = issuer;
    const issuerId = stringOf(issuer.node['id'])!;
    const linked = idOf(badgeClass.node['issuer']);
    // The BadgeClass names its issuer; the Profile read for it must be that issuer (or the same
    // host's declared alias of it, see `loadNodeAt`).
    if (linked !== undefined && linked !== issuerId && linked !== issuer.url && issuer.declaredId !== issuerId) {
      throw new SchemaInvalid(`The BadgeClass names ${linked} as its issuer, but ${issuerId} answered`, {
        details: { node: 'BadgeClass', property: 'issuer', id: linked },
      });
    }
    return { badgeClass, issuer, issuerId };
  });
  return state.graph;
}

/** The issuer Profile's id when it can publish keys: signed badges need one at a web address. */
export function webIssuerIdOf(graph: Ob2Graph): string {
  if (!isHttpUrl(graph.issuerId)) {
    throw new KeyUnresolvable(`The issuer ${graph.issuerId} has no web address that could publish its keys`, {
      details: { issuer: graph.issuerId },
    });
  }
  return graph.issuerId;
}

/** Whether the assertion is revoked on its face (a hosted 410, or `revoked: true`). */
export function isRevokedOnItsFace(state: Ob2State): boolean {
  return state.hosted?.httpStatus === 410 || state.assertion['revoked'] === true;
}

/** Dates, from the assertion believed; a stripped revoked assertion has none to check. */
export const ob2ValidityStep: Step<ParsedOb2> = {
  id: 'validity',
  requires: ['proof'],
  run(parsed, context) {
    const { assertion } = parsed.state;
    if (isRevokedOnItsFace(parsed.state) && assertion['issuedOn'] === undefined) {
      return {
        status: 'skipped',
        message: 'Not checked: the issuer has revoked this assertion',
        details: { revoked: true },
      };
    }
    return checkAssertionDates(assertion, context);
  },
};

/** The render model from whatever is known: the BadgeClass and Profile as read, else as embedded. */
export function ob2ViewOf(state: Ob2State, fallback?: JsonObject): BadgeView {
  const assertion =
    state.assertion['badge'] === undefined && fallback ? { ...fallback, ...state.assertion } : state.assertion;
  const embeddedClass = isObject(assertion['badge']) ? assertion['badge'] : undefined;
  const badgeClass = state.badgeClass?.node ?? embeddedClass;
  const embeddedIssuer = isObject(badgeClass?.['issuer']) ? badgeClass['issuer'] : undefined;
  return toOb2BadgeView(assertion, badgeClass, state.issuer?.node ?? embeddedIssuer);
}
