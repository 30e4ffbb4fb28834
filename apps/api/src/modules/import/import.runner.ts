import { setImmediate as yieldToOthers } from 'node:timers/promises';
import type { DataSource, EntityManager } from 'typeorm';
import { describeUnstorable, unstorable } from '../../graphql/input-guard.js';
import { askForRollupRefresh } from '../analytics/rollup.jobs.js';
import { ApplicationProcessor } from './import.applications.js';
import { type ImportKind, ImportRunEntity } from './import.entity.js';
import { StageEventProcessor } from './import.events.js';
import { OrganisationProcessor } from './import.organisations.js';
import {
  type BatchOutcome,
  emptyOutcome,
  type ImportContext,
  type ImportMode,
  type MappedRow,
  type RowIssue,
  type RowProcessor,
} from './import.pipeline.js';
import { ImportFileError, readRows } from './import.reader.js';

/**
 * Rows per batch, to start with. Each batch is one short transaction, so on the embedded
 * database (one connection for the process) sign-in and other requests wait for a batch, never
 * the file. The size then adapts so that a batch takes about TARGET_BATCH_MS: PGlite writes
 * several times slower than a PostgreSQL server, and a fixed size would hold it for seconds.
 */
export const IMPORT_BATCH_ROWS = 500;
const TARGET_BATCH_MS = 150;
const MIN_BATCH_ROWS = 25;
const MAX_BATCH_ROWS = 2000;

function processorFor(kind: ImportKind, ctx: ImportContext): RowProcessor {
  switch (kind) {
    case 'ORGANISATIONS':
      return new OrganisationProcessor(ctx);
    case 'APPLICATIONS':
      return new ApplicationProcessor(ctx);
    case 'STAGE_EVENTS':
      return new StageEventProcessor(ctx);
  }
}

async function saveIssues(em: EntityManager, importId: string, issues: RowIssue[]) {
  if (issues.length === 0) return;
  await em.query(
    `INSERT INTO import_issue (import_id, row_number, field, code, message)
     SELECT $1, * FROM unnest($2::int[], $3::varchar[], $4::varchar[], $5::text[])`,
    [
      importId,
      issues.map((i) => i.rowNumber),
      issues.map((i) => i.field),
      issues.map((i) => i.code),
      issues.map((i) => i.message),
    ],
  );
}

/**
 * A cell PostgreSQL cannot store (NUL, a lone surrogate: the input guard's rule) makes its row
 * an issue of the report instead of an error of the whole job.
 */
function unstorableCell(rowNumber: number, field: string, value: string): RowIssue | null {
  const problem = unstorable(value);
  if (!problem) return null;
  return {
    rowNumber,
    field,
    code: 'UNSTORABLE_TEXT',
    message: `The value holds ${describeUnstorable(problem)}, which cannot be stored`,
  };
}

/** The last attempt of a job failed for a reason other than the file: the page must not wait. */
export async function markFailed(ds: DataSource, importId: string, message: string): Promise<void> {
  await ds.query(
    `UPDATE import_run SET status = 'FAILED', error_code = 'INTERNAL_ERROR', error_message = $2,
            finished_at = now() WHERE id = $1 AND status IN ('VALIDATING', 'IMPORTING')`,
    [importId, message],
  );
}

/**
 * Reads the file from start to end in batches and validates (DRY_RUN) or validates and writes
 * (CONFIRM) every row. Both modes run the same checks, so what the dry run reported is what
 * the confirmation does, unless the database changed in between. Re-running is safe: rows
 * already imported unchanged are counted, not written again.
 */
