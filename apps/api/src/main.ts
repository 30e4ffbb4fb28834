import 'reflect-metadata';
import { join, resolve } from 'node:path';
import { pino } from 'pino';
import { loadConfig } from './config.js';
import { createDataSource } from './database/data-source.js';
import { loadDemo } from './database/dataset/demo.js';
import { startEmbeddedDatabase } from './database/embedded.js';
import { prioritiseDataSource } from './database/priority.js';
import { createApp } from './server.js';

const config = loadConfig();
const logger = pino({
  level: config.LOG_LEVEL,
  // Session cookies and API keys never reach the logs.
  redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
  // Readable lines in a terminal; JSON (one object per line) everywhere else.
  ...(process.stdout.isTTY
    ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } }
    : {}),
});

/** Embedded database and attachments live here unless configured otherwise. */
const dataDir = config.DATA_DIR ?? resolve(import.meta.dirname, '../.data');
const embedded = config.DATABASE_URL ? null : await startEmbeddedDatabase(join(dataDir, 'pglite'));
const dataSource = createDataSource({
  url: config.DATABASE_URL ?? embedded!.url,
  embedded: !!embedded,
});
await dataSource.initialize();
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

const { httpServer } = await createApp({
  dataSource,
  logger,
  development: config.NODE_ENV === 'development',
  webRoot: resolve(import.meta.dirname, '../..'),
  attachmentDir: config.ATTACHMENT_DIR ?? join(dataDir, 'attachments'),
});
await new Promise<void>((done) => httpServer.listen(config.PORT, config.HOST, done));
const base = `http://localhost:${config.PORT}`;
logger.info(
  {
    graphql: `${base}/graphql`,
    health: `${base}/health`,
    database: embedded ? 'embedded' : 'DATABASE_URL',
  },
  `Werkgezond is running at ${base}/`,
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  httpServer.close();
  await dataSource.destroy().catch(() => undefined);
  await embedded?.stop().catch(() => undefined);
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
