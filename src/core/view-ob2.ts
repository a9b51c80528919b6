import type { BadgeView } from './view.js';
import {
  alignmentsOf,
  compact,
  dateOf,
  evidenceOf,
  imageOf,
  issuerOf,
  list,
  MAX_ITEMS,
  MAX_LONG,
  record,
  text,
  url,
} from './view.js';

// ---------------------------------------------------------------------------------------------
// Building the view from Open Badges 2.0: the Assertion, its BadgeClass and the issuer Profile,
// each possibly missing (a revoked assertion stripped to its id, a BadgeClass that could not be read).

/** OB 2.0 Criteria: a URL, or `{ id?, narrative? }`. */
function ob2CriteriaOf(value: unknown): BadgeView['criteria'] {
  if (typeof value === 'string') {
    const link = url(value);
    return link ? { url: link } : undefined;
  }
  const node = record(value);
  if (!node) return undefined;
  const view = compact({ narrative: text(node['narrative'], MAX_LONG), url: url(node['id']) });
  return Object.keys(view).length > 0 ? view : undefined;
}

/** The render model of an Open Badges 2.0 Assertion. */
export function toOb2BadgeView(
  assertion: Readonly<Record<string, unknown>>,
  badgeClass: Readonly<Record<string, unknown>> | undefined,
  issuer: Readonly<Record<string, unknown>> | undefined,
): BadgeView {
  const name = text(badgeClass?.['name']) ?? 'Untitled badge';
  const narrative = text(assertion['narrative'], MAX_LONG);
  const evidence = evidenceOf(assertion['evidence']);
  const issuerId = typeof badgeClass?.['issuer'] === 'string' ? badgeClass['issuer'] : undefined;
  return compact({
    spec: 'ob2' as const,
    credentialId: url(assertion['id']),
    name,
    description: text(badgeClass?.['description'], MAX_LONG),
    image: imageOf(badgeClass?.['image'], name),
    criteria: ob2CriteriaOf(badgeClass?.['criteria']),
    issuer: issuerOf(issuer ?? badgeClass?.['issuer'], issuerId),
    issuedOn: dateOf(assertion['issuedOn']),
    validFrom: dateOf(assertion['issuedOn']),
    validUntil: dateOf(assertion['expires']),
    // The assertion's own narrative ties its evidence together: shown first, as evidence.
    evidence: narrative ? [{ narrative }, ...evidence].slice(0, MAX_ITEMS) : evidence,
    alignments: alignmentsOf(badgeClass?.['alignment']),
    tags: list(badgeClass?.['tags'])
      .map((tag) => text(tag))
      .filter((tag): tag is string => tag !== undefined),
    revocationReason: assertion['revoked'] === true ? text(assertion['revocationReason'], MAX_LONG) : undefined,
  });
}
