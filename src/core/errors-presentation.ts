// Errors only some badges can meet, kept out of errors.ts so they load with the code that raises them.
import { define } from './lib/error-class.js';

export const PresentationUnsigned = define(
  'ERR_OB_PRESENTATION_UNSIGNED',
  'The presentation is not signed: it only carries credentials',
  'PresentationUnsigned',
);
export const HolderMismatch = define(
  'ERR_OB_HOLDER_MISMATCH',
  'The presentation was signed by someone other than its holder',
  'HolderMismatch',
);
export const PresentationEmpty = define(
  'ERR_OB_PRESENTATION_EMPTY',
  'The presentation carries no credential: it vouches for nothing',
  'PresentationEmpty',
);
export const PresentedUnverified = define(
  'ERR_OB_PRESENTED_UNVERIFIED',
  'A credential the presentation carries is not verified',
  'PresentedUnverified',
);
