import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import {
  type FollowUp_ContactFragment,
  FollowUpWorklistDocument,
  type FollowUpWorklistQuery,
  RecordFollowUpCallDocument,
  ReminderPreviewDocument,
  SendReminderDocument,
  SetFollowUpThresholdsDocument,
} from '@werkgezond/graphql-client';
import {
  Alert,
  Button,
  DataTable,
  type DataTableColumn,
  EmptyState,
  PageHeader,
  SelectField,
  Spinner,
  TextField,
  useDocumentTitle,
  useFormat,
} from '@werkgezond/ui';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isCaseHandler } from '../access';
import { TextAreaField } from '../components/fields/TextAreaField';
import { QueryFailure } from '../components/QueryFailure';
import { RoleNotice } from '../components/RoleNotice';
import { describeFailure, inputPath } from '../forms/serverErrors';
import { useViewer } from '../ViewerContext';

type Item = FollowUpWorklistQuery['followUpWorklist']['items'][number];
type Threshold = FollowUpWorklistQuery['followUpWorklist']['thresholds'][number];

const OUTCOMES = ['WILL_START', 'NEEDS_TIME', 'NOT_INTERESTED', 'NO_ANSWER', 'CALL_BACK'] as const;

/**
 * The manager's follow-up worklist: approved applications that have not started (or started
 * and stalled) for longer than the programme's waiting time. From a row the manager sends a
 * reminder (template text, edited, previewed) or records a phone call.
 */
export function FollowUpPage() {
  const { t } = useTranslation('portal');
  const viewer = useViewer();
  const title = t('followUp.title');
  useDocumentTitle(title);
  if (!isCaseHandler(viewer)) return <RoleNotice title={title} />;
  return <Worklist title={title} />;
}

function Worklist({ title }: { title: string }) {
  const { t } = useTranslation('portal');
  const { data, error, loading, refetch } = useQuery(FollowUpWorklistDocument, {
    variables: { limit: 200 },
    fetchPolicy: 'cache-and-network',
  });
  const [selected, setSelected] = useState<string | null>(null);
  const worklist = data?.followUpWorklist;
  const item = worklist?.items.find((i) => i.applicationId === selected) ?? null;

  let body: React.ReactNode;
  if (loading && !worklist) body = <Spinner label={t('followUp.loading')} />;
  else if (error && !worklist)
    body = (
      <QueryFailure title={t('followUp.errorTitle')} error={error} onRetry={() => void refetch()} />
    );
  else if (!worklist || worklist.items.length === 0)
    body = <EmptyState title={t('followUp.emptyTitle')}>{t('followUp.empty')}</EmptyState>;
  else
    body = (
      <>
        <WorklistTable items={worklist.items} onFollowUp={setSelected} />
        <p aria-live="polite">
          {t('followUp.count', { shown: worklist.items.length, count: worklist.totalCount })}
        </p>
      </>
    );

  return (
    <>
      <PageHeader title={title} description={t('followUp.lead')} />
      {worklist ? (
        <Thresholds thresholds={worklist.thresholds} onSaved={() => void refetch()} />
      ) : null}
      {item ? (
        <FollowUpPanel
          key={item.applicationId}
          item={item}
          onDone={() => void refetch()}
          onClose={() => setSelected(null)}
        />
      ) : null}
      {body}
    </>
  );
}

