import { useMutation, useQuery } from '@apollo/client/react';
import {
  PortalSurveysDocument,
  SubmitSurveyResponseDocument,
  type SurveyForm_SurveyFragment,
} from '@werkgezond/graphql-client';
import {
  Alert,
  Button,
  ErrorSummary,
  PageHeader,
  Spinner,
  useDocumentTitle,
  useFormat,
} from '@werkgezond/ui';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { actsForOrganisation } from '../access';
import { RadioGroup } from '../components/fields/RadioGroup';
import { TextAreaField } from '../components/fields/TextAreaField';
import { QueryFailure } from '../components/QueryFailure';
import { RoleNotice } from '../components/RoleNotice';
import {
  answerProblem,
  answerText,
  choiceLabel,
  MAX_TEXT_ANSWER,
  questionOptions,
  type SurveyQuestion,
} from '../components/surveyQuestions';
import { describeFailure, inputPath } from '../forms/serverErrors';
import { useViewer } from '../ViewerContext';
import { PortalNotFoundPage } from './PortalNotFoundPage';

/** One survey: the organisation's single response, editable while the survey is open. */
export function SurveyPage() {
  const { t } = useTranslation('portal');
  const viewer = useViewer();
  const { programmeKey = '', surveyId = '' } = useParams();
  const acting = actsForOrganisation(viewer);
  const { data, error, loading, refetch } = useQuery(PortalSurveysDocument, {
    variables: { programmeKey, organisationId: viewer.organisation?.id ?? '' },
    skip: !acting,
  });
  const survey = data?.surveys.find((s) => s.id === surveyId);
  useDocumentTitle(survey?.title ?? t('surveys.title'));
  if (!acting) return <RoleNotice title={t('surveys.title')} />;
  if (loading && !data)
    return (
      <>
        <PageHeader title={t('surveys.title')} />
        <Spinner label={t('surveys.loading')} />
      </>
    );
  if (!data) {
    return (
      <>
        <PageHeader title={t('surveys.title')} />
        <QueryFailure
          title={t('surveys.errorTitle')}
          error={error}
          onRetry={() => void refetch()}
        />
      </>
    );
  }
  if (!survey)
    return (
      <PortalNotFoundPage
        title={t('surveys.notFoundTitle')}
        description={t('surveys.notFoundText')}
      />
    );
  return (
    <>
      <PageHeader
        title={survey.title}
        description={survey.isOpen ? t('surveys.openLead') : t('surveys.closedLead')}
      />
      {survey.isOpen ? <SurveyForm survey={survey} /> : <SurveyAnswers survey={survey} />}
      <p>
        <Link to="/bevragingen">{t('surveys.back')}</Link>
      </p>
    </>
  );
}

const sortQuestions = (survey: SurveyForm_SurveyFragment) =>
  [...survey.questions].sort((a, b) => a.position - b.position);

function SurveyAnswers({ survey }: { survey: SurveyForm_SurveyFragment }) {
  const { t } = useTranslation('portal');
  const given = new Map(survey.response?.answers.map((a) => [a.questionKey, a.value]) ?? []);
  if (!survey.response) return <Alert variant="info">{t('surveys.closedNoResponse')}</Alert>;
  return (
    <dl className="wg-stack">
      {sortQuestions(survey).map((q) => (
        <div key={q.key}>
          <dt style={{ fontWeight: 600 }}>{q.text}</dt>
          <dd style={{ margin: 0 }}>{answerText(t, q, given.get(q.key))}</dd>
        </div>
      ))}
    </dl>
  );
}

