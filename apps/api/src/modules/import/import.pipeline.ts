import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ImportKind } from './import.entity.js';

export type ImportMode = 'DRY_RUN' | 'CONFIRM';

/** Who imports what: programmeIds null means every programme (admins). */
export interface ImportContext {
  importId: string;
  fileName: string;
  userId: string;
  programmeIds: string[] | null;
  mode: ImportMode;
}

export interface MappedRow {
  rowNumber: number;
  /** Field key → trimmed cell text ('' when empty); only mapped fields are present. */
  values: Record<string, string>;
}

export interface RowIssue {
  rowNumber: number;
  field: string | null;
  code: string;
  message: string;
}

export interface BatchOutcome {
  issues: RowIssue[];
  /** Rows with at least one issue (skipped). */
  invalid: number;
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Validates one batch of rows and, in CONFIRM mode, writes the valid ones with `em` (the
 * batch's transaction). A processor keeps state across batches (keys seen, stage history).
 */
export interface RowProcessor {
  processBatch(em: EntityManager, rows: MappedRow[]): Promise<BatchOutcome>;
}

export const emptyOutcome = (): BatchOutcome => ({
  issues: [],
  invalid: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
});

/** A stable digest of a row's values, kept with its provenance. */
export function rowHash(values: Record<string, string>): string {
  const keys = Object.keys(values).sort();
  return createHash('sha256')
    .update(JSON.stringify(keys.map((k) => [k, values[k]])))
    .digest('hex');
}

export interface ProvenanceRow {
  sourceKey: string;
  entityId: string;
  rowNumber: number;
  hash: string;
}

/** Upserts the provenance of written records: the last import that wrote a record wins. */
export async function recordProvenance(
  em: EntityManager,
  ctx: ImportContext,
  kind: ImportKind,
  rows: ProvenanceRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await em.query(
    `INSERT INTO import_record
       (kind, source_key, entity_id, import_id, file_name, row_number, imported_by, imported_at, row_hash)
     SELECT $1, k, e, $2, $3, r, $4, now(), h
       FROM unnest($5::text[], $6::text[], $7::int[], $8::text[]) AS t(k, e, r, h)
     ON CONFLICT (kind, source_key) DO UPDATE SET
       entity_id = EXCLUDED.entity_id, import_id = EXCLUDED.import_id,
       file_name = EXCLUDED.file_name, row_number = EXCLUDED.row_number,
       imported_by = EXCLUDED.imported_by, imported_at = EXCLUDED.imported_at,
       row_hash = EXCLUDED.row_hash`,
    [
      kind,
      ctx.importId,
      ctx.fileName,
      ctx.userId,
      rows.map((r) => r.sourceKey),
      rows.map((r) => r.entityId),
      rows.map((r) => r.rowNumber),
      rows.map((r) => r.hash),
    ],
  );
}

/** Collects issues per row while a batch is validated. */
export class IssueList {
  readonly issues: RowIssue[] = [];
  private readonly bad = new Set<number>();

  add(rowNumber: number, field: string | null, code: string, message: string): void {
    this.issues.push({ rowNumber, field, code, message });
    this.bad.add(rowNumber);
  }

  has(rowNumber: number): boolean {
    return this.bad.has(rowNumber);
  }

  get invalidCount(): number {
    return this.bad.size;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

/**
 * Applications by reference: an imported application's reference from its provenance, or the
 * application's own id (what the export writes for applications made in the portal).
 */
export async function applicationsByReference(
  em: EntityManager,
  references: string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (references.length === 0) return found;
  const rows = (await em.query(
    `SELECT source_key AS ref, entity_id AS id FROM import_record
      WHERE kind = 'APPLICATIONS' AND source_key = ANY($1::text[])
     UNION ALL
     SELECT id::text AS ref, id::text AS id FROM application
      WHERE id = ANY($2::uuid[])`,
    [references, references.filter(isUuid)],
  )) as { ref: string; id: string }[];
  for (const r of rows) if (!found.has(r.ref)) found.set(r.ref, r.id);
  return found;
}
