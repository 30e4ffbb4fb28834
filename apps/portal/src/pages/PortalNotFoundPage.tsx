import { PageHeader, useDocumentTitle } from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function PortalNotFoundPage() {
  const { t } = useTranslation('portal');
  useDocumentTitle(t('notFound.title'));
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <Link to="/">{t('notFound.back')}</Link>
    </>
  );
}
