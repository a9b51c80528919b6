/**
 * This package's version, as package.json says (a test keeps the two equal). The inspector's
 * embed snippet pins the script tag to it: an unpinned CDN URL would follow every future major.
 */
export const VERSION = '0.1.0';
