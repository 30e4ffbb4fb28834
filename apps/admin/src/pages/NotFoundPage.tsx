import { PageHeader, useDocumentTitle } from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation('admin');
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="wg-stack">
      <PageHeader title={t('notFound.title')} description={t('notFound.text')} />
      <p>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </div>
  );
}
