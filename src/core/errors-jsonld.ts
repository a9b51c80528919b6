// Errors only some badges can meet, kept out of errors.ts so they load with the code that raises them.
import { define } from './lib/error-class.js';

export const JsonLdUnsafe = define(
  'ERR_OB_JSONLD_UNSAFE',
  'The credential has terms or values JSON-LD would silently drop',
  'JsonLdUnsafe',
);
export const JsonLdLimit = define(
  'ERR_OB_JSONLD_LIMIT',
  'The credential is too large or complex to canonicalize',
  'JsonLdLimit',
);
export const CryptosuiteUnsupported = define(
  'ERR_OB_CRYPTOSUITE_UNSUPPORTED',
  'The proof uses a cryptosuite this verifier does not support',
  'CryptosuiteUnsupported',
);
