import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Built into dist/ and served by the API at /research (no CDN: everything is bundled). */
export default defineConfig({
  base: '/research/',
  plugins: [react()],
  build: { target: 'esnext', outDir: 'dist', chunkSizeWarningLimit: 6000 },
  worker: { format: 'es' },
  server: { proxy: { '/research/graphql': 'http://localhost:4000' } },
});
