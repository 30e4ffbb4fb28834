import type {
  FunnelDrillKind,
  FunnelStepsTable_StepFragment,
  FunnelUnit,
} from '@werkgezond/graphql-client';
import { OKABE_ITO } from '@werkgezond/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnalyticsFormat } from '../../hooks/useAnalyticsFormat';
import { useStageName } from '../../hooks/useLabels';
import { Chart } from '../Chart';
import { ChartSection } from '../ChartSection';
import { Table, type TableColumn } from '../Table';

export interface FunnelStepsSectionProps {
  steps: readonly FunnelStepsTable_StepFragment[];
  unit: FunnelUnit;
  /** e.g. "Gezondheidscoaches in bedrijven, stand 31 jul. 2019": names chart, table and file. */
  context: string;
  fileName: string;
  /**
   * Makes the "stopped" and "still in progress" counts buttons that open the drill-down of
   * the step before (the one they reached). `open` marks the button of the open panel.
   */
  drill?: {
    onOpen: (stage: FunnelStepsTable_StepFragment, kind: FunnelDrillKind) => void;
    open: { stage: string; kind: FunnelDrillKind } | null;
    panelId: string;
  };
}

/**
 * The funnel's steps: a sideways bar per step with its count and share of the first step, and
 * a table with counts and percentages side by side, the drop-off between steps (split in
 * "left" and "still in progress") and the median / 90th percentile of days between steps.
 */
export function FunnelStepsSection({
  steps,
  unit,
  context,
  fileName,
  drill,
}: FunnelStepsSectionProps) {
  const { t } = useTranslation('analytics');
  const f = useAnalyticsFormat();
  const stageName = useStageName();
  const unitName = t(`units.${unit}`).toLowerCase();
  const drillCell = (
    s: FunnelStepsTable_StepFragment,
    kind: FunnelDrillKind,
    count: number | null | undefined,
  ): ReactNode => {
    const before = steps[steps.indexOf(s) - 1];
    if (!drill || !before || !count) return f.count(count);
    const expanded = drill.open?.stage === before.stage && drill.open.kind === kind;
    return (
      <button
        type="button"
        className="an-drill-button"
        data-drill={`${before.stage}-${kind}`}
        aria-expanded={expanded}
        aria-controls={expanded ? drill.panelId : undefined}
        aria-label={t(kind === 'STOPPED' ? 'drill.openStopped' : 'drill.openInProgress', {
          n: f.count(count),
          step: stageName(before),
        })}
        onClick={() => drill.onOpen(before, kind)}
      >
        {f.count(count)}
      </button>
    );
  };
  const data = steps.map((s) => ({
    step: stageName(s),
    count: s.count,
    label: `${f.count(s.count)} (${f.percent(s.fromFirst.value)})`,
  }));
  const columns: TableColumn<FunnelStepsTable_StepFragment>[] = [
    {
      key: 'step',
      header: t('funnel.step'),
      cell: stageName,
      csv: (s) => s.stage,
      rowHeader: true,
    },
    {
      key: 'count',
      header: t('funnel.count'),
      cell: (s) => f.count(s.count),
      csv: (s) => s.count,
      align: 'end',
    },
    {
      key: 'fromFirst',
      header: t('funnel.fromFirst'),
      cell: (s) => f.rate(s.fromFirst),
      csv: (s) => s.fromFirst.value,
      align: 'end',
    },
    {
      key: 'fromPrevious',
      header: t('funnel.fromPrevious'),
      cell: (s) => f.rate(s.fromPrevious),
      csv: (s) => s.fromPrevious?.value,
      align: 'end',
    },
    {
      key: 'dropOff',
      header: t('funnel.dropOff'),
      cell: (s) => f.count(s.dropOff),
      csv: (s) => s.dropOff,
      align: 'end',
    },
    {
      key: 'exited',
      header: t('funnel.exited'),
      cell: (s) => drillCell(s, 'STOPPED', s.exited),
      csv: (s) => s.exited,
      align: 'end',
    },
    {
      key: 'inProgress',
      header: t('funnel.inProgress'),
      cell: (s) => drillCell(s, 'IN_PROGRESS', s.inProgress),
      csv: (s) => s.inProgress,
      align: 'end',
    },
    {
      key: 'median',
      header: t('funnel.medianDays'),
      cell: (s) => f.days(s.medianDaysFromPrevious),
      csv: (s) => s.medianDaysFromPrevious,
      align: 'end',
    },
    {
      key: 'p90',
      header: t('funnel.p90Days'),
      cell: (s) => f.days(s.p90DaysFromPrevious),
      csv: (s) => s.p90DaysFromPrevious,
      align: 'end',
    },
  ];
  columns.push(
    {
      key: 'fromFirstLower',
      header: t('funnel.fromFirstLower'),
      cell: () => null,
      csvOnly: true,
      csv: (s) => s.fromFirst.lower,
    },
    {
      key: 'fromFirstUpper',
      header: t('funnel.fromFirstUpper'),
      cell: () => null,
      csvOnly: true,
      csv: (s) => s.fromFirst.upper,
    },
    {
      key: 'fromPreviousLower',
      header: t('funnel.fromPreviousLower'),
      cell: () => null,
      csvOnly: true,
      csv: (s) => s.fromPrevious?.lower,
    },
    {
      key: 'fromPreviousUpper',
      header: t('funnel.fromPreviousUpper'),
      cell: () => null,
      csvOnly: true,
      csv: (s) => s.fromPrevious?.upper,
    },
  );
  return (
    <ChartSection
      title={t('funnel.stepsTitle')}
      lead={t('funnel.stepsLead', { unit: unitName })}
      stacked
      chart={
        <Chart
          description={t('funnel.stepsChart', {
            context,
            summary: data.map((d) => `${d.step}: ${d.label}`).join('; '),
          })}
          height={Math.max(180, steps.length * 56 + 40)}
          data={data}
          categoryKey="step"
          orientation="horizontal"
          categoryWidth={190}
          labelRoom={90}
          series={[
            { key: 'count', name: t('funnel.count'), color: OKABE_ITO.blue, labelKey: 'label' },
          ]}
          formatValue={(v) => f.count(v)}
        />
      }
      table={
        <Table
          caption={t('funnel.stepsCaption', { context })}
          columns={columns}
          rows={steps}
          getRowKey={(s) => s.stage}
          fileName={fileName}
        />
      }
    />
  );
}
