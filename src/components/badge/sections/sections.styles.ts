import { css } from 'lit';

/**
 * The styles of the card's sections (sections/): content, recipient and owner, issuer, dates,
 * criteria, evidence, alignments, tags, narratives, checks. After badge.styles.ts (the card, its
 * verdict, banner and error box), in the shadow root of every `<ob-badge>`.
 */
export const sectionStyles = css`
  /* Content */
  .label,
  .section__title,
  .dates dt {
    color: var(--_muted);
    font-size: 0.75rem;
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
  }

  .recipient,
  .issuer__name,
  .evidence__name,
  .check__label {
    font-weight: 600;
  }

  /* Whether the badge is the page owner's: icon + text, the colour only reinforces them. */
  .owner {
    --_tone: var(--_muted);
    display: flex;
    align-items: flex-start;
    gap: 0.375rem;
    font-size: 0.9375rem;
    font-weight: 600;
  }

  .owner__icon {
    margin-top: 0.15em;
    color: var(--_tone);
  }

  .owner--match {
    --_tone: var(--_verified);
  }

  .owner--mismatch {
    --_tone: var(--_unverified);
  }

  .owner--unchecked {
    --_tone: var(--_unknown);
  }

  /* The issuer's own words on a revocation: quoted, on a line of their own. */
  .reason {
    display: block;
    margin-top: 0.25rem;
    color: var(--_muted);
    font-weight: 400;
    font-size: 0.875rem;
  }

  .proxy-note {
    color: var(--_muted);
    font-size: 0.8125rem;
  }

  /* What a badge that is not verified only claims: muted, and worded as a claim ("Claims to be …"). */
  .claimed {
    color: var(--_muted);
    font-style: italic;
    font-weight: 500;
  }

  .issuer__stated {
    color: var(--_muted);
    font-size: 0.75rem;
  }

  /* Short lines, icon and text, side by side: the checks settled so far while checking, and who
     the issuer is (badge-trust.ts). */
  .lines {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    padding: 0;
    list-style: none;
    font-size: 0.875rem;
  }

  .line {
    display: flex;
    align-items: center;
    gap: 0.375rem;
  }

  .line--muted {
    color: var(--_muted);
  }

  .issuer {
    display: flex;
    align-items: center;
    gap: 0.75rem;
  }

  .issuer__image {
    width: 2.5rem;
    height: 2.5rem;
    object-fit: contain;
    border-radius: 0.5rem;
    background: var(--_surface-2);
  }

  .issuer__text {
    display: flex;
    flex-direction: column;
    min-width: 0;
    /* Issuer ids wrap, never end in an ellipsis: a cut host reads as a different issuer. */
    overflow-wrap: anywhere;
  }

  .issuer__id {
    color: var(--_muted);
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    font-size: 0.75rem;
  }

  .dates {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    padding: 0.75rem 0;
    border-block: 1px solid var(--_border);
  }

  .section {
    display: flex;
    flex-direction: column;
    gap: 0.375rem;
  }

  .evidence__list {
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
    padding: 0;
    list-style: none;
  }

  .evidence__item {
    padding: 0.625rem 0.875rem;
    border-radius: 0.5rem;
    background: var(--_surface-2);
  }

  .chips,
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    padding: 0;
    list-style: none;
  }

  .chip,
  .tag {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.375rem;
    padding: 0.125rem 0.625rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface-2);
    font-size: 0.8125rem;
  }

  .chip__meta {
    color: var(--_muted);
    font-size: 0.75rem;
  }

  .tag::before {
    content: '#';
    color: var(--_muted);
  }

  /* Narratives (the styles of rendered Markdown load with it: src/render/markdown.styles.ts) */
  .md {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }

  .md--plain,
  .description {
    white-space: pre-line;
  }

  /* Checks */
  .checks {
    border-top: 1px solid var(--_border);
    padding-top: 0.75rem;
    font-size: 0.875rem;
  }

  .checks summary {
    cursor: pointer;
    color: var(--_muted);
    font-weight: 600;
  }

  .checks__list {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    margin-top: 0.75rem;
    padding: 0;
    list-style: none;
  }

  /* .check and its status tones: base/check-list.styles.ts */
  .check__body {
    display: flex;
    flex-direction: column;
  }

  .checks__time {
    margin-top: 0.75rem;
    color: var(--_muted);
    font-size: 0.75rem;
  }

  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }

  @keyframes pulse {
    50% {
      opacity: 0.55;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spin,
    .is-loading {
      animation: none;
    }
  }
`;
