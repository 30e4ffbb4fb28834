import { ApolloProvider } from '@apollo/client/react';
import type { RemoteMountOptions } from '@werkgezond/graphql-client';
import { Alert, ErrorBoundary, SyncBrowserHistory } from '@werkgezond/ui';
import { useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router';
import { AdminNav } from './components/AdminNav';
import { createAdminI18n } from './i18n/i18n';
import { AuditPage } from './pages/AuditPage';
import { BudgetPage } from './pages/BudgetPage';
import { CoachesPage } from './pages/CoachesPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ProgrammeNewPage } from './pages/ProgrammeNewPage';
import { ProgrammePage } from './pages/ProgrammePage';
import { ProgrammesPage } from './pages/ProgrammesPage';
import { ReferralsPage } from './pages/ReferralsPage';
import { SurveysPage } from './pages/SurveysPage';
import { UsersPage } from './pages/UsersPage';
import adminCss from './styles/admin.css?inline';
import { isAdmin, useViewer, ViewerContext } from './ViewerContext';

function Crashed() {
  const { t } = useTranslation('admin');
  return (
    <Alert variant="error" title={t('ui:errorTitle')}>
      <p>{t('crashed')}</p>
    </Alert>
  );
}

function AdminLayout() {
  return (
    <>
      <style href="werkgezond-admin" precedence="default">
        {adminCss}
      </style>
      <AdminNav />
      <Outlet />
    </>
  );
}

/** Pages only administrators open; the API refuses the calls for anyone else anyway. */
function AdminOnly({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation('admin');
  return isAdmin(useViewer()) ? children : <Alert variant="warning" title={t('adminOnly')} />;
}

/** The back office's routes, under the shell's basePath (/beheer). */
export function AdminRoutes() {
  return (
    <Routes>
      <Route element={<AdminLayout />}>
        <Route index element={<ProgrammesPage />} />
        <Route
          path="programmas/nieuw"
          element={
            <AdminOnly>
              <ProgrammeNewPage />
            </AdminOnly>
          }
        />
        <Route path="programmas/:key" element={<ProgrammePage />} />
        <Route path="programmas/:key/budget" element={<BudgetPage />} />
        <Route path="coaches" element={<CoachesPage />} />
        <Route path="enquetes" element={<SurveysPage />} />
        <Route
          path="gebruikers"
          element={
            <AdminOnly>
              <UsersPage />
            </AdminOnly>
          }
        />
        <Route
          path="kanalen"
          element={
            <AdminOnly>
              <ReferralsPage />
            </AdminOnly>
          }
        />
        <Route
          path="audit"
          element={
            <AdminOnly>
              <AuditPage />
            </AdminOnly>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function AdminApp({ client, locale, viewer, basePath }: RemoteMountOptions) {
  const i18n = useMemo(() => createAdminI18n(locale), [locale]);
  return (
    <ApolloProvider client={client}>
      <I18nextProvider i18n={i18n}>
        <ViewerContext value={viewer}>
          <ErrorBoundary fallback={() => <Crashed />}>
            <BrowserRouter basename={basePath}>
              <SyncBrowserHistory />
              <AdminRoutes />
            </BrowserRouter>
          </ErrorBoundary>
        </ViewerContext>
      </I18nextProvider>
    </ApolloProvider>
  );
}
