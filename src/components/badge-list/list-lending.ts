import type { Verifier } from '../../core/verify.js';
import type { ObBadge } from '../badge/badge.js';
import type { ListHost, ListVariant } from './list-types.js';

/**
 * What the list gives its badges: the generated ones take the list's variant, verifier, clock,
 * trust list and `check-domain`; the page's children take only the verifier and clock, and only
 * while the page has not given them their own.
 */

const VARIANTS: readonly ListVariant[] = ['card', 'compact', 'detailed'];

/** The list's variant, `card` for anything else. */
export function variantOf(host: ListHost): ListVariant {
  return VARIANTS.includes(host.variant) ? host.variant : 'card';
}

/** What the list gives each generated badge. */
export interface Lent {
  readonly variant: ListVariant;
  readonly verifier: Verifier | undefined;
  readonly now: Date | undefined;
  readonly trusted: string | undefined;
  readonly checkDomain: boolean;
}

/** A child's `verifier` and `now` as the list set them (a different value is the page's own). */
export interface LentToChild {
  verifier?: Verifier | undefined;
  now?: Date | undefined;
}

export function lendTo(badge: ObBadge, lent: Lent): void {
  badge.trustedIssuers = lent.trusted;
  badge.checkDomain = lent.checkDomain;
  badge.compact = lent.variant !== 'detailed';
  badge.noChecks = lent.variant === 'compact';
  badge.verifier = lent.verifier;
  badge.now = lent.now;
}
