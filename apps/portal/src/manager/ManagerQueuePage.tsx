import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import {
  type ApplicationFilter,
  type ManagerQueue_ApplicationFragment,
  ManagerQueueDocument,
  ManagerQueueOptionsDocument,
} from '@werkgezond/graphql-client';
import {
  Button,
  DataTable,
  type DataTableColumn,
  EmptyState,
  ErrorSummary,
  isoDate,
  PageHeader,
  SelectField,
  Spinner,
  TextField,
  useDocumentTitle,
  useFormat,
  useStageLabel,
} from '@werkgezond/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isAdmin, isCaseHandler } from '../access';
import { QueryFailure } from '../components/QueryFailure';
import { RoleNotice } from '../components/RoleNotice';
import { StageBadge } from '../components/StageBadge';
import { useViewer } from '../ViewerContext';

export const QUEUE_PAGE_SIZE = 25;
const DAY_MS = 86_400_000;

/** The filters as they stand in the address (so a filtered queue can be reloaded and shared). */
export interface QueueFilters {
  programme: string;
  stage: string;
  edition: string;
  channel: string;
  waiting: string;
}

const PARAMS: Record<keyof QueueFilters, string> = {
  programme: 'programma',
  stage: 'fase',
  edition: 'editie',
  channel: 'kanaal',
  waiting: 'wacht',
};

export function filtersFromParams(params: URLSearchParams): QueueFilters {
  return {
    programme: params.get(PARAMS.programme) ?? '',
    stage: params.get(PARAMS.stage) ?? '',
    edition: params.get(PARAMS.edition) ?? '',
    channel: params.get(PARAMS.channel) ?? '',
    waiting: params.get(PARAMS.waiting) ?? '',
  };
}

export function toApplicationFilter(f: QueueFilters): ApplicationFilter {
  const filter: ApplicationFilter = {};
  if (f.programme) filter.programmeKey = f.programme;
  if (f.stage) filter.stages = [f.stage];
  if (/^\d{4}$/.test(f.edition)) filter.years = [Number(f.edition)];
  if (f.channel) filter.channelKeys = [f.channel];
  if (/^\d+$/.test(f.waiting)) filter.waitingMoreThanDays = Number(f.waiting);
  return filter;
}

/** Days an undecided application has waited since it was submitted (whole days). */
export function waitingDays(
  app: ManagerQueue_ApplicationFragment,
  now = Date.now(),
): number | null {
  if (!app.submittedAt || app.decisionLeadTimeDays !== null || app.exitAt) return null;
  return Math.max(0, Math.floor((now - new Date(app.submittedAt).getTime()) / DAY_MS));
}

/**
 * The programme manager's queue: applications of their programmes, filtered by programme,
 * stage, edition, channel and waiting time, with the decision lead time of decided ones and the
 * waiting time of undecided ones.
 */
export function ManagerQueuePage() {
  const { t } = useTranslation('portal');
  const viewer = useViewer();
  const title = t('queue.title');
  useDocumentTitle(title);
  if (!isCaseHandler(viewer)) return <RoleNotice title={title} />;
  return <Queue title={title} />;
}

