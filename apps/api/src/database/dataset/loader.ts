import { on } from 'node:events';
import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { RECORD_KEY_MODULUS } from '@werkgezond/domain';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { type CopyBatch, CopyBatcher, copyStatement } from './copy-format.js';
import type { CopyWorkerData, CopyWorkerMessage } from './copy-worker.js';
import { generate } from './generator.js';
import {
  columnName,
  type DatasetChunk,
  TABLE_COLUMNS,
  TABLE_ORDER,
  type TableName,
} from './rows.js';

export interface LoadOptions {
  /** 1 = the bundled dataset (default); larger values add synthetic applications. */
  scale?: number;
  /**
   * 'copy' streams COPY FROM STDIN (real PostgreSQL, fastest); 'insert' sends multi-row
   * parameterised INSERTs (what PGlite's socket supports). 'auto' picks by server version.
   */
  method?: 'auto' | 'copy' | 'insert';
  onProgress?: (progress: { table: TableName; rows: number; total: number }) => void;
  /** Phase timings and notes, for benchmarks (`seed --verbose`). */
  log?: (message: string) => void;
}

export interface LoadResult {
  method: 'copy' | 'insert';
  counts: Record<TableName, number>;
  /** Rows of other tables (e.g. role grants) that referenced the dataset and were kept. */
  preserved: { table: string; kept: number; dropped: number }[];
  ms: number;
}

/** The dataset's tables: the only ones the loader truncates. */
export const DATASET_TABLES: readonly TableName[] = TABLE_ORDER;

const PROGRESS_TRIGGER = 'application_event_progress';
// Bind parameters per INSERT stay well under PostgreSQL's 65,535 limit.
const MAX_PARAMS = 30_000;
const MAX_INSERT_ROWS = 1_000;
// COPY batches of about this many characters: few statements, bounded memory.
const COPY_FLUSH_BYTES = 8_000_000;
// Batches the generator thread may run ahead of the database.
const WORKER_CREDITS = 3;
// The worker's heap: a young generation where a chunk's rows die young instead of being
// promoted, and an old generation cap so V8 collects instead of growing with the scale.
const WORKER_YOUNG_GENERATION_MB = 96;
const WORKER_OLD_GENERATION_MB = 384;

function isDataSource(x: DataSource | ClientBase): x is DataSource {
  return typeof (x as DataSource).createQueryRunner === 'function';
}

const quote = (ident: string) => `"${ident.replaceAll('"', '""')}"`;

function sqlValue(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v);
  return v;
}

async function insertRows(client: ClientBase, table: TableName, rows: readonly object[]) {
  const props = TABLE_COLUMNS[table] as readonly string[];
  const columns = props.map((p) => quote(columnName(p))).join(', ');
  const perBatch = Math.max(1, Math.min(MAX_INSERT_ROWS, Math.floor(MAX_PARAMS / props.length)));
  for (let i = 0; i < rows.length; i += perBatch) {
    const batch = rows.slice(i, i + perBatch);
    const params: unknown[] = [];
    const tuples = batch.map((row) => {
      const r = row as Record<string, unknown>;
      const slots = props.map((p) => {
        params.push(sqlValue(r[p]));
        return `$${params.length}`;
      });
      return `(${slots.join(', ')})`;
    });
    await client.query(
      `INSERT INTO ${quote(table)} (${columns}) VALUES ${tuples.join(', ')}`,
      params,
    );
  }
}

/**
 * FREEZE writes the rows already frozen (allowed because the table was truncated in this
 * transaction), so the refresh and the first queries do not rewrite every page for hint bits.
 */
async function copyBatch(client: ClientBase, batch: CopyBatch) {
  const stream = client.query(copyFrom(copyStatement(batch.table, true)));
  // Slices of about 1 MB: the socket takes them without one giant buffer copy.
  function* slices() {
    for (let i = 0; i < batch.text.length; i += 1_000_000) yield batch.text.slice(i, i + 1_000_000);
  }
  await pipeline(Readable.from(slices()), stream);
}

