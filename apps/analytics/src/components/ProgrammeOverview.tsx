import { useQuery } from '@apollo/client/react';
import {
  type BudgetChart_MoneyFragment,
  ProgrammeHeadlinesDocument,
  type ProgrammeOverview_ProgrammeFragment,
  type PublishedFiguresTable_FigureFragment,
} from '@werkgezond/graphql-client';
import {
  Alert,
  Card,
  DataTable,
  type DataTableColumn,
  Spinner,
  Stat,
  useFormat,
} from '@werkgezond/ui';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

// Recharts is the biggest dependency: load it after the figures, in its own chunk.
const BudgetChart = lazy(() => import('./BudgetChart'));

export interface ProgrammeOverviewProps {
  programme: ProgrammeOverview_ProgrammeFragment;
}

/** One programme: headline figures, budget per year as a chart and a table, published figures. */
export function ProgrammeOverview({ programme }: ProgrammeOverviewProps) {
  const { t } = useTranslation('analytics');
  const format = useFormat();
  const { data, loading, error } = useQuery(ProgrammeHeadlinesDocument, {
    variables: { programmeKey: programme.key },
  });
  const years = programme.editions.map((e) => e.year).sort((a, b) => a - b);
  const funding = data?.funding;
  const figures = data?.publishedFigures ?? [];

  const budgetColumns: DataTableColumn<BudgetChart_MoneyFragment>[] = [
    {
      key: 'year',
      header: t('overview.year'),
      cell: (r) => (r.key === 'all' ? t('overview.allYears') : r.key),
      csv: (r) => r.key,
      rowHeader: true,
    },
    {
      key: 'allocated',
      header: t('overview.allocated'),
      cell: (r) => format.money(r.allocatedCents),
      csv: (r) => r.allocatedCents / 100,
      align: 'end',
    },
    {
      key: 'spent',
      header: t('overview.spent'),
      cell: (r) => format.money(r.spentCents),
      csv: (r) => r.spentCents / 100,
      align: 'end',
    },
  ];
  const speaker = (f: PublishedFiguresTable_FigureFragment) =>
    f.speaker === 'question'
      ? t('overview.speakerQuestion')
      : f.speaker === 'answer'
        ? t('overview.speakerAnswer')
        : f.speaker;
  const figureColumns: DataTableColumn<PublishedFiguresTable_FigureFragment>[] = [
    {
      key: 'metric',
      header: t('overview.metric'),
      cell: (f) => f.metric,
      csv: (f) => f.metric,
      rowHeader: true,
    },
    { key: 'period', header: t('overview.period'), cell: (f) => f.period, csv: (f) => f.period },
    {
      key: 'value',
      header: t('overview.value'),
      cell: (f) => f.value,
      csv: (f) => f.value,
      align: 'end',
    },
    { key: 'speaker', header: t('overview.speaker'), cell: speaker, csv: (f) => f.speaker },
    {
      key: 'source',
      header: t('overview.sourceDocument'),
      cell: (f) => <code>{f.sourceDocument}</code>,
      csv: (f) => f.sourceDocument,
    },
  ];

  return (
    <Card title={programme.name} asSection>
      <p>{programme.description}</p>
      {error && !data ? (
        <Alert variant="error">
          <p>{t('overview.headlinesError')}</p>
        </Alert>
      ) : loading && !data ? (
        <Spinner label={t('overview.headlinesLoading')} />
      ) : funding ? (
        <>
          <div className="wg-grid" style={{ marginBottom: 'var(--wg-space-6)' }}>
            <Stat
              label={t('overview.editions')}
              value={
                years.length > 0
                  ? `${format.number(years.length)} (${t('overview.editionRange', { first: years[0], last: years.at(-1) })})`
                  : '0'
              }
            />
            <Stat
              label={t('overview.allocated')}
              value={format.money(funding.allocatedCents, { wholeEuros: true })}
            />
            <Stat
              label={t('overview.spent')}
              value={format.money(funding.spentCents, { wholeEuros: true })}
            />
            {funding.allocatedCents > 0 ? (
              <Stat
                label={t('overview.utilisation')}
                value={format.percent(funding.spentCents / funding.allocatedCents, 1)}
              />
            ) : null}
            <Stat label={t('overview.publishedCount')} value={format.number(figures.length)} />
          </div>
          <h3>{t('overview.budgetTitle')}</h3>
          <div className="wg-chart-table">
            <Suspense fallback={<Spinner hideLabel />}>
              <BudgetChart
                rows={funding.byYear}
                description={t('overview.budgetChart', { programme: programme.name })}
              />
            </Suspense>
            <DataTable
              caption={t('overview.budgetCaption', { programme: programme.name })}
              columns={budgetColumns}
              rows={funding.byYear}
              getRowKey={(r) => r.key}
              csvFileName={`budget-${programme.key}`}
              csvLabel={t('overview.budgetCsvLabel', { programme: programme.name })}
            />
          </div>
          <h3>{t('overview.figuresTitle')}</h3>
          <DataTable
            caption={t('overview.figuresCaption', { programme: programme.name })}
            columns={figureColumns}
            rows={figures}
            getRowKey={(f) => f.id}
            csvFileName={`gepubliceerde-cijfers-${programme.key}`}
            csvLabel={t('overview.figuresCsvLabel', { programme: programme.name })}
            emptyMessage={t('overview.figuresEmpty')}
          />
        </>
      ) : null}
    </Card>
  );
}
