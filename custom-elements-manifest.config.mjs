// Configuration of `npm run analyze` (the custom-elements manifest), also used by `npm test`.
// The analyzer lists modules in the order the file system returns them, which differs between
// clones: sorted by path, the committed manifest is the same wherever it is generated.
export default {
  plugins: [
    {
      name: 'openbadge-embed:modules-in-path-order',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
  ],
};
