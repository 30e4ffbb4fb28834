import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets document.title to "<page> · Werkgezond" while the calling page is shown. */
export function useDocumentTitle(page: string | null | undefined): void {
  const { t } = useTranslation('ui');
  useEffect(() => {
    if (!page) return;
    document.title = t('documentTitle', { page });
  }, [page, t]);
}
