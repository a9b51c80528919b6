import type { BoundCredential } from '../checks/bound-credential.js';
import { Aborted, BadgeError, StatusListInvalid, StatusUnavailable, StatusUnchecked } from '../errors.js';
import { stringOf } from '../lib/json.js';
import type { LoadedDocument, LoadOptions } from '../fetcher.js';
import { isUnreachable, MIN_REUSE_MS } from '../fetcher.js';
import { absoluteUrlOf, isLoopbackHost } from '../lib/url.js';
import { outcomeOf } from '../checks/outcome.js';
import type { StepOutcome, VerifyContext } from '../plugin.js';

/**
 * What the status methods share: where a list may come from, how long a fetched list is reused,
 * and how a problem becomes a check outcome. Private to `status/`.
 */

/** How long a list is reused when it states no `ttl` and HTTP says nothing: lists change, keys rarely. */
export const DEFAULT_LIST_MAX_AGE_MS = 5 * 60 * 1000;

/** The longest a `ttl` can keep a list in the page cache: a day. */
export const MAX_LIST_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * A status list URL we will fetch: https, or http on a loopback host (a local demo; the traffic
 * never leaves the machine). Over plain http anyone on the network could answer with an older,
 * still-signed list from before the credential was revoked.
 */
export function statusListUrlOf(value: unknown): URL | undefined {
  const url = absoluteUrlOf(value);
  if (!url) return undefined;
  if (url.protocol === 'https:') return url;
  return url.protocol === 'http:' && isLoopbackHost(url.hostname) ? url : undefined;
}

/** A list's stated `ttl` as the page cache's max age: within [MIN_REUSE_MS, a day]; 5 minutes when absent. */
export function maxAgeOf(ttl: unknown): number {
  if (typeof ttl !== 'number' || !Number.isFinite(ttl) || ttl < 0) return DEFAULT_LIST_MAX_AGE_MS;
  return Math.min(Math.max(ttl, MIN_REUSE_MS), MAX_LIST_MAX_AGE_MS);
}

/**
 * The max age last learnt for each list URL, so the next load reuses a copy only as long as the
 * list itself allows. Bounded like the document cache.
 */
export function createMaxAgeHints(maxEntries = 256) {
  const hints = new Map<string, number>();
  return {
    get: (url: string) => hints.get(url) ?? DEFAULT_LIST_MAX_AGE_MS,
    set(url: string, maxAgeMs: number) {
      hints.delete(url);
      hints.set(url, maxAgeMs);
      while (hints.size > maxEntries) hints.delete(hints.keys().next().value!);
    },
  };
}

/**
 * Loads a list, or says why not as a `warning` (ERR_OB_STATUS_UNAVAILABLE: nothing is known to be
 * wrong, but the status is unknown). An abort is not an outcome: it propagates.
 */
export async function loadList(
  url: string,
  accept: LoadOptions['accept'],
  maxAgeMs: number,
  context: VerifyContext,
  facts: Readonly<Record<string, unknown>>,
): Promise<LoadedDocument | StepOutcome> {
  try {
    return await context.load(url, { accept, signal: context.signal, maxAgeMs });
  } catch (error) {
    if (context.signal.aborted || error instanceof Aborted) throw error;
    const cause = error instanceof BadgeError ? error.code : 'ERR_OB_FETCH_FAILED';
    // Either way the status is unknown; `unreachable` (the shared rule, fetcher.ts) tells "nobody
    // could be asked" from "the server answered, without a list".
    const unreachable = isUnreachable(error);
    return warning(
      new StatusUnavailable(`The status list at ${url} could not be ${unreachable ? 'reached' : 'retrieved'}`, {
        details: {
          ...facts,
          cause,
          unreachable,
          ...(error instanceof BadgeError ? pick(error.details, 'status') : {}),
        },
      }),
    );
  }
}

function pick(details: Readonly<Record<string, unknown>> | undefined, key: string): Record<string, unknown> {
  return details && details[key] !== undefined ? { [key]: details[key] } : {};
}

/** A coded error as a `warning` outcome: the status is unknown, never "not revoked". */
export function warning(error: BadgeError): StepOutcome {
  return outcomeOf(error, 'warning');
}

/** A coded error as a `failed` outcome. */
export function failure(error: BadgeError): StepOutcome {
  return outcomeOf(error, 'failed');
}

/** An entry this verifier cannot act on (malformed, or a purpose it does not know): status unknown. */
export function unchecked(message: string, details: Record<string, unknown>): StepOutcome {
  return warning(new StatusUnchecked(message, { details }));
}

/** Why the document at the list's address is not the issuer's list: status unknown, never "active". */
export function notTheList(
  bound: Extract<BoundCredential, { ok: false }>,
  url: string,
  facts: Readonly<Record<string, unknown>>,
): StepOutcome {
  const listCheck = bound.check
    ? { listCheck: { id: bound.check.id, status: bound.check.status, code: bound.check.code ?? null } }
    : {};
  switch (bound.reason) {
    case 'presentation':
      return listInvalid(
        `The document at ${url} is a presentation, not a status list credential`,
        'presentation',
        facts,
      );
    case 'not-a-credential':
      return listInvalid(`The document at ${url} is not a credential bound to an issuer`, 'not-a-credential', facts);
    case 'expired':
    case 'not-yet-valid':
      return listInvalid(
        `The status list at ${url} is not valid now (${bound.reason})`,
        bound.reason,
        facts,
        listCheck,
      );
    case 'id': {
      const listId = stringOf(bound.credential?.['id']);
      return listInvalid(`The status list at ${url} is another list (${listId ?? 'it has no id'})`, 'id', facts, {
        listId: listId ?? null,
        ...(bound.issuer !== undefined ? { listIssuer: bound.issuer } : {}),
      });
    }
    case 'issuer':
      return listInvalid(`The status list at ${url} was not issued by the credential's issuer`, 'issuer', facts, {
        listIssuer: bound.issuer ?? null,
      });
    default:
      return listInvalid(
        `The status list at ${url} did not verify${bound.check ? ` (${bound.check.id})` : ''}`,
        'unverified',
        facts,
        listCheck,
      );
  }
}

/** The document at the list's address is not a usable list: status unknown, with the reason. */
export function listInvalid(
  message: string,
  reason: string,
  facts: Readonly<Record<string, unknown>>,
  extra: Record<string, unknown> = {},
): StepOutcome {
  return warning(new StatusListInvalid(message, { details: { ...facts, reason, ...extra } }));
}
