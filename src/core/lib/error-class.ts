import type { BadgeErrorCode } from '../error-codes.js';

/** The base of every coded error (see errors.ts); here so the area error modules can define theirs without a cycle. */
export class BadgeError<C extends BadgeErrorCode = BadgeErrorCode> extends Error {
  /** Stable machine-readable code; switch on it, never on `message`. */
  readonly code: C;
  /** Extra facts for the check's `details` (a URL, a date, a DID). Plain JSON only. */
  readonly details?: Readonly<Record<string, unknown>>;

  constructor(code: C, message: string, options?: { cause?: unknown; details?: Record<string, unknown> }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    if (options?.details) this.details = options.details;
  }
}

type Options = { cause?: unknown; details?: Record<string, unknown> };

/**
 * What `define` returns, spelled out: left to inference, the declaration would copy `Error`'s
 * static side from whatever lib the build sees (Node's `captureStackTrace` and its call-site type),
 * and a strict browser-only consumer without `@types/node` would fail to compile against it.
 */
export interface BadgeErrorClass<C extends BadgeErrorCode> {
  new (message?: string, options?: Options): BadgeError<C>;
  readonly code: C;
}

// One small class per code so `instanceof` reads well in callers and stack traces name the failure.
// The default messages are for developers (CLI, logs); the components show localized text instead.
/* @__NO_SIDE_EFFECTS__ */
export function define<C extends BadgeErrorCode>(code: C, defaultMessage: string, name: string): BadgeErrorClass<C> {
  const ErrorClass = class extends BadgeError<C> {
    static readonly code = code;
    constructor(message: string = defaultMessage, options?: Options) {
      super(code, message, options);
    }
  };
  Object.defineProperty(ErrorClass, 'name', { value: name });
  return ErrorClass;
}
