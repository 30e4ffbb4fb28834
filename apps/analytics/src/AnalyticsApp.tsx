import { ApolloProvider } from '@apollo/client/react';
import type { RemoteMountOptions } from '@werkgezond/graphql-client';
import { Alert, ErrorBoundary, SyncBrowserHistory } from '@werkgezond/ui';
import { useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { createAnalyticsI18n } from './i18n/i18n';
import { AnalyticsLayout } from './layout/AnalyticsLayout';
import { AnalyticsNotFoundPage } from './pages/AnalyticsNotFoundPage';
import { AnswerBuilderPage } from './pages/AnswerBuilderPage';
import { BudgetPage } from './pages/BudgetPage';
import { ChannelsPage } from './pages/ChannelsPage';
import { CohortsPage } from './pages/CohortsPage';
import { FunnelPage } from './pages/FunnelPage';
import { LeadTimePage } from './pages/LeadTimePage';
import { OverviewPage } from './pages/OverviewPage';
import { ReAimPage } from './pages/ReAimPage';
import { ViewerContext } from './ViewerContext';

function Crashed() {
  const { t } = useTranslation('analytics');
  return (
    <Alert variant="error" title={t('ui:errorTitle')}>
      <p>{t('crashed')}</p>
    </Alert>
  );
}

/** The analytics routes; its own router works under the shell's basePath (e.g. /analyse). */
export function AnalyticsRoutes() {
  return (
    <Routes>
      <Route element={<AnalyticsLayout />}>
        <Route index element={<OverviewPage />} />
        <Route path="trechter" element={<FunnelPage />} />
        <Route path="cohorten" element={<CohortsPage />} />
        <Route path="kanalen" element={<ChannelsPage />} />
        <Route path="budget" element={<BudgetPage />} />
        <Route path="doorlooptijd" element={<LeadTimePage />} />
        <Route path="re-aim" element={<ReAimPage />} />
        <Route path="antwoord" element={<AnswerBuilderPage />} />
        <Route path="*" element={<AnalyticsNotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function AnalyticsApp({ client, locale, viewer, basePath }: RemoteMountOptions) {
  const i18n = useMemo(() => createAnalyticsI18n(locale), [locale]);
  return (
    <ApolloProvider client={client}>
      <I18nextProvider i18n={i18n}>
        <ViewerContext value={viewer}>
          <ErrorBoundary fallback={() => <Crashed />}>
            <BrowserRouter basename={basePath}>
              <SyncBrowserHistory />
              <AnalyticsRoutes />
            </BrowserRouter>
          </ErrorBoundary>
        </ViewerContext>
      </I18nextProvider>
    </ApolloProvider>
  );
}
