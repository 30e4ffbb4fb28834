import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type DateStyle,
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPercent,
} from './format';
import { DEFAULT_LOCALE, isLocale, type Locale } from './locale';

export interface Formatters {
  locale: Locale;
  number: (value: number, options?: Intl.NumberFormatOptions) => string;
  percent: (ratio: number, fractionDigits?: number) => string;
  /** Cents as money; `wholeEuros` for headline figures without cents. */
  money: (cents: number, options?: { currency?: string; wholeEuros?: boolean }) => string;
  date: (value: Date | string | number, style?: DateStyle) => string;
  dateTime: (value: Date | string | number) => string;
}

/** Formatters bound to the current i18next language. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const locale: Locale = isLocale(language) ? language : DEFAULT_LOCALE;
  return useMemo(
    () => ({
      locale,
      number: (value, options) => formatNumber(value, locale, options),
      percent: (ratio, digits) => formatPercent(ratio, locale, digits),
      money: (cents, options) => formatMoney(cents, locale, options?.currency, options?.wholeEuros),
      date: (value, style) => formatDate(value, locale, style),
      dateTime: (value) => formatDateTime(value, locale),
    }),
    [locale],
  );
}
