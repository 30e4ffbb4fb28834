import { PageHeader, useDocumentTitle } from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A page that is not meant for the viewer's role (e.g. the queue for a participant). */
export function RoleNotice({ title }: { title: string }) {
  const { t } = useTranslation('portal');
  useDocumentTitle(title);
  return (
    <>
      <PageHeader title={title} description={t('roleNotice.text')} />
      <Link to="/">{t('notFound.back')}</Link>
    </>
  );
}
