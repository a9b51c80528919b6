import { html, nothing, type TemplateResult } from 'lit';
import type { VerificationResult } from '../../core/result.js';
import { withFallback, type TrustMessages } from '../../messages/messages-base.js';
import { trustEn } from '../../messages/messages-trust.js';
import { icon } from '../base/icons.js';
import { isolated, knownOf, trustOf } from './badge-parts.js';

/**
 * What `<ob-badge>` draws for who the issuer is (ADR 0009), beside the checks of a verified badge:
 * "Known issuer: …", "Not on this site's list of known issuers", "Domain confirmed: …", how a
 * domain was confirmed, and the note that the site's trust list could not be loaded. Only pages
 * that name a trust list or set `check-domain` have any of these, so the element loads this module
 * with `import()` when a run asks for them, beside the verifier (no extra round trip), and when a
 * result it is handed has `trust`.
 */

export { trustStyles } from './badge-trust.styles.js';

/** A host as the core reports it (ASCII, no port), or `undefined` for anything else. */
function hostOf(value: unknown): string | undefined {
  return typeof value === 'string' && /^[a-z0-9.-]{1,253}$/i.test(value) ? value : undefined;
}

const merged = new WeakMap<object, TrustMessages>();

/** The page's `messages` with the English trust strings for what it lacks; merged once per object. */
export function trustMessages(custom: unknown): TrustMessages {
  if (typeof custom !== 'object' || custom === null) return trustEn;
  let messages = merged.get(custom);
  if (!messages) {
    messages = withFallback(custom, trustEn);
    merged.set(custom, messages);
  }
  return messages;
}

/**
 * Who the issuer of a verified badge is, beyond its key: on the site's trust list or not, and a
 * web domain confirmed to be the issuer's. Beside the checks, never one of them.
 */
export function renderTrust(result: VerificationResult, m: TrustMessages): TemplateResult | typeof nothing {
  const trust = trustOf(result);
  const known = knownOf(trust);
  const domain = trust?.domain;
  const host = domain?.confirmed === true ? hostOf(domain.host) : undefined;
  if (known === undefined && !host) return nothing;
  const line = (content: unknown, confirmed: boolean) =>
    html`<li class="line ${confirmed ? 'trust__line--confirmed' : 'line--muted'}">
      ${confirmed ? icon('verified', 'icon trust__icon') : nothing}<span>${content}</span>
    </li>`;
  return html`<ul part="trust" class="lines">
    ${
      known
        ? line(
            isolated((name, list) => m.knownIssuer(name, list), known.name, known.list),
            true,
          )
        : nothing
    }
    ${known === null ? line(m.notKnownIssuer, false) : nothing} ${host ? line(m.domainConfirmed(host), true) : nothing}
  </ul>`;
}

/** In the checks of a verified badge: how the issuer's domain was (or was not) confirmed. */
export function renderDomainMethod(result: VerificationResult, m: TrustMessages): TemplateResult | typeof nothing {
  const domain = result.verdict === 'verified' ? trustOf(result)?.domain : undefined;
  const host = hostOf(domain?.host);
  const method = domain?.method;
  return host && (method === 'did:web' || method === 'issuer-id' || method === 'did-configuration')
    ? html`<p class="checks__domain">${m.domainMethod(host, method, domain!.confirmed === true)}</p>`
    : nothing;
}

/** The note that the site's trust list could not be loaded or read (the badge was verified without it). */
export function renderTrustNote(m: TrustMessages): TemplateResult {
  return html`<p part="trust-note" class="proxy-note">${m.trustListProblem}</p>`;
}
