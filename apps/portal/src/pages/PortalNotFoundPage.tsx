import { PageHeader, useDocumentTitle } from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface PortalNotFoundPageProps {
  /** What was not found, e.g. "Aanvraag niet gevonden"; defaults to the page. */
  title?: string;
  description?: string;
}

/**
 * Shown for unknown paths and for things the viewer may not see: the API answers NOT_FOUND in
 * both cases, so the page never tells whether someone else's application exists.
 */
export function PortalNotFoundPage({ title, description }: PortalNotFoundPageProps) {
  const { t } = useTranslation('portal');
  const heading = title ?? t('notFound.title');
  useDocumentTitle(heading);
  return (
    <>
      <PageHeader title={heading} description={description ?? t('notFound.text')} />
      <Link to="/">{t('notFound.back')}</Link>
    </>
  );
}
