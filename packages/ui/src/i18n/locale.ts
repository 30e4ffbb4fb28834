/** Locales the front ends speak. Dutch (Belgium) is the first and the fallback. */
export const SUPPORTED_LOCALES = ['nl-BE', 'en'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nl-BE';

const STORAGE_KEY = 'werkgezond.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** Maps a browser language tag (nl, nl-NL, en-GB…) onto a supported locale, or null. */
export function matchLocale(tag: string): Locale | null {
  const lower = tag.toLowerCase();
  if (lower === 'nl' || lower.startsWith('nl-')) return 'nl-BE';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return null;
}

function storage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    // Storage can be disabled (privacy settings); the choice then lasts for the page only.
    return null;
  }
}

export function readStoredLocale(): Locale | null {
  const value = storage()?.getItem(STORAGE_KEY);
  return isLocale(value) ? value : null;
}

export function storeLocale(locale: Locale): void {
  try {
    storage()?.setItem(STORAGE_KEY, locale);
  } catch {
    // Quota or privacy errors: not remembering the choice is acceptable.
  }
}

/** The remembered choice, else the first browser language we speak, else Dutch. */
export function initialLocale(languages: readonly string[] = browserLanguages()): Locale {
  const stored = readStoredLocale();
  if (stored) return stored;
  for (const tag of languages) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}

function browserLanguages(): readonly string[] {
  return typeof navigator !== 'undefined' ? (navigator.languages ?? [navigator.language]) : [];
}
