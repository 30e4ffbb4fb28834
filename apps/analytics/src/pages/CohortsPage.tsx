import { useQuery } from '@apollo/client/react';
import {
  AnalyticsChannelOptionsDocument,
  AnalyticsCohortComparisonDocument,
  type AnalyticsCohortComparisonQuery,
  type CohortComparison_ProportionFragment,
  type FunnelFilterInput,
  type ProgrammeOverview_ProgrammeFragment,
} from '@werkgezond/graphql-client';
import { chartPalette, SelectField, TextField } from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';
import { Chart } from '../components/Chart';
import { ChartSection } from '../components/ChartSection';
import { verdictOf } from '../components/cohorts/verdict';
import {
  AsOfField,
  Choices,
  FilterGrid,
  FilterPanel,
  ProgrammeSelect,
  UnitSelect,
  YearChoices,
} from '../components/Filters';
import { intervalOf } from '../components/funnel/FunnelDetails';
import { PageFrame } from '../components/PageFrame';
import { QueryState } from '../components/QueryState';
import { Table, type TableColumn } from '../components/Table';
import { ViewContext } from '../components/ViewContext';
import { useAnalyticsFormat } from '../hooks/useAnalyticsFormat';
import { useViewDescription } from '../hooks/useContextItems';
import { useStageName } from '../hooks/useLabels';
import { useProgrammeChoice } from '../hooks/useProgrammeChoice';
import {
  COHORT_DIMENSIONS,
  type CohortDimension,
  cohortSpec,
  PROVINCES,
  REGISTRATION_TYPES,
  SIZE_CLASSES,
} from '../url/specs';
import { useSearchState } from '../url/useSearchState';

type Comparison = AnalyticsCohortComparisonQuery['cohortComparison'];
type Cohort = Comparison['cohorts'][number];

interface CohortOption {
  value: string;
  label: string;
  filter: FunnelFilterInput;
}

/** The values of a dimension, each a possible cohort with the filter that selects it. */
function useCohortOptions(
  dimension: CohortDimension,
  programme: ProgrammeOverview_ProgrammeFragment | null,
): CohortOption[] {
  const { t } = useTranslation('analytics');
  const channels = useQuery(AnalyticsChannelOptionsDocument, { skip: dimension !== 'CHANNEL' });
  switch (dimension) {
    case 'EDITION':
      return (programme?.editions ?? [])
        .map((e) => e.year)
        .sort((a, b) => a - b)
        .map((year) => ({
          value: String(year),
          label: String(year),
          filter: { editions: [year] },
        }));
    case 'SIZE_CLASS':
      return SIZE_CLASSES.map((s) => ({
        value: s,
        label: t(`sizeClasses.${s}`),
        filter: { sizeClasses: [s] },
      }));
    case 'REGISTRATION_TYPE':
      return REGISTRATION_TYPES.map((s) => ({
        value: s,
        label: t(`registrationTypes.${s}`),
        filter: { registrationTypes: [s] },
      }));
    case 'HAS_PREVENTION_COMMITTEE':
      return [true, false].map((b) => ({
        value: String(b),
        label: t(`committee.${b}`),
        filter: { hasPreventionCommittee: [b] },
      }));
    case 'CHANNEL':
      return (channels.data?.outreachChannels ?? []).map((c) => ({
        value: c.key,
        label: c.name,
        filter: { channels: [c.key] },
      }));
    case 'PROVINCE':
      return PROVINCES.map((p) => ({ value: p, label: p, filter: { provinces: [p] } }));
  }
}

