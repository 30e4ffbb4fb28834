import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Shared singletons: the host provides them and the remotes reuse them, so there is one React,
 * one router and one Apollo Client (the instance the shell creates and passes to mount).
 * Keep this list equal in apps/portal, apps/analytics and apps/admin. Subpaths such as react/jsx-runtime,
 * react-dom/client and @apollo/client/react inherit these settings.
 */
const shared = {
  react: { singleton: true, requiredVersion: '^19.3.1' },
  'react-dom': { singleton: true, requiredVersion: '^19.3.1' },
  'react-router': { singleton: true, requiredVersion: '^7.18.6' },
  '@apollo/client': { singleton: true, requiredVersion: '^4.3.8' },
  graphql: { singleton: true, requiredVersion: '^16.15.0' },
  rxjs: { singleton: true, requiredVersion: '^7.8.2' },
  // Each app makes its own instance (createI18n); one copy of the library is enough.
  i18next: { singleton: true, requiredVersion: '^26.7.2' },
};

export default defineConfig(() => {
  return {
    base: '/',
    plugins: [
      federation({
        name: 'shell',
        // No static remotes: the shell registers a remote at run time when its route is opened
        // (src/remotes/loadRemoteMount.ts), so the sign-in page fetches no remote entry.
        shared,
        dts: false,
      }),
      react(),
    ],
    build: { target: 'esnext' },
    server: {
      port: 5173,
      strictPort: true,
      // Development: the API on :4000, the remotes' dev servers on :5174 and :5175.
      proxy: {
        '/graphql': 'http://localhost:4000',
        '/health': 'http://localhost:4000',
        '/api': 'http://localhost:4000',
        '/portal/': { target: 'http://localhost:5174', ws: true },
        '/analytics/': { target: 'http://localhost:5175', ws: true },
        '/admin/': { target: 'http://localhost:5176', ws: true },
      },
    },
    preview: {
      port: 4173,
      proxy: {
        '/graphql': 'http://localhost:4000',
        '/api': 'http://localhost:4000',
        '/portal/': 'http://localhost:4000',
        '/analytics/': 'http://localhost:4000',
        '/admin/': 'http://localhost:4000',
      },
    },
  };
});
