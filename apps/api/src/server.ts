import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { ReadRouting } from './database/read-replicas.js';
// Every job kind is known wherever an app runs (a service may queue any of them).
import './jobs/all-jobs.js';
import type { Context } from './graphql/context.js';
import { maskError } from './graphql/errors.js';
import { jsonBodyErrors, lastErrorHandler } from './graphql/http-errors.js';
import { inputGuardPlugin } from './graphql/input-guard.js';
import { internalErrorsPlugin, reportingContextFailures } from './graphql/internal-errors.js';
import { createLoaders } from './graphql/loaders.js';
import { knownOperationTypesRule } from './graphql/operation-types.rule.js';
import { getSchema } from './graphql/schema.js';
import { JobQueue } from './jobs/job-queue.js';
import { attachmentRoutes } from './modules/application/attachment.routes.js';
import { AuthService } from './modules/auth/auth.service.js';
import { SessionCache } from './modules/auth/session-cache.js';
import { readSessionToken } from './modules/auth/session-cookie.js';
import { defaultImportDir, importRoutes } from './modules/import/import.routes.js';
import { createDrainer, type Drainer } from './ops/drain.js';
import { healthRoutes } from './ops/health.routes.js';
import { Metrics } from './ops/metrics.js';
import { metricsRoutes } from './ops/metrics.routes.js';
import { requestLog } from './ops/request-log.js';
import type { ResearchConfig } from './research/research.config.js';
import { createResearchEndpoint } from './research/research.server.js';
import { DEFAULT_RESEARCH_IDE_DIR, researchIdeRoutes } from './research/research-ide.routes.js';

export interface AppOptions {
  dataSource: DataSource;
  logger: Logger;
  /** Stack traces in errors only in development. */
  development?: boolean;
  /** Folder holding shell/, portal/, analytics/ and admin/ with their dist/ builds (apps/). */
  webRoot?: string;
  /** Where dossier attachments are stored. */
  attachmentDir: string;
  /** Where uploaded import files are kept (default: `imports/` beside attachmentDir). */
  importDir?: string;
  /** Limits of the research endpoint beyond the environment's (tests lower the budget). */
  research?: Partial<ResearchConfig>;
  /** The built research IDE (default apps/research-ide/dist). */
  researchIdeDir?: string;
  /** Bearer token for /metrics (METRICS_TOKEN); unset: /metrics only in development. */
  metricsToken?: string | undefined;
  /** Read replicas for analytics and research (DATABASE_REPLICA_URL); default: the primary. */
  readRouting?: ReadRouting;
  /** Where the session cache listens (SESSION_CACHE_URL; default the data source's), or off. */
  sessionCache?: { listenUrl?: string | undefined } | false;
}

export interface App {
  app: Express;
  httpServer: Server;
  apollo: ApolloServer<Context>;
  metrics: Metrics;
  readRouting: ReadRouting | undefined;
  /** SIGTERM: refuse new requests (503), let those in flight finish, close connections. */
  drain: Drainer['drain'];
}

