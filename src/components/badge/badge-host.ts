import type { LitElement } from 'lit';
import type { BakedImage, Check, VerificationResult } from '../../core/result.js';
import type { CardMessages, Messages } from '../../messages/messages-base.js';
import type { ResultState } from './result-state.js';

/**
 * What the modules beside `<ob-badge>` (sections/, the run, the lazy parts, the narratives) read
 * and keep on the element. The element passes itself; these members are `@internal`: not part of
 * its API, and left out of custom-elements.json.
 */
export interface BadgeHost extends LitElement {
  readonly compact: boolean;
  readonly noChecks: boolean;
  readonly noEvidence: boolean;
  readonly headingLevel: number;
  readonly messages: Partial<Messages>;
  readonly now?: Date;
  /** The strings, with the English ones for whatever `messages` lacks. */
  readonly _m: CardMessages;
  /** Image URLs that failed to load: drawn as the placeholder (a badge image) or left out (an issuer logo). */
  readonly _brokenImages: ReadonlySet<string>;
  readonly _onImageError: (event: Event) => void;
  /** The baked image shown, and the URL made for it. */
  _baked: { readonly image: BakedImage; readonly url: string; readonly revoke: boolean } | undefined;
  /** What the card keeps for the result it shows (see badge-result-state.ts). */
  _shown: ResultState;
  /** The nested cards this render may still draw, and whether one had to wait for a later render. */
  _cards: { left: number; waiting: boolean };
  /**
   * What a shown result needs loaded (see `prepare`), when it was not verified here (a
   * `verification`): the result it was asked for, and the load; the render after it draws it whole.
   */
  _preparedFor: VerificationResult | undefined;
  _prepareLoad: Promise<void> | undefined;
  /** Whether this render left nested parts out until the nested module has loaded. */
  _nestedWaiting: boolean;
  /** The load they wait for; settles once the render after it has been requested. */
  _nestedLoad: Promise<void> | undefined;
  /** The next chunk of nested cards, waiting for an idle period. */
  _grow: { readonly cancel: () => void } | undefined;
  /** The checks of the current run settled so far (while it is pending). */
  _progress: readonly Check[];
  /** The result of the run whose trust list could not be loaded or read (it shows the note). */
  _trustProblem: VerificationResult | undefined;
}
