import { describe, expect, it } from 'vitest';
import { createI18n } from './createI18n';

describe('createI18n', () => {
  it('translates the shared ui namespace in both languages', () => {
    expect(createI18n({ locale: 'nl-BE' }).t('ui:retry')).toBe('Opnieuw proberen');
    expect(createI18n({ locale: 'en' }).t('ui:retry')).toBe('Try again');
  });

  it('adds an app namespace and falls back to Dutch for a missing English message', () => {
    const i18n = createI18n({
      locale: 'en',
      defaultNamespace: 'shell',
      catalogues: {
        'nl-BE': { shell: { hello: 'Hallo', only: 'Alleen Nederlands' } },
        en: { shell: { hello: 'Hello' } },
      },
    });
    expect(i18n.t('hello')).toBe('Hello');
    expect(i18n.t('only')).toBe('Alleen Nederlands');
    expect(i18n.t('loading')).toBe('Loading…'); // fallback namespace ui
  });

  it('keeps instances apart so a remote can switch language without touching the shell', async () => {
    const shell = createI18n({ locale: 'nl-BE' });
    const remote = createI18n({ locale: 'nl-BE' });
    await remote.changeLanguage('en');
    expect(shell.t('ui:close')).toBe('Sluiten');
    expect(remote.t('ui:close')).toBe('Close');
  });
});
