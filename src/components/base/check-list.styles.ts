import { css } from 'lit';

/**
 * A list of checks as `<ob-badge>` and `<ob-inspector>` both draw it: `.check.check--<status>`
 * items, each an icon (`.check__icon`) in the status's tone beside a `.check__body`. The elements
 * set their own spacing.
 */
export const checkListStyles = css`
  .check {
    display: flex;
    gap: 0.5rem;
  }

  .check__icon {
    margin-top: 0.15em;
  }

  .check--passed .check__icon {
    color: var(--_verified);
  }

  .check--failed .check__icon {
    color: var(--_unverified);
  }

  .check--warning .check__icon {
    color: var(--_unknown);
  }

  .check--skipped .check__icon {
    color: var(--_muted);
  }
`;
