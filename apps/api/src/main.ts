import './node-env.js';
import 'reflect-metadata';
import { join, resolve } from 'node:path';
import { pino } from 'pino';
import { isDevelopment, loadConfig } from './config.js';
import { createDataSource } from './database/data-source.js';
import { loadDemo } from './database/dataset/demo.js';
import { startEmbeddedDatabase } from './database/embedded.js';
import { prioritiseDataSource } from './database/priority.js';
import { createReadRouting } from './database/read-replicas.js';
import { JobQueue } from './jobs/job-queue.js';
import { DRAIN_TIMEOUT_MS } from './ops/drain.js';
import { installShutdown } from './ops/shutdown.js';
import { createApp } from './server.js';

const config = loadConfig();
const logger = pino(
  {
    level: config.LOG_LEVEL,
    // Session cookies and API keys never reach the logs.
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    // Readable lines in a terminal; JSON (one object per line) everywhere else.
    ...(process.stdout.isTTY
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } }
      : {}),
  },
  // Not in a terminal: lines written while a write is under way go out together in the next
  // one (no delay when idle; pino flushes on exit), instead of one blocking write per request.
  process.stdout.isTTY ? undefined : pino.destination({ dest: 1, sync: false }),
);

/** Embedded database and attachments live here unless configured otherwise. */
const dataDir = config.DATA_DIR ?? resolve(import.meta.dirname, '../.data');
const embedded = config.DATABASE_URL ? null : await startEmbeddedDatabase(join(dataDir, 'pglite'));
const dataSource = createDataSource({
  url: config.DATABASE_URL ?? embedded!.url,
  embedded: !!embedded,
});
await dataSource.initialize();
if (embedded && config.DATABASE_REPLICA_URL.length) {
  logger.warn('DATABASE_REPLICA_URL is ignored: replicas need DATABASE_URL (a PostgreSQL server)');
}
const readRouting = await createReadRouting(
  dataSource,
  embedded ? [] : config.DATABASE_REPLICA_URL,
  logger,
);
// One embedded connection: sign-ins and the portal go before queued analytics (priority.ts).
if (embedded) prioritiseDataSource(dataSource);
const ran = await dataSource.runMigrations({ transaction: 'each' });
if (ran.length) logger.info({ migrations: ran.map((m) => m.name) }, 'migrations applied');

// The bundled dataset is only loaded into the embedded database or when asked for explicitly.
const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM programme');
if (count === 0 && (embedded || config.WERKGEZOND_DEMO)) {
  logger.info('empty database: loading the bundled dataset (first start only)…');
  const started = Date.now();
  await loadDemo(dataSource);
  logger.info({ ms: Date.now() - started }, 'bundled dataset loaded');
}

// Background work (rollup rebuilds, e-mail, imports) runs from the PostgreSQL job queue.
const jobs = JobQueue.for(dataSource, { supervise: config.JOBS_WORKER === 'on', logger });
await jobs.start();
if (config.JOBS_WORKER === 'on') await jobs.work();

const { httpServer, drain } = await createApp({
  dataSource,
  logger,
  development: isDevelopment(config),
  webRoot: resolve(import.meta.dirname, '../..'),
  attachmentDir: config.ATTACHMENT_DIR ?? join(dataDir, 'attachments'),
  metricsToken: config.METRICS_TOKEN,
  readRouting,
  sessionCache:
    config.SESSION_CACHE_URL === 'off' ? false : { listenUrl: config.SESSION_CACHE_URL },
});
await new Promise<void>((done) => httpServer.listen(config.PORT, config.HOST, done));
const base = `http://localhost:${config.PORT}`;
logger.info(
  {
    graphql: `${base}/graphql`,
    health: `${base}/health`,
    database: embedded ? 'embedded' : 'DATABASE_URL',
    replicas: readRouting.replicas.length,
  },
  `Werkgezond is running at ${base}/`,
);

// SIGTERM (orchestrators, Ctrl-C): requests in flight finish (up to 10 s), new ones get 503.
installShutdown(process, {
  logger,
  drain: () => drain(DRAIN_TIMEOUT_MS),
  close: [
    () => jobs.stop(),
    () => readRouting.destroy(),
    () => dataSource.destroy(),
    async () => embedded?.stop(),
  ],
  exit: (code) => process.exit(code),
});
