import { Alert, PageHeader, useDocumentTitle } from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';

export function NoAccessPage() {
  const { t } = useTranslation('shell');
  useDocumentTitle(t('noAccess.title'));
  return (
    <>
      <PageHeader title={t('noAccess.title')} />
      <Alert variant="warning">
        <p>{t('noAccess.body')}</p>
      </Alert>
    </>
  );
}
