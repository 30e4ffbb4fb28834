import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { isNetworkError, MyApplicationsDocument } from '@werkgezond/graphql-client';
import { Alert, Button, EmptyState, PageHeader, Spinner, useDocumentTitle } from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { actsForOrganisation } from '../access';
import { ApplicationsTable } from '../components/ApplicationsTable';
import { useViewer } from '../ViewerContext';

export const PAGE_SIZE = 25;

/**
 * "Mijn aanvragen": the applications the viewer may see. Which ones is the API's decision
 * (own organisation, the network's registrations, or the programmes a manager handles); the
 * page only adapts its title and wording to the role.
 */
export function MyApplicationsPage() {
  const { t } = useTranslation('portal');
  const viewer = useViewer();
  const isAdmin = viewer.roles.includes('ADMIN');
  const isManager = viewer.roles.includes('PROGRAMME_MANAGER');
  const title = isAdmin
    ? t('applications.adminTitle')
    : isManager
      ? t('applications.managerTitle')
      : t('applications.title');
  useDocumentTitle(title);
  const { data, error, networkStatus, refetch, fetchMore } = useQuery(MyApplicationsDocument, {
    variables: { first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });

  const description = isAdmin
    ? t('applications.descriptionAdmin')
    : isManager
      ? t('applications.descriptionManager', { programmes: viewer.programmeKeys.join(', ') })
      : viewer.organisation
        ? t('applications.descriptionOrganisation', { organisation: viewer.organisation.name })
        : t('applications.descriptionOwn');

  const connection = data?.applications;
  const rows = connection?.edges.map((edge) => edge.node) ?? [];

  let body: React.ReactNode;
  if (networkStatus === NetworkStatus.loading && !connection) {
    body = <Spinner label={t('applications.loading')} />;
  } else if (error && !connection) {
    body = (
      <Alert
        variant="error"
        title={t('applications.errorTitle')}
        actions={
          <Button variant="secondary" onClick={() => void refetch()}>
            {t('ui:retry')}
          </Button>
        }
      >
        <p>{isNetworkError(error) ? t('ui:networkError') : t('ui:unexpectedError')}</p>
      </Alert>
    );
  } else if (!connection || connection.totalCount === 0) {
    body = (
      <EmptyState
        title={t('applications.emptyTitle')}
        action={
          actsForOrganisation(viewer) ? (
            <Link className="wg-button wg-button--primary" to="/programmas">
              {t('applications.browseProgrammes')}
            </Link>
          ) : null
        }
      >
        {t('applications.empty')}
      </EmptyState>
    );
  } else {
    body = (
      <>
        <ApplicationsTable
          applications={rows}
          caption={
            !isManager && !isAdmin && viewer.organisation
              ? t('applications.captionOrganisation', { organisation: viewer.organisation.name })
              : t('applications.caption')
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
  }

  return (
    <>
      <PageHeader
        title={title}
        description={description}
        actions={
          actsForOrganisation(viewer) ? (
            <Link className="wg-button wg-button--primary" to="/aanvragen/nieuw">
              {t('applications.new')}
            </Link>
          ) : null
        }
      />
      {body}
    </>
  );
}
