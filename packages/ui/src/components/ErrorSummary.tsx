import { type Ref, useEffect, useRef } from 'react';

export interface FieldErrorLink {
  /** id of the input the message is about; the link moves focus there. */
  fieldId: string;
  message: string;
}

export interface ErrorSummaryProps {
  title: string;
  errors: readonly FieldErrorLink[];
  /** Focus the summary when it appears (after a failed submit), so it is read out first. */
  focusOnMount?: boolean;
  ref?: Ref<HTMLDivElement>;
}

/**
 * The list of problems at the top of a form after a failed submit, each linking to its field
 * (the GOV.UK pattern). The messages also stand next to the fields themselves.
 */
export function ErrorSummary({ title, errors, focusOnMount = true }: ErrorSummaryProps) {
  const box = useRef<HTMLDivElement>(null);
  const key = errors.map((e) => `${e.fieldId}:${e.message}`).join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: refocus when the list of errors changes
  useEffect(() => {
    if (focusOnMount && errors.length > 0) box.current?.focus();
  }, [key, focusOnMount]);
  if (errors.length === 0) return null;
  return (
    <div ref={box} className="wg-alert wg-alert--error" role="alert" tabIndex={-1}>
      <p className="wg-alert__title">{title}</p>
      <ul className="wg-alert__body">
        {errors.map((error) => (
          <li key={error.fieldId}>
            <a
              href={`#${error.fieldId}`}
              onClick={(event) => {
                const field = document.getElementById(error.fieldId);
                if (!field) return;
                event.preventDefault();
                field.focus();
              }}
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
