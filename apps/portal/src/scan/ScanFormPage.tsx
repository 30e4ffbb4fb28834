import { useMutation, useQuery } from '@apollo/client/react';
import {
  PortalScansDocument,
  SaveHealthPolicyScanDocument,
  type ScanForm_InstrumentFragment,
  type ScanList_ScanFragment,
  SubmitHealthPolicyScanDocument,
} from '@werkgezond/graphql-client';
import { Alert, Button, ErrorSummary, PageHeader, Spinner, useDocumentTitle } from '@werkgezond/ui';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { actsForOrganisation } from '../access';
import { RadioGroup } from '../components/fields/RadioGroup';
import { QueryFailure } from '../components/QueryFailure';
import { RoleNotice } from '../components/RoleNotice';
import { describeFailure, inputPath } from '../forms/serverErrors';
import { useViewer } from '../ViewerContext';
import { pick } from './scanText';

/** Fill in the scan: continue the draft, or re-take starting from the last submitted answers. */
export function ScanFormPage() {
  const { t } = useTranslation('portal');
  const viewer = useViewer();
  const acting = actsForOrganisation(viewer) && viewer.roles.includes('PARTICIPANT');
  useDocumentTitle(t('scan.formTitle'));
  const { data, error, loading, refetch } = useQuery(PortalScansDocument, {
    variables: { organisationId: viewer.organisation?.id ?? '' },
    skip: !acting,
    fetchPolicy: 'network-only',
  });
  if (!acting) return <RoleNotice title={t('scan.title')} />;
  if (loading && !data)
    return (
      <>
        <PageHeader title={t('scan.formTitle')} />
        <Spinner label={t('scan.loading')} />
      </>
    );
  if (!data)
    return (
      <>
        <PageHeader title={t('scan.formTitle')} />
        <QueryFailure title={t('scan.errorTitle')} error={error} onRetry={() => void refetch()} />
      </>
    );
  const draft = data.healthPolicyScans.find((s) => s.status === 'DRAFT') ?? null;
  const last = data.healthPolicyScans.find((s) => s.status === 'SUBMITTED') ?? null;
  return (
    <>
      <PageHeader
        title={t('scan.formTitle')}
        description={
          draft ? t('scan.formLeadDraft') : last ? t('scan.formLeadRetake') : t('scan.formLead')
        }
      />
      <ScanForm instrument={data.scanInstrument} start={draft ?? last} />
      <p>
        <Link to="/scan">{t('scan.back')}</Link>
      </p>
    </>
  );
}

function ScanForm({
  instrument,
  start,
}: {
  instrument: ScanForm_InstrumentFragment;
  start: ScanList_ScanFragment | null;
}) {
  const { t, i18n } = useTranslation('portal');
  const viewer = useViewer();
  const navigate = useNavigate();
  const lang = i18n.language;
  const items = [...instrument.items].sort((a, b) => a.position - b.position);
  const domains = [...instrument.domains].sort((a, b) => a.position - b.position);
  const [answers, setAnswers] = useState<Record<string, string>>(() => {
    const given = new Map(start?.answers.map((a) => [a.itemKey, String(a.points)]) ?? []);
    return Object.fromEntries(items.map((i) => [i.key, given.get(i.key) ?? '']));
  });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const inFlight = useRef(false);
  const [save, saving] = useMutation(SaveHealthPolicyScanDocument);
  const [submit, submitting] = useMutation(SubmitHealthPolicyScanDocument);
  const payload = () => ({
    organisationId: viewer.organisation?.id ?? '',
    answers: items.map((i) => ({
      itemKey: i.key,
      points: answers[i.key] === '' ? null : Number(answers[i.key]),
    })),
  });
  const showFailure = (error: unknown) => {
    const failure = describeFailure<string>(error, t, (path) => {
      const index = /^answers\.(\d+)\./.exec(inputPath(path))?.[1];
      return index !== undefined ? items[Number(index)]?.key : undefined;
    });
    setProblems(failure.fields as Record<string, string>);
    setFormError(failure.form);
  };

  const run = async (action: 'save' | 'submit') => {
    if (inFlight.current) return;
    setFormError(null);
    setSaved(false);
    if (action === 'submit') {
      const missing = Object.fromEntries(
        items
          .filter((i) => i.required && answers[i.key] === '')
          .map((i) => [i.key, t('scan.answerRequired')]),
      );
      setProblems(missing);
      if (Object.keys(missing).length > 0) return;
    } else setProblems({});
    inFlight.current = true;
    try {
      if (action === 'save') {
        await save({ variables: { input: payload() } });
        setSaved(true);
      } else {
        const res = await submit({ variables: { input: payload() } });
        const id = res.data?.submitHealthPolicyScan.scan.id;
        if (id) await navigate(`/scan/${id}`, { state: { justSubmitted: true } });
      }
    } catch (error) {
      showFailure(error);
    } finally {
      inFlight.current = false;
    }
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run('submit');
  };
  const summary = items
    .filter((i) => problems[i.key])
    .map((i) => ({
      fieldId: `scan-${i.key}-0`,
      message: `${pick(lang, i.text, i.textEn)} — ${problems[i.key]}`,
    }));
  const levels = [...instrument.levels].sort((a, b) => a.points - b.points);

  return (
    <form noValidate onSubmit={onSubmit} className="wg-form-column">
      {saved ? <Alert variant="success">{t('scan.draftSaved')}</Alert> : null}
      {formError ? (
        <Alert variant="error" title={t('ui:errorTitle')}>
          <p>{formError}</p>
        </Alert>
      ) : null}
      <ErrorSummary title={t('validation.summaryTitle')} errors={summary} />
      {domains.map((d) => (
        <section key={d.key} aria-labelledby={`scan-domain-${d.key}`} className="wg-stack">
          <h2 id={`scan-domain-${d.key}`}>{pick(lang, d.label, d.labelEn)}</h2>
          {items
            .filter((i) => i.domainKey === d.key)
            .map((i) => (
              <RadioGroup
                key={i.key}
                id={`scan-${i.key}`}
                name={i.key}
                legend={pick(lang, i.text, i.textEn)}
                required={i.required}
                inline
                value={answers[i.key] ?? ''}
                error={problems[i.key]}
                onChange={(value) => setAnswers((current) => ({ ...current, [i.key]: value }))}
                options={levels
                  .filter((l) => l.points <= i.maxPoints)
                  .map((l) => ({ value: String(l.points), label: pick(lang, l.label, l.labelEn) }))}
              />
            ))}
        </section>
      ))}
      <div className="wg-form-actions">
        <Button
          type="button"
          variant="secondary"
          busy={saving.loading}
          onClick={() => void run('save')}
        >
          {t('scan.saveDraft')}
        </Button>
        <Button type="submit" busy={submitting.loading}>
          {t('scan.submit')}
        </Button>
      </div>
    </form>
  );
}
