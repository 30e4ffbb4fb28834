import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface RadioOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

export interface RadioGroupProps {
  legend: ReactNode;
  name: string;
  options: readonly RadioOption[];
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  inline?: boolean;
  /** id of the group (the error summary links to its first radio: `${id}-0`). */
  id?: string;
}

/** Radio buttons in a fieldset: the legend names the question, each option is labelled. */
export function RadioGroup({
  legend,
  name,
  options,
  value,
  onChange,
  hint,
  error,
  required,
  inline = false,
  id,
}: RadioGroupProps) {
  const { t } = useTranslation('ui');
  const generated = useId();
  const groupId = id ?? `radios-${generated}`;
  const hintId = hint ? `${groupId}-hint` : undefined;
  const errorId = error ? `${groupId}-error` : undefined;
  return (
    <fieldset
      className="wg-fieldset"
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
    >
      <legend>
        {legend}
        {required ? <span className="wg-field__hint"> {t('requiredMark')}</span> : null}
      </legend>
      {hint ? (
        <p id={hintId} className="wg-field__hint" style={{ marginTop: 0 }}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="wg-field__error" style={{ marginTop: 0 }}>
          {error}
        </p>
      ) : null}
      <div className={inline ? 'wg-choices wg-choices--inline' : 'wg-choices'}>
        {options.map((option, index) => {
          const optionId = `${groupId}-${index}`;
          const optionHintId = option.hint ? `${optionId}-hint` : undefined;
          return (
            <div className="wg-choice" key={option.value}>
              <input
                type="radio"
                id={optionId}
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={optionHintId}
              />
              <div>
                <label htmlFor={optionId}>{option.label}</label>
                {option.hint ? (
                  <div id={optionHintId} className="wg-field__hint">
                    {option.hint}
                  </div>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
