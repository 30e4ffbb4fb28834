import { useQuery } from '@apollo/client/react';
import { AnalyticsProgrammesDocument, isNetworkError } from '@werkgezond/graphql-client';
import { Alert, Button, EmptyState, PageHeader, Spinner, useDocumentTitle } from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';
import { ProgrammeOverview } from '../components/ProgrammeOverview';

/** The analyst's landing page: every programme with its headline figures from the API. */
export function OverviewPage() {
  const { t } = useTranslation('analytics');
  useDocumentTitle(t('overview.title'));
  const { data, loading, error, refetch } = useQuery(AnalyticsProgrammesDocument);

  let body: React.ReactNode;
  if (loading && !data) body = <Spinner label={t('overview.loading')} />;
  else if (error && !data) {
    body = (
      <Alert
        variant="error"
        title={t('overview.errorTitle')}
        actions={
          <Button variant="secondary" onClick={() => void refetch()}>
            {t('ui:retry')}
          </Button>
        }
      >
        <p>{isNetworkError(error) ? t('ui:networkError') : t('ui:unexpectedError')}</p>
      </Alert>
    );
  } else if (!data || data.programmes.length === 0) {
    body = <EmptyState title={t('overview.emptyTitle')}>{t('overview.empty')}</EmptyState>;
  } else {
    body = (
      <div className="wg-stack">
        {data.programmes.map((programme) => (
          <ProgrammeOverview key={programme.id} programme={programme} />
        ))}
      </div>
    );
  }

  return (
    <>
      <PageHeader title={t('overview.title')} description={t('overview.description')} />
      <Alert variant="info">
        <p>{t('overview.funnelComing')}</p>
      </Alert>
      {body}
    </>
  );
}
