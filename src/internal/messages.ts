import * as problemMessages from './problem-messages.js';
import { en as english, useProblemMessages, type Messages } from './messages-base.js';

/**
 * Every user-facing string of the components (see messages-base.ts), with every sentence there
 * from the start: `en.codeText` says what each error code means without waiting for anything.
 * Components import this module; `<ob-badge>` alone imports messages-base.ts and loads the
 * sentences for problems only when a badge has one, to keep the script-tag bundle small.
 */
export * from './messages-base.js';

useProblemMessages(problemMessages);

/** The English strings, the sentences for problems included. */
export const en: Messages = english;
