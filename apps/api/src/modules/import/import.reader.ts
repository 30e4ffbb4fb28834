import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { fileTypeFromFile } from 'file-type';
import { describeUnstorable, replaceUnstorable, unstorable } from '../../graphql/input-guard.js';
import type { ImportFormat } from './import.entity.js';

export type FileErrorCode = 'NOT_A_SPREADSHEET' | 'ENCODING' | 'EMPTY' | 'TOO_LARGE';

/** The file itself cannot be read: nothing in it is imported. */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
  constructor(
    readonly code: FileErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface RawRow {
  /** Row of the file as a spreadsheet numbers it: 1 is the header row. */
  rowNumber: number;
  cells: string[];
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SNIFF_BYTES = 64 * 1024;

/**
 * What the bytes are, never what the name says: XLSX by its zip signature and content types,
 * CSV when the start is text in UTF-8 (with or without BOM) and not something binary.
 */
export async function sniffFormat(path: string): Promise<ImportFormat> {
  const type = await fileTypeFromFile(path);
  if (type?.mime === XLSX_MIME) return 'XLSX';
  if (type) {
    throw new ImportFileError(
      'NOT_A_SPREADSHEET',
      `This is a ${type.ext.toUpperCase()} file, not a spreadsheet: upload CSV (UTF-8) or XLSX`,
    );
  }
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(SNIFF_BYTES), 0, SNIFF_BYTES, 0);
    const head = buffer.subarray(0, bytesRead);
    if (bytesRead === 0) throw new ImportFileError('EMPTY', 'The file is empty');
    if (head.includes(0)) {
      throw new ImportFileError(
        'NOT_A_SPREADSHEET',
        'This is not a spreadsheet: upload CSV (UTF-8) or XLSX',
      );
    }
    // The last bytes may cut a character in two: decode in stream mode.
    decodeStrict(head, bytesRead === SNIFF_BYTES);
    return 'CSV';
  } finally {
    await handle.close();
  }
}

function decodeStrict(bytes: Uint8Array, more: boolean): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: more });
  } catch {
    throw encodingError();
  }
}

const encodingError = () =>
  new ImportFileError(
    'ENCODING',
    'The file is not UTF-8 text: save it as "CSV UTF-8" (or as XLSX) and upload it again',
  );

/** The field delimiter of a CSV file: whichever of ; , tab occurs most in its first line. */
async function detectDelimiter(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    const firstLine = buffer.subarray(0, bytesRead).toString('utf8').split(/\r?\n/)[0] ?? '';
    const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length] as const);
    return counts.sort((a, b) => b[1] - a[1])[0]![0];
  } finally {
    await handle.close();
  }
}

/**
 * Excel keeps characters that XML cannot hold as `_xHHHH_` in a cell's text (ECMA-376
 * ST_Xstring: a NUL is `_x0000_`, a literal "_x0041_" is written `_x005F_x0041_`); exceljs's
 * streaming reader leaves them encoded. Decoded here so a cell reads as Excel shows it; the
 * import then refuses the rows whose text PostgreSQL cannot store.
 */
const decodeXstring = (text: string): string =>
  text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    const v = value as {
      result?: unknown;
      richText?: { text: string }[];
      text?: unknown;
      error?: unknown;
    };
    if ('result' in v) return cellText(v.result);
    if (v.richText)
      return decodeXstring(
        v.richText
          .map((t) => t.text)
          .join('')
          .trim(),
      );
    if ('text' in v) return cellText(v.text);
    return '';
  }
  if (typeof value === 'string') return decodeXstring(value.trim());
  return String(value).trim();
}

/**
 * Streams the rows of a file (header row included), never holding more than a chunk of it.
 * `onBytes` is told how many bytes of the file have been read, for progress.
 */
export async function* readRows(
  path: string,
  format: ImportFormat,
  onBytes: (bytesRead: number) => void = () => undefined,
): AsyncGenerator<RawRow> {
  let bytesRead = 0;
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  // Counts bytes as the parser pulls them (a 'data' listener would start the flow too early).
  const source = file.pipe(
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytesRead += chunk.length;
        onBytes(bytesRead);
        done(null, chunk);
      },
    }),
  );
  file.on('error', (e) => source.destroy(e));
  try {
    if (format === 'CSV') yield* readCsv(source, await detectDelimiter(path));
    else yield* readXlsx(source);
  } finally {
    // A reader that stops early (the preview) must not leave the file open.
    file.destroy();
    source.destroy();
  }
}

async function* readCsv(source: NodeJS.ReadableStream, delimiter: string): AsyncGenerator<RawRow> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const utf8 = new Transform({
    decodeStrings: true,
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, done) {
      try {
        done(null, decoder.decode(chunk, { stream: true }));
      } catch {
        done(encodingError());
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(encodingError());
      }
    },
  });
  const parser = parse({
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
  });
  source.pipe(utf8).pipe(parser);
  utf8.on('error', (e) => parser.destroy(e));
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      yield { rowNumber, cells: record };
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(
      'NOT_A_SPREADSHEET',
      `The CSV file cannot be read near row ${rowNumber + 1}: ${(error as Error).message}`,
    );
  }
}

async function* readXlsx(source: NodeJS.ReadableStream): AsyncGenerator<RawRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source as never, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  try {
    // Only the first worksheet holds the table; the others are read past.
    let first = true;
    for await (const sheet of reader) {
      if (!first) continue;
      first = false;
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = (row.values as unknown[]).slice(1);
        yield { rowNumber: row.number, cells: Array.from(values, cellText) };
      }
    }
  } catch (error) {
    throw new ImportFileError(
      'NOT_A_SPREADSHEET',
      `The XLSX file cannot be read: ${(error as Error).message}`,
    );
  }
}

/** Header and the first rows, for the mapping screen; reads no further than it needs. */
export async function readHead(
  path: string,
  format: ImportFormat,
  rows = 5,
): Promise<{ headers: string[]; preview: string[][] }> {
  const iterator = readRows(path, format);
  let headers: string[] | null = null;
  const preview: string[][] = [];
  for await (const row of iterator) {
    if (headers === null) headers = row.cells.map((c) => c.trim());
    else preview.push(row.cells);
    if (preview.length >= rows) break;
  }
  if (!headers || headers.every((h) => h === '')) {
    throw new ImportFileError('EMPTY', 'The file has no header row');
  }
  // Column names are stored with the mapping: a header PostgreSQL cannot store refuses the file.
  const bad = headers.findIndex((h) => unstorable(h) !== null);
  if (bad >= 0) {
    throw new ImportFileError(
      'ENCODING',
      `Column ${bad + 1} of the header row holds ${describeUnstorable(unstorable(headers[bad]!)!)}: rename the column`,
    );
  }
  // Cells are only shown here; the dry run reports such a row (and never imports it).
  return { headers, preview: preview.map((row) => row.map((cell) => replaceUnstorable(cell))) };
}
