import type { Check, VerificationResult } from '../../core/result.js';
import type { TrustList } from '../../core/trust/trust.js';
import type { Verifier } from '../../core/verify.js';
import { loadProblemMessages } from '../../messages/messages-base.js';
import { text } from '../../render/untrusted.js';
import { defaultVerifier } from '../base/default-verifier.js';
import { isResult, resultFromError } from '../base/results.js';
import { VerifyController } from '../base/verify-controller.js';
import { verifyQueue, type ReleaseSlot } from '../base/verify-queue.js';
import { isLazy, metaRecipient, toInput } from './badge-input.js';
import type { BadgeHost } from './badge-host.js';
import { hasProblems, loadNearViewport, noop, prepare, trustLines } from './badge-lazy-parts.js';

/**
 * The verification run of `<ob-badge>`: what it verifies with, the wait for the viewport and for
 * a place in the page's line, the trust list, the checks drawn as they settle, and the result
 * (an error result when the run failed), with what drawing it needs loaded.
 */

type RunArgs = readonly [
  credential: unknown,
  src: string | undefined,
  inline: string | undefined,
  verifier: Verifier | undefined,
  now: Date | undefined,
  recipient: string | undefined,
  proxy: string | undefined,
  trustList: unknown,
  trustedIssuers: string | undefined,
  checkDomain: boolean,
];

/** What the run reads of the element, beyond what the sections do. */
export interface RunHost extends BadgeHost {
  readonly credential?: unknown;
  readonly src?: string;
  readonly verifier?: Verifier;
  readonly recipient?: string;
  readonly proxy?: string;
  readonly trustList?: TrustList;
  readonly trustedIssuers?: string;
  readonly checkDomain: boolean;
  readonly loading: string;
  readonly _inline: string | undefined;
  /** The result the run settled with, to announce (`ob-verified`) once it is drawn. */
  _pendingEvent: VerificationResult | undefined;
  /** The `verification` property as a result, when one is set: then nothing is verified. */
  _preset(): VerificationResult | undefined;
}

/**
 * How long the checks settled so far wait to be drawn: each check re-rendered the card, and a
 * warm wall's badges settle within this anyway, so they draw their result and no progress.
 */
const PROGRESS_DELAY_MS = 100;

/** The element's run: starts whenever its inputs change (see `VerifyController`). */
export function createRun(host: RunHost): VerifyController<RunArgs, VerificationResult> {
  return new VerifyController<RunArgs, VerificationResult>(host, {
    args: () => {
      // A settled result to show: nothing to verify (a pending run is aborted).
      if (host._preset() !== undefined) return undefined;
      const credential = host.credential ?? undefined;
      const src = text(host.src);
      if (credential === undefined && src === undefined && host._inline === undefined) return undefined;
      return [
        credential,
        src,
        host._inline,
        host.verifier,
        host.now,
        text(host.recipient),
        text(host.proxy),
        host.trustList ?? undefined,
        text(host.trustedIssuers)?.trim(),
        host.checkDomain === true,
      ];
    },
    task: async (
      [credential, src, inline, verifier, now, recipientAttribute, proxy, given, listUrl, checkDomain],
      { signal },
    ) => {
      const progress: Check[] = [];
      host._progress = progress;
      let progressTimer: ReturnType<typeof setTimeout> | undefined;
      let release: ReleaseSlot | undefined;
      // Who the issuer is, only when the page asked: a trust list, or `check-domain`. What draws it
      // loads beside the verifier.
      const trustAsked = checkDomain || given !== undefined || listUrl !== undefined;
      if (trustAsked) void trustLines.load().catch(noop);
      try {
        const input = toInput(host, credential, src, inline);
        if (isLazy(host.loading)) {
          const nearViewport = await loadNearViewport();
          signal.throwIfAborted();
          // Still lazy once it has loaded (`loading` may have changed meanwhile): wait to come near.
          if (nearViewport && isLazy(host.loading)) await nearViewport.whenNearViewport(host, signal);
        }
        const trust = await trustListFor(host, given, listUrl, signal);
        // A place among the page's running verifications: given back when this run settles or aborts.
        release = verifyQueue.tryAcquire(signal) ?? (await verifyQueue.acquire(signal));
        // The page-wide declaration is read now, when this badge is verified.
        const recipient = recipientAttribute?.trim() ?? metaRecipient(host.ownerDocument);
        const active = verifier ?? (await defaultVerifier(proxy?.trim()));
        signal.throwIfAborted();
        const result: unknown = await active.verify(input, {
          signal,
          ...(now ? { now } : {}),
          ...(recipient ? { recipient } : {}),
          ...(trust.list ? { trustList: trust.list } : {}),
          ...(trustAsked ? { domainLinkage: true } : {}),
          onCheck: (check) => {
            if (signal.aborted) return;
            // A problem: its sentence will be needed, start loading it now.
            if (hasProblems({ checks: [check] })) void loadProblemMessages().catch(noop);
            progress.push(check);
            // Drawn a moment later, with whatever else settled meanwhile: a run that settles
            // within it (a warm wall's badges) draws only its result.
            progressTimer ??= setTimeout(() => {
              progressTimer = undefined;
              if (!signal.aborted) host.requestUpdate();
            }, PROGRESS_DELAY_MS);
          },
        });
        release();
        const settled = isResult(result)
          ? result
          : resultFromError(new TypeError('The verifier returned no result'), now);
        if (!signal.aborted) host._trustProblem = trust.problem ? settled : undefined;
        await prepare(settled, trustAsked);
        return settled;
      } catch (error) {
        if (signal.aborted) throw error;
        const failed = resultFromError(error, now);
        await prepare(failed);
        return failed;
      } finally {
        clearTimeout(progressTimer);
        release?.();
      }
    },
    onComplete: (result) => {
      host._pendingEvent = result;
    },
    onError: (error) => {
      host._pendingEvent = resultFromError(error, host.now);
    },
  });
}

/**
 * The trust list to verify with: the `trustList` property (read as a fetched one is), else the
 * one at `url`. One that cannot be loaded or read is a `problem`, shown as a note; the badge is
 * verified without it.
 */
async function trustListFor(
  host: HTMLElement,
  given: unknown,
  url: string | undefined,
  signal: AbortSignal,
): Promise<{ list?: TrustList; problem?: boolean }> {
  if (given === undefined && url === undefined) return {};
  try {
    // Loaded with `import()`: most pages name no trust list.
    const lists = await import('../base/trust-lists.js');
    const list = await lists.untilAborted(
      given !== undefined
        ? lists.readTrustList(given)
        : lists.sharedTrustList(new URL(url!, host.ownerDocument.baseURI).href),
      signal,
    );
    return { list };
  } catch (error) {
    if (signal.aborted) throw error;
    return { problem: true };
  }
}
