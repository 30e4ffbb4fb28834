import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler, type RequestHandler, type Router } from 'express';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { postgresLimiter } from '../database/rate-limit.js';
import { maskError } from '../graphql/errors.js';
import { inputGuardPlugin } from '../graphql/input-guard.js';
import { internalErrorsPlugin, reportingContextFailures } from '../graphql/internal-errors.js';
import { knownOperationTypesRule } from '../graphql/operation-types.rule.js';
import type { Metrics } from '../ops/metrics.js';
import { DimensionCatalog } from './dimension-catalog.js';
import { type ResearchConfig, researchConfig } from './research.config.js';
import type { ResearchContext } from './research.context.js';
import { getResearchSchema } from './research.schema.js';
import { bearerToken, ResearchKeyService } from './research-key.service.js';
import { researchLimitsPlugin } from './research-limits.plugin.js';
import { researchQueryLogPlugin } from './research-query-log.plugin.js';
import { ResearchQueryLogService } from './research-query-log.service.js';

export interface ResearchEndpointOptions {
  dataSource: DataSource;
  logger: Logger;
  development?: boolean;
  /** Overrides of the environment's limits (tests). */
  config?: Partial<ResearchConfig>;
  /** Operation counts, masked errors and budget spent go to /metrics. */
  metrics?: Metrics;
  /** Where the aggregates are read (a replica when configured); keys stay on the primary. */
  readDataSource?: DataSource;
}

export interface ResearchEndpoint {
  router: Router;
  apollo: ApolloServer<ResearchContext>;
  config: ResearchConfig;
}

function unauthenticated(presented: boolean): GraphQLError {
  return new GraphQLError(
    presented
      ? 'This research API key is unknown or revoked. Ask an administrator for a new one.'
      : 'A research API key is required: send the header "Authorization: Bearer <key>".',
    {
      extensions: {
        code: 'UNAUTHENTICATED',
        http: {
          status: 401,
          headers: new HeaderMap([['www-authenticate', 'Bearer realm="werkgezond-research"']]),
        },
      },
    },
  );
}

const jsonError = (status: number, code: string, message: string) => ({
  status,
  body: { errors: [{ message, extensions: { code } }] },
});

/**
 * The research endpoint: its own Apollo Server and schema (aggregates only), API keys as
 * Bearer tokens, and the limits of research-limits.plugin.ts. No cookies are read, so CSRF
 * prevention (which guards cookie sessions) is off; the IDE and curl need no extra header.
 */
export async function createResearchEndpoint({
  dataSource,
  logger,
  development = false,
  config: overrides,
  metrics,
  readDataSource = dataSource,
}: ResearchEndpointOptions): Promise<ResearchEndpoint> {
  const config = researchConfig(process.env, overrides);
  // In PostgreSQL: every API instance spends from the same hourly budget of a key.
  const budget = postgresLimiter(dataSource, {
    keyPrefix: 'research-budget',
    points: config.budgetPerHour,
    duration: 3600,
  });
  metrics?.countResearchSpending(budget);
  const keys = new ResearchKeyService(dataSource);

  const apollo = new ApolloServer<ResearchContext>({
    schema: await getResearchSchema(),
    csrfPrevention: false,
    introspection: true,
    parseOptions: { maxTokens: config.maxTokens },
    validationRules: [knownOperationTypesRule],
    includeStacktraceInErrorResponses: development,
    // Internal errors are counted and logged with the request id by internalErrorsPlugin.
    formatError: (formatted) => {
      let shaped = formatted;
      // The parser's token limit is a size limit: give it the stable code researchers branch on.
      if (
        formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' &&
        /contains more th\w+ \d+ tokens/.test(formatted.message)
      ) {
        shaped = { ...formatted, extensions: { ...formatted.extensions, code: 'QUERY_TOO_LARGE' } };
      }
      return maskError(shaped as never, development) as never;
    },
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      inputGuardPlugin(),
      internalErrorsPlugin<ResearchContext>('research', metrics),
      researchLimitsPlugin({ config, budget }),
      ...(metrics ? [metrics.apolloPlugin<ResearchContext>('research')] : []),
      // After the limits plugin: it reads the cost that plugin put on the answer.
      researchQueryLogPlugin(new ResearchQueryLogService(dataSource), logger),
    ],
  });
  await apollo.start();

  const router = express.Router();
  // A browser opening the endpoint itself is sent to the IDE.
  const toIde: RequestHandler = (req, res, next) => {
    if (
      req.method === 'GET' &&
      !('query' in req.query) &&
      req.accepts(['json', 'html']) === 'html'
    ) {
      res.redirect(302, '/research');
      return;
    }
    next();
  };
  const limitQueryString: RequestHandler = (req, res, next) => {
    const q = req.originalUrl.indexOf('?');
    if (q >= 0 && req.originalUrl.length - q > config.maxBodyBytes) {
      const e = jsonError(
        413,
        'QUERY_TOO_LARGE',
        `The query string exceeds ${config.maxBodyBytes} bytes`,
      );
      res.status(e.status).json(e.body);
      return;
    }
    next();
  };
  const bodyErrors: ErrorRequestHandler = (err, _req, res, next) => {
    const type = (err as { type?: string }).type;
    if (type === 'entity.too.large') {
      const e = jsonError(
        413,
        'QUERY_TOO_LARGE',
        `The request body exceeds ${config.maxBodyBytes} bytes`,
      );
      res.status(e.status).json(e.body);
    } else if (type === 'entity.parse.failed') {
      const e = jsonError(400, 'BAD_REQUEST', 'The request body is not valid JSON');
      res.status(e.status).json(e.body);
    } else {
      next(err);
    }
  };
  router.use(
    toIde,
    limitQueryString,
    express.json({ limit: config.maxBodyBytes }),
    bodyErrors,
    expressMiddleware(apollo, {
      context: reportingContextFailures(
        'research',
        async ({ req }): Promise<ResearchContext> => {
          const token = bearerToken(req.headers.authorization);
          const apiKey = token ? await keys.authenticate(token) : null;
          if (!apiKey) throw unauthenticated(token !== null);
          return {
            requestId: String(req.id),
            logger: req.log.child({ researchKey: apiKey.prefix }),
            dataSource: readDataSource,
            apiKey,
            config,
            // Read per request: the same programmes and editions on every instance.
            catalog: new DimensionCatalog(),
            deadline: Date.now() + config.timeoutMs,
          };
        },
        metrics,
      ),
    }),
  );
  return { router, apollo, config };
}
