import type { TrustMessages } from './messages-base.js';

/**
 * The English strings for who the issuer is (see `TrustMessages`): loaded with the part of
 * `<ob-badge>` that draws them (badge-trust.ts), only on pages that name a trust list or ask to
 * confirm domains. messages.ts adds them to `en`.
 */
export const trustEn: TrustMessages = {
  knownIssuer(name, list) {
    return list ? `Known issuer: ${name}, per ${list}` : `Known issuer: ${name}`;
  },

  notKnownIssuer: 'Not on this site’s list of known issuers',

  domainConfirmed(host) {
    return `Domain confirmed: ${host}`;
  },

  domainMethod(host, method, confirmed) {
    if (!confirmed) return `${host} is not confirmed as the issuer’s: its site does not link the issuer’s DID`;
    switch (method) {
      case 'did:web':
        return `${host} is confirmed as the issuer’s: the issuer’s DID (did:web) is served from it`;
      case 'issuer-id':
        return `${host} is confirmed as the issuer’s: the issuer’s profile and keys are served from it`;
      case 'did-configuration':
      default:
        return `${host} is confirmed as the issuer’s: its site links the issuer’s DID (DID Configuration)`;
    }
  },

  trustListProblem: 'This site’s list of known issuers could not be loaded, so no issuer is shown as known.',
};
