import type { Check, VerificationResult } from '../../core/result.js';
import { firstProblem } from '../../core/result.js';
import type { InspectorMessages } from '../../messages/inspector-messages.js';
import type { DisplayVerdict, MessageContext } from '../../messages/messages.js';
import { list } from '../../render/untrusted.js';

/** What the card says: verified only when both flags agree, and "error" when nothing could be read. */
export function displayOf(result: VerificationResult): DisplayVerdict {
  if (!result.badge) return 'error';
  if (result.verdict === 'verified') return result.verified === true ? 'verified' : 'unverified';
  return result.verdict === 'unknown' ? 'unknown' : 'unverified';
}

/**
 * The verdict word and colour, as the card's pill shows it: an unreadable badge nobody judged (a
 * server closed to browsers) is "status unknown", not "not verified".
 */
export function pillOf(result: VerificationResult): DisplayVerdict {
  const display = displayOf(result);
  return display === 'error' && result.verdict === 'unknown' ? 'unknown' : display;
}

/** The verdict in one word or two, as the card's pill says it. */
export function verdictWord(messages: InspectorMessages, result: VerificationResult): string {
  const pill = pillOf(result);
  const problem = firstProblem(list<Check>(result.checks));
  if (pill === 'unknown' && problem?.code === 'ERR_OB_PRESENTATION_UNSIGNED') return messages.unsignedVerdict;
  return messages.verdict(pill);
}

/** The first problem's sentence, for the summary line (`undefined` when every check passed). */
export function problemSentence(
  messages: InspectorMessages,
  result: VerificationResult,
  context: MessageContext,
): string | undefined {
  const problem = firstProblem(list<Check>(result.checks));
  return problem ? messages.checkSentence(problem, context) : undefined;
}
