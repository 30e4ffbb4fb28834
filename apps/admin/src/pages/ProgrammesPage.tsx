import { useQuery } from '@apollo/client/react';
import { type AdminProgrammeFragment, AdminProgrammesDocument } from '@werkgezond/graphql-client';
import {
  DataTable,
  type DataTableColumn,
  PageHeader,
  Spinner,
  useDocumentTitle,
} from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert, toProblem } from '../components/Problem';
import { isAdmin, useViewer } from '../ViewerContext';

/** Programmes with their open call; managers see the ones they manage, admins all. */
export function ProgrammesPage() {
  const { t } = useTranslation('admin');
  useDocumentTitle(t('programmes.title'));
  const viewer = useViewer();
  const { data, loading, error } = useQuery(AdminProgrammesDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const programmes = (data?.programmes ?? []).filter(
    (p) => isAdmin(viewer) || viewer.programmeKeys.includes(p.key),
  );
  const columns: DataTableColumn<AdminProgrammeFragment>[] = [
    {
      key: 'name',
      header: t('programmes.columns.name'),
      rowHeader: true,
      cell: (p) => <Link to={`/programmas/${p.key}`}>{p.name}</Link>,
    },
    { key: 'key', header: t('programmes.columns.key'), cell: (p) => <code>{p.key}</code> },
    {
      key: 'operator',
      header: t('programmes.columns.operator'),
      cell: (p) => p.operator?.name ?? '—',
    },
    {
      key: 'calls',
      header: t('programmes.columns.calls'),
      align: 'end',
      cell: (p) => p.editions.length,
    },
    {
      key: 'open',
      header: t('programmes.columns.openCall'),
      cell: (p) => {
        const open = p.editions.filter((e) => e.acceptsApplications);
        return open.length ? open.map((e) => e.name).join(', ') : t('programmes.noOpenCall');
      },
    },
  ];
  return (
    <div className="wg-stack">
      <PageHeader
        title={t('programmes.title')}
        description={t('programmes.intro')}
        actions={
          isAdmin(viewer) ? (
            <Link className="wg-button wg-button--primary" to="/programmas/nieuw">
              {t('programmes.new')}
            </Link>
          ) : null
        }
      />
      <ProblemAlert problem={error ? toProblem(error) : null} />
      {loading && !data ? <Spinner label={t('loading')} /> : null}
      {data ? (
        <DataTable
          caption={t('programmes.caption')}
          columns={columns}
          rows={programmes}
          getRowKey={(p) => p.id}
          emptyMessage={t('programmes.empty')}
        />
      ) : null}
    </div>
  );
}
