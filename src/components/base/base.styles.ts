import { css } from 'lit';

/**
 * What every element's shadow root starts from: `hidden` hides, boxes include their borders, links
 * take the link colour, `.sr-only` text is for screen readers only, `.icon` is an inline icon
 * (icons.ts). The elements add their own focus rings and margins.
 */
export const baseStyles = css`
  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  a {
    color: var(--_link);
    text-underline-offset: 0.15em;
  }

  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  .icon {
    flex: none;
    width: 1.1em;
    height: 1.1em;
  }
`;
