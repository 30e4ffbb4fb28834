import { useQuery } from '@apollo/client/react';
import { AnalyticsChannelsDocument, type AnalyticsChannelsQuery } from '@werkgezond/graphql-client';
import { chartPalette, OKABE_ITO } from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';
import { Chart } from '../components/Chart';
import { ChartSection } from '../components/ChartSection';
import {
  AsOfField,
  FilterGrid,
  FilterPanel,
  ProgrammeSelect,
  UnitSelect,
  YearChoices,
} from '../components/Filters';
import { PageFrame } from '../components/PageFrame';
import { QueryState } from '../components/QueryState';
import { Table, type TableColumn } from '../components/Table';
import { ViewContext } from '../components/ViewContext';
import { useAnalyticsFormat } from '../hooks/useAnalyticsFormat';
import { useViewDescription } from '../hooks/useContextItems';
import { useGroupLabel, useStageName } from '../hooks/useLabels';
import { useProgrammeChoice } from '../hooks/useProgrammeChoice';
import { channelSpec } from '../url/specs';
import { useSearchState } from '../url/useSearchState';

type Performance = AnalyticsChannelsQuery['channelPerformance'];
type Channel = Performance['channels'][number];
type Trend = AnalyticsChannelsQuery['channelTrend'];

const DAY = 86_400_000;
const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);

/** Which outreach worked and what it cost: channels (first touch), campaigns over time. */
export function ChannelsPage() {
  const { t } = useTranslation('analytics');
  const [state, setState] = useSearchState(channelSpec);
  const choice = useProgrammeChoice(state.programme, setState);
  const { programme } = choice;
  const years = state.years.length ? state.years : null;
  const { data, loading, error, refetch } = useQuery(AnalyticsChannelsDocument, {
    skip: !programme,
    variables: {
      input: { programmeKey: programme?.key ?? '', asOf: state.asOf, unit: state.unit, years },
      trend: {
        programmeKey: programme?.key ?? '',
        asOf: state.asOf,
        unit: state.unit,
        years,
        breakdownBy: ['CHANNEL', 'EDITION'],
      },
    },
  });
  const view = useViewDescription({
    programmeName: programme?.name ?? '',
    asOf: state.asOf,
    unit: state.unit,
    years: state.years,
  });
  const fileName = `kanalen-${programme?.key ?? ''}-${state.asOf ?? 'alles'}`;
  const performance = data?.channelPerformance;
  return (
    <PageFrame
      title={t('channels.title')}
      description={t('channels.description')}
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
          <UnitSelect value={state.unit} onChange={(unit) => setState({ unit })} />
        </FilterGrid>
        <YearChoices
          programme={programme}
          value={state.years}
          onChange={(y) => setState({ years: y })}
        />
      </FilterPanel>
      <ViewContext
        items={[
          ...view.items,
          { label: t('channels.attribution'), value: t('channels.firstTouch') },
        ]}
      />
      <QueryState
        loading={loading}
        error={error}
        hasData={!!performance}
        loadingLabel={t('channels.loading')}
        errorTitle={t('channels.error')}
        onRetry={() => void refetch()}
        empty={!!performance && performance.totalApplications === 0}
      >
        {performance && data ? (
          <>
            <ChannelPerformanceSection
              performance={performance}
              context={view.sentence}
              fileName={fileName}
            />
            <ChannelCostSection
              channels={performance.channels}
              context={view.sentence}
              fileName={fileName}
            />
            <ChannelTrendSection
              trend={data.channelTrend}
              context={view.sentence}
              fileName={fileName}
            />
            <CampaignSection
              channels={performance.channels}
              context={view.sentence}
              fileName={fileName}
            />
          </>
        ) : null}
      </QueryState>
    </PageFrame>
  );
}

interface Props {
  context: string;
  fileName: string;
}

