import { CredentialRevoked } from '../errors.js';
import { CredentialSuspended, StatusIndexOutOfRange } from '../errors-status.js';
import type { LoadedDocument } from '../fetcher.js';
import { arrayOf, hasType, idOf, isObject, stringOf, type JsonObject } from '../lib/json.js';
import type { StepOutcome, VerifyContext } from '../plugin.js';
import type { VerificationResult } from '../result.js';
import { boundCredential, notACredential } from '../checks/bound-credential.js';
import {
  decodeEncodedList,
  DEFAULT_MINIMUM_ENTRIES,
  readEntry,
  SPEC_MINIMUM_ENTRIES,
  type DecodedBitstring,
} from './bitstring.js';
import type { StatusMethod } from './status-method.js';
import {
  createMaxAgeHints,
  failure,
  loadList,
  maxAgeOf,
  listInvalid,
  notTheList,
  statusListUrlOf,
  unchecked,
} from './status-list-fetch.js';

/**
 * The one algorithm behind `BitstringStatusListEntry` (W3C Bitstring Status List v1.0 §3.2) and its
 * predecessor `StatusList2021Entry` (W3C CCG Status List 2021): fetch the list credential, verify it
 * through the same pipeline as the badge, check who issued it, what it is and when, then read the
 * credential's entry. Anything short of a verified list from the badge's issuer makes the status
 * unknown (`warning`), never "not revoked". Private to `status/`.
 */

export interface StatusListOptions {
  /**
   * The fewest entries (list bits ÷ `statusSize`) a list may hold; shorter lists give "status
   * unknown" (the specification's STATUS_LIST_LENGTH_ERROR: a short list exposes who is checked).
   * Default 100,000; the specification's own bound is 131,072 (`SPEC_MINIMUM_ENTRIES`), which a
   * strict verifier sets here. Lists between the two are accepted with `belowSpecMinimum: true`.
   */
  readonly minimumEntries?: number;
  /**
   * Whether a list issued by `listIssuer` may give the status of a credential from
   * `credentialIssuer`. Default: only when they are the same identifier. The specification allows
   * another party to run the list; a verifier that knows whom to trust for it can say so here.
   */
  readonly acceptListIssuer?: (listIssuer: string, credentialIssuer: string) => boolean;
}

export interface BitstringListKind {
  readonly entryType: string;
  readonly credentialType: string;
  readonly subjectType: string;
  /** Bitstring Status List: `encodedList` carries the Multibase `u` prefix. */
  readonly multibase: boolean;
  /** Bitstring Status List: `message` and `refresh` purposes, `statusSize`, `statusMessage`, `ttl`. */
  readonly extended: boolean;
}

/** Status entries wider than this are not read (a 16-bit entry already has 65,536 messages). */
const MAX_STATUS_SIZE = 16;

type Purpose = 'revocation' | 'suspension' | 'message' | 'refresh';

interface StatusMessage {
  readonly status: string;
  readonly message: string;
}

interface Entry {
  readonly purpose: Purpose;
  readonly index: number;
  readonly size: number;
  readonly messages: readonly StatusMessage[] | undefined;
  readonly url: string;
}

/** A fetched list after the work every badge shares: its verification and its decoded bits. */
interface PreparedList {
  readonly result: VerificationResult;
  readonly subject: JsonObject | undefined;
  readonly decoded: DecodedBitstring | undefined;
}

type Facts = Record<string, unknown>;

/** `statusListIndex`: a base-10 integer ≥ 0 as a string (or, as some issuers write it, a number). */
function indexOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value)) return undefined;
  // Beyond 2^53 no list can reach it; keep it as an index no list holds.
  return value.length > 15 ? Number.MAX_SAFE_INTEGER : Number(value);
}

