import { useMutation, useQuery } from '@apollo/client/react';
import {
  ConfirmImportDocument,
  type ImportKind,
  ImportMappingsDocument,
  type ImportPage_RunFragment,
  ImportRunDocument,
  SaveImportMappingDocument,
  StartImportDryRunDocument,
} from '@werkgezond/graphql-client';
import {
  Alert,
  Button,
  Card,
  DataTable,
  PageHeader,
  SelectField,
  Spinner,
  Stat,
  TextField,
  useDocumentTitle,
  useFormat,
} from '@werkgezond/ui';
import type { TFunction } from 'i18next';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isCaseHandler } from '../access';
import { QueryFailure } from '../components/QueryFailure';
import { RoleNotice } from '../components/RoleNotice';
import { describeFailure } from '../forms/serverErrors';
import { useViewer } from '../ViewerContext';
import { ImportUploadError, uploadImportFile } from './importUpload';

const KINDS: ImportKind[] = ['ORGANISATIONS', 'APPLICATIONS', 'STAGE_EVENTS'];
const EXPORT_PATH: Record<ImportKind, string> = {
  ORGANISATIONS: 'organisations',
  APPLICATIONS: 'applications',
  STAGE_EVENTS: 'stage-events',
};
const RUNNING = new Set(['VALIDATING', 'IMPORTING']);

/** A failed mutation as one sentence (the page has no per-field server errors). */
const formFailure = (error: unknown, t: TFunction) =>
  describeFailure(error, t, () => undefined).form ?? '';

/**
 * Import of organisations, applications and stage events from CSV or XLSX: upload, map the
 * columns (preview of the first rows), dry run with a report per row, then confirm. The dry
 * run and the import run as jobs on the server; the page polls their progress.
 */
export function ImportPage() {
  const { t } = useTranslation('portal');
  const viewer = useViewer();
  const title = t('import.title');
  useDocumentTitle(title);
  const [params, setParams] = useSearchParams();
  const importId = params.get('id');
  if (!isCaseHandler(viewer)) return <RoleNotice title={title} />;
  return (
    <div className="wg-stack">
      <PageHeader title={title} description={t('import.lead')} />
      {importId ? (
        <ImportRunView id={importId} onRestart={() => setParams({})} />
      ) : (
        <UploadForm onUploaded={(id) => setParams({ id })} />
      )}
      <ExportCard />
    </div>
  );
}

