import { GraphQLError } from 'graphql';

/** Stable error codes clients and researchers can branch on (extensions.code). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'QUERY_TOO_COMPLEX'
  | 'QUERY_TOO_LARGE'
  | 'POPULATION_TOO_SMALL'
  | 'TIMEOUT'
  | 'INTERNAL_SERVER_ERROR';

export function userError(
  code: ErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

/** `field` names the argument path (e.g. "input.asOf") so forms can show the error beside it. */
export const badInput = (message: string, field?: string) =>
  userError('BAD_USER_INPUT', message, field ? { field } : {});

export const notFound = (what: string) => userError('NOT_FOUND', `${what} not found`);

export const forbidden = (message = 'You do not have access to this resource') =>
  userError('FORBIDDEN', message);

const EXPOSED_CODES = new Set<string>([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COMPLEX',
  'QUERY_TOO_LARGE',
  'POPULATION_TOO_SMALL',
  'TIMEOUT',
  'RATE_LIMITED',
]);

/** True for the codes formatError passes on; anything else is masked as an internal error. */
export const isExposedCode = (code: unknown) => typeof code === 'string' && EXPOSED_CODES.has(code);

/**
 * Apollo formatError: errors raised on purpose keep their message and code; anything else
 * (a database error, a bug) becomes a generic message so internals never leak.
 */
export function maskError(
  formatted: { message: string; extensions?: Record<string, unknown> },
  includeStack: boolean,
): { message: string; extensions?: Record<string, unknown>; locations?: unknown; path?: unknown } {
  const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  if (EXPOSED_CODES.has(code)) {
    if (includeStack) return formatted;
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    ...formatted,
    message: 'Internal server error',
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
