// The inspector page: a recruiter's "is this badge real?" tool, with sample badges to try.
import { createVerifier, didJwk, didKey, didWeb, parseTrustList } from '../src/core/index.js';
import type { ObInspector } from '../src/components/inspector/inspector.js';

// As on the main demo page: the demo's did:web issuers live at http://localhost:5173, which has no
// TLS certificate; the demo opts in for loopback only (docs/decisions/0001-did-web-on-localhost.md).
const verifier = createVerifier({
  didResolvers: [didKey(), didJwk(), didWeb({ allowHttpHosts: ['localhost'] })],
});

// The issuers a careers site might recognise. Matched by id or DID (never by a stated name); a
// match reads "Known issuer" in the report and never changes the verdict.
const trustList = parseTrustList({
  name: 'Harbor City Careers (demo)',
  issuers: [
    { name: 'Millbrook Code Club', id: 'http://localhost:5173/ob2/issuer.json' },
    { name: 'openbadge-embed demo issuer', did: 'did:web:localhost%3A5173' },
  ],
});

const inspector = document.querySelector<ObInspector>('ob-inspector');
// Set before the element is defined: Lit keeps properties set on an element before it upgrades.
if (inspector) {
  inspector.verifier = verifier;
  inspector.trustList = trustList;
}

await import('../src/components/inspector/inspector.js');

const status = document.querySelector<HTMLElement>('#samples-status');
const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

// The "server closed to browsers" sample needs the demo server's *.localhost host names.
if (location.hostname === 'localhost') {
  for (const item of document.querySelectorAll<HTMLElement>('[data-localhost-only]')) item.hidden = false;
}

/** Brings the result into view once it is drawn (the inspector's own status line announces it). */
async function showResult(done: Promise<unknown>): Promise<void> {
  const report = await done;
  if (!report || !inspector) return;
  inspector.shadowRoot
    ?.querySelector('[part~="result"]')
    ?.scrollIntoView({ behavior: reduceMotion.matches ? 'auto' : 'smooth', block: 'start' });
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-sample], button[data-sample-address]')) {
  button.addEventListener('click', async () => {
    if (!inspector || button.getAttribute('aria-busy') === 'true') return;
    const address = button.dataset['sampleAddress'];
    if (address) {
      if (status) status.textContent = '';
      await showResult(inspector.inspect(new URL(address, location.href)));
      return;
    }
    // A file sample is handed over as a File, exactly as if it had been dropped on the box.
    const path = button.dataset['sample'] ?? '';
    const name = path.split('/').pop() ?? 'badge';
    button.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(path);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const blob = await response.blob();
      if (status) status.textContent = '';
      await showResult(inspector.inspect(new File([blob], name, { type: blob.type })));
    } catch (error) {
      if (status) status.textContent = `The sample “${name}” could not be loaded (${String(error)}).`;
    } finally {
      button.removeAttribute('aria-busy');
    }
  });
}
