// Entry of the inspector's script-tag bundle (dist/cdn/openbadge-embed-inspector.js): every element
// of the main bundle (imported from it, so a page loading both runs it once), plus <ob-inspector>.
// <script type="module" src="https://…/openbadge-embed-inspector.js"></script>
import '../../cdn.js';
import './inspector.js';
