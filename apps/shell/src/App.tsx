import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { SyncBrowserHistory } from '@werkgezond/ui';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { LocaleProvider } from './i18n/LocaleContext';
import { ShellLayout } from './layout/ShellLayout';
import {
  ADMIN_PATHS,
  APP_KEYS,
  APP_PATHS,
  type AppKey,
  canOpen,
  INVITATION_PATH,
  isAdmin,
  NO_ACCESS_PATH,
  SIGN_IN_PATH,
  SIGN_UP_PATH,
} from './navigation/apps';
import { AcceptInvitationPage } from './pages/AcceptInvitationPage';
import { HomeRedirect } from './pages/HomeRedirect';
import { NoAccessPage } from './pages/NoAccessPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ResearchKeysPage } from './pages/ResearchKeysPage';
import { SentMessagesPage } from './pages/SentMessagesPage';
import { SignInPage } from './pages/SignInPage';
import { SignUpPage } from './pages/SignUpPage';
import { RemoteOutlet, type RemoteOutletProps } from './remotes/RemoteOutlet';
import { RequireViewer } from './session/RequireViewer';

export interface AppProps {
  client: ApolloClient;
  i18n: I18n;
  /** For tests: replaces the Module Federation loader. */
  loadRemote?: RemoteOutletProps['load'];
}

function RemoteRoute({ app, load }: { app: AppKey; load?: RemoteOutletProps['load'] }) {
  return (
    <RequireViewer>
      {(viewer) =>
        canOpen(app, viewer.roles) ? (
          <RemoteOutlet key={app} app={app} viewer={viewer} {...(load ? { load } : {})} />
        ) : (
          <NoAccessPage />
        )
      }
    </RequireViewer>
  );
}

export function App({ client, i18n, loadRemote }: AppProps) {
  return (
    <ApolloProvider client={client}>
      <I18nextProvider i18n={i18n}>
        <LocaleProvider i18n={i18n}>
          <BrowserRouter>
            <SyncBrowserHistory />
            <Routes>
              <Route element={<ShellLayout />}>
                <Route index element={<HomeRedirect />} />
                <Route path={SIGN_IN_PATH} element={<SignInPage />} />
                <Route path={SIGN_UP_PATH} element={<SignUpPage />} />
                <Route path={NO_ACCESS_PATH} element={<NoAccessPage />} />
                <Route path={INVITATION_PATH} element={<AcceptInvitationPage />} />
                {APP_KEYS.map((app) => (
                  <Route
                    key={app}
                    path={`${APP_PATHS[app]}/*`}
                    element={<RemoteRoute app={app} load={loadRemote} />}
                  />
                ))}
                <Route
                  path={ADMIN_PATHS.researchKeys}
                  element={
                    <RequireViewer>
                      {(viewer) =>
                        isAdmin(viewer.roles) ? <ResearchKeysPage /> : <NoAccessPage />
                      }
                    </RequireViewer>
                  }
                />
                <Route
                  path={ADMIN_PATHS.sentMessages}
                  element={
                    <RequireViewer>
                      {(viewer) =>
                        isAdmin(viewer.roles) ? <SentMessagesPage /> : <NoAccessPage />
                      }
                    </RequireViewer>
                  }
                />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </LocaleProvider>
      </I18nextProvider>
    </ApolloProvider>
  );
}
