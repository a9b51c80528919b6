/** The elements, registered on import, and their events. The verifier core is `openbadge-embed/core`. */
export { ObBadge } from './badge/badge.js';
export { ObVerifiedEvent } from '../events/verified-event.js';
