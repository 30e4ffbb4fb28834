import type {
  FunnelExitsTable_ExitFragment,
  FunnelGroupsTable_GroupKeyFragment,
  FunnelStepsTable_StepFragment,
} from '@werkgezond/graphql-client';
import { OKABE_ITO } from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';
import { type RateLike, useAnalyticsFormat } from '../../hooks/useAnalyticsFormat';
import { useGroupLabel, useReasonLabel, useStageName } from '../../hooks/useLabels';
import { Chart } from '../Chart';
import { ChartSection } from '../ChartSection';
import { Table, type TableColumn } from '../Table';

/** Distances below and above the value, as Recharts' ErrorBar wants them. */
export function intervalOf(rate: RateLike | null | undefined): [number, number] | null {
  if (rate?.value == null || rate.lower == null || rate.upper == null) return null;
  return [Math.max(0, rate.value - rate.lower), Math.max(0, rate.upper - rate.value)];
}

interface SectionProps {
  steps: readonly FunnelStepsTable_StepFragment[];
  context: string;
  fileName: string;
}

/** Conversion from the previous and from the first step, with Wilson 95% intervals. */
export function ConversionSection({ steps, context, fileName }: SectionProps) {
  const { t } = useTranslation('analytics');
  const f = useAnalyticsFormat();
  const stageName = useStageName();
  const later = steps.slice(1);
  const data = later.map((s) => ({
    step: stageName(s),
    fromPrevious: s.fromPrevious?.value ?? null,
    fromPreviousError: intervalOf(s.fromPrevious),
    fromFirst: s.fromFirst.value ?? null,
    fromFirstError: intervalOf(s.fromFirst),
  }));
  type Row = FunnelStepsTable_StepFragment;
  const columns: TableColumn<Row>[] = [
    {
      key: 'step',
      header: t('funnel.step'),
      cell: stageName,
      csv: (s) => s.stage,
      rowHeader: true,
    },
    {
      key: 'prev',
      header: t('funnel.fromPrevious'),
      cell: (s) => f.rate(s.fromPrevious),
      csv: (s) => s.fromPrevious?.value,
      align: 'end',
    },
    {
      key: 'prevLower',
      header: t('funnel.fromPreviousLower'),
      cell: () => null,
      csv: (s) => s.fromPrevious?.lower,
      csvOnly: true,
    },
    {
      key: 'prevUpper',
      header: t('funnel.fromPreviousUpper'),
      cell: () => null,
      csv: (s) => s.fromPrevious?.upper,
      csvOnly: true,
    },
    {
      key: 'first',
      header: t('funnel.fromFirst'),
      cell: (s) => f.rate(s.fromFirst),
      csv: (s) => s.fromFirst.value,
      align: 'end',
    },
    {
      key: 'firstLower',
      header: t('funnel.fromFirstLower'),
      cell: () => null,
      csv: (s) => s.fromFirst.lower,
      csvOnly: true,
    },
    {
      key: 'firstUpper',
      header: t('funnel.fromFirstUpper'),
      cell: () => null,
      csv: (s) => s.fromFirst.upper,
      csvOnly: true,
    },
  ];
  return (
    <ChartSection
      title={t('funnel.conversionTitle')}
      lead={t('funnel.conversionLead')}
      chart={
        <Chart
          description={t('funnel.conversionChart', { context })}
          data={data}
          categoryKey="step"
          domain={[0, 1]}
          series={[
            {
              key: 'fromPrevious',
              name: t('funnel.fromPrevious'),
              color: OKABE_ITO.blue,
              errorKey: 'fromPreviousError',
            },
            {
              key: 'fromFirst',
              name: t('funnel.fromFirst'),
              color: OKABE_ITO.orange,
              errorKey: 'fromFirstError',
            },
          ]}
          formatValue={(v) => f.percent(v, 0)}
        />
      }
      table={
        <Table
          caption={t('funnel.conversionCaption', { context })}
          columns={columns}
          rows={later}
          getRowKey={(s) => s.stage}
          fileName={`${fileName}-conversie`}
        />
      }
    />
  );
}

