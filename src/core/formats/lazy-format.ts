import type { FormatPlugin, ParsedBadge, RawInput, Step } from '../plugin.js';

/**
 * A format whose checks load with `import()` the first time an input of it is parsed. Its
 * `detect` stays in the caller's chunk and must be cheap; `parse`, the steps and the view come
 * from the loaded plug-in. The pipeline reads `steps` only after `parse` succeeded, so until
 * then there are none to read. One load per verifier, shared by every badge it checks.
 */
export function lazyFormat<P extends ParsedBadge>(
  shell: Pick<FormatPlugin<P>, 'format' | 'detect'>,
  load: () => Promise<FormatPlugin<P>>,
): FormatPlugin<P> {
  let loading: Promise<FormatPlugin<P>> | undefined;
  let loaded: FormatPlugin<P> | undefined;
  return {
    format: shell.format,
    detect: (input: RawInput) => shell.detect(input),
    async parse(input, context) {
      // A failed load (a chunk that did not arrive) is tried again by the next badge, not remembered.
      loading ??= load().then(
        (plugin) => (loaded = plugin),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return (await loading).parse(input, context);
    },
    get steps(): readonly Step<P>[] {
      return loaded?.steps ?? [];
    },
    view: (parsed) => loaded?.view(parsed),
  };
}
