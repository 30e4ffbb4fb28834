import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { GraphQLResponse } from './harness.js';

const apiRoot = resolve(import.meta.dirname, '../..');
const mainJs = join(apiRoot, 'dist/main.js');

/** An API started the way production starts it (`node dist/main.js`), in a process of its own. */
export interface ApiProcess {
  url: string;
  pid: number;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** SIGTERM (the API drains and exits), then waits for the exit; SIGKILL after 15 s. */
  close(): Promise<void>;
}

/** Newest modification time of the server's sources (tests and test helpers left out). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== import.meta.dirname) newest = Math.max(newest, newestSource(path));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

/**
 * Fails with what to do when dist/ is missing or older than the server's sources: the process
 * runs the compiled API, so a stale build would test old code. Turbo builds the api before its
 * tests (apps/api/turbo.json); a direct `npx vitest run` needs a build after source changes.
 */
function assertBuilt(): void {
  const hint = 'run `pnpm turbo run build --filter=@werkgezond/api` first';
  let built: number;
  try {
    built = statSync(mainJs).mtimeMs;
  } catch {
    throw new Error(`${mainJs} is missing: ${hint}`);
  }
  if (newestSource(join(apiRoot, 'src')) > built)
    throw new Error(`${mainJs} is older than the sources in apps/api/src: ${hint}`);
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/**
 * Starts `node dist/main.js` on a free port against `databaseUrl` (a PostgreSQL server, not the
 * embedded one) without the job worker, and waits until /health/ready answers 200.
 */
export async function startApiProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<ApiProcess> {
  assertBuilt();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'werkgezond-api-process-'));
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', mainJs], {
    cwd: apiRoot,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      JOBS_WORKER: 'off',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let gone = false;
  void exited.then(() => {
    gone = true;
  });

  const close = async () => {
    if (!gone) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (gone) {
      await close();
      throw new Error(`the API process exited before it was ready:\n${output}`);
    }
    const ready = await fetch(`${url}/health/ready`).then(
      (res) => res.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() >= deadline) {
      await close();
      throw new Error(`the API process was not ready within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  return {
    url,
    pid: child.pid!,
    async gql(query, variables, headers = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
    close,
  };
}