/** Between each pair of steps: who left (an exit) and who is still on their way. */
export function DropOffSection({ steps, context, fileName }: SectionProps) {
  const { t } = useTranslation('analytics');
  const f = useAnalyticsFormat();
  const stageName = useStageName();
  const rows = steps.slice(1).map((s, i) => ({
    key: s.stage,
    transition: t('funnel.transition', { from: stageName(steps[i] as Row), to: stageName(s) }),
    dropOff: s.dropOff ?? 0,
    exited: s.exited ?? 0,
    inProgress: s.inProgress ?? 0,
  }));
  type Row = FunnelStepsTable_StepFragment;
  type Drop = (typeof rows)[number];
  const columns: TableColumn<Drop>[] = [
    {
      key: 'transition',
      header: t('funnel.transitionHeader'),
      cell: (r) => r.transition,
      csv: (r) => r.transition,
      rowHeader: true,
    },
    {
      key: 'dropOff',
      header: t('funnel.dropOff'),
      cell: (r) => f.count(r.dropOff),
      csv: (r) => r.dropOff,
      align: 'end',
    },
    {
      key: 'exited',
      header: t('funnel.exited'),
      cell: (r) => f.count(r.exited),
      csv: (r) => r.exited,
      align: 'end',
    },
    {
      key: 'inProgress',
      header: t('funnel.inProgress'),
      cell: (r) => f.count(r.inProgress),
      csv: (r) => r.inProgress,
      align: 'end',
    },
  ];
  return (
    <ChartSection
      title={t('funnel.dropOffTitle')}
      lead={t('funnel.dropOffLead')}
      chart={
        <Chart
          description={t('funnel.dropOffChart', { context })}
          data={rows}
          categoryKey="transition"
          orientation="horizontal"
          categoryWidth={230}
          series={[
            {
              key: 'exited',
              name: t('funnel.exited'),
              color: OKABE_ITO.vermillion,
              stackId: 'drop',
            },
            {
              key: 'inProgress',
              name: t('funnel.inProgress'),
              color: OKABE_ITO.skyBlue,
              stackId: 'drop',
            },
          ]}
          formatValue={(v) => f.count(v)}
          height={Math.max(180, rows.length * 60 + 60)}
        />
      }
      table={
        <Table
          caption={t('funnel.dropOffCaption', { context })}
          columns={columns}
          rows={rows}
          getRowKey={(r) => r.key}
          fileName={`${fileName}-uitval`}
        />
      }
    />
  );
}

/** The exits (rejected, withdrawn, dropped out) with where they left and why. */
export function ExitsSection({
  exits,
  steps,
  context,
  fileName,
}: {
  exits: readonly FunnelExitsTable_ExitFragment[];
  /** The funnel's steps, for the names of the steps exits leave from. */
  steps: readonly { stage: string; label: string }[];
  context: string;
  fileName: string;
}) {
  const { t } = useTranslation('analytics');
  const f = useAnalyticsFormat();
  const stageName = useStageName();
  const reasonLabel = useReasonLabel();
  const reasons = exits.flatMap((exit) =>
    exit.reasons.map((r) => ({
      key: `${exit.stage}-${r.reason ?? 'none'}`,
      exit: stageName(exit),
      exitKey: exit.stage,
      reason: reasonLabel(r),
      reasonKey: r.reason ?? '',
      category: `${stageName(exit)}: ${reasonLabel(r)}`,
      count: r.count,
      share: r.share ?? null,
    })),
  );
  type Reason = (typeof reasons)[number];
  const exitColumns: TableColumn<FunnelExitsTable_ExitFragment>[] = [
    {
      key: 'exit',
      header: t('funnel.exit'),
      cell: stageName,
      csv: (e) => e.stage,
      rowHeader: true,
    },
    {
      key: 'count',
      header: t('funnel.count'),
      cell: (e) => f.count(e.count),
      csv: (e) => e.count,
      align: 'end',
    },
    {
      key: 'from',
      header: t('funnel.exitFrom'),
      cell: (e) =>
        e.fromSteps.length === 0
          ? '–'
          : e.fromSteps
              .map((s) =>
                t('funnel.exitFromStep', {
                  step: s.stage
                    ? stageName({
                        stage: s.stage,
                        label: steps.find((step) => step.stage === s.stage)?.label ?? s.stage,
                      })
                    : t('unknown'),
                  count: s.count,
                }),
              )
              .join('; '),
      csv: (e) => e.fromSteps.map((s) => `${s.stage}:${s.count}`).join(';'),
    },
  ];
  const reasonColumns: TableColumn<Reason>[] = [
    { key: 'exit', header: t('funnel.exit'), cell: (r) => r.exit, csv: (r) => r.exitKey },
    {
      key: 'reason',
      header: t('funnel.reason'),
      cell: (r) => r.reason,
      csv: (r) => r.reason,
      rowHeader: true,
    },
    {
      key: 'reasonKey',
      header: t('funnel.reasonCode'),
      cell: () => null,
      csv: (r) => r.reasonKey,
      csvOnly: true,
    },
    {
      key: 'count',
      header: t('funnel.count'),
      cell: (r) => f.count(r.count),
      csv: (r) => r.count,
      align: 'end',
    },
    {
      key: 'share',
      header: t('funnel.shareOfExit'),
      cell: (r) => f.percent(r.share),
      csv: (r) => r.share,
      align: 'end',
    },
  ];
  return (
    <ChartSection
      title={t('funnel.exitsTitle')}
      lead={t('funnel.exitsLead')}
      stacked
      chart={
        reasons.length > 0 ? (
          <Chart
            description={t('funnel.exitsChart', { context })}
            data={reasons}
            categoryKey="category"
            orientation="horizontal"
            categoryWidth={260}
            series={[{ key: 'count', name: t('funnel.count'), color: OKABE_ITO.vermillion }]}
            formatValue={(v) => f.count(v)}
            height={Math.max(160, reasons.length * 34 + 60)}
          />
        ) : (
          <p>{t('funnel.noReasons')}</p>
        )
      }
      table={
        <div className="an-chart-table">
          <Table
            caption={t('funnel.exitsCaption', { context })}
            columns={exitColumns}
            rows={exits}
            getRowKey={(e) => e.stage}
            fileName={`${fileName}-uitstroom`}
          />
          <Table
            caption={t('funnel.reasonsCaption', { context })}
            columns={reasonColumns}
            rows={reasons}
            getRowKey={(r) => r.key}
            fileName={`${fileName}-redenen`}
            emptyMessage={t('funnel.noReasons')}
          />
        </div>
      }
    />
  );
}

