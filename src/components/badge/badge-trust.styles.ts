import { css } from 'lit';

/** The trust lines (badge-trust.ts): `.lines` of the card (badge.styles.ts), the colour only reinforces them. */
export const trustStyles = css`
  .trust__line--confirmed {
    font-weight: 600;
  }

  .trust__icon {
    color: var(--_verified);
  }

  .checks__domain {
    margin-top: 0.75rem;
    color: var(--_muted);
  }
`;
