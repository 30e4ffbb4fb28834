import type { SurveyForm_SurveyFragment } from '@werkgezond/graphql-client';
import type { TFunction } from 'i18next';

export type SurveyQuestion = SurveyForm_SurveyFragment['questions'][number];

interface QuestionOptions {
  min?: number;
  max?: number;
  minLabel?: string;
  maxLabel?: string;
  choices?: string[];
  labels?: Record<string, string>;
}

/** The JSON options of a question, read defensively (it is data from the API). */
export function questionOptions(question: SurveyQuestion): QuestionOptions {
  const raw = (question.options ?? {}) as Record<string, unknown>;
  const options: QuestionOptions = {};
  if (typeof raw.min === 'number') options.min = raw.min;
  if (typeof raw.max === 'number') options.max = raw.max;
  if (typeof raw.minLabel === 'string') options.minLabel = raw.minLabel;
  if (typeof raw.maxLabel === 'string') options.maxLabel = raw.maxLabel;
  if (Array.isArray(raw.choices)) options.choices = raw.choices.map(String);
  if (raw.labels && typeof raw.labels === 'object')
    options.labels = Object.fromEntries(
      Object.entries(raw.labels as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
    );
  return options;
}

/** A choice in words: the survey's own label, else a known reason code, else the value. */
export function choiceLabel(t: TFunction, options: QuestionOptions, choice: string): string {
  return options.labels?.[choice] ?? t(`reasons.${choice}`, { defaultValue: choice });
}

export const MAX_TEXT_ANSWER = 2000;

/** The client checks of an answer: required for closed questions, a length limit for text. */
export function answerProblem(question: SurveyQuestion, value: string): string | null {
  if (question.kind === 'TEXT') {
    if (question.required && !value.trim()) return 'validation.answerRequired';
    return value.length > MAX_TEXT_ANSWER ? 'validation.tooLong' : null;
  }
  if (!value) return 'validation.answerRequired';
  if (question.kind === 'SCALE') {
    const options = questionOptions(question);
    const n = Number(value);
    if (!Number.isInteger(n) || n < (options.min ?? 1) || n > (options.max ?? 5))
      return 'validation.answerRequired';
  }
  return null;
}

/** A given answer as text for reading back. */
export function answerText(
  t: TFunction,
  question: SurveyQuestion,
  value: string | null | undefined,
) {
  if (value === null || value === undefined || value === '') return t('surveys.noAnswer');
  if (question.kind === 'BOOLEAN') return value === 'true' ? t('common.yes') : t('common.no');
  if (question.kind === 'CHOICE') return choiceLabel(t, questionOptions(question), value);
  return value;
}
