// The sample badge the stories draw: one home for the data both stories/ob-badge.stories.ts and
// stories/ob-inspector.stories.ts show, so a change to it shows in both.
import type { BadgeView } from '../src/core/view.js';

/** The clock every story's canned result was checked at. */
export const STORY_NOW = new Date('2025-06-01T12:00:00Z');

/** A one-pixel PNG, scaled by the card: enough to show where an image sits. */
export const STORY_IMAGE = `data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkaGD4DwAD+gH/2t0y4QAAAABJRU5ErkJggg=='}`;

/** What a verified Open Badges 3.0 certificate shows, without the parts only a full card draws. */
export const SAMPLE_VIEW: BadgeView = {
  spec: 'ob3',
  credentialId: 'urn:uuid:2f6c8d3e-1b1a-4c55-9d7e-0a1b2c3d4e5f',
  name: 'Data Literacy Foundations',
  description: 'Awarded to learners who can find, clean, analyse and present real-world data sets.',
  image: { url: STORY_IMAGE, alt: 'Data Literacy Foundations badge' },
  achievementType: 'Certificate',
  issuer: { id: 'did:web:example.edu', name: 'Example University', url: 'https://example.edu' },
  recipient: { name: 'Alice Example' },
  issuedOn: '2024-01-15T09:00:00Z',
  validFrom: '2024-01-15T09:00:00Z',
  validUntil: '2027-01-15T09:00:00Z',
  evidence: [],
  alignments: [],
  tags: ['data', 'statistics'],
};

/** The same badge with everything a full card draws: criteria in Markdown, evidence, alignments, tags. */
export const SAMPLE_FULL_VIEW: BadgeView = {
  ...SAMPLE_VIEW,
  criteria: {
    narrative:
      'To earn this badge you must:\n\n1. Complete **all six** modules\n2. Pass the final quiz with at least *80 %*\n3. Submit a capstone report\n\nSee the [handbook](https://example.edu/handbook).',
    url: 'https://example.edu/badges/data-literacy/criteria',
  },
  issuer: { ...SAMPLE_VIEW.issuer, image: { url: STORY_IMAGE, alt: '' } },
  evidence: [
    {
      id: 'https://example.edu/evidence/alice/capstone',
      name: 'Capstone report',
      description: 'An analysis of city bike-share data.',
      narrative: 'Graded **A** by two assessors.',
    },
  ],
  alignments: [
    { name: 'Statistical analysis', url: 'https://skills.example/esco/stats', framework: 'ESCO', code: 'S1.2.3' },
    { name: 'Data visualisation', framework: 'ESCO', code: 'S1.2.7' },
  ],
  tags: ['data', 'statistics', 'python'],
};
