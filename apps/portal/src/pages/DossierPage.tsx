import { useMutation, useQuery } from '@apollo/client/react';
import {
  type ApplicationPage_ApplicationFragment,
  type DossierSection_ApplicationFragment,
  PortalApplicationDocument,
  PortalApplicationDossierDocument,
  SaveParticipationDossierDocument,
} from '@werkgezond/graphql-client';
import {
  Alert,
  Button,
  Card,
  ErrorSummary,
  PageHeader,
  Spinner,
  useDocumentTitle,
  useFormat,
} from '@werkgezond/ui';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { actsForApplicant } from '../access';
import { ConflictAlert } from '../components/ConflictAlert';
import { AttachmentList, DossierSummary } from '../components/DossierSummary';
import {
  ATTACHMENT_ACCEPT,
  attachmentProblem,
  DOSSIER_QUESTIONS,
  type DossierQuestion,
  fileSize,
  MAX_ANSWER_LENGTH,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
} from '../components/dossierQuestions';
import { TextAreaField } from '../components/fields/TextAreaField';
import { noticeState } from '../components/Notice';
import { isNotFound, QueryFailure } from '../components/QueryFailure';
import { describeFailure, inputPath } from '../forms/serverErrors';
import { UploadError, uploadAttachment } from '../forms/uploadAttachment';
import { useViewer } from '../ViewerContext';
import { applicationTitle } from './ApplicationPage';
import { PortalNotFoundPage } from './PortalNotFoundPage';

type Answers = Record<DossierQuestion, string>;

/**
 * The award's participation dossier: five structured answers and attachments. Answers can be
 * saved and completed later; submitting records the stage "dossier submitted". Files are
 * checked for type and size in the browser, then again by the API (which reads their bytes).
 */
export function DossierPage() {
  const { t } = useTranslation('portal');
  const { id = '' } = useParams();
  const viewer = useViewer();
  const app = useQuery(PortalApplicationDocument, { variables: { id } });
  const dossier = useQuery(PortalApplicationDossierDocument, { variables: { id } });
  useDocumentTitle(t('dossier.pageTitle'));

  const application = app.data?.application;
  let body: React.ReactNode;
  if ((app.loading && !app.data) || (dossier.loading && !dossier.data)) {
    body = <Spinner label={t('dossier.loading')} />;
  } else if (!application || !dossier.data) {
    const error = app.error ?? dossier.error;
    if (
      isNotFound(error) ||
      (application && !actsForApplicant(viewer, application.organisation.id))
    )
      return (
        <PortalNotFoundPage
          title={t('application.notFoundTitle')}
          description={t('application.notFoundText')}
        />
      );
    body = (
      <QueryFailure
        title={t('dossier.errorTitle')}
        error={error}
        onRetry={() => {
          void app.refetch();
          void dossier.refetch();
        }}
      />
    );
  } else if (!actsForApplicant(viewer, application.organisation.id)) {
    return (
      <PortalNotFoundPage
        title={t('application.notFoundTitle')}
        description={t('application.notFoundText')}
      />
    );
  } else if (dossier.data.application.dossier?.submittedAt) {
    body = (
      <>
        <Alert variant="success">{t('dossier.alreadySubmitted')}</Alert>
        <DossierSummary application={dossier.data.application} />
      </>
    );
  } else if (!application.nextStages.some((s) => s.key === 'PARTICIPATED')) {
    body = <Alert variant="info">{t('dossier.notOpen')}</Alert>;
  } else {
    body = (
      <DossierForm
        application={application}
        dossier={dossier.data.application}
        onReload={() => {
          void app.refetch();
          void dossier.refetch();
        }}
        onUploaded={() => void dossier.refetch()}
      />
    );
  }
  return (
    <>
      <PageHeader
        title={t('dossier.pageTitle')}
        description={
          application
            ? t('dossier.lead', {
                application: applicationTitle(application),
                organisation: application.organisation.name,
              })
            : undefined
        }
      />
      {body}
      <p>
        <Link to={`/aanvragen/${id}`}>{t('dossier.back')}</Link>
      </p>
    </>
  );
}

