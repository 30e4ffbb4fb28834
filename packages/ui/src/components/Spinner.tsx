import { useTranslation } from 'react-i18next';

export interface SpinnerProps {
  /** What is loading; defaults to "Bezig met laden…". Always announced to screen readers. */
  label?: string;
  /** Hide the label visually (it stays in the accessibility tree). */
  hideLabel?: boolean;
}

export function Spinner({ label, hideLabel = false }: SpinnerProps) {
  const { t } = useTranslation('ui');
  return (
    <div className="wg-spinner" role="status" aria-live="polite">
      <span className="wg-spinner__circle" aria-hidden="true" />
      <span className={hideLabel ? 'wg-visually-hidden' : undefined}>{label ?? t('loading')}</span>
    </div>
  );
}
