import { type ReactNode, type Ref, type SelectHTMLAttributes, useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps
  extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'children'> {
  label: ReactNode;
  name: string;
  options: readonly SelectOption[];
  /** A first, empty option (e.g. "— kies —"); omit for a required choice with a default. */
  placeholder?: string;
  hint?: ReactNode;
  error?: ReactNode;
  id?: string;
  ref?: Ref<HTMLSelectElement>;
}

export function SelectField({
  label,
  options,
  placeholder,
  hint,
  error,
  id,
  required,
  ...rest
}: SelectFieldProps) {
  const { t } = useTranslation('ui');
  const generated = useId();
  const selectId = id ?? `field-${generated}`;
  const hintId = hint ? `${selectId}-hint` : undefined;
  const errorId = error ? `${selectId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="wg-field">
      <label className="wg-field__label" htmlFor={selectId}>
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
      <select
        {...rest}
        id={selectId}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="wg-field__input"
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
