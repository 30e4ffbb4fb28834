import { useQuery } from '@apollo/client/react';
import {
  AnalyticsProgrammesDocument,
  GeneralPublishedFiguresDocument,
  isNetworkError,
} from '@werkgezond/graphql-client';
import {
  Alert,
  Button,
  Card,
  EmptyState,
  PageHeader,
  Spinner,
  useDocumentTitle,
} from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';
import { ProgrammeOverview } from '../components/ProgrammeOverview';
import { PublishedFiguresTable } from '../components/PublishedFiguresTable';

/** Figures of the sources that belong to no programme (the 2012 indicator measurement). */
function GeneralFigures() {
  const { t } = useTranslation('analytics');
  const { data } = useQuery(GeneralPublishedFiguresDocument);
  const figures = (data?.publishedFigureReconciliation.figures ?? []).filter(
    (f) => !f.programmeKey,
  );
  if (figures.length === 0) return null;
  return (
    <Card title={t('overview.generalTitle')} asSection>
      <p>{t('overview.generalText')}</p>
      <PublishedFiguresTable
        caption={t('overview.generalCaption')}
        figures={figures}
        summary={{
          computed: figures.filter((f) => f.computedValue != null).length,
          matched: figures.filter((f) => f.matches === true).length,
          differing: figures.filter((f) => f.matches === false).length,
          notComputable: figures.filter((f) => f.computedValue == null).length,
        }}
        fileName="gepubliceerde-cijfers-algemeen"
      />
    </Card>
  );
}

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
        <GeneralFigures />
      </div>
    );
  }

  return (
    <>
      <PageHeader title={t('overview.title')} description={t('overview.description')} />
      {body}
    </>
  );
}
