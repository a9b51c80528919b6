// Errors only some badges can meet, kept out of errors.ts so they load with the code that raises them.
import { define } from './lib/error-class.js';

export const OutsideIssuerScope = define(
  'ERR_OB_OUTSIDE_ISSUER_SCOPE',
  'The badge is not hosted where its issuer says its badges are',
  'OutsideIssuerScope',
);