function WorklistTable({
  items,
  onFollowUp,
}: {
  items: readonly Item[];
  onFollowUp: (id: string) => void;
}) {
  const { t } = useTranslation('portal');
  const format = useFormat();
  const contactLabel = (c: FollowUp_ContactFragment | null | undefined) =>
    c
      ? `${t(`followUp.kind.${c.kind}`)}${c.outcome ? ` (${t(`followUp.outcome.${c.outcome}`)})` : ''}, ${format.date(c.occurredAt)}`
      : t('followUp.noContact');
  const columns: DataTableColumn<Item>[] = [
    {
      key: 'organisation',
      header: t('applications.columns.organisation'),
      cell: (i) => <Link to={`/aanvragen/${i.applicationId}`}>{i.organisation}</Link>,
      csv: (i) => i.organisation,
      rowHeader: true,
    },
    {
      key: 'reason',
      header: t('followUp.columns.reason'),
      cell: (i) => t(`followUp.reason.${i.reason}`),
      csv: (i) => i.reason,
    },
    {
      key: 'days',
      header: t('followUp.columns.days'),
      cell: (i) => format.number(i.daysWaiting),
      csv: (i) => i.daysWaiting,
      align: 'end',
    },
    {
      key: 'channel',
      header: t('queue.columns.channel'),
      cell: (i) => i.channel ?? t('common.none'),
      csv: (i) => i.channel,
    },
    {
      key: 'coach',
      header: t('followUp.columns.coach'),
      cell: (i) => i.coach ?? t('common.none'),
      csv: (i) => i.coach,
    },
    {
      key: 'lastContact',
      header: t('followUp.columns.lastContact'),
      cell: (i) => contactLabel(i.lastContact),
      csv: (i) => (i.lastContact ? `${i.lastContact.kind} ${i.lastContact.occurredAt}` : null),
    },
    {
      key: 'action',
      header: t('followUp.columns.action'),
      cell: (i) => (
        <Button variant="secondary" onClick={() => onFollowUp(i.applicationId)}>
          {t('followUp.followUp', { organisation: i.organisation })}
        </Button>
      ),
    },
  ];
  return (
    <DataTable
      caption={t('followUp.caption')}
      columns={columns}
      rows={items}
      getRowKey={(i) => i.applicationId}
      csvFileName="opvolging"
      csvLabel={t('followUp.csvLabel')}
    />
  );
}

function Thresholds({
  thresholds,
  onSaved,
}: {
  thresholds: readonly Threshold[];
  onSaved: () => void;
}) {
  const { t } = useTranslation('portal');
  const [values, setValues] = useState(() =>
    Object.fromEntries(
      thresholds.map((th) => [
        th.programmeKey,
        { start: String(th.startDays), progress: String(th.progressDays) },
      ]),
    ),
  );
  const [save, { loading }] = useMutation(SetFollowUpThresholdsDocument);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const onSubmit = async (event: FormEvent<HTMLFormElement>, key: string) => {
    event.preventDefault();
    const v = values[key]!;
    try {
      await save({
        variables: {
          input: {
            programmeKey: key,
            startDays: Number(v.start),
            progressDays: Number(v.progress),
          },
        },
      });
      setMessage({ ok: true, text: t('followUp.thresholds.saved') });
      onSaved();
    } catch (error) {
      setMessage({ ok: false, text: describeFailure(error, t, () => undefined).form ?? '' });
    }
  };
  return (
    <details className="wg-card" style={{ marginBottom: 'var(--wg-space-6)' }}>
      <summary>{t('followUp.thresholds.title')}</summary>
      {message ? <Alert variant={message.ok ? 'success' : 'error'} title={message.text} /> : null}
      {thresholds.map((th) => (
        <form key={th.programmeKey} noValidate onSubmit={(e) => void onSubmit(e, th.programmeKey)}>
          <h3>{th.programme}</h3>
          <div className="wg-filters">
            <TextField
              id={`start-${th.programmeKey}`}
              name="startDays"
              inputMode="numeric"
              label={t('followUp.thresholds.start')}
              value={values[th.programmeKey]?.start ?? ''}
              onChange={(e) =>
                setValues((c) => ({
                  ...c,
                  [th.programmeKey]: { ...c[th.programmeKey]!, start: e.target.value },
                }))
              }
            />
            <TextField
              id={`progress-${th.programmeKey}`}
              name="progressDays"
              inputMode="numeric"
              label={t('followUp.thresholds.progress')}
              value={values[th.programmeKey]?.progress ?? ''}
              onChange={(e) =>
                setValues((c) => ({
                  ...c,
                  [th.programmeKey]: { ...c[th.programmeKey]!, progress: e.target.value },
                }))
              }
            />
          </div>
          <Button type="submit" busy={loading}>
            {t('followUp.thresholds.save')}
          </Button>
        </form>
      ))}
    </details>
  );
}

