import { useQuery } from '@apollo/client/react';
import { ApplicationCountDocument, type ProgrammeOverview_ProgrammeFragment } from '@werkgezond/graphql-client';
import { Alert, Card, DataTable, type DataTableColumn, Spinner, Stat, useFormat, useStageLabel } from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';
import { type StageDatum, StageChart } from './StageChart';
import { useStageCounts } from './useStageCounts';

export interface ProgrammeOverviewProps {
  programme: ProgrammeOverview_ProgrammeFragment;
}

/** One programme: headline figures, then applications per current stage as a chart and a table. */
export function ProgrammeOverview({ programme }: ProgrammeOverviewProps) {
  const { t } = useTranslation('analytics');
  const format = useFormat();
  const stageLabel = useStageLabel();
  const total = useQuery(ApplicationCountDocument, { variables: { filter: { programmeKey: programme.key } } });
  // Steps in funnel order, then the exits (the API sends them in that order already).
  const stages = [...programme.stages].sort(
    (a, b) => (a.kind === b.kind ? a.position - b.position : a.kind === 'STEP' ? -1 : 1),
  );
  const { counts, error } = useStageCounts(
    programme.key,
    stages.map((s) => s.key),
  );
  const years = programme.editions.map((e) => e.year).sort((a, b) => a - b);
  const totalCount = total.data?.applications.totalCount;

  const data: StageDatum[] = counts
    ? stages.map((s) => ({ key: s.key, label: stageLabel(s), kind: s.kind, count: counts.get(s.key) ?? 0 }))
    : [];
  const sum = data.reduce((acc, d) => acc + d.count, 0);
  const columns: DataTableColumn<StageDatum>[] = [
    { key: 'stage', header: t('overview.stage'), cell: (d) => d.label, csv: (d) => d.label, rowHeader: true },
    { key: 'kind', header: t('overview.kind'), cell: (d) => t(`overview.kind${d.kind}`), csv: (d) => d.kind },
    { key: 'count', header: t('overview.count'), cell: (d) => format.number(d.count), csv: (d) => d.count, align: 'end' },
    {
      key: 'share',
      header: t('overview.share'),
      cell: (d) => (sum > 0 ? format.percent(d.count / sum, 1) : '—'),
      csv: (d) => (sum > 0 ? Number((d.count / sum).toFixed(4)) : null),
      align: 'end',
    },
  ];

  return (
    <Card title={programme.name} asSection>
      <p>{programme.description}</p>
      <div className="wg-grid" style={{ marginBottom: 'var(--wg-space-6)' }}>
        <Stat label={t('overview.applications')} value={totalCount === undefined ? '…' : format.number(totalCount)} />
        <Stat
          label={t('overview.editions')}
          value={
            years.length > 0
              ? `${format.number(years.length)} (${t('overview.editionRange', { first: years[0], last: years.at(-1) })})`
              : '0'
          }
        />
        <Stat label={t('overview.stepCount')} value={format.number(stages.filter((s) => s.kind === 'STEP').length)} />
      </div>
      <h3>{t('overview.byStageTitle')}</h3>
      {error ? (
        <Alert variant="error">
          <p>{t('overview.countsError')}</p>
        </Alert>
      ) : counts === null ? (
        <Spinner label={t('overview.countsLoading')} />
      ) : (
        <div className="wg-chart-table">
          <StageChart data={data} description={t('overview.byStageChart', { programme: programme.name })} />
          <DataTable
            caption={t('overview.byStageCaption', { programme: programme.name })}
            columns={columns}
            rows={data}
            getRowKey={(d) => d.key}
            csvFileName={`aanvragen-per-fase-${programme.key}`}
            csvLabel={t('overview.csvLabel', { programme: programme.name })}
          />
        </div>
      )}
      <p className="wg-field__hint">{t('overview.note')}</p>
    </Card>
  );
}
