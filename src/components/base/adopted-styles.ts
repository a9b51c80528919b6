import { adoptStyles, type CSSResult } from 'lit';

/**
 * Styles a lazily loaded part brings with it (nested cards, trust lines, rendered Markdown): added
 * to an element's shadow root the first time it draws that part, so a card that never draws one
 * never carries its rules.
 */

const adopted = new WeakMap<ShadowRoot, Set<CSSResult>>();

/** Adds `styles` after those `root` has, once (as a `<style>` where stylesheets cannot be adopted). */
export function adoptOnce(root: ShadowRoot, styles: CSSResult): void {
  let done = adopted.get(root);
  if (!done) adopted.set(root, (done = new Set()));
  if (done.has(styles)) return;
  done.add(styles);
  const sheet = styles.styleSheet;
  if (sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  else adoptStyles(root, [styles]);
}
