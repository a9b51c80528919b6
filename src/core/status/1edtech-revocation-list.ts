import type { RevocationListOptions } from './1edtech-revocation-list-method.js';
import { lazyStatusMethod } from './lazy-status-method.js';
import type { StatusMethod } from './status-method.js';

export type { RevocationListOptions };

/**
 * `1EdTechRevocationList` (1EdTech Revocation List Status Method 1.0, named by Open Badges 3.0 and
 * CLR 2.0): `credentialStatus.id` is the URL of the issuer's list, a JSON document whose
 * `revokedCredential` array names revoked credentials by `id` (an item with `revoked: false` is
 * not revoked; `revocationReason` is kept in the details). The plain list carries no proof: it is
 * the issuer's because of the https address the signed badge names (redirects to another origin
 * are refused); an `id` it states must be that address, an `issuer` it states the badge's, and
 * dates it states must hold now. An answer that is signed, or says it is a credential or a
 * presentation, counts only as a credential bound to the badge's issuer (`boundCredential`): a
 * presentation never does. Reused like the other lists (5 minutes, within HTTP caching).
 */
export function oneEdTechRevocationList(options: RevocationListOptions = {}): StatusMethod {
  return lazyStatusMethod(['1EdTechRevocationList'], () =>
    import('./1edtech-revocation-list-method.js').then((module) => module.oneEdTechRevocationListMethod(options)),
  );
}
