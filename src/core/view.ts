/**
 * The one render model every format is turned into. Components draw this and nothing else,
 * so they never touch raw badge data. All strings are untrusted text; all URLs are untrusted
 * and must go through the components' safe-url filter before reaching an attribute.
 */
import { arrayOf, isObject, type JsonObject } from './lib/json.js';
import { hasBidiControls, withoutBidiControls } from './lib/text.js';
export interface ImageView {
  readonly url: string;
  /** Alt text: the image's caption, else the name of what it depicts. */
  readonly alt: string;
}

export interface IssuerView {
  readonly id?: string;
  readonly name?: string;
  readonly url?: string;
  readonly email?: string;
  readonly description?: string;
  readonly image?: ImageView;
}

export interface EvidenceView {
  readonly id?: string;
  readonly name?: string;
  readonly description?: string;
  /** Markdown. */
  readonly narrative?: string;
  readonly genre?: string;
  readonly audience?: string;
}

export interface AlignmentView {
  readonly name: string;
  readonly url?: string;
  readonly description?: string;
  readonly framework?: string;
  readonly code?: string;
}

/** CLR 2.0 `association`: how two achievements in a transcript relate. */
export interface AssociationView {
  /** e.g. `isChildOf`, `isParentOf`, `precedes`, `exactMatchOf`. */
  readonly type: string;
  readonly sourceId: string;
  readonly targetId: string;
}

export interface BadgeView {
  /** What the data is; decides a few labels. */
  readonly spec: 'ob3' | 'ob2' | 'clr' | 'endorsement' | 'vp' | 'vc';
  readonly credentialId?: string;
  readonly name: string;
  readonly description?: string;
  readonly image?: ImageView;
  /** Human label of `achievementType` (e.g. "Certificate"), when present. */
  readonly achievementType?: string;
  readonly criteria?: {
    /** Markdown. */
    readonly narrative?: string;
    readonly url?: string;
  };
  readonly issuer: IssuerView;
  readonly recipient?: { readonly name?: string; readonly id?: string };
  /** ISO 8601 instants. */
  readonly issuedOn?: string;
  readonly validFrom?: string;
  readonly validUntil?: string;
  readonly evidence: readonly EvidenceView[];
  readonly alignments: readonly AlignmentView[];
  readonly tags: readonly string[];
  /** The issuer's published reason, when the badge is revoked (OB 2.0 `revocationReason`). */
  readonly revocationReason?: string;
  /** The achievement's own id (`credentialSubject.achievement.id`): what CLR associations and endorsements name. */
  readonly achievementId?: string;
  /** CLR 2.0: how the transcript's achievements relate (`credentialSubject.association`). */
  readonly associations?: readonly AssociationView[];
  /** An EndorsementCredential: what it endorses (`credentialSubject.id`) and the endorser's comment (Markdown). */
  readonly endorsement?: { readonly subjectId?: string; readonly comment?: string };
  /** A presentation: who presents it (`holder`). */
  readonly holder?: string;
}

// ---------------------------------------------------------------------------------------------
// Building the view from a W3C Verifiable Credential (Open Badges 3.0, CLR 2.0, any VC).
// Every value is read defensively: a wrong type is left out, never thrown on, and long text is cut
// so a hostile badge cannot make the page lay out megabytes of text.

const MAX_SHORT = 300;
export const MAX_LONG = 20_000;
export const MAX_ITEMS = 50;

/** URLs and identifiers longer than this are left out; the components' link filter has the same cap. */
const MAX_URL = 8 * 1024;
/** A `data:image/` URL is the image itself: allowed up to the fetcher's default size cap. */
const MAX_DATA_IMAGE_URL = 2 * 1024 * 1024;

/** Badge text: no bidi formatting characters (lib/text.ts), trimmed, at most `max` characters. */
/** @internal for view-ob2.ts and view-presentation.ts */
export function text(value: unknown, max = MAX_SHORT): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = withoutBidiControls(value).trim();
  if (!trimmed) return undefined;
  return trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed;
}

/**
 * A URL or identifier, whole or not at all. Never cut like text: `https://example.edu/a…` is a
 * different URL that still passes the link filter, and a cut `data:` URL is a broken image.
 */
/** @internal for view-ob2.ts and view-presentation.ts */
export function url(value: unknown, { dataImage = false } = {}): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  // An IRI never holds bidi formatting characters (RFC 3987, 4.1): one that does is left out, not
  // shown as something else (a holder, an issuer id) nor silently changed into another identifier.
  if (!trimmed || hasBidiControls(trimmed)) return undefined;
  const max = dataImage && /^data:image\//i.test(trimmed) ? MAX_DATA_IMAGE_URL : MAX_URL;
  return trimmed.length > max ? undefined : trimmed;
}

/** @internal for view-ob2.ts and view-presentation.ts */
export function record(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}

/** @internal for view-ob2.ts and view-presentation.ts */
export function list(value: unknown): unknown[] {
  return arrayOf(value).slice(0, MAX_ITEMS);
}

/** Drops undefined members so views compare and serialize cleanly. */
/** @internal for view-ob2.ts and view-presentation.ts */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** OB 3.0 Image: an IRI string or `{ id, type: "Image", caption }`. */
/** @internal for view-ob2.ts and view-presentation.ts */
export function imageOf(value: unknown, fallbackAlt: string): ImageView | undefined {
  const node = record(value);
  const src = url(typeof value === 'string' ? value : node?.['id'], { dataImage: true });
  if (!src) return undefined;
  return { url: src, alt: text(node?.['caption']) ?? fallbackAlt };
}

