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
  // The API serves apps/analytics/dist at /analytics/, so every asset URL starts there.
  base: '/analytics/',
  plugins: [
    federation({
      name: 'analytics',
      filename: 'remoteEntry.js',
      exposes: { './mount': './src/mount.tsx' },
      shared,
      dts: false,
    }),
    react(),
  ],
  build: {
    target: 'esnext',
    // exceljs (about 930 kB) is loaded only when an analyst downloads an XLSX answer.
    chunkSizeWarningLimit: 1000,
    // index.html only starts the standalone development page; production is hosted by the shell.
    ...(command === 'build' ? { rollupOptions: { input: {} } } : {}),
  },
  server: {
    port: 5175,
    strictPort: true,
    origin: 'http://localhost:5175',
    proxy: { '/graphql': 'http://localhost:4000' },
  },
}));