/** Reads the entry, or says why it cannot be acted on. */
function readStatusEntry(
  entry: Readonly<Record<string, unknown>>,
  kind: BitstringListKind,
  facts: Facts,
): Entry | StepOutcome {
  const purpose = stringOf(entry['statusPurpose']);
  const known: readonly string[] = kind.extended
    ? ['revocation', 'suspension', 'message', 'refresh']
    : ['revocation', 'suspension'];
  if (purpose === undefined)
    return unchecked('The status entry has no statusPurpose', { ...facts, field: 'statusPurpose' });
  if (!known.includes(purpose)) {
    return unchecked(`Status purpose ${purpose} is not understood by this verifier`, {
      ...facts,
      field: 'statusPurpose',
    });
  }
  const index = indexOf(entry['statusListIndex']);
  if (index === undefined) {
    return unchecked('The status entry has no valid statusListIndex', { ...facts, field: 'statusListIndex' });
  }
  const url = statusListUrlOf(entry['statusListCredential']);
  if (!url) {
    return unchecked('The status entry has no https statusListCredential', { ...facts, field: 'statusListCredential' });
  }
  let size = 1;
  if (kind.extended && entry['statusSize'] !== undefined) {
    const stated = entry['statusSize'];
    if (typeof stated !== 'number' || !Number.isSafeInteger(stated) || stated < 1 || stated > MAX_STATUS_SIZE) {
      return unchecked('The status entry has a statusSize this verifier cannot read', {
        ...facts,
        field: 'statusSize',
      });
    }
    size = stated;
  }
  let messages: StatusMessage[] | undefined;
  const stated = kind.extended ? entry['statusMessage'] : undefined;
  if (stated !== undefined || size > 1) {
    // statusMessage MUST be present when statusSize > 1, with one message per possible value.
    const valid =
      Array.isArray(stated) &&
      stated.length === 2 ** size &&
      stated.every((m) => isObject(m) && typeof m['status'] === 'string' && typeof m['message'] === 'string');
    if (!valid)
      return unchecked('The status entry has no valid statusMessage list', { ...facts, field: 'statusMessage' });
    messages = (stated as JsonObject[]).map((m) => ({
      status: m['status'] as string,
      message: m['message'] as string,
    }));
  }
  return { purpose: purpose as Purpose, index, size, messages, url: url.href };
}

/** The message an issuer committed to for `value` ("0x2"), by its stated status, else by position. */
function messageFor(messages: readonly StatusMessage[] | undefined, value: number): string | undefined {
  if (!messages) return value === 0 ? 'unset' : 'set';
  const byStatus = messages.find((m) => /^0x[0-9a-f]+$/i.test(m.status) && parseInt(m.status, 16) === value);
  return (byStatus ?? messages[value])?.message;
}

