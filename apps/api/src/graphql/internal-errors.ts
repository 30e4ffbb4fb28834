import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { Counter } from 'prom-client';
import { isExposedCode } from './errors.js';

/** Where internal errors are counted (internal_errors_total on /metrics). */
export interface InternalErrorCounter {
  internalErrors: Counter<'endpoint'>;
}

/**
 * The one place an internal error is reported: counted by endpoint and logged with the request
 * id (the same id the client got in `x-request-id`), so an operator goes from the counter to the
 * log line and from a user's "Internal server error" to its cause.
 */
export function reportInternalError(
  logger: Logger,
  requestId: string,
  error: unknown,
  details: Record<string, unknown> & { endpoint: string },
  metrics?: InternalErrorCounter,
): void {
  metrics?.internalErrors.inc({ endpoint: details.endpoint });
  logger.error({ err: error, requestId, ...details }, 'internal error');
}

/**
 * Apollo answers some malformed requests with an error that has an HTTP 4xx head but no code
 * (an automatic persisted query whose hash does not match its text). It is the client's
 * mistake, not an internal error: it gets the code BAD_REQUEST before it is formatted.
 */
export function classifyRequestError(error: GraphQLError): void {
  const extensions = error.extensions as Record<string, unknown>;
  const status = (extensions.http as { status?: unknown } | undefined)?.status;
  if (
    extensions.code === undefined &&
    !error.originalError &&
    typeof status === 'number' &&
    status >= 400 &&
    status < 500
  ) {
    extensions.code = 'BAD_REQUEST';
  }
}

/** True for errors that maskError turns into INTERNAL_SERVER_ERROR. */
export const isInternal = (error: GraphQLError): boolean => !isExposedCode(error.extensions?.code);

/** Apollo plugin for both endpoints: every internal error of a request, with its request id. */
export function internalErrorsPlugin<T extends { requestId: string; logger: Logger }>(
  endpoint: string,
  metrics?: InternalErrorCounter,
): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            classifyRequestError(error);
            if (!isInternal(error)) continue;
            reportInternalError(
              contextValue.logger,
              contextValue.requestId,
              unwrapResolverError(error),
              {
                endpoint,
                path: error.path,
                operationName,
              },
              metrics,
            );
          }
        },
      };
    },
  };
}

/**
 * Wraps an Apollo context function: a failure that is not a deliberate error (a database that
 * is down while reading the session) is reported with the request id before Apollo answers 500.
 */
export function reportingContextFailures<A extends { req: { id: unknown; log: Logger } }, C>(
  endpoint: string,
  create: (args: A) => Promise<C>,
  metrics?: InternalErrorCounter,
): (args: A) => Promise<C> {
  return async (args) => {
    try {
      return await create(args);
    } catch (error) {
      const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
      if (!isExposedCode(code)) {
        reportInternalError(
          args.req.log,
          String(args.req.id),
          error,
          { endpoint, stage: 'context' },
          metrics,
        );
      }
      throw error;
    }
  };
}
