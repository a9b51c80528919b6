import type { VerificationResult } from '../../core/result.js';
import { isMarkdownReady, loadMarkdown } from '../../render/markdown.js';
import type { BadgeHost } from './badge-host.js';
import { growNested, loadNested, prepare, stopGrowing, syncBaked } from './badge-lazy-parts.js';
import { hasMarkdown } from './badge-narratives.js';
import { ResultState } from './result-state.js';

// The element makes its first one; the class lives apart so badge-host.ts can name it without a circle.
export { ResultState };

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
