import { html, nothing } from 'lit';
import type { Check, VerificationResult } from '../../../core/result.js';
import { list } from '../../../render/untrusted.js';
import { icon } from '../../base/icons.js';
import type { BadgeHost } from '../badge-host.js';
import { isolated } from '../badge-parts.js';
import type { Rendered } from './common.js';

/** "Awarded to …": unless the badge is verified, only what it claims (ADR 0009). */
export function renderRecipient(host: BadgeHost, recipient: string | undefined, verified: boolean): Rendered {
  const m = host._m;
  if (!recipient) return nothing;
  return verified
    ? html`<p part="recipient" class="recipient">${isolated((name) => m.awardedTo(name), recipient)}</p>`
    : html`<p part="recipient" class="recipient claimed">${isolated((name) => m.claimsAwardedTo(name), recipient)}</p>`;
}

/**
 * Whether the badge is the page owner's, when the page named its owner. Fixed text only: the
 * badge's recipient identity may be a hash, which is never shown as if it were a name.
 */
export function renderOwner(host: BadgeHost, result: VerificationResult): Rendered {
  const check = list<Check>(result.checks).find((item) => item?.id === 'recipient');
  let outcome: 'match' | 'mismatch' | 'unchecked';
  if (check?.status === 'passed') outcome = 'match';
  else if (check?.status === 'failed' && check.code === 'ERR_OB_RECIPIENT_MISMATCH') outcome = 'mismatch';
  else if (check?.status === 'failed' || check?.status === 'warning') outcome = 'unchecked';
  // Not asked for, or not run because the signature failed (the banner says so): nothing to say.
  else return nothing;
  const iconName = outcome === 'match' ? 'verified' : outcome === 'mismatch' ? 'unverified' : 'unknown';
  return html`<p part="owner" class="owner owner--${outcome}">
    ${icon(iconName, 'icon owner__icon')}<span>${host._m.ownerRecipient(outcome)}</span>
  </p>`;
}
