/**
 * Import benchmark: 100,000 rows each of organisations, applications and stage events (CSV, and
 * the organisations also as XLSX), through the same code as the import jobs — dry run, confirm,
 * and the confirm again (unchanged) — with rows/s, the peak memory of the process, and how long
 * a query from another "request" waited while the import ran.
 *
 *   node dist/scripts/bench-import.js [--rows 100000]
 *
 * DATABASE_URL: a PostgreSQL to add the rows to (use a throwaway database). Otherwise the
 * embedded PGlite database (the `npm start` default) in a temporary folder.
 */
import 'reflect-metadata';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { makeKbo, percentile } from '@werkgezond/domain';
import ExcelJS from 'exceljs';
import { createDataSource } from '../database/data-source.js';
import { loadDemo } from '../database/dataset/demo.js';
import { startEmbeddedDatabase } from '../database/embedded.js';
import type { Viewer } from '../graphql/policy.js';
import type { ImportKind } from '../modules/import/import.entity.js';
import type { ImportMode } from '../modules/import/import.pipeline.js';
import { runImport } from '../modules/import/import.runner.js';
import { ImportService } from '../modules/import/import.service.js';

const { values: args } = parseArgs({ options: { rows: { type: 'string', default: '100000' } } });
const ROWS = Number(args.rows);
const dir = mkdtempSync(join(tmpdir(), 'wg-bench-import-'));
const embedded = process.env.DATABASE_URL ? null : await startEmbeddedDatabase(join(dir, 'pglite'));
const ds = createDataSource({
  url: process.env.DATABASE_URL ?? embedded!.url,
  embedded: !!embedded,
});
await ds.initialize();
await ds.runMigrations({ transaction: 'each' });
const [{ count }] = await ds.query('SELECT count(*)::int AS count FROM programme');
if (count === 0) await loadDemo(ds);
const [admin] = await ds.query(`SELECT id FROM app_user WHERE email = 'admin@demo.werkgezond.be'`);
const viewer = {
  userId: admin.id,
  roles: new Set(['ADMIN']),
  organisationIds: [],
  networkIds: [],
  programmeIds: [],
} as unknown as Viewer;

// KBO sequences far above the dataset's; a random block so a reused database gets new ones.
const base = 16_000_000 + Math.floor(Math.random() * 30) * 110_000;
const kbo = (i: number) => makeKbo(base + i);
const ref = (i: number) => `B${base}-${i}`;
const day = (i: number) =>
  `2018-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;

async function writeCsv(name: string, header: string, row: (i: number) => string) {
  const path = join(dir, name);
  const out = createWriteStream(path);
  out.write(`${header}\n`);
  for (let i = 0; i < ROWS; i++) {
    if (!out.write(`${row(i)}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return path;
}
const orgRow = (i: number) =>
  `${kbo(i)};Bench Bedrijf ${i} BV;COMPANY;${1 + (i % 45)};9000;Gent;Oost-Vlaanderen;nee`;
const files = {
  organisationsCsv: await writeCsv(
    'organisaties.csv',
    'kboNumber;name;kind;employeeCount;postalCode;municipality;province;hasPreventionCommittee',
    orgRow,
  ),
  applicationsCsv: await writeCsv(
    'aanvragen.csv',
    'reference,organisationKbo,programmeKey,editionYear,channelKey,registrationType,memberKbos',
    (i) => `${ref(i)},${kbo(i)},gezondheidscoaches,2018,website,INDIVIDUAL,`,
  ),
  eventsCsv: await writeCsv(
    'fasen.csv',
    'reference,stage,occurredAt,reasonCode',
    (i) => `${ref(i)},APPLIED,${day(i)},`,
  ),
  organisationsXlsx: join(dir, 'organisaties.xlsx'),
};
{
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: files.organisationsXlsx,
    useSharedStrings: true,
  });
  const sheet = workbook.addWorksheet('Organisaties');
  sheet
    .addRow(['kboNumber', 'name', 'kind', 'employeeCount', 'postalCode', 'municipality'])
    .commit();
  for (let i = 0; i < ROWS; i++) {
    sheet
      .addRow([kbo(i), `Bench Bedrijf ${i} BV`, 'COMPANY', 1 + (i % 45), '9000', 'Gent'])
      .commit();
  }
  await workbook.commit();
}

