import { useMutation, useQuery } from '@apollo/client/react';
import {
  type ApplicationPage_ApplicationFragment,
  PortalApplicationDocument,
  WithdrawApplicationDocument,
} from '@werkgezond/graphql-client';
import { Alert, Button, ErrorSummary, PageHeader, Spinner, useDocumentTitle } from '@werkgezond/ui';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { actsForApplicant } from '../access';
import { ConflictAlert } from '../components/ConflictAlert';
import { RadioGroup } from '../components/fields/RadioGroup';
import { TextAreaField } from '../components/fields/TextAreaField';
import { noticeState } from '../components/Notice';
import { isNotFound, QueryFailure } from '../components/QueryFailure';
import { DROP_OFF_REASON_CODES, reasonOptions } from '../components/reasons';
import { describeFailure, inputPath } from '../forms/serverErrors';
import { useViewer } from '../ViewerContext';
import { applicationTitle } from './ApplicationPage';
import { PortalNotFoundPage } from './PortalNotFoundPage';

const MAX_TEXT = 2000;
type Field = 'reasonCode' | 'reasonText';

/** Withdraw an application with a reason (the same reasons as drop-offs, for the analytics). */
export function WithdrawPage() {
  const { t } = useTranslation('portal');
  const { id = '' } = useParams();
  const viewer = useViewer();
  const { data, error, loading, refetch } = useQuery(PortalApplicationDocument, {
    variables: { id },
  });
  useDocumentTitle(t('withdraw.title'));
  const app = data?.application;
  if (!app) {
    if (loading)
      return (
        <>
          <PageHeader title={t('withdraw.title')} />
          <Spinner label={t('application.loading')} />
        </>
      );
    if (isNotFound(error))
      return (
        <PortalNotFoundPage
          title={t('application.notFoundTitle')}
          description={t('application.notFoundText')}
        />
      );
    return (
      <>
        <PageHeader title={t('withdraw.title')} />
        <QueryFailure
          title={t('application.errorTitle')}
          error={error}
          onRetry={() => void refetch()}
        />
      </>
    );
  }
  if (!actsForApplicant(viewer, app.organisation.id))
    return (
      <PortalNotFoundPage
        title={t('application.notFoundTitle')}
        description={t('application.notFoundText')}
      />
    );
  return (
    <>
      <PageHeader
        title={t('withdraw.title')}
        description={t('withdraw.lead', { application: applicationTitle(app) })}
      />
      {app.nextStages.some((s) => s.key === 'WITHDRAWN') ? (
        <WithdrawForm app={app} onReload={() => void refetch()} />
      ) : (
        <Alert variant="info">{t('withdraw.notPossible')}</Alert>
      )}
      <p>
        <Link to={`/aanvragen/${app.id}`}>{t('dossier.back')}</Link>
      </p>
    </>
  );
}

function WithdrawForm({
  app,
  onReload,
}: {
  app: ApplicationPage_ApplicationFragment;
  onReload: () => void;
}) {
  const { t } = useTranslation('portal');
  const navigate = useNavigate();
  const [reasonCode, setReasonCode] = useState('');
  const [reasonText, setReasonText] = useState('');
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const inFlight = useRef(false);
  const [withdraw, { loading }] = useMutation(WithdrawApplicationDocument);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (inFlight.current) return;
    const found: Partial<Record<Field, string>> = {};
    if (!DROP_OFF_REASON_CODES.includes(reasonCode))
      found.reasonCode = t('validation.reasonRequired');
    if (reasonText.length > MAX_TEXT) found.reasonText = t('validation.tooLong', { max: MAX_TEXT });
    setProblems(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    inFlight.current = true;
    try {
      await withdraw({
        variables: {
          input: {
            applicationId: app.id,
            expectedVersion: app.version,
            reasonCode,
            reasonText: reasonText.trim() || null,
          },
        },
      });
      navigate(`/aanvragen/${app.id}`, { state: noticeState('withdrawn') });
    } catch (error) {
      const failure = describeFailure<Field>(error, t, (path) => {
        const field = inputPath(path);
        return field === 'reasonCode' || field === 'reasonText' ? field : undefined;
      });
      setConflict(failure.conflict);
      if (failure.conflict) onReload();
      else {
        setProblems(failure.fields);
        setFormError(failure.form);
      }
    } finally {
      inFlight.current = false;
    }
  };

  const summary = (['reasonCode', 'reasonText'] as const)
    .filter((f) => problems[f])
    .map((f) => ({
      fieldId: f === 'reasonCode' ? 'withdraw-reason-0' : 'withdraw-text',
      message: problems[f] ?? '',
    }));

  return (
    <form noValidate onSubmit={onSubmit} className="wg-form-column">
      {conflict ? <ConflictAlert /> : null}
      {formError ? (
        <Alert variant="error" title={t('ui:errorTitle')}>
          <p>{formError}</p>
        </Alert>
      ) : null}
      <ErrorSummary title={t('validation.summaryTitle')} errors={summary} />
      <RadioGroup
        id="withdraw-reason"
        name="reasonCode"
        legend={t('withdraw.reason')}
        hint={t('withdraw.reasonHint')}
        required
        value={reasonCode}
        onChange={setReasonCode}
        error={problems.reasonCode}
        options={reasonOptions(t, DROP_OFF_REASON_CODES)}
      />
      <TextAreaField
        id="withdraw-text"
        name="reasonText"
        label={t('withdraw.text')}
        hint={t('withdraw.textHint')}
        rows={4}
        value={reasonText}
        error={problems.reasonText}
        onChange={(e) => setReasonText(e.target.value)}
      />
      <div className="wg-form-actions">
        <Button type="submit" variant="danger" busy={loading}>
          {t('withdraw.submit')}
        </Button>
        <Link to={`/aanvragen/${app.id}`}>{t('common.cancel')}</Link>
      </div>
    </form>
  );
}