/** `ext:MyType` and `LearningProgram` → "My Type" / "Learning Program". */
function humanize(value: unknown): string | undefined {
  const raw = text(value);
  if (!raw) return undefined;
  return raw
    .replace(/^ext:/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim();
}

/** @internal for view-ob2.ts and view-presentation.ts */
export function issuerOf(value: unknown, issuerId: string | undefined): IssuerView {
  const node = record(value);
  const name = text(node?.['name']);
  return compact({
    id: url(node?.['id']) ?? url(value) ?? url(issuerId),
    name,
    url: url(node?.['url']),
    email: text(node?.['email']),
    description: text(node?.['description'], MAX_LONG),
    image: imageOf(node?.['image'], name ? `${name} logo` : 'Issuer logo'),
  });
}

/**
 * The recipient's display name, if the issuer disclosed one: OB 3.0 keeps it in an unhashed
 * `identifier` of type `name`; some issuers use `credentialSubject.name`.
 */
function recipientOf(subject: Record<string, unknown> | undefined): BadgeView['recipient'] {
  if (!subject) return undefined;
  const named = list(subject['identifier'])
    .map(record)
    .find((identity) => identity?.['identityType'] === 'name' && identity['hashed'] === false);
  const name = text(subject['name']) ?? text(named?.['identityHash']);
  const id = url(subject['id']);
  return name || id ? compact({ name, id }) : undefined;
}

/** @internal for view-ob2.ts and view-presentation.ts */
export function evidenceOf(value: unknown): EvidenceView[] {
  return list(value)
    .map((item): EvidenceView | undefined => {
      const node = record(item);
      if (!node) return typeof item === 'string' ? compact({ id: url(item) }) : undefined;
      return compact({
        id: url(node['id']),
        name: text(node['name']),
        description: text(node['description'], MAX_LONG),
        narrative: text(node['narrative'], MAX_LONG),
        genre: text(node['genre']),
        audience: text(node['audience']),
      });
    })
    .filter((item): item is EvidenceView => item !== undefined && Object.keys(item).length > 0);
}

/** @internal for view-ob2.ts and view-presentation.ts */
export function alignmentsOf(value: unknown): AlignmentView[] {
  return list(value)
    .map(record)
    .map((node): AlignmentView | undefined => {
      const name = text(node?.['targetName']);
      if (!node || !name) return undefined;
      return compact({
        name,
        url: url(node['targetUrl']),
        description: text(node['targetDescription'], MAX_LONG),
        framework: text(node['targetFramework']),
        code: text(node['targetCode']),
      });
    })
    .filter((item): item is AlignmentView => item !== undefined);
}

/** @internal for view-ob2.ts and view-presentation.ts */
export function dateOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The render model of a VC-based badge (OB 3.0 `OpenBadgeCredential`, or any VC as a fallback). */
export function toBadgeView(credential: Readonly<Record<string, unknown>>, issuerId?: string): BadgeView {
  const subject = record(list(credential['credentialSubject'])[0]);
  const achievement = record(subject?.['achievement']);
  const name = text(achievement?.['name']) ?? text(credential['name']) ?? 'Untitled credential';
  const criteria = record(achievement?.['criteria']);
  const criteriaView = criteria
    ? compact({ narrative: text(criteria['narrative'], MAX_LONG), url: url(criteria['id']) })
    : undefined;
  const types = list(credential['type']);
  const spec: BadgeView['spec'] = types.includes('ClrCredential')
    ? 'clr'
    : types.includes('EndorsementCredential')
      ? 'endorsement'
      : types.includes('OpenBadgeCredential') || types.includes('AchievementCredential')
        ? 'ob3'
        : 'vc';
  const endorsement =
    spec === 'endorsement'
      ? compact({ subjectId: url(subject?.['id']), comment: text(subject?.['endorsementComment'], MAX_LONG) })
      : undefined;
  return compact({
    spec,
    credentialId: url(credential['id']),
    name,
    description: text(achievement?.['description'], MAX_LONG) ?? text(credential['description'], MAX_LONG),
    image: imageOf(achievement?.['image'] ?? credential['image'], name),
    achievementType: humanize(achievement?.['achievementType']),
    criteria: criteriaView && Object.keys(criteriaView).length > 0 ? criteriaView : undefined,
    issuer: issuerOf(credential['issuer'], issuerId),
    recipient: recipientOf(subject),
    issuedOn:
      dateOf(credential['awardedDate']) ?? dateOf(credential['validFrom']) ?? dateOf(credential['issuanceDate']),
    validFrom: dateOf(credential['validFrom']) ?? dateOf(credential['issuanceDate']),
    validUntil: dateOf(credential['validUntil']) ?? dateOf(credential['expirationDate']),
    evidence: evidenceOf(credential['evidence']),
    alignments: alignmentsOf(achievement?.['alignment']),
    tags: list(achievement?.['tag'])
      .map((tag) => text(tag))
      .filter((tag): tag is string => tag !== undefined),
    achievementId: url(achievement?.['id']),
    associations: spec === 'clr' ? associationsOf(subject?.['association']) : undefined,
    endorsement: endorsement && Object.keys(endorsement).length > 0 ? endorsement : undefined,
  });
}

/** CLR 2.0 `association`s, whole ones only. A transcript has a few hundred at most. */
function associationsOf(value: unknown): AssociationView[] | undefined {
  const associations = arrayOf(value)
    .slice(0, 1000)
    .map(record)
    .map((node): AssociationView | undefined => {
      const type = text(node?.['associationType']);
      const sourceId = url(node?.['sourceId']);
      const targetId = url(node?.['targetId']);
      return type && sourceId && targetId ? { type, sourceId, targetId } : undefined;
    })
    .filter((item): item is AssociationView => item !== undefined);
  return associations.length > 0 ? associations : undefined;
}
