import { boundCredential, windowAt } from '../checks/bound-credential.js';
import { CredentialRevoked } from '../errors.js';
import { isJsonType, jsonOf, type LoadedDocument } from '../fetcher.js';
import { arrayOf, hasType, idOf, isObject, stringOf, type JsonObject } from '../lib/json.js';
import type { StepOutcome, VerifyContext } from '../plugin.js';
import type { VerificationResult } from '../result.js';
import { displayText } from '../lib/text.js';
import type { StatusListOptions } from './bitstring-method.js';
import type { StatusMethod } from './status-method.js';
import { isSameAddress } from '../lib/url.js';
import {
  DEFAULT_LIST_MAX_AGE_MS,
  failure,
  loadList,
  listInvalid,
  notTheList,
  statusListUrlOf,
  unchecked,
} from './status-list-fetch.js';

export type RevocationListOptions = Pick<StatusListOptions, 'acceptListIssuer'>;

/** What a list says: who issued it, which list it is, its dates, and the credentials it revokes. */
interface ListContent {
  readonly issuer: string | undefined;
  readonly revoked: ReadonlyMap<string, unknown>;
}

/** What a fetched copy is, read once per copy. */
type ParsedList =
  | ({ readonly ok: true; readonly signed: false; readonly id: string | undefined } & ListContent & {
        readonly validFrom: number;
        readonly validUntil: number;
      })
  | { readonly ok: true; readonly signed: true; readonly result: VerificationResult }
  | { readonly ok: false; readonly reason: 'format' | 'type' };

/** `revoked: false` (or the string, as some JSON writers emit it) keeps a listed credential active. */
function isRevokedFlag(value: unknown): boolean {
  return !(value === false || value === 'false');
}

/** The list in `node` (the document, or a signed list's subject), or why it is none. */
function contentOf(node: JsonObject): ListContent | 'type' {
  // The 1EdTech validator reads `revokedCredential`; the plural appears in prose and some issuers.
  const field = node['revokedCredential'] !== undefined ? node['revokedCredential'] : node['revokedCredentials'];
  const looksLikeList =
    field !== undefined || hasType(node, 'RevocationList') || hasType(node, '1EdTechRevocationList');
  // An error body (`{"error": …}`) must not read as "nothing is revoked".
  if (!looksLikeList || (field !== undefined && !Array.isArray(field) && !isObject(field))) return 'type';
  const revoked = new Map<string, unknown>();
  for (const item of arrayOf(field)) {
    const id = idOf(item);
    if (id === undefined) continue;
    const flag = isObject(item) ? item['revoked'] : undefined;
    // A credential listed twice is revoked if either listing says so.
    if (!revoked.has(id) || isRevokedFlag(flag)) revoked.set(id, isObject(item) ? item : { id });
  }
  return { issuer: idOf(node['issuer']), revoked };
}

/**
 * Whether the answer claims to be signed, or to be a credential or a presentation: then it counts
 * only as a credential verified and bound to the badge's issuer, never as a plain list.
 */
function claimsToBeSigned(value: JsonObject): boolean {
  return (
    value['proof'] !== undefined ||
    value['vc'] !== undefined ||
    value['vp'] !== undefined ||
    hasType(value, 'VerifiableCredential') ||
    hasType(value, 'VerifiablePresentation') ||
    hasType(value, 'EnvelopedVerifiableCredential') ||
    hasType(value, 'EnvelopedVerifiablePresentation')
  );
}

/** A stated date as ms, `NaN` when absent or unreadable. */
function dateOf(value: unknown): number {
  return typeof value === 'string' ? Date.parse(value) : NaN;
}

async function parseList(document: LoadedDocument, context: VerifyContext): Promise<ParsedList> {
  // A token (a VC-JWT, a `vp+jwt`) is a signed document: it goes through the pipeline.
  if (document.contentType.startsWith('image/')) return { ok: false, reason: 'format' };
  if (!isJsonType(document.contentType)) {
    return { ok: true, signed: true, result: await context.verifyRelated(document) };
  }
  let list: unknown;
  try {
    list = jsonOf(document);
  } catch {
    return { ok: false, reason: 'format' };
  }
  if (!isObject(list)) return { ok: false, reason: 'format' };
  if (claimsToBeSigned(list)) return { ok: true, signed: true, result: await context.verifyRelated(list) };
  const content = contentOf(list);
  if (content === 'type') return { ok: false, reason: 'type' };
  return {
    ok: true,
    signed: false,
    id: stringOf(list['id']),
    ...content,
    validFrom: dateOf(list['validFrom'] ?? list['issuanceDate']),
    validUntil: dateOf(list['validUntil'] ?? list['expirationDate']),
  };
}

