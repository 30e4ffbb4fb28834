import type { MyApplicationsTable_ApplicationFragment } from '@werkgezond/graphql-client';
import { DataTable, type DataTableColumn, isoDate, useFormat, useStageLabel } from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface ApplicationsTableProps {
  applications: readonly MyApplicationsTable_ApplicationFragment[];
  caption: string;
}

export function ApplicationsTable({ applications, caption }: ApplicationsTableProps) {
  const { t } = useTranslation('portal');
  const format = useFormat();
  const stageLabel = useStageLabel();
  const stage = (a: MyApplicationsTable_ApplicationFragment) =>
    a.currentStage ? stageLabel(a.currentStage) : t('applications.noStage');
  const registration = (a: MyApplicationsTable_ApplicationFragment) =>
    a.registrationType === 'GROUP'
      ? t('applications.registration.GROUP', { count: a.companyCount })
      : t('applications.registration.INDIVIDUAL');

  const columns: DataTableColumn<MyApplicationsTable_ApplicationFragment>[] = [
    {
      key: 'organisation',
      header: t('applications.columns.organisation'),
      cell: (a) => a.organisation.name,
      csv: (a) => a.organisation.name,
      rowHeader: true,
    },
    {
      key: 'programme',
      header: t('applications.columns.programme'),
      cell: (a) => a.programme.name,
      csv: (a) => a.programme.name,
    },
    {
      key: 'edition',
      header: t('applications.columns.edition'),
      cell: (a) => a.edition.year,
      csv: (a) => a.edition.year,
      align: 'end',
    },
    {
      key: 'registration',
      header: t('applications.columns.registration'),
      cell: registration,
      csv: registration,
    },
    { key: 'stage', header: t('applications.columns.stage'), cell: stage, csv: stage },
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
      key: 'open',
      header: t('applications.columns.open'),
      cell: (a) => (
        <Link to={`/aanvragen/${a.id}`}>
          {t('applications.open')}
          <span className="wg-visually-hidden">
            {' '}
            {t('applications.openContext', {
              organisation: a.organisation.name,
              programme: a.programme.name,
              year: a.edition.year,
            })}
          </span>
        </Link>
      ),
    },
  ];

  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={applications}
      getRowKey={(a) => a.id}
      csvFileName="aanvragen"
      csvLabel={t('applications.csvLabel')}
    />
  );
}
