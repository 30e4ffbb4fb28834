import { useQuery } from '@apollo/client/react';
import {
  AnalyticsReAimDocument,
  type AnalyticsReAimQuery,
  type ReAimDimension,
} from '@werkgezond/graphql-client';
import { Card, OKABE_ITO, SelectField, Stat } from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';
import { Chart } from '../components/Chart';
import { FilterGrid, FilterPanel, ProgrammeSelect } from '../components/Filters';
import { PageFrame } from '../components/PageFrame';
import { QueryState } from '../components/QueryState';
import { Table, type TableColumn } from '../components/Table';
import { ViewContext } from '../components/ViewContext';
import { useAnalyticsFormat } from '../hooks/useAnalyticsFormat';
import { useProgrammeChoice } from '../hooks/useProgrammeChoice';
import { reAimSpec } from '../url/specs';
import { useSearchState } from '../url/useSearchState';

type Measure = AnalyticsReAimQuery['reAim']['measures'][number];
type Cohort = AnalyticsReAimQuery['reAim']['scanChangeByCohort'][number];

const DIMENSION_ORDER: readonly ReAimDimension[] = [
  'REACH',
  'EFFECTIVENESS',
  'ADOPTION',
  'IMPLEMENTATION',
  'MAINTENANCE',
];

/** A share (numerator / denominator) rather than a score: shown as a percentage. */
const isShare = (m: Measure) => m.numerator != null && m.denominator != null;