/** The compiled worker, when running from dist; under a TypeScript test runner it is absent. */
function workerUrl(): URL | null {
  const url = new URL('./copy-worker.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null;
}

/**
 * COPY batches for a scale: at scale 1 formatted in this thread; larger scales on a worker
 * thread so generation overlaps with PostgreSQL's ingest.
 */
async function* copyBatches(scale: number, log?: (m: string) => void): AsyncGenerator<CopyBatch> {
  const url = scale > 1 ? workerUrl() : null;
  if (!url) {
    const batcher = new CopyBatcher(COPY_FLUSH_BYTES);
    for (const chunk of generate({ scale })) yield* batcher.add(chunk);
    yield* batcher.flush();
    return;
  }
  log?.('generating on a worker thread');
  const credits = new Int32Array(new SharedArrayBuffer(4));
  Atomics.store(credits, 0, WORKER_CREDITS);
  const worker = new Worker(url, {
    workerData: {
      scale,
      flushBytes: COPY_FLUSH_BYTES,
      credits: credits.buffer,
    } satisfies CopyWorkerData,
    resourceLimits: {
      maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB,
      maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB,
    },
  });
  try {
    for await (const [message] of on(worker, 'message')) {
      const m = message as CopyWorkerMessage;
      if ('done' in m) return;
      yield m.batch;
      Atomics.add(credits, 0, 1);
      Atomics.notify(credits, 0);
    }
  } finally {
    await worker.terminate();
  }
}

interface ForeignKey {
  tbl: string;
  ref: string;
  cols: string[];
  refcols: string[];
}

/**
 * TRUNCATE … CASCADE also empties tables outside the dataset that reference it (role grants
 * pointing at an organisation or programme). Their rows are saved to temporary tables first and
 * restored after the load; dataset ids are stable, so grants on bundled organisations survive.
 */
async function saveReferencingRows(client: ClientBase) {
  const { rows: fks } = await client.query<ForeignKey>(`
    SELECT c.conrelid::regclass::text AS tbl, c.confrelid::regclass::text AS ref,
           ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o)
                   JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o) AS cols,
           ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, o)
                   JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o) AS refcols
      FROM pg_constraint c
     WHERE c.contype = 'f'`);
  const dataset = new Set<string>(DATASET_TABLES);
  // Everything the cascade reaches: referencing tables, transitively.
  const reached = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const fk of fks) {
      if (
        (dataset.has(fk.ref) || reached.has(fk.ref)) &&
        !dataset.has(fk.tbl) &&
        !reached.has(fk.tbl)
      ) {
        reached.add(fk.tbl);
        grew = true;
      }
    }
  }
  // Restore parents before children.
  const order: string[] = [];
  const pending = new Set(reached);
  while (pending.size > 0) {
    const ready = [...pending].filter((t) =>
      fks.every((fk) => fk.tbl !== t || fk.ref === t || !pending.has(fk.ref)),
    );
    const next = ready.length > 0 ? ready : [...pending];
    for (const t of next.sort()) {
      order.push(t);
      pending.delete(t);
    }
  }
  const saved: { table: string; temp: string; fks: ForeignKey[]; count: number }[] = [];
  for (const [i, table] of order.entries()) {
    const temp = `_dataset_keep_${i}`;
    await client.query(`CREATE TEMP TABLE ${temp} ON COMMIT DROP AS SELECT * FROM ${table}`);
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${temp}`);
    saved.push({
      table,
      temp,
      fks: fks.filter((fk) => fk.tbl === table),
      count: Number(rows[0]?.n ?? 0),
    });
  }
  return saved;
}

async function restoreReferencingRows(
  client: ClientBase,
  saved: Awaited<ReturnType<typeof saveReferencingRows>>,
): Promise<LoadResult['preserved']> {
  const out: LoadResult['preserved'] = [];
  for (const s of saved) {
    if (s.count === 0) {
      out.push({ table: s.table, kept: 0, dropped: 0 });
      continue;
    }
    const { rows: cols } = await client.query<{ name: string }>(
      `SELECT attname::text AS name FROM pg_attribute
        WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
        ORDER BY attnum`,
      [s.table],
    );
    const list = cols.map((c) => quote(c.name)).join(', ');
    // MATCH SIMPLE: a row with a NULL key column references nothing and is kept.
    const conditions = s.fks.map((fk) => {
      const anyNull = fk.cols.map((c) => `k.${quote(c)} IS NULL`).join(' OR ');
      const match = fk.cols
        .map((c, j) => `r.${quote(fk.refcols[j] as string)} = k.${quote(c)}`)
        .join(' AND ');
      return `(${anyNull} OR EXISTS (SELECT 1 FROM ${fk.ref} r WHERE ${match}))`;
    });
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const res = await client.query(
      `INSERT INTO ${s.table} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM ${s.temp} k ${where}`,
    );
    const kept = res.rowCount ?? 0;
    out.push({ table: s.table, kept, dropped: s.count - kept });
  }
  return out;
}

/**
 * Bulk mode (COPY into a real PostgreSQL). Foreign keys are checked row by row by triggers and
 * indexes are maintained row by row, also by the projection's UPDATE; at a million applications
 * that is most of the load. So inside the load transaction every foreign key touching a dataset
 * table (from either side), and every key and index of the dataset tables, is dropped, and
 * afterwards recreated from its own definition under the same name: one sorted build per index,
 * one set-based validation per foreign key. A duplicate key or a dangling reference still fails
 * the load (at the rebuild), and the whole transaction rolls back, schema included.
 */
async function dropConstraintsForBulk(client: ClientBase) {
  const tables = [...DATASET_TABLES];
  const { rows: fks } = await client.query<{ tbl: string; name: string; def: string }>(
    `SELECT conrelid::regclass::text AS tbl, conname::text AS name, pg_get_constraintdef(oid) AS def
       FROM pg_constraint
      WHERE contype = 'f'
        AND (conrelid::regclass::text = ANY($1::text[]) OR confrelid::regclass::text = ANY($1::text[]))
      ORDER BY 1, 2`,
    [tables],
  );
  const { rows: keys } = await client.query<{ tbl: string; name: string; def: string }>(
    `SELECT conrelid::regclass::text AS tbl, conname::text AS name, pg_get_constraintdef(oid) AS def
       FROM pg_constraint
      WHERE contype IN ('p', 'u') AND conrelid::regclass::text = ANY($1::text[])
      ORDER BY 1, 2`,
    [tables],
  );
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
      WHERE i.indrelid::regclass::text = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY 1`,
    [tables],
  );
  for (const fk of fks)
    await client.query(`ALTER TABLE ${fk.tbl} DROP CONSTRAINT ${quote(fk.name)}`);
  for (const k of keys) await client.query(`ALTER TABLE ${k.tbl} DROP CONSTRAINT ${quote(k.name)}`);
  for (const ix of indexes) await client.query(`DROP INDEX ${ix.name}`);
  return {
    dropped: fks.length + keys.length + indexes.length,
    async restoreKeysAndIndexes() {
      for (const k of keys) {
        await client.query(`ALTER TABLE ${k.tbl} ADD CONSTRAINT ${quote(k.name)} ${k.def}`);
      }
      for (const ix of indexes) await client.query(ix.def);
    },
    async restoreForeignKeys() {
      for (const fk of fks) {
        await client.query(`ALTER TABLE ${fk.tbl} ADD CONSTRAINT ${quote(fk.name)} ${fk.def}`);
      }
    },
  };
}

