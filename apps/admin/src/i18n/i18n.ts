import { createI18n, type Locale } from '@werkgezond/ui';
import en from './en.json';
import nlBE from './nl-BE.json';

export function createAdminI18n(locale: Locale) {
  return createI18n({
    locale,
    defaultNamespace: 'admin',
    catalogues: { 'nl-BE': { admin: nlBE }, en: { admin: en } },
  });
}
