/**
 * A module loaded with `import()` at most once per page, and read synchronously once it has:
 * `load()` starts the import (or returns the one under way), `module` is the loaded module or
 * `undefined` (a caller that imported the module statically may set it). A failed import (offline)
 * is forgotten, so a later `load()` tries again.
 */
export interface LazyModule<M> {
  module: M | undefined;
  load(): Promise<M>;
}

export function lazyModule<M>(importer: () => Promise<M>): LazyModule<M> {
  let loading: Promise<M> | undefined;
  const lazy: LazyModule<M> = {
    module: undefined,
    load: () =>
      (loading ??= importer().then(
        (module) => (lazy.module = module),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      )),
  };
  return lazy;
}