async function chooseMethod(
  client: ClientBase,
  method: LoadOptions['method'],
): Promise<'copy' | 'insert'> {
  if (method === 'copy' || method === 'insert') return method;
  const { rows } = await client.query<{ version: string }>('SELECT version() AS version');
  // PGlite's wire socket loses protocol sync on COPY FROM STDIN.
  return /pglite|emscripten|wasm/i.test(rows[0]?.version ?? '') ? 'insert' : 'copy';
}

/**
 * Replaces the dataset in one transaction: truncate every dataset table (and nothing else),
 * stream the generated rows in, rebuild the application progress projection set-based, and
 * restore rows of other tables that pointed into the dataset. Running it twice gives the same
 * database; on any error the transaction rolls back and the old data stay.
 */
export async function loadDataset(
  target: DataSource | ClientBase,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const started = performance.now();
  const scale = options.scale ?? 1;
  let client: ClientBase;
  let release = async () => {};
  if (isDataSource(target)) {
    // One connection for the whole load: PGlite serves one transaction at a time anyway.
    const runner = target.createQueryRunner();
    client = (await runner.connect()) as ClientBase;
    release = () => runner.release();
  } else {
    client = target;
  }

  const counts = Object.fromEntries(TABLE_ORDER.map((t) => [t, 0])) as Record<TableName, number>;
  const count = (table: TableName, rows: number) => {
    counts[table] += rows;
    options.onProgress?.({ table, rows, total: counts[table] });
  };
  let lap = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    options.log?.(`${name}: ${Math.round(now - lap)} ms`);
    lap = now;
  };
  try {
    const method = await chooseMethod(client, options.method ?? 'auto');
    await client.query('BEGIN');
    try {
      if (method === 'copy') {
        // Room for the projection's hash aggregates and the index builds; no commit wait.
        await client.query("SET LOCAL work_mem = '256MB'");
        await client.query("SET LOCAL maintenance_work_mem = '512MB'");
        await client.query('SET LOCAL synchronous_commit = off');
      }
      const saved = await saveReferencingRows(client);
      // TRUNCATE fires no row triggers, so the immutable events can be cleared; RESTART
      // IDENTITY makes event ids repeat on every load.
      await client.query(
        `TRUNCATE TABLE ${DATASET_TABLES.map(quote).join(', ')} RESTART IDENTITY CASCADE`,
      );
      // Events go in without the per-row projection trigger; one set-based refresh follows.
      await client.query(`ALTER TABLE application_event DISABLE TRIGGER ${PROGRESS_TRIGGER}`);
      const bulk = method === 'copy' ? await dropConstraintsForBulk(client) : null;
      phase(bulk ? `prepare (${bulk.dropped} constraints and indexes set aside)` : 'prepare');

      if (method === 'copy') {
        for await (const batch of copyBatches(scale, options.log)) {
          await copyBatch(client, batch);
          count(batch.table, batch.rows);
        }
      } else {
        // Parents before children in every chunk: foreign keys are checked as rows arrive.
        for (const chunk of generate({ scale })) {
          for (const table of TABLE_ORDER) {
            const rows = (chunk as DatasetChunk)[table] as object[] | undefined;
            if (!rows || rows.length === 0) continue;
            await insertRows(client, table, rows);
            count(table, rows.length);
          }
        }
      }
      phase('rows');
      // Record keys of the research API's cell key perturbation. The bundled dataset is public
      // at row level (anyone can run the generator), so secret keys would protect nothing here;
      // fixed ones make the guide's examples and the attack tests reproducible. Organisations
      // created later get the database's random default.
      await client.query(
        `UPDATE organisation SET record_key =
           (('x' || substr(md5('werkgezond-record-key:' || id::text), 1, 8))::bit(32)::bigint
             % ${RECORD_KEY_MODULUS})::int`,
      );
      await client.query('SELECT refresh_application_progress()');
      await client.query(`ALTER TABLE application_event ENABLE TRIGGER ${PROGRESS_TRIGGER}`);
      phase('refresh_application_progress');
      await bulk?.restoreKeysAndIndexes();
      if (bulk) phase('recreate keys and indexes');
      const preserved = await restoreReferencingRows(client, saved);
      // Last, so the restored rows of other tables are validated with everything else.
      await bulk?.restoreForeignKeys();
      if (bulk) phase('re-add foreign keys');
      await client.query('COMMIT');
      phase('commit');
      // Fresh statistics so the first analytics queries get sensible plans.
      await client.query(`ANALYZE ${DATASET_TABLES.map(quote).join(', ')}`);
      phase('analyze');
      return { method, counts, preserved, ms: Math.round(performance.now() - started) };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    await release();
  }
}
