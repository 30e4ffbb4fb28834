import { useMutation, useQuery } from '@apollo/client/react';
import {
  AdminCreateResearchKeyDocument,
  type AdminResearchKeyFragment,
  AdminResearchKeysDocument,
  AdminRevokeResearchKeyDocument,
  apiErrors,
  isNetworkError,
} from '@werkgezond/graphql-client';
import {
  Alert,
  Button,
  Card,
  DataTable,
  type DataTableColumn,
  ErrorSummary,
  PageHeader,
  Spinner,
  TextField,
  useDocumentTitle,
  useFormat,
} from '@werkgezond/ui';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const NAME_ID = 'research-key-name';
const KEY_ID = 'research-key-secret';

type Problem = { kind: 'network' } | { kind: 'unexpected' } | { kind: 'message'; text: string };

/**
 * Research API keys (ADMIN): the list, a form to create one (the secret is shown once, with a
 * copy button and a warning) and revocation with a confirmation step. The API checks the role
 * on every call; the shell only shows this page to administrators.
 */
export function ResearchKeysPage() {
  const { t } = useTranslation('shell');
  useDocumentTitle(t('researchKeys.title'));
  const format = useFormat();
  const { data, loading, error, refetch } = useQuery(AdminResearchKeysDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const [create, { loading: creating }] = useMutation(AdminCreateResearchKeyDocument);
  const [revoke, { loading: revoking }] = useMutation(AdminRevokeResearchKeyDocument);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const [confirming, setConfirming] = useState<AdminResearchKeyFragment | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  const createdRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (created) createdRef.current?.focus();
  }, [created]);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);

  const showProblem = (err: unknown) => {
    const first = apiErrors(err)[0];
    if (first && first.code !== 'INTERNAL_SERVER_ERROR') {
      setProblem({ kind: 'message', text: first.message });
    } else {
      setProblem({ kind: isNetworkError(err) ? 'network' : 'unexpected' });
    }
  };

  const onCreate = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    setRevoked(null);
    const trimmed = name.trim();
    if (trimmed.length < 2 || trimmed.length > 120) {
      setNameError(t('researchKeys.nameInvalid'));
      return;
    }
    setNameError(null);
    try {
      const result = await create({ variables: { input: { name: trimmed } } });
      const answer = result.data?.createResearchApiKey;
      if (!answer) throw new Error('Empty answer');
      setCreated({ key: answer.key, name: answer.apiKey.name });
      setCopied(null);
      setName('');
      await refetch();
    } catch (err) {
      const onName = apiErrors(err).find((e) => e.field === 'name' || e.field === 'input.name');
      if (onName) setNameError(onName.message);
      else showProblem(err);
    }
  };

  const onCopy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied('yes');
    } catch {
      // No clipboard (permissions, insecure context): the key stays selectable in its field.
      setCopied('failed');
      document.getElementById(KEY_ID)?.focus();
      (document.getElementById(KEY_ID) as HTMLInputElement | null)?.select();
    }
  };

  const onRevoke = async () => {
    if (!confirming) return;
    setProblem(null);
    try {
      await revoke({ variables: { id: confirming.id } });
      setRevoked(confirming.name);
      setConfirming(null);
      await refetch();
    } catch (err) {
      setConfirming(null);
      showProblem(err);
    }
  };

  const keys = data?.researchApiKeys ?? [];
  const columns: DataTableColumn<AdminResearchKeyFragment>[] = [
    {
      key: 'name',
      header: t('researchKeys.columns.name'),
      rowHeader: true,
      cell: (k) => k.name,
      csv: (k) => k.name,
    },
    {
      key: 'prefix',
      header: t('researchKeys.columns.prefix'),
      cell: (k) => <code>{k.prefix}…</code>,
      csv: (k) => k.prefix,
    },
    {
      key: 'created',
      header: t('researchKeys.columns.created'),
      cell: (k) =>
        k.createdBy
          ? t('researchKeys.createdBy', { date: format.dateTime(k.createdAt), by: k.createdBy })
          : format.dateTime(k.createdAt),
      csv: (k) => k.createdAt,
    },
    {
      key: 'lastUsed',
      header: t('researchKeys.columns.lastUsed'),
      cell: (k) => (k.lastUsedAt ? format.dateTime(k.lastUsedAt) : t('researchKeys.neverUsed')),
      csv: (k) => k.lastUsedAt ?? '',
    },
    {
      key: 'status',
      header: t('researchKeys.columns.status'),
      cell: (k) =>
        k.revokedAt
          ? t('researchKeys.revokedOn', { date: format.dateTime(k.revokedAt) })
          : t('researchKeys.active'),
      csv: (k) => (k.revokedAt ? 'revoked' : 'active'),
    },
    {
      key: 'actions',
      header: t('researchKeys.columns.actions'),
      cell: (k) =>
        k.revokedAt ? null : (
          <Button
            variant="danger"
            aria-label={t('researchKeys.revokeNamed', { name: k.name })}
            onClick={() => {
              setRevoked(null);
              setConfirming(k);
            }}
          >
            {t('researchKeys.revoke')}
          </Button>
        ),
    },
  ];

  return (
    <div className="wg-stack">
      <PageHeader title={t('researchKeys.title')} description={t('researchKeys.intro')} />

      {problem ? (
        <div ref={problemRef} tabIndex={-1}>
          <Alert variant="error" title={t('researchKeys.failedTitle')}>
            <p>
              {problem.kind === 'message'
                ? problem.text
                : problem.kind === 'network'
                  ? t('researchKeys.network')
                  : t('ui:unexpectedError')}
            </p>
          </Alert>
        </div>
      ) : null}

      {created ? (
        <div ref={createdRef} tabIndex={-1}>
          <Alert
            variant="success"
            title={t('researchKeys.createdTitle', { name: created.name })}
            actions={
              <>
                <Button onClick={() => void onCopy()}>{t('researchKeys.copy')}</Button>
                <Button variant="secondary" onClick={() => setCreated(null)}>
                  {t('researchKeys.done')}
                </Button>
              </>
            }
          >
            <p>
              <strong>{t('researchKeys.onceWarning')}</strong>
            </p>
            <TextField
              id={KEY_ID}
              name="key"
              label={t('researchKeys.keyLabel')}
              hint={t('researchKeys.keyHint')}
              value={created.key}
              readOnly
              spellCheck={false}
              autoComplete="off"
              onFocus={(e) => e.currentTarget.select()}
              style={{ fontFamily: 'monospace' }}
            />
            <p role="status">
              {copied === 'yes'
                ? t('researchKeys.copied')
                : copied === 'failed'
                  ? t('researchKeys.copyFailed')
                  : ''}
            </p>
          </Alert>
        </div>
      ) : null}

      {revoked ? (
        <Alert variant="success">{t('researchKeys.revokedMessage', { name: revoked })}</Alert>
      ) : null}

      {confirming ? (
        <div ref={confirmRef} tabIndex={-1}>
          <Alert
            variant="warning"
            role="alert"
            title={t('researchKeys.confirmTitle', { name: confirming.name })}
            actions={
              <>
                <Button variant="danger" busy={revoking} onClick={() => void onRevoke()}>
                  {t('researchKeys.confirmRevoke')}
                </Button>
                <Button variant="secondary" onClick={() => setConfirming(null)}>
                  {t('researchKeys.cancel')}
                </Button>
              </>
            }
          >
            <p>{t('researchKeys.confirmBody')}</p>
          </Alert>
        </div>
      ) : null}

      <Card title={t('researchKeys.createTitle')} asSection>
        <ErrorSummary
          title={t('researchKeys.errorSummary')}
          errors={nameError ? [{ fieldId: NAME_ID, message: nameError }] : []}
        />
        <form noValidate onSubmit={onCreate}>
          <TextField
            id={NAME_ID}
            name="name"
            label={t('researchKeys.name')}
            hint={t('researchKeys.nameHint')}
            required
            maxLength={120}
            value={name}
            error={nameError ?? undefined}
            onChange={(e) => setName(e.target.value)}
          />
          <Button type="submit" busy={creating}>
            {creating ? t('researchKeys.creating') : t('researchKeys.create')}
          </Button>
        </form>
      </Card>

      {loading && !data ? (
        <Spinner label={t('researchKeys.loading')} />
      ) : error && !data ? (
        <Alert
          variant="error"
          title={t('researchKeys.failedTitle')}
          actions={
            <Button variant="secondary" onClick={() => void refetch()}>
              {t('ui:retry')}
            </Button>
          }
        >
          <p>{isNetworkError(error) ? t('researchKeys.network') : t('ui:unexpectedError')}</p>
        </Alert>
      ) : (
        <DataTable
          caption={t('researchKeys.tableCaption', { count: keys.length })}
          columns={columns}
          rows={keys}
          getRowKey={(k) => k.id}
          emptyMessage={t('researchKeys.empty')}
        />
      )}
    </div>
  );
}
