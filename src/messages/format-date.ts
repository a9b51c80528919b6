/**
 * Dates for people, via `Intl.DateTimeFormat`, in the language of the page (or of the element's
 * nearest `lang`). Badge dates are untrusted strings: anything that does not parse is shown as
 * written rather than as "Invalid Date".
 */
export type DateStyle = 'long' | 'medium';

const cache = new Map<string, Intl.DateTimeFormat>();

/** A cached formatter for `options` in `locale`: an invalid `lang` (RangeError) falls back to the browser's language. */
function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${options.dateStyle ?? ''}|${options.timeStyle ?? ''}`;
  let result = cache.get(key);
  if (!result) {
    try {
      result = new Intl.DateTimeFormat(locale, options);
    } catch {
      result = new Intl.DateTimeFormat(undefined, options);
    }
    cache.set(key, result);
  }
  return result;
}

/** The date `value` stands for, or undefined when it is none (badge dates are untrusted strings). */
function dateOf(value: unknown): Date | undefined {
  const date =
    value instanceof Date
      ? value
      : typeof value === 'string' || typeof value === 'number'
        ? new Date(value)
        : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

/** "3 March 2025" (or the locale's equivalent); the input itself when it is not a date. */
export function formatDate(value: unknown, locale?: string, style: DateStyle = 'long'): string {
  return format(value, locale, style, false);
}

/** Date and time, for "checked at". */
export function formatDateTime(value: unknown, locale?: string, style: DateStyle = 'medium'): string {
  return format(value, locale, style, true);
}

/** A time of day, "14:03" (or the locale's equivalent); '' when it is not a date. */
export function formatTime(value: unknown, locale?: string): string {
  const date = dateOf(value);
  return date ? formatter(locale || undefined, { timeStyle: 'short' }).format(date) : '';
}

function format(value: unknown, locale: string | undefined, style: DateStyle, withTime: boolean): string {
  const date = dateOf(value);
  if (!date) return typeof value === 'string' ? value : '';
  return formatter(
    locale || undefined,
    withTime ? { dateStyle: style, timeStyle: 'short' } : { dateStyle: style },
  ).format(date);
}

/** The language that applies to `element`: its nearest `lang` attribute, else the document's. */
export function languageOf(element: Element): string | undefined {
  const lang = element.closest('[lang]')?.getAttribute('lang') || element.ownerDocument?.documentElement.lang;
  return lang || undefined;
}
