import { useQuery } from '@apollo/client/react';
import { AnalyticsBudgetDocument, type AnalyticsBudgetQuery } from '@werkgezond/graphql-client';
import { OKABE_ITO, SelectField, Stat } from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';
import { Chart } from '../components/Chart';
import { ChartSection } from '../components/ChartSection';
import { FilterGrid, FilterPanel, ProgrammeSelect } from '../components/Filters';
import { PageFrame } from '../components/PageFrame';
import { QueryState } from '../components/QueryState';
import { Table, type TableColumn } from '../components/Table';
import { ViewContext } from '../components/ViewContext';
import { useAnalyticsFormat } from '../hooks/useAnalyticsFormat';
import { useStageName } from '../hooks/useLabels';
import { useProgrammeChoice } from '../hooks/useProgrammeChoice';
import { budgetSpec } from '../url/specs';
import { useSearchState } from '../url/useSearchState';

type Budget = AnalyticsBudgetQuery['budget'];

/** Allocation against spending by year, source and category; cost per approved/started/completed. */
export function BudgetPage() {
  const { t } = useTranslation('analytics');
  const f = useAnalyticsFormat();
  const stageName = useStageName();
  const [state, setState] = useSearchState(budgetSpec);
  const choice = useProgrammeChoice(state.programme, setState);
  const { programme } = choice;
  const { data, loading, error, refetch } = useQuery(AnalyticsBudgetDocument, {
    skip: !programme,
    variables: { programmeKey: programme?.key ?? '', year: state.year },
  });
  const budget = data?.budget;
  // Years to choose: the editions, and the years that have budget lines.
  const years = [
    ...new Set([
      ...(programme?.editions ?? []).map((e) => e.year),
      ...(budget?.byYear ?? []).map((y) => y.year).filter((y): y is number => y != null),
      ...(state.year ? [state.year] : []),
    ]),
  ].sort((a, b) => a - b);
  const period = state.year ? String(state.year) : t('budget.wholeProgramme');
  const context = `${programme?.name ?? ''}, ${period}`;
  const fileName = `budget-${programme?.key ?? ''}-${state.year ?? 'alles'}`;
  const money = (cents: number | null | undefined) => (cents == null ? '–' : f.money(cents));
  const compactEuros = (cents: number) =>
    f.number(cents / 100, {
      style: 'currency',
      currency: 'EUR',
      notation: 'compact',
      maximumFractionDigits: 1,
    });

  type Year = Budget['byYear'][number];
  type Source = Budget['bySource'][number];
  type Category = Budget['byCategory'][number];
  type StageCost = Budget['costPerStage'][number];
  type Allocation = Budget['allocations'][number];
  const yearColumns: TableColumn<Year>[] = [
    {
      key: 'year',
      header: t('overview.year'),
      cell: (y) => (y.year == null ? t('overview.allYears') : String(y.year)),
      csv: (y) => y.year ?? 'all',
      rowHeader: true,
    },
    {
      key: 'allocated',
      header: t('overview.allocated'),
      cell: (y) => money(y.allocatedCents),
      csv: (y) => y.allocatedCents / 100,
      align: 'end',
    },
    {
      key: 'spent',
      header: t('overview.spent'),
      cell: (y) => money(y.spentCents),
      csv: (y) => y.spentCents / 100,
      align: 'end',
    },
  ];
  const sourceColumns: TableColumn<Source>[] = [
    {
      key: 'name',
      header: t('budget.source'),
      cell: (s) => s.name,
      csv: (s) => s.name,
      rowHeader: true,
    },
    { key: 'key', header: t('channels.code'), cell: () => null, csv: (s) => s.key, csvOnly: true },
    {
      key: 'allocated',
      header: t('overview.allocated'),
      cell: (s) => money(s.allocatedCents),
      csv: (s) => s.allocatedCents / 100,
      align: 'end',
    },
    {
      key: 'spent',
      header: t('overview.spent'),
      cell: (s) => money(s.spentCents),
      csv: (s) => s.spentCents / 100,
      align: 'end',
    },
  ];
  const categoryColumns: TableColumn<Category>[] = [
    {
      key: 'category',
      header: t('budget.category'),
      cell: (c) => t(`categories.${c.category}`, { defaultValue: c.category }),
      csv: (c) => c.category,
      rowHeader: true,
    },
    {
      key: 'spent',
      header: t('overview.spent'),
      cell: (c) => money(c.spentCents),
      csv: (c) => c.spentCents / 100,
      align: 'end',
    },
    {
      key: 'share',
      header: t('budget.share'),
      cell: (c) => f.percent(c.share),
      csv: (c) => c.share,
      align: 'end',
    },
  ];
  const stageColumns: TableColumn<StageCost>[] = [
    {
      key: 'stage',
      header: t('funnel.step'),
      cell: stageName,
      csv: (s) => s.stage,
      rowHeader: true,
    },
    {
      key: 'count',
      header: t('budget.reached'),
      cell: (s) => f.count(s.count),
      csv: (s) => s.count,
      align: 'end',
    },
    {
      key: 'cost',
      header: t('budget.costPerUnit'),
      cell: (s) => money(s.costCents),
      csv: (s) => (s.costCents == null ? null : s.costCents / 100),
      align: 'end',
    },
  ];
  const allocationColumns: TableColumn<Allocation>[] = [
    {
      key: 'description',
      header: t('budget.allocationDescription'),
      cell: (a) => a.description,
      csv: (a) => a.description,
      rowHeader: true,
    },
    {
      key: 'year',
      header: t('overview.year'),
      cell: (a) => (a.year == null ? t('overview.allYears') : String(a.year)),
      csv: (a) => a.year,
    },
    {
      key: 'source',
      header: t('budget.source'),
      cell: (a) => a.sourceName,
      csv: (a) => a.sourceName,
    },
    {
      key: 'amount',
      header: t('budget.amount'),
      cell: (a) => money(a.amountCents),
      csv: (a) => a.amountCents / 100,
      align: 'end',
    },
  ];

  return (
    <PageFrame title={t('budget.title')} description={t('budget.description')} programmes={choice}>
      <FilterPanel label={t('filters.label')}>
        <FilterGrid>
          <ProgrammeSelect
            programmes={choice.programmes}
            value={programme?.key ?? null}
            onChange={(key) => setState({ programme: key, year: null })}
          />
          <SelectField
            label={t('budget.year')}
            name="year"
            hint={t('budget.yearHint')}
            value={state.year == null ? '' : String(state.year)}
            placeholder={t('budget.wholeProgramme')}
            options={years.map((y) => ({ value: String(y), label: String(y) }))}
            onChange={(event) =>
              setState({ year: event.target.value ? Number(event.target.value) : null })
            }
          />
        </FilterGrid>
      </FilterPanel>
      <ViewContext
        items={[
          { label: t('filters.programme'), value: programme?.name ?? '' },
          { label: t('budget.period'), value: period },
        ]}
      />
      <QueryState
        loading={loading}
        error={error}
        hasData={!!budget}
        loadingLabel={t('budget.loading')}
        errorTitle={t('budget.error')}
        onRetry={() => void refetch()}
      >
        {budget ? (
          <>
            <div className="an-stats">
              <Stat
                label={t('budget.allocatedInPeriod')}
                value={f.money(budget.allocatedCents, { wholeEuros: true })}
              />
              <Stat
                label={t('budget.spentInPeriod')}
                value={f.money(budget.spentCents, { wholeEuros: true })}
              />
              <Stat
                label={t('budget.allocatedToDate')}
                value={f.money(budget.allocatedToDateCents, { wholeEuros: true })}
              />
              <Stat
                label={t('budget.spentToDate')}
                value={f.money(budget.spentToDateCents, { wholeEuros: true })}
              />
              <Stat
                label={t('budget.remaining')}
                value={f.money(budget.remainingCents, { wholeEuros: true })}
              />
              <Stat label={t('overview.utilisation')} value={f.percent(budget.utilisation)} />
            </div>
            <ChartSection
              title={t('budget.byYearTitle')}
              lead={t('budget.byYearLead')}
              chart={
                <Chart
                  description={t('budget.byYearChart', { context })}
                  data={budget.byYear.map((y) => ({
                    year: y.year == null ? t('overview.allYears') : String(y.year),
                    allocated: y.allocatedCents,
                    spent: y.spentCents,
                  }))}
                  categoryKey="year"
                  series={[
                    { key: 'allocated', name: t('overview.allocated'), color: OKABE_ITO.blue },
                    { key: 'spent', name: t('overview.spent'), color: OKABE_ITO.orange },
                  ]}
                  formatValue={compactEuros}
                />
              }
              table={
                <Table
                  caption={t('budget.byYearCaption', { context })}
                  columns={yearColumns}
                  rows={budget.byYear}
                  getRowKey={(y) => String(y.year)}
                  fileName={`${fileName}-per-jaar`}
                />
              }
            />
            <ChartSection
              title={t('budget.costPerStageTitle')}
              lead={t('budget.costPerStageLead')}
              chart={
                <Chart
                  description={t('budget.costPerStageChart', { context })}
                  data={budget.costPerStage.map((s) => ({
                    stage: stageName(s),
                    cost: s.costCents,
                  }))}
                  categoryKey="stage"
                  series={[
                    { key: 'cost', name: t('budget.costPerUnit'), color: OKABE_ITO.bluishGreen },
                  ]}
                  formatValue={compactEuros}
                />
              }
              table={
                <Table
                  caption={t('budget.costPerStageCaption', { context })}
                  columns={stageColumns}
                  rows={budget.costPerStage}
                  getRowKey={(s) => s.stage}
                  fileName={`${fileName}-kost-per-stap`}
                />
              }
            />
            <ChartSection
              title={t('budget.byCategoryTitle')}
              lead={t('budget.byCategoryLead')}
              chart={
                budget.byCategory.length > 0 ? (
                  <Chart
                    description={t('budget.byCategoryChart', { context })}
                    data={budget.byCategory.map((c) => ({
                      category: t(`categories.${c.category}`, { defaultValue: c.category }),
                      spent: c.spentCents,
                    }))}
                    categoryKey="category"
                    orientation="horizontal"
                    categoryWidth={200}
                    series={[{ key: 'spent', name: t('overview.spent'), color: OKABE_ITO.orange }]}
                    formatValue={compactEuros}
                    height={Math.max(160, budget.byCategory.length * 44 + 60)}
                  />
                ) : (
                  <p>{t('budget.noSpending')}</p>
                )
              }
              table={
                <Table
                  caption={t('budget.byCategoryCaption', { context })}
                  columns={categoryColumns}
                  rows={budget.byCategory}
                  getRowKey={(c) => c.category}
                  fileName={`${fileName}-per-categorie`}
                  emptyMessage={t('budget.noSpending')}
                />
              }
            />
            <ChartSection
              title={t('budget.bySourceTitle')}
              lead={t('budget.bySourceLead')}
              chart={
                <Chart
                  description={t('budget.bySourceChart', { context })}
                  data={budget.bySource.map((s) => ({
                    source: s.name,
                    allocated: s.allocatedCents,
                    spent: s.spentCents,
                  }))}
                  categoryKey="source"
                  orientation="horizontal"
                  categoryWidth={220}
                  series={[
                    { key: 'allocated', name: t('overview.allocated'), color: OKABE_ITO.blue },
                    { key: 'spent', name: t('overview.spent'), color: OKABE_ITO.orange },
                  ]}
                  formatValue={compactEuros}
                  height={Math.max(160, budget.bySource.length * 70 + 80)}
                />
              }
              table={
                <Table
                  caption={t('budget.bySourceCaption', { context })}
                  columns={sourceColumns}
                  rows={budget.bySource}
                  getRowKey={(s) => s.key}
                  fileName={`${fileName}-per-bron`}
                />
              }
            />
            <section className="an-section" aria-labelledby="budget-allocations">
              <h2 id="budget-allocations">{t('budget.allocationsTitle')}</h2>
              <Table
                caption={t('budget.allocationsCaption', { context })}
                columns={allocationColumns}
                rows={budget.allocations}
                getRowKey={(a, i) => `${a.sourceKey}-${a.year}-${i}`}
                fileName={`${fileName}-toekenningen`}
              />
            </section>
          </>
        ) : null}
      </QueryState>
    </PageFrame>
  );
}
