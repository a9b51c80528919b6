import { css } from 'lit';

/**
 * The styles of what badge-nested.ts draws: a card's shadow root adopts them, after the
 * component's own (badge.styles.ts), when it first draws nested parts. (The build minifies the
 * literal below as it does every css-tagged literal of a .styles.ts file, so no backtick may
 * follow "css" in comments.)
 */
export const nestedStyles = css`
  /* Credentials inside this one: a transcript's achievements, a presentation's credentials. */
  .nested__summary {
    --_tone: var(--_verified);
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    font-size: 0.9375rem;
  }

  .nested__summary--unverified {
    --_tone: var(--_unverified);
  }

  .nested__summary--unknown {
    --_tone: var(--_unknown);
  }

  .nested__count {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.5rem;
    font-weight: 600;
  }

  .nested__icon {
    align-self: center;
    color: var(--_tone);
  }

  .nested__tally::before {
    content: '·';
    margin-inline-end: 0.5rem;
    color: var(--_muted);
  }

  .nested__names {
    color: var(--_text);
  }

  .nested__lead {
    font-weight: 600;
  }

  .nested__name:not(:last-of-type)::after {
    content: ',';
  }

  .nested__list {
    display: flex;
    flex-direction: column;
    gap: 0.625rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .nested__list--children {
    margin-top: 0.625rem;
    padding-inline-start: 0.875rem;
    border-inline-start: 2px solid var(--_border);
  }

  /* Off-screen cards skip layout and paint; their last size (or this guess) keeps the scrollbar steady. */
  .nested__item {
    display: flex;
    flex-direction: column;
    align-items: stretch;
    content-visibility: auto;
    contain-intrinsic-size: auto 7.5rem;
  }

  .nested__card {
    --max-width: none;
    --ob-shadow: none;
  }

  /* A closed card does not repeat the learner or the issuer the outer card names. */
  .nested__card--same-recipient::part(recipient),
  .nested__card--same-issuer::part(issuer) {
    display: none;
  }

  .nested__count--plain {
    color: var(--_muted);
  }

  .nested__toggle {
    align-self: flex-end;
    margin-top: 0.25rem;
    padding: 0.125rem 0.375rem;
    border: 0;
    border-radius: 0.25rem;
    background: none;
    color: var(--_link);
    font: inherit;
    font-size: 0.8125rem;
    font-weight: 600;
    cursor: pointer;
  }

  .nested__toggle:hover {
    text-decoration: underline;
  }

  .nested__group {
    display: flex;
    flex-direction: column;
    gap: 0.375rem;
    margin-top: 0.5rem;
  }

  .nested__group-title {
    font-weight: 700;
  }

  .nested__progress {
    color: var(--_muted);
    font-size: 0.8125rem;
  }

  /* Endorsements: secondary to the credential; those not verified never look trusted. */
  .endorsement-statement {
    font-weight: 600;
  }

  .endorsements__list {
    display: flex;
    flex-direction: column;
    gap: 0.625rem;
    padding: 0;
    list-style: none;
    font-size: 0.875rem;
  }

  .endorsement {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    padding: 0.625rem 0.875rem;
    border: 1px solid transparent;
    border-radius: 0.5rem;
    background: var(--_surface-2);
  }

  .endorsement--untrusted {
    border: 1px dashed var(--_border);
    background: none;
    color: var(--_muted);
  }

  .endorsement__head {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: 0.25rem 0.75rem;
  }

  .endorsement__by {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.5rem;
    min-width: 0;
  }

  /* Endorsers' names are their own text: isolated, as the card's other badge text (badge.styles.ts). */
  .endorsement__name,
  .nested__name {
    unicode-bidi: isolate;
  }

  .endorsement__name {
    font-weight: 600;
  }

  .endorsement__about {
    color: var(--_muted);
    font-size: 0.8125rem;
  }

  .endorsement__reason {
    color: var(--_text);
  }

  .endorsement .checks {
    padding-top: 0.5rem;
    font-size: 0.8125rem;
  }
`;
