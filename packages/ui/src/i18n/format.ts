import type { Locale } from './locale';

/** Dates are shown in Belgian time whatever the browser's zone, so everyone sees the same day. */
export const DISPLAY_TIME_ZONE = 'Europe/Brussels';

/**
 * The Intl locale behind each UI language. English uses British conventions (31 July 2019,
 * 24-hour clock), closer to Belgian usage than the US defaults of plain "en".
 */
export const INTL_LOCALE: Record<Locale, string> = { 'nl-BE': 'nl-BE', en: 'en-GB' };

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], options);
    cache.set(key, format);
  }
  return format;
}

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      timeZone: DISPLAY_TIME_ZONE,
      ...options,
    });
    cache.set(key, format);
  }
  return format;
}

export function formatNumber(
  value: number,
  locale: Locale,
  options: Intl.NumberFormatOptions = {},
): string {
  return numberFormat(locale, options).format(value);
}

/** A ratio (0.25) as a percentage (25 %, 25%), with the given number of decimals. */
export function formatPercent(ratio: number, locale: Locale, fractionDigits = 0): string {
  return numberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(ratio);
}

/**
 * Money is stored in cents (integers) everywhere; this is the only place it becomes euros.
 * `wholeEuros` drops the cents (rounded) for headline figures.
 */
export function formatMoney(
  cents: number,
  locale: Locale,
  currency = 'EUR',
  wholeEuros = false,
): string {
  const digits = wholeEuros ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {};
  return numberFormat(locale, { style: 'currency', currency, ...digits }).format(cents / 100);
}

function toDate(value: Date | string | number): Date {
  // A bare ISO date (YYYY-MM-DD) is a calendar day: read it as noon UTC so no zone shifts it.
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return new Date(`${value}T12:00:00Z`);
  return value instanceof Date ? value : new Date(value);
}

export type DateStyle = 'short' | 'medium' | 'long';

/** A calendar date: 3 mrt. 2019 / 3 Mar 2019 (medium), 03/03/2019 (short), 3 maart 2019 (long). */
export function formatDate(
  value: Date | string | number,
  locale: Locale,
  style: DateStyle = 'medium',
): string {
  return dateFormat(locale, { dateStyle: style }).format(toDate(value));
}

export function formatDateTime(value: Date | string | number, locale: Locale): string {
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(toDate(value));
}

const isoDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: DISPLAY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The machine-readable calendar day (YYYY-MM-DD, Belgian time) for a <time dateTime> attribute. */
export function isoDate(value: Date | string | number): string {
  return isoDay.format(toDate(value));
}
