import type { VerificationResult } from '../core/result.js';

/**
 * Fired by `<ob-badge>` every time a verification run settles, whatever the verdict (including
 * the error state, where `result.badge` is `undefined`). Runs that were superseded or aborted
 * never fire. Bubbles and crosses shadow roots.
 */
export class ObVerifiedEvent extends Event {
  static readonly eventName = 'ob-verified';

  readonly result: VerificationResult;

  constructor(result: VerificationResult, init: EventInit = {}) {
    super(ObVerifiedEvent.eventName, { bubbles: true, composed: true, ...init });
    this.result = result;
  }
}

declare global {
  interface HTMLElementEventMap {
    'ob-verified': ObVerifiedEvent;
  }
}
