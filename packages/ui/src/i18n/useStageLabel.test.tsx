import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from './createI18n';
import type { Locale } from './locale';
import { useStageLabel } from './useStageLabel';

function labelIn(locale: Locale, stage: { key: string; label: string }) {
  const i18n = createI18n({ locale });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
  );
  return renderHook(() => useStageLabel(), { wrapper }).result.current(stage);
}

describe('useStageLabel', () => {
  it("shows the API's Dutch label in Dutch", () => {
    expect(labelIn('nl-BE', { key: 'APPROVED', label: 'Goedgekeurd' })).toBe('Goedgekeurd');
  });

  it('translates known stage keys into English and keeps unknown ones as sent', () => {
    expect(labelIn('en', { key: 'APPROVED', label: 'Goedgekeurd' })).toBe('Approved');
    expect(labelIn('en', { key: 'AUDITED', label: 'Geaudit' })).toBe('Geaudit');
  });
});
