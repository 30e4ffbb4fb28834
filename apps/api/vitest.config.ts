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
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Files share one database. The embedded one serves a single connection safely, so its
    // files run one after another; a real PostgreSQL (DATABASE_URL, as in CI) takes two at once.
    maxWorkers: process.env.DATABASE_URL ? 2 : 1,
    fileParallelism: !!process.env.DATABASE_URL,
  },
});
