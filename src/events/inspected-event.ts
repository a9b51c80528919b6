import type { VerificationResult } from '../core/result.js';
import type { FetchRecord } from '../core/verify.js';

/** What was inspected: a file (its name and size), pasted text (its length) or an address. */
export type InspectedInput =
  | { readonly kind: 'file'; readonly name: string; readonly size: number }
  | { readonly kind: 'text'; readonly length: number }
  | { readonly kind: 'url'; readonly url: string };

/** One inspection: the result, every document it asked for (in the order they settled), and its input. */
export interface InspectionReport {
  readonly result: VerificationResult;
  readonly log: readonly FetchRecord[];
  readonly input: InspectedInput;
}

/**
 * Fired by `<ob-inspector>` each time an inspection settles and its report is drawn, whatever the
 * verdict (an unreadable file included). An inspection overtaken by a newer one never fires; a file
 * refused before reading (too large, empty) is not an inspection. Bubbles and crosses shadow roots.
 */
export class ObInspectedEvent extends Event {
  static readonly eventName = 'ob-inspected';

  readonly result: VerificationResult;
  readonly log: readonly FetchRecord[];
  readonly input: InspectedInput;

  constructor(report: InspectionReport, init: EventInit = {}) {
    super(ObInspectedEvent.eventName, { bubbles: true, composed: true, ...init });
    this.result = report.result;
    this.log = report.log;
    this.input = report.input;
  }
}

/** Fires `ob-inspected` on the element. */
export function dispatchInspected(target: EventTarget, report: InspectionReport): void {
  target.dispatchEvent(new ObInspectedEvent(report));
}

declare global {
  interface HTMLElementEventMap {
    'ob-inspected': ObInspectedEvent;
  }
}
