import { type RenderResult, render } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../i18n/createI18n';
import type { Locale } from '../i18n/locale';

export function renderWithI18n(
  ui: ReactElement,
  locale: Locale = 'nl-BE',
): RenderResult & { i18n: I18n } {
  const i18n = createI18n({ locale });
  return { i18n, ...render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>) };
}
