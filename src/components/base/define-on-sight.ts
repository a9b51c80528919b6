/**
 * Loads (and so defines) an element's module the first time an element with its tag is in
 * `root`: now, or when one is added later. Until then the page's `<ob-badge-list>` is an
 * undefined element, upgraded when its module has run (properties set on it meanwhile are kept:
 * lit re-applies them on upgrade).
 *
 * Cheap on purpose, since every page with the script tag runs it: one look per tag at load, then
 * a look only into the subtrees added to the document (a `MutationObserver`), stopped once every
 * tag has been seen. Elements inside shadow roots are not seen; a page that makes them there loads
 * the element's own file (openbadge-embed-list.js, openbadge-embed-inspector.js) instead.
 */
export function defineOnSight(root: Document, loaders: Readonly<Record<string, () => Promise<unknown>>>): void {
  const pending = new Map(Object.entries(loaders));
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) look(node);
    if (pending.size === 0) observer.disconnect();
  });
  const look = (node: Element | Document): void => {
    for (const [tag, loader] of pending) {
      if (node instanceof Element && node.localName === tag) void load(tag, loader);
      else if (node.getElementsByTagName(tag)[0]) void load(tag, loader);
    }
  };
  const load = async (tag: string, loader: () => Promise<unknown>): Promise<void> => {
    pending.delete(tag);
    if (customElements.get(tag)) return;
    try {
      await loader();
    } catch {
      // Not loaded (offline): the next element of that tag added tries again.
      if (pending.size === 0) observer.observe(root, { childList: true, subtree: true });
      pending.set(tag, loader);
    }
  };
  look(root);
  if (pending.size > 0) observer.observe(root, { childList: true, subtree: true });
}