function Queue({ title }: { title: string }) {
  const { t } = useTranslation('portal');
  const viewer = useViewer();
  const stageLabel = useStageLabel();
  const [params, setParams] = useSearchParams();
  const applied = filtersFromParams(params);
  const [draft, setDraft] = useState<QueueFilters>(applied);
  const [waitingProblem, setWaitingProblem] = useState<string | null>(null);
  const options = useQuery(ManagerQueueOptionsDocument);
  const { data, error, networkStatus, refetch, fetchMore } = useQuery(ManagerQueueDocument, {
    variables: { first: QUEUE_PAGE_SIZE, filter: toApplicationFilter(applied) },
    // Decisions taken elsewhere move applications between filtered lists: always ask again.
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });

  const programmes = (options.data?.programmes ?? []).filter(
    (p) => isAdmin(viewer) || viewer.programmeKeys.includes(p.key),
  );
  const chosen = programmes.filter((p) => !draft.programme || p.key === draft.programme);
  const stageOptions = new Map<string, string>();
  for (const p of chosen)
    for (const s of [...p.stages].sort((a, b) =>
      a.kind === b.kind ? a.position - b.position : a.kind === 'STEP' ? -1 : 1,
    ))
      if (!stageOptions.has(s.key)) stageOptions.set(s.key, stageLabel(s));
  const years = [...new Set(chosen.flatMap((p) => p.editions.map((e) => e.year)))].sort(
    (a, b) => b - a,
  );

  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (draft.waiting.trim() && !/^\d{1,4}$/.test(draft.waiting.trim())) {
      setWaitingProblem(t('validation.waitingDays'));
      return;
    }
    setWaitingProblem(null);
    const next = new URLSearchParams();
    for (const key of Object.keys(PARAMS) as (keyof QueueFilters)[]) {
      const value = draft[key].trim();
      if (value) next.set(PARAMS[key], value);
    }
    setParams(next);
  };
  const onReset = () => {
    const empty = { programme: '', stage: '', edition: '', channel: '', waiting: '' };
    setDraft(empty);
    setWaitingProblem(null);
    setParams(new URLSearchParams());
  };

  const connection = data?.applications;
  const rows = connection?.edges.map((e) => e.node) ?? [];
  let body: React.ReactNode;
  if (networkStatus === NetworkStatus.loading && !connection)
    body = <Spinner label={t('queue.loading')} />;
  else if (error && !connection)
    body = (
      <QueryFailure title={t('queue.errorTitle')} error={error} onRetry={() => void refetch()} />
    );
  else if (!connection || connection.totalCount === 0)
    body = <EmptyState title={t('queue.emptyTitle')}>{t('queue.empty')}</EmptyState>;
  else
    body = (
      <>
        <QueueTable
          applications={rows}
          showProgramme={!applied.programme}
          decided={
            new Set(
              programmes
                .filter((p) => p.stages.some((s) => s.key === 'REJECTED'))
                .map((p) => p.key),
            )
          }
        />
        <p aria-live="polite">
          {t('applications.count', { shown: rows.length, count: connection.totalCount })}
        </p>
        {connection.pageInfo.hasNextPage ? (
          <Button
            variant="secondary"
            busy={networkStatus === NetworkStatus.fetchMore}
            onClick={() => void fetchMore({ variables: { after: connection.pageInfo.endCursor } })}
          >
            {t('applications.loadMore')}
          </Button>
        ) : null}
      </>
    );

  const set = (key: keyof QueueFilters) => (e: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [key]: e.target.value }));

  return (
    <>
      <PageHeader title={title} description={t('queue.lead')} />
      <form
        noValidate
        onSubmit={onFilter}
        className="wg-card"
        aria-labelledby="queue-filters"
        style={{ marginBottom: 'var(--wg-space-6)' }}
      >
        <h2 id="queue-filters" className="wg-card__title">
          {t('queue.filtersTitle')}
        </h2>
        <p className="wg-card__lead wg-muted">{t('queue.waitingHint')}</p>
        <ErrorSummary
          title={t('validation.summaryTitle')}
          errors={waitingProblem ? [{ fieldId: 'queue-waiting', message: waitingProblem }] : []}
        />
        <div className="wg-filters">
          <SelectField
            id="queue-programme"
            name="programme"
            label={t('queue.programme')}
            placeholder={t('queue.all')}
            options={programmes.map((p) => ({ value: p.key, label: p.name }))}
            value={draft.programme}
            onChange={(e) =>
              setDraft((c) => ({ ...c, programme: e.target.value, stage: '', edition: '' }))
            }
          />
          <SelectField
            id="queue-stage"
            name="stage"
            label={t('queue.stage')}
            placeholder={t('queue.allStages')}
            options={[...stageOptions].map(([value, label]) => ({ value, label }))}
            value={draft.stage}
            onChange={set('stage')}
          />
          <SelectField
            id="queue-edition"
            name="edition"
            label={t('queue.edition')}
            placeholder={t('queue.allEditions')}
            options={years.map((y) => ({ value: String(y), label: String(y) }))}
            value={draft.edition}
            onChange={set('edition')}
          />
          <SelectField
            id="queue-channel"
            name="channel"
            label={t('queue.channel')}
            placeholder={t('queue.allChannels')}
            options={(options.data?.outreachChannels ?? []).map((c) => ({
              value: c.key,
              label: c.name,
            }))}
            value={draft.channel}
            onChange={set('channel')}
          />
          <TextField
            id="queue-waiting"
            name="waiting"
            label={t('queue.waiting')}
            inputMode="numeric"
            value={draft.waiting}
            error={waitingProblem ?? undefined}
            onChange={set('waiting')}
          />
        </div>
        <div className="wg-form-actions" style={{ marginTop: 0 }}>
          <Button type="submit">{t('queue.apply')}</Button>
          <Button variant="secondary" onClick={onReset}>
            {t('queue.reset')}
          </Button>
        </div>
      </form>
      {body}
    </>
  );
}