export interface FunnelGroup {
  key: readonly FunnelGroupsTable_GroupKeyFragment[];
  units: number;
  steps: readonly FunnelStepsTable_StepFragment[];
}

/** One row per breakdown value: counts and share of the first step for every step. */
export function BreakdownSection({
  groups,
  steps,
  context,
  fileName,
}: {
  groups: readonly FunnelGroup[];
  steps: readonly FunnelStepsTable_StepFragment[];
  context: string;
  fileName: string;
}) {
  const { t } = useTranslation('analytics');
  const f = useAnalyticsFormat();
  const stageName = useStageName();
  const groupLabel = useGroupLabel();
  const dimensions = groups[0]?.key.map((k) => k.dimension) ?? [];
  const last = steps.at(-1);
  const name = (g: FunnelGroup) => g.key.map(groupLabel).join(' · ');
  const columns: TableColumn<FunnelGroup>[] = [
    ...dimensions.map((dimension, i) => ({
      key: `dim-${dimension}`,
      header: t(`dimensions.${dimension}`),
      cell: (g: FunnelGroup) => (g.key[i] ? groupLabel(g.key[i]) : '–'),
      csv: (g: FunnelGroup) => (g.key[i] ? groupLabel(g.key[i]) : ''),
      rowHeader: i === 0,
    })),
    ...dimensions.map((dimension, i) => ({
      key: `code-${dimension}`,
      header: t('funnel.dimensionCode', { dimension: t(`dimensions.${dimension}`) }),
      cell: () => null,
      csv: (g: FunnelGroup) => g.key[i]?.key ?? '',
      csvOnly: true,
    })),
    {
      key: 'units',
      header: t('funnel.units'),
      cell: (g) => f.count(g.units),
      csv: (g) => g.units,
      align: 'end',
    },
    ...steps.flatMap((step, i) => [
      {
        key: `count-${step.stage}`,
        header: stageName(step),
        cell: (g: FunnelGroup) => f.count(g.steps[i]?.count),
        csv: (g: FunnelGroup) => g.steps[i]?.count,
        align: 'end' as const,
      },
      ...(i === 0
        ? []
        : [
            {
              key: `rate-${step.stage}`,
              header: t('funnel.percentOfFirst', { step: stageName(step) }),
              cell: (g: FunnelGroup) => f.rate(g.steps[i]?.fromFirst),
              csv: (g: FunnelGroup) => g.steps[i]?.fromFirst.value,
              align: 'end' as const,
            },
          ]),
    ]),
  ];
  const lastIndex = steps.length - 1;
  const data = groups.map((g) => ({
    group: name(g),
    rate: g.steps[lastIndex]?.fromFirst.value ?? null,
    error: intervalOf(g.steps[lastIndex]?.fromFirst),
  }));
  const lastName = last ? stageName(last) : '';
  return (
    <ChartSection
      title={t('funnel.breakdownTitle', {
        dimensions: dimensions.map((d) => t(`dimensions.${d}`)).join(' × '),
      })}
      lead={t('funnel.breakdownLead', { step: lastName })}
      stacked
      chart={
        <Chart
          description={t('funnel.breakdownChart', { context, step: lastName })}
          data={data}
          categoryKey="group"
          orientation="horizontal"
          categoryWidth={280}
          domain={[0, 1]}
          series={[
            {
              key: 'rate',
              name: t('funnel.percentOfFirst', { step: lastName }),
              color: OKABE_ITO.bluishGreen,
              errorKey: 'error',
            },
          ]}
          formatValue={(v) => f.percent(v, 0)}
          height={Math.max(160, data.length * 30 + 60)}
        />
      }
      table={
        <Table
          caption={t('funnel.breakdownCaption', { context })}
          columns={columns}
          rows={groups}
          getRowKey={(g) => g.key.map((k) => k.key ?? 'null').join('|')}
          fileName={`${fileName}-opsplitsing`}
        />
      }
    />
  );
}
