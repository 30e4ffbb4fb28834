import { createI18n, type Locale } from '@werkgezond/ui';
import en from './en.json';
import nlBE from './nl-BE.json';

export function createShellI18n(locale: Locale) {
  return createI18n({
    locale,
    defaultNamespace: 'shell',
    catalogues: { 'nl-BE': { shell: nlBE }, en: { shell: en } },
  });
}