export async function createApp({
  dataSource,
  logger,
  development = false,
  webRoot,
  attachmentDir,
  importDir,
  research: researchOverrides,
  researchIdeDir = DEFAULT_RESEARCH_IDE_DIR,
  metricsToken,
  readRouting,
  sessionCache = {},
}: AppOptions): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  // No ETag (a hash of every answer body): GraphQL answers are POSTed and per viewer.
  app.set('etag', false);
  const httpServer = createServer(app);
  // Idle keep-alive sockets stay open longer than a client or proxy keeps them (Node's 5 s is
  // shorter than most): otherwise a client reusing a socket the server is just closing gets
  // ECONNRESET, which a busy machine makes likely (seen in the research attacker tests on CI).
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const drainer = createDrainer(httpServer);
  app.use(drainer.middleware);
  const readDataSource = readRouting?.readDataSource ?? dataSource;
  const metrics = new Metrics(dataSource, readRouting);
  // A job that fails is an internal error too: counted beside the requests' ones.
  JobQueue.for(dataSource).reportFailuresTo(metrics);
  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    includeStacktraceInErrorResponses: development,
    validationRules: [knownOperationTypesRule],
    // Internal errors are counted and logged with the request id by internalErrorsPlugin.
    formatError: (formatted) => maskError(formatted as never, development) as never,
    plugins: [
      // No field sets cache hints and answers are per viewer: the cache-control plugin would only
      // add a hook to every resolved field to arrive at `no-store`, which noStore below sets.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      inputGuardPlugin(),
      metrics.apolloPlugin('graphql'),
      internalErrorsPlugin('graphql', metrics),
    ],
    // CSRF prevention stays on (Apollo's default): simple cross-site requests are refused.
  });
  await apollo.start();
  // Signed-in viewers are kept in memory for a few seconds, invalidated through LISTEN/NOTIFY
  // (session-cache.ts); the LISTEN connection lives as long as the HTTP server.
  if (sessionCache) {
    const sessions = SessionCache.for(dataSource);
    await sessions.start(logger, sessionCache.listenUrl);
    httpServer.once('close', () => void sessions.stop());
  }

  app.use(requestLog(logger, { ignore: (url) => /^\/(health|metrics)(\/|\?|$)/.test(url) }));

  // The GraphQL endpoint first: the routes below are never asked for on its path.
  app.use(
    '/graphql',
    metrics.httpMiddleware('graphql'),
    noStore,
    express.json({ limit: '100kb' }),
    jsonBodyErrors,
    expressMiddleware(apollo, {
      context: reportingContextFailures(
        'graphql',
        async ({ req, res }) => {
          const token = readSessionToken(req);
          return {
            requestId: req.id,
            logger: req.log,
            dataSource,
            readDataSource,
            loaders: createLoaders(dataSource),
            viewer: token ? await new AuthService(dataSource).viewerForToken(token) : null,
            req,
            res,
          };
        },
        metrics,
      ),
    }),
  );

  app.use(healthRoutes(dataSource, logger));
  app.use(metricsRoutes(metrics, { token: metricsToken, development }));

  app.use('/api', attachmentRoutes(dataSource, attachmentDir));
  app.use('/api', importRoutes(dataSource, importDir ?? defaultImportDir(attachmentDir)));

  // Research API: its own Apollo Server and schema, API keys instead of sessions.
  const research = await createResearchEndpoint({
    dataSource,
    logger,
    development,
    metrics,
    readDataSource,
    ...(researchOverrides ? { config: researchOverrides } : {}),
  });
  app.use('/research/graphql', metrics.httpMiddleware('research'), research.router);
  app.use('/research', researchIdeRoutes(researchIdeDir, logger));

  if (webRoot) serveFrontEnds(app, webRoot, logger);
  app.use(lastErrorHandler(metrics));
  return {
    app,
    httpServer,
    apollo,
    metrics,
    readRouting,
    drain: (timeoutMs) => drainer.drain(timeoutMs),
  };
}

/** Answers are per viewer: never kept by a browser or proxy (GET queries included). */
const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

/**
 * One origin for everything: the remotes under their own paths, the shell at the root with
 * client-side routes falling back to its index.html. Built assets are content-hashed, so
 * they may be cached for long; index.html and remoteEntry.js never.
 */
function serveFrontEnds(app: Express, webRoot: string, logger: Logger) {
  const noCacheFor = (file: string) =>
    /(index\.html|remoteEntry\.js|mf-manifest\.json)$/.test(file);
  const staticOptions = {
    index: 'index.html',
    setHeaders: (res: import('express').Response, file: string) => {
      res.setHeader(
        'Cache-Control',
        noCacheFor(file) ? 'no-cache' : 'public, max-age=31536000, immutable',
      );
    },
  };
  for (const remote of ['portal', 'analytics', 'admin']) {
    const dir = join(webRoot, remote, 'dist');
    if (existsSync(dir)) app.use(`/${remote}`, express.static(dir, staticOptions));
    else logger.warn({ dir }, `${remote} is not built; run the start command to build it`);
  }
  const shell = join(webRoot, 'shell', 'dist');
  if (!existsSync(shell)) {
    logger.warn({ dir: shell }, 'shell is not built; run the start command to build it');
    return;
  }
  app.use(express.static(shell, staticOptions));
  app.get(
    /^\/(?!graphql|health|metrics|research|api\/|portal\/|analytics\/|admin\/).*/,
    (req, res, next) => {
      if (!req.accepts('html')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(shell, 'index.html'));
    },
  );
}
