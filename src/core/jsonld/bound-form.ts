import { JsonLdUnsafe } from '../errors-jsonld.js';

/**
 * The plain form: the only JSON-LD shape in which a document secured by an RDFC-1.0 proof is read
 * (ADR 0010). An RDFC proof signs the RDF graph, not the JSON, yet every check and the card read
 * JSON keys (`credentialStatus`, `validUntil`, `issuer`, `name`). The same graph can be written so
 * that those keys vanish: the full IRI as a key, a compact IRI through an added prefix, an alias
 * term in an inline context, `@included`, `@nest`, `@reverse`, value objects, `@type` for `type`.
 * In the plain form each statement can only be written one way, under the one term the bundled
 * contexts give its property, so reading the JSON is reading the signed graph:
 *
 * - every key is a term: no `@` keyword other than `@context`, no `:` (absolute or compact IRI);
 * - `@context` is a context URL or an array of them (only bundled contexts are ever loaded), at
 *   the top or on an embedded credential; never an inline object that could add terms;
 * - no value objects (`{"@value": …}`), lists, graphs, `@included`, `@nest` or `@reverse`: they
 *   all carry an `@` key;
 * - a `type` is a term, or an IRI outside the vocabularies the bundled contexts name (else it
 *   would be a second spelling of a type the checks look for).
 *
 * - no key is a second name for a property (`SYNONYM_KEYS`).
 *
 * That each property of the bundled vocabularies then has one key is proved by a test over every
 * bundled context (`bound-form.test.ts`); the one synonym left, in a proof (`expires`,
 * `expiration`), is read under both names. Documents secured by JCS or JWS sign their bytes, so
 * they need none of this.
 */

/** Hosts of the vocabularies the bundled contexts define terms in (checked by a test). */
const VOCABULARY_HOSTS: ReadonlySet<string> = new Set([
  'www.w3.org',
  'w3id.org',
  'purl.imsglobal.org',
  'schema.org',
  'purl.org',
  'www.iana.org',
  'openbadgespec.org',
  'example.org',
]);

/**
 * Terms that some bundled context maps to the same IRI as another, canonical term (mostly a class
 * name that an older Open Badges 3.0 context also uses for a property: `Achievement` for
 * `achievement`). As a key each would state what the canonical key states where nothing reads it,
 * so each is refused; `bound-form.test.ts` finds every such pair in the bundled contexts.
 * (`expiration`, the Security Vocabulary's name for a proof's `expires`, is read instead.)
 */
const SYNONYM_KEYS: ReadonlySet<string> = new Set([
  'Achievement',
  'AchievementCredential',
  'Address',
  'Criteria',
  'GeoCoordinates',
  'HostedBadge',
  'Image',
  'OpenBadgeCredential',
  'Profile',
  'SignedBadge',
  'revokedAssertions',
  'verify',
]);

/** Whether a `type` value is a second spelling (an IRI) of a type some bundled context names with a term. */
function isVocabularyIri(value: string): boolean {
  if (!value.includes(':')) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return true; // a compact IRI (`cred:VerifiableCredential`): its prefix could be anything
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return true;
  return VOCABULARY_HOSTS.has(url.hostname);
}

function isContextUrls(value: unknown): boolean {
  return typeof value === 'string' || (Array.isArray(value) && value.every((entry) => typeof entry === 'string'));
}

/** Where a value sits, kept as a chain to its parent: a path string per value would cost O(depth²). */
interface Place {
  readonly parent: Place | undefined;
  readonly step: string;
}

function pathOf(place: Place): string {
  const steps: string[] = [];
  for (let at: Place | undefined = place; at !== undefined; at = at.parent) steps.push(at.step);
  const path = steps.reverse().join('');
  return path.length > 300 ? `${path.slice(0, 150)}…${path.slice(-150)}` : path;
}

function refuse(place: Place, term: string, rule: string): never {
  const shown = term.length > 200 ? `${term.slice(0, 200)}…` : term;
  const path = pathOf(place);
  throw new JsonLdUnsafe(`The document is not in the plain JSON-LD form its proof is read in: ${rule} (${path})`, {
    details: { term: shown, path, rule },
  });
}

/**
 * Throws `ERR_OB_JSONLD_UNSAFE` (details: `term`, `path`, `rule`) unless `document` is in the
 * plain form. Iterative, so a deep document cannot exhaust the stack (callers bound its size first).
 */
export function checkPlainForm(document: unknown, root = '$'): void {
  const stack: [unknown, Place][] = [[document, { parent: undefined, step: root }]];
  while (stack.length > 0) {
    const [value, place] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], { parent: place, step: `[${i}]` }]);
      continue;
    }
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const at: Place = { parent: place, step: `.${key.length > 100 ? `${key.slice(0, 100)}…` : key}` };
      if (key === '@context') {
        if (!isContextUrls(child)) refuse(at, key, 'an inline @context');
        continue;
      }
      if (key.startsWith('@')) refuse(at, key, `the keyword ${key}`);
      if (key.includes(':')) refuse(at, key, 'an IRI as a key');
      if (key === '') refuse(at, key, 'an empty key');
      if (SYNONYM_KEYS.has(key)) refuse(at, key, 'a second name for a property');
      if (key === 'type') {
        const types = Array.isArray(child) ? child : [child];
        const spelled = types.find((type) => typeof type === 'string' && isVocabularyIri(type));
        if (typeof spelled === 'string') refuse(at, spelled, 'a type written as an IRI');
      }
      stack.push([child, at]);
    }
  }
}

/** For tests: the hosts a bundled vocabulary IRI may have, and the keys refused as second names. */
export const PLAIN_FORM_VOCABULARY_HOSTS = VOCABULARY_HOSTS;
export const PLAIN_FORM_SYNONYM_KEYS = SYNONYM_KEYS;
