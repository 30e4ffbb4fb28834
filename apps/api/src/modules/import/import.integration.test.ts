import { randomInt } from 'node:crypto';
import { request } from 'node:http';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../database/dataset/demo.js';
import { JobQueue } from '../../jobs/job-queue.js';
import { DEMO, startTestServer, type TestServer } from '../../test/harness.js';
import { ROLLUP_REFRESH_JOB } from '../analytics/rollup.jobs.js';
import { fixtureSet, xlsxOf } from './import.fixtures.js';
import { IMPORT_JOB } from './import.jobs.js';

let server: TestServer;
let manager: string;
let analyst: string;
const seed = randomInt(0, 99_998);
const fx = fixtureSet(seed);
/** Organisations of the tests on text PostgreSQL cannot store (their own KBO numbers). */
const fz = fixtureSet(seed + 1);

beforeAll(async () => {
  server = await startTestServer();
  manager = (await server.signIn(DEMO.manager)).cookie;
  analyst = (await server.signIn(DEMO.analyst)).cookie;
});
// The imports add applications and events to the bundled coaching editions: reload the dataset
// so later files (funnel, published figures) see it as the global setup left it.
afterAll(async () => {
  if (!server) return;
  await loadDemo(server.dataSource);
  await server.close();
});

const RUN = `query ($id: ID!) { importRun(id: $id) {
  id kind format status fileName rowsProcessed progress rowsTotal rowsInvalid createdCount updatedCount
  unchangedCount errorCode issueCount headers preview mapping { field column }
  issues(first: 100) { row field code message } } }`;

interface Run {
  id: string;
  status: string;
  fileName: string;
  format: string;
  rowsTotal: number | null;
  rowsInvalid: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  progress: number;
  issueCount: number;
  headers: string[];
  preview: string[][];
  mapping: { field: string; column: string }[];
  issues: { row: number; field: string | null; code: string; message: string }[];
}

async function upload(kind: string, name: string, bytes: Buffer | string, cookie = manager) {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const res = await fetch(`${server.url}/api/imports?kind=${kind}`, {
    method: 'POST',
    headers: { cookie, 'x-werkgezond-csrf': '1' },
    body: form,
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      id?: string;
      error?: { code: string; message: string; field?: string; problem?: string };
    },
  };
}

