import { createI18n, type Locale } from '@werkgezond/ui';
import en from './en.json';
import nlBE from './nl-BE.json';

export function createPortalI18n(locale: Locale) {
  return createI18n({
    locale,
    defaultNamespace: 'portal',
    catalogues: { 'nl-BE': { portal: nlBE }, en: { portal: en } },
  });
}
