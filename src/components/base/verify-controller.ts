import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A Lit controller shaped like `@lit/task`, for one async job per set of arguments:
 * - it runs when `args()` changes (shallow, by identity), during the host's update;
 * - each run gets its own `AbortSignal`; starting a run aborts the previous one;
 * - a run that was superseded (or aborted) never changes `status`/`value` and never calls back;
 * - disconnecting the host aborts a pending run, and reconnecting runs it again.
 *
 * Not a dependency on `@lit/task` because we need exactly this much of it.
 */
export type RunStatus = 'initial' | 'pending' | 'complete' | 'error';

export interface RunOptions {
  readonly signal: AbortSignal;
}

export interface VerifyControllerConfig<A extends readonly unknown[], R> {
  /** The job. `args` is what `args()` returned; honour `signal`. */
  task(args: A, options: RunOptions): Promise<R> | R;
  /** The inputs; a run starts whenever these change. Return `undefined` to run nothing (status `initial`). */
  args(): A | undefined;
  onComplete?(value: R): void;
  onError?(error: unknown): void;
}

export class VerifyController<A extends readonly unknown[], R> implements ReactiveController {
  private _status: RunStatus = 'initial';
  private _value: R | undefined;
  private _error: unknown;
  private _lastArgs: A | undefined;
  private _abort: AbortController | undefined;
  private _runId = 0;
  private _deferred: { promise: Promise<R | undefined>; resolve: (value: R | undefined) => void } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly config: VerifyControllerConfig<A, R>,
  ) {
    host.addController(this);
  }

  get status(): RunStatus {
    return this._status;
  }

  /** The last settled value; `undefined` while a new run is pending. */
  get value(): R | undefined {
    return this._value;
  }

  get error(): unknown {
    return this._error;
  }

  /** Resolves with the value once the current (or, if superseded, the latest) run settles. */
  get complete(): Promise<R | undefined> {
    return this._deferred?.promise ?? Promise.resolve(this._value);
  }

  hostUpdate(): void {
    const args = this.config.args();
    if (args === undefined) {
      if (this._lastArgs !== undefined) this.reset();
      return;
    }
    if (this._lastArgs !== undefined && sameArgs(args, this._lastArgs)) return;
    this._lastArgs = args;
    void this.run(args);
  }

  hostDisconnected(): void {
    if (this._status === 'pending') {
      this.abort();
      // Forget the args so the next update after reconnecting runs again.
      this._lastArgs = undefined;
    }
  }

  hostConnected(): void {
    if (this._lastArgs === undefined) this.host.requestUpdate();
  }

  /** Aborts the pending run (if any); its result will be ignored. */
  abort(reason?: unknown): void {
    this._runId++;
    this._abort?.abort(reason);
    this._abort = undefined;
  }

  /** Starts a run now with `args` (or the current args), aborting any pending one. */
  async run(args: A | undefined = this.config.args()): Promise<void> {
    if (args === undefined) return;
    this.abort();
    const id = ++this._runId;
    const controller = new AbortController();
    this._abort = controller;
    this._status = 'pending';
    this._value = undefined;
    this._error = undefined;
    if (!this._deferred) {
      let resolve!: (value: R | undefined) => void;
      const promise = new Promise<R | undefined>((r) => (resolve = r));
      this._deferred = { promise, resolve };
    }
    this.host.requestUpdate();

    let value: R;
    try {
      value = await this.config.task(args, { signal: controller.signal });
    } catch (error) {
      if (id !== this._runId || controller.signal.aborted) return;
      this.settle('error', undefined, error);
      this.config.onError?.(error);
      return;
    }
    if (id !== this._runId || controller.signal.aborted) return;
    this.settle('complete', value, undefined);
    this.config.onComplete?.(value);
  }

  private settle(status: RunStatus, value: R | undefined, error: unknown): void {
    this._status = status;
    this._value = value;
    this._error = error;
    this._abort = undefined;
    const deferred = this._deferred;
    this._deferred = undefined;
    deferred?.resolve(value);
    this.host.requestUpdate();
  }

  private reset(): void {
    this.abort();
    this._lastArgs = undefined;
    this.settle('initial', undefined, undefined);
  }
}

function sameArgs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}
