import type { VerificationResult } from '../../core/result.js';
import { isMarkdownReady, loadMarkdown } from '../../render/markdown.js';
import type { BadgeHost } from './badge-host.js';
import { growNested, loadNested, prepare, stopGrowing, syncBaked } from './badge-lazy-parts.js';
import { hasMarkdown } from './badge-narratives.js';

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

/**
 * Before a render of `host`'s card: the URL of the baked image it shows, a fresh `ResultState`
 * when the result changed, and the nested cards this render may draw.
 */
export function beforeRender(host: BadgeHost, result: VerificationResult | undefined): void {
  syncBaked(host, result);
  if (result !== host._shown.result) {
    host._shown = new ResultState(result);
    stopGrowing(host);
  }
  host._cards = { left: host._shown.nestedLimit, waiting: false };
  host._nestedWaiting = false;
}

/**
 * After it: what the render left for later (nested cards waiting for an idle period or for their
 * module), and what the result needs loaded (its sentences, trust lines, baked image, Markdown);
 * each renders the card again once it is there.
 */
export function afterRender(host: BadgeHost, result: VerificationResult | undefined): void {
  if (host._cards.waiting) growNested(host);
  if (host._nestedWaiting) loadNested(host);
  // A result verified here waited for what it needs; one handed over as `verification` did not.
  if (result !== host._preparedFor) {
    host._preparedFor = result;
    host._prepareLoad = prepare(result)?.then((loaded) => {
      host._prepareLoad = undefined;
      if (loaded) host.requestUpdate();
    });
  }
  const badge = result?.badge;
  if (badge && !isMarkdownReady() && hasMarkdown(host, badge, result)) {
    loadMarkdown().then(
      () => host.requestUpdate(),
      () => undefined, // Keep the plain-text narrative.
    );
  }
}
