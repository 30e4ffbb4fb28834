import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests in real Chromium against the real system: the global setup starts the
 * built API (which serves the built shell and remotes) on a free port with a fresh embedded
 * database. Turbo builds api, shell, portal and analytics before this runs.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    environment: 'node',
    pool: 'forks',
    // One browser and one server: files run one after another.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
