import { PageHeader, useDocumentTitle } from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function AnalyticsNotFoundPage() {
  const { t } = useTranslation('analytics');
  useDocumentTitle(t('notFound.title'));
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <Link to="/">{t('notFound.back')}</Link>
    </>
  );
}