function QueueTable({
  applications,
  decided,
  showProgramme,
}: {
  applications: readonly ManagerQueue_ApplicationFragment[];
  /** Hidden when the queue is filtered on one programme. */
  showProgramme: boolean;
  /** Programmes whose applications are decided on (approve / reject): lead time applies. */
  decided: ReadonlySet<string>;
}) {
  const { t } = useTranslation('portal');
  const format = useFormat();
  const stageLabel = useStageLabel();
  const now = Date.now();
  const days = (n: number) =>
    t('common.days', { count: n, formatted: format.number(n, { maximumFractionDigits: 1 }) });
  const columns: DataTableColumn<ManagerQueue_ApplicationFragment>[] = [
    {
      key: 'organisation',
      header: t('applications.columns.organisation'),
      cell: (a) => <Link to={`/aanvragen/${a.id}`}>{a.organisation.name}</Link>,
      csv: (a) => a.organisation.name,
      rowHeader: true,
    },
    ...(showProgramme
      ? [
          {
            key: 'programme',
            header: t('applications.columns.programme'),
            cell: (a: ManagerQueue_ApplicationFragment) => a.programme.name,
            csv: (a: ManagerQueue_ApplicationFragment) => a.programme.key,
          },
        ]
      : []),
    {
      key: 'edition',
      header: t('applications.columns.edition'),
      cell: (a) => a.edition.year,
      csv: (a) => a.edition.year,
      align: 'end',
    },
    {
      key: 'channel',
      header: t('queue.columns.channel'),
      cell: (a) => a.channel?.name ?? t('common.none'),
      csv: (a) => a.channel?.key ?? null,
    },
    {
      key: 'stage',
      header: t('applications.columns.stage'),
      cell: (a) => <StageBadge stage={a.currentStage} />,
      csv: (a) => (a.currentStage ? stageLabel(a.currentStage) : null),
    },
    {
      key: 'submittedAt',
      header: t('applications.columns.submittedAt'),
      cell: (a) =>
        a.submittedAt ? (
          <time dateTime={isoDate(a.submittedAt)}>{format.date(a.submittedAt)}</time>
        ) : (
          t('applications.notSubmitted')
        ),
      csv: (a) => (a.submittedAt ? isoDate(a.submittedAt) : null),
    },
    {
      key: 'leadTime',
      header: t('queue.columns.leadTime'),
      cell: (a) => {
        if (!decided.has(a.programme.key)) return t('common.notApplicable');
        if (a.decisionLeadTimeDays !== null && a.decisionLeadTimeDays !== undefined)
          return days(a.decisionLeadTimeDays);
        const waiting = waitingDays(a, now);
        if (waiting === null) return t('common.none');
        return waiting === 0
          ? t('queue.waitingToday')
          : t('queue.waitingFor', { days: days(waiting) });
      },
      csv: (a) => (decided.has(a.programme.key) ? (a.decisionLeadTimeDays ?? null) : null),
      align: 'end',
    },
  ];
  return (
    <DataTable
      caption={t('queue.caption')}
      columns={columns}
      rows={applications}
      getRowKey={(a) => a.id}
      csvFileName="wachtrij"
      csvLabel={t('queue.csvLabel')}
    />
  );
}
