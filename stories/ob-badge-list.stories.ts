import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createDocumentLoader, type DocumentLoader } from '../src/core/fetcher.js';
import type { Verifier } from '../src/core/verify.js';
import { LIST_NOW, WALL, wallVerifier } from '../test/helpers/canned-list.js';
import '../src/components/badge-list/badge-list.js';

// Canned results and lists: the stories show how <ob-badge-list> draws each state, without keys or
// network. The wall (test/helpers/canned-list.ts) has seven badges from three issuers: two verified,
// one expired, one revoked, one whose status could not be checked, one tampered, one unreadable.
const URLS = WALL.map((entry) => entry.url);
const LIST_URL = 'https://lists.example/ada/badges.json';

/** A verifier that never answers: every badge stays "Checking…". */
const checking: Verifier = { verify: () => new Promise(() => {}) };

/** The list's JSON, answered locally: the wall as a Badgr-style shared collection. */
const collection: DocumentLoader = createDocumentLoader({
  offline: true,
  documents: {
    [LIST_URL]: {
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'Collection',
      name: 'Ada’s badges',
      badges: URLS,
    },
  },
});

/** A list server that answers 404. */
const missing: DocumentLoader = createDocumentLoader({
  fetch: async () => new Response('Not found', { status: 404 }),
});

/** A list server that never answers: "Loading badges…". */
const slow: DocumentLoader = createDocumentLoader({ fetch: () => new Promise(() => {}) });

interface Args {
  source: 'wall' | 'empty' | 'missing' | 'slow';
  checking: boolean;
  variant: 'card' | 'compact' | 'detailed';
  sort: string;
  filter: string;
  noToolbar: boolean;
}

const loaders: Record<Args['source'], DocumentLoader | undefined> = {
  wall: collection,
  empty: undefined,
  missing,
  slow,
};

const meta = {
  title: 'Components/Badge list',
  component: 'ob-badge-list',
  args: { source: 'wall', checking: false, variant: 'card', sort: 'source', filter: '', noToolbar: false },
  argTypes: {
    source: { control: 'select', options: Object.keys(loaders) },
    variant: { control: 'inline-radio', options: ['card', 'compact', 'detailed'] },
    sort: { control: 'select', options: ['source', 'date', 'date-asc', 'issuer', 'name', 'verdict'] },
    filter: { control: 'text' },
  },
  render: (args) => html`
    <ob-badge-list
      lang="en-GB"
      variant=${args.variant}
      sort=${args.sort}
      filter=${args.filter}
      ?no-toolbar=${args.noToolbar}
      src=${args.source === 'empty' ? '' : LIST_URL}
      .loader=${loaders[args.source]}
      .verifier=${args.checking ? checking : wallVerifier()}
      .now=${LIST_NOW}
    ></ob-badge-list>
  `,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Every badge drawn at once as "Checking…" while it waits for its verification. */
export const Loading: Story = { args: { checking: true } };
/** The list itself is still on its way. */
export const LoadingList: Story = { args: { source: 'slow' } };
export const MixedVerdicts: Story = {};
export const Chips: Story = { args: { variant: 'compact' } };
export const Detailed: Story = { args: { variant: 'detailed' } };
export const SortedByDate: Story = { args: { sort: 'date' } };
export const Filtered: Story = { args: { sort: 'name', filter: 'verdict:verified' } };
export const FilteredToNothing: Story = { args: { filter: 'year:1999' } };
export const WithoutToolbar: Story = { args: { noToolbar: true, variant: 'compact' } };
export const Empty: Story = { args: { source: 'empty' } };
export const ErrorState: Story = { name: 'Error', args: { source: 'missing' } };