/** A `StatusMethod` for one kind of bitstring list. */
export function createBitstringMethod(kind: BitstringListKind, options: StatusListOptions = {}): StatusMethod {
  const minimumEntries = options.minimumEntries ?? DEFAULT_MINIMUM_ENTRIES;
  if (!Number.isSafeInteger(minimumEntries) || minimumEntries < 0) {
    throw new TypeError(`minimumEntries must be a whole number ≥ 0, not ${String(options.minimumEntries)}`);
  }
  const acceptListIssuer = options.acceptListIssuer ?? ((list: string, credential: string) => list === credential);
  const maxAgeHints = createMaxAgeHints();
  // One verification per fetched copy of a list: the loader hands every badge the same document
  // object while its cached copy is fresh, and a new one once it has been fetched again.
  const prepared = new WeakMap<LoadedDocument, Promise<PreparedList>>();

  async function prepare(document: LoadedDocument, context: VerifyContext): Promise<PreparedList> {
    const result = await context.verifyRelated(document);
    const credential = result.credential;
    const subject = arrayOf(credential?.['credentialSubject']).find(
      (s): s is JsonObject => isObject(s) && hasType(s, kind.subjectType),
    );
    const encodedList = subject ? stringOf(subject['encodedList']) : undefined;
    // Decoding is only worth it for a list that verified; its bits are shared by every badge.
    const verified =
      notACredential(result) === undefined &&
      result.checks.every((c) => c.id === 'validity' || c.id === 'status' || c.status === 'passed');
    const decoded =
      verified && encodedList !== undefined ? await decodeEncodedList(encodedList, kind.multibase) : undefined;
    return { result, subject, decoded };
  }

  /** The shared preparation of this copy; if the badge that started it was aborted, ours starts again. */
  async function preparedList(document: LoadedDocument, context: VerifyContext): Promise<PreparedList> {
    for (let attempt = 0; ; attempt++) {
      let pending = prepared.get(document);
      if (!pending) {
        const started = prepare(document, context);
        started.catch(() => {
          if (prepared.get(document) === started) prepared.delete(document);
        });
        prepared.set(document, started);
        pending = started;
      }
      try {
        return await pending;
      } catch (error) {
        if (context.signal.aborted || attempt > 0) throw error;
      }
    }
  }

  return {
    types: [kind.entryType],
    async check(entry, credential, context) {
      const facts: Facts = { type: kind.entryType };
      const read = readStatusEntry(entry, kind, facts);
      if ('status' in read) return read;
      Object.assign(facts, { purpose: read.purpose, url: read.url, index: read.index });
      if (read.size !== 1) facts['statusSize'] = read.size;

      const credentialIssuer = idOf(credential['issuer']);
      if (credentialIssuer === undefined)
        return unchecked('The credential names no issuer to match its status list against', facts);

      const document = await loadList(read.url, 'badge', maxAgeHints.get(read.url), context, facts);
      if (!('bytes' in document)) return document;
      const list = await preparedList(document, context);
      if (kind.extended) maxAgeHints.set(read.url, maxAgeOf(list.subject?.['ttl']));
      if (document.fetchedAt !== undefined) facts['listFetchedAt'] = new Date(document.fetchedAt).toISOString();

      // 1–3. A credential (never a presentation) that verified through the same pipeline, inside
      // its validity window at this badge's `now`, whose id is the address the badge names, bound
      // to the badge's issuer (or whoever the verifier accepts for it). A verified list from
      // someone else, at the address the issuer signed, is believed only when it says "revoked"
      // or "suspended": that errs on the holder's side of caution, while "active" must come from
      // the issuer itself, since anyone able to write at that address can sign a list.
      const bound = boundCredential(list.result, {
        id: read.url,
        issuer: credentialIssuer,
        acceptIssuer: acceptListIssuer,
        at: { now: context.now, toleranceSeconds: context.clockToleranceSeconds },
        ignore: ['status'],
      });
      if (!bound.ok && bound.reason !== 'issuer') return notTheList(bound, read.url, facts);
      const listCredential = bound.credential ?? {};
      facts['listIssuer'] = bound.issuer ?? null;
      const foreignIssuer = !bound.ok;
      if (foreignIssuer) facts['listIssuerDiffers'] = true;
      // 4. The right kind of list, for this purpose.
      if (!hasType(listCredential, kind.credentialType) || !list.subject) {
        return listInvalid(`The document at ${read.url} is not a ${kind.credentialType}`, 'type', facts, {
          expected: kind.credentialType,
        });
      }
      const purposes = arrayOf(list.subject['statusPurpose']);
      if (!purposes.includes(read.purpose)) {
        return listInvalid(`The status list at ${read.url} is not a ${read.purpose} list`, 'purpose', facts);
      }
      const listSize = list.subject['statusSize'];
      if (kind.extended && listSize !== undefined && listSize !== read.size) {
        return listInvalid(`The status list at ${read.url} has entries of another size`, 'status-size', facts);
      }
      // 5. Its bits: decodable, within the cap, long enough to protect holders, and covering the entry.
      const decoded = list.decoded;
      if (!decoded || !decoded.ok) {
        const reason = decoded && !decoded.ok ? decoded.reason : 'encoding';
        return listInvalid(`The status list at ${read.url} could not be decoded (${reason})`, reason, facts);
      }
      const entries = Math.floor((decoded.bytes.byteLength * 8) / read.size);
      facts['listEntries'] = entries;
      if (entries < minimumEntries) {
        return listInvalid(
          `The status list at ${read.url} has ${entries} entries, fewer than ${minimumEntries}`,
          'too-short',
          facts,
          {
            minimumEntries,
          },
        );
      }
      if (entries < SPEC_MINIMUM_ENTRIES) facts['belowSpecMinimum'] = true;
      const value = readEntry(decoded.bytes, read.index, read.size);
      if (value === undefined) {
        return failure(
          new StatusIndexOutOfRange(`Index ${read.index} is outside the ${entries}-entry status list at ${read.url}`, {
            details: facts,
          }),
        );
      }

      // 6. What the entry says.
      const result: Facts = {
        ...facts,
        status: `0x${value.toString(16)}`,
        checkedAt: context.now.toISOString(),
      };
      const negative = value !== 0 && (read.purpose === 'revocation' || read.purpose === 'suspension');
      if (foreignIssuer && !negative) {
        return listInvalid(`The status list at ${read.url} was not issued by ${credentialIssuer}`, 'issuer', facts, {
          issuer: credentialIssuer,
        });
      }
      const message = read.messages || read.purpose === 'message' ? messageFor(read.messages, value) : undefined;
      if (message !== undefined) result['message'] = message;
      if (value !== 0 && read.purpose === 'revocation') {
        return failure(new CredentialRevoked(`Revoked: set in the issuer's list at ${read.url}`, { details: result }));
      }
      if (value !== 0 && read.purpose === 'suspension') {
        return failure(
          new CredentialSuspended(`Suspended: set in the issuer's list at ${read.url}`, { details: result }),
        );
      }
      // `message` entries inform, `refresh` ones say a newer copy exists: neither revokes.
      const said =
        read.purpose === 'message'
          ? `status ${result['status'] as string}`
          : read.purpose === 'refresh'
            ? value === 0
              ? 'no refresh'
              : 'a refreshed credential is available'
            : `not ${read.purpose === 'revocation' ? 'revoked' : 'suspended'}`;
      return {
        status: 'passed',
        message: `Checked against the issuer's list at ${read.url}: ${said}`,
        details: result,
      };
    },
  };
}
