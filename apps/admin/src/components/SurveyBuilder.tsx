import type {
  AdminSurveyFragment,
  CreateSurveyInput,
  QuestionKind,
  SurveyMoment,
  SurveyQuestionInput,
} from '@werkgezond/graphql-client';
import { Button, Checkbox, SelectField, TextField } from '@werkgezond/ui';
import type { TFunction } from 'i18next';
import { type FormEvent, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, type ProblemState } from './Problem';

export const QUESTION_KINDS: readonly QuestionKind[] = ['SCALE', 'CHOICE', 'BOOLEAN', 'TEXT'];
export const SURVEY_MOMENTS: readonly SurveyMoment[] = ['AFTER_APPROVAL', 'AFTER_COMPLETION'];

/** One question as the form holds it; `uid` keeps React's keys and focus across reordering. */
export interface QuestionForm {
  uid: string;
  key: string | null;
  text: string;
  kind: QuestionKind;
  required: boolean;
  /** CHOICE: the answers, separated by commas. */
  choices: string;
  min: string;
  max: string;
  componentKey: string | null;
}

export interface SurveyForm {
  programmeKey: string;
  editionId: string;
  moment: SurveyMoment | '';
  title: string;
  opensOn: string;
  closesOn: string;
  questions: QuestionForm[];
}

let uidSeq = 0;
const uid = () => {
  uidSeq += 1;
  return `q${uidSeq}`;
};

export const emptyQuestion = (): QuestionForm => ({
  uid: uid(),
  key: null,
  text: '',
  kind: 'SCALE',
  required: false,
  choices: '',
  min: '1',
  max: '5',
  componentKey: null,
});

export const emptySurvey = (programmeKey: string): SurveyForm => ({
  programmeKey,
  editionId: '',
  moment: '',
  title: '',
  opensOn: '',
  closesOn: '',
  questions: [emptyQuestion()],
});

/** Moves question `index` one place up (-1) or down (+1); out of range changes nothing. */
export function moveQuestion<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** A survey from the API back into the form (the questions of its current version). */
export function formFromSurvey(s: AdminSurveyFragment): SurveyForm {
  return {
    programmeKey: s.programmeKey,
    editionId: s.editionId ?? '',
    moment: s.moment ?? '',
    title: s.title,
    opensOn: s.opensOn,
    closesOn: s.closesOn ?? '',
    questions: [...s.questions]
      .sort((a, b) => a.position - b.position)
      .map((q) => {
        const options = (q.options ?? {}) as { choices?: string[]; min?: number; max?: number };
        return {
          uid: uid(),
          key: q.key,
          text: q.text,
          kind: q.kind,
          required: q.required,
          choices: (options.choices ?? []).join(', '),
          min: String(options.min ?? 1),
          max: String(options.max ?? 5),
          componentKey: q.componentKey ?? null,
        };
      }),
  };
}

const whole = (value: string) => (/^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN);

/** What the form sends: the options that belong to the kind, empty dates left out. */
export function surveyInput(form: SurveyForm): Omit<CreateSurveyInput, 'programmeKey'> {
  return {
    title: form.title,
    editionId: form.editionId || null,
    moment: form.moment || null,
    opensOn: form.opensOn || null,
    closesOn: form.closesOn || null,
    questions: form.questions.map(
      (q): SurveyQuestionInput => ({
        key: q.key,
        text: q.text,
        kind: q.kind,
        required: q.required,
        componentKey: q.componentKey,
        ...(q.kind === 'CHOICE'
          ? {
              choices: q.choices
                .split(',')
                .map((c) => c.trim())
                .filter(Boolean),
            }
          : {}),
        ...(q.kind === 'SCALE' ? { min: whole(q.min), max: whole(q.max) } : {}),
      }),
    ),
  };
}

/** Checks the form can catch before sending, in the reader's language (the API checks all). */
export function localProblem(form: SurveyForm, t: TFunction): ProblemState | null {
  for (const [i, q] of form.questions.entries()) {
    if (q.kind === 'SCALE' && (Number.isNaN(whole(q.min)) || Number.isNaN(whole(q.max))))
      return {
        local: true,
        code: 'BAD_USER_INPUT',
        field: `input.questions.${i}.max`,
        message: t('surveys.errors.scale', { n: i + 1 }),
      };
  }
  return null;
}

const FIELD_MESSAGES: readonly [RegExp, string][] = [
  [/^input\.title$/, 'surveys.errors.title'],
  [/^input\.questions$/, 'surveys.errors.questions'],
  [/^input\.questions\.(\d+)\.text$/, 'surveys.errors.questionText'],
  [/^input\.questions\.(\d+)\.choices/, 'surveys.errors.choices'],
  [/^input\.questions\.(\d+)\.(min|max)$/, 'surveys.errors.scale'],
  [/^input\.questions\.(\d+)\.key$/, 'surveys.errors.key'],
  [/^input\.questions\.(\d+)\.componentKey$/, 'surveys.errors.component'],
  [/^input\.editionId$/, 'surveys.errors.edition'],
  [/^input\.(opensOn|closesOn)$/, 'surveys.errors.dates'],
  [/^input\.status$/, 'surveys.errors.status'],
  [/^input\.programmeKey$/, 'surveys.errors.programme'],
];

