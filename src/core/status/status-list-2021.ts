import type { StatusListOptions } from './bitstring-method.js';
import { lazyStatusMethod } from './lazy-status-method.js';
import type { StatusMethod } from './status-method.js';

/**
 * `StatusList2021Entry` (W3C CCG Status List 2021, the predecessor of Bitstring Status List, still
 * issued): revocation and suspension. The list is a `StatusList2021Credential` whose subject is a
 * `StatusList2021` with a base64url GZIP `encodedList` (no Multibase prefix), bit 0 the most
 * significant bit of the first byte. Verified and trusted exactly as `bitstringStatusList()`.
 */
export function statusList2021(options: StatusListOptions = {}): StatusMethod {
  return lazyStatusMethod(['StatusList2021Entry'], () =>
    import('./bitstring-method.js').then((module) =>
      module.createBitstringMethod(
        {
          entryType: 'StatusList2021Entry',
          credentialType: 'StatusList2021Credential',
          subjectType: 'StatusList2021',
          multibase: false,
          extended: false,
        },
        options,
      ),
    ),
  );
}