/** The 1EdTech revocation list method itself (see `1edtech-revocation-list.ts`), loaded with `import()`. */
export function oneEdTechRevocationListMethod(options: RevocationListOptions = {}): StatusMethod {
  const acceptListIssuer = options.acceptListIssuer ?? ((list: string, credential: string) => list === credential);
  const parsed = new WeakMap<LoadedDocument, Promise<ParsedList>>();

  /** This copy, read (and for a signed one, verified) once; an aborted first reader's work is redone. */
  function parsedList(document: LoadedDocument, context: VerifyContext): Promise<ParsedList> {
    let pending = parsed.get(document);
    if (!pending) {
      const started = parseList(document, context);
      started.catch(() => {
        if (parsed.get(document) === started) parsed.delete(document);
      });
      parsed.set(document, started);
      pending = started;
    }
    return pending;
  }

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

      const document = await loadList(url.href, 'badge', DEFAULT_LIST_MAX_AGE_MS, context, facts);
      if (!('bytes' in document)) return document;
      if (document.fetchedAt !== undefined) facts['listFetchedAt'] = new Date(document.fetchedAt).toISOString();
      let list: ParsedList;
      try {
        list = await parsedList(document, context);
      } catch (error) {
        if (context.signal.aborted) throw error;
        list = await parsedList(document, context);
      }
      if (!list.ok) {
        return listInvalid(`The document at ${url.href} is not a revocation list`, list.reason, facts);
      }

      let content: ListContent;
      let signed: boolean;
      if (list.signed) {
        // Signed (or claiming to be): only a credential bound to the badge's issuer, at this
        // address, valid now, counts; a presentation never does.
        const bound = boundCredential(list.result, {
          id: url.href,
          issuer: credentialIssuer,
          acceptIssuer: acceptListIssuer,
          at: { now: context.now, toleranceSeconds: context.clockToleranceSeconds },
          ignore: ['status'],
        });
        if (!bound.ok) return notTheList(bound, url.href, facts);
        facts['listIssuer'] = bound.issuer;
        const subjects = arrayOf(bound.credential['credentialSubject']).filter(isObject);
        // The list is where its `revokedCredential` is (the credential or a subject); a type alone
        // only says "empty" when no node carries the field.
        const nodes = [bound.credential, ...subjects];
        const carrier =
          nodes.find((n) => n['revokedCredential'] !== undefined || n['revokedCredentials'] !== undefined) ??
          nodes.find((n) => contentOf(n) !== 'type');
        const found = carrier ? contentOf(carrier) : undefined;
        if (found === undefined || found === 'type') {
          return listInvalid(`The credential at ${url.href} is not a revocation list`, 'type', facts);
        }
        content = found;
        signed = true;
      } else {
        // The plain list of the specification: the issuer's because of the https address the
        // signed badge names. Still, a list that says it is another list, someone else's, or
        // not valid now, is not believed.
        if (list.id !== undefined && !isSameAddress(list.id, url.href)) {
          return listInvalid(`The revocation list at ${url.href} is another list (${list.id})`, 'id', facts, {
            listId: list.id,
          });
        }
        if (list.issuer !== undefined) {
          facts['listIssuer'] = list.issuer;
          if (!acceptListIssuer(list.issuer, credentialIssuer)) {
            return listInvalid(`The revocation list at ${url.href} is not ${credentialIssuer}'s`, 'issuer', facts, {
              issuer: credentialIssuer,
            });
          }
        }
        const window = windowAt(list.validFrom, list.validUntil, {
          now: context.now,
          toleranceSeconds: context.clockToleranceSeconds,
        });
        if (window) {
          return listInvalid(`The revocation list at ${url.href} is not valid now (${window})`, window, facts);
        }
        content = list;
        signed = false;
      }

      const details: Record<string, unknown> = { ...facts, signed, checkedAt: context.now.toISOString() };
      const listed = content.revoked.get(credentialId);
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
