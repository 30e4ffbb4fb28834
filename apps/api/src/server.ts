import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { DataSource } from 'typeorm';
import type { Context } from './graphql/context.js';
import { maskError } from './graphql/errors.js';
import { createLoaders } from './graphql/loaders.js';
import { getSchema } from './graphql/schema.js';
import { attachmentRoutes } from './modules/application/attachment.routes.js';
import { AuthService } from './modules/auth/auth.service.js';
import { readSessionToken } from './modules/auth/session-cookie.js';
import { defaultImportDir, importRoutes } from './modules/import/import.routes.js';
import type { ResearchConfig } from './research/research.config.js';
import { createResearchEndpoint } from './research/research.server.js';
import { DEFAULT_RESEARCH_IDE_DIR, researchIdeRoutes } from './research/research-ide.routes.js';

export interface AppOptions {
  dataSource: DataSource;
  logger: Logger;
  /** Stack traces in errors only in development. */
  development?: boolean;
  /** Folder holding shell/, portal/ and analytics/ with their dist/ builds (apps/). */
  webRoot?: string;
  /** Where dossier attachments are stored. */
  attachmentDir: string;
  /** Where uploaded import files are kept (default: `imports/` beside attachmentDir). */
  importDir?: string;
  /** Limits of the research endpoint beyond the environment's (tests lower the budget). */
  research?: Partial<ResearchConfig>;
  /** The built research IDE (default apps/research-ide/dist). */
  researchIdeDir?: string;
}

export interface App {
  app: Express;
  httpServer: Server;
  apollo: ApolloServer<Context>;
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
}: AppOptions): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    includeStacktraceInErrorResponses: development,
    formatError: (formatted, error) => {
      const masked = maskError(formatted as never, development);
      if (masked.extensions?.code === 'INTERNAL_SERVER_ERROR') {
        logger.error({ err: unwrapResolverError(error), path: formatted.path }, 'internal error');
      }
      return masked as never;
    },
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
    // CSRF prevention stays on (Apollo's default): simple cross-site requests are refused.
  });
  await apollo.start();

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id =
          typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/health' },
    }),
  );

  app.get('/health', async (_req, res) => {
    try {
      await dataSource.query('SELECT 1');
      res.json({ status: 'ok', database: 'up' });
    } catch (error) {
      logger.error({ err: error }, 'health check: database unreachable');
      res.status(503).json({ status: 'error', database: 'down' });
    }
  });

  app.use('/api', attachmentRoutes(dataSource, attachmentDir));
  app.use('/api', importRoutes(dataSource, importDir ?? defaultImportDir(attachmentDir)));

  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const token = readSessionToken(req);
        return {
          requestId: String(req.id),
          logger: req.log,
          dataSource,
          loaders: createLoaders(dataSource),
          viewer: token ? await new AuthService(dataSource).viewerForToken(token) : null,
          req,
          res,
        };
      },
    }),
  );

  // Research API: its own Apollo Server and schema, API keys instead of sessions.
  const research = await createResearchEndpoint({
    dataSource,
    logger,
    development,
    ...(researchOverrides ? { config: researchOverrides } : {}),
  });
  app.use('/research/graphql', research.router);
  app.use('/research', researchIdeRoutes(researchIdeDir, logger));

  if (webRoot) serveFrontEnds(app, webRoot, logger);
  return { app, httpServer, apollo };
}

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
  for (const remote of ['portal', 'analytics']) {
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
  app.get(/^\/(?!graphql|health|research|api\/|portal\/|analytics\/).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(shell, 'index.html'));
  });
}
