import { isLocale, SUPPORTED_LOCALES } from '@werkgezond/ui';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/LocaleContext';

/** A native select: keyboard and screen-reader friendly without extra code. */
export function LanguageSwitch() {
  const { t } = useTranslation('ui');
  const { locale, setLocale } = useLocale();
  const id = useId();
  return (
    <div className="wg-language-switch">
      <label htmlFor={id}>{t('language')}</label>
      <select
        id={id}
        value={locale}
        onChange={(event) => {
          if (isLocale(event.target.value)) setLocale(event.target.value);
        }}
      >
        {SUPPORTED_LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`languages.${code}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
