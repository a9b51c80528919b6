import type { Verifier } from '../../core/verify.js';

/**
 * The verifiers elements use when the page gives none: one per page for direct fetches, and one
 * per proxy template (`proxy` attribute), each created on first use with its code loaded by
 * `import()`. Sharing them shares their document caches: ten badges from one issuer fetch its
 * profile and keys once. A failed creation (the chunk did not load, a template without `{url}`)
 * is forgotten, so the next badge tries again and reports its own error.
 */
const verifiers = new Map<string, Promise<Verifier>>();

/** The shared verifier for `proxy` (a URL template with `{url}`), or for direct fetches when it is undefined. */
export function defaultVerifier(proxy?: string): Promise<Verifier> {
  const key = proxy === undefined ? '' : `proxy ${proxy}`;
  let verifier = verifiers.get(key);
  if (!verifier) {
    // Every plug-in given up front: the verifier then never waits for a second import() of the defaults.
    const created = import('../../core/verifier-with-defaults.js').then((module) =>
      module.createVerifierWithDefaults(proxy === undefined ? {} : { proxy }),
    );
    verifier = created;
    verifiers.set(key, created);
    created.catch(() => {
      if (verifiers.get(key) === created) verifiers.delete(key);
    });
  }
  return verifier;
}
