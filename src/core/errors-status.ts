// Errors only some badges can meet, kept out of errors.ts so they load with the code that raises them.
import { define } from './lib/error-class.js';

export const StatusIndexOutOfRange = define(
  'ERR_OB_STATUS_INDEX_OUT_OF_RANGE',
  'The status entry points outside its list',
  'StatusIndexOutOfRange',
);
export const CredentialSuspended = define('ERR_OB_SUSPENDED', 'The credential is suspended', 'CredentialSuspended');
