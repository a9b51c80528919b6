import type { VerificationResult } from '../../core/result.js';
import type { TrustList } from '../../core/trust/trust.js';
import type { FetchRecord, Verifier, VerifyInput } from '../../core/verify.js';
import { text } from '../../render/untrusted.js';
import { defaultVerifier } from '../base/default-verifier.js';
import { isResult, resultFromError } from '../base/results.js';

/** How the inspector verifies: its properties, and the run's signal and log. */
export interface RunOptions {
  readonly verifier: Verifier | undefined;
  readonly proxy: string | undefined;
  readonly now: Date | undefined;
  readonly trustList: TrustList | undefined;
  readonly signal: AbortSignal;
  /** Each document fetched, as it settles. */
  readonly onFetch: (record: FetchRecord) => void;
}

/**
 * Verifies one input for the inspector. Any failure becomes a result that says so, except when the
 * run was abandoned (`isCurrent()` false, or aborted): then `undefined`, and nothing is drawn.
 */
export async function verifyForInspection(
  input: VerifyInput,
  options: RunOptions,
  isCurrent: () => boolean,
): Promise<VerificationResult | undefined> {
  const { now, signal } = options;
  try {
    const verifier = options.verifier ?? (await defaultVerifier(text(options.proxy)?.trim()));
    signal.throwIfAborted();
    const value: unknown = await verifier.verify(input, {
      signal,
      ...(now ? { now } : {}),
      ...(options.trustList ? { trustList: options.trustList } : {}),
      // Someone inspecting a badge asks who its issuer is: the domain is looked up (a verified
      // badge only), and any request it makes is in the network log like every other.
      domainLinkage: true,
      onFetch: options.onFetch,
    });
    return isResult(value) ? value : resultFromError(new TypeError('The verifier returned no result'), now);
  } catch (error) {
    if (!isCurrent() || signal.aborted) return undefined;
    return resultFromError(error, now);
  }
}
