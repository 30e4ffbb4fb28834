import { rm } from 'node:fs/promises';
import { stringify } from 'csv-stringify';
import type { DataSource } from 'typeorm';
import { badInput, notFound, userError } from '../../graphql/errors.js';
import { describeUnstorable, unstorable } from '../../graphql/input-guard.js';
import { isAdmin, type Viewer } from '../../graphql/policy.js';
import { JobQueue } from '../../jobs/job-queue.js';
import {
  type ColumnMapping,
  IMPORT_KINDS,
  ImportIssueEntity,
  type ImportKind,
  ImportMappingEntity,
  ImportRunEntity,
} from './import.entity.js';
import { guessMapping, IMPORT_FIELDS, mappingProblems } from './import.fields.js';
import { IMPORT_JOB, type ImportJobData } from './import.jobs.js';
import type { ImportMode } from './import.pipeline.js';
import { ImportFileError, readHead, sniffFormat } from './import.reader.js';

export interface UploadedFile {
  kind: string;
  path: string;
  originalName: string;
  sizeBytes: number;
  sha256: string;
}

const MAX_LISTED = 50;
/** Characters (code points) of a file name that are kept. */
const MAX_FILE_NAME = 200;

/**
 * The file name as the user gave it (it is shown and kept with every imported row's
 * provenance, never used as a path). A name PostgreSQL cannot store is refused like any other
 * input (the input guard's rule), not quietly altered; a very long one is shortened.
 */
export function importFileName(originalName: string): string {
  const problem = unstorable(originalName);
  if (problem) {
    throw userError(
      'BAD_USER_INPUT',
      `The file name holds ${describeUnstorable(problem)}, which cannot be stored: rename the file`,
      { field: 'file.name', problem, http: { status: 400 } },
    );
  }
  // By code points, so a shortened name never ends in half a surrogate pair.
  return Array.from(originalName.trim()).slice(0, MAX_FILE_NAME).join('') || 'import';
}

/** Imports: upload, mapping, dry run, confirmation, report, saved mappings. */
export class ImportService {
  constructor(private readonly ds: DataSource) {}

  /**
   * Registers an uploaded file after checking that it is a readable spreadsheet; a file that
   * is not is deleted and answered with an ImportFileError (nothing is stored).
   */
  async register(viewer: Viewer, file: UploadedFile): Promise<ImportRunEntity> {
    try {
      if (!(IMPORT_KINDS as readonly string[]).includes(file.kind)) {
        throw badInput(`kind must be one of ${IMPORT_KINDS.join(', ')}`, 'kind');
      }
      const kind = file.kind as ImportKind;
      const fileName = importFileName(file.originalName);
      const format = await sniffFormat(file.path);
      const { headers, preview } = await readHead(file.path, format);
      return await this.ds.getRepository(ImportRunEntity).save({
        kind,
        format,
        fileName,
        storagePath: file.path,
        sizeBytes: String(file.sizeBytes),
        sha256: file.sha256,
        createdBy: viewer.userId,
        headers,
        preview,
        mapping: guessMapping(kind, headers),
      });
    } catch (error) {
      await rm(file.path, { force: true });
      throw error;
    }
  }

  /** An import the viewer started (admins: any); NOT_FOUND otherwise. */
  async get(viewer: Viewer, id: string): Promise<ImportRunEntity> {
    const run = /^[0-9a-f-]{36}$/i.test(id)
      ? await this.ds.getRepository(ImportRunEntity).findOneBy({ id })
      : null;
    if (!run || (!isAdmin(viewer) && run.createdBy !== viewer.userId)) throw notFound('Import');
    return run;
  }

  list(viewer: Viewer): Promise<ImportRunEntity[]> {
    return this.ds.getRepository(ImportRunEntity).find({
      where: isAdmin(viewer) ? {} : { createdBy: viewer.userId },
      order: { createdAt: 'DESC' },
      take: MAX_LISTED,
    });
  }

  issues(importId: string, first: number): Promise<ImportIssueEntity[]> {
    return this.ds.getRepository(ImportIssueEntity).find({
      where: { importId },
      order: { rowNumber: 'ASC', id: 'ASC' },
      take: first,
    });
  }

  async issueCount(importId: string): Promise<number> {
    return this.ds.getRepository(ImportIssueEntity).countBy({ importId });
  }