/** Compare editions or segments against a baseline, step by step, with a p-value and a verdict. */
export function CohortsPage() {
  const { t } = useTranslation('analytics');
  const [state, setState] = useSearchState(cohortSpec);
  const choice = useProgrammeChoice(state.programme, setState);
  const { programme } = choice;
  const options = useCohortOptions(state.compare, programme);
  const chosen = (state.cohorts.length ? state.cohorts : options.map((o) => o.value))
    .map((value) => options.find((o) => o.value === value))
    .filter((o): o is CohortOption => !!o);
  const baseline = chosen.find((o) => o.value === state.baseline) ?? chosen[0];
  const ready = !!programme && chosen.length >= 2 && !!baseline;
  const { data, loading, error, refetch } = useQuery(AnalyticsCohortComparisonDocument, {
    skip: !ready,
    variables: {
      input: {
        programmeKey: programme?.key ?? '',
        cohorts: chosen.map((o) => ({ label: o.label, filter: o.filter })),
        baseline: baseline?.label ?? null,
        asOf: state.asOf,
        unit: state.unit,
        years: state.years.length && state.compare !== 'EDITION' ? state.years : null,
        minGroupSize: state.minGroup,
      },
    },
  });
  const comparison = data?.cohortComparison;
  const view = useViewDescription({
    programmeName: programme?.name ?? '',
    asOf: state.asOf,
    unit: state.unit,
    ...(state.compare !== 'EDITION' ? { years: state.years } : {}),
  });
  const compareName = t(`dimensions.${state.compare}`);
  const context = `${view.sentence}, ${t('cohorts.contextCompare', { dimension: compareName, baseline: baseline?.label ?? '' })}`;
  const fileName = `cohorten-${programme?.key ?? ''}-${state.compare.toLowerCase()}`;

  return (
    <PageFrame
      title={t('cohorts.title')}
      description={t('cohorts.description')}
      programmes={choice}
    >
      <FilterPanel label={t('filters.label')}>
        <FilterGrid>
          <ProgrammeSelect
            programmes={choice.programmes}
            value={programme?.key ?? null}
            onChange={(key) => setState({ programme: key, cohorts: [], baseline: null, years: [] })}
          />
          <SelectField
            label={t('cohorts.compare')}
            name="compare"
            value={state.compare}
            options={COHORT_DIMENSIONS.map((d) => ({ value: d, label: t(`dimensions.${d}`) }))}
            onChange={(event) =>
              setState({
                compare: event.target.value as CohortDimension,
                cohorts: [],
                baseline: null,
              })
            }
          />
          <SelectField
            label={t('cohorts.baseline')}
            name="baseline"
            value={baseline?.value ?? ''}
            options={chosen.map((o) => ({ value: o.value, label: o.label }))}
            onChange={(event) => setState({ baseline: event.target.value })}
          />
          <AsOfField value={state.asOf} onChange={(asOf) => setState({ asOf })} />
          <UnitSelect value={state.unit} onChange={(unit) => setState({ unit })} />
          <TextField
            type="number"
            name="minGroup"
            label={t('cohorts.minGroup')}
            hint={t('cohorts.minGroupHint')}
            min={1}
            max={1000}
            value={String(state.minGroup)}
            onChange={(event) => {
              const n = Number(event.target.value);
              if (Number.isInteger(n) && n >= 1 && n <= 1000) setState({ minGroup: n });
            }}
          />
        </FilterGrid>
        <Choices
          legend={t('cohorts.cohorts', { dimension: compareName })}
          hint={t('cohorts.cohortsHint')}
          name="cohorts"
          options={options.map((o) => ({ value: o.value, label: o.label }))}
          value={chosen.map((o) => o.value)}
          onChange={(values) =>
            setState({ cohorts: options.map((o) => o.value).filter((v) => values.includes(v)) })
          }
        />
        {state.compare !== 'EDITION' ? (
          <YearChoices
            programme={programme}
            value={state.years}
            onChange={(years) => setState({ years })}
          />
        ) : null}
      </FilterPanel>
      <ViewContext
        items={[
          ...view.items,
          { label: t('cohorts.compare'), value: compareName },
          { label: t('cohorts.baseline'), value: baseline?.label ?? '–' },
        ]}
      />
      {!ready && choice.loaded ? (
        <p role="status">{t('cohorts.pickTwo')}</p>
      ) : (
        <QueryState
          loading={loading}
          error={error}
          hasData={!!comparison}
          loadingLabel={t('cohorts.loading')}
          errorTitle={t('cohorts.error')}
          onRetry={() => void refetch()}
        >
          {comparison ? (
            <CohortResults comparison={comparison} context={context} fileName={fileName} />
          ) : null}
        </QueryState>
      )}
    </PageFrame>
  );
}

