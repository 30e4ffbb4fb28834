import { createI18n, type Locale } from '@werkgezond/ui';
import en from './en.json';
import nlBE from './nl-BE.json';

export function createAnalyticsI18n(locale: Locale) {
  return createI18n({
    locale,
    defaultNamespace: 'analytics',
    catalogues: { 'nl-BE': { analytics: nlBE }, en: { analytics: en } },
  });
}
