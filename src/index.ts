/**
 * openbadge-embed: `<ob-badge>` and friends, registered on import.
 * The DOM-free verifier lives in `openbadge-embed/core`; only the types the elements speak are re-exported here.
 */
export * from './components/index.js';
export type {
  BakedImage,
  Check,
  CheckId,
  CheckStatus,
  NestedResult,
  NestedRole,
  VerificationResult,
  Verdict,
} from './core/result.js';
export type { BadgeView } from './core/view.js';
// The English strings each element shows by default: start a translation from them.
export { en, type Messages } from './messages/messages.js';
export { listEn } from './messages/list-messages.js';
export { inspectorEn } from './messages/inspector-messages.js';
