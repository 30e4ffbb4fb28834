import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Unit and component tests (jsdom). The e2e suite has its own config: vitest.e2e.config.ts.
export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
  },
});