function DossierForm({
  application,
  dossier,
  onReload,
  onUploaded,
}: {
  application: ApplicationPage_ApplicationFragment;
  dossier: DossierSection_ApplicationFragment;
  onReload: () => void;
  onUploaded: () => void;
}) {
  const { t } = useTranslation('portal');
  const format = useFormat();
  const navigate = useNavigate();
  const [answers, setAnswers] = useState<Answers>(() => {
    const given = new Map(dossier.dossier?.answers.map((a) => [a.key, a.value]) ?? []);
    return Object.fromEntries(DOSSIER_QUESTIONS.map((q) => [q, given.get(q) ?? ''])) as Answers;
  });
  const [problems, setProblems] = useState<Partial<Record<DossierQuestion, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const inFlight = useRef(false);
  const [save] = useMutation(SaveParticipationDossierDocument);

  const validate = (submit: boolean) => {
    const found: Partial<Record<DossierQuestion, string>> = {};
    for (const q of DOSSIER_QUESTIONS) {
      if (answers[q].length > MAX_ANSWER_LENGTH)
        found[q] = t('validation.tooLong', { max: format.number(MAX_ANSWER_LENGTH) });
      else if (submit && !answers[q].trim()) found[q] = t('validation.answerRequired');
    }
    return found;
  };

  const send = async (submit: boolean) => {
    if (inFlight.current) return;
    const found = validate(submit);
    setProblems(found);
    setFormError(null);
    setSaved(null);
    if (Object.keys(found).length > 0) return;
    inFlight.current = true;
    setBusy(submit ? 'submit' : 'save');
    const keys = DOSSIER_QUESTIONS.filter((q) => submit || answers[q].trim() || dossier.dossier);
    try {
      await save({
        variables: {
          input: {
            applicationId: application.id,
            expectedVersion: application.version,
            submit,
            answers: keys.map((key) => ({ key, value: answers[key] })),
          },
        },
      });
      setConflict(false);
      if (submit) {
        navigate(`/aanvragen/${application.id}`, { state: noticeState('dossierSubmitted') });
        return;
      }
      setSaved(t('notices.dossierSaved'));
    } catch (error) {
      const failure = describeFailure<DossierQuestion>(error, t, (path) => {
        const field = inputPath(path);
        // "answers.results" (a missing answer) or "answers.3.value" (by position in the list).
        const byKey = /^answers\.(\w+)$/.exec(field)?.[1];
        if (byKey && (DOSSIER_QUESTIONS as readonly string[]).includes(byKey))
          return byKey as DossierQuestion;
        const byIndex = /^answers\.(\d+)/.exec(field)?.[1];
        return byIndex !== undefined ? keys[Number(byIndex)] : undefined;
      });
      setConflict(failure.conflict);
      if (failure.conflict) onReload();
      else {
        setProblems(failure.fields);
        setFormError(failure.form);
      }
    } finally {
      inFlight.current = false;
      setBusy(null);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send(true);
  };

  const summary = DOSSIER_QUESTIONS.filter((q) => problems[q]).map((q) => ({
    fieldId: `dossier-${q}`,
    message: `${t(`dossier.questions.${q}.label`)}: ${problems[q]}`,
  }));

  return (
    <div className="wg-stack wg-form-column">
      <form noValidate onSubmit={onSubmit}>
        {conflict ? <ConflictAlert /> : null}
        {saved ? <Alert variant="success">{saved}</Alert> : null}
        {formError ? (
          <Alert variant="error" title={t('ui:errorTitle')}>
            <p>{formError}</p>
          </Alert>
        ) : null}
        <ErrorSummary title={t('validation.summaryTitle')} errors={summary} />
        <p className="wg-muted">
          {dossier.dossier
            ? t('dossier.statusSaved', { date: format.dateTime(dossier.dossier.updatedAt) })
            : t('dossier.intro')}
        </p>
        {DOSSIER_QUESTIONS.map((q) => (
          <TextAreaField
            key={q}
            id={`dossier-${q}`}
            name={q}
            label={t(`dossier.questions.${q}.label`)}
            hint={`${t(`dossier.questions.${q}.hint`)} ${t('dossier.charactersLeft', {
              count: MAX_ANSWER_LENGTH - answers[q].length,
              formatted: format.number(MAX_ANSWER_LENGTH - answers[q].length),
            })}`}
            required
            rows={5}
            value={answers[q]}
            error={problems[q]}
            onChange={(e) => setAnswers((current) => ({ ...current, [q]: e.target.value }))}
          />
        ))}
        <AttachmentUpload
          applicationId={application.id}
          dossier={dossier}
          onUploaded={onUploaded}
        />
        <div className="wg-form-actions">
          <Button type="submit" busy={busy === 'submit'} disabled={busy === 'save'}>
            {t('dossier.submit')}
          </Button>
          <Button
            variant="secondary"
            busy={busy === 'save'}
            disabled={busy === 'submit'}
            onClick={() => void send(false)}
          >
            {t('dossier.save')}
          </Button>
        </div>
        <p className="wg-field__hint">{t('dossier.submitHint')}</p>
      </form>
    </div>
  );
}

function AttachmentUpload({
  applicationId,
  dossier,
  onUploaded,
}: {
  applicationId: string;
  dossier: DossierSection_ApplicationFragment;
  onUploaded: () => void;
}) {
  const { t } = useTranslation('portal');
  const format = useFormat();
  const inputId = `dossier-file-${useId()}`;
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [uploaded, setUploaded] = useState<string | null>(null);
  const full = dossier.attachments.length >= MAX_ATTACHMENTS;
  const limits = t('dossier.fileHint', {
    size: fileSize(MAX_ATTACHMENT_BYTES, format.number),
    max: MAX_ATTACHMENTS,
  });

  const onUpload = async () => {
    setUploaded(null);
    if (!file) {
      setProblem(t('dossier.fileRequired'));
      return;
    }
    const local = attachmentProblem(file);
    if (local) {
      setProblem(t(local, { size: fileSize(MAX_ATTACHMENT_BYTES, format.number) }));
      return;
    }
    if (full) {
      setProblem(t('dossier.fileTooMany', { max: MAX_ATTACHMENTS }));
      return;
    }
    setProblem(null);
    setProgress(0);
    try {
      const saved = await uploadAttachment(applicationId, file, setProgress);
      setUploaded(t('dossier.uploaded', { file: saved.fileName }));
      setFile(null);
      if (input.current) input.current.value = '';
      onUploaded();
    } catch (error) {
      if (error instanceof UploadError) {
        setProblem(
          error.status === 413
            ? t('dossier.fileTooLarge', { size: fileSize(MAX_ATTACHMENT_BYTES, format.number) })
            : error.status === 415
              ? t('dossier.fileType')
              : error.code === 'NETWORK'
                ? t('ui:networkError')
                : error.message,
        );
      } else setProblem(t('ui:unexpectedError'));
    } finally {
      setProgress(null);
    }
  };

  return (
    <Card title={t('dossier.attachmentsHeading')} headingLevel={2}>
      <AttachmentList application={dossier} />
      {uploaded ? <Alert variant="success">{uploaded}</Alert> : null}
      <div className="wg-field" style={{ marginTop: 'var(--wg-space-4)' }}>
        <label className="wg-field__label" htmlFor={inputId}>
          {t('dossier.fileLabel')}
        </label>
        <span id={`${inputId}-hint`} className="wg-field__hint">
          {limits}
        </span>
        {problem ? (
          <span id={`${inputId}-error`} className="wg-field__error">
            {problem}
          </span>
        ) : null}
        <input
          ref={input}
          id={inputId}
          type="file"
          name="file"
          accept={ATTACHMENT_ACCEPT}
          disabled={full}
          aria-invalid={problem ? true : undefined}
          aria-describedby={[`${inputId}-hint`, problem ? `${inputId}-error` : ''].join(' ').trim()}
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null;
            setFile(chosen);
            setUploaded(null);
            const local = chosen ? attachmentProblem(chosen) : null;
            setProblem(
              local ? t(local, { size: fileSize(MAX_ATTACHMENT_BYTES, format.number) }) : null,
            );
          }}
        />
      </div>
      {progress !== null ? (
        <div role="status">
          <progress
            className="wg-progress"
            max={1}
            value={progress}
            aria-label={t('dossier.uploading')}
          />
          <span>{t('dossier.progress', { percent: format.percent(progress) })}</span>
        </div>
      ) : null}
      <Button
        variant="secondary"
        busy={progress !== null}
        disabled={full}
        onClick={() => void onUpload()}
      >
        {t('dossier.upload')}
      </Button>
    </Card>
  );
}
