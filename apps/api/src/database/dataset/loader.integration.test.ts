import 'reflect-metadata';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../data-source.js';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '../embedded.js';
import { DEMO_COMPANY_ID, generateAll } from './generator.js';
import { DATASET_TABLES, type LoadResult, loadDataset } from './loader.js';

/*
 * Loads into a database of its own (a fresh in-memory PGlite, or a throwaway database next to
 * DATABASE_URL): truncating the shared test database would pull rows from under other files.
 */
let embedded: EmbeddedDatabase | null = null;
let dropDatabase: (() => Promise<void>) | null = null;
let ds: DataSource;

async function ownDatabase(): Promise<{ url: string; embedded: boolean }> {
  const external = process.env.DATABASE_URL;
  if (!external) {
    embedded = await startEmbeddedDatabase();
    return { url: embedded.url, embedded: true };
  }
  const name = `werkgezond_loader_${process.pid}`;
  const admin = new pg.Client({ connectionString: external });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  dropDatabase = async () => {
    const c = new pg.Client({ connectionString: external });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
  const url = new URL(external);
  url.pathname = `/${name}`;
  return { url: url.toString(), embedded: false };
}

/** A digest of every row of every dataset table, to compare two loads. */
async function fingerprint(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of DATASET_TABLES) {
    const [row] = await ds.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${table}" t`,
    );
    out[table] = `${row.n}:${row.h}`;
  }
  return out;
}

const SNAPSHOTS = ['2017-12-31', '2018-12-31', '2019-07-31'] as const;
// The answer's table: applications, approved, rejected, started, completed (cumulative).
const PUBLISHED = [
  [11, 11, 0, 0, 0],
  [140, 128, 12, 42, 0],
  [196, 181, 15, 80, 7],
];
const endOf = (param: string) => `((${param}::date + 1)::timestamp AT TIME ZONE 'Europe/Brussels')`;

/** Constraints and indexes of the schema: bulk loads set some aside and must restore them all. */
async function schemaShape(): Promise<string[]> {
  const constraints = await ds.query(
    `SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS d
       FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1`,
  );
  const indexes = await ds.query(
    `SELECT indexdef AS d FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`,
  );
  const triggers = await ds.query(
    `SELECT tgrelid::regclass::text || ' ' || tgname || ' ' || tgenabled::text AS d
       FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1`,
  );
  return [...constraints, ...indexes, ...triggers].map((r: { d: string }) => r.d);
}

let schemaBefore: string[];
let first: LoadResult;
let second: LoadResult;
let firstPrint: Record<string, string>;

beforeAll(async () => {
  const db = await ownDatabase();
  ds = createDataSource({ url: db.url, embedded: db.embedded, poolSize: 1 });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  // A table outside the dataset that points into it, like role grants do.
  await ds.query(`CREATE TABLE loader_test_ref (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id uuid REFERENCES organisation(id) ON DELETE CASCADE,
    note text)`);
  schemaBefore = await schemaShape();
  first = await loadDataset(ds);
  firstPrint = await fingerprint();
  await ds.query(`INSERT INTO organisation (id, kind, name) VALUES
    ('00000000-0000-4000-8000-000000000001', 'COMPANY', 'Niet in de dataset')`);
  await ds.query(
    `INSERT INTO loader_test_ref (organisation_id, note) VALUES ($1, 'demo'), (NULL, 'none'),
       ('00000000-0000-4000-8000-000000000001', 'gone')`,
    [DEMO_COMPANY_ID],
  );
  second = await loadDataset(ds);
}, 180_000);

afterAll(async () => {
  await ds?.destroy();
  await embedded?.stop();
  await dropDatabase?.();
});

