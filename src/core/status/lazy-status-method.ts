import type { StatusMethod } from './status-method.js';

/**
 * A status method whose code loads with `import()` the first time a credential names one of its
 * entry `types`: a badge without `credentialStatus` (most of them) never downloads it. A failed
 * load is tried again by the next entry rather than remembered.
 */
export function lazyStatusMethod(types: readonly string[], load: () => Promise<StatusMethod>): StatusMethod {
  let loading: Promise<StatusMethod> | undefined;
  return {
    types,
    async check(entry, credential, context) {
      loading ??= load().catch((error: unknown) => {
        loading = undefined;
        throw error;
      });
      return (await loading).check(entry, credential, context);
    },
  };
}
