import { CredentialRevoked, StatusListInvalid } from '../errors.js';
import { jsonOf, type LoadedDocument } from '../fetcher.js';
import { arrayOf, hasType, idOf, isObject, stringOf } from '../lib/json.js';
import { displayText } from '../lib/text.js';
import type { StepOutcome } from '../plugin.js';
import type { StatusListOptions } from './bitstring-method.js';
import type { StatusMethod } from './status-method.js';
import {
  DEFAULT_LIST_MAX_AGE_MS,
  failure,
  loadList,
  statusListUrlOf,
  unchecked,
  warning,
} from './status-list-fetch.js';

export type RevocationListOptions = Pick<StatusListOptions, 'acceptListIssuer'>;

/** What a fetched list says, read once per fetched copy. */
type ParsedList =
  | { readonly ok: true; readonly issuer: string | undefined; readonly revoked: ReadonlyMap<string, unknown> }
  | { readonly ok: false; readonly reason: 'format' | 'type' };

/** `revoked: false` (or the string, as some JSON writers emit it) keeps a listed credential active. */
function isRevokedFlag(value: unknown): boolean {
  return !(value === false || value === 'false');
}

function parseList(document: LoadedDocument): ParsedList {
  let list: unknown;
  try {
    list = jsonOf(document);
  } catch {
    return { ok: false, reason: 'format' };
  }
  if (!isObject(list)) return { ok: false, reason: 'format' };
  // The 1EdTech validator reads `revokedCredential`; the plural appears in prose and some issuers.
  const field = list['revokedCredential'] !== undefined ? list['revokedCredential'] : list['revokedCredentials'];
  const looksLikeList =
    field !== undefined || hasType(list, 'RevocationList') || hasType(list, '1EdTechRevocationList');
  // An error body (`{"error": …}`) must not read as "nothing is revoked".
  if (!looksLikeList || (field !== undefined && !Array.isArray(field) && !isObject(field))) {
    return { ok: false, reason: 'type' };
  }
  const revoked = new Map<string, unknown>();
  for (const item of arrayOf(field)) {
    const id = idOf(item);
    if (id === undefined) continue;
    const flag = isObject(item) ? item['revoked'] : undefined;
    // A credential listed twice is revoked if either listing says so.
    if (!revoked.has(id) || isRevokedFlag(flag)) revoked.set(id, isObject(item) ? item : { id });
  }
  return { ok: true, issuer: idOf(list['issuer']), revoked };
}

/**
 * `1EdTechRevocationList` (1EdTech Revocation List Status Method 1.0, named by Open Badges 3.0 and
 * CLR 2.0): `credentialStatus.id` is the URL of the issuer's list, a JSON document whose
 * `revokedCredential` array names revoked credentials by `id` (an item with `revoked: false` is
 * not revoked; `revocationReason` is kept in the details). The list carries no proof: it is the
 * issuer's because of the https address the signed badge names (redirects to another origin are
 * refused), and an `issuer` it states must be the badge's. Reused like the other lists (5 minutes,
 * within HTTP caching).
 */
export function oneEdTechRevocationList(options: RevocationListOptions = {}): StatusMethod {
  const acceptListIssuer = options.acceptListIssuer ?? ((list: string, credential: string) => list === credential);
  const parsed = new WeakMap<LoadedDocument, ParsedList>();

  return {
    types: ['1EdTechRevocationList'],
    async check(entry, credential, context): Promise<StepOutcome> {
      const facts: Record<string, unknown> = { type: '1EdTechRevocationList', purpose: 'revocation' };
      const url = statusListUrlOf(entry['id']);
      if (!url) return unchecked('The status entry has no https id for its revocation list', { ...facts, field: 'id' });
      facts['url'] = url.href;
      const credentialId = stringOf(credential['id']);
      const credentialIssuer = idOf(credential['issuer']);
      if (credentialId === undefined || credentialIssuer === undefined) {
        return unchecked('A revocation list names credentials by id: this credential has no id or issuer', {
          ...facts,
          field: credentialId === undefined ? 'id' : 'issuer',
        });
      }

      const document = await loadList(url.href, 'json', DEFAULT_LIST_MAX_AGE_MS, context, facts);
      if (!('bytes' in document)) return document;
      if (document.fetchedAt !== undefined) facts['listFetchedAt'] = new Date(document.fetchedAt).toISOString();
      let list = parsed.get(document);
      if (!list) {
        list = parseList(document);
        parsed.set(document, list);
      }
      if (!list.ok) {
        return warning(
          new StatusListInvalid(`The document at ${url.href} is not a revocation list`, {
            details: { ...facts, reason: list.reason },
          }),
        );
      }
      if (list.issuer !== undefined) {
        facts['listIssuer'] = list.issuer;
        if (!acceptListIssuer(list.issuer, credentialIssuer)) {
          return warning(
            new StatusListInvalid(`The revocation list at ${url.href} is not ${credentialIssuer}'s`, {
              details: { ...facts, reason: 'issuer', issuer: credentialIssuer },
            }),
          );
        }
      }

      const details: Record<string, unknown> = { ...facts, signed: false, checkedAt: context.now.toISOString() };
      const listed = list.revoked.get(credentialId);
      if (listed !== undefined && isRevokedFlag(isObject(listed) ? listed['revoked'] : undefined)) {
        const reason = isObject(listed) ? displayText(listed['revocationReason']) : undefined;
        return failure(
          new CredentialRevoked(`Revoked: listed in the issuer's revocation list at ${url.href}`, {
            details: { ...details, ...(reason !== undefined ? { revocationReason: reason } : {}) },
          }),
        );
      }
      return {
        status: 'passed',
        message: `Checked against the issuer's revocation list at ${url.href}: not revoked`,
        details,
      };
    },
  };
}
