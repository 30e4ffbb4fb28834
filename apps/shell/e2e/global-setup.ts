import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the system under test answers, e.g. http://localhost:41234 */
    baseUrl: string;
  }
}

const repo = resolve(import.meta.dirname, '../../..');
const resultsDir = resolve(import.meta.dirname, '../test-results');
const REQUIRED_BUILDS = [
  'apps/api/dist/main.js',
  'apps/shell/dist/index.html',
  'apps/portal/dist/remoteEntry.js',
  'apps/analytics/dist/remoteEntry.js',
  'apps/admin/dist/remoteEntry.js',
];

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

async function waitForHealth(url: string, api: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (api.exitCode !== null)
      throw new Error(`The API exited with code ${api.exitCode} before it was healthy`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The API did not become healthy at ${url}/health within ${timeoutMs / 1000} s`);
}

/**
 * Starts the real system once for all e2e files: `node apps/api/dist/main.js` on a free port
 * with a fresh embedded database (the bundled dataset and the demo users) in a temporary
 * DATA_DIR. Set E2E_BASE_URL to test an already running system instead.
 */
export default async function setup(project: TestProject) {
  mkdirSync(resultsDir, { recursive: true });
  const external = process.env.E2E_BASE_URL;
  if (external) {
    project.provide('baseUrl', external.replace(/\/$/, ''));
    return;
  }
  const missing = REQUIRED_BUILDS.filter((file) => !existsSync(join(repo, file)));
  if (missing.length > 0) {
    throw new Error(
      `e2e needs the builds first (turbo runs them before the shell's test task): missing ${missing.join(', ')}. Run \`pnpm turbo run build\`.`,
    );
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'werkgezond-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  // Always the embedded database with the demo dataset, even when CI points DATABASE_URL at
  // its PostgreSQL for the API's integration tests.
  delete env.DATABASE_URL;
  delete env.WERKGEZOND_DEMO;
  const log = createWriteStream(join(resultsDir, 'api.log'));
  const api = spawn(process.execPath, ['--enable-source-maps', 'apps/api/dist/main.js'], {
    cwd: repo,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  api.stdout?.pipe(log);
  api.stderr?.pipe(log);
  const url = `http://localhost:${port}`;
  try {
    await waitForHealth(url, api, 150_000);
  } catch (error) {
    api.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}; see apps/shell/test-results/api.log`);
  }
  project.provide('baseUrl', url);

  return async () => {
    if (api.exitCode === null) {
      const exited = new Promise((done) => api.once('exit', done));
      api.kill('SIGTERM');
      const timer = setTimeout(() => api.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