type ReminderField = 'text' | 'recipient' | 'template' | 'language';

function FollowUpPanel({
  item,
  onDone,
  onClose,
}: {
  item: Item;
  onDone: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('portal');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const [template, setTemplate] = useState(
    item.reason === 'NOT_STARTED' ? 'REMINDER_START' : 'REMINDER_PROGRESS',
  );
  const [language, setLanguage] = useState(item.recipientLanguage === 'en' ? 'en' : 'nl');
  const [recipient, setRecipient] = useState(item.recipientEmail ?? '');
  const [text, setText] = useState('');
  const [idempotencyKey] = useState(() => `reminder-${crypto.randomUUID()}`);
  const [problems, setProblems] = useState<Partial<Record<ReminderField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [loadDefault] = useLazyQuery(ReminderPreviewDocument, { fetchPolicy: 'network-only' });
  const [preview, previewResult] = useLazyQuery(ReminderPreviewDocument, {
    fetchPolicy: 'network-only',
  });
  const [send, sending] = useMutation(SendReminderDocument);
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const [callProblem, setCallProblem] = useState<string | null>(null);
  const [recordCall, recording] = useMutation(RecordFollowUpCallDocument);

  // The template's default text in the chosen language, to edit.
  useEffect(() => {
    void loadDefault({
      variables: { input: { applicationId: item.applicationId, template, language } },
    }).then((r) => {
      if (r.data) setText(r.data.reminderPreview.body);
    });
  }, [item.applicationId, template, language, loadDefault]);

  const input = () => ({
    applicationId: item.applicationId,
    template,
    language,
    text,
    recipient: recipient.trim() || null,
  });
  const fail = (error: unknown) => {
    const f = describeFailure<ReminderField>(error, t, (path) => {
      const p = inputPath(path);
      return p === 'text' || p === 'recipient' || p === 'template' || p === 'language'
        ? p
        : undefined;
    });
    setProblems(f.fields);
    setFormError(f.form);
  };
  const onPreview = async () => {
    setProblems({});
    setFormError(null);
    const r = await preview({ variables: { input: input() } });
    if (r.error) fail(r.error);
  };
  const onSend = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblems({});
    setFormError(null);
    if (!text.trim()) {
      setProblems({ text: t('followUp.reminder.textRequired') });
      return;
    }
    try {
      const r = await send({ variables: { input: { ...input(), idempotencyKey } } });
      setSent(r.data?.sendReminder.recipient ?? recipient);
      onDone();
    } catch (error) {
      fail(error);
    }
  };
  const onCall = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!outcome) {
      setCallProblem(t('followUp.call.outcomeRequired'));
      return;
    }
    setCallProblem(null);
    try {
      await recordCall({
        variables: {
          input: { applicationId: item.applicationId, outcome, note: note.trim() || null },
        },
      });
      setNote('');
      setOutcome('');
      onDone();
    } catch (error) {
      setCallProblem(describeFailure(error, t, () => undefined).form);
    }
  };
  const shown = previewResult.data?.reminderPreview;

  return (
    <section
      className="wg-card"
      aria-labelledby="follow-up-title"
      style={{ marginBottom: 'var(--wg-space-6)' }}
    >
      <h2 id="follow-up-title" className="wg-card__title" tabIndex={-1} ref={heading}>
        {t('followUp.panelTitle', { organisation: item.organisation })}
      </h2>
      <p className="wg-muted">
        {t(`followUp.reason.${item.reason}`)} ·{' '}
        {t('followUp.daysWaiting', { count: item.daysWaiting })}
      </p>
      {sent ? (
        <Alert variant="success" title={t('followUp.reminder.sent', { recipient: sent })} />
      ) : (
        <form noValidate onSubmit={(e) => void onSend(e)} aria-labelledby="reminder-title">
          <h3 id="reminder-title">{t('followUp.reminder.title')}</h3>
          {formError ? <Alert variant="error" title={formError} /> : null}
          <div className="wg-filters">
            <SelectField
              id="reminder-template"
              name="template"
              label={t('followUp.reminder.template')}
              options={[
                { value: 'REMINDER_START', label: t('followUp.template.REMINDER_START') },
                { value: 'REMINDER_PROGRESS', label: t('followUp.template.REMINDER_PROGRESS') },
              ]}
              value={template}
              error={problems.template}
              onChange={(e) => setTemplate(e.target.value)}
            />
            <SelectField
              id="reminder-language"
              name="language"
              label={t('followUp.reminder.language')}
              options={[
                { value: 'nl', label: 'Nederlands' },
                { value: 'en', label: 'English' },
              ]}
              value={language}
              error={problems.language}
              onChange={(e) => setLanguage(e.target.value)}
            />
            <TextField
              id="reminder-recipient"
              name="recipient"
              type="email"
              label={t('followUp.reminder.recipient')}
              hint={item.recipientEmail ? undefined : t('followUp.reminder.noAccount')}
              value={recipient}
              error={problems.recipient}
              onChange={(e) => setRecipient(e.target.value)}
            />
          </div>
          <TextAreaField
            id="reminder-text"
            name="text"
            label={t('followUp.reminder.text')}
            rows={6}
            value={text}
            error={problems.text}
            onChange={(e) => setText(e.target.value)}
          />
          <div className="wg-form-actions">
            <Button
              variant="secondary"
              busy={previewResult.loading}
              onClick={() => void onPreview()}
            >
              {t('followUp.reminder.preview')}
            </Button>
            <Button type="submit" busy={sending.loading}>
              {t('followUp.reminder.send')}
            </Button>
            <Button variant="secondary" onClick={onClose}>
              {t('followUp.close')}
            </Button>
          </div>
          {shown ? (
            <section aria-live="polite" aria-labelledby="reminder-preview-title">
              <h4 id="reminder-preview-title">{t('followUp.reminder.previewTitle')}</h4>
              <p>
                <strong>{shown.subject}</strong> → {shown.recipient ?? t('common.none')}
              </p>
              <pre style={{ whiteSpace: 'pre-wrap' }}>{shown.text}</pre>
            </section>
          ) : null}
        </form>
      )}
      <form noValidate onSubmit={(e) => void onCall(e)} aria-labelledby="call-title">
        <h3 id="call-title">{t('followUp.call.title')}</h3>
        <div className="wg-filters">
          <SelectField
            id="call-outcome"
            name="outcome"
            label={t('followUp.call.outcome')}
            placeholder={t('followUp.call.choose')}
            options={OUTCOMES.map((o) => ({ value: o, label: t(`followUp.outcome.${o}`) }))}
            value={outcome}
            error={callProblem ?? undefined}
            onChange={(e) => setOutcome(e.target.value)}
          />
        </div>
        <TextAreaField
          id="call-note"
          name="note"
          label={t('followUp.call.note')}
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <Button type="submit" busy={recording.loading}>
          {t('followUp.call.record')}
        </Button>
      </form>
      {item.contacts.length ? (
        <>
          <h3>{t('followUp.history')}</h3>
          <ul>
            {item.contacts.map((c) => (
              <li key={c.id}>
                <ContactLine contact={c} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function ContactLine({ contact }: { contact: FollowUp_ContactFragment }) {
  const { t } = useTranslation('portal');
  const format = useFormat();
  return (
    <>
      <time dateTime={contact.occurredAt}>{format.date(contact.occurredAt)}</time>{' '}
      {t(`followUp.kind.${contact.kind}`)}
      {contact.outcome ? `: ${t(`followUp.outcome.${contact.outcome}`)}` : ''}
      {contact.recipient ? ` → ${contact.recipient}` : ''}
      {contact.note && contact.kind === 'CALL' ? ` (${contact.note})` : ''}
    </>
  );
}
