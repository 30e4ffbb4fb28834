import { afterEach, describe, expect, it } from 'vitest';
import { initialLocale, isLocale, matchLocale, readStoredLocale, storeLocale } from './locale';

afterEach(() => localStorage.clear());

describe('locale choice', () => {
  it('maps browser languages onto the ones we speak', () => {
    expect(matchLocale('nl')).toBe('nl-BE');
    expect(matchLocale('nl-NL')).toBe('nl-BE');
    expect(matchLocale('en-GB')).toBe('en');
    expect(matchLocale('fr-BE')).toBeNull();
  });

  it('prefers the remembered choice, then the browser, then Dutch', () => {
    expect(initialLocale(['fr-BE', 'en-US'])).toBe('en');
    expect(initialLocale(['fr-BE'])).toBe('nl-BE');
    storeLocale('en');
    expect(readStoredLocale()).toBe('en');
    expect(initialLocale(['nl-BE'])).toBe('en');
  });

  it('ignores a tampered stored value', () => {
    localStorage.setItem('werkgezond.locale', 'xx');
    expect(readStoredLocale()).toBeNull();
    expect(isLocale('xx')).toBe(false);
  });
});