export async function runImport(
  ds: DataSource,
  importId: string,
  mode: ImportMode,
  programmeIds: string[] | null,
): Promise<void> {
  const run = await ds.getRepository(ImportRunEntity).findOneByOrFail({ id: importId });
  const mapping = run.mapping ?? {};
  const ctx: ImportContext = {
    importId,
    fileName: run.fileName,
    userId: mode === 'CONFIRM' ? (run.confirmedBy ?? run.createdBy) : run.createdBy,
    programmeIds,
    mode,
  };
  // A retried job starts over: earlier partial counts and issues are discarded.
  await ds.transaction(async (em) => {
    await em.query('DELETE FROM import_issue WHERE import_id = $1', [importId]);
    await em.query(
      `UPDATE import_run SET rows_processed = 0, bytes_processed = 0, rows_invalid = 0, created_count = 0,
              updated_count = 0, unchanged_count = 0, error_code = NULL, error_message = NULL WHERE id = $1`,
      [importId],
    );
  });
  const processor = processorFor(run.kind, ctx);
  const totals: BatchOutcome = { issues: [], invalid: 0, created: 0, updated: 0, unchanged: 0 };
  let bytes = 0;
  let rowsRead = 0;
  let columns: [string, number][] | null = null;
  let batch: MappedRow[] = [];
  let batchRows = IMPORT_BATCH_ROWS;

  // Rows refused before validation (text PostgreSQL cannot store), saved with the next batch.
  let pending: RowIssue[] = [];

  const flush = async () => {
    const rows = batch;
    const refused = pending;
    batch = [];
    pending = [];
    const step = async (em: EntityManager) => {
      const outcome = rows.length ? await processor.processBatch(em, rows) : emptyOutcome();
      await saveIssues(em, importId, [...refused, ...outcome.issues]);
      totals.invalid += outcome.invalid + refused.length;
      totals.created += outcome.created;
      totals.updated += outcome.updated;
      totals.unchanged += outcome.unchanged;
      await em.query(
        `UPDATE import_run SET rows_processed = $2, bytes_processed = $3, rows_invalid = $4,
                created_count = $5, updated_count = $6, unchanged_count = $7 WHERE id = $1`,
        [
          importId,
          rowsRead,
          bytes,
          totals.invalid,
          totals.created,
          totals.updated,
          totals.unchanged,
        ],
      );
    };
    const started = performance.now();
    if (mode === 'CONFIRM') await ds.transaction(step);
    else await step(ds.manager);
    const ms = Math.max(1, performance.now() - started);
    const next = Math.round((rows.length * TARGET_BATCH_MS) / ms);
    batchRows = Math.min(MAX_BATCH_ROWS, Math.max(MIN_BATCH_ROWS, Math.min(next, batchRows * 2)));
    // Let requests queued behind this batch run before the next one.
    await yieldToOthers();
  };

  try {
    for await (const raw of readRows(run.storagePath, run.format, (b) => {
      bytes = b;
    })) {
      if (columns === null) {
        const headers = raw.cells.map((c) => c.trim());
        columns = Object.entries(mapping).map(([field, header]) => [
          field,
          headers.indexOf(header),
        ]);
        continue;
      }
      if (raw.cells.every((c) => c === '')) continue;
      rowsRead += 1;
      const values: Record<string, string> = {};
      let refused: RowIssue | null = null;
      for (const [field, index] of columns) {
        const value = (raw.cells[index] ?? '').trim();
        values[field] = value;
        refused ??= unstorableCell(raw.rowNumber, field, value);
      }
      if (refused) {
        // Reported with the next batch, like the processors' issues; the row is skipped.
        pending.push(refused);
        if (pending.length >= MAX_BATCH_ROWS) await flush();
        continue;
      }
      batch.push({ rowNumber: raw.rowNumber, values });
      if (batch.length >= batchRows) await flush();
    }
    if (batch.length || pending.length) await flush();
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    await ds.query(
      `UPDATE import_run SET status = 'FAILED', error_code = $2, error_message = $3, finished_at = now() WHERE id = $1`,
      [importId, error.code, error.message],
    );
    return;
  }
  await ds.query(
    `UPDATE import_run SET status = $2::varchar, rows_total = $3, bytes_processed = size_bytes,
            validated_at = CASE WHEN $2::varchar = 'VALIDATED' THEN now() ELSE validated_at END,
            finished_at = CASE WHEN $2::varchar = 'IMPORTED' THEN now() ELSE NULL END
      WHERE id = $1`,
    [importId, mode === 'CONFIRM' ? 'IMPORTED' : 'VALIDATED', rowsRead],
  );
  // The funnels read the rollup: rebuild it once the imported rows are in.
  if (mode === 'CONFIRM' && totals.created + totals.updated > 0) await askForRollupRefresh(ds);
}
