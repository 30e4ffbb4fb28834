import { type InputHTMLAttributes, type ReactNode, type Ref, useId } from 'react';

export interface CheckboxProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'children'> {
  label: ReactNode;
  name: string;
  hint?: ReactNode;
  error?: ReactNode;
  id?: string;
  ref?: Ref<HTMLInputElement>;
}

export function Checkbox({ label, hint, error, id, ...rest }: CheckboxProps) {
  const generated = useId();
  const inputId = id ?? `field-${generated}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="wg-checkbox">
      <input
        {...rest}
        id={inputId}
        type="checkbox"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <div>
        <label htmlFor={inputId}>{label}</label>
        {hint ? (
          <div id={hintId} className="wg-field__hint">
            {hint}
          </div>
        ) : null}
        {error ? (
          <div id={errorId} className="wg-field__error">
            {error}
          </div>
        ) : null}
      </div>
    </div>
  );
}
