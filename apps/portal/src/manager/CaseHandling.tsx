import { useMutation, useQuery } from '@apollo/client/react';
import {
  type ApplicationPage_ApplicationFragment,
  AssignCoachDocument,
  ProgrammeCoachesDocument,
  RecordStageChangeDocument,
} from '@werkgezond/graphql-client';
import { Alert, Button, ErrorSummary, SelectField, Spinner, useStageLabel } from '@werkgezond/ui';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConflictAlert } from '../components/ConflictAlert';
import { RadioGroup } from '../components/fields/RadioGroup';
import { TextAreaField } from '../components/fields/TextAreaField';
import { QueryFailure } from '../components/QueryFailure';
import {
  DROP_OFF_REASON_CODES,
  REJECTION_REASON_CODES,
  reasonOptions,
} from '../components/reasons';
import { describeFailure, inputPath } from '../forms/serverErrors';

/** Stages a manager records; participants record their own (withdrawal, the dossier). */
const MANAGER_STAGES = new Set(['APPROVED', 'REJECTED', 'STARTED', 'COMPLETED', 'DROPPED_OUT']);
const REASON_NEEDED: Record<string, readonly string[]> = {
  REJECTED: REJECTION_REASON_CODES,
  DROPPED_OUT: DROP_OFF_REASON_CODES,
};
const MAX_REASON_TEXT = 2000;

export interface CaseHandlingProps {
  app: ApplicationPage_ApplicationFragment;
  /** Reload the application (after a conflict); the forms keep what was typed. */
  onReload: () => void;
}

/**
 * The programme manager's actions on one application: record the next stage (decide, start,
 * complete, drop-out with a reason) and assign a coach. Each sends the version the manager saw;
 * when someone else acted first the API answers CONFLICT, the page reloads the application
 * and keeps the manager's choices so nothing is lost.
 */
export function CaseHandling({ app, onReload }: CaseHandlingProps) {
  const { t } = useTranslation('portal');
  const stages = app.nextStages.filter((s) => MANAGER_STAGES.has(s.key));
  const approved = app.events.some((e) => e.stage === 'APPROVED');
  const exited = app.currentStage?.kind === 'EXIT';
  const coachable = approved && !exited && app.programme.stages.some((s) => s.key === 'STARTED');
  return (
    <section className="wg-portal-section" aria-labelledby="case-handling">
      <h2 id="case-handling">{t('manage.title')}</h2>
      <div className="wg-portal-two">
        <div className="wg-card">
          <h3 className="wg-card__title" style={{ marginTop: 0 }}>
            {t('manage.stageTitle')}
          </h3>
          {stages.length > 0 ? (
            <StageForm app={app} stages={stages} onReload={onReload} />
          ) : (
            <p className="wg-card__lead">{t('manage.noNextStage')}</p>
          )}
        </div>
        <div className="wg-stack">
          {coachable ? (
            <div className="wg-card">
              <h3 className="wg-card__title" style={{ marginTop: 0 }}>
                {t('manage.coachTitle')}
              </h3>
              <CoachForm app={app} onReload={onReload} />
            </div>
          ) : null}
          <div className="wg-card">
            <h3 className="wg-card__title" style={{ marginTop: 0 }}>
              {t('manage.spendingTitle')}
            </h3>
            <p className="wg-card__lead">{t('manage.spendingText')}</p>
            <Link
              to={`/beheer/uitgaven?programma=${encodeURIComponent(app.programme.key)}&aanvraag=${app.id}`}
            >
              {t('manage.spendingLink')}
            </Link>
          </div>
        </div>
      </div>
    </section>
  );
}

type StageField = 'stage' | 'reasonCode' | 'reasonText';

