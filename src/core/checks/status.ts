import { Aborted, BadgeError, StatusTooMany, StatusUnavailable, StatusUnchecked } from '../errors.js';
import { DEFAULT_TIMEOUT_MS } from '../fetcher.js';
import { outcomeOf } from './outcome.js';
import { arrayOf, isObject, stringOf, withSingleValues, type JsonObject } from '../lib/json.js';
import type { ParsedBadge, Step, StepOutcome, VerifyContext } from '../plugin.js';

const RANK = { passed: 0, skipped: 1, warning: 2, failed: 3 } as const;

/**
 * The most `credentialStatus` entries checked. A credential needs one per purpose (revocation,
 * suspension, perhaps a message list): four is generous. More is refused unread, as "status
 * unknown" (`ERR_OB_STATUS_TOO_MANY`), so a badge naming 400 lists costs nothing, not 400 fetches.
 */
export const MAX_STATUS_ENTRIES = 4;

type EntryResult = { type: string | undefined; status: StepOutcome['status']; code?: string };

/**
 * Runs every `credentialStatus` entry through the status method that understands its type.
 * No entry means nothing can revoke the credential: passed. An entry no installed method
 * understands is a warning ("not checked"), so the badge reads "status unknown", never verified.
 * At most `MAX_STATUS_ENTRIES` entries, checked in parallel under one deadline (the loader's
 * timeout): an entry still unanswered then is status unknown.
 */
export async function checkStatus(credential: JsonObject, context: VerifyContext): Promise<StepOutcome> {
  const entries = arrayOf(credential['credentialStatus']);
  if (entries.length === 0) {
    return {
      status: 'passed',
      message: 'The credential declares no revocation or suspension list',
      details: { entries: 0 },
    };
  }
  if (entries.length > MAX_STATUS_ENTRIES) {
    return outcomeOf(
      new StatusTooMany(
        `The credential names ${entries.length} status entries; at most ${MAX_STATUS_ENTRIES} are checked`,
        {
          details: { entries: entries.length, max: MAX_STATUS_ENTRIES },
        },
      ),
      'warning',
    );
  }

  const timeoutMs = context.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // One signal for every entry: the caller's abort, or the shared deadline, stops them all.
  const controller = new AbortController();
  const outer = context.signal as AbortSignal | undefined;
  const onAbort = () => controller.abort(outer?.reason);
  if (outer?.aborted) onAbort();
  outer?.addEventListener('abort', onAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => {
      resolve('deadline');
      controller.abort(new Aborted('The status deadline passed'));
    }, timeoutMs);
  });
  const inner: VerifyContext = { ...context, signal: controller.signal };

  try {
    const outcomes = await Promise.all(
      entries.map(async (entry): Promise<{ type: string | undefined; outcome: StepOutcome }> => {
        const type = isObject(entry)
          ? (stringOf(entry['type']) ??
            (arrayOf(entry['type']).find((t) => typeof t === 'string') as string | undefined))
          : undefined;
        const method = isObject(entry) && type ? context.statusMethods.find((m) => m.types.includes(type)) : undefined;
        if (!method || !isObject(entry)) {
          const error = new StatusUnchecked(`Status type ${type ?? '(none)'} cannot be checked by this verifier`, {
            details: { type: type ?? null },
          });
          return { type, outcome: outcomeOf(error, 'warning') };
        }
        const checked = method.check(withSingleValues(entry), credential, inner).catch((error: unknown) => {
          if (outer?.aborted) throw error;
          // Our own deadline aborted it: the same "not answered in time" as the race below.
          if (controller.signal.aborted) return timedOut(timeoutMs);
          throw error;
        });
        const first = await Promise.race([checked, deadline]);
        return { type, outcome: first === 'deadline' ? timedOut(timeoutMs) : first };
      }),
    );
    if (outer?.aborted) throw outer.reason instanceof BadgeError ? outer.reason : new Aborted();
    let worst: StepOutcome | undefined;
    const results: EntryResult[] = [];
    for (const { type, outcome } of outcomes) {
      results.push({ type, status: outcome.status, ...(outcome.code ? { code: outcome.code } : {}) });
      if (!worst || RANK[outcome.status] > RANK[worst.status]) worst = outcome;
    }
    return { ...worst!, details: { ...worst!.details, entries: results } };
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onAbort);
    // Whatever is still in flight is no longer wanted.
    if (!controller.signal.aborted) controller.abort(new Aborted());
  }
}

function timedOut(timeoutMs: number): StepOutcome {
  return outcomeOf(
    new StatusUnavailable(`The status list did not answer within ${timeoutMs} ms`, {
      details: { cause: 'ERR_OB_FETCH_TIMEOUT', unreachable: true, timeoutMs },
    }),
    'warning',
  );
}

/** The `status` step every credential format shares: run only on a credential whose proof passed. */
export const statusStep: Step<ParsedBadge> = {
  id: 'status',
  requires: ['proof'],
  run: (parsed, context) => checkStatus(parsed.credential, context),
};
