import { ob2Hosted } from './formats/ob2-hosted.js';
import { ob2Signed } from './formats/ob2-signed.js';
import { ob3Json } from './formats/ob3-json.js';
import { ob3Jwt } from './formats/ob3-jwt.js';
import { vpJson, vpJwt } from './formats/presentation.js';
import { didJwk } from './keys/did-jwk.js';
import { didKey } from './keys/did-key.js';
import { didWeb } from './keys/did-web.js';
import type { DidResolver } from './keys/did.js';
import { DEFAULT_NESTED_READERS, type NestedReader } from './nested/readers.js';
import type { FormatPlugin } from './plugin.js';
import { oneEdTechRevocationList } from './status/1edtech-revocation-list.js';
import { bitstringStatusList } from './status/bitstring-status-list.js';
import { statusList2021 } from './status/status-list-2021.js';
import type { StatusMethod } from './status/status-method.js';

/**
 * The plug-ins a verifier uses for what its config leaves out. They live here, apart from the
 * pipeline, so a verifier given its own plug-ins never bundles these: `verify.ts` reaches this
 * module only through `import()`, and only when a list was left out.
 */
export interface DefaultPlugins {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each plug-in has its own parsed type
  readonly formats: readonly FormatPlugin<any>[];
  readonly didResolvers: readonly DidResolver[];
  readonly statusMethods: readonly StatusMethod[];
  readonly nestedReaders: readonly NestedReader[];
}

/**
 * Every built-in plug-in: Open Badges 2.0 signed and presentation JWTs before VC-JWT (all are
 * compact JWS, told apart by the payload), then JSON credentials and presentations, then Open
 * Badges 2.0 hosted; did:key, did:jwk, did:web; the three status list methods; the nested readers.
 */
export function defaultPlugins(): DefaultPlugins {
  return {
    formats: [ob2Signed(), vpJwt(), ob3Jwt(), ob3Json(), vpJson(), ob2Hosted()],
    didResolvers: [didKey(), didJwk(), didWeb()],
    statusMethods: [bitstringStatusList(), statusList2021(), oneEdTechRevocationList()],
    nestedReaders: DEFAULT_NESTED_READERS,
  };
}