function StageForm({
  app,
  stages,
  onReload,
}: {
  app: ApplicationPage_ApplicationFragment;
  stages: ApplicationPage_ApplicationFragment['nextStages'];
  onReload: () => void;
}) {
  const { t } = useTranslation('portal');
  const stageLabel = useStageLabel();
  const [stage, setStage] = useState('');
  const [reasonCode, setReasonCode] = useState('');
  const [reasonText, setReasonText] = useState('');
  const [problems, setProblems] = useState<Partial<Record<StageField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const sending = useRef(false);
  const [record, { loading }] = useMutation(RecordStageChangeDocument);
  const reasons = REASON_NEEDED[stage];
  const ids: Record<StageField, string> = {
    stage: 'manage-stage-0',
    reasonCode: 'manage-reason',
    reasonText: 'manage-reason-text',
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending.current) return;
    const found: Partial<Record<StageField, string>> = {};
    if (!stages.some((s) => s.key === stage)) found.stage = t('validation.chooseStage');
    if (reasons && !reasons.includes(reasonCode)) found.reasonCode = t('validation.reasonRequired');
    if (reasonText.length > MAX_REASON_TEXT)
      found.reasonText = t('validation.tooLong', { max: MAX_REASON_TEXT });
    setProblems(found);
    setFormError(null);
    setDone(null);
    if (Object.keys(found).length > 0) return;
    sending.current = true;
    try {
      await record({
        variables: {
          input: {
            applicationId: app.id,
            stage,
            expectedVersion: app.version,
            reasonCode: reasons ? reasonCode : null,
            reasonText: reasonText.trim() || null,
          },
        },
      });
      setConflict(false);
      setDone(
        t('manage.recorded', {
          stage: stageLabel(stages.find((s) => s.key === stage) ?? { key: stage, label: stage }),
        }),
      );
      setStage('');
      setReasonCode('');
      setReasonText('');
    } catch (error) {
      const failure = describeFailure<StageField>(error, t, (path) => {
        const field = inputPath(path);
        return field === 'stage' || field === 'reasonCode' || field === 'reasonText'
          ? field
          : undefined;
      });
      setConflict(failure.conflict);
      if (failure.conflict) onReload();
      else {
        setProblems(failure.fields);
        setFormError(failure.form);
      }
    } finally {
      sending.current = false;
    }
  };

  const summary = (Object.keys(problems) as StageField[])
    .filter((field) => problems[field])
    .map((field) => ({ fieldId: ids[field], message: problems[field] ?? '' }));

  return (
    <form noValidate onSubmit={onSubmit}>
      {conflict ? <ConflictAlert /> : null}
      {done ? <Alert variant="success">{done}</Alert> : null}
      {formError ? (
        <Alert variant="error" title={t('ui:errorTitle')}>
          <p>{formError}</p>
        </Alert>
      ) : null}
      <ErrorSummary title={t('validation.summaryTitle')} errors={summary} />
      {stage && !stages.some((s) => s.key === stage) ? (
        <Alert variant="info">
          {t('manage.choiceGone', {
            choice: t(`manage.actions.${stage}`, { defaultValue: stage }),
          })}
        </Alert>
      ) : null}
      <RadioGroup
        id="manage-stage"
        legend={t('manage.stageLegend')}
        name="stage"
        required
        value={stage}
        onChange={(value) => {
          setStage(value);
          setReasonCode('');
        }}
        error={problems.stage}
        options={stages.map((s) => ({
          value: s.key,
          label: t(`manage.actions.${s.key}`, { defaultValue: stageLabel(s) }),
        }))}
      />
      {reasons ? (
        <>
          <SelectField
            id={ids.reasonCode}
            name="reasonCode"
            label={stage === 'REJECTED' ? t('manage.rejectionReason') : t('manage.dropOffReason')}
            placeholder={t('common.choose')}
            options={reasonOptions(t, reasons)}
            value={reasonCode}
            onChange={(e) => setReasonCode(e.target.value)}
            error={problems.reasonCode}
            required
          />
          <TextAreaField
            id={ids.reasonText}
            name="reasonText"
            label={t('manage.reasonText')}
            hint={t('manage.reasonTextHint')}
            rows={3}
            value={reasonText}
            onChange={(e) => setReasonText(e.target.value)}
            error={problems.reasonText}
          />
        </>
      ) : null}
      <Button type="submit" busy={loading}>
        {t('manage.record')}
      </Button>
    </form>
  );
}

function CoachForm({
  app,
  onReload,
}: {
  app: ApplicationPage_ApplicationFragment;
  onReload: () => void;
}) {
  const { t } = useTranslation('portal');
  const { data, error, loading, refetch } = useQuery(ProgrammeCoachesDocument, {
    variables: { programmeKey: app.programme.key },
  });
  const [coachId, setCoachId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const sending = useRef(false);
  const [assign, { loading: assigning }] = useMutation(AssignCoachDocument);

  if (loading && !data) return <Spinner label={t('manage.coachesLoading')} />;
  if (!data)
    return (
      <QueryFailure title={t('manage.coachesError')} error={error} onRetry={() => void refetch()} />
    );
  const today = new Date().toISOString().slice(0, 10);
  const coaches = data.coaches.filter(
    (c) => c.id !== app.coach?.id && (!c.activeUntil || c.activeUntil >= today),
  );

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending.current) return;
    setFormError(null);
    setDone(null);
    if (!coaches.some((c) => c.id === coachId)) {
      setProblem(t('validation.chooseCoach'));
      return;
    }
    setProblem(null);
    sending.current = true;
    try {
      const result = await assign({
        variables: { input: { applicationId: app.id, coachId, expectedVersion: app.version } },
      });
      setConflict(false);
      setDone(t('manage.coachAssigned', { coach: result.data?.assignCoach.coach?.fullName ?? '' }));
      setCoachId('');
    } catch (failed) {
      const failure = describeFailure<'coachId'>(failed, t, (path) =>
        inputPath(path) === 'coachId' ? 'coachId' : undefined,
      );
      setConflict(failure.conflict);
      if (failure.conflict) onReload();
      else {
        setProblem(failure.fields.coachId ?? null);
        setFormError(failure.form);
      }
    } finally {
      sending.current = false;
    }
  };

  return (
    <form noValidate onSubmit={onSubmit}>
      {conflict ? <ConflictAlert /> : null}
      {done ? <Alert variant="success">{done}</Alert> : null}
      {formError ? (
        <Alert variant="error" title={t('ui:errorTitle')}>
          <p>{formError}</p>
        </Alert>
      ) : null}
      <p className="wg-card__lead">
        {app.coach
          ? app.coach.serviceProvider
            ? t('manage.currentCoach', {
                coach: app.coach.fullName,
                provider: app.coach.serviceProvider.name,
              })
            : t('manage.currentCoachOnly', { coach: app.coach.fullName })
          : t('manage.noCoachYet')}
      </p>
      <SelectField
        id="manage-coach"
        name="coachId"
        label={app.coach ? t('manage.otherCoach') : t('manage.coach')}
        placeholder={t('common.choose')}
        options={coaches.map((c) => ({
          value: c.id,
          label: c.serviceProvider ? `${c.fullName} (${c.serviceProvider.name})` : c.fullName,
        }))}
        value={coachId}
        onChange={(e) => setCoachId(e.target.value)}
        error={problem ?? undefined}
        required
      />
      <Button type="submit" busy={assigning}>
        {t('manage.assign')}
      </Button>
    </form>
  );
}
