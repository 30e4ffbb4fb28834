import i18next, { type i18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, type Locale, SUPPORTED_LOCALES } from './locale';
import en from './locales/en.json';
import nlBE from './locales/nl-BE.json';

/** Message catalogues of one app: `{ 'nl-BE': { shell: {...} }, en: { shell: {...} } }`. */
export type Catalogues = Partial<Record<Locale, Record<string, Record<string, unknown>>>>;

export interface CreateI18nOptions {
  locale: Locale;
  /** The app's own namespaces, next to the shared `ui` namespace. */
  catalogues?: Catalogues;
  /** Namespace that `t` uses without a prefix. */
  defaultNamespace?: string;
}

/**
 * A separate i18next instance per app (shell, each remote): remotes can be mounted and
 * unmounted without touching the shell's instance. Resources are bundled, so initialisation is
 * synchronous and the first render is already translated.
 */
export function createI18n({
  locale,
  catalogues = {},
  defaultNamespace = 'ui',
}: CreateI18nOptions): i18n {
  const resources: Resource = {};
  const shared: Record<Locale, Record<string, unknown>> = { 'nl-BE': nlBE, en };
  for (const lng of SUPPORTED_LOCALES) {
    resources[lng] = { ui: shared[lng], ...(catalogues[lng] ?? {}) };
  }
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...SUPPORTED_LOCALES],
    resources,
    ns: Object.keys(resources[DEFAULT_LOCALE] ?? { ui: {} }),
    defaultNS: defaultNamespace,
    fallbackNS: 'ui',
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  return instance;
}
