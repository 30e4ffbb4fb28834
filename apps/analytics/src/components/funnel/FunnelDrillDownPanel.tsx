import { useQuery } from '@apollo/client/react';
import {
  AnalyticsFunnelDrillDownDocument,
  type AnalyticsFunnelDrillDownQuery,
  type FunnelDrillKind,
} from '@werkgezond/graphql-client';
import { Alert, Button, Spinner, useFormat } from '@werkgezond/ui';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnalyticsFormat } from '../../hooks/useAnalyticsFormat';
import { useStageName } from '../../hooks/useLabels';
import { Table } from '../Table';

type Drill = AnalyticsFunnelDrillDownQuery['funnelDrillDown'];
type DrillRow = NonNullable<Drill['applications']>[number];
type ReasonRow = Drill['byReason'][number];

export interface FunnelDrillDownPanelProps {
  id: string;
  programmeKey: string;
  /** The step they reached (the step before the row whose count was clicked). */
  stage: { stage: string; label: string };
  kind: FunnelDrillKind;
  years: readonly number[];
  /** Exit stages with their Dutch labels, from the funnel. */
  exits: readonly { stage: string; label: string }[];
  fileName: string;
  onClose: () => void;
}

/**
 * Who is behind a step's "stopped" or "still in progress" count. Managers of the programme
 * and admins get the applications, with a link to the case page in the portal; analysts get
 * only counts by reason (the API decides, the panel shows what it gets).
 */
export default function FunnelDrillDownPanel({
  id,
  programmeKey,
  stage,
  kind,
  years,
  exits,
  fileName,
  onClose,
}: FunnelDrillDownPanelProps) {
  const { t } = useTranslation('analytics');
  const f = useAnalyticsFormat();
  const format = useFormat();
  const stageName = useStageName();
  const heading = useRef<HTMLHeadingElement>(null);
  const { data, loading, error } = useQuery(AnalyticsFunnelDrillDownDocument, {
    variables: {
      input: { programmeKey, stage: stage.stage, kind, years: years.length ? [...years] : null },
    },
  });
  const drill = data?.funnelDrillDown;
  const step = stageName(stage);
  const title = t(kind === 'STOPPED' ? 'drill.titleStopped' : 'drill.titleInProgress', { step });
  // Focus follows the click, so a keyboard or screen-reader user lands on what opened (the
  // page gives every step and kind its own panel, so this runs once per opening).
  useEffect(() => heading.current?.focus(), []);

  const reasonName = (reason: string | null | undefined) =>
    reason
      ? t(`drill.reasons.${reason}`, { defaultValue: reason })
      : t(kind === 'IN_PROGRESS' ? 'drill.noExit' : 'noReason');
  const exitName = (exit: string | null | undefined) => {
    if (!exit) return '–';
    const known = exits.find((e) => e.stage === exit);
    return stageName({ stage: exit, label: known?.label ?? exit });
  };

  return (
    <section id={id} className="an-section an-drill" aria-labelledby={`${id}-title`}>
      <div className="an-drill-head">
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <Button variant="ghost" onClick={onClose} aria-label={t('drill.closeLabel', { title })}>
          {t('drill.close')}
        </Button>
      </div>
      <p className="an-lead">{t('drill.lead')}</p>
      {loading && !drill ? <Spinner label={t('drill.loading')} /> : null}
      {error && !drill ? (
        <Alert variant="error" title={t('drill.error')}>
          <p>{error.message}</p>
        </Alert>
      ) : null}
      {drill ? (
        <>
          <p>{t('drill.total', { total: f.count(drill.total) })}</p>
          {drill.applications && drill.applications.length < drill.total ? (
            <p>
              {t('drill.truncated', {
                shown: f.count(drill.applications.length),
                total: f.count(drill.total),
              })}
            </p>
          ) : null}
          {drill.applications ? (
            <Table<DrillRow>
              caption={t('drill.applicationsCaption', { title })}
              fileName={`${fileName}-${stage.stage}-${kind}`}
              rows={drill.applications}
              getRowKey={(a) => a.id}
              emptyMessage={t('drill.none')}
              columns={[
                {
                  key: 'organisation',
                  header: t('drill.organisation'),
                  cell: (a) => a.organisation,
                  csv: (a) => a.organisation,
                  rowHeader: true,
                },
                {
                  key: 'reachedAt',
                  header: t('drill.reachedAt', { step }),
                  cell: (a) => format.date(a.reachedAt),
                  csv: (a) => String(a.reachedAt).slice(0, 10),
                },
                {
                  key: 'exitStage',
                  header: t('drill.exitStage'),
                  cell: (a) => exitName(a.exitStage),
                  csv: (a) => a.exitStage ?? '',
                },
                {
                  key: 'exitReason',
                  header: t('drill.reason'),
                  cell: (a) => (a.exitStage ? reasonName(a.exitReason) : '–'),
                  csv: (a) => a.exitReason ?? '',
                },
                {
                  key: 'case',
                  header: t('drill.case'),
                  cell: (a) => (
                    <a
                      href={`/portaal/aanvragen/${encodeURIComponent(a.id)}`}
                      aria-label={t('drill.openCaseLabel', { organisation: a.organisation })}
                    >
                      {t('drill.openCase')}
                    </a>
                  ),
                  csv: (a) => a.id,
                },
              ]}
            />
          ) : (
            <Table<ReasonRow>
              caption={t('drill.reasonsCaption', { title })}
              fileName={`${fileName}-${stage.stage}-${kind}-redenen`}
              rows={drill.byReason}
              getRowKey={(r) => r.reason ?? '—'}
              emptyMessage={t('drill.none')}
              columns={[
                {
                  key: 'reason',
                  header: t('drill.reason'),
                  cell: (r) => reasonName(r.reason),
                  csv: (r) => r.reason ?? '',
                  rowHeader: true,
                },
                {
                  key: 'count',
                  header: t('funnel.count'),
                  cell: (r) => f.count(r.count),
                  csv: (r) => r.count,
                  align: 'end',
                },
              ]}
            />
          )}
        </>
      ) : null}
    </section>
  );
}
