import {
  columnName,
  type DatasetChunk,
  TABLE_COLUMNS,
  TABLE_ORDER,
  type TableName,
} from './rows.js';

/**
 * Rows to PostgreSQL COPY text format. Shared by the loader and its worker thread, so the same
 * bytes reach the database whichever thread formats them.
 */

// Backslash, tab, newline and carriage return are escaped; \N is NULL.
const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function copyText(s: string): string {
  return SPECIAL.test(s) ? s.replace(SPECIAL_ALL, (c) => ESCAPES[c] as string) : s;
}

/**
 * Synthetic events reuse a few thousand distinct instants, so their ISO strings are cached:
 * toISOString on millions of timestamps is a visible share of a large load.
 */
const isoCache = new Map<number, string>();
function iso(d: Date): string {
  const t = d.getTime();
  let s = isoCache.get(t);
  if (s === undefined) {
    if (isoCache.size > 100_000) isoCache.clear();
    s = d.toISOString();
    isoCache.set(t, s);
  }
  return s;
}

export function copyValue(v: unknown): string {
  if (typeof v === 'string') return copyText(v);
  if (v === undefined || v === null) return '\\N';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (v instanceof Date) return iso(v);
  return copyText(JSON.stringify(v));
}

export function copyStatement(table: TableName, freeze: boolean): string {
  const columns = TABLE_COLUMNS[table].map((p) => `"${columnName(p)}"`).join(', ');
  return `COPY "${table}" (${columns}) FROM STDIN${freeze ? ' (FREEZE)' : ''}`;
}

/**
 * One flat string per row (join on a reused array) and one join per call: building the text
 * with += makes millions of rope nodes for the garbage collector at scale.
 */
export function formatRows(table: TableName, rows: readonly object[]): string {
  const props = TABLE_COLUMNS[table] as readonly string[];
  const fields: string[] = new Array(props.length);
  const lines: string[] = new Array(rows.length + 1);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k] as Record<string, unknown>;
    for (let i = 0; i < props.length; i++) fields[i] = copyValue(r[props[i] as string]);
    lines[k] = fields.join('\t');
  }
  lines[rows.length] = '';
  return lines.join('\n');
}

/** A batch of COPY text for one table. */
export interface CopyBatch {
  table: TableName;
  rows: number;
  text: string;
}

/**
 * Collects formatted rows per table and hands out batches of about `flushBytes`: one COPY per
 * batch instead of one per table per chunk. Only valid while foreign keys are set aside (bulk
 * mode), since batches of different tables leave in any order.
 */
export class CopyBatcher {
  private parts = new Map<TableName, { text: string[]; bytes: number; rows: number }>();

  constructor(private readonly flushBytes: number) {}

  add(chunk: DatasetChunk): CopyBatch[] {
    const out: CopyBatch[] = [];
    for (const table of TABLE_ORDER) {
      const rows = chunk[table] as object[] | undefined;
      if (!rows || rows.length === 0) continue;
      const text = formatRows(table, rows);
      const part = this.parts.get(table) ?? { text: [], bytes: 0, rows: 0 };
      part.text.push(text);
      part.bytes += text.length;
      part.rows += rows.length;
      this.parts.set(table, part);
      if (part.bytes >= this.flushBytes) {
        out.push({ table, rows: part.rows, text: part.text.join('') });
        this.parts.delete(table);
      }
    }
    return out;
  }

  flush(): CopyBatch[] {
    const out: CopyBatch[] = [];
    for (const table of TABLE_ORDER) {
      const part = this.parts.get(table);
      if (part) out.push({ table, rows: part.rows, text: part.text.join('') });
    }
    this.parts.clear();
    return out;
  }
}
