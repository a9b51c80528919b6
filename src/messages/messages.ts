import * as problemMessages from './problem-messages.js';
import { cardEn, useProblemMessages, type Messages } from './messages-base.js';
import { nestedEn } from './messages-nested.js';
import { trustEn } from './messages-trust.js';

/**
 * Every user-facing string of the components (see messages-base.ts), with every sentence there
 * from the start: `en.codeText` says what each error code means without waiting for anything, and
 * `en` has every group of strings. Components import this module; `<ob-badge>` alone imports
 * messages-base.ts and loads the other groups and the sentences for problems only when a badge
 * needs them, to keep the script-tag bundle small.
 */
export * from './messages-base.js';
export { nestedEn } from './messages-nested.js';
export { trustEn } from './messages-trust.js';

useProblemMessages(problemMessages);

/** The English strings, every group and the sentences for problems included. */
export const en: Messages = { ...cardEn, ...nestedEn, ...trustEn };
