/**
 * JSX types for `<ob-badge>`, `<ob-badge-list>` and `<ob-inspector>` (`openbadge-embed/jsx`,
 * types only). Import it once anywhere in a project:
 *
 *     import type {} from 'openbadge-embed/jsx';
 *
 * and JSX knows the three elements: their properties (as React 19 and Preact set them), their
 * attributes (kebab-case, strings as HTML has them) and their events (`onob-verified`, which
 * React 19 and Preact listen to). It extends React's `JSX` (React 19, and React 18's global one),
 * Preact's and Solid's; a framework a project does not use is left alone. React 18 sets every prop as an attribute: pass `credential`, `verifier`
 * and the other objects through a ref there (or use the React wrappers).
 *
 * A `.d.ts` written by hand rather than generated: augmenting a framework's module from a `.ts`
 * file fails to compile in projects without that framework. The build copies it to `dist/`.
 */
import type { ObBadgeList } from './components/badge-list/badge-list.js';
import type { ObBadge } from './components/badge/badge.js';
import type { ObInspector } from './components/inspector/inspector.js';
import type { ObInspectedEvent } from './events/inspected-event.js';
import type { ObListSummaryEvent } from './events/list-summary-event.js';
import type { ObVerifiedEvent } from './events/verified-event.js';

/** A boolean attribute: present (any value, or none) is true. */
type BooleanAttribute = boolean | '' | 'true' | 'false';

/** The properties of `<ob-badge>` JSX can set (all optional). */
export type ObBadgeProperties = Partial<
  Pick<
    ObBadge,
    | 'src'
    | 'credential'
    | 'recipient'
    | 'proxy'
    | 'verification'
    | 'verifier'
    | 'now'
    | 'noEvidence'
    | 'noChecks'
    | 'compact'
    | 'headingLevel'
    | 'messages'
    | 'trustedIssuers'
    | 'trustList'
    | 'checkDomain'
    | 'loading'
  >
>;

/** `<ob-badge>` in JSX: its properties, its attributes and its event. */
export interface ObBadgeJsxProps extends ObBadgeProperties {
  'no-evidence'?: BooleanAttribute;
  'no-checks'?: BooleanAttribute;
  'heading-level'?: number | `${number}`;
  'trusted-issuers'?: string;
  'check-domain'?: BooleanAttribute;
  'onob-verified'?: (event: ObVerifiedEvent) => void;
}

/** The properties of `<ob-badge-list>` JSX can set (all optional). */
export type ObBadgeListProperties = Partial<
  Pick<
    ObBadgeList,
    | 'src'
    | 'credentials'
    | 'variant'
    | 'sort'
    | 'filter'
    | 'noToolbar'
    | 'hashState'
    | 'trustedIssuers'
    | 'checkDomain'
    | 'verifier'
    | 'loader'
    | 'now'
    | 'messages'
  >
>;

/** `<ob-badge-list>` in JSX: its properties, its attributes and its events. */
export interface ObBadgeListJsxProps extends ObBadgeListProperties {
  'no-toolbar'?: BooleanAttribute;
  'hash-state'?: BooleanAttribute;
  'trusted-issuers'?: string;
  'check-domain'?: BooleanAttribute;
  'onob-list-summary'?: (event: ObListSummaryEvent) => void;
  'onob-verified'?: (event: ObVerifiedEvent) => void;
}

/** The properties of `<ob-inspector>` JSX can set (all optional). */
export type ObInspectorProperties = Partial<
  Pick<ObInspector, 'verifier' | 'proxy' | 'now' | 'trustList' | 'scriptSrc' | 'headingLevel' | 'messages'>
>;

/** `<ob-inspector>` in JSX: its properties, its attributes and its event. */
export interface ObInspectorJsxProps extends ObInspectorProperties {
  'script-src'?: string;
  'heading-level'?: number | `${number}`;
  'onob-inspected'?: (event: ObInspectedEvent) => void;
}

/**
 * What any HTML element takes, written out here: naming a framework's own types (React's
 * `HTMLAttributes`) would fail to compile in a project without that framework.
 */
export interface ObHtmlAttributes {
  id?: string;
  class?: string;
  className?: string;
  slot?: string;
  style?: string | Record<string, string | number | undefined>;
  hidden?: boolean;
  lang?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
  title?: string;
  tabIndex?: number;
  role?: string;
  part?: string;
  exportparts?: string;
  ref?: unknown;
  children?: unknown;
  onClick?: (event: MouseEvent) => void;
  onFocus?: (event: FocusEvent) => void;
  onBlur?: (event: FocusEvent) => void;
  onKeyDown?: (event: KeyboardEvent) => void;
  [data: `data-${string}`]: string | number | boolean | undefined;
  [aria: `aria-${string}`]: string | number | boolean | undefined;
}

/** The three elements, for a JSX setup this file does not cover: `interface IntrinsicElements extends ObElements {}`. */
export interface ObElements {
  'ob-badge': ObBadgeJsxProps & ObHtmlAttributes;
  'ob-badge-list': ObBadgeListJsxProps & ObHtmlAttributes;
  'ob-inspector': ObInspectorJsxProps & ObHtmlAttributes;
}

/* eslint-disable @typescript-eslint/no-empty-object-type -- each merges ObElements into a JSX.IntrinsicElements */
declare global {
  namespace JSX {
    // The global JSX: React 18, and JSX setups of their own.
    interface IntrinsicElements extends ObElements {}
  }
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends ObElements {}
  }
}

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements extends ObElements {}
  }
}

declare module 'solid-js/jsx-runtime' {
  namespace JSX {
    interface IntrinsicElements extends ObElements {}
  }
}