interface Measure {
  ms: number;
  peakRssMb: number;
  peakHeapMb: number;
  probeP95: number;
  probeMax: number;
}

/** Runs one step while sampling memory and timing a `SELECT 1` sent every 100 ms meanwhile. */
async function measure(step: () => Promise<void>): Promise<Measure> {
  global.gc?.();
  let peakRss = 0;
  let peakHeap = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);
  const probes: number[] = [];
  let probing = true;
  const prober = (async () => {
    while (probing) {
      const t = performance.now();
      await ds.query('SELECT 1');
      probes.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const started = performance.now();
  await step();
  const ms = performance.now() - started;
  probing = false;
  await prober;
  clearInterval(sampler);
  return {
    ms,
    peakRssMb: peakRss / 2 ** 20,
    peakHeapMb: peakHeap / 2 ** 20,
    probeP95: percentile(probes, 0.95) ?? 0,
    probeMax: Math.max(0, ...probes),
  };
}

const service = new ImportService(ds);
const lines: string[] = [];
async function bench(label: string, kind: ImportKind, path: string, modes: ImportMode[]) {
  const size = statSync(path).size;
  const run = await service.register(viewer, {
    kind,
    path,
    originalName: path.split('/').at(-1)!,
    sizeBytes: size,
    sha256: '0'.repeat(64),
  });
  await ds.query(`UPDATE import_run SET confirmed_by = created_by WHERE id = $1`, [run.id]);
  for (const [n, mode] of modes.entries()) {
    const m = await measure(() => runImport(ds, run.id, mode, null));
    const [r] = await ds.query(
      `SELECT status, rows_total, rows_invalid, created_count, updated_count, unchanged_count FROM import_run WHERE id = $1`,
      [run.id],
    );
    const step =
      mode === 'CONFIRM' && n > 1
        ? 'confirm again (unchanged)'
        : mode === 'CONFIRM'
          ? 'confirm'
          : 'dry run';
    const line =
      `| ${label} | ${(size / 2 ** 20).toFixed(1)} MB | ${step} | ${(m.ms / 1000).toFixed(1)} s | ` +
      `${Math.round(r.rows_total / (m.ms / 1000)).toLocaleString('en')} | ${m.peakRssMb.toFixed(0)} MB | ` +
      `${m.peakHeapMb.toFixed(0)} MB | ${m.probeP95.toFixed(0)} / ${m.probeMax.toFixed(0)} ms | ` +
      `${r.created_count}/${r.updated_count}/${r.unchanged_count}/${r.rows_invalid} |`;
    console.log(line);
    lines.push(line);
  }
}

console.log(
  `\n${ROWS.toLocaleString('en')} rows per file, ${embedded ? 'embedded PGlite' : 'PostgreSQL (DATABASE_URL)'}, Node ${process.version}\n`,
);
const header =
  '| file | size | step | time | rows/s | peak RSS | peak heap | other query p95 / max | created/updated/unchanged/invalid |\n|---|---|---|---|---|---|---|---|---|';
console.log(header);
await bench('organisations CSV', 'ORGANISATIONS', files.organisationsCsv, [
  'DRY_RUN',
  'CONFIRM',
  'CONFIRM',
]);
await bench('applications CSV', 'APPLICATIONS', files.applicationsCsv, [
  'DRY_RUN',
  'CONFIRM',
  'CONFIRM',
]);
await bench('stage events CSV', 'STAGE_EVENTS', files.eventsCsv, ['DRY_RUN', 'CONFIRM', 'CONFIRM']);
await bench('organisations XLSX', 'ORGANISATIONS', files.organisationsXlsx, ['DRY_RUN']);

await ds.destroy();
await embedded?.stop();
rmSync(dir, { recursive: true, force: true });
