import { ApolloProvider } from '@apollo/client/react';
import type { RemoteMountOptions } from '@werkgezond/graphql-client';
import { Alert, ErrorBoundary, SyncBrowserHistory } from '@werkgezond/ui';
import { useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { createPortalI18n } from './i18n/i18n';
import { MyApplicationsPage } from './pages/MyApplicationsPage';
import { PortalNotFoundPage } from './pages/PortalNotFoundPage';
import { ViewerContext } from './ViewerContext';

function Crashed() {
  const { t } = useTranslation('portal');
  return (
    <Alert variant="error" title={t('ui:errorTitle')}>
      <p>{t('crashed')}</p>
    </Alert>
  );
}

/** The portal's routes; its own router works under the shell's basePath (e.g. /portaal). */
export function PortalRoutes() {
  return (
    <Routes>
      <Route index element={<MyApplicationsPage />} />
      <Route path="*" element={<PortalNotFoundPage />} />
    </Routes>
  );
}

export function PortalApp({ client, locale, viewer, basePath }: RemoteMountOptions) {
  const i18n = useMemo(() => createPortalI18n(locale), [locale]);
  return (
    <ApolloProvider client={client}>
      <I18nextProvider i18n={i18n}>
        <ViewerContext value={viewer}>
          <ErrorBoundary fallback={() => <Crashed />}>
            <BrowserRouter basename={basePath}>
              <SyncBrowserHistory />
              <PortalRoutes />
            </BrowserRouter>
          </ErrorBoundary>
        </ViewerContext>
      </I18nextProvider>
    </ApolloProvider>
  );
}
