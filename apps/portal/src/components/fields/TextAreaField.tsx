import { type ReactNode, type Ref, type TextareaHTMLAttributes, useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface TextAreaFieldProps
  extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'children'> {
  label: ReactNode;
  name: string;
  hint?: ReactNode;
  error?: ReactNode;
  id?: string;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled multi-line input, built like @werkgezond/ui's TextField (hint and error tied). */
export function TextAreaField({
  label,
  hint,
  error,
  id,
  required,
  rows = 5,
  ...rest
}: TextAreaFieldProps) {
  const { t } = useTranslation('ui');
  const generated = useId();
  const inputId = id ?? `field-${generated}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="wg-field">
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
      <textarea
        {...rest}
        id={inputId}
        rows={rows}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="wg-field__input wg-field__textarea"
      />
    </div>
  );
}
