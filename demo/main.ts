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

// "Check a badge file": the chosen or dropped file goes, as a `File`, to an <ob-badge>'s `credential`
// property; the element reads it (baked PNG or SVG, JSON, JWT) in the browser, nothing is uploaded.
// The optional email address becomes its `recipient` attribute.
const dropZone = document.querySelector<HTMLElement>('[data-dropzone]');
const fileInput = document.querySelector<HTMLInputElement>('#badge-file');
const recipientInput = document.querySelector<HTMLInputElement>('#badge-recipient');
const fileStatus = document.querySelector<HTMLElement>('#badge-file-status');
const fileResult = document.querySelector<HTMLElement>('#badge-file-result');
const fileBadge = document.querySelector<HTMLElement & { credential?: unknown }>('#badge-file-badge');

if (dropZone && fileInput && recipientInput && fileStatus && fileResult && fileBadge) {
  const setRecipient = () => {
    const email = recipientInput.value.trim();
    if (email) fileBadge.setAttribute('recipient', `mailto:${email}`);
    else fileBadge.removeAttribute('recipient');
  };
  let fileName = '';
  const check = (file: File) => {
    fileName = file.name;
    fileStatus.textContent = `Checking “${file.name}” (${Math.max(1, Math.round(file.size / 1024))} KB)…`;
    setRecipient();
    fileBadge.credential = file;
    fileResult.hidden = false;
  };

  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file) check(file);
  });
  // The address only matters once a badge is shown; changing it re-checks that badge.
  recipientInput.addEventListener('change', setRecipient);
  // The badge's own verdict pill announces the outcome; this line only says which file it is about.
  fileBadge.addEventListener('ob-verified', () => {
    if (fileName) fileStatus.textContent = `Showing “${fileName}”.`;
  });

  dropZone.addEventListener('dragover', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    dropZone.classList.add('dropzone--over');
  });
  dropZone.addEventListener('dragleave', (event) => {
    if (!dropZone.contains(event.relatedTarget as Node | null)) dropZone.classList.remove('dropzone--over');
  });
  dropZone.addEventListener('drop', (event) => {
    event.preventDefault();
    dropZone.classList.remove('dropzone--over');
    const file = event.dataTransfer?.files[0];
    if (file) check(file);
  });
}
