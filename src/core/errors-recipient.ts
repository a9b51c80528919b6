// Errors only some badges can meet, kept out of errors.ts so they load with the code that raises them.
import { define } from './lib/error-class.js';

export const RecipientMismatch = define(
  'ERR_OB_RECIPIENT_MISMATCH',
  'The badge was awarded to someone else',
  'RecipientMismatch',
);
