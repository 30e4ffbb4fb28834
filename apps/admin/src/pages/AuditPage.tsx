import { useQuery } from '@apollo/client/react';
import {
  type AdminAuditRecordFragment,
  AdminAuditTrailDocument,
  type AuditFilter,
} from '@werkgezond/graphql-client';
import {
  Button,
  DataTable,
  type DataTableColumn,
  PageHeader,
  SelectField,
  Spinner,
  TextField,
  useDocumentTitle,
  useFormat,
} from '@werkgezond/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, toProblem } from '../components/Problem';

const ENTITY_TYPES = [
  'PROGRAMME',
  'EDITION',
  'STAGE',
  'COACH',
  'SURVEY',
  'USER',
  'INVITATION',
  'BUDGET_ALLOCATION',
  'OUTREACH_CHANNEL',
  'RESEARCH_KEY',
  'FOLLOW_UP_THRESHOLDS',
] as const;
const PAGE = 25;

function Change({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <>—</>;
  return <pre className="wg-admin-json">{JSON.stringify(value, null, 1)}</pre>;
}

/** Every back-office change, newest first, with filters on kind, action, who and when. */
export function AuditPage() {
  const { t } = useTranslation('admin');
  useDocumentTitle(t('audit.title'));
  const format = useFormat();
  const [form, setForm] = useState({
    entityType: '',
    action: '',
    actorEmail: '',
    from: '',
    to: '',
  });
  const [filter, setFilter] = useState<AuditFilter>({});
  const { data, loading, error, fetchMore } = useQuery(AdminAuditTrailDocument, {
    variables: { filter, first: PAGE },
    fetchPolicy: 'cache-and-network',
  });
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [name]: e.target.value });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFilter({
      ...(form.entityType ? { entityType: form.entityType } : {}),
      ...(form.action.trim() ? { action: form.action.trim() } : {}),
      ...(form.actorEmail.trim() ? { actorEmail: form.actorEmail.trim() } : {}),
      ...(form.from ? { from: form.from } : {}),
      ...(form.to ? { to: form.to } : {}),
    });
  };
  const columns: DataTableColumn<AdminAuditRecordFragment>[] = [
    {
      key: 'when',
      header: t('audit.columns.when'),
      rowHeader: true,
      cell: (r) => format.dateTime(r.occurredAt),
      csv: (r) => r.occurredAt,
    },
    {
      key: 'who',
      header: t('audit.columns.who'),
      cell: (r) => r.actorEmail,
      csv: (r) => r.actorEmail,
    },
    {
      key: 'action',
      header: t('audit.columns.action'),
      cell: (r) => <code>{r.action}</code>,
      csv: (r) => r.action,
    },
    {
      key: 'what',
      header: t('audit.columns.what'),
      cell: (r) => (
        <>
          {t(`entityTypes.${r.entityType}`, { defaultValue: r.entityType })}{' '}
          <code>{r.entityId.slice(0, 8)}</code>
        </>
      ),
      csv: (r) => `${r.entityType} ${r.entityId}`,
    },
    {
      key: 'before',
      header: t('audit.columns.before'),
      cell: (r) => <Change value={r.before} />,
      csv: (r) => JSON.stringify(r.before),
    },
    {
      key: 'after',
      header: t('audit.columns.after'),
      cell: (r) => <Change value={r.after} />,
      csv: (r) => JSON.stringify(r.after),
    },
  ];
  const page = data?.auditTrail;
  return (
    <div className="wg-stack">
      <PageHeader title={t('audit.title')} description={t('audit.intro')} />
      <form className="wg-admin-filters" onSubmit={onSubmit} aria-label={t('audit.filters')}>
        <SelectField
          name="entityType"
          label={t('audit.entityType')}
          placeholder={t('audit.all')}
          options={ENTITY_TYPES.map((e) => ({ value: e, label: t(`entityTypes.${e}`) }))}
          value={form.entityType}
          onChange={set('entityType')}
        />
        <TextField
          name="action"
          label={t('audit.action')}
          hint={t('audit.actionHint')}
          value={form.action}
          onChange={set('action')}
        />
        <TextField
          name="actorEmail"
          label={t('audit.actor')}
          value={form.actorEmail}
          onChange={set('actorEmail')}
        />
        <TextField
          name="from"
          type="date"
          label={t('audit.from')}
          value={form.from}
          onChange={set('from')}
        />
        <TextField
          name="to"
          type="date"
          label={t('audit.to')}
          value={form.to}
          onChange={set('to')}
        />
        <div>
          <Button type="submit">{t('audit.apply')}</Button>
        </div>
      </form>
      <ProblemAlert problem={error ? toProblem(error) : null} />
      {loading && !data ? <Spinner label={t('loading')} /> : null}
      {page ? (
        <>
          <p role="status">{t('audit.count', { count: page.totalCount })}</p>
          <DataTable
            caption={t('audit.caption')}
            columns={columns}
            rows={page.edges.map((e) => e.node)}
            getRowKey={(r) => r.id}
            csvFileName="audit.csv"
            csvLabel={t('audit.caption')}
            emptyMessage={t('audit.empty')}
          />
          {page.pageInfo.hasNextPage ? (
            <Button
              variant="secondary"
              busy={loading}
              onClick={() =>
                fetchMore({
                  variables: { after: page.pageInfo.endCursor },
                  updateQuery: (prev, { fetchMoreResult }) => ({
                    auditTrail: {
                      ...fetchMoreResult.auditTrail,
                      edges: [...prev.auditTrail.edges, ...fetchMoreResult.auditTrail.edges],
                    },
                  }),
                })
              }
            >
              {t('audit.more')}
            </Button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
