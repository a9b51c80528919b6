import { html, svg, type TemplateResult } from 'lit';
import type { CheckStatus } from '../../core/result.js';

/**
 * The icons every element draws with: one 24-unit path each, filled with the current colour, hidden
 * from assistive technology (the text beside an icon always says what it means).
 */
const icons = {
  verified: svg`<path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-1.2 14.2-4-4 1.4-1.4 2.6 2.6 5.6-5.6 1.4 1.4-7 7Z" />`,
  unverified: svg`<path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm3.6 12.2-1.4 1.4L12 13.4l-2.2 2.2-1.4-1.4 2.2-2.2-2.2-2.2 1.4-1.4 2.2 2.2 2.2-2.2 1.4 1.4-2.2 2.2 2.2 2.2Z" />`,
  unknown: svg`<path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-2h2v2Zm0-4h-2V7h2v6Z" />`,
  skipped: svg`<path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm5 11H7v-2h10v2Z" />`,
  loading: svg`<path class="spin" d="M12 2a10 10 0 1 0 10 10h-2.5A7.5 7.5 0 1 1 12 4.5V2Z" />`,
  medal: svg`<path d="M7 2h10l-2.2 5.2A7 7 0 1 1 9.2 7.2L7 2Zm5 8a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9Zm0 1.8 1.1 2.2 2.4.3-1.7 1.7.4 2.4-2.2-1.1-2.2 1.1.4-2.4-1.7-1.7 2.4-.3L12 11.8Z" />`,
};

export function icon(name: IconName, className = 'icon'): TemplateResult {
  return html`<svg
    class=${className}
    viewBox="0 0 24 24"
    width="1em"
    height="1em"
    aria-hidden="true"
    focusable="false"
    fill="currentColor"
  >
    ${icons[name]}
  </svg>`;
}

/** The icon of each check status. */
export const CHECK_ICONS = {
  passed: 'verified',
  failed: 'unverified',
  warning: 'unknown',
  skipped: 'skipped',
} as const satisfies Record<CheckStatus, IconName>;

export type IconName = keyof typeof icons;
