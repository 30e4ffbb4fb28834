import { firstApiError, isNetworkError } from '@werkgezond/graphql-client';
import { Alert, Button, EmptyState, Spinner } from '@werkgezond/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface QueryStateProps {
  loading: boolean;
  error?: unknown;
  /** The query has an answer to show. */
  hasData: boolean;
  loadingLabel: string;
  errorTitle: string;
  onRetry?: () => void;
  /** The answer has nothing to show: an empty state instead of empty charts. */
  empty?: boolean;
  emptyTitle?: string;
  emptyText?: ReactNode;
  children?: ReactNode;
}

/** Loading, error and empty states of a query, the same on every page. */
export function QueryState({
  loading,
  error,
  hasData,
  loadingLabel,
  errorTitle,
  onRetry,
  empty = false,
  emptyTitle,
  emptyText,
  children,
}: QueryStateProps) {
  const { t } = useTranslation('analytics');
  if (loading && !hasData) return <Spinner label={loadingLabel} />;
  if (error && !hasData) {
    const api = firstApiError(error);
    const message = isNetworkError(error)
      ? t('ui:networkError')
      : api?.code === 'BAD_USER_INPUT'
        ? t('errors.badInput', { message: api.message })
        : api?.code === 'FORBIDDEN'
          ? t('ui:forbiddenError')
          : api?.code === 'NOT_FOUND'
            ? t('ui:notFoundError')
            : t('ui:unexpectedError');
    return (
      <Alert
        variant="error"
        title={errorTitle}
        actions={
          onRetry && api?.code !== 'BAD_USER_INPUT' ? (
            <Button variant="secondary" onClick={onRetry}>
              {t('ui:retry')}
            </Button>
          ) : undefined
        }
      >
        <p>{message}</p>
      </Alert>
    );
  }
  if (!hasData) return null;
  if (empty) {
    return (
      <EmptyState title={emptyTitle ?? t('empty.title')}>{emptyText ?? t('empty.text')}</EmptyState>
    );
  }
  return <>{children}</>;
}