function UploadForm({ onUploaded }: { onUploaded: (id: string) => void }) {
  const { t } = useTranslation('portal');
  const fileId = useId();
  const [kind, setKind] = useState<ImportKind>('ORGANISATIONS');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setError(t('import.errors.chooseFile'));
      return;
    }
    setError(null);
    setProgress(0);
    try {
      const { id } = await uploadImportFile(kind, file, setProgress);
      onUploaded(id);
    } catch (e) {
      const code = e instanceof ImportUploadError ? e.code : 'UPLOAD_FAILED';
      setError(t(`import.errors.${code}`, { defaultValue: t('import.errors.UPLOAD_FAILED') }));
      setProgress(null);
    }
  };

  return (
    <Card title={t('import.uploadTitle')} asSection>
      <form className="wg-form-column" onSubmit={submit} noValidate>
        {error ? (
          <Alert variant="error" role="alert" title={t('import.errors.title')}>
            {error}
          </Alert>
        ) : null}
        <SelectField
          label={t('import.kind')}
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as ImportKind)}
          options={KINDS.map((k) => ({ value: k, label: t(`import.kinds.${k}`) }))}
          hint={t(`import.kindHints.${kind}`)}
        />
        <div className="wg-field">
          <label className="wg-field__label" htmlFor={fileId}>
            {t('import.file')}
          </label>
          <span className="wg-field__hint" id={`${fileId}-hint`}>
            {t('import.fileHint')}
          </span>
          <input
            id={fileId}
            name="file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`${fileId}-hint`}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        {progress !== null ? (
          <progress max={1} value={progress} aria-label={t('import.uploading')} />
        ) : null}
        <div>
          <Button type="submit" busy={progress !== null}>
            {t('import.upload')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function ImportRunView({ id, onRestart }: { id: string; onRestart: () => void }) {
  const { t } = useTranslation('portal');
  const { data, error, loading, startPolling, stopPolling } = useQuery(ImportRunDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const run = data?.importRun;
  const running = run ? RUNNING.has(run.status) : false;
  useEffect(() => {
    if (running) startPolling(1000);
    else stopPolling();
    return () => stopPolling();
  }, [running, startPolling, stopPolling]);

  if (error && !run) {
    return <QueryFailure title={t('import.errors.loadTitle')} error={error} />;
  }
  if (loading && !run) return <Spinner label={t('import.loading')} />;
  if (!run) return null;
  return (
    <div className="wg-stack">
      <Card title={t('import.fileTitle', { name: run.fileName })} asSection>
        <p className="wg-card__lead">
          {t(`import.kinds.${run.kind}`)} · {run.format} ·{' '}
          <strong>{t(`import.status.${run.status}`)}</strong>
        </p>
        <Button variant="ghost" type="button" onClick={onRestart}>
          {t('import.another')}
        </Button>
      </Card>
      {run.status === 'FAILED' ? (
        <Alert variant="error" role="alert" title={t('import.failedTitle')}>
          {t(`import.errors.${run.errorCode ?? 'INTERNAL_ERROR'}`, {
            defaultValue: run.errorMessage ?? '',
          })}
        </Alert>
      ) : null}
      {running ? <Progress run={run} /> : null}
      {run.status === 'UPLOADED' || run.status === 'VALIDATED' || run.status === 'FAILED' ? (
        <MappingForm run={run} />
      ) : null}
      {run.status === 'VALIDATED' || run.status === 'IMPORTED' ? <Report run={run} /> : null}
    </div>
  );
}

function Progress({ run }: { run: ImportPage_RunFragment }) {
  const { t } = useTranslation('portal');
  const { number: formatNumber } = useFormat();
  const label =
    run.status === 'IMPORTING' ? t('import.progressImporting') : t('import.progressValidating');
  return (
    <Card title={label} asSection>
      <progress max={1} value={run.progress} aria-label={label} />
      <p role="status">
        {t('import.progressRows', {
          rows: formatNumber(run.rowsProcessed),
          percent: Math.round(run.progress * 100),
        })}
      </p>
    </Card>
  );
}

function MappingForm({ run }: { run: ImportPage_RunFragment }) {
  const { t } = useTranslation('portal');
  const initial = Object.fromEntries(run.mapping.map((m) => [m.field, m.column]));
  const [columns, setColumns] = useState<Record<string, string>>(initial);
  const [mappingName, setMappingName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const mappings = useQuery(ImportMappingsDocument, { variables: { kind: run.kind } });
  const [startDryRun, dryRun] = useMutation(StartImportDryRunDocument);
  const [saveMapping, saving] = useMutation(SaveImportMappingDocument, {
    refetchQueries: [{ query: ImportMappingsDocument, variables: { kind: run.kind } }],
  });
  const asInput = () =>
    Object.entries(columns)
      .filter(([, column]) => column)
      .map(([field, column]) => ({ field, column }));
  const missing = run.fields.filter((f) => f.required && !columns[f.key]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (missing.length) {
      setFailure(t('import.errors.unmapped', { fields: missing.map((f) => f.key).join(', ') }));
      return;
    }
    setFailure(null);
    try {
      await startDryRun({ variables: { id: run.id, columns: asInput() } });
    } catch (e) {
      setFailure(formFailure(e, t));
    }
  };
  const save = async () => {
    try {
      await saveMapping({
        variables: { input: { name: mappingName, kind: run.kind, columns: asInput() } },
      });
      setSaved(mappingName);
      setFailure(null);
    } catch (e) {
      setFailure(formFailure(e, t));
    }
  };
  const headerOptions = run.headers.map((h) => ({ value: h, label: h }));
  const savedOptions = (mappings.data?.importMappings ?? []).map((m) => ({
    value: m.id,
    label: m.name,
  }));

  return (
    <Card title={t('import.mappingTitle')} asSection>
      <p className="wg-card__lead">{t('import.mappingLead')}</p>
      <form className="wg-form-column" onSubmit={submit} noValidate>
        {failure ? (
          <Alert variant="error" role="alert">
            {failure}
          </Alert>
        ) : null}
        {savedOptions.length ? (
          <SelectField
            label={t('import.savedMapping')}
            name="savedMapping"
            placeholder={t('import.savedMappingNone')}
            options={savedOptions}
            defaultValue=""
            onChange={(e) => {
              const m = mappings.data?.importMappings.find((x) => x.id === e.target.value);
              if (m) setColumns(Object.fromEntries(m.columns.map((c) => [c.field, c.column])));
            }}
          />
        ) : null}
        {run.fields.map((field) => (
          <SelectField
            key={field.key}
            label={`${field.key}${field.required ? ' *' : ''}`}
            hint={t(`import.fields.${field.key}`, { defaultValue: field.description })}
            name={`column-${field.key}`}
            placeholder={t('import.notUsed')}
            options={headerOptions}
            value={columns[field.key] ?? ''}
            onChange={(e) => setColumns({ ...columns, [field.key]: e.target.value })}
          />
        ))}
        <div className="wg-import-save">
          <TextField
            label={t('import.mappingName')}
            name="mappingName"
            value={mappingName}
            onChange={(e) => setMappingName(e.target.value)}
          />
          <Button
            type="button"
            variant="secondary"
            busy={saving.loading}
            disabled={mappingName.trim().length < 2}
            onClick={save}
          >
            {t('import.saveMapping')}
          </Button>
        </div>
        {saved ? <p role="status">{t('import.mappingSaved', { name: saved })}</p> : null}
        <div>
          <Button type="submit" busy={dryRun.loading}>
            {t('import.dryRun')}
          </Button>
        </div>
      </form>
      <DataTable
        caption={t('import.previewCaption')}
        columns={run.headers.map((h, i) => ({
          key: `c${i}`,
          header: h,
          cell: (r: string[]) => r[i] ?? '',
        }))}
        rows={run.preview}
        getRowKey={(_r, i) => String(i)}
      />
    </Card>
  );
}

function Report({ run }: { run: ImportPage_RunFragment }) {
  const { t } = useTranslation('portal');
  const { number: formatNumber } = useFormat();
  const [confirm, confirming] = useMutation(ConfirmImportDocument);
  const [failure, setFailure] = useState<string | null>(null);
  const done = run.status === 'IMPORTED';
  return (
    <Card title={done ? t('import.doneTitle') : t('import.reportTitle')} asSection>
      {done ? (
        <Alert variant="success" role="status" title={t('import.doneAlert')}>
          {t('import.doneBody', {
            created: formatNumber(run.createdCount),
            updated: formatNumber(run.updatedCount),
          })}
        </Alert>
      ) : (
        <p className="wg-card__lead">{t('import.reportLead')}</p>
      )}
      <div className="wg-import-stats">
        <Stat label={t('import.rows')} value={formatNumber(run.rowsTotal ?? run.rowsProcessed)} />
        <Stat
          label={done ? t('import.created') : t('import.toCreate')}
          value={formatNumber(run.createdCount)}
        />
        <Stat
          label={done ? t('import.updated') : t('import.toUpdate')}
          value={formatNumber(run.updatedCount)}
        />
        <Stat label={t('import.unchanged')} value={formatNumber(run.unchangedCount)} />
        <Stat label={t('import.invalid')} value={formatNumber(run.rowsInvalid)} />
      </div>
      <DataTable
        caption={t('import.issuesCaption', { count: run.issueCount })}
        columns={[
          {
            key: 'row',
            header: t('import.issueRow'),
            cell: (i) => i.row,
            align: 'end',
            rowHeader: true,
          },
          { key: 'field', header: t('import.issueField'), cell: (i) => i.field ?? '' },
          { key: 'code', header: t('import.issueCode'), cell: (i) => <code>{i.code}</code> },
          {
            key: 'message',
            header: t('import.issueMessage'),
            // The code in the reader's language; the server's sentence names the values.
            cell: (i) => (
              <>
                {t(`import.codes.${i.code}`, { defaultValue: i.code })}
                <br />
                <small lang="en">{i.message}</small>
              </>
            ),
          },
        ]}
        rows={run.issues}
        getRowKey={(i, index) => `${i.row}-${index}`}
        emptyMessage={t('import.noIssues')}
      />
      <p>
        <a href={run.reportPath} download>
          {t('import.downloadReport')}
        </a>
      </p>
      {failure ? (
        <Alert variant="error" role="alert">
          {failure}
        </Alert>
      ) : null}
      {!done ? (
        <Button
          type="button"
          busy={confirming.loading}
          onClick={async () => {
            try {
              await confirm({ variables: { id: run.id } });
            } catch (e) {
              setFailure(formFailure(e, t));
            }
          }}
        >
          {t('import.confirm')}
        </Button>
      ) : null}
    </Card>
  );
}

function ExportCard() {
  const { t } = useTranslation('portal');
  return (
    <Card title={t('import.exportTitle')} asSection>
      <p className="wg-card__lead">{t('import.exportLead')}</p>
      <ul>
        {KINDS.map((kind) => (
          <li key={kind}>
            {t(`import.kinds.${kind}`)}:{' '}
            <a href={`/api/exports/${EXPORT_PATH[kind]}.csv`} download>
              CSV
            </a>{' '}
            ·{' '}
            <a href={`/api/exports/${EXPORT_PATH[kind]}.xlsx`} download>
              XLSX
            </a>
          </li>
        ))}
      </ul>
    </Card>
  );
}
