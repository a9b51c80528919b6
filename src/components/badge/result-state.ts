import type { VerificationResult } from '../../core/result.js';

/**
 * Nested cards (a transcript's achievements, a presentation's credentials) drawn in the first
 * render; the rest follow in chunks, one per idle period (`growLater` in badge-nested.ts), so a
 * 100-achievement transcript never blocks the page in one long task.
 */
export const NESTED_FIRST = 16;

/** A narrative as last drawn, and what it was drawn with (see badge-narratives.ts). */
export interface DrawnNarrative {
  readonly level: number;
  readonly markdown: boolean;
  readonly ready: boolean;
  readonly drawn: unknown;
}

/**
 * What a card keeps for the result it shows: which nested cards are open, how many may be drawn,
 * whether their module failed to load, the narratives drawn. A new result starts afresh with a
 * new one (`beforeRender`, from `update()` in badge.ts).
 */
export class ResultState {
  /** Ids of the nested cards shown expanded. */
  open: ReadonlySet<string> = new Set();
  /** How many nested cards may be drawn now (grown in chunks, see `growNested`). */
  nestedLimit = NESTED_FIRST;
  /** Whether the nested module failed to load for this result: the card is then shown without its nested parts. */
  nestedFailed = false;
  /** The narratives drawn, keyed by their source: an unchanged one is not walked again. */
  readonly narratives = new Map<string, DrawnNarrative>();
  readonly result: VerificationResult | undefined;

  constructor(result: VerificationResult | undefined) {
    this.result = result;
  }
}
