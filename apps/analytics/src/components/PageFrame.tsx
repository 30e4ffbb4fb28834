import { PageHeader, useDocumentTitle } from '@werkgezond/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from './QueryState';

export interface PageFrameProps {
  title: string;
  description: string;
  /** The programme list query (every page needs it for its filters). */
  programmes: { loading: boolean; error?: unknown; loaded: boolean; refetch: () => void };
  children: ReactNode;
}

/** Title, lead text and the programmes' loading / error state around a page's content. */
export function PageFrame({ title, description, programmes, children }: PageFrameProps) {
  const { t } = useTranslation('analytics');
  useDocumentTitle(title);
  return (
    <>
      <PageHeader title={title} description={description} />
      <QueryState
        loading={programmes.loading}
        error={programmes.error}
        hasData={programmes.loaded}
        loadingLabel={t('overview.loading')}
        errorTitle={t('overview.errorTitle')}
        onRetry={programmes.refetch}
      >
        {children}
      </QueryState>
    </>
  );
}
