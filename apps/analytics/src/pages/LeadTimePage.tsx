import { useQuery } from '@apollo/client/react';
import { AnalyticsLeadTimeDocument, type AnalyticsLeadTimeQuery } from '@werkgezond/graphql-client';
import { OKABE_ITO, Stat, TextField } from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';
import { Chart } from '../components/Chart';
import { ChartSection } from '../components/ChartSection';
import {
  AsOfField,
  FilterGrid,
  FilterPanel,
  ProgrammeSelect,
  YearChoices,
} from '../components/Filters';
import { PageFrame } from '../components/PageFrame';
import { QueryState } from '../components/QueryState';
import { Table, type TableColumn } from '../components/Table';
import { ViewContext } from '../components/ViewContext';
import { useAnalyticsFormat } from '../hooks/useAnalyticsFormat';
import { useViewDescription } from '../hooks/useContextItems';
import { useStageName } from '../hooks/useLabels';
import { useProgrammeChoice } from '../hooks/useProgrammeChoice';
import { leadTimeSpec } from '../url/specs';
import { useSearchState } from '../url/useSearchState';

type Bucket = AnalyticsLeadTimeQuery['decisionLeadTime']['histogram'][number];

/** How long a decision takes: a histogram of lead times and the share within N days. */
export function LeadTimePage() {
  const { t } = useTranslation('analytics');
  const f = useAnalyticsFormat();
  const stageName = useStageName();
  const [state, setState] = useSearchState(leadTimeSpec);
  const choice = useProgrammeChoice(state.programme, setState);
  const { programme } = choice;
  const { data, loading, error, refetch } = useQuery(AnalyticsLeadTimeDocument, {
    skip: !programme,
    variables: {
      programmeKey: programme?.key ?? '',
      asOf: state.asOf,
      years: state.years.length ? state.years : null,
      withinDays: state.within,
      bucketDays: state.bucket,
    },
  });
  const lead = data?.decisionLeadTime;
  const view = useViewDescription({
    programmeName: programme?.name ?? '',
    asOf: state.asOf,
    years: state.years,
  });
  const stageNames = (keys: readonly string[]) =>
    keys
      .map((key) =>
        stageName({
          stage: key,
          label: programme?.stages.find((s) => s.key === key)?.label ?? key,
        }),
      )
      .join(t('leadTime.or'));
  const fileName = `doorlooptijd-${programme?.key ?? ''}-${state.asOf ?? 'alles'}`;
  const columns: TableColumn<Bucket>[] = [
    {
      key: 'range',
      header: t('leadTime.range'),
      cell: (b) => t('leadTime.rangeValue', { from: b.fromDays, to: b.toDays }),
      csv: (b) => `${b.fromDays}-${b.toDays}`,
      rowHeader: true,
    },
    {
      key: 'from',
      header: t('leadTime.fromDays'),
      cell: () => null,
      csv: (b) => b.fromDays,
      csvOnly: true,
    },
    {
      key: 'to',
      header: t('leadTime.toDays'),
      cell: () => null,
      csv: (b) => b.toDays,
      csvOnly: true,
    },
    {
      key: 'count',
      header: t('leadTime.decided'),
      cell: (b) => f.count(b.count),
      csv: (b) => b.count,
      align: 'end',
    },
  ];

  return (
    <PageFrame
      title={t('leadTime.title')}
      description={t('leadTime.description')}
      programmes={choice}
    >
      <FilterPanel label={t('filters.label')}>
        <FilterGrid>
          <ProgrammeSelect
            programmes={choice.programmes}
            value={programme?.key ?? null}
            onChange={(key) => setState({ programme: key, years: [] })}
          />
          <AsOfField value={state.asOf} onChange={(asOf) => setState({ asOf })} />
          <TextField
            type="number"
            name="within"
            label={t('leadTime.within')}
            min={1}
            max={365}
            value={String(state.within)}
            onChange={(event) => {
              const n = Number(event.target.value);
              if (Number.isInteger(n) && n >= 1 && n <= 365) setState({ within: n });
            }}
          />
          <TextField
            type="number"
            name="bucket"
            label={t('leadTime.bucket')}
            min={1}
            max={90}
            value={String(state.bucket)}
            onChange={(event) => {
              const n = Number(event.target.value);
              if (Number.isInteger(n) && n >= 1 && n <= 90) setState({ bucket: n });
            }}
          />
        </FilterGrid>
        <YearChoices
          programme={programme}
          value={state.years}
          onChange={(years) => setState({ years })}
        />
      </FilterPanel>
      <ViewContext items={view.items} />
      <QueryState
        loading={loading}
        error={error}
        hasData={!!lead}
        loadingLabel={t('leadTime.loading')}
        errorTitle={t('leadTime.error')}
        onRetry={() => void refetch()}
        empty={!!lead && lead.decided === 0}
        emptyTitle={t('leadTime.emptyTitle')}
        emptyText={t('leadTime.empty')}
      >
        {lead ? (
          <>
            <p>{t('leadTime.definition', { stages: stageNames(lead.decisionStages) })}</p>
            <div className="an-stats">
              <Stat
                label={t('leadTime.shareWithin', { days: lead.withinDays })}
                value={f.rate(lead.shareWithin)}
              />
              <Stat
                label={t('leadTime.decidedWithin', { days: lead.withinDays })}
                value={`${f.count(lead.decidedWithin)} / ${f.count(lead.decided)}`}
              />
              <Stat label={t('leadTime.median')} value={f.days(lead.medianDays)} />
              <Stat label={t('leadTime.p90')} value={f.days(lead.p90Days)} />
              <Stat label={t('leadTime.mean')} value={f.days(lead.meanDays)} />
              <Stat
                label={t('leadTime.minMax')}
                value={`${f.days(lead.minDays)} – ${f.days(lead.maxDays)}`}
              />
              <Stat label={t('leadTime.pending')} value={f.count(lead.pending)} />
            </div>
            <ChartSection
              title={t('leadTime.histogramTitle')}
              lead={t('leadTime.histogramLead', { days: lead.withinDays })}
              chart={
                <Chart
                  description={t('leadTime.histogramChart', {
                    context: view.sentence,
                    days: lead.withinDays,
                  })}
                  data={lead.histogram.map((b) => ({
                    range: `${b.fromDays}–${b.toDays}`,
                    count: b.count,
                  }))}
                  categoryKey="range"
                  series={[{ key: 'count', name: t('leadTime.decided'), color: OKABE_ITO.blue }]}
                  formatValue={(v) => f.count(v)}
                  height={320}
                />
              }
              table={
                <Table
                  caption={t('leadTime.histogramCaption', { context: view.sentence })}
                  columns={columns}
                  rows={lead.histogram}
                  getRowKey={(b) => String(b.fromDays)}
                  fileName={fileName}
                />
              }
            />
          </>
        ) : null}
      </QueryState>
    </PageFrame>
  );
}
