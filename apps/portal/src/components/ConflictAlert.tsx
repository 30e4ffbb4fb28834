import { Alert } from '@werkgezond/ui';
import { useTranslation } from 'react-i18next';

/** Someone else changed the application first: the page reloaded it, the user's input stayed. */
export function ConflictAlert() {
  const { t } = useTranslation('portal');
  return (
    <Alert variant="warning" role="alert" title={t('conflict.title')}>
      <p>{t('conflict.text')}</p>
    </Alert>
  );
}
