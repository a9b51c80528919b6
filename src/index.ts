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
export type { Messages } from './internal/messages.js';
