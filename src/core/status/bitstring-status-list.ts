import type { StatusListOptions } from './bitstring-method.js';
import { lazyStatusMethod } from './lazy-status-method.js';
import type { StatusMethod } from './status-method.js';

/**
 * `BitstringStatusListEntry` (W3C Bitstring Status List v1.0): revocation, suspension, `message`
 * (with `statusSize` > 1 and `statusMessage`) and `refresh` purposes. The list is a
 * `BitstringStatusListCredential` whose subject is a `BitstringStatusList` with a Multibase (`u`)
 * base64url GZIP `encodedList`; it is verified through the same pipeline as the badge (any
 * securing mechanism the verifier supports), must come from the badge's issuer, be of the right
 * type and purpose and within its validity period, or the status reads as unknown. The page
 * reuses a fetched list for its `ttl` (default 5 minutes), within what its HTTP headers allow.
 */
export function bitstringStatusList(options: StatusListOptions = {}): StatusMethod {
  return lazyStatusMethod(['BitstringStatusListEntry'], () =>
    import('./bitstring-method.js').then((module) =>
      module.createBitstringMethod(
        {
          entryType: 'BitstringStatusListEntry',
          credentialType: 'BitstringStatusListCredential',
          subjectType: 'BitstringStatusList',
          multibase: true,
          extended: true,
        },
        options,
      ),
    ),
  );
}
