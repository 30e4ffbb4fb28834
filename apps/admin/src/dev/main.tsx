// Development only: the back office on its own (pnpm --filter @werkgezond/admin dev), with its
// own Apollo Client against the API on :4000 through Vite's /graphql proxy.
import '@werkgezond/ui/theme.css';
import { runStandalone } from '@werkgezond/graphql-client/standalone';
import { initialLocale } from '@werkgezond/ui';
import { mount } from '../mount';

void runStandalone({ mount, basePath: '/beheer', locale: initialLocale() });