function ChannelPerformanceSection({
  performance,
  context,
  fileName,
}: Props & { performance: Performance }) {
  const { t } = useTranslation('analytics');
  const f = useAnalyticsFormat();
  const stageName = useStageName();
  const steps = performance.channels[0]?.steps ?? [];
  const last = steps.length - 1;
  const columns: TableColumn<Channel>[] = [
    {
      key: 'rank',
      header: t('channels.rank'),
      cell: (c) => f.count(c.rank),
      csv: (c) => c.rank,
      align: 'end',
    },
    {
      key: 'name',
      header: t('channels.channel'),
      cell: (c) => c.name,
      csv: (c) => c.name,
      rowHeader: true,
    },
    {
      key: 'key',
      header: t('channels.code'),
      cell: () => null,
      csv: (c) => c.key ?? '',
      csvOnly: true,
    },
    {
      key: 'share',
      header: t('channels.share'),
      cell: (c) => f.rate(c.share),
      csv: (c) => c.share.value,
      align: 'end',
    },
    ...steps.map((step, i) => ({
      key: `count-${step.stage}`,
      header: stageName(step),
      cell: (c: Channel) => f.count(c.steps[i]?.count),
      csv: (c: Channel) => c.steps[i]?.count,
      align: 'end' as const,
    })),
    {
      key: 'conversion',
      header: t('funnel.percentOfFirst', { step: steps[last] ? stageName(steps[last]) : '' }),
      cell: (c) => f.rate(c.steps[last]?.fromFirst),
      csv: (c) => c.steps[last]?.fromFirst.value,
      align: 'end',
    },
  ];
  const shown = performance.channels.filter((c) => c.applications > 0);
  return (
    <ChartSection
      title={t('channels.performanceTitle')}
      lead={t('channels.performanceLead', { total: f.count(performance.totalApplications) })}
      stacked
      chart={
        <Chart
          description={t('channels.performanceChart', { context })}
          data={shown.map((c) => ({
            channel: c.name,
            applications: c.applications,
            label: `${f.count(c.applications)} (${f.percent(c.share.value)})`,
          }))}
          categoryKey="channel"
          orientation="horizontal"
          categoryWidth={260}
          labelRoom={90}
          series={[
            {
              key: 'applications',
              name: stageName(steps[0] ?? { stage: '', label: '' }),
              color: OKABE_ITO.blue,
              labelKey: 'label',
            },
          ]}
          formatValue={(v) => f.count(v)}
          height={Math.max(200, shown.length * 36 + 60)}
        />
      }
      table={
        <Table
          caption={t('channels.performanceCaption', { context })}
          columns={columns}
          rows={performance.channels}
          getRowKey={(c) => c.key ?? 'none'}
          fileName={fileName}
        />
      }
    />
  );
}

