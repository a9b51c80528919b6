// Errors only some badges can meet, kept out of errors.ts so they load with the code that raises them.
import { define } from './lib/error-class.js';

export const EndorsementMismatch = define(
  'ERR_OB_ENDORSEMENT_MISMATCH',
  'The endorsement is about something else',
  'EndorsementMismatch',
);
export const NotACredential = define(
  'ERR_OB_NOT_A_CREDENTIAL',
  'A credential bound to its issuer is expected here, and this is not one (a presentation, or nothing names who issued it)',
  'NotACredential',
);