async function gql<T>(query: string, variables: Record<string, unknown>, cookie = manager) {
  const res = await server.gql<T>(query, variables, { cookie });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

/**
 * A multipart upload over node:http that reads the answer even if the server answers before
 * the body is sent (fetch reports that as a network error instead of the response).
 */
function uploadLarge(
  kind: string,
  name: string,
  bytes: Buffer,
): Promise<{ status: number; body: { error?: { code: string } } }> {
  const boundary = 'wg-test-boundary';
  // A name given as a disposition parameter (filename*=…) is sent as it is.
  const param = name.startsWith('filename') ? name : `filename="${name}"`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; ${param}\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}/api/imports?kind=${kind}`, {
      method: 'POST',
      headers: {
        cookie: manager,
        'x-werkgezond-csrf': '1',
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': head.length + bytes.length + tail.length,
      },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c) => {
        text += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    // Writing after the server answered may fail; the answer is what the test checks.
    req.on('error', (e) => (req.writableEnded ? undefined : reject(e)));
    req.write(head);
    req.write(bytes);
    req.end(tail);
  });
}

const runJobs = () =>
  JobQueue.for(server.dataSource).runUntilIdle({ names: [IMPORT_JOB], ignoreStartAfter: true });

const fetchRun = async (id: string) => (await gql<{ importRun: Run }>(RUN, { id })).importRun;

/** Upload, dry run (job), and return the report. */
async function dryRun(kind: string, name: string, bytes: Buffer | string): Promise<Run> {
  const up = await upload(kind, name, bytes);
  expect(up.status, JSON.stringify(up.body)).toBe(201);
  const started = await gql<{ startImportDryRun: { status: string } }>(
    'mutation ($id: ID!) { startImportDryRun(id: $id) { status } }',
    { id: up.body.id },
  );
  expect(started.startImportDryRun.status).toBe('VALIDATING');
  await runJobs();
  const run = await fetchRun(up.body.id!);
  expect(run.status).toBe('VALIDATED');
  return run;
}

async function confirm(id: string): Promise<Run> {
  await gql('mutation ($id: ID!) { confirmImport(id: $id) { status } }', { id });
  await runJobs();
  const run = await fetchRun(id);
  expect(run.status).toBe('IMPORTED');
  return run;
}

const codesByRow = (run: Run) => run.issues.map((i) => `${i.row}:${i.code}`);
const countOrgs = async () =>
  Number(
    (
      await server.dataSource.query(
        'SELECT count(*) FROM organisation WHERE kbo_number = ANY($1)',
        [[1, 2, 3, 4, 5, 6].map(fx.kbo)],
      )
    )[0].count,
  );
const eventsOf = async () =>
  (await server.dataSource.query(
    `SELECT r.source_key AS ref, e.stage, e.occurred_at FROM application_event e
       JOIN import_record r ON r.kind = 'APPLICATIONS' AND r.entity_id = e.application_id::text
      WHERE r.source_key LIKE $1 ORDER BY r.source_key, e.occurred_at`,
    [`${fx.ref(0).slice(0, -1)}%`],
  )) as { ref: string; stage: string }[];

const FUNNEL = `query ($input: FunnelInput!) { funnel(input: $input) { steps { stage count } exits { stage count } } }`;
async function coaching2018(asOf?: string) {
  const { funnel } = await gql<{
    funnel: {
      steps: { stage: string; count: number }[];
      exits: { stage: string; count: number }[];
    };
  }>(
    FUNNEL,
    { input: { programmeKey: 'gezondheidscoaches', years: [2018], ...(asOf ? { asOf } : {}) } },
    analyst,
  );
  return Object.fromEntries([...funnel.steps, ...funnel.exits].map((s) => [s.stage, s.count]));
}

const FIGURES = `query { publishedFigures(programmeKey: "gezondheidscoaches") { id computedValue } }`;
/** The reconciliation's computed values of the coaching answer's cumulative counts, by id. */
async function coachingFigures(): Promise<Record<string, number>> {
  const { publishedFigures } = await gql<{
    publishedFigures: { id: string; computedValue: string | null }[];
  }>(FIGURES, {}, analyst);
  const counts = publishedFigures.filter((f) =>
    /^coaches-\d{4}-(applications|approved|rejected|started|completed)$/.test(f.id),
  );
  expect(counts.length).toBe(15);
  return Object.fromEntries(counts.map((f) => [f.id, Number(f.computedValue)]));
}

describe('import of organisations, applications and stage events', () => {
  let orgRun: Run;
  let appRun: Run;
  let eventRun: Run;
  let funnelBefore: Record<string, number>;
  let asOfBefore: Record<string, number>;
  let funnelAfter: Record<string, number>;

  it('dry-runs an organisations CSV: a report per row, nothing written', async () => {
    orgRun = await dryRun('ORGANISATIONS', 'organisaties.csv', fx.organisationsCsv());
    expect(orgRun.format).toBe('CSV');
    // Dutch headers, semicolons: mapped from the headers alone.
    expect(orgRun.mapping).toContainEqual({ field: 'kboNumber', column: 'KBO-nummer' });
    expect(orgRun.preview[0]![0]).toBe(fx.kbo(1));
    expect(orgRun.rowsTotal).toBe(8);
    expect(codesByRow(orgRun)).toEqual(['7:INVALID_KBO', '8:DUPLICATE_ROW', '9:INVALID_VALUE']);
    expect(orgRun.createdCount).toBe(5);
    expect(orgRun.rowsInvalid).toBe(3);
    expect(await countOrgs()).toBe(0);

    const report = await fetch(`${server.url}/api/imports/${orgRun.id}/report.csv`, {
      headers: { cookie: manager },
    });
    expect(report.status).toBe(200);
    const text = await report.text();
    expect(text.split('\n')[0]).toContain('row,field,code,message');
    expect(text).toContain('7,kboNumber,INVALID_KBO');
  });

  it('confirms: valid rows are written with their provenance', async () => {
    const done = await confirm(orgRun.id);
    expect(done.createdCount).toBe(5);
    expect(await countOrgs()).toBe(5);
    const [prov] = await server.dataSource.query(
      `SELECT r.file_name, r.row_number, r.import_id, u.email, o.size_class, o.name
         FROM import_record r JOIN organisation o ON o.id::text = r.entity_id JOIN app_user u ON u.id = r.imported_by
        WHERE r.kind = 'ORGANISATIONS' AND r.source_key = $1`,
      [fx.kbo(1)],
    );
    expect(prov).toMatchObject({
      file_name: 'organisaties.csv',
      row_number: 2,
      import_id: orgRun.id,
      email: DEMO.manager,
      size_class: 'SMALL',
    });
  });

  it('imports an applications XLSX with bad rows', async () => {
    appRun = await dryRun('APPLICATIONS', 'aanvragen.xlsx', await xlsxOf(fx.applicationsRows));
    expect(appRun.format).toBe('XLSX');
    expect(codesByRow(appRun)).toEqual([
      '7:UNKNOWN_PROGRAMME',
      '8:UNKNOWN_EDITION',
      '9:UNKNOWN_ORGANISATION',
      '10:DUPLICATE_ROW',
    ]);
    expect(appRun.createdCount).toBe(5);
    const done = await confirm(appRun.id);
    expect(done.createdCount).toBe(5);
    const [group] = await server.dataSource.query(
      `SELECT a.registration_type::text AS type, a.company_count,
              (SELECT count(*)::int FROM application_member m WHERE m.application_id = a.id) AS members
         FROM application a JOIN import_record r ON r.entity_id = a.id::text AND r.kind = 'APPLICATIONS'
        WHERE r.source_key = $1`,
      [fx.ref(5)],
    );
    expect(group).toEqual({ type: 'GROUP', company_count: 2, members: 2 });
  });

  it('checks stage events against the stage rules, then feeds the funnel', async () => {
    const figuresBefore = await coachingFigures();
    funnelBefore = await coaching2018();
    asOfBefore = await coaching2018('2018-03-15');
    eventRun = await dryRun('STAGE_EVENTS', 'fasen.csv', fx.eventsCsv);
    expect(codesByRow(eventRun)).toEqual([
      '9:STAGE_SKIPPED',
      '10:DATE_OUTSIDE_EDITION',
      '11:DUPLICATE_ROW',
      '12:UNKNOWN_STAGE',
      '14:DATE_OUT_OF_ORDER',
      '15:UNKNOWN_APPLICATION',
    ]);
    expect(eventRun.createdCount).toBe(8);
    expect(await eventsOf()).toEqual([]);

    await confirm(eventRun.id);
    expect((await eventsOf()).length).toBe(8);
    // The projection trigger ran, as for portal events.
    const [progress] = await server.dataSource.query(
      `SELECT a.stage4_at IS NOT NULL AS completed, a.version FROM application a
         JOIN import_record r ON r.entity_id = a.id::text AND r.kind = 'APPLICATIONS' WHERE r.source_key = $1`,
      [fx.ref(1)],
    );
    expect(progress.completed).toBe(true);
    // The import asked for a rollup rebuild; run it, then the funnels include the events.
    const queued = await JobQueue.for(server.dataSource).jobs(ROLLUP_REFRESH_JOB, 'created');
    expect(queued.length).toBeGreaterThan(0);
    await JobQueue.for(server.dataSource).runUntilIdle({
      names: [ROLLUP_REFRESH_JOB],
      ignoreStartAfter: true,
    });
    const after = await coaching2018();
    funnelAfter = after;
    expect(after.APPLIED! - funnelBefore.APPLIED!).toBe(3);
    expect(after.APPROVED! - funnelBefore.APPROVED!).toBe(1);
    expect(after.STARTED! - funnelBefore.STARTED!).toBe(1);
    expect(after.COMPLETED! - funnelBefore.COMPLETED!).toBe(1);
    expect(after.REJECTED! - funnelBefore.REJECTED!).toBe(1);
    // "As of" mid-March 2018: applied (3) and approved (1), not yet started or completed.
    const asOf = await coaching2018('2018-03-15');
    expect(asOf.APPLIED! - asOfBefore.APPLIED!).toBe(3);
    expect(asOf.APPROVED! - asOfBefore.APPROVED!).toBe(1);
    expect(asOf.STARTED! - asOfBefore.STARTED!).toBe(0);
    // The published-figures reconciliation computes from the imported events too: the coaching
    // answer's cumulative counts "through 2018-12-31" and "through 2019-07-31" each grow by the
    // imported 2018 applications (3 applied, 1 approved, 1 rejected, 1 started, 1 completed);
    // "through 2017-12-31" does not (the one 2017 event was refused as outside the edition).
    const figuresAfter = await coachingFigures();
    const growth = (year: number) =>
      Object.fromEntries(
        ['applications', 'approved', 'rejected', 'started', 'completed'].map((metric) => {
          const id = `coaches-${year}-${metric}`;
          return [metric, figuresAfter[id]! - figuresBefore[id]!];
        }),
      );
    const imported = { applications: 3, approved: 1, rejected: 1, started: 1, completed: 1 };
    expect(growth(2018)).toEqual(imported);
    expect(growth(2019)).toEqual(imported);
    expect(growth(2017)).toEqual({
      applications: 0,
      approved: 0,
      rejected: 0,
      started: 0,
      completed: 0,
    });
  });

  it('re-importing the same files changes nothing', async () => {
    const eventsBefore = await eventsOf();
    const files: [string, string, Buffer | string, number][] = [
      ['ORGANISATIONS', 'organisaties.csv', fx.organisationsCsv(), 5],
      ['APPLICATIONS', 'aanvragen.xlsx', await xlsxOf(fx.applicationsRows), 5],
      ['STAGE_EVENTS', 'fasen.csv', fx.eventsCsv, 8],
    ];
    for (const [kind, name, bytes, valid] of files) {
      const run = await dryRun(kind, name, bytes);
      const done = await confirm(run.id);
      expect({
        kind,
        created: done.createdCount,
        updated: done.updatedCount,
        unchanged: done.unchangedCount,
      }).toEqual({
        kind,
        created: 0,
        updated: 0,
        unchanged: valid,
      });
    }
    expect(await countOrgs()).toBe(5);
    expect(await eventsOf()).toEqual(eventsBefore);
    // Nothing changed, so the funnel answers as after the first import.
    expect(await coaching2018()).toEqual(funnelAfter);
  });

  it('a corrected file updates only what changed', async () => {
    const run = await dryRun('ORGANISATIONS', 'organisaties-v2.csv', fx.organisationsCsv(75));
    expect([run.createdCount, run.updatedCount, run.unchangedCount]).toEqual([0, 1, 4]);
    const done = await confirm(run.id);
    expect(done.updatedCount).toBe(1);
    const [org] = await server.dataSource.query(
      `SELECT o.employee_count, o.size_class::text AS size_class, r.file_name, r.import_id,
              (SELECT count(*)::int FROM organisation_profile_change c WHERE c.organisation_id = o.id) AS changes
         FROM organisation o JOIN import_record r ON r.entity_id = o.id::text AND r.kind = 'ORGANISATIONS'
        WHERE o.kbo_number = $1`,
      [fx.kbo(1)],
    );
    expect(org).toEqual({
      employee_count: 75,
      size_class: 'MEDIUM',
      file_name: 'organisaties-v2.csv',
      import_id: run.id,
      changes: 1,
    });
  });

  it('exports the three tables in the import layout (round trip, CSV and XLSX)', async () => {
    for (const [file, kind] of [
      ['applications.xlsx', 'APPLICATIONS'],
      ['stage-events.csv', 'STAGE_EVENTS'],
    ] as const) {
      const res = await fetch(`${server.url}/api/exports/${file}`, {
        headers: { cookie: manager },
      });
      expect(res.status).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      const run = await dryRun(kind, file, bytes);
      expect(run.issueCount, JSON.stringify(run.issues.slice(0, 3))).toBe(0);
      expect(run.createdCount + run.updatedCount).toBe(0);
      expect(run.unchangedCount).toBeGreaterThan(300);
    }
    const orgs = await fetch(`${server.url}/api/exports/organisations.xlsx`, {
      headers: { cookie: manager },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await orgs.arrayBuffer()) as never);
    const header = workbook.worksheets[0]!.getRow(1).values as string[];
    expect(header.slice(1, 3)).toEqual(['kboNumber', 'name']);
  });
});

describe('saved column mappings', () => {
  const SAVE = `mutation ($input: SaveImportMappingInput!) { saveImportMapping(input: $input) { id name } }`;
  const MAPPINGS = `query ($kind: ImportKind!) { importMappings(kind: $kind) { id name columns { field column } } }`;
  const START = `mutation ($id: ID!, $columns: [ImportColumnInput!]) {
    startImportDryRun(id: $id, columns: $columns) { status } }`;
  // Headers of an accounting package's export: none is one the import recognises by itself.
  const header = 'Firma;Ondernemingsnr. (KBO);Personeel;Vorm';
  const file = (rows: [number, string, number][]) =>
    [
      header,
      ...rows.map(([i, name, staff]) => `${name} ${seed};${fz.kbo(i)};${staff};COMPANY`),
    ].join('\n');

  it('a mapping saved for one file is found again and validates a second file', async () => {
    const name = `Boekhouding ${seed}`;
    const columns = [
      { field: 'kboNumber', column: 'Ondernemingsnr. (KBO)' },
      { field: 'name', column: 'Firma' },
      { field: 'employeeCount', column: 'Personeel' },
      { field: 'kind', column: 'Vorm' },
    ];
    await gql(SAVE, { input: { name, kind: 'ORGANISATIONS', columns } });

    // The second file: the guessed mapping cannot validate it.
    const up = await upload(
      'ORGANISATIONS',
      'boekhouding-2.csv',
      file([
        [4, 'Import Zaak', 7],
        [5, 'Import Atelier', 40],
      ]),
    );
    expect(up.status).toBe(201);
    const unmapped = await server.gql(START, { id: up.body.id }, { cookie: manager });
    expect(unmapped.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'columns',
    });

    // The saved mapping, as the page lists it, validates it.
    const { importMappings } = await gql<{
      importMappings: { name: string; columns: { field: string; column: string }[] }[];
    }>(MAPPINGS, { kind: 'ORGANISATIONS' });
    const saved = importMappings.find((m) => m.name === name);
    expect(saved?.columns).toEqual(expect.arrayContaining(columns));
    expect(saved?.columns).toHaveLength(columns.length);
    await gql(START, { id: up.body.id, columns: saved!.columns });
    await runJobs();
    const run = await fetchRun(up.body.id!);
    expect(run.status).toBe('VALIDATED');
    expect(run.issues).toEqual([]);
    expect(run.createdCount + run.updatedCount + run.unchangedCount).toBe(2);
    expect(run.mapping).toEqual(expect.arrayContaining(columns));
    const done = await confirm(run.id);
    expect(done.rowsInvalid).toBe(0);
    const [org] = await server.dataSource.query(
      'SELECT name, employee_count FROM organisation WHERE kbo_number = $1',
      [fz.kbo(5)],
    );
    expect(org).toEqual({ name: `Import Atelier ${seed}`, employee_count: 40 });
  });
});

describe('text PostgreSQL cannot store (NUL, lone surrogates)', () => {
  const orgsWith = async (kbos: string[]) =>
    Number(
      (
        await server.dataSource.query(
          'SELECT count(*) FROM organisation WHERE kbo_number = ANY($1)',
          [kbos],
        )
      )[0].count,
    );

  it('a NUL after 100 KB of a CSV makes its row an issue of the report, not a failed job', async () => {
    const header = 'KBO-nummer;Naam;Soort;Opmerking';
    // Row 2 pads the file past the first 64 KB that are sniffed for binary content.
    const rows = [
      header,
      `${fz.kbo(1)};Import Vulling ${seed};COMPANY;${'x'.repeat(110 * 1024)}`,
      `${fz.kbo(2)};Import Nul\u0000Byte ${seed};COMPANY;`,
      `${fz.kbo(3)};Import Na de nul ${seed};COMPANY;`,
    ];
    const csv = rows.join('\n');
    expect(csv.indexOf('\u0000')).toBeGreaterThan(100 * 1024);
    const run = await dryRun('ORGANISATIONS', 'nul-diep.csv', csv);
    expect(run.issues).toEqual([
      {
        row: 3,
        field: 'name',
        code: 'UNSTORABLE_TEXT',
        message: expect.stringContaining('NUL'),
      },
    ]);
    expect(run.rowsInvalid).toBe(1);
    expect(run.createdCount + run.updatedCount + run.unchangedCount).toBe(2);
    const done = await confirm(run.id);
    expect(done.rowsInvalid).toBe(1);
    // The refused row wrote nothing; the rows around it were imported.
    expect(await orgsWith([fz.kbo(2)])).toBe(0);
    expect(await orgsWith([fz.kbo(1), fz.kbo(3)])).toBe(2);
  });

  it('an XLSX cell with a NUL (Excel writes _x0000_) or a lone surrogate: row issues, preview shown', async () => {
    const header = fx.applicationsRows[0]!;
    const row = (reference: string) => [
      reference,
      fz.kbo(1),
      'gezondheidscoaches',
      '2018',
      '',
      'INDIVIDUAL',
      '',
    ];
    const bytes = await xlsxOf([
      header,
      row(`Z${seed}-nul_x0000_1`),
      row(`Z${seed}-ok`),
      [
        `Z${seed}-half`,
        fz.kbo(1),
        'gezondheidscoaches',
        '2018',
        'web_xD800_site',
        'INDIVIDUAL',
        '',
      ],
    ]);
    const run = await dryRun('APPLICATIONS', 'nul-cel.xlsx', bytes);
    // The preview shows the cell (with a replacement character) instead of failing the upload.
    expect(run.preview[0]![0]).toBe(`Z${seed}-nul\uFFFD1`);
    expect(run.issues.map((i) => [i.row, i.field, i.code])).toEqual([
      [2, 'reference', 'UNSTORABLE_TEXT'],
      [4, 'channelKey', 'UNSTORABLE_TEXT'],
    ]);
    expect(run.issues[1]!.message).toContain('lone surrogate');
    expect(run.rowsInvalid).toBe(2);
    expect(run.createdCount).toBe(1);
  });

  it('a file name or a column name with a NUL is refused with a typed 400, nothing stored', async () => {
    const runs = Number(
      (await server.dataSource.query('SELECT count(*) FROM import_run'))[0].count,
    );
    // Encoded (RFC 5987), the NUL reaches the file name; raw, the multipart parser refuses it.
    const encoded = await uploadLarge(
      'ORGANISATIONS',
      "filename*=UTF-8''lijst%00.csv",
      Buffer.from(fx.organisationsCsv()),
    );
    expect(encoded).toMatchObject({
      status: 400,
      body: { error: { code: 'BAD_USER_INPUT', field: 'file.name', problem: 'NUL' } },
    });
    const raw = await upload('ORGANISATIONS', 'lijst\u0000.csv', fx.organisationsCsv());
    expect(raw).toMatchObject({
      status: 400,
      body: { error: { code: 'BAD_USER_INPUT', field: 'file' } },
    });
    const header = await upload('APPLICATIONS', 'kolom.xlsx', await xlsxOf([['refe_x0000_rence']]));
    expect(header).toMatchObject({ status: 415, body: { error: { code: 'ENCODING' } } });
    expect(
      Number((await server.dataSource.query('SELECT count(*) FROM import_run'))[0].count),
    ).toBe(runs);
    // Any other name is kept as given (accents, punctuation), not rewritten.
    const accented = await upload('ORGANISATIONS', 'Lijst één & twee (v2).csv', 'kboNumber;name\n');
    expect(accented.status).toBe(201);
    expect((await fetchRun(accented.body.id!)).fileName).toBe('Lijst één & twee (v2).csv');
  });
});

describe('files that are not importable', () => {
  const importCount = async () =>
    Number((await server.dataSource.query('SELECT count(*) FROM import_run'))[0].count);

  it('refuses wrong encoding, non-spreadsheets and 50 MB with a typed error and stores nothing', async () => {
    const runs = await importCount();
    const latin1 = Buffer.from('Naam;KBO-nummer\nCaf\xe9 De Kroon;0403170701\n', 'latin1');
    expect(await upload('ORGANISATIONS', 'latin1.csv', latin1)).toMatchObject({
      status: 415,
      body: { error: { code: 'ENCODING' } },
    });
    const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n', 'latin1');
    expect(await upload('ORGANISATIONS', 'lijst.xlsx', pdf)).toMatchObject({
      status: 415,
      body: { error: { code: 'NOT_A_SPREADSHEET' } },
    });
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, ...new Array(60).fill(0)]);
    expect((await upload('ORGANISATIONS', 'kapot.xlsx', zip)).status).toBe(415);
    const big = Buffer.alloc(50 * 1024 * 1024, 'a');
    expect(await uploadLarge('ORGANISATIONS', 'groot.csv', big)).toMatchObject({
      status: 413,
      body: { error: { code: 'TOO_LARGE' } },
    });
    expect(await importCount()).toBe(runs);
  });

  it('only managers and admins upload; others see no import', async () => {
    const participant = (await server.signIn(DEMO.participant)).cookie;
    expect((await upload('ORGANISATIONS', 'x.csv', 'kboNumber,name\n', participant)).status).toBe(
      403,
    );
    const res = await server.gql(
      RUN,
      { id: '00000000-0000-4000-8000-000000000000' },
      { cookie: analyst },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
