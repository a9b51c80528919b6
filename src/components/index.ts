/** The elements, registered on import, and their events. The verifier core is `openbadge-embed/core`. */
export { ObBadge } from './badge/badge.js';
export { ObVerifiedEvent } from '../events/verified-event.js';
// <ob-inspector> is a tool-page element, kept out of this entry and of the script-tag bundle: import
// 'openbadge-embed/inspector' to define it. Only its types are here (no code is pulled in).
export type { ObInspector, ObInspectedEvent, InspectedInput, InspectionReport } from './inspector/inspector.js';
export type { InspectorMessages } from '../messages/inspector-messages.js';
// <ob-badge-list> is defined here; its behaviour loads with import() when the first list is
// connected, and its event class (made only there) is exported as a type.
export { ObBadgeList, type ListVariant } from './badge-list/badge-list.js';
export type { ObListSummaryEvent } from '../events/list-summary-event.js';
export type { ListInput } from './badge-list/list-sources.js';
export type { ListMessages, ListSummary, SortKey, SummaryCategory } from '../messages/list-messages.js';
