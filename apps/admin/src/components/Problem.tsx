import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { apiErrors, isNetworkError } from '@werkgezond/graphql-client';
import { Alert } from '@werkgezond/ui';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** A failed request as the back office shows it: the error code in the reader's language. */
export interface ProblemState {
  code: string;
  message: string;
  field?: string;
  reason?: string;
  /** Written by the form itself, in the reader's language (not the server's English). */
  local?: boolean;
}

export function toProblem(error: unknown): ProblemState {
  const first = apiErrors(error)[0];
  if (first && first.code !== 'INTERNAL_SERVER_ERROR') {
    const reason = CombinedGraphQLErrors.is(error) ? error.errors[0]?.extensions?.reason : null;
    return {
      code: first.code,
      message: first.message,
      ...(first.field ? { field: first.field } : {}),
      ...(typeof reason === 'string' ? { reason } : {}),
    };
  }
  return { code: isNetworkError(error) ? 'NETWORK' : 'UNEXPECTED', message: '' };
}

/**
 * Shows the problem and moves focus to it. The server's explanation is English; the title
 * and the explanation of the code are translated, and the field it concerns is named.
 */
export function ProblemAlert({ problem }: { problem: ProblemState | null }) {
  const { t } = useTranslation('admin');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) ref.current?.focus();
  }, [problem]);
  if (!problem) return null;
  const known = [
    'BAD_USER_INPUT',
    'NOT_FOUND',
    'FORBIDDEN',
    'CONFLICT',
    'NETWORK',
    'UNAUTHENTICATED',
  ];
  const code = known.includes(problem.code) ? problem.code : 'UNEXPECTED';
  return (
    <div ref={ref} tabIndex={-1}>
      <Alert variant="error" title={t(`errors.${code}`)}>
        {problem.reason ? (
          <p>{t(`errors.reasons.${problem.reason}`, { defaultValue: '' })}</p>
        ) : null}
        {problem.message ? (
          <p>
            {problem.field ? `${t('errors.field', { field: problem.field })} ` : null}
            {problem.local ? problem.message : <span lang="en">{problem.message}</span>}
          </p>
        ) : null}
      </Alert>
    </div>
  );
}
