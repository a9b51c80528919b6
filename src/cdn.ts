// Entry of the CDN bundle (dist/cdn/openbadge-embed.js): importing it defines every <ob-*> element.
// <script type="module" src="https://…/openbadge-embed.js"></script>
import './index.js';
