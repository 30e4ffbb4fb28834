import { type InputHTMLAttributes, type ReactNode, type Ref, useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface TextFieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'children'> {
  label: ReactNode;
  name: string;
  /** Help text under the label, announced with the field. */
  hint?: ReactNode;
  /** Error message next to the field; marks it invalid and is announced with it. */
  error?: ReactNode;
  id?: string;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input with its hint and error tied to it through aria-describedby. */
export function TextField({
  label,
  hint,
  error,
  id,
  required,
  className,
  type = 'text',
  ...rest
}: TextFieldProps) {
  const { t } = useTranslation('ui');
  const generated = useId();
  const inputId = id ?? `field-${generated}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['wg-field', className ?? ''].filter(Boolean).join(' ')}>
      <label className="wg-field__label" htmlFor={inputId}>
        {label}
        {required ? <span className="wg-field__hint"> {t('requiredMark')}</span> : null}
      </label>
      {hint ? (
        <span id={hintId} className="wg-field__hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="wg-field__error">
          {error}
        </span>
      ) : null}
      <input
        {...rest}
        id={inputId}
        type={type}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="wg-field__input"
      />
    </div>
  );
}
