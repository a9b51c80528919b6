import type { ListSummary } from '../messages/list-messages.js';

/**
 * Fired by `<ob-badge-list>` when its summary changes, at most about once a second while results
 * arrive (the same rhythm as its live summary line). `event.summary` counts every badge in the
 * list, filtered or not. Bubbles and crosses shadow roots.
 */
export class ObListSummaryEvent extends Event {
  static readonly eventName = 'ob-list-summary';

  readonly summary: ListSummary;

  constructor(summary: ListSummary, init: EventInit = {}) {
    super(ObListSummaryEvent.eventName, { bubbles: true, composed: true, ...init });
    this.summary = summary;
  }
}

declare global {
  interface HTMLElementEventMap {
    'ob-list-summary': ObListSummaryEvent;
  }
}
