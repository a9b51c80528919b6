import { arrayOf, hasType, idOf, isObject, stringOf, type JsonObject } from '../lib/json.js';
import type { NestedResult, NestedRole } from '../result.js';

/**
 * Where credentials sit inside other credentials. A reader looks at a decoded credential (or
 * presentation) and lists what it carries; the pipeline verifies each through the same formats
 * (`nested.ts`). Readers never throw: an entry they cannot read is passed on as it is and fails
 * its own format check.
 */

export interface NestedInput {
  readonly role: NestedRole;
  readonly location: string;
  /** A credential object, or a compact JWS. */
  readonly input: Readonly<Record<string, unknown>> | string;
  readonly about?: NestedResult['about'];
}

export type NestedReader = (credential: Readonly<JsonObject>) => NestedInput[];

/** Entries read per list; the pipeline caps what it verifies separately. */
const MAX_READ = 10_000;

/**
 * A VCDM 2.0 `EnvelopedVerifiableCredential` carries its credential in a `data:` URL id
 * (`data:application/vc+jwt,<compact JWS>`): the JWS is what is verified. Anything else enveloped
 * is passed on as is, to be refused by the formats with its own reason.
 */
export function unenvelope(entry: unknown): Readonly<Record<string, unknown>> | string {
  if (typeof entry === 'string') return entry.trim();
  if (!isObject(entry)) return { value: entry ?? null };
  if (!hasType(entry, 'EnvelopedVerifiableCredential')) return entry;
  const id = stringOf(entry['id']) ?? '';
  const match = /^data:application\/(?:vc\+jwt|jwt)(?:;[^,]*)?,(.*)$/is.exec(id);
  if (!match) return entry;
  let token = match[1]!;
  try {
    if (token.includes('%')) token = decodeURIComponent(token);
  } catch {
    return entry;
  }
  return token.trim();
}

function listAt(value: unknown, role: NestedRole, path: string, about?: NestedResult['about']): NestedInput[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.slice(0, MAX_READ).map((item, index) => ({
    role,
    location: Array.isArray(value) ? `${path}[${index}]` : path,
    input: unenvelope(item),
    ...(about ? { about } : {}),
  }));
}

/** The credentials a `VerifiablePresentation` holds (`verifiableCredential`): objects, enveloped, or JWT strings (VC-JWT 1.1). */
export const presentationCredentials: NestedReader = (credential) =>
  hasType(credential, 'VerifiablePresentation')
    ? listAt(credential['verifiableCredential'], 'credential', 'verifiableCredential')
    : [];

/** A CLR 2.0 transcript's achievements: `credentialSubject.verifiableCredential`, each signed by its own issuer. */
export const clrAchievements: NestedReader = (credential) => {
  if (!hasType(credential, 'ClrCredential')) return [];
  return arrayOf(credential['credentialSubject']).flatMap((subject, index, subjects) =>
    isObject(subject)
      ? listAt(
          subject['verifiableCredential'],
          'achievement',
          subjects.length > 1
            ? `credentialSubject[${index}].verifiableCredential`
            : 'credentialSubject.verifiableCredential',
        )
      : [],
  );
};

/** `endorsement` (objects) and `endorsementJwt` (compact JWS) on one node, all about that node. */
function endorsementsOf(node: unknown, path: string, target: 'credential' | 'achievement' | 'issuer'): NestedInput[] {
  if (!isObject(node)) return [];
  const id = idOf(node);
  const about = { target, ...(id !== undefined ? { id } : {}) };
  const prefix = path ? `${path}.` : '';
  return [
    ...listAt(node['endorsement'], 'endorsement', `${prefix}endorsement`, about),
    ...listAt(node['endorsementJwt'], 'endorsement', `${prefix}endorsementJwt`, about),
  ];
}

/**
 * Open Badges 3.0 endorsements (`EndorsementCredential`s) wherever they attach: on the credential,
 * on each subject's achievement, and on the issuer profile.
 */
export const endorsements: NestedReader = (credential) => {
  if (hasType(credential, 'VerifiablePresentation')) return [];
  const subjects = arrayOf(credential['credentialSubject']);
  return [
    ...endorsementsOf(credential, '', 'credential'),
    ...subjects.flatMap((subject, index) =>
      isObject(subject)
        ? endorsementsOf(
            subject['achievement'],
            subjects.length > 1 ? `credentialSubject[${index}].achievement` : 'credentialSubject.achievement',
            'achievement',
          )
        : [],
    ),
    ...endorsementsOf(credential['issuer'], 'issuer', 'issuer'),
  ];
};

export const DEFAULT_NESTED_READERS: readonly NestedReader[] = [presentationCredentials, clrAchievements, endorsements];
