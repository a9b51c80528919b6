import { html, type TemplateResult } from 'lit';

/**
 * What `<ob-badge-list>` draws on a server (`@lit-labs/ssr`), where nothing is fetched or verified:
 * its summary line, empty (the live region the view fills in), and the list, busy while it has a
 * `src` to load, with the page's own child `<ob-badge>`s (each with its own placeholder and
 * fallback) through a slot. The list's view, loaded in the browser when the element upgrades, then
 * draws the list itself. (No strings here: the list's messages load with the view.)
 */
export function renderListShell(host: { readonly src?: string }): TemplateResult {
  return html`<p part="summary" class="summary" role="status"></p>
    <div part="list" class="list" aria-busy=${host.src === undefined ? 'false' : 'true'}><slot></slot></div>`;
}
