import { useQuery } from '@apollo/client/react';
import {
  type BudgetChart_MoneyFragment,
  ProgrammeHeadlinesDocument,
  type ProgrammeOverview_ProgrammeFragment,
} from '@werkgezond/graphql-client';
import { Alert, Card, OKABE_ITO, Spinner, Stat } from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAnalyticsFormat } from '../hooks/useAnalyticsFormat';
import { useStageName } from '../hooks/useLabels';
import { Chart } from './Chart';
import { PublishedFiguresTable } from './PublishedFiguresTable';
import { Table, type TableColumn } from './Table';

export interface ProgrammeOverviewProps {
  programme: ProgrammeOverview_ProgrammeFragment;
}

/**
 * One programme: headline figures (editions, budget, the funnel on all recorded events), budget
 * per year as a chart and a table, and the published figures next to the computed ones.
 */
export function ProgrammeOverview({ programme }: ProgrammeOverviewProps) {
  const { t } = useTranslation('analytics');
  const f = useAnalyticsFormat();
  const stageName = useStageName();
  const { data, loading, error } = useQuery(ProgrammeHeadlinesDocument, {
    variables: { programmeKey: programme.key },
  });
  const years = programme.editions.map((e) => e.year).sort((a, b) => a - b);
  const funding = data?.funding;
  const reconciliation = data?.publishedFigureReconciliation;
  const figures = reconciliation?.figures ?? [];
  const funnel = data?.headlineFunnel;
  const link = (path: string) => `/${path}?${new URLSearchParams({ programme: programme.key })}`;

  const budgetColumns: TableColumn<BudgetChart_MoneyFragment>[] = [
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
      cell: (r) => f.money(r.allocatedCents),
      csv: (r) => r.allocatedCents / 100,
      align: 'end',
    },
    {
      key: 'spent',
      header: t('overview.spent'),
      cell: (r) => f.money(r.spentCents),
      csv: (r) => r.spentCents / 100,
      align: 'end',
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
                  ? `${f.number(years.length)} (${t('overview.editionRange', { first: years[0], last: years.at(-1) })})`
                  : '0'
              }
            />
            <Stat
              label={t('overview.allocated')}
              value={f.money(funding.allocatedCents, { wholeEuros: true })}
            />
            <Stat
              label={t('overview.spent')}
              value={f.money(funding.spentCents, { wholeEuros: true })}
            />
            {funding.utilisation !== null && funding.utilisation !== undefined ? (
              <Stat label={t('overview.utilisation')} value={f.percent(funding.utilisation, 1)} />
            ) : null}
            <Stat label={t('overview.publishedCount')} value={f.number(figures.length)} />
          </div>
          {funnel ? (
            <>
              <h3>{t('overview.funnelTitle')}</h3>
              <div className="an-stats">
                {funnel.steps.map((step) => (
                  <Stat
                    key={step.stage}
                    label={stageName(step)}
                    value={`${f.count(step.count)} (${f.percent(step.fromFirst.value, 0)})`}
                  />
                ))}
              </div>
              <p className="an-small">
                {t('overview.funnelNote')}{' '}
                <Link to={link('trechter')}>{t('overview.toFunnel')}</Link> ·{' '}
                <Link to={link('antwoord')}>{t('overview.toAnswer')}</Link>
              </p>
            </>
          ) : null}
          <h3>{t('overview.budgetTitle')}</h3>
          <div className="wg-chart-table">
            <Chart
              description={t('overview.budgetChart', { programme: programme.name })}
              height={280}
              data={funding.byYear.map((row) => ({
                year: row.key === 'all' ? t('overview.allYears') : row.key,
                allocated: row.allocatedCents,
                spent: row.spentCents,
              }))}
              categoryKey="year"
              series={[
                { key: 'allocated', name: t('overview.allocated'), color: OKABE_ITO.blue },
                { key: 'spent', name: t('overview.spent'), color: OKABE_ITO.orange },
              ]}
              formatValue={(cents) =>
                f.number(cents / 100, {
                  style: 'currency',
                  currency: 'EUR',
                  notation: 'compact',
                  maximumFractionDigits: 1,
                })
              }
            />
            <Table
              caption={t('overview.budgetCaption', { programme: programme.name })}
              columns={budgetColumns}
              rows={funding.byYear}
              getRowKey={(r) => r.key}
              fileName={`budget-${programme.key}`}
            />
          </div>
          <h3>{t('overview.figuresTitle')}</h3>
          {reconciliation ? (
            <PublishedFiguresTable
              caption={t('overview.figuresCaption', { programme: programme.name })}
              figures={figures}
              summary={reconciliation}
              fileName={`gepubliceerde-cijfers-${programme.key}`}
            />
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
