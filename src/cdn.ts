// Entry of the CDN bundle (dist/cdn/openbadge-embed.js): importing it defines <ob-badge> at once,
// and <ob-badge-list> and <ob-inspector> as soon as one appears in the document, loading their
// code then (docs/decisions/0011-chunk-plan.md). A page that shows single badges downloads neither.
// <script type="module" src="https://…/openbadge-embed.js"></script>
import './components/badge/badge.js';
import { defineOnSight } from './components/base/define-on-sight.js';

defineOnSight(document, {
  // The list's view is needed at once too: fetched beside the element, not after it.
  'ob-badge-list': () =>
    Promise.all([
      import('./components/badge-list/badge-list.js'),
      import('./components/badge-list/badge-list-view.js'),
    ]),
  'ob-inspector': () => import('./components/inspector/inspector.js'),
});
