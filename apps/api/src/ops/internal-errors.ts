import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { isExposedCode } from '../graphql/errors.js';
import type { Endpoint, Metrics } from './metrics.js';

/**
 * Every error that formatError will mask as "Internal server error" is counted
 * (internal_errors_total) and logged once with the request's id, so an operator can go from
 * the counter to the log line and from a user's x-request-id to the cause.
 */
export function internalErrorsPlugin<T extends { requestId: string; logger: Logger }>(
  endpoint: Endpoint,
  logger: Logger,
  metrics?: Metrics,
): ApolloServerPlugin<T> {
  return {
    async contextCreationDidFail({ error }) {
      if (isExposedCode((error as { extensions?: { code?: unknown } }).extensions?.code)) return;
      metrics?.internalErrors.inc({ endpoint });
      logger.error({ err: error, endpoint }, 'internal error while reading the request context');
    },
    async requestDidStart() {
      return {
        async didEncounterErrors(rc) {
          for (const error of rc.errors) {
            if (isExposedCode(error.extensions?.code)) continue;
            metrics?.internalErrors.inc({ endpoint });
            rc.contextValue.logger.error(
              {
                err: unwrapResolverError(error),
                path: error.path,
                requestId: rc.contextValue.requestId,
                endpoint,
              },
              'internal error',
            );
          }
        },
      };
    },
  };
}
