import type { VerifyContext } from '../plugin.js';
import type { StepOutcome } from '../plugin.js';

/**
 * A credential status method (BitstringStatusList, StatusList2021, 1EdTech revocation list…).
 * The status step hands each `credentialStatus` entry to the method whose `types` include its
 * `type`; an entry no method claims makes the status `warning` (not checked), never `passed`.
 */
export interface StatusMethod {
  readonly types: readonly string[];
  check(
    entry: Readonly<Record<string, unknown>>,
    credential: Readonly<Record<string, unknown>>,
    context: VerifyContext,
  ): Promise<StepOutcome>;
}