function ChannelCostSection({
  channels,
  context,
  fileName,
}: Props & { channels: readonly Channel[] }) {
  const { t } = useTranslation('analytics');
  const f = useAnalyticsFormat();
  const stageName = useStageName();
  const paid = channels.filter((c) => c.costCents > 0);
  const steps = channels[0]?.steps ?? [];
  const columns: TableColumn<Channel>[] = [
    {
      key: 'name',
      header: t('channels.channel'),
      cell: (c) => c.name,
      csv: (c) => c.name,
      rowHeader: true,
    },
    {
      key: 'cost',
      header: t('channels.cost'),
      cell: (c) => f.money(c.costCents, { wholeEuros: true }),
      csv: (c) => c.costCents / 100,
      align: 'end',
    },
    ...steps.map((step, i) => ({
      key: `cpu-${step.stage}`,
      header: t('channels.costPer', { step: stageName(step) }),
      cell: (c: Channel) => {
        const cents = c.steps[i]?.costPerUnitCents;
        return cents == null ? '–' : f.money(cents, { wholeEuros: true });
      },
      csv: (c: Channel) => {
        const cents = c.steps[i]?.costPerUnitCents;
        return cents == null ? null : cents / 100;
      },
      align: 'end' as const,
    })),
  ];
  const euros = (cents: number) =>
    f.number(cents / 100, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  return (
    <ChartSection
      title={t('channels.costTitle')}
      lead={t('channels.costLead')}
      stacked
      chart={
        paid.length > 0 ? (
          <Chart
            description={t('channels.costChart', { context })}
            data={paid.map((c) => ({
              channel: c.name,
              ...Object.fromEntries(
                steps.map((s, i) => [s.stage, c.steps[i]?.costPerUnitCents ?? null]),
              ),
            }))}
            categoryKey="channel"
            series={steps.map((s, i) => ({
              key: s.stage,
              name: t('channels.costPer', { step: stageName(s) }),
              color: chartPalette[i % chartPalette.length],
            }))}
            formatValue={euros}
            orientation="horizontal"
            categoryWidth={200}
            height={Math.max(200, paid.length * (steps.length * 14 + 24) + 80)}
          />
        ) : (
          <p>{t('channels.noCost')}</p>
        )
      }
      table={
        <Table
          caption={t('channels.costCaption', { context })}
          columns={columns}
          rows={paid}
          getRowKey={(c) => c.key ?? 'none'}
          fileName={`${fileName}-kosten`}
          emptyMessage={t('channels.noCost')}
        />
      }
    />
  );
}

/** Applications per channel and edition (the API's funnel broken down by channel × edition). */
function ChannelTrendSection({ trend, context, fileName }: Props & { trend: Trend }) {
  const { t } = useTranslation('analytics');
  const f = useAnalyticsFormat();
  const groupLabel = useGroupLabel();
  const editions = [...new Set(trend.groups.map((g) => g.key[1]?.key ?? ''))]
    .filter(Boolean)
    .sort();
  const channelKeys = [...new Set(trend.groups.map((g) => g.key[0]?.key ?? null))];
  const rows = channelKeys.map((key) => {
    const groups = trend.groups.filter((g) => (g.key[0]?.key ?? null) === key);
    const first = groups[0]?.key[0];
    const counts = Object.fromEntries(
      editions.map((year) => [
        year,
        groups.find((g) => g.key[1]?.key === year)?.steps[0]?.count ?? 0,
      ]),
    );
    return { key: key ?? 'none', channel: first ? groupLabel(first) : t('unknown'), counts };
  });
  const shown = rows.filter((r) => Object.values(r.counts).some((n) => n > 0));
  type Row = (typeof rows)[number];
  const columns: TableColumn<Row>[] = [
    {
      key: 'channel',
      header: t('channels.channel'),
      cell: (r) => r.channel,
      csv: (r) => r.channel,
      rowHeader: true,
    },
    ...editions.map((year) => ({
      key: year,
      header: year,
      cell: (r: Row) => f.count(r.counts[year]),
      csv: (r: Row) => r.counts[year],
      align: 'end' as const,
    })),
  ];
  return (
    <ChartSection
      title={t('channels.trendTitle')}
      lead={t('channels.trendLead')}
      stacked
      chart={
        <Chart
          description={t('channels.trendChart', { context })}
          data={shown.map((r) => ({ channel: r.channel, ...r.counts }))}
          categoryKey="channel"
          orientation="horizontal"
          categoryWidth={260}
          series={editions.map((year, i) => ({
            key: year,
            name: year,
            color: chartPalette[i % chartPalette.length],
          }))}
          formatValue={(v) => f.count(v)}
          height={Math.max(220, shown.length * (editions.length * 12 + 14) + 80)}
        />
      }
      table={
        <Table
          caption={t('channels.trendCaption', { context })}
          columns={columns}
          rows={shown}
          getRowKey={(r) => r.key}
          fileName={`${fileName}-per-editie`}
        />
      }
    />
  );
}

/** The paid campaigns on a time line, with their cost. */
function CampaignSection({
  channels,
  context,
  fileName,
}: Props & { channels: readonly Channel[] }) {
  const { t } = useTranslation('analytics');
  const f = useAnalyticsFormat();
  const campaigns = channels
    .flatMap((c) =>
      c.campaigns.map((campaign) => ({
        ...campaign,
        channel: c.name,
        applications: c.applications,
      })),
    )
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  type Row = (typeof campaigns)[number];
  const starts = campaigns.map((c) => dayNumber(c.startsOn));
  const ends = campaigns.map((c) => dayNumber(c.endsOn));
  const min = Math.min(...starts);
  const max = Math.max(...ends);
  const columns: TableColumn<Row>[] = [
    {
      key: 'name',
      header: t('channels.campaign'),
      cell: (c) => c.name,
      csv: (c) => c.name,
      rowHeader: true,
    },
    {
      key: 'channel',
      header: t('channels.channel'),
      cell: (c) => c.channel,
      csv: (c) => c.channel,
    },
    {
      key: 'agency',
      header: t('channels.agency'),
      cell: (c) => c.agency ?? '–',
      csv: (c) => c.agency,
    },
    {
      key: 'start',
      header: t('channels.startsOn'),
      cell: (c) => f.date(c.startsOn),
      csv: (c) => c.startsOn,
    },
    {
      key: 'end',
      header: t('channels.endsOn'),
      cell: (c) => f.date(c.endsOn),
      csv: (c) => c.endsOn,
    },
    {
      key: 'cost',
      header: t('channels.cost'),
      cell: (c) => f.money(c.costCents, { wholeEuros: true }),
      csv: (c) => c.costCents / 100,
      align: 'end',
    },
    {
      key: 'applications',
      header: t('channels.channelApplications'),
      cell: (c) => f.count(c.applications),
      csv: (c) => c.applications,
      align: 'end',
    },
  ];
  return (
    <ChartSection
      title={t('channels.campaignsTitle')}
      lead={t('channels.campaignsLead')}
      stacked
      chart={
        campaigns.length > 0 ? (
          <Chart
            description={t('channels.campaignsChart', { context })}
            data={campaigns.map((c) => ({
              campaign: `${c.channel} (${f.money(c.costCents, { wholeEuros: true })})`,
              offset: dayNumber(c.startsOn),
              duration: dayNumber(c.endsOn) - dayNumber(c.startsOn) + 1,
            }))}
            categoryKey="campaign"
            orientation="horizontal"
            categoryWidth={280}
            domain={[min - 14, max + 14]}
            series={[
              { key: 'offset', name: '', transparent: true, stackId: 'time' },
              {
                key: 'duration',
                name: t('channels.campaignPeriod'),
                color: OKABE_ITO.reddishPurple,
                stackId: 'time',
              },
            ]}
            formatValue={(day) => f.date(new Date(day * DAY), 'short')}
            legend={false}
            tooltip={false}
            height={Math.max(160, campaigns.length * 44 + 60)}
          />
        ) : (
          <p>{t('channels.noCampaigns')}</p>
        )
      }
      table={
        <Table
          caption={t('channels.campaignsCaption', { context })}
          columns={columns}
          rows={campaigns}
          getRowKey={(c) => `${c.name}-${c.startsOn}`}
          fileName={`${fileName}-campagnes`}
          emptyMessage={t('channels.noCampaigns')}
        />
      }
    />
  );
}
