import type { BadgeView } from './view.js';
import { compact, url } from './view.js';

/**
 * The render model of a presentation: who presents it; its credentials are `result.nested`. A
 * presentation is shown as one, never as a badge: its own `name` and `description` are whatever
 * the holder wrote (a self-signed "Doctor of Philosophy"), so they are not read. `name` is the
 * fixed label "Presentation" (components localize it by `spec`).
 */
export function toPresentationView(presentation: Readonly<Record<string, unknown>>, holder?: string): BadgeView {
  const holderId = url(holder);
  return compact({
    spec: 'vp' as const,
    credentialId: url(presentation['id']),
    name: PRESENTATION_NAME,
    // A presentation has no issuer: who presents it is `holder`, shown as such.
    issuer: {},
    holder: holderId,
    evidence: [],
    alignments: [],
    tags: [],
  });
}

/** The name every presentation's view has: a label, never the presentation's own text. */
export const PRESENTATION_NAME = 'Presentation';
