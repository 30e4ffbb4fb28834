import {
  Field,
  Float,
  GraphQLISODateTime,
  ID,
  Int,
  ObjectType,
  registerEnumType,
} from 'type-graphql';
import {
  IMPORT_FORMATS,
  IMPORT_KINDS,
  IMPORT_STATUSES,
  type ImportFormat,
  type ImportIssueEntity,
  type ImportKind,
  type ImportMappingEntity,
  type ImportRunEntity,
  type ImportStatus,
} from './import.entity.js';
import { IMPORT_FIELDS } from './import.fields.js';

export const ImportKindEnum = Object.fromEntries(IMPORT_KINDS.map((k) => [k, k]));
registerEnumType(ImportKindEnum, {
  name: 'ImportKind',
  description:
    'Which table a file holds: organisations (key: KBO number), applications (key: reference) or stage events.',
});
export const ImportStatusEnum = Object.fromEntries(IMPORT_STATUSES.map((k) => [k, k]));
registerEnumType(ImportStatusEnum, {
  name: 'ImportStatus',
  description:
    'UPLOADED → VALIDATING (dry run) → VALIDATED → IMPORTING → IMPORTED; FAILED when the file cannot be read.',
});
export const ImportFormatEnum = Object.fromEntries(IMPORT_FORMATS.map((k) => [k, k]));
registerEnumType(ImportFormatEnum, { name: 'ImportFormat' });

@ObjectType({ description: 'A field of an import and the file column it is read from.' })
export class ImportColumn {
  @Field(() => String) field!: string;
  @Field(() => String) column!: string;
}

@ObjectType({ description: 'A field an import of this kind can read.' })
export class ImportField {
  @Field(() => String) key!: string;
  @Field(() => Boolean) required!: boolean;
  @Field(() => String) description!: string;
}

@ObjectType({ description: 'A problem with one row of the file; the row is not imported.' })
export class ImportIssue {
  @Field(() => Int, { description: 'Row of the file; 1 is the header row.' }) row!: number;
  @Field(() => String, { nullable: true }) field!: string | null;
  @Field(() => String, {
    description:
      'INVALID_KBO, INVALID_VALUE, INVALID_DATE, DUPLICATE_ROW, UNKNOWN_ORGANISATION, UNKNOWN_PROGRAMME, ' +
      'UNKNOWN_EDITION, UNKNOWN_CHANNEL, UNKNOWN_APPLICATION, UNKNOWN_STAGE, UNKNOWN_REASON, STAGE_SKIPPED, ' +
      'DATE_OUT_OF_ORDER, DATE_OUTSIDE_EDITION, DATE_IN_FUTURE, AFTER_EXIT, AFTER_LAST_STEP, EXIT_NOT_ALLOWED, ' +
      'EVENT_CHANGED, IMMUTABLE_FIELD, PROGRAMME_NOT_MANAGED, UNSTORABLE_TEXT (a NUL or invalid UTF-16)',
  })
  code!: string;
  @Field(() => String) message!: string;

  static from(e: ImportIssueEntity): ImportIssue {
    return Object.assign(new ImportIssue(), {
      row: e.rowNumber,
      field: e.field,
      code: e.code,
      message: e.message,
    });
  }
}

const toColumns = (m: Record<string, string> | null) =>
  Object.entries(m ?? {}).map(([field, column]) =>
    Object.assign(new ImportColumn(), { field, column }),
  );

@ObjectType({ description: 'An uploaded file: its mapping, dry-run report, progress and outcome.' })
export class ImportRun {
  @Field(() => ID) id!: string;
  @Field(() => ImportKindEnum) kind!: ImportKind;
  @Field(() => ImportFormatEnum) format!: ImportFormat;
  @Field(() => String) fileName!: string;
  @Field(() => Float) sizeBytes!: number;
  @Field(() => ImportStatusEnum) status!: ImportStatus;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) finishedAt!: Date | null;
  @Field(() => [String], { description: 'Column headers of the file.' }) headers!: string[];
  @Field(() => [[String]], { description: 'The first rows after the header, as text.' })
  preview!: string[][];
  @Field(() => [ImportColumn], {
    description: 'The mapping in use (guessed from the headers until set).',
  })
  mapping!: ImportColumn[];
  @Field(() => [ImportField], { description: 'Fields of this kind of import.' })
  fields!: ImportField[];
  @Field(() => Int, { description: 'Rows read so far by the running dry run or import.' })
  rowsProcessed!: number;
  @Field(() => Float, { description: 'Share of the file read by the running step, 0 to 1.' })
  progress!: number;
  @Field(() => Int, { nullable: true, description: 'Data rows in the file, once read to the end.' })
  rowsTotal!: number | null;
  @Field(() => Int, { description: 'Rows with issues (skipped).' }) rowsInvalid!: number;
  @Field(() => Int, { description: 'Records to create (dry run) or created.' })
  createdCount!: number;
  @Field(() => Int) updatedCount!: number;
  @Field(() => Int, { description: 'Rows equal to what is stored: nothing to do.' })
  unchangedCount!: number;
  @Field(() => String, { nullable: true, description: 'Why the file could not be read (FAILED).' })
  errorCode!: string | null;
  @Field(() => String, { nullable: true }) errorMessage!: string | null;
  @Field(() => String, { description: 'GET this path for the validation report as CSV.' })
  reportPath!: string;

  static from(e: ImportRunEntity): ImportRun {
    const size = Number(e.sizeBytes);
    return Object.assign(new ImportRun(), {
      id: e.id,
      kind: e.kind,
      format: e.format,
      fileName: e.fileName,
      sizeBytes: size,
      status: e.status,
      createdAt: e.createdAt,
      finishedAt: e.finishedAt,
      headers: e.headers,
      preview: e.preview,
      mapping: toColumns(e.mapping),
      fields: importFields(e.kind),
      rowsProcessed: e.rowsProcessed,
      progress: size > 0 ? Math.min(1, Number(e.bytesProcessed) / size) : 0,
      rowsTotal: e.rowsTotal,
      rowsInvalid: e.rowsInvalid,
      createdCount: e.createdCount,
      updatedCount: e.updatedCount,
      unchangedCount: e.unchangedCount,
      errorCode: e.errorCode,
      errorMessage: e.errorMessage,
      reportPath: `/api/imports/${e.id}/report.csv`,
    });
  }
}

export const importFields = (kind: ImportKind) =>
  IMPORT_FIELDS[kind].map((f) =>
    Object.assign(new ImportField(), {
      key: f.key,
      required: f.required,
      description: f.description,
    }),
  );

@ObjectType({ description: 'A saved column mapping.' })
export class ImportMapping {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => ImportKindEnum) kind!: ImportKind;
  @Field(() => [ImportColumn]) columns!: ImportColumn[];

  static from(e: ImportMappingEntity): ImportMapping {
    return Object.assign(new ImportMapping(), {
      id: e.id,
      name: e.name,
      kind: e.kind,
      columns: toColumns(e.columns),
    });
  }
}
