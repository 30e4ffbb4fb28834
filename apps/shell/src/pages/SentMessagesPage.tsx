import { useQuery } from '@apollo/client/react';
import {
  AdminOutboxMessagesDocument,
  type AdminOutboxMessagesQuery,
  type MailStatus,
} from '@werkgezond/graphql-client';
import {
  Alert,
  DataTable,
  type DataTableColumn,
  PageHeader,
  SelectField,
  Spinner,
  useDocumentTitle,
  useFormat,
} from '@werkgezond/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Message = AdminOutboxMessagesQuery['outboxMessages']['messages'][number];
const STATUSES: MailStatus[] = ['QUEUED', 'SENT', 'KEPT', 'FAILED'];

/**
 * "Verzonden berichten" (ADMIN): every e-mail of the outbox — sent, kept (no SMTP_URL, the
 * embedded default) or failed — and the send jobs that ended in the dead-letter queue.
 * Self-contained so it can move to the back-office remote as is.
 */
export function SentMessagesPage() {
  const { t } = useTranslation('shell');
  useDocumentTitle(t('sentMessages.title'));
  const format = useFormat();
  const [status, setStatus] = useState<MailStatus | ''>('');
  const { data, loading, error } = useQuery(AdminOutboxMessagesDocument, {
    variables: { status: status || null, limit: 100 },
    fetchPolicy: 'cache-and-network',
  });
  const page = data?.outboxMessages;
  const columns: DataTableColumn<Message>[] = [
    {
      key: 'createdAt',
      header: t('sentMessages.columns.createdAt'),
      cell: (m) => <time dateTime={m.createdAt}>{format.dateTime(m.createdAt)}</time>,
      csv: (m) => m.createdAt,
    },
    {
      key: 'recipient',
      header: t('sentMessages.columns.recipient'),
      cell: (m) => m.recipient,
      csv: (m) => m.recipient,
    },
    {
      key: 'subject',
      header: t('sentMessages.columns.subject'),
      rowHeader: true,
      cell: (m) => (
        <details>
          <summary>{m.subject}</summary>
          <pre style={{ whiteSpace: 'pre-wrap' }}>{m.textBody}</pre>
        </details>
      ),
      csv: (m) => m.subject,
    },
    {
      key: 'language',
      header: t('sentMessages.columns.language'),
      cell: (m) => m.language,
      csv: (m) => m.language,
    },
    {
      key: 'status',
      header: t('sentMessages.columns.status'),
      cell: (m) =>
        `${t(`sentMessages.status.${m.status}`)}${m.lastError ? ` (${m.lastError})` : ''}`,
      csv: (m) => m.status,
    },
    {
      key: 'attempts',
      header: t('sentMessages.columns.attempts'),
      cell: (m) => m.attempts,
      csv: (m) => m.attempts,
      align: 'end',
    },
  ];
  return (
    <>
      <PageHeader title={t('sentMessages.title')} description={t('sentMessages.lead')} />
      <SelectField
        id="sent-messages-status"
        name="status"
        label={t('sentMessages.filter')}
        placeholder={t('sentMessages.all')}
        options={STATUSES.map((s) => ({ value: s, label: t(`sentMessages.status.${s}`) }))}
        value={status}
        onChange={(e) => setStatus(e.target.value as MailStatus | '')}
      />
      {loading && !page ? <Spinner label={t('sentMessages.loading')} /> : null}
      {error && !page ? <Alert variant="error" title={t('sentMessages.error')} /> : null}
      {page ? (
        <>
          {page.deadLetters.length > 0 ? (
            <Alert
              variant="warning"
              title={t('sentMessages.deadTitle', { count: page.deadLetters.length })}
            >
              <p>{t('sentMessages.dead')}</p>
            </Alert>
          ) : null}
          <DataTable
            caption={t('sentMessages.caption', {
              shown: page.messages.length,
              count: page.totalCount,
            })}
            columns={columns}
            rows={page.messages}
            getRowKey={(m) => m.id}
            csvFileName="berichten"
            csvLabel={t('sentMessages.csv')}
          />
        </>
      ) : null}
    </>
  );
}
