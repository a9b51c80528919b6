import { css } from 'lit';

/**
 * The design tokens every element resolves: the page sets the `--ob-*` properties once, and each
 * element reads them through private `--_*` variables with light and dark defaults.
 */
export const tokens = css`
  :host {
    --_font: var(--ob-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_radius: var(--ob-radius, 1rem);
    --_surface: var(--ob-color-surface, #ffffff);
    --_surface-2: var(--ob-color-surface-raised, #f5f6f8);
    --_text: var(--ob-color-text, #1b1f24);
    --_muted: var(--ob-color-muted, #59636e);
    --_border: var(--ob-color-border, #d8dee4);
    --_link: var(--ob-color-link, #0b5cad);
    --_verified: var(--ob-color-verified, #116329);
    --_unverified: var(--ob-color-unverified, #b01f26);
    --_unknown: var(--ob-color-unknown, #7a4700);
    --_shadow: var(--ob-shadow, 0 1px 2px rgb(16 24 40 / 6%), 0 6px 20px rgb(16 24 40 / 8%));
  }

  @media (prefers-color-scheme: dark) {
    :host {
      --_surface: var(--ob-color-surface, #181b21);
      --_surface-2: var(--ob-color-surface-raised, #222730);
      --_text: var(--ob-color-text, #e8eaed);
      --_muted: var(--ob-color-muted, #a4adb8);
      --_border: var(--ob-color-border, #343b46);
      --_link: var(--ob-color-link, #7cb7ff);
      --_verified: var(--ob-color-verified, #4ac26b);
      --_unverified: var(--ob-color-unverified, #ff7b72);
      --_unknown: var(--ob-color-unknown, #e3b341);
      --_shadow: var(--ob-shadow, 0 1px 2px rgb(0 0 0 / 40%), 0 8px 24px rgb(0 0 0 / 35%));
    }
  }
`;
