// Type test of `openbadge-embed/jsx` (src/jsx.d.ts), checked by `npm run typecheck`; nothing runs.
// What JSX accepts on the three elements: their properties typed from the element classes, their
// attributes, their events, and nothing else.
import type {} from '../src/jsx.js';
import type { ObBadge } from '../src/components/badge/badge.js';
import type { ObVerifiedEvent } from '../src/events/verified-event.js';
import type { ObListSummaryEvent } from '../src/events/list-summary-event.js';
import type { ObInspectedEvent } from '../src/events/inspected-event.js';

type Badge = JSX.IntrinsicElements['ob-badge'];
type List = JSX.IntrinsicElements['ob-badge-list'];
type Inspector = JSX.IntrinsicElements['ob-inspector'];

export const badges: Badge[] = [
  {},
  { src: 'badge.jwt', recipient: 'mailto:ada@example.org', loading: 'lazy', compact: true, class: 'wall' },
  { credential: 'eyJ.eyJ.x', noEvidence: true, headingLevel: 2, now: new Date(0) },
  { credential: { type: ['VerifiableCredential'] }, 'no-evidence': '', 'heading-level': '4', 'check-domain': true },
  { 'onob-verified': (event: ObVerifiedEvent) => void event.result.verdict, 'data-id': '42', 'aria-label': 'Badge' },
];

export const lists: List[] = [
  { variant: 'compact', sort: 'date', 'no-toolbar': true, 'hash-state': '' },
  { credentials: ['a.jwt'], 'onob-list-summary': (event: ObListSummaryEvent) => void event.summary },
];

export const inspectors: Inspector[] = [
  { 'script-src': '/openbadge-embed.js', headingLevel: 1 },
  { 'onob-inspected': (event: ObInspectedEvent) => void event.result },
];

// The property types are the element's own.
export const src: Badge['src'] = undefined as ObBadge['src'];

// @ts-expect-error not a property or attribute of <ob-badge>
export const misspelt: Badge = { srcc: 'badge.jwt' };
// @ts-expect-error `loading` is 'eager' or 'lazy'
export const soon: Badge = { loading: 'soon' };
// @ts-expect-error `compact` is a boolean
export const yes: Badge = { compact: 'yes' };
// @ts-expect-error not a variant
export const huge: List = { variant: 'huge' };
// @ts-expect-error the read-only result is not settable
export const settled: Badge = { result: undefined };
// @ts-expect-error an <ob-badge> listener gets an ObVerifiedEvent
export const listener: Badge = { 'onob-verified': (event: ObInspectedEvent) => void event.log };
