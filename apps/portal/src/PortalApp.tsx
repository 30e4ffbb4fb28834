import { ApolloProvider } from '@apollo/client/react';
import type { RemoteMountOptions } from '@werkgezond/graphql-client';
import { Alert, ErrorBoundary, SyncBrowserHistory } from '@werkgezond/ui';
import { useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router';
import { PortalNav } from './components/PortalNav';
import { createPortalI18n } from './i18n/i18n';
import { ExpenditurePage } from './manager/ExpenditurePage';
import { FollowUpPage } from './manager/FollowUpPage';
import { ImportPage } from './manager/ImportPage';
import { ManagerQueuePage } from './manager/ManagerQueuePage';
import { ApplicationPage } from './pages/ApplicationPage';
import { ApplyPage } from './pages/ApplyPage';
import { DossierPage } from './pages/DossierPage';
import { MyApplicationsPage } from './pages/MyApplicationsPage';
import { PortalNotFoundPage } from './pages/PortalNotFoundPage';
import { ProfilePage } from './pages/ProfilePage';
import { ProgrammesPage } from './pages/ProgrammesPage';
import { SurveyPage } from './pages/SurveyPage';
import { SurveysPage } from './pages/SurveysPage';
import { ToolboxComponentPage } from './pages/ToolboxComponentPage';
import { ToolboxPage } from './pages/ToolboxPage';
import { WithdrawPage } from './pages/WithdrawPage';
import { ScanFormPage } from './scan/ScanFormPage';
import { ScanPage } from './scan/ScanPage';
import { ScanResultPage } from './scan/ScanResultPage';
import portalCss from './styles/portal.css?inline';
import { ViewerContext } from './ViewerContext';

function Crashed() {
  const { t } = useTranslation('portal');
  return (
    <Alert variant="error" title={t('ui:errorTitle')}>
      <p>{t('crashed')}</p>
    </Alert>
  );
}

/** The portal's frame inside the shell's <main>: its own navigation, then the page. */
function PortalLayout() {
  return (
    <>
      {/* React hoists this into <head> once, however often the portal mounts. */}
      <style href="werkgezond-portal" precedence="default">
        {portalCss}
      </style>
      <PortalNav />
      <Outlet />
    </>
  );
}

/** The portal's routes; its own router works under the shell's basePath (e.g. /portaal). */
export function PortalRoutes() {
  return (
    <Routes>
      <Route element={<PortalLayout />}>
        <Route index element={<MyApplicationsPage />} />
        <Route path="programmas" element={<ProgrammesPage />} />
        <Route path="aanvragen/nieuw" element={<ApplyPage />} />
        <Route path="aanvragen/:id" element={<ApplicationPage />} />
        <Route path="aanvragen/:id/bewerken" element={<ApplyPage />} />
        <Route path="aanvragen/:id/dossier" element={<DossierPage />} />
        <Route path="aanvragen/:id/intrekken" element={<WithdrawPage />} />
        <Route path="profiel" element={<ProfilePage />} />
        <Route path="bevragingen" element={<SurveysPage />} />
        <Route path="bevragingen/:programmeKey/:surveyId" element={<SurveyPage />} />
        <Route path="scan" element={<ScanPage />} />
        <Route path="scan/invullen" element={<ScanFormPage />} />
        <Route path="scan/:id" element={<ScanResultPage />} />
        <Route path="toolbox" element={<ToolboxPage />} />
        <Route path="toolbox/:programmeKey/:componentKey" element={<ToolboxComponentPage />} />
        <Route path="beheer" element={<ManagerQueuePage />} />
        <Route path="beheer/uitgaven" element={<ExpenditurePage />} />
        <Route path="beheer/opvolging" element={<FollowUpPage />} />
        <Route path="beheer/import" element={<ImportPage />} />
        <Route path="*" element={<PortalNotFoundPage />} />
      </Route>
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
