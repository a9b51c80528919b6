import type { ReactiveControllerHost } from 'lit';
import type { DocumentLoader } from '../../core/fetcher.js';
import type { VerificationResult } from '../../core/result.js';
import type { Verifier } from '../../core/verify.js';
import type { ListErrorCode, ListMessages, SortKey } from '../../messages/list-messages.js';
import type { ObBadge } from '../badge/badge.js';
import type { ListInput } from './list-sources.js';
import type { ItemFacts } from './list-state.js';

/**
 * The types `<ob-badge-list>` (badge-list.ts, the element) and its lazily loaded view
 * (badge-list-view.ts) share. Both import them from here, so neither imports the other back: the
 * element loads the view with `import()`, and the view knows the element only as a `ListHost`.
 */

/** How each generated badge is drawn. */
export type ListVariant = 'card' | 'compact' | 'detailed';

/** The element's properties, as the view reads (and, for `sort` and `filter`, writes) them. */
export interface ListProperties {
  src?: string;
  credentials?: readonly ListInput[];
  variant: ListVariant;
  sort?: SortKey;
  filter?: string;
  noToolbar: boolean;
  hashState: boolean;
  trustedIssuers?: string;
  checkDomain: boolean;
  verifier?: Verifier;
  loader?: DocumentLoader;
  now?: Date;
  messages?: ListMessages;
}

/** The element the view is a controller of. */
export type ListHost = HTMLElement &
  ReactiveControllerHost &
  ListProperties & { readonly renderRoot: HTMLElement | DocumentFragment };

/** Why the `src` list could not be used. */
export interface ListError {
  readonly code: ListErrorCode;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** One badge of the list, the page's child or one the list made. */
export interface Item {
  /** How the badge was given: the same input keeps its element (and its settled result) across source changes. */
  readonly key: string;
  /** Position in the sources. */
  index: number;
  readonly badge: ObBadge;
  /** The `role="listitem"` cell the list moves when it sorts. */
  readonly wrapper: HTMLElement;
  /** A child of the list (the page's element), not one the list made. */
  readonly child: boolean;
  result: VerificationResult | undefined;
  facts: ItemFacts | undefined;
}
