import { type ApiError, errorFieldName } from '@werkgezond/graphql-client';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from './validation';

/** A problem shown next to a field: a translated client message, or the server's own text. */
export type ShownProblem = FieldProblem | { text: string };

export function useProblemText() {
  const { t } = useTranslation('shell');
  return (problem: ShownProblem | undefined): string | undefined => {
    if (!problem) return undefined;
    if ('text' in problem) return problem.text;
    const params = { ...problem.params };
    if (typeof params.field === 'string') params.field = t(params.field);
    return t(problem.key, params);
  };
}

/** Server BAD_USER_INPUT errors name the argument ("input.kboNumber"): put them on that field. */
export function serverFieldProblems<F extends string>(
  errors: readonly ApiError[],
  fields: readonly F[],
): Partial<Record<F, ShownProblem>> {
  const found: Partial<Record<F, ShownProblem>> = {};
  for (const error of errors) {
    const name = errorFieldName(error);
    if (error.code === 'BAD_USER_INPUT' && name && (fields as readonly string[]).includes(name)) {
      found[name as F] = { text: error.message };
    }
  }
  return found;
}