/** The RE-AIM evaluation: the five dimensions with definitions, numerators and denominators. */
export function ReAimPage() {
  const { t, i18n } = useTranslation('analytics');
  const f = useAnalyticsFormat();
  const [state, setState] = useSearchState(reAimSpec);
  const choice = useProgrammeChoice(state.programme, setState);
  const { programme } = choice;
  const { data, loading, error, refetch } = useQuery(AnalyticsReAimDocument, {
    skip: !programme,
    variables: { programmeKey: programme?.key ?? '', year: state.year },
  });
  const reAim = data?.reAim;
  const years = (programme?.editions ?? []).map((e) => e.year).sort((a, b) => a - b);
  const period = state.year ? String(state.year) : t('reAim.allEditions');
  const context = `${programme?.name ?? ''}, ${period}`;
  const fileName = `re-aim-${programme?.key ?? ''}-${state.year ?? 'alles'}`;
  // The API defines each measure in English; the Dutch wording of the known measures is ours.
  const definition = (m: Measure) =>
    i18n.language === 'nl-BE'
      ? t(`reAim.measures.${m.key}`, { defaultValue: m.definition })
      : m.definition;
  const value = (m: Measure) =>
    !m.available || m.value == null
      ? t('reAim.notAvailable')
      : isShare(m)
        ? f.percent(m.value)
        : f.number(m.value, { maximumFractionDigits: 2 });
  const num = (v: number | null | undefined) =>
    v == null ? '–' : f.number(v, { maximumFractionDigits: 2 });
  const columns: TableColumn<Measure>[] = [
    {
      key: 'definition',
      header: t('reAim.measure'),
      cell: definition,
      csv: (m) => m.definition,
      rowHeader: true,
    },
    { key: 'key', header: t('channels.code'), cell: () => null, csv: (m) => m.key, csvOnly: true },
    {
      key: 'dimension',
      header: t('reAim.dimension'),
      cell: () => null,
      csv: (m) => m.dimension,
      csvOnly: true,
    },
    {
      key: 'numerator',
      header: t('reAim.numerator'),
      cell: (m) => f.count(m.numerator),
      csv: (m) => m.numerator,
      align: 'end',
    },
    {
      key: 'denominator',
      header: t('reAim.denominator'),
      cell: (m) => f.count(m.denominator),
      csv: (m) => m.denominator,
      align: 'end',
    },
    { key: 'value', header: t('reAim.value'), cell: value, csv: (m) => m.value, align: 'end' },
    {
      key: 'interval',
      header: t('reAim.interval'),
      cell: (m) => (m.lower == null || m.upper == null ? '' : `${num(m.lower)} – ${num(m.upper)}`),
      csv: (m) => (m.lower == null || m.upper == null ? null : `${m.lower};${m.upper}`),
      align: 'end',
    },
    {
      key: 'note',
      header: t('reAim.note'),
      cell: (m) =>
        m.available ? (
          (m.note ?? '')
        ) : (
          <span className="an-badge an-badge--warn">{m.note ?? t('reAim.notAvailable')}</span>
        ),
      csv: (m) => (m.available ? m.note : `not available: ${m.note ?? ''}`),
    },
  ];
  const shares = (reAim?.measures ?? []).filter(
    (m) => m.available && isShare(m) && m.value != null,
  );

  return (
    <PageFrame title={t('reAim.title')} description={t('reAim.description')} programmes={choice}>
      <FilterPanel label={t('filters.label')}>
        <FilterGrid>
          <ProgrammeSelect
            programmes={choice.programmes}
            value={programme?.key ?? null}
            onChange={(key) => setState({ programme: key, year: null })}
          />
          <SelectField
            label={t('reAim.year')}
            name="year"
            value={state.year == null ? '' : String(state.year)}
            placeholder={t('reAim.allEditions')}
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
          { label: t('reAim.year'), value: period },
        ]}
      />
      <QueryState
        loading={loading}
        error={error}
        hasData={!!reAim}
        loadingLabel={t('reAim.loading')}
        errorTitle={t('reAim.error')}
        onRetry={() => void refetch()}
        empty={!!reAim && reAim.measures.length === 0}
      >
        {reAim ? (
          <>
            {reAim.coachingCapacity ? (
              <div className="an-stats">
                <Stat label={t('reAim.coaches')} value={f.count(reAim.coachingCapacity.coaches)} />
                <Stat
                  label={t('reAim.coachesWithApplications')}
                  value={f.count(reAim.coachingCapacity.coachesWithApplications)}
                />
                <Stat
                  label={t('reAim.serviceProviders')}
                  value={f.count(reAim.coachingCapacity.serviceProviders)}
                />
              </div>
            ) : null}
            <section className="an-section" aria-labelledby="re-aim-overview">
              <h2 id="re-aim-overview">{t('reAim.chartTitle')}</h2>
              <p className="an-lead">{t('reAim.chartLead')}</p>
              <div className="an-stacked">
                <Chart
                  description={t('reAim.chart', { context })}
                  data={shares.map((m) => ({
                    measure: `${t(`reAim.dimensions.${m.dimension}.name`)}: ${t(`reAim.short.${m.key}`, { defaultValue: m.key })}`,
                    value: m.value,
                  }))}
                  categoryKey="measure"
                  orientation="horizontal"
                  categoryWidth={300}
                  domain={[0, 1]}
                  series={[{ key: 'value', name: t('reAim.value'), color: OKABE_ITO.bluishGreen }]}
                  formatValue={(v) => f.percent(v, 0)}
                  height={Math.max(200, shares.length * 36 + 60)}
                />
                <Table
                  caption={t('reAim.allCaption', { context })}
                  columns={[
                    {
                      key: 'dim',
                      header: t('reAim.dimension'),
                      cell: (m: Measure) => t(`reAim.dimensions.${m.dimension}.name`),
                      csv: (m: Measure) => m.dimension,
                    },
                    ...columns,
                  ]}
                  rows={[...reAim.measures].sort(
                    (a, b) =>
                      DIMENSION_ORDER.indexOf(a.dimension) - DIMENSION_ORDER.indexOf(b.dimension),
                  )}
                  getRowKey={(m) => m.key}
                  fileName={fileName}
                />
              </div>
            </section>
            <section className="an-section" aria-labelledby="re-aim-scan">
              <h2 id="re-aim-scan">{t('reAim.scanTitle')}</h2>
              <p className="an-lead">{t('reAim.scanLead')}</p>
              <Table
                caption={t('reAim.scanCaption', { context })}
                columns={[
                  {
                    key: 'year',
                    header: t('reAim.cohort'),
                    cell: (c: Cohort) => String(c.year),
                    csv: (c: Cohort) => c.year,
                    rowHeader: true,
                  },
                  {
                    key: 'pairs',
                    header: t('reAim.pairs'),
                    cell: (c: Cohort) => f.count(c.pairs),
                    csv: (c: Cohort) => c.pairs,
                    align: 'end',
                  },
                  {
                    key: 'before',
                    header: t('reAim.meanBefore'),
                    cell: (c: Cohort) => num(c.meanBefore),
                    csv: (c: Cohort) => c.meanBefore,
                    align: 'end',
                  },
                  {
                    key: 'after',
                    header: t('reAim.meanAfter'),
                    cell: (c: Cohort) => num(c.meanAfter),
                    csv: (c: Cohort) => c.meanAfter,
                    align: 'end',
                  },
                  {
                    key: 'change',
                    header: t('reAim.meanChange'),
                    cell: (c: Cohort) => num(c.meanChange),
                    csv: (c: Cohort) => c.meanChange,
                    align: 'end',
                  },
                  {
                    key: 'interval',
                    header: t('reAim.interval'),
                    cell: (c: Cohort) =>
                      c.lower == null || c.upper == null
                        ? '–'
                        : `${num(c.lower)} – ${num(c.upper)}`,
                    csv: (c: Cohort) => (c.lower == null ? null : `${c.lower};${c.upper}`),
                    align: 'end',
                  },
                ]}
                rows={reAim.scanChangeByCohort}
                getRowKey={(c) => String(c.year)}
                fileName={`${fileName}-scan`}
                emptyMessage={t('reAim.noScanPairs')}
              />
            </section>
            <div className="an-measures">
              {DIMENSION_ORDER.map((dimension) => {
                const measures = reAim.measures.filter((m) => m.dimension === dimension);
                return (
                  <Card key={dimension} title={t(`reAim.dimensions.${dimension}.name`)} asSection>
                    <p>{t(`reAim.dimensions.${dimension}.definition`)}</p>
                    <Table
                      caption={t('reAim.dimensionCaption', {
                        dimension: t(`reAim.dimensions.${dimension}.name`),
                        context,
                      })}
                      columns={columns.filter((c) => c.key !== 'dimension')}
                      rows={measures}
                      getRowKey={(m) => m.key}
                      fileName={`${fileName}-${dimension.toLowerCase()}`}
                      emptyMessage={t('reAim.noMeasures')}
                    />
                  </Card>
                );
              })}
            </div>
          </>
        ) : null}
      </QueryState>
    </PageFrame>
  );
}
