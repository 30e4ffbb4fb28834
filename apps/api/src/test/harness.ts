import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { createDataSource } from '../database/data-source.js';
import { loadDemo } from '../database/dataset/demo.js';
import { RATE_LIMIT_TABLE } from '../database/rate-limit.js';
import { createReadRouting } from '../database/read-replicas.js';
import { JobQueue } from '../jobs/job-queue.js';
import type { ResearchConfig } from '../research/research.config.js';
import { type App, type AppOptions, createApp } from '../server.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

export interface TestServer {
  url: string;
  dataSource: DataSource;
  /** Counts SQL statements sent, for "constant number of queries" assertions. */
  queryCount(): number;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** Signs in through the API and returns the Cookie header to send with later requests. */
  signIn(email: string, password?: string): Promise<{ cookie: string }>;
  /** The app behind it (express app, metrics, drain) for operability tests. */
  app: App;
  close(): Promise<void>;
}

export const DEMO = {
  participant: 'deelnemer@demo.werkgezond.be',
  coordinator: 'netwerk@demo.werkgezond.be',
  manager: 'beheerder@demo.werkgezond.be',
  analyst: 'analist@demo.werkgezond.be',
  admin: 'admin@demo.werkgezond.be',
} as const;
export const DEMO_PASSWORD = 'werkgezond-demo';

/**
 * Starts the real HTTP server on a free port against the shared test database.
 * `research`: limits of the research endpoint for this server (e.g. a tiny timeout).
 * `as`: sign in as this demo user and send that session with every gql() call by default.
 * `freshDataset`: reload the bundled dataset first, for tests that compare answers with the
 * published figures or with each other and must not see what earlier test files wrote.
 */
export async function startTestServer(
  options: {
    as?: string;
    research?: Partial<ResearchConfig>;
    freshDataset?: boolean;
    /** Stack traces in errors (default: only with TEST_DEBUG=1). */
    development?: boolean;
    /**
     * Keep the rate-limit counters (sign-in throttling, research budgets) that earlier servers
     * left in the shared database. By default a test file starts with none, as it did when they
     * were kept in process memory; a second instance of the same file keeps them.
     */
    keepRateLimits?: boolean;
    metricsToken?: string;
    /** Route analytics and research reads to these streaming replicas. */
    replicaUrls?: string[];
    /** Where the session cache listens, or false for none (default: as in production). */
    sessionCache?: AppOptions['sessionCache'];
  } = {},
): Promise<TestServer> {
  let statements = 0;
  const dataSource = createDataSource({
    url: inject('databaseUrl'),
    embedded: inject('embedded'),
    poolSize: 2,
    logger: {
      logQuery: () => {
        statements += 1;
      },
      logQueryError: () => undefined,
      logQuerySlow: () => undefined,
      logSchemaBuild: () => undefined,
      logMigration: () => undefined,
      log: () => undefined,
    },
  });
  await dataSource.initialize();
  // As main.ts does before serving: the queue's schema and queues exist before a request
  // enqueues a job in its transaction. Started lazily inside that transaction instead, pg-boss
  // would wait for a connection the transaction holds (the embedded database has one: a hang).
  await JobQueue.for(dataSource).start();
  if (options.freshDataset) await loadDemo(dataSource);
  if (!options.keepRateLimits) await dataSource.query(`DELETE FROM ${RATE_LIMIT_TABLE}`);
  const readRouting = options.replicaUrls?.length
    ? await createReadRouting(dataSource, options.replicaUrls, pino({ level: 'silent' }), 2)
    : undefined;
  const app = await createApp({
    dataSource,
    logger: pino({ level: process.env.TEST_DEBUG === '1' ? 'error' : 'silent' }),
    development: options.development ?? process.env.TEST_DEBUG === '1',
    attachmentDir: join(tmpdir(), `werkgezond-test-attachments-${process.pid}`),
    ...(options.research ? { research: options.research } : {}),
    metricsToken: options.metricsToken,
    ...(readRouting ? { readRouting } : {}),
    ...(options.sessionCache !== undefined ? { sessionCache: options.sessionCache } : {}),
  });
  const { httpServer } = app;
  await new Promise<void>((done) => httpServer.listen(0, '127.0.0.1', done));
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  let defaultCookie: string | undefined;
  const server: TestServer = {
    url,
    dataSource,
    app,
    queryCount: () => statements,
    async gql(query, variables, headers = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(defaultCookie ? { cookie: defaultCookie } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
    async signIn(email, password = DEMO_PASSWORD) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation ($input: SignInInput!) { signIn(input: $input) { id } }',
          variables: { input: { email, password } },
        }),
      });
      const body = (await res.json()) as { errors?: unknown };
      const setCookie = res.headers.get('set-cookie');
      if (body.errors || !setCookie)
        throw new Error(`sign-in failed: ${JSON.stringify(body.errors)}`);
      return { cookie: setCookie.split(';')[0]! };
    },
    async close() {
      if (httpServer.listening) await new Promise<void>((done) => httpServer.close(() => done()));
      await readRouting?.destroy();
      await JobQueue.for(dataSource).stop();
      await dataSource.destroy();
    },
  };
  if (options.as) defaultCookie = (await server.signIn(options.as)).cookie;
  return server;
}
