import { useApolloClient } from '@apollo/client/react';
import type { AppShell_ViewerFragment, RemoteMount } from '@werkgezond/graphql-client';
import { Alert, Button, Spinner, useDocumentTitle } from '@werkgezond/ui';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/LocaleContext';
import { APP_PATHS, type AppKey } from '../navigation/apps';
import { loadRemoteMount } from './loadRemoteMount';

export interface RemoteOutletProps {
  app: AppKey;
  viewer: AppShell_ViewerFragment;
  /** Injected in tests; the Module Federation loader otherwise. */
  load?: (app: AppKey, options: { retry: boolean }) => Promise<RemoteMount>;
}

type Status = 'loading' | 'mounted' | 'failed';

/**
 * Loads a remote and mounts it into a div the shell owns. Failure never leaves a blank page:
 * the shell shows what failed, keeps its navigation, and offers to try again. The remote is
 * mounted again when the language or the viewer changes.
 */
export function RemoteOutlet({ app, viewer, load = loadRemoteMount }: RemoteOutletProps) {
  const { t } = useTranslation('shell');
  const client = useApolloClient();
  const { locale } = useLocale();
  const container = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<Status>('loading');
  const [attempt, setAttempt] = useState(0);
  const appName = t(`nav.${app}`);
  // The remote sets its own page titles once mounted; until then, name the app.
  useDocumentTitle(status === 'mounted' ? null : appName);

  useEffect(() => {
    let cancelled = false;
    let unmount: (() => void) | undefined;
    setStatus('loading');
    load(app, { retry: attempt > 0 })
      .then((mount) => {
        if (cancelled || !container.current) return;
        unmount = mount(container.current, { client, locale, viewer, basePath: APP_PATHS[app] });
        setStatus('mounted');
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        console.error(`Loading the ${app} remote failed`, error);
        setStatus('failed');
      });
    return () => {
      cancelled = true;
      unmount?.();
    };
  }, [app, attempt, client, locale, viewer, load]);

  return (
    <>
      {status === 'loading' ? <Spinner label={t('remote.loading', { app: appName })} /> : null}
      {status === 'failed' ? (
        <Alert
          variant="error"
          title={t('remote.failedTitle', { app: appName })}
          actions={
            <Button variant="secondary" onClick={() => setAttempt((n) => n + 1)}>
              {t('remote.retry')}
            </Button>
          }
        >
          <p>{t('remote.failed')}</p>
        </Alert>
      ) : null}
      <div ref={container} data-remote={app} hidden={status === 'failed'} />
    </>
  );
}