/** Verdicts, rates per cohort and the test table of one comparison. */
function CohortResults({
  comparison,
  context,
  fileName,
}: {
  comparison: Comparison;
  context: string;
  fileName: string;
}) {
  const { t } = useTranslation('analytics');
  const f = useAnalyticsFormat();
  const stageName = useStageName();
  const base = comparison.cohorts.find((c) => c.isBaseline) ?? comparison.cohorts[0];
  const others = comparison.cohorts.filter((c) => !c.isBaseline);
  const steps = base?.steps ?? [];
  const later = steps.slice(1);
  const small = comparison.cohorts.filter((c) => c.units < comparison.minGroupSize);
  const verdictText = (cohort: Cohort, stepIndex: number) => {
    const step = cohort.steps[stepIndex];
    const cmp = cohort.comparisons?.[stepIndex]?.fromFirst;
    const args = {
      cohort: cohort.label,
      baseline: base?.label ?? '',
      step: step ? stageName(step) : '',
      cohortRate: f.percent(cmp?.cohortRate),
      baselineRate: f.percent(cmp?.baselineRate),
      difference: f.points(cmp?.difference),
      p: f.pValue(cmp?.pValue),
      min: comparison.minGroupSize,
    };
    return t(`cohorts.verdict.${verdictOf(cmp)}`, args);
  };
  type VerdictRow = {
    key: string;
    cohort: Cohort;
    stepIndex: number;
    measure: 'fromFirst' | 'fromPrevious';
    cmp: CohortComparison_ProportionFragment | null | undefined;
  };
  const verdictRows: VerdictRow[] = others.flatMap((cohort) =>
    later.flatMap((_, i) =>
      (['fromFirst', 'fromPrevious'] as const)
        .filter((measure) => measure === 'fromFirst' || i > 0)
        .map((measure) => ({
          key: `${cohort.label}-${i}-${measure}`,
          cohort,
          stepIndex: i + 1,
          measure,
          cmp: cohort.comparisons?.[i + 1]?.[measure],
        })),
    ),
  );
  const comparisonColumns: TableColumn<VerdictRow>[] = [
    {
      key: 'cohort',
      header: t('cohorts.cohort'),
      cell: (r) => r.cohort.label,
      csv: (r) => r.cohort.label,
      rowHeader: true,
    },
    {
      key: 'step',
      header: t('funnel.step'),
      cell: (r) => {
        const step = r.cohort.steps[r.stepIndex];
        return step ? stageName(step) : '';
      },
      csv: (r) => r.cohort.steps[r.stepIndex]?.stage,
    },
    {
      key: 'measure',
      header: t('cohorts.measure'),
      cell: (r) => t(`funnel.${r.measure}`),
      csv: (r) => r.measure,
    },
    {
      key: 'baseline',
      header: t('cohorts.baselineRate'),
      cell: (r) => f.percent(r.cmp?.baselineRate),
      csv: (r) => r.cmp?.baselineRate,
      align: 'end',
    },
    {
      key: 'rate',
      header: t('cohorts.cohortRate'),
      cell: (r) => f.percent(r.cmp?.cohortRate),
      csv: (r) => r.cmp?.cohortRate,
      align: 'end',
    },
    {
      key: 'difference',
      header: t('cohorts.difference'),
      cell: (r) => f.points(r.cmp?.difference),
      csv: (r) => r.cmp?.difference,
      align: 'end',
    },
    {
      key: 'p',
      header: t('cohorts.pValue'),
      cell: (r) => <span className="an-pvalue">{f.pValue(r.cmp?.pValue)}</span>,
      csv: (r) => r.cmp?.pValue,
      align: 'end',
    },
    {
      key: 'test',
      header: t('cohorts.test'),
      cell: (r) => (r.cmp ? t(`cohorts.tests.${r.cmp.test}`) : '–'),
      csv: (r) => r.cmp?.test,
    },
    {
      key: 'verdict',
      header: t('cohorts.verdictHeader'),
      cell: (r) => {
        const v = verdictOf(r.cmp);
        return (
          <span
            className={`an-badge an-badge--${v === 'tooSmall' ? 'warn' : v === 'significant' ? 'differs' : 'none'}`}
          >
            {t(`cohorts.short.${v}`)}
          </span>
        );
      },
      csv: (r) => verdictOf(r.cmp),
    },
  ];
  type RateRow = { key: string; cohort: Cohort };
  const rateRows: RateRow[] = comparison.cohorts.map((c) => ({ key: c.label, cohort: c }));
  const rateColumns: TableColumn<RateRow>[] = [
    {
      key: 'cohort',
      header: t('cohorts.cohort'),
      cell: (r) =>
        r.cohort.isBaseline ? t('cohorts.baselineMark', { label: r.cohort.label }) : r.cohort.label,
      csv: (r) => r.cohort.label,
      rowHeader: true,
    },
    {
      key: 'units',
      header: t('funnel.units'),
      cell: (r) => f.count(r.cohort.units),
      csv: (r) => r.cohort.units,
      align: 'end',
    },
    ...steps.flatMap((step, i) => [
      {
        key: `count-${step.stage}`,
        header: stageName(step),
        cell: (r: RateRow) => f.count(r.cohort.steps[i]?.count),
        csv: (r: RateRow) => r.cohort.steps[i]?.count,
        align: 'end' as const,
      },
      ...(i === 0
        ? []
        : [
            {
              key: `rate-${step.stage}`,
              header: t('funnel.percentOfFirst', { step: stageName(step) }),
              cell: (r: RateRow) => f.rate(r.cohort.steps[i]?.fromFirst),
              csv: (r: RateRow) => r.cohort.steps[i]?.fromFirst.value,
              align: 'end' as const,
            },
          ]),
    ]),
  ];
  const chartData = later.map((step, j) => {
    const row: Record<string, unknown> = { step: stageName(step) };
    comparison.cohorts.forEach((c, k) => {
      row[`c${k}`] = c.steps[j + 1]?.fromFirst.value ?? null;
      row[`e${k}`] = intervalOf(c.steps[j + 1]?.fromFirst);
    });
    return row;
  });
  return (
    <>
      {small.length > 0 ? (
        <p className="an-badge an-badge--warn" role="note">
          {t('cohorts.smallGroups', {
            groups: small.map((c) => `${c.label} (${f.count(c.units)})`).join(', '),
            min: comparison.minGroupSize,
          })}
        </p>
      ) : null}
      <section className="an-section" aria-labelledby="cohort-verdicts">
        <h2 id="cohort-verdicts">{t('cohorts.verdictsTitle')}</h2>
        <p className="an-lead">{t('cohorts.verdictsLead')}</p>
        <ul className="an-verdicts">
          {others.flatMap((cohort) =>
            later.map((step, i) => {
              const cmp = cohort.comparisons?.[i + 1]?.fromFirst;
              const v = verdictOf(cmp);
              return (
                <li
                  key={`${cohort.label}-${step.stage}`}
                  className={`an-verdict${v === 'tooSmall' ? ' an-verdict--too-small' : v === 'significant' ? ' an-verdict--significant' : ''}`}
                >
                  <h3>
                    {t('cohorts.verdictHeading', {
                      cohort: cohort.label,
                      baseline: base?.label ?? '',
                      step: stageName(step),
                    })}
                  </h3>
                  <p>{verdictText(cohort, i + 1)}</p>
                  {cmp ? (
                    <p className="an-small an-muted">
                      <span className="an-pvalue">{f.pValue(cmp.pValue)}</span> ·{' '}
                      {t(`cohorts.tests.${cmp.test}`)} · {t('cohorts.difference')}:{' '}
                      {f.points(cmp.difference)}
                    </p>
                  ) : null}
                </li>
              );
            }),
          )}
        </ul>
      </section>
      <ChartSection
        title={t('cohorts.ratesTitle')}
        lead={t('cohorts.ratesLead')}
        stacked
        chart={
          <Chart
            description={t('cohorts.ratesChart', { context })}
            data={chartData}
            categoryKey="step"
            domain={[0, 1]}
            series={comparison.cohorts.map((c, k) => ({
              key: `c${k}`,
              name: c.isBaseline ? t('cohorts.baselineMark', { label: c.label }) : c.label,
              color: chartPalette[k % chartPalette.length],
              errorKey: `e${k}`,
            }))}
            formatValue={(v) => f.percent(v, 0)}
          />
        }
        table={
          <Table
            caption={t('cohorts.ratesCaption', { context })}
            columns={rateColumns}
            rows={rateRows}
            getRowKey={(r) => r.key}
            fileName={`${fileName}-aandelen`}
          />
        }
      />
      <section className="an-section" aria-labelledby="cohort-tests">
        <h2 id="cohort-tests">{t('cohorts.testsTitle')}</h2>
        <p className="an-lead">{t('cohorts.testsLead', { min: comparison.minGroupSize })}</p>
        <Table
          caption={t('cohorts.testsCaption', { context })}
          columns={comparisonColumns}
          rows={verdictRows}
          getRowKey={(r) => r.key}
          fileName={`${fileName}-toetsen`}
        />
      </section>
    </>
  );
}
