// The demo page: one verifier for every badge on it, then the elements are defined.
import { createVerifier, didJwk, didKey, didWeb, type Verifier } from '../src/core/index.js';

// The demo's own did:web issuer lives at http://localhost:5173, which has no TLS certificate.
// Real sites never fetch a DID document over http; the demo opts in for loopback only
// (docs/decisions/0001-did-web-on-localhost.md). Everything else is the default configuration.
const verifier = createVerifier({
  didResolvers: [didKey(), didJwk(), didWeb({ allowHttpHosts: ['localhost'] })],
});

// Set before the element is defined, so each badge's first verification already uses it
// (Lit keeps properties set on an element before it upgrades).
for (const badge of document.querySelectorAll<HTMLElement & { verifier?: Verifier }>('ob-badge')) {
  badge.verifier = verifier;
}

await import('../src/index.js');

// Copy buttons for code snippets.
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  button.addEventListener('click', () => {
    const source = document.getElementById(button.dataset['copy'] ?? '');
    if (!source) return;
    navigator.clipboard.writeText(source.textContent ?? '').then(
      () => {
        button.textContent = 'Copied';
        setTimeout(() => (button.textContent = 'Copy'), 1600);
      },
      () => {
        button.textContent = 'Select and copy';
      },
    );
  });
}