function SurveyForm({ survey }: { survey: SurveyForm_SurveyFragment }) {
  const { t } = useTranslation('portal');
  const format = useFormat();
  const viewer = useViewer();
  const questions = sortQuestions(survey);
  const [answers, setAnswers] = useState<Record<string, string>>(() => {
    const given = new Map(
      survey.response?.answers.map((a) => [a.questionKey, a.value ?? '']) ?? [],
    );
    return Object.fromEntries(questions.map((q) => [q.key, given.get(q.key) ?? '']));
  });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const inFlight = useRef(false);
  const [submit, { loading }] = useMutation(SubmitSurveyResponseDocument);
  const targetId = (q: SurveyQuestion) =>
    q.kind === 'TEXT' ? `survey-${q.key}` : `survey-${q.key}-0`;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (inFlight.current) return;
    const found: Record<string, string> = {};
    for (const q of questions) {
      const problem = answerProblem(q, answers[q.key] ?? '');
      if (problem) found[q.key] = t(problem, { max: format.number(MAX_TEXT_ANSWER) });
    }
    setProblems(found);
    setFormError(null);
    setSaved(false);
    if (Object.keys(found).length > 0) return;
    inFlight.current = true;
    try {
      await submit({
        variables: {
          input: {
            surveyId: survey.id,
            organisationId: viewer.organisation?.id ?? '',
            answers: questions.map((q) => ({
              questionKey: q.key,
              value: (answers[q.key] ?? '').trim() || null,
            })),
          },
        },
      });
      setSaved(true);
    } catch (error) {
      const failure = describeFailure<string>(error, t, (path) => {
        const index = /^answers\.(\d+)\./.exec(inputPath(path))?.[1];
        return index !== undefined ? questions[Number(index)]?.key : undefined;
      });
      setProblems(failure.fields as Record<string, string>);
      setFormError(failure.form);
    } finally {
      inFlight.current = false;
    }
  };

  const summary = questions
    .filter((q) => problems[q.key])
    .map((q) => ({ fieldId: targetId(q), message: `${q.text} — ${problems[q.key]}` }));

  return (
    <form noValidate onSubmit={onSubmit} className="wg-form-column">
      {saved ? (
        <Alert variant="success">{t('notices.surveySaved')}</Alert>
      ) : survey.response ? (
        <Alert variant="info">
          {t('surveys.lastSaved', { date: format.dateTime(survey.response.updatedAt) })}
        </Alert>
      ) : null}
      {formError ? (
        <Alert variant="error" title={t('ui:errorTitle')}>
          <p>{formError}</p>
        </Alert>
      ) : null}
      <ErrorSummary title={t('validation.summaryTitle')} errors={summary} />
      {questions.map((q) => (
        <Question
          key={q.key}
          question={q}
          value={answers[q.key] ?? ''}
          error={problems[q.key]}
          onChange={(value) => setAnswers((current) => ({ ...current, [q.key]: value }))}
        />
      ))}
      <Button type="submit" busy={loading}>
        {survey.response ? t('surveys.saveChanges') : t('surveys.submit')}
      </Button>
    </form>
  );
}

function Question({
  question,
  value,
  error,
  onChange,
}: {
  question: SurveyQuestion;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation('portal');
  const options = questionOptions(question);
  const id = `survey-${question.key}`;
  if (question.kind === 'TEXT')
    return (
      <TextAreaField
        id={id}
        name={question.key}
        label={question.text}
        hint={t('surveys.textHint')}
        rows={4}
        value={value}
        error={error}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  let radios: { value: string; label: string }[] = [];
  let hint: string | undefined;
  if (question.kind === 'SCALE') {
    const min = options.min ?? 1;
    const max = options.max ?? 5;
    radios = Array.from({ length: max - min + 1 }, (_, i) => String(min + i)).map((v) => ({
      value: v,
      label: v,
    }));
    // The question's own words for the ends of the scale, when it has them.
    if (options.minLabel && options.maxLabel)
      hint = t('surveys.scaleHint', {
        min,
        max,
        minLabel: options.minLabel,
        maxLabel: options.maxLabel,
      });
  } else if (question.kind === 'BOOLEAN') {
    radios = [
      { value: 'true', label: t('common.yes') },
      { value: 'false', label: t('common.no') },
    ];
  } else {
    radios = (options.choices ?? []).map((c) => ({ value: c, label: choiceLabel(t, options, c) }));
  }
  return (
    <RadioGroup
      id={id}
      name={question.key}
      legend={question.text}
      hint={hint}
      required
      inline={question.kind !== 'CHOICE'}
      value={value}
      error={error}
      onChange={onChange}
      options={radios}
    />
  );
}
