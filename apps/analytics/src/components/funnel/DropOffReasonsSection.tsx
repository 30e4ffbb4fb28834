import { useQuery } from '@apollo/client/react';
import {
  AnalyticsDropOffReasonsDocument,
  type AnalyticsDropOffReasonsQuery,
  type FunnelFilterInput,
  type FunnelUnit,
} from '@werkgezond/graphql-client';
import { OKABE_ITO, SelectField, Stat } from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';
import { useAnalyticsFormat } from '../../hooks/useAnalyticsFormat';
import { useReasonLabel, useStageName } from '../../hooks/useLabels';
import { Chart } from '../Chart';
import { ChartSection } from '../ChartSection';
import { QueryState } from '../QueryState';
import { Table, type TableColumn } from '../Table';

type Reason = AnalyticsDropOffReasonsQuery['dropOffReasons']['reasons'][number];

export interface DropOffReasonsSectionProps {
  programmeKey: string;
  /** Steps that units can stop at (all but the last). */
  stages: readonly { key: string; label: string }[];
  stage: string;
  onStageChange: (stage: string) => void;
  asOf: string | null;
  years: number[];
  unit: FunnelUnit;
  filter: FunnelFilterInput | undefined;
  context: string;
  fileName: string;
}

/**
 * Why units that reached a step went no further (e.g. approved but never started): the
 * reasons recorded when they left, with shares and intervals, and how many are still waiting.
 */
export function DropOffReasonsSection({
  programmeKey,
  stages,
  stage,
  onStageChange,
  asOf,
  years,
  unit,
  filter,
  context,
  fileName,
}: DropOffReasonsSectionProps) {
  const { t } = useTranslation('analytics');
  const f = useAnalyticsFormat();
  const stageName = useStageName();
  const reasonLabel = useReasonLabel();
  const { data, loading, error, refetch } = useQuery(AnalyticsDropOffReasonsDocument, {
    variables: {
      programmeKey,
      stage,
      asOf,
      years: years.length ? years : null,
      unit,
      filter: filter ?? null,
    },
  });
  const result = data?.dropOffReasons;
  const stepName = stageName({ stage, label: stages.find((s) => s.key === stage)?.label ?? stage });
  const columns: TableColumn<Reason>[] = [
    {
      key: 'reason',
      header: t('funnel.reason'),
      cell: reasonLabel,
      csv: (r) => r.label,
      rowHeader: true,
    },
    {
      key: 'code',
      header: t('funnel.reasonCode'),
      cell: () => null,
      csv: (r) => r.reason ?? '',
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
      header: t('funnel.shareOfLeft'),
      cell: (r) => f.rate(r.share),
      csv: (r) => r.share.value,
      align: 'end',
    },
    {
      key: 'lower',
      header: t('funnel.lower'),
      cell: () => null,
      csv: (r) => r.share.lower,
      csvOnly: true,
    },
    {
      key: 'upper',
      header: t('funnel.upper'),
      cell: () => null,
      csv: (r) => r.share.upper,
      csvOnly: true,
    },
  ];
  return (
    <section className="an-section" aria-labelledby="dropoff-reasons-title">
      <h2 id="dropoff-reasons-title">{t('reasons.title', { step: stepName })}</h2>
      <p className="an-lead">{t('reasons.lead')}</p>
      <div style={{ maxWidth: '22rem' }}>
        <SelectField
          label={t('reasons.stepLabel')}
          name="reasonsAt"
          value={stage}
          options={stages.map((s) => ({
            value: s.key,
            label: stageName({ stage: s.key, label: s.label }),
          }))}
          onChange={(event) => onStageChange(event.target.value)}
        />
      </div>
      <QueryState
        loading={loading}
        error={error}
        hasData={!!result}
        loadingLabel={t('reasons.loading')}
        errorTitle={t('reasons.error')}
        onRetry={() => void refetch()}
      >
        {result ? (
          <>
            <div className="an-stats">
              <Stat
                label={t('reasons.atStage', { step: stepName })}
                value={f.count(result.atStage)}
              />
              <Stat label={t('reasons.left')} value={f.count(result.left)} />
              <Stat label={t('funnel.inProgress')} value={f.count(result.stillInProgress)} />
              <Stat
                label={t('reasons.top')}
                value={
                  result.topReason
                    ? reasonLabel({
                        reason: result.topReason,
                        label:
                          result.reasons.find((r) => r.reason === result.topReason)?.label ??
                          result.topReason,
                      })
                    : '–'
                }
              />
            </div>
            <ChartSection
              title={t('reasons.chartTitle', { step: stepName })}
              headingLevel={3}
              chart={
                result.reasons.length > 0 ? (
                  <Chart
                    description={t('reasons.chart', { step: stepName, context })}
                    data={result.reasons.map((r) => ({
                      reason: reasonLabel(r),
                      share: r.share.value,
                      error:
                        r.share.value != null && r.share.lower != null && r.share.upper != null
                          ? [r.share.value - r.share.lower, r.share.upper - r.share.value]
                          : null,
                    }))}
                    categoryKey="reason"
                    orientation="horizontal"
                    categoryWidth={200}
                    domain={[0, 1]}
                    series={[
                      {
                        key: 'share',
                        name: t('funnel.shareOfLeft'),
                        color: OKABE_ITO.vermillion,
                        errorKey: 'error',
                      },
                    ]}
                    formatValue={(v) => f.percent(v, 0)}
                    height={Math.max(160, result.reasons.length * 40 + 60)}
                  />
                ) : (
                  <p>{t('funnel.noReasons')}</p>
                )
              }
              table={
                <Table
                  caption={t('reasons.caption', { step: stepName, context })}
                  columns={columns}
                  rows={result.reasons}
                  getRowKey={(r) => r.reason ?? 'none'}
                  fileName={`${fileName}-redenen-${stage.toLowerCase()}`}
                  emptyMessage={t('funnel.noReasons')}
                />
              }
            />
          </>
        ) : null}
      </QueryState>
    </section>
  );
}
