import { css } from 'lit';

/** The trust lines (badge-trust.ts): icon + text, the colour only reinforces them. */
export const trustStyles = css`
  .trust {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    padding: 0;
    list-style: none;
    font-size: 0.875rem;
  }

  .trust__line {
    display: flex;
    align-items: center;
    gap: 0.375rem;
  }

  .trust__line--confirmed {
    font-weight: 600;
  }

  .trust__icon {
    color: var(--_verified);
  }

  .trust__line--plain,
  .checks__domain {
    color: var(--_muted);
  }

  .checks__domain {
    margin-top: 0.75rem;
  }
`;
