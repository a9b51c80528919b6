import { css } from 'lit';

/**
 * The styles of the inspector's sections (sections/): the result and report, checks, details,
 * nested credentials, the network log, the embed snippet. After inspector.styles.ts (the element,
 * its input and status line), in the shadow root of every `<ob-inspector>`.
 */
export const sectionStyles = css`
  /* Result: the card, then the report; side by side when there is room. */
  .result {
    display: grid;
    gap: 1.5rem;
  }

  @container (min-width: 56rem) {
    .result {
      grid-template-columns: minmax(0, 26rem) minmax(0, 1fr);
      align-items: start;
    }

    .network,
    .embed {
      grid-column: 1 / -1;
    }
  }

  ob-badge {
    display: block;
  }

  .report,
  .network,
  .embed {
    display: grid;
    gap: 1.25rem;
    padding: var(--padding);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow);
    min-width: 0;
  }

  .section {
    display: grid;
    gap: 0.6rem;
    min-width: 0;
  }

  .heading {
    font-size: 1.15rem;
    font-weight: 700;
    line-height: 1.3;
  }

  .subheading {
    font-size: 1rem;
    font-weight: 700;
  }

  .checked-at {
    font-weight: 650;
  }

  .summary--verified {
    color: var(--_verified);
  }

  .summary--unverified,
  .summary--error {
    color: var(--_unverified);
  }

  .summary--unknown {
    color: var(--_unknown);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem 1rem;
  }

  /* Checks */
  .checks {
    display: grid;
    gap: 0.75rem;
    padding: 0;
    list-style: none;
  }

  /* .check's layout and status tones: base/check-list.styles.ts */
  .check {
    gap: 0.6rem;
    align-items: flex-start;
    padding-top: 0.75rem;
    border-top: 1px solid var(--_border);
  }

  .check:first-child {
    border-top: 0;
    padding-top: 0;
  }

  .check__icon {
    margin-top: 0.2em;
  }

  .check__body {
    display: grid;
    gap: 0.3rem;
    min-width: 0;
    flex: 1;
  }

  .check__head {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.6rem;
    align-items: baseline;
  }

  .check__label {
    font-weight: 700;
  }

  .check__status {
    font-size: 0.8125rem;
    font-weight: 600;
    color: var(--_muted);
  }

  code,
  .id {
    font-family: var(--_mono);
    font-size: 0.85em;
  }

  /* Details: a definition list of the check's facts. */
  /* On a phone each fact's name sits above its value; with room, beside it. */
  .details {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0 1rem;
    font-size: 0.875rem;
  }

  .details dd {
    margin-bottom: 0.35rem;
  }

  @container (min-width: 34rem) {
    .details {
      grid-template-columns: minmax(7rem, max-content) minmax(0, 1fr);
      row-gap: 0.2rem;
    }

    .details dd {
      margin-bottom: 0;
    }
  }

  .details__row {
    display: contents;
  }

  .details dt {
    color: var(--_muted);
  }

  .details dd {
    min-width: 0;
  }

  .details .details {
    padding-left: 0.5rem;
    border-left: 2px solid var(--_border);
  }

  .details__list {
    display: grid;
    gap: 0.35rem;
    padding-left: 1.25rem;
  }

  /* Nested credentials: one disclosure each, drawn when opened. */
  .nested {
    display: grid;
    gap: 0.5rem;
    padding: 0;
    list-style: none;
  }

  .nested details {
    border: 1px solid var(--_border);
    border-radius: 0.6rem;
    background: var(--_surface-2);
  }

  .nested summary {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.6rem;
    align-items: baseline;
    padding: 0.5rem 0.75rem;
    cursor: pointer;
    list-style: none;
  }

  .nested summary::-webkit-details-marker {
    display: none;
  }

  /* A flex summary loses its marker: draw one, turned when open. */
  .nested summary::before {
    content: '';
    align-self: center;
    width: 0.45em;
    height: 0.45em;
    border-right: 2px solid currentColor;
    border-bottom: 2px solid currentColor;
    transform: rotate(-45deg);
    transition: transform 0.15s;
  }

  .nested details[open] > summary::before {
    transform: rotate(45deg);
  }

  @media (prefers-reduced-motion: reduce) {
    .nested summary::before {
      transition: none;
    }
  }

  .nested__role {
    font-size: 0.75rem;
    font-weight: 700;
    letter-spacing: 0.05em;
    text-transform: uppercase;
    color: var(--_muted);
  }

  .nested__name {
    font-weight: 650;
  }

  .nested__body {
    display: grid;
    gap: 0.75rem;
    padding: 0 0.75rem 0.75rem;
  }

  .word--verified {
    color: var(--_verified);
  }

  .word--unverified,
  .word--error {
    color: var(--_unverified);
  }

  .word--unknown {
    color: var(--_unknown);
  }

  .word {
    font-size: 0.8125rem;
    font-weight: 700;
  }

  /* Network log */
  .table-wrap {
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: 0.6rem;
  }

  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.8125rem;
  }

  caption {
    padding: 0.5rem 0.75rem;
    text-align: left;
    color: var(--_muted);
  }

  th,
  td {
    padding: 0.4rem 0.6rem;
    text-align: left;
    vertical-align: top;
    border-top: 1px solid var(--_border);
    overflow-wrap: normal;
  }

  th {
    font-weight: 650;
    white-space: nowrap;
    background: var(--_surface-2);
  }

  td.num,
  th.num {
    text-align: right;
    white-space: nowrap;
  }

  .fetch--failed td:nth-child(4) {
    color: var(--_unverified);
    font-weight: 600;
  }

  .fetch__url {
    min-width: 12rem;
    overflow-wrap: anywhere;
  }

  .fetch__extra {
    display: block;
    color: var(--_muted);
  }

  /* Embed */
  .snippet {
    display: grid;
    border: 1px solid var(--_border);
    border-radius: 0.6rem;
    overflow: hidden;
  }

  .snippet__bar {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 0.5rem;
    padding: 0.4rem 0.5rem 0.4rem 0.75rem;
    background: var(--_surface-2);
    border-bottom: 1px solid var(--_border);
    font-weight: 650;
  }

  .snippet__code {
    max-height: 20rem;
    overflow: auto;
    padding: 0.75rem;
    font-family: var(--_mono);
    font-size: 0.8125rem;
    line-height: 1.55;
    white-space: pre-wrap;
    word-break: break-all;
  }

  .preview {
    max-width: 44rem;
  }

  .note--warn {
    color: var(--_unknown);
  }
`;