  /** Sets the mapping and queues the dry run; allowed until the import is confirmed. */
  async startDryRun(
    viewer: Viewer,
    id: string,
    mapping: ColumnMapping | null,
  ): Promise<ImportRunEntity> {
    const run = await this.get(viewer, id);
    const columns = mapping ?? run.mapping ?? {};
    const problems = mappingProblems(run.kind, run.headers, columns);
    if (problems.length) throw badInput(problems.join('; '), 'columns');
    return this.transition(
      viewer,
      run,
      ['UPLOADED', 'VALIDATED', 'FAILED'],
      'VALIDATING',
      'DRY_RUN',
      {
        mapping: columns,
      },
    );
  }

  /** Queues the real import of a validated file. */
  async confirm(viewer: Viewer, id: string): Promise<ImportRunEntity> {
    const run = await this.get(viewer, id);
    return this.transition(viewer, run, ['VALIDATED'], 'IMPORTING', 'CONFIRM', {
      confirmedBy: viewer.userId,
    });
  }

  /** Moves the status only from an allowed one (atomically) and queues the job with it. */
  private async transition(
    viewer: Viewer,
    run: ImportRunEntity,
    from: string[],
    to: string,
    mode: ImportMode,
    changes: Partial<ImportRunEntity>,
  ): Promise<ImportRunEntity> {
    await this.ds.transaction(async (em) => {
      const result = await em
        .createQueryBuilder()
        .update(ImportRunEntity)
        .set({ ...changes, status: to as never, rowsProcessed: 0, bytesProcessed: '0' })
        .where('id = :id AND status IN (:...from)', { id: run.id, from })
        .execute();
      if (!result.affected) {
        throw userError(
          'CONFLICT',
          `This import is ${run.status.toLowerCase()}; it cannot be ${mode === 'CONFIRM' ? 'confirmed' : 'validated'} now`,
          {
            status: run.status,
          },
        );
      }
      const data: ImportJobData = {
        importId: run.id,
        mode,
        programmeIds: isAdmin(viewer) ? null : [...viewer.programmeIds],
      };
      await JobQueue.for(this.ds).enqueue(IMPORT_JOB, data, { manager: em });
    });
    return this.ds.getRepository(ImportRunEntity).findOneByOrFail({ id: run.id });
  }

  async saveMapping(
    viewer: Viewer,
    input: { name: string; kind: ImportKind; columns: ColumnMapping },
  ): Promise<ImportMappingEntity> {
    const name = input.name.trim();
    if (name.length < 2 || name.length > 80)
      throw badInput('Name the mapping (2–80 characters)', 'input.name');
    const unknown = Object.keys(input.columns).filter(
      (f) => !IMPORT_FIELDS[input.kind].some((spec) => spec.key === f),
    );
    if (unknown.length) throw badInput(`Unknown fields: ${unknown.join(', ')}`, 'input.columns');
    const repo = this.ds.getRepository(ImportMappingEntity);
    await repo.upsert(
      { kind: input.kind, name, columns: input.columns, createdBy: viewer.userId },
      ['kind', 'name'],
    );
    return repo.findOneByOrFail({ kind: input.kind, name });
  }

  mappings(kind: ImportKind): Promise<ImportMappingEntity[]> {
    return this.ds
      .getRepository(ImportMappingEntity)
      .find({ where: { kind }, order: { name: 'ASC' } });
  }

  /** The validation report as CSV (row, field, code, message), streamed from the database. */
  async writeReport(viewer: Viewer, id: string, out: NodeJS.WritableStream): Promise<void> {
    const run = await this.get(viewer, id);
    const csv = stringify({
      header: true,
      columns: ['row', 'field', 'code', 'message'],
      bom: true,
    });
    csv.pipe(out);
    let after = -1;
    for (;;) {
      const page = (await this.ds.query(
        `SELECT id::bigint AS id, row_number, field, code, message FROM import_issue
          WHERE import_id = $1 AND id > $2 ORDER BY id LIMIT 5000`,
        [run.id, after],
      )) as {
        id: string;
        row_number: number;
        field: string | null;
        code: string;
        message: string;
      }[];
      for (const i of page) csv.write([i.row_number, i.field ?? '', i.code, i.message]);
      if (page.length < 5000) break;
      after = Number(page.at(-1)!.id);
    }
    csv.end();
  }
}

export { ImportFileError };
