import { useQuery } from '@apollo/client/react';
import { PortalScansDocument } from '@werkgezond/graphql-client';
import { Alert, DataTable, PageHeader, Spinner, useDocumentTitle, useFormat } from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { actsForOrganisation } from '../access';
import { QueryFailure } from '../components/QueryFailure';
import { RoleNotice } from '../components/RoleNotice';
import { useViewer } from '../ViewerContext';

/** The company's scans: start, continue or re-take the scan; open earlier results. */
export function ScanPage() {
  const { t } = useTranslation('portal');
  const format = useFormat();
  const viewer = useViewer();
  const acting = actsForOrganisation(viewer) && viewer.roles.includes('PARTICIPANT');
  useDocumentTitle(t('scan.title'));
  const { data, error, loading, refetch } = useQuery(PortalScansDocument, {
    variables: { organisationId: viewer.organisation?.id ?? '' },
    skip: !acting,
    fetchPolicy: 'cache-and-network',
  });
  if (!acting) return <RoleNotice title={t('scan.title')} />;
  if (loading && !data)
    return (
      <>
        <PageHeader title={t('scan.title')} />
        <Spinner label={t('scan.loading')} />
      </>
    );
  if (!data)
    return (
      <>
        <PageHeader title={t('scan.title')} />
        <QueryFailure title={t('scan.errorTitle')} error={error} onRetry={() => void refetch()} />
      </>
    );
  const draft = data.healthPolicyScans.find((s) => s.status === 'DRAFT');
  const submitted = data.healthPolicyScans.filter((s) => s.status === 'SUBMITTED');
  const items = data.scanInstrument.items.length;
  return (
    <>
      <PageHeader
        title={t('scan.title')}
        description={t('scan.lead', { items, domains: data.scanInstrument.domains.length })}
      />
      {draft ? (
        <Alert variant="info">
          {t('scan.draftOpen', {
            answered: draft.answers.length,
            items,
            date: format.dateTime(draft.updatedAt),
          })}
        </Alert>
      ) : null}
      <p>
        <Link className="wg-button wg-button--primary" to="/scan/invullen">
          {draft ? t('scan.continue') : submitted.length ? t('scan.retake') : t('scan.start')}
        </Link>
      </p>
      <DataTable
        caption={t('scan.historyCaption')}
        columns={[
          {
            key: 'date',
            header: t('scan.date'),
            rowHeader: true,
            cell: (s) => (
              <Link to={`/scan/${s.id}`}>{format.date(String(s.submittedAt).slice(0, 10))}</Link>
            ),
          },
          {
            key: 'score',
            header: t('scan.score'),
            align: 'end',
            cell: (s) => format.number(s.score ?? 0, { maximumFractionDigits: 1 }),
          },
        ]}
        rows={submitted}
        getRowKey={(s) => s.id}
        emptyMessage={t('scan.noScans')}
      />
    </>
  );
}
