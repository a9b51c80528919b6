import { css } from 'lit';

export { sectionStyles } from './sections/sections.styles.js';

/**
 * `<ob-inspector>`: the same `--ob-*` tokens as `<ob-badge>` (set once on the page, both follow),
 * resolved into private `--_*` variables by ../tokens.styles.ts.
 */
export const styles = css`
  :host {
    --padding: 1.25rem;
    --max-width: 72rem;

    --_mono: var(--ob-font-family-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);

    display: block;
    max-width: var(--max-width);
    color: var(--_text);
    font-family: var(--_font);
    font-size: 1rem;
    line-height: 1.5;
    container-type: inline-size;
  }

  p,
  ul,
  ol,
  dl,
  dd,
  pre,
  figure {
    margin: 0;
  }

  a:focus-visible,
  button:focus-visible,
  summary:focus-visible,
  input:focus-visible,
  textarea:focus-visible,
  pre:focus-visible,
  [tabindex]:focus-visible {
    outline: 2px solid var(--_link);
    outline-offset: 2px;
  }

  .inspector {
    display: grid;
    gap: 1.25rem;
    overflow-wrap: anywhere;
  }

  .title {
    font-size: 1.5rem;
    font-weight: 750;
    line-height: 1.2;
    letter-spacing: -0.01em;
  }

  .intro,
  .hint,
  .note,
  .privacy {
    color: var(--_muted);
  }

  .hint,
  .note,
  .privacy {
    font-size: 0.875rem;
  }

  /* Input: the file field is the keyboard path; the whole box also takes a drop. */
  .input {
    position: relative;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
    gap: 1rem 1.5rem;
    padding: var(--padding);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .input--over {
    border-color: var(--_link);
    background: var(--_surface-2);
  }

  .input__drop {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    border-radius: inherit;
    font-weight: 700;
    color: var(--_link);
    background: color-mix(in srgb, var(--_surface) 88%, transparent);
    pointer-events: none;
  }

  .field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.35rem;
    align-content: start;
    min-width: 0;
  }

  .field label {
    font-weight: 650;
  }

  .privacy {
    grid-column: 1 / -1;
  }

  input,
  textarea,
  button {
    font: inherit;
    color: var(--_text);
  }

  input[type='url'],
  textarea {
    width: 100%;
    min-width: 0;
    padding: 0.45rem 0.6rem;
    border: 1px solid var(--_muted);
    border-radius: 0.5rem;
    background: var(--_surface);
  }

  textarea {
    resize: vertical;
    min-height: 4.5rem;
    max-height: 16rem;
    font-family: var(--_mono);
    font-size: 0.8125rem;
  }

  input[type='file'] {
    max-width: 100%;
  }

  input[type='file']::file-selector-button,
  button {
    font-weight: 600;
    padding: 0.4rem 0.9rem;
    border: 1px solid var(--_border);
    border-radius: 0.5rem;
    background: var(--_surface-2);
    cursor: pointer;
  }

  input[type='file']::file-selector-button {
    margin-right: 0.75rem;
    color: var(--_text);
  }

  button:hover,
  input[type='file']::file-selector-button:hover {
    border-color: var(--_link);
  }

  .field button {
    justify-self: start;
  }

  /* Status line: a polite live region. */
  /* Empty, it takes no room but stays in the accessibility tree, so its first message is announced. */
  .status:empty {
    padding: 0;
    background: none;
  }

  .status {
    padding: 0.5rem 0.75rem;
    border-radius: 0.5rem;
    background: var(--_surface-2);
  }

  .status--error {
    color: var(--_unverified);
    border-left: 4px solid currentColor;
  }
`;
