import type { VerificationResult } from '../../core/result.js';
import { formatDate, formatTime } from '../../messages/format-date.js';
import type { MessageContext } from '../../messages/messages.js';

/**
 * Numbers, sizes and durations in the page's language (`lang` is `languageOf` the element). An
 * invalid `lang` falls back to the browser's language rather than throwing in the middle of a render.
 */

export function formatNumber(value: number, lang: string | undefined): string {
  try {
    return new Intl.NumberFormat(lang).format(value);
  } catch {
    return String(value);
  }
}

export function formatBytes(count: number, lang: string | undefined): string {
  const [value, unit] =
    count >= 1024 * 1024
      ? [count / (1024 * 1024), 'megabyte']
      : count >= 1024
        ? [count / 1024, 'kilobyte']
        : [count, 'byte'];
  try {
    return new Intl.NumberFormat(lang, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
  } catch {
    return new Intl.NumberFormat(undefined, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
  }
}

export function formatChars(count: number, lang: string | undefined): string {
  return `${formatNumber(count, lang)} characters`;
}

export function formatMs(value: number, lang: string | undefined): string {
  try {
    return new Intl.NumberFormat(lang, {
      style: 'unit',
      unit: 'millisecond',
      maximumFractionDigits: 0,
    }).format(value);
  } catch {
    return `${Math.round(value)} ms`;
  }
}

/** How the check sentences of `result` format its dates and times (`lang` rides along for translations). */
export function messageContextOf(
  result: VerificationResult | undefined,
  lang: string | undefined,
): MessageContext & { lang: string | undefined } {
  return {
    lang,
    formatDate: (value) => formatDate(value, lang),
    formatTime: (value) => formatTime(value, lang),
    format: result?.format,
  };
}
