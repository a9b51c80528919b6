/**
 * A page-wide limit on how many verifications run at once. A wall of 200 badges would otherwise
 * start 200 verifications together: hundreds of requests to issuers' servers, and the main thread
 * busy with signatures while the visitor scrolls. Each `<ob-badge>` run takes a slot before it
 * calls `verify()` and gives it back when the run settles or is aborted; runs wait in line (first
 * come, first served) while every slot is taken.
 *
 * A slot is given back exactly once, whichever comes first: the run settling, or its signal
 * aborting (the element left the page, or its inputs changed). So a verifier that ignores the
 * signal cannot hold a slot for ever, and a badge that leaves the page while waiting in line
 * simply leaves the line.
 */

/** Gives a slot back; calling it again does nothing. */
export type ReleaseSlot = () => void;

export interface VerifyQueue {
  /** How many runs may verify at once (an integer ≥ 1, or `Infinity`). Raising it starts waiting runs. */
  limit: number;
  /** Runs holding a slot. */
  readonly active: number;
  /** Runs waiting for one. */
  readonly waiting: number;
  /** A slot now, if one is free (no waiting in line): lets a run start in the same task. */
  tryAcquire(signal?: AbortSignal): ReleaseSlot | undefined;
  /**
   * A slot, once one is free. Rejects with the signal's reason if it aborts first; once given, the
   * slot is released when the signal aborts (or when the returned function is called).
   */
  acquire(signal?: AbortSignal): Promise<ReleaseSlot>;
}

/** The default number of verifications a page runs at once. */
export const DEFAULT_CONCURRENCY = 4;

function validLimit(value: number): boolean {
  return value === Infinity || (Number.isInteger(value) && value >= 1);
}

export function createVerifyQueue(initialLimit = DEFAULT_CONCURRENCY): VerifyQueue {
  if (!validLimit(initialLimit)) throw new TypeError('The limit must be an integer of at least 1, or Infinity');
  let limit = initialLimit;
  let active = 0;
  /** Runs waiting for a slot, first come first served: each entry grants that run its slot. */
  const line: (() => void)[] = [];

  /** A slot taken now; released once, on the first of the call and `signal` aborting. */
  function take(signal: AbortSignal | undefined): ReleaseSlot {
    active++;
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      signal?.removeEventListener('abort', release);
      active--;
      pump();
    };
    signal?.addEventListener('abort', release, { once: true });
    return release;
  }

  function pump(): void {
    while (active < limit && line.length > 0) line.shift()!();
  }

  return {
    get limit() {
      return limit;
    },
    set limit(value: number) {
      if (!validLimit(value)) throw new TypeError('The limit must be an integer of at least 1, or Infinity');
      limit = value;
      pump();
    },
    get active() {
      return active;
    },
    get waiting() {
      return line.length;
    },
    tryAcquire(signal) {
      if (signal?.aborted || active >= limit || line.length > 0) return undefined;
      return take(signal);
    },
    acquire(signal) {
      return new Promise<ReleaseSlot>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        const grant = () => {
          signal?.removeEventListener('abort', leave);
          resolve(take(signal));
        };
        const leave = () => {
          const index = line.indexOf(grant);
          if (index >= 0) line.splice(index, 1);
          reject(signal!.reason);
        };
        signal?.addEventListener('abort', leave, { once: true });
        line.push(grant);
        pump();
      });
    },
  };
}

/** The queue every `<ob-badge>` on the page shares (`ObBadge.concurrency` sets its limit). */
export const verifyQueue: VerifyQueue = createVerifyQueue();
