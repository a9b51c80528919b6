import { css } from 'lit';

/**
 * The list's shadow root styles, adopted when its lazily loaded view starts. The build minifies
 * the literal below, so no backtick may follow the tag's name in comments.
 *
 * Generated badges live in this shadow root, so the `compact` chips are drawn from here through
 * the badges' parts; child badges are the page's and keep its styles.
 */
export const listStyles = css`
  :host {
    --item-min-width: 17rem;
    --gap: 1rem;

    --_font: var(--ob-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_surface: var(--ob-color-surface, #ffffff);
    --_text: var(--ob-color-text, #1b1f24);
    --_muted: var(--ob-color-muted, #59636e);
    --_border: var(--ob-color-border, #d8dee4);
    --_link: var(--ob-color-link, #0b5cad);
    --_unverified: var(--ob-color-unverified, #b01f26);

    display: block;
    color: var(--_text);
    font-family: var(--_font);
    line-height: 1.5;
  }

  @media (prefers-color-scheme: dark) {
    :host {
      --_surface: var(--ob-color-surface, #181b21);
      --_text: var(--ob-color-text, #e8eaed);
      --_muted: var(--ob-color-muted, #a4adb8);
      --_border: var(--ob-color-border, #343b46);
      --_link: var(--ob-color-link, #7cb7ff);
      --_unverified: var(--ob-color-unverified, #ff7b72);
    }
  }

  :host([hidden]),
  [hidden] {
    display: none !important;
  }

  p {
    margin: 0;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.5rem 0.75rem;
    margin-block-end: 0.75rem;
  }

  .control {
    display: flex;
    flex: 1 1 9rem;
    flex-direction: column;
    gap: 0.125rem;
    min-width: 0;
    max-width: 16rem;
    color: var(--_muted);
    font-size: 0.8125rem;
    font-weight: 600;
  }

  select,
  button {
    min-height: 2.25rem;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 0.5rem;
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-size: 0.9375rem;
    font-weight: 400;
  }

  select {
    width: 100%;
  }

  button {
    cursor: pointer;
    padding-inline: 0.75rem;
  }

  select:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--_link);
    outline-offset: 2px;
  }

  .summary,
  .note,
  .empty {
    margin-block-end: 0.75rem;
    color: var(--_muted);
    font-size: 0.9375rem;
  }

  .summary:empty {
    display: none;
  }

  .error {
    margin-block-end: 0.75rem;
    padding: 0.625rem 0.875rem;
    border-inline-start: 4px solid var(--_unverified);
    border-radius: 0.5rem;
    background: color-mix(in srgb, var(--_unverified) 8%, var(--_surface));
    font-weight: 500;
  }

  .list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--item-min-width)), 1fr));
    gap: var(--gap);
  }

  .list--compact {
    --item-min-width: 13rem;
    gap: calc(var(--gap) * 0.75);
  }

  .list--detailed {
    --item-min-width: 24rem;
  }

  /* Cells off screen are not laid out or painted: a 1,000-badge wall otherwise spends hundreds of
       milliseconds in one layout of the whole grid. */
  .item {
    min-width: 0;
    content-visibility: auto;
    contain-intrinsic-size: auto 18rem;
  }

  /* The badges of a row are as tall as its tallest. */
  .item > ob-badge {
    max-width: none;
    height: 100%;
  }

  .item > ob-badge::part(base) {
    height: 100%;
  }

  /* Chips: image, name and status. The status is in the pill's text, never colour alone. */
  .list--compact ob-badge {
    --image-size: 2.5rem;
    --padding: 0.5rem 0.75rem;
  }

  .list--compact ob-badge::part(base) {
    align-items: center;
    gap: 0.75rem;
    box-shadow: none;
  }

  .list--compact ob-badge::part(name) {
    font-size: 0.9375rem;
  }

  .list--compact ob-badge::part(verdict) {
    padding: 0.0625rem 0.5rem 0.0625rem 0.375rem;
    font-size: 0.75rem;
  }

  .list--compact ob-badge::part(banner),
  .list--compact ob-badge::part(error),
  .list--compact ob-badge::part(issuer),
  .list--compact ob-badge::part(recipient),
  .list--compact ob-badge::part(owner),
  .list--compact ob-badge::part(proxy),
  .list--compact ob-badge::part(holder),
  .list--compact ob-badge::part(endorsement),
  .list--compact ob-badge::part(transcript),
  .list--compact ob-badge::part(credentials),
  .list--compact ob-badge::part(nested-summary),
  .list--compact ob-badge::part(trust),
  .list--compact ob-badge::part(trust-note),
  .list--compact ob-badge::part(progress) {
    display: none;
  }
`;
