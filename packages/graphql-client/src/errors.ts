import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';

/** The codes the API puts in `extensions.code` (see apps/api/src/graphql/errors.ts). */
export type ApiErrorCode =
  | 'UNAUTHENTICATED'
  | 'RATE_LIMITED'
  | 'BAD_USER_INPUT'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'QUERY_TOO_COMPLEX'
  | 'INTERNAL_SERVER_ERROR'
  | (string & {});

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  /** For BAD_USER_INPUT: the argument path, e.g. "input.kboNumber". */
  field?: string;
  /** For RATE_LIMITED: how long to wait before trying again. */
  retryAfterSeconds?: number;
}

/** The GraphQL errors in an Apollo error, with their codes; [] for network and other errors. */
export function apiErrors(error: unknown): ApiError[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  return error.errors.map((e) => {
    const extensions = (e.extensions ?? {}) as Record<string, unknown>;
    const found: ApiError = {
      code: typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR',
      message: e.message,
    };
    if (typeof extensions.field === 'string') found.field = extensions.field;
    const retry = Number(extensions.retryAfterSeconds);
    if (Number.isFinite(retry) && retry >= 0) found.retryAfterSeconds = Math.ceil(retry);
    return found;
  });
}

export function firstApiError(error: unknown): ApiError | null {
  return apiErrors(error)[0] ?? null;
}

/** The last segment of an error's field path ("input.kboNumber" → "kboNumber"). */
export function errorFieldName(error: ApiError): string | undefined {
  return error.field?.split('.').pop();
}

/** True when the request did not get a GraphQL answer (offline, server down, proxy error). */
export function isNetworkError(error: unknown): boolean {
  if (error == null) return false;
  if (CombinedGraphQLErrors.is(error)) return false;
  return (
    ServerError.is(error) ||
    ServerParseError.is(error) ||
    (error instanceof TypeError && /fetch|network/i.test(error.message))
  );
}
