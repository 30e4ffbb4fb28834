import { apiErrors, isNetworkError } from '@werkgezond/graphql-client';
import { Alert, Button } from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';

/** True when the API says the thing does not exist or is not visible to the viewer. */
export function isNotFound(error: unknown): boolean {
  return apiErrors(error).some(
    (e) =>
      e.code === 'NOT_FOUND' || (e.code === 'BAD_USER_INPUT' && /not a valid id/.test(e.message)),
  );
}

export interface QueryFailureProps {
  title: string;
  error: unknown;
  onRetry?: () => void;
}

/** A failed query: what failed, why in plain words, and a way to try again. */
export function QueryFailure({ title, error, onRetry }: QueryFailureProps) {
  const { t } = useTranslation('portal');
  const forbidden = apiErrors(error).some((e) => e.code === 'FORBIDDEN');
  const message = isNetworkError(error)
    ? t('ui:networkError')
    : forbidden
      ? t('ui:forbiddenError')
      : t('ui:unexpectedError');
  return (
    <Alert
      variant="error"
      title={title}
      actions={
        onRetry ? (
          <Button variant="secondary" onClick={onRetry}>
            {t('ui:retry')}
          </Button>
        ) : null
      }
    >
      <p>{message}</p>
    </Alert>
  );
}
