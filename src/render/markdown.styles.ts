import { css } from 'lit';

/**
 * The styles of rendered Markdown (markdown-walker.ts), loaded with it: the element adopts them the
 * first time it draws a narrative as Markdown. `.md` and `.md--plain`, which plain narratives use
 * too, are in the element's own styles.
 */
export const markdownStyles = css`
  .md__raw {
    white-space: pre-line;
  }

  .md ul,
  .md ol {
    padding-inline-start: 1.25rem;
  }

  .md blockquote {
    padding-inline-start: 0.75rem;
    border-inline-start: 3px solid var(--_border);
    color: var(--_muted);
  }

  .md pre {
    overflow-x: auto;
    padding: 0.625rem;
    border-radius: 0.375rem;
    background: var(--_surface-2);
  }

  .md code {
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    font-size: 0.875em;
  }

  .md__heading {
    font-weight: 700;
  }

  .md__table {
    overflow-x: auto;
  }

  .md table {
    border-collapse: collapse;
  }

  .md th,
  .md td {
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_border);
    text-align: start;
  }

  .md hr {
    width: 100%;
    border: 0;
    border-top: 1px solid var(--_border);
  }
`;
