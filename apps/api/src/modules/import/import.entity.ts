import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const IMPORT_KINDS = ['ORGANISATIONS', 'APPLICATIONS', 'STAGE_EVENTS'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_FORMATS = ['CSV', 'XLSX'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * UPLOADED → VALIDATING → VALIDATED → IMPORTING → IMPORTED; FAILED when the file cannot be
 * read (bad encoding, not a spreadsheet) at any point.
 */
export const IMPORT_STATUSES = [
  'UPLOADED',
  'VALIDATING',
  'VALIDATED',
  'IMPORTING',
  'IMPORTED',
  'FAILED',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** Field → column header of the file. */
export type ColumnMapping = Record<string, string>;

/** One uploaded file and what became of it. The bytes stay on disk at storagePath. */
@Entity({ name: 'import_run' })
@Index('idx_import_run_created_by', ['createdBy', 'createdAt'])
export class ImportRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: ImportKind;

  @Column({ type: 'varchar', length: 8 })
  format!: ImportFormat;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ name: 'storage_path', type: 'text' })
  storagePath!: string;

  @Column({ name: 'size_bytes', type: 'bigint' })
  sizeBytes!: string;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  /** User id of who uploaded it. */
  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'varchar', length: 16, default: 'UPLOADED' })
  status!: ImportStatus;

  /** Column headers of the file, in order, and its first rows (strings), for mapping. */
  @Column({ type: 'jsonb', default: [] })
  headers!: string[];

  @Column({ type: 'jsonb', default: [] })
  preview!: string[][];

  @Column({ type: 'jsonb', nullable: true })
  mapping!: ColumnMapping | null;

  /** Data rows read so far in the running phase, and the share of the file's bytes read. */
  @Column({ name: 'rows_processed', type: 'integer', default: 0 })
  rowsProcessed!: number;

  @Column({ name: 'bytes_processed', type: 'bigint', default: 0 })
  bytesProcessed!: string;

  @Column({ name: 'rows_total', type: 'integer', nullable: true })
  rowsTotal!: number | null;

  @Column({ name: 'rows_invalid', type: 'integer', default: 0 })
  rowsInvalid!: number;

  @Column({ name: 'created_count', type: 'integer', default: 0 })
  createdCount!: number;

  @Column({ name: 'updated_count', type: 'integer', default: 0 })
  updatedCount!: number;

  @Column({ name: 'unchanged_count', type: 'integer', default: 0 })
  unchangedCount!: number;

  /** Why the file could not be read (FAILED). */
  @Column({ name: 'error_code', type: 'varchar', length: 32, nullable: true })
  errorCode!: string | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage!: string | null;

  @Column({ name: 'validated_at', type: 'timestamptz', nullable: true })
  validatedAt!: Date | null;

  @Column({ name: 'confirmed_by', type: 'uuid', nullable: true })
  confirmedBy!: string | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}

/** A problem with one row, found by the dry run (or again at confirmation). */
@Entity({ name: 'import_issue' })
@Index('idx_import_issue_run', ['importId', 'rowNumber'])
export class ImportIssueEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'import_id', type: 'uuid' })
  importId!: string;

  /** Row of the file, 1 being the header row (as a spreadsheet numbers them). */
  @Column({ name: 'row_number', type: 'integer' })
  rowNumber!: number;

  @Column({ type: 'varchar', length: 40, nullable: true })
  field!: string | null;

  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'text' })
  message!: string;
}

/** A saved column mapping, reused for the next file of the same layout. */
@Entity({ name: 'import_mapping' })
@Index('uq_import_mapping_name', ['kind', 'name'], { unique: true })
export class ImportMappingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: ImportKind;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'jsonb' })
  columns!: ColumnMapping;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * Provenance of every imported record: which file, row, import and user last wrote it, and a
 * hash of the row's values, so a re-import recognises what did not change. The key is the
 * record's identity in the files (KBO number, application reference, reference + stage).
 */
@Entity({ name: 'import_record' })
@Index('uq_import_record_key', ['kind', 'sourceKey'], { unique: true })
@Index('idx_import_record_entity', ['kind', 'entityId'])
export class ImportRecordEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: ImportKind;

  @Column({ name: 'source_key', type: 'text' })
  sourceKey!: string;

  /** Organisation or application uuid, or application_event id. */
  @Column({ name: 'entity_id', type: 'text' })
  entityId!: string;

  @Column({ name: 'import_id', type: 'uuid' })
  importId!: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ name: 'row_number', type: 'integer' })
  rowNumber!: number;

  @Column({ name: 'imported_by', type: 'uuid' })
  importedBy!: string;

  @Column({ name: 'imported_at', type: 'timestamptz' })
  importedAt!: Date;

  @Column({ name: 'row_hash', type: 'char', length: 64 })
  rowHash!: string;
}