describe('loadDataset', () => {
  it('loads every generated row, and a second load gives the same database', async () => {
    const generated = generateAll();
    for (const table of DATASET_TABLES) {
      expect(first.counts[table], table).toBe(generated[table].length);
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM "${table}"`);
      expect(n, table).toBe(generated[table].length);
    }
    expect(second.counts).toEqual(first.counts);
    // The extra organisation inserted between the loads is gone; everything else is identical.
    expect(await fingerprint()).toEqual(firstPrint);
  });

  it('leaves constraints, indexes and triggers exactly as the migrations made them', async () => {
    expect(await schemaShape()).toEqual(schemaBefore);
  });

  it('rolls a failed load back: data and schema stay as they were', async () => {
    const before = await fingerprint();
    // An invalid scale fails inside the transaction, after the truncate.
    await expect(loadDataset(ds, { scale: 0.5 })).rejects.toThrow(/scale/);
    expect(await fingerprint()).toEqual(before);
    expect(await schemaShape()).toEqual(schemaBefore);
  });

  it('keeps rows of other tables that reference dataset records, drops dangling ones', async () => {
    const rows = await ds.query('SELECT organisation_id, note FROM loader_test_ref ORDER BY id');
    expect(rows.map((r: { note: string }) => r.note)).toEqual(['demo', 'none']);
    expect(second.preserved).toContainEqual({ table: 'loader_test_ref', kept: 2, dropped: 1 });
  });

  it('reproduces the coaching table from the projected stage columns', async () => {
    for (const [i, through] of SNAPSHOTS.entries()) {
      const [row] = await ds.query(
        `SELECT count(*) FILTER (WHERE a.stage1_at < ${endOf('$1')})::int AS applied,
                count(*) FILTER (WHERE a.stage2_at < ${endOf('$1')})::int AS approved,
                count(*) FILTER (WHERE a.exit_stage = 'REJECTED' AND a.exit_at < ${endOf('$1')})::int AS rejected,
                count(*) FILTER (WHERE a.stage3_at < ${endOf('$1')})::int AS started,
                count(*) FILTER (WHERE a.stage4_at < ${endOf('$1')})::int AS completed
           FROM application a JOIN programme p ON p.id = a.programme_id
          WHERE p.key = 'gezondheidscoaches'`,
        [through],
      );
      expect(Object.values(row), through).toEqual(PUBLISHED[i]);
    }
  });

  it('reproduces the coaching table from the events themselves', async () => {
    for (const [i, through] of SNAPSHOTS.entries()) {
      const [row] = await ds.query(
        `SELECT ${['APPLIED', 'APPROVED', 'REJECTED', 'STARTED', 'COMPLETED']
          .map(
            (s) =>
              `count(DISTINCT e.application_id) FILTER (WHERE e.stage = '${s}' AND e.occurred_at < ${endOf('$1')})::int AS "${s}"`,
          )
          .join(', ')}
           FROM application_event e
           JOIN application a ON a.id = e.application_id
           JOIN programme p ON p.id = a.programme_id
          WHERE p.key = 'gezondheidscoaches'`,
        [through],
      );
      expect(Object.values(row), through).toEqual(PUBLISHED[i]);
    }
  });

  it('the set-based projection equals the events for every application', async () => {
    const [{ mismatches, total }] = await ds.query(`
      WITH expected AS (
        SELECT a.id,
               min(e.occurred_at) FILTER (WHERE sd.kind = 'STEP' AND sd.position = 1) AS s1,
               min(e.occurred_at) FILTER (WHERE sd.kind = 'STEP' AND sd.position = 2) AS s2,
               min(e.occurred_at) FILTER (WHERE sd.kind = 'STEP' AND sd.position = 3) AS s3,
               min(e.occurred_at) FILTER (WHERE sd.kind = 'STEP' AND sd.position = 4) AS s4,
               (array_agg(e.stage ORDER BY e.occurred_at) FILTER (WHERE sd.kind = 'EXIT'))[1] AS exit_stage,
               min(e.occurred_at) FILTER (WHERE sd.kind = 'EXIT') AS exit_at
          FROM application a
          JOIN application_event e ON e.application_id = a.id
          JOIN stage_definition sd ON sd.programme_id = a.programme_id AND sd.key = e.stage
         GROUP BY a.id)
      SELECT count(*) FILTER (WHERE
               a.stage1_at IS DISTINCT FROM x.s1 OR a.stage2_at IS DISTINCT FROM x.s2 OR
               a.stage3_at IS DISTINCT FROM x.s3 OR a.stage4_at IS DISTINCT FROM x.s4 OR
               a.exit_stage IS DISTINCT FROM x.exit_stage OR a.exit_at IS DISTINCT FROM x.exit_at)::int AS mismatches,
             count(*)::int AS total
        FROM application a JOIN expected x ON x.id = a.id`);
    expect(total).toBe(first.counts.application);
    expect(mismatches).toBe(0);
  });

  it('leaves the row trigger enabled: a new event updates the projection', async () => {
    const runner = ds.createQueryRunner();
    await runner.startTransaction();
    try {
      const [app] = await runner.query(`
        SELECT a.id FROM application a JOIN programme p ON p.id = a.programme_id
         WHERE p.key = 'gezondheidscoaches' AND a.stage3_at IS NOT NULL AND a.stage4_at IS NULL
           AND a.exit_stage IS NULL LIMIT 1`);
      await runner.query(
        `INSERT INTO application_event (application_id, stage, occurred_at, actor)
         VALUES ($1, 'COMPLETED', '2019-07-30T10:00:00Z', 'test')`,
        [app.id],
      );
      const [after] = await runner.query('SELECT stage4_at FROM application WHERE id = $1', [
        app.id,
      ]);
      expect(after.stage4_at).toEqual(new Date('2019-07-30T10:00:00Z'));
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('stores the published figures with their check kind', async () => {
    const rows = await ds.query(
      `SELECT id, "check", value_number::float AS n, value_text FROM published_figure ORDER BY id`,
    );
    expect(rows.length).toBeGreaterThan(40);
    const byId = new Map(rows.map((r: { id: string }) => [r.id, r]));
    expect(byId.get('coaches-2019-applications')).toMatchObject({ check: 'EXACT', n: 196 });
    expect(byId.get('indicator-2012-mean')).toMatchObject({ check: 'CLAIM', n: 22.9 });
    expect(byId.get('coaches-top-channel')).toMatchObject({
      check: 'EXACT',
      value_text: 'Prebes (member mailing)',
    });
  });
});
