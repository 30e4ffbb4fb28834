import '@werkgezond/ui/theme.css';
import { createApolloClient } from '@werkgezond/graphql-client';
import { initialLocale } from '@werkgezond/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createShellI18n } from './i18n/i18n';
import { SIGN_IN_PATH } from './navigation/apps';
import { forgetSession } from './session/session';

let sessionLost = false;
const client = createApolloClient({
  uri: import.meta.env.VITE_GRAPHQL_URL || '/graphql',
  // The session expired or was revoked while the page was open: back to sign-in, once.
  onUnauthenticated: () => {
    if (sessionLost) return;
    sessionLost = true;
    const back = encodeURIComponent(`${window.location.pathname}${window.location.search}`);
    void forgetSession(client, `${SIGN_IN_PATH}?verlopen=1&terug=${back}`);
  },
});

const locale = initialLocale();
document.documentElement.lang = locale;
const i18n = createShellI18n(locale);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App client={client} i18n={i18n} />
  </StrictMode>,
);
