import { KeyNotIssuers, KeyUnresolvable } from '../errors.js';
import type { SigningKey } from '../keys/resolve-signing-key.js';
import type { StepOutcome } from '../plugin.js';

/**
 * A valid signature proves only that someone holding the key signed. The badge is the issuer's
 * only when the key is shown to be controlled by the issuer the credential names: the key is
 * (in) the issuer's DID, or the issuer's own documents publish it.
 */
export function bindKeyToIssuer(key: SigningKey, issuerId: string): StepOutcome {
  const details = {
    issuer: issuerId,
    controller: key.controller ?? null,
    keyId: key.id ?? null,
    keySource: key.source,
  };
  if (key.controller === undefined) {
    // A key carried inside the token itself: anyone can write one. Nothing the issuer publishes lists it.
    throw new KeyUnresolvable(`No key published by ${issuerId} matches the key embedded in the badge`, { details });
  }
  if (key.controller !== issuerId) {
    throw new KeyNotIssuers(`The signing key belongs to ${key.controller}, not to the issuer ${issuerId}`, { details });
  }
  return { status: 'passed', message: `Signed by a key that belongs to ${issuerId}`, details };
}