/**
 * The API's typed error in the reader's language: BAD_USER_INPUT names the field, so known
 * fields get a translated explanation ("Vraag 2: geef minstens twee keuzes"); others keep the
 * server's words.
 */
export function translateProblem(problem: ProblemState, t: TFunction): ProblemState {
  if (problem.code !== 'BAD_USER_INPUT' || !problem.field || problem.local) return problem;
  for (const [pattern, key] of FIELD_MESSAGES) {
    const match = pattern.exec(problem.field);
    if (match) {
      const n = match[1] ? Number(match[1]) + 1 : undefined;
      return { ...problem, local: true, message: t(key, { n }) };
    }
  }
  return problem;
}

export interface BuilderProps {
  initial: SurveyForm;
  /** Editing an existing survey: the programme is fixed. */
  editing: AdminSurveyFragment | null;
  programmes: readonly {
    key: string;
    name: string;
    editions: readonly { id: string; name: string }[];
  }[];
  busy: boolean;
  problem: ProblemState | null;
  onSubmit: (form: SurveyForm) => void;
  onCancel: () => void;
}

/** Builds or edits a survey: details, then the questions (add, reorder, remove). */
export function SurveyBuilder({
  initial,
  editing,
  programmes,
  busy,
  problem,
  onSubmit,
  onCancel,
}: BuilderProps) {
  const { t } = useTranslation('admin');
  const [form, setForm] = useState<SurveyForm>(initial);
  const [local, setLocal] = useState<ProblemState | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const shown = local ?? (problem ? translateProblem(problem, t) : null);
  const fieldError = (field: string) => (shown?.field === field ? shown.message : undefined);
  const programme = programmes.find((p) => p.key === form.programmeKey);

  const setQuestion = (index: number, change: Partial<QuestionForm>) =>
    setForm((f) => ({
      ...f,
      questions: f.questions.map((q, i) => (i === index ? { ...q, ...change } : q)),
    }));
  // Focus moves once the changed list is in the DOM: a layout effect after that render, not a
  // timer (a frame later is a race for keyboard users and for tests alike).
  const pendingFocus = useRef<string | null>(null);
  const focusLater = (selector: string) => {
    pendingFocus.current = selector;
  };
  useLayoutEffect(() => {
    if (!pendingFocus.current) return;
    formRef.current?.querySelector<HTMLElement>(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  });
  const move = (index: number, delta: -1 | 1) => {
    const moved = form.questions[index]!;
    setForm((f) => ({ ...f, questions: moveQuestion(f.questions, index, delta) }));
    const target = index + delta;
    // Focus stays on the moved question's button; at the top or bottom on the other one.
    const atEdge = target === 0 || target === form.questions.length - 1;
    const same = delta === -1 ? 'up' : 'down';
    const which = atEdge ? (same === 'up' ? 'down' : 'up') : same;
    focusLater(`[data-question="${moved.uid}"][data-action="${which}"]`);
  };
  const remove = (index: number) => {
    setForm((f) => ({ ...f, questions: f.questions.filter((_, i) => i !== index) }));
    focusLater('[data-action="add"]');
  };
  const add = () => {
    const question = emptyQuestion();
    setForm((f) => ({ ...f, questions: [...f.questions, question] }));
    focusLater(`[data-question="${question.uid}"][data-action="text"]`);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = localProblem(form, t);
    setLocal(found);
    if (!found) onSubmit(form);
  };
  const answered = editing ? (editing.versions.at(-1)?.responseCount ?? 0) > 0 : false;

  return (
    <form ref={formRef} className="wg-stack" onSubmit={submit} noValidate>
      <ProblemAlert problem={shown} />
      {editing ? (
        <p>
          {answered
            ? t('surveys.builder.newVersion', { version: editing.currentVersion + 1 })
            : t('surveys.builder.sameVersion', { version: editing.currentVersion })}
        </p>
      ) : null}
      <TextField
        name="title"
        label={t('surveys.builder.title')}
        required
        value={form.title}
        onChange={(e) => setForm({ ...form, title: e.target.value })}
        error={fieldError('input.title')}
      />
      {editing ? (
        <p>
          {t('surveys.builder.programme')}: {editing.programmeName}
        </p>
      ) : (
        <SelectField
          name="programmeKey"
          label={t('surveys.builder.programme')}
          required
          options={programmes.map((p) => ({ value: p.key, label: p.name }))}
          value={form.programmeKey}
          onChange={(e) => setForm({ ...form, programmeKey: e.target.value, editionId: '' })}
          error={fieldError('input.programmeKey')}
        />
      )}
      <SelectField
        name="editionId"
        label={t('surveys.builder.edition')}
        placeholder={t('surveys.builder.allEditions')}
        options={(programme?.editions ?? []).map((e) => ({ value: e.id, label: e.name }))}
        value={form.editionId}
        onChange={(e) => setForm({ ...form, editionId: e.target.value })}
        error={fieldError('input.editionId')}
      />
      <SelectField
        name="moment"
        label={t('surveys.builder.moment')}
        hint={t('surveys.builder.momentHint')}
        placeholder={t('surveys.moments.NONE')}
        options={SURVEY_MOMENTS.map((m) => ({ value: m, label: t(`surveys.moments.${m}`) }))}
        value={form.moment}
        onChange={(e) => setForm({ ...form, moment: e.target.value as SurveyMoment | '' })}
      />
      <div className="wg-admin-inline">
        <TextField
          name="opensOn"
          type="date"
          label={t('surveys.builder.opensOn')}
          hint={t('surveys.builder.opensOnHint')}
          value={form.opensOn}
          onChange={(e) => setForm({ ...form, opensOn: e.target.value })}
          error={fieldError('input.opensOn')}
        />
        <TextField
          name="closesOn"
          type="date"
          label={t('surveys.builder.closesOn')}
          value={form.closesOn}
          onChange={(e) => setForm({ ...form, closesOn: e.target.value })}
          error={fieldError('input.closesOn')}
        />
      </div>
      <h3>{t('surveys.builder.questions')}</h3>
      {fieldError('input.questions') ? (
        <p className="wg-field__error">{fieldError('input.questions')}</p>
      ) : null}
      <ol className="wg-admin-questions">
        {form.questions.map((q, i) => {
          const n = i + 1;
          const path = `input.questions.${i}`;
          return (
            <li key={q.uid}>
              <fieldset className="wg-admin-fieldset">
                <legend>{t('surveys.builder.question', { n })}</legend>
                <TextField
                  name={`question-${q.uid}-text`}
                  label={t('surveys.builder.questionText')}
                  required
                  data-question={q.uid}
                  data-action="text"
                  value={q.text}
                  onChange={(e) => setQuestion(i, { text: e.target.value })}
                  error={fieldError(`${path}.text`)}
                />
                <SelectField
                  name={`question-${q.uid}-kind`}
                  label={t('surveys.builder.kind')}
                  options={QUESTION_KINDS.map((k) => ({
                    value: k,
                    label: t(`surveys.kinds.${k}`),
                  }))}
                  value={q.kind}
                  onChange={(e) => setQuestion(i, { kind: e.target.value as QuestionKind })}
                />
                {q.kind === 'CHOICE' ? (
                  <TextField
                    name={`question-${q.uid}-choices`}
                    label={t('surveys.builder.choices')}
                    hint={t('surveys.builder.choicesHint')}
                    required
                    value={q.choices}
                    onChange={(e) => setQuestion(i, { choices: e.target.value })}
                    error={fieldError(`${path}.choices`)}
                  />
                ) : null}
                {q.kind === 'SCALE' ? (
                  <div className="wg-admin-inline">
                    <TextField
                      name={`question-${q.uid}-min`}
                      label={t('surveys.builder.min')}
                      inputMode="numeric"
                      value={q.min}
                      onChange={(e) => setQuestion(i, { min: e.target.value })}
                      error={fieldError(`${path}.min`)}
                    />
                    <TextField
                      name={`question-${q.uid}-max`}
                      label={t('surveys.builder.max')}
                      inputMode="numeric"
                      value={q.max}
                      onChange={(e) => setQuestion(i, { max: e.target.value })}
                      error={fieldError(`${path}.max`)}
                    />
                  </div>
                ) : null}
                <Checkbox
                  name={`question-${q.uid}-required`}
                  label={t('surveys.builder.required')}
                  checked={q.required}
                  onChange={(e) => setQuestion(i, { required: e.target.checked })}
                />
                <div className="wg-admin-actions">
                  <Button
                    variant="secondary"
                    data-question={q.uid}
                    data-action="up"
                    disabled={i === 0}
                    aria-label={t('surveys.builder.upNamed', { n })}
                    onClick={() => move(i, -1)}
                  >
                    {t('surveys.builder.up')}
                  </Button>
                  <Button
                    variant="secondary"
                    data-question={q.uid}
                    data-action="down"
                    disabled={i === form.questions.length - 1}
                    aria-label={t('surveys.builder.downNamed', { n })}
                    onClick={() => move(i, 1)}
                  >
                    {t('surveys.builder.down')}
                  </Button>
                  <Button
                    variant="secondary"
                    aria-label={t('surveys.builder.removeNamed', { n })}
                    onClick={() => remove(i)}
                  >
                    {t('surveys.builder.remove')}
                  </Button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="wg-admin-actions">
        <Button variant="secondary" data-action="add" onClick={add}>
          {t('surveys.builder.add')}
        </Button>
      </div>
      <div className="wg-admin-actions">
        <Button type="submit" busy={busy}>
          {editing ? t('surveys.builder.save') : t('surveys.builder.create')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
