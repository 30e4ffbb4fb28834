import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Node resolves `graphql` (v16 has no "exports") to its CommonJS main, and so do Apollo and
    // type-graphql; Vite would pick the .mjs "module" build for our own files, giving two
    // graphql instances ("Cannot use GraphQLSchema from another module or realm"). Resolve as Node.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }],
  },
  test: {
    include: ['src/**/*.test.ts'],
    pool: 'forks',
    // One PostgreSQL (embedded or DATABASE_URL), migrated and loaded once for every file.
    globalSetup: ['src/test/global-setup.ts'],
    setupFiles: ['src/test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Files share one database and some of them write to it (new companies, applications,
    // events); the research attacker tests combine several answers and need them to come from
    // the same data. So files run one after another, on the embedded database and on CI's.
    maxWorkers: 1,
    fileParallelism: false,
  },
});
