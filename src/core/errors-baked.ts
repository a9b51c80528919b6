// Errors only some badges can meet, kept out of errors.ts so they load with the code that raises them.
import { define } from './lib/error-class.js';

export const ImageNotBaked = define(
  'ERR_OB_IMAGE_NOT_BAKED',
  'The image carries no badge (it is not a baked badge)',
  'ImageNotBaked',
);
export const ImageCorrupt = define('ERR_OB_IMAGE_CORRUPT', 'The image file is corrupt or truncated', 'ImageCorrupt');
export const ImageAmbiguous = define(
  'ERR_OB_IMAGE_AMBIGUOUS',
  'The image carries more than one credential',
  'ImageAmbiguous',
);
