import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Keep equal to the shell's list (apps/shell/vite.config.ts): the shell provides these. */
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

export default defineConfig(({ command }) => ({
  // The API serves apps/portal/dist at /portal/, so every asset URL starts there.
  base: '/portal/',
  plugins: [
    federation({
      name: 'portal',
      filename: 'remoteEntry.js',
      exposes: { './mount': './src/mount.tsx' },
      shared,
      dts: false,
    }),
    react(),
  ],
  build: {
    target: 'esnext',
    // index.html only starts the standalone development page; production is hosted by the shell.
    ...(command === 'build' ? { rollupOptions: { input: {} } } : {}),
  },
  server: {
    port: 5174,
    strictPort: true,
    origin: 'http://localhost:5174',
    // The API on :4000: GraphQL, and the dossier attachments (upload and download).
    proxy: { '/graphql': 'http://localhost:4000', '/api': 'http://localhost:4000' },
  },
}));
