import { css } from 'lit';

export { sectionStyles } from './sections/sections.styles.js';

/**
 * Global tokens are `--ob-*` (set them once on the page); component properties (`--image-size`,
 * `--padding`, `--max-width`) are set on `:host` and can be overridden per element. The private
 * `--_*` variables that resolve the tokens come from ../tokens.styles.ts, shared by every element.
 */
export const styles = css`
  :host {
    --image-size: 8rem;
    --padding: 1.25rem;
    --max-width: 44rem;

    display: block;
    max-width: var(--max-width);
    color: var(--_text);
    font-family: var(--_font);
    font-size: 1rem;
    line-height: 1.5;
    container-type: inline-size;
    /* Off screen, a card is neither laid out nor painted (a wall of 100 full cards spent most of
       its time in layout); its last size, or this guess, holds its place. Still in the
       accessibility tree, focusable and found by find-in-page. The clip margin keeps the card's
       shadow, which paint containment would cut at the host's edges. */
    content-visibility: auto;
    contain-intrinsic-block-size: auto 20rem;
    overflow-clip-margin: 2rem;
  }

  :host([compact]) {
    --image-size: 3.5rem;
    --padding: 0.875rem;
  }

  p,
  ul,
  ol,
  dl,
  dd,
  blockquote,
  pre {
    margin: 0;
  }

  a:focus-visible,
  button:focus-visible,
  summary:focus-visible {
    outline: 2px solid var(--_link);
    outline-offset: 2px;
    border-radius: 0.25rem;
  }

  /* Card */
  .badge {
    display: grid;
    grid-template-columns: 1fr;
    gap: var(--padding);
    padding: var(--padding);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    overflow-wrap: anywhere;
  }

  @container (min-width: 30rem) {
    .badge {
      grid-template-columns: var(--image-size) minmax(0, 1fr);
      align-items: start;
    }
  }

  :host([compact]) .badge {
    grid-template-columns: var(--image-size) minmax(0, 1fr);
    align-items: start;
  }

  .badge__image {
    display: block;
    width: var(--image-size);
    height: var(--image-size);
    object-fit: contain;
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_surface-2);
  }

  .badge__image--placeholder {
    display: grid;
    place-items: center;
    color: var(--_muted);
  }

  .placeholder-icon {
    width: 45%;
    height: 45%;
  }

  .badge--error .placeholder-icon {
    color: var(--_unverified);
  }

  .is-loading {
    animation: pulse 1.4s ease-in-out infinite;
  }

  .badge__body {
    display: flex;
    flex-direction: column;
    gap: 0.875rem;
    min-width: 0;
  }

  .badge__header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: 0.5rem 1rem;
  }

  .badge__titles {
    min-width: 0;
    flex: 1 1 12rem;
  }

  .badge__type {
    color: var(--_muted);
    font-size: 0.75rem;
    font-weight: 600;
    letter-spacing: 0.06em;
    text-transform: uppercase;
  }

  .badge__name {
    font-size: 1.375rem;
    font-weight: 700;
    line-height: 1.25;
    letter-spacing: -0.01em;
  }

  :host([compact]) .badge__name {
    font-size: 1.0625rem;
  }

  .badge__placeholder {
    color: var(--_muted);
  }

  /*
   * Badge-provided text sits in elements of its own, isolated: whatever its characters (the core
   * strips bidi controls; right-to-left names remain), it cannot reorder the card's words around it,
   * and no name can run into the verdict beside it. Values inside our sentences are <bdi>s; Markdown
   * is isolated as a whole (its blocks are bidi paragraphs of their own).
   */
  .badge__type,
  .badge__name,
  .description,
  .issuer__name,
  .issuer__id,
  .evidence__name,
  .evidence__description,
  .chip > a,
  .chip > span,
  .tag,
  .md {
    unicode-bidi: isolate;
  }

  /* Verdict pill: text + icon, the colour only reinforces them. */
  /* Muted unless a verdict says otherwise: a presentation nobody signed stays so (a container,
     neither verified nor failed). */
  .verdict {
    --_tone: var(--_muted);
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    padding: 0.25rem 0.75rem 0.25rem 0.5rem;
    border: 1px solid color-mix(in srgb, var(--_tone) 40%, transparent);
    border-radius: 999px;
    background: color-mix(in srgb, var(--_tone) 10%, var(--_surface));
    color: var(--_tone);
    font-size: 0.875rem;
    font-weight: 600;
    white-space: nowrap;
  }

  .verdict--verified {
    --_tone: var(--_verified);
  }

  .verdict--unverified,
  .verdict--error {
    --_tone: var(--_unverified);
  }

  .verdict--unknown {
    --_tone: var(--_unknown);
  }

  .verdict--small {
    padding: 0.125rem 0.5rem 0.125rem 0.375rem;
    font-size: 0.75rem;
  }

  .spin {
    transform-origin: 12px 12px;
    animation: spin 0.9s linear infinite;
  }

  /* Banner and error box */
  .banner,
  .error {
    --_tone: var(--_unverified);
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    padding: 0.625rem 0.875rem;
    border-inline-start: 4px solid var(--_tone);
    border-radius: 0.5rem;
    background: color-mix(in srgb, var(--_tone) 8%, var(--_surface));
    color: var(--_text);
    font-weight: 500;
  }

  .banner .icon,
  .error .icon {
    margin-top: 0.2em;
    color: var(--_tone);
  }

  .banner--unknown {
    --_tone: var(--_unknown);
  }

  .banner--unsigned {
    --_tone: var(--_muted);
  }

  .badge--unverified .badge__image {
    filter: grayscale(0.6);
    opacity: 0.85;
  }
`;
