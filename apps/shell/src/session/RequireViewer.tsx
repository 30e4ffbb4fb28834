import type { AppShell_ViewerFragment } from '@werkgezond/graphql-client';
import { isNetworkError } from '@werkgezond/graphql-client';
import { Alert, Button, Spinner } from '@werkgezond/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { SIGN_IN_PATH } from '../navigation/apps';
import { useViewer } from './useViewer';

interface Props {
  children: (viewer: AppShell_ViewerFragment) => ReactNode;
}

/** Shows its children only to a signed-in user; others go to sign-in and come back after. */
export function RequireViewer({ children }: Props) {
  const { t } = useTranslation('shell');
  const { viewer, loading, error, refetch } = useViewer();
  const location = useLocation();
  if (loading) return <Spinner label={t('session.checking')} />;
  if (error && !viewer) {
    return (
      <Alert
        variant="error"
        title={t('session.unreachableTitle')}
        actions={
          <Button variant="secondary" onClick={() => void refetch()}>
            {t('ui:retry')}
          </Button>
        }
      >
        <p>{isNetworkError(error) ? t('session.unreachable') : t('ui:unexpectedError')}</p>
      </Alert>
    );
  }
  if (!viewer) {
    const returnTo = `${location.pathname}${location.search}`;
    return <Navigate to={`${SIGN_IN_PATH}?terug=${encodeURIComponent(returnTo)}`} replace />;
  }
  return <>{children(viewer)}</>;
}
