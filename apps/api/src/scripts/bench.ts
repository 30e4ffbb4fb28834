/**
 * Analytics benchmark: 1,000,000 applications (with their events, members and companies) from the
 * dataset generator's scale factor in a real PostgreSQL, the HTTP API in front of it, and the
 * latency of `funnel` (one breakdown) and `cohortComparison` through HTTP GraphQL next to the same
 * statements run as plain SQL through `pg`.
 *
 *   node dist/scripts/bench.js [--applications 1000000] [--runs 200] [--warmup 50] [--out BENCHMARK.md]
 *                              [--reuse]  (with DATABASE_URL: keep a dataset loaded by an earlier run)
 *                              [--baseline OLD.md]  (a BENCHMARK.md of an earlier build: adds a
 *                                                    before → after table of the same queries)
 *
 * DATABASE_URL: use that PostgreSQL (its data are replaced). Otherwise a throwaway PostgreSQL 15
 * is started from /usr/lib/postgresql/15/bin (or PG_BIN) with its data under /tmp, as the
 * `postgres` user when run as root, and removed afterwards.
 */
// Measured as the start command runs it: libraries in production mode.
import '../node-env.js';
import 'reflect-metadata';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { percentile } from '@werkgezond/domain';
import pg from 'pg';
import { pino } from 'pino';
import { createDataSource } from '../database/data-source.js';
import { loadDemoUsers } from '../database/dataset/demo-users.js';
import { generateBase } from '../database/dataset/generator.js';
import { loadDataset } from '../database/dataset/loader.js';
import { CohortService } from '../modules/analytics/cohort.service.js';
import type { FunnelQuery } from '../modules/analytics/funnel.model.js';
import { FunnelService } from '../modules/analytics/funnel.service.js';
import type { Statement } from '../modules/analytics/funnel.sql.js';
import { RollupService } from '../modules/analytics/rollup.service.js';
import { createApp } from '../server.js';

const { values: args } = parseArgs({
  options: {
    applications: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '50' },
    'live-runs': { type: 'string', default: '20' },
    // With DATABASE_URL: keep the data already there when it holds enough applications.
    reuse: { type: 'boolean', default: false },
    baseline: { type: 'string' },
    out: { type: 'string', default: resolve(import.meta.dirname, '../../BENCHMARK.md') },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  console.log(
    readFileSync(new URL(import.meta.url))
      .toString()
      .split('*/')[0],
  );
  process.exit(0);
}
const TARGET_APPLICATIONS = Number(args.applications);
const RUNS = Number(args.runs);
const WARMUP = Number(args.warmup);
const LIVE_RUNS = Number(args['live-runs']);
const ANALYST = 'analist@demo.werkgezond.be';
const PASSWORD = 'werkgezond-demo';

const log = (message: string) => console.log(`[bench] ${message}`);

// ------------------------------------------------------------------------------------------------
// A throwaway PostgreSQL 15

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => done(port));
    });
  });
}

interface Postgres {
  url: string;
  version: string;
  stop(): void;
}

async function startPostgres(): Promise<Postgres> {
  const bin = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
  for (const tool of ['initdb', 'pg_ctl', 'postgres']) {
    if (!existsSync(join(bin, tool))) {
      throw new Error(
        `PostgreSQL 15 binaries not found (${join(bin, tool)} is missing). Install them ` +
          '(apt-get install postgresql-15), point PG_BIN at them, or set DATABASE_URL to a PostgreSQL 15+ server.',
      );
    }
  }
  const dir = mkdtempSync('/tmp/werkgezond-bench-');
  const data = join(dir, 'data');
  const root = process.getuid?.() === 0;
  // initdb refuses to run as root: use the postgres system user, which must own the directory.
  const asUser = (cmd: string, cmdArgs: string[]) =>
    (root ? ['runuser', ['-u', 'postgres', '--', cmd, ...cmdArgs]] : [cmd, cmdArgs]) as [
      string,
      string[],
    ];
  if (root) execFileSync('chown', ['postgres', dir]);
  const run = (cmd: string, cmdArgs: string[]) => {
    const [c, a] = asUser(cmd, cmdArgs);
    const r = spawnSync(c, a, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
    return r.stdout;
  };
  const port = await freePort();
  run(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c shared_buffers=1GB',
    '-c work_mem=64MB',
    '-c maintenance_work_mem=512MB',
    '-c max_wal_size=8GB',
    // A throwaway benchmark database: durability is not measured here.
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
  ].join(' ');
  run(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-o',
    settings,
    '-l',
    join(dir, 'server.log'),
    '-w',
    'start',
  ]);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const version = run(join(bin, 'postgres'), ['--version']).trim();
  return {
    url,
    version,
    stop() {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

// ------------------------------------------------------------------------------------------------
// Measuring

interface Timing {
  median: number;
  p95: number;
  runs: number;
}

async function measure(runs: number, warmup: number, fn: () => Promise<void>): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return { median: percentile(times, 0.5) ?? 0, p95: percentile(times, 0.95) ?? 0, runs };
}

/**
 * Times several sides in alternating batches of 10 (A×10, B×10, A×10, …), so that a change in the
 * machine's load during the run falls on every side alike.
 */
async function measureAlternately(
  runs: number,
  warmup: number,
  sides: (() => Promise<void>)[],
): Promise<Timing[]> {
  for (const fn of sides) for (let i = 0; i < warmup; i++) await fn();
  const times = sides.map(() => [] as number[]);
  for (let done = 0; done < runs; done += 10) {
    for (let s = 0; s < sides.length; s++) {
      for (let i = done; i < Math.min(runs, done + 10); i++) {
        const t0 = performance.now();
        await sides[s]!();
        times[s]!.push(performance.now() - t0);
      }
    }
  }
  return times.map((t) => ({
    median: percentile(t, 0.5) ?? 0,
    p95: percentile(t, 0.95) ?? 0,
    runs,
  }));
}

const FUNNEL_QUERY = `query ($input: FunnelInput!) {
  funnel(input: $input) {
    programmeKey unit asOf computedFrom units
    steps { stage label count dropOff exited inProgress medianDaysFromPrevious p90DaysFromPrevious
            fromPrevious { value lower upper } fromFirst { value lower upper } }
    exits { stage label count reasons { reason label count share } }
    groups { key { dimension key label } units
             steps { stage count dropOff exited inProgress medianDaysFromPrevious p90DaysFromPrevious
                     fromPrevious { value lower upper } fromFirst { value lower upper } }
             exits { stage count reasons { reason count } } }
  }
}`;

const COHORT_QUERY = `query ($input: CohortComparisonInput!) {
  cohortComparison(input: $input) {
    baseline
    cohorts { label units computedFrom steps { stage count fromPrevious { value lower upper } }
              comparisons { stage fromPrevious { difference pValue test tooSmall }
                            fromFirst { difference pValue test tooSmall } } }
  }
}`;

interface Scenario {
  name: string;
  kind: 'funnel' | 'cohort';
  input: Record<string, unknown>;
  runs: number;
  warmup: number;
}

const fmt = (ms: number) => ms.toFixed(1);
const loads = (l: number[]) => l.map((x) => x.toFixed(1)).join(' / ');

interface TableRow {
  apiMedian: number;
  apiP95: number;
  sqlMedian: number;
  sqlP95: number;
}

/** The result rows of an earlier BENCHMARK.md, by query name. */
function readBaseline(file: string): Map<string, TableRow> {
  const out = new Map<string, TableRow>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // | name | source | runs | API median | API p95 | SQL median | SQL p95 | ratio | ratio |
    if (cells.length !== 11 || !/^\d+$/.test(cells[3] ?? '')) continue;
    const [apiMedian, apiP95, sqlMedian, sqlP95] = cells.slice(4, 8).map(Number);
    out.set(cells[1]!, {
      apiMedian: apiMedian!,
      apiP95: apiP95!,
      sqlMedian: sqlMedian!,
      sqlP95: sqlP95!,
    });
  }
  return out;
}

/**
 * Issue #16's goal for the funnel: API p95 at most 1.5 × the plain SQL's p95 or at most 3 ms
 * above it, whichever allows more.
 */
const funnelGoal = (r: TableRow) => {
  const limit = Math.max(1.5 * r.sqlP95, r.sqlP95 + 3);
  return { limit, met: r.apiP95 <= limit };
};

async function main() {
  const started = performance.now();
  const postgres = process.env.DATABASE_URL ? null : await startPostgres();
  const url = process.env.DATABASE_URL ?? postgres!.url;
  const cleanup = () => postgres?.stop();
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  try {
    const ds = createDataSource({ url, poolSize: 10 });
    await ds.initialize();
    const [{ server_version: serverVersion }] = await ds.query('SHOW server_version');
    log(`PostgreSQL ${serverVersion} at ${url.replace(/\/\/[^@]*@/, '//')}`);
    await ds.runMigrations({ transaction: 'each' });

    const base = generateBase().application.length;
    const scale = TARGET_APPLICATIONS / base;
    const [{ n: present }] = await ds.query('SELECT count(*)::int AS n FROM application');
    let loadMs = 0;
    if (args.reuse && process.env.DATABASE_URL && present >= TARGET_APPLICATIONS) {
      log(`reusing the ${present.toLocaleString('en-US')} applications already loaded`);
    } else {
      log(
        `loading the dataset at scale ${scale.toFixed(2)} (${base} bundled applications → ${TARGET_APPLICATIONS})…`,
      );
      const load = await loadDataset(ds, { scale, log: (m) => log(`  ${m}`) });
      await loadDemoUsers(ds);
      loadMs = load.ms;
      log(
        `loaded ${load.counts.application.toLocaleString('en-US')} applications, ${load.counts.application_event.toLocaleString('en-US')} events in ${(load.ms / 1000).toFixed(1)} s`,
      );
    }

    const rollup = await new RollupService(ds).refresh({ wait: true });
    log(
      `rollup built in ${(rollup.ms / 1000).toFixed(1)} s (${rollup.cells} cells, ${rollup.lags} histogram rows)`,
    );
    await ds.query('ANALYZE analytics_funnel_cell');
    await ds.query('ANALYZE analytics_funnel_lag');

    const { httpServer } = await createApp({
      dataSource: ds,
      logger: pino({ level: 'silent' }),
      attachmentDir: join('/tmp', `werkgezond-bench-attachments-${process.pid}`),
    });
    await new Promise<void>((done) => httpServer.listen(0, '127.0.0.1', done));
    const endpoint = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/graphql`;
    const signIn = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($input: SignInInput!) { signIn(input: $input) { id } }',
        variables: { input: { email: ANALYST, password: PASSWORD } },
      }),
    });
    const cookie = signIn.headers.get('set-cookie')?.split(';')[0];
    if (!cookie) throw new Error(`could not sign in as ${ANALYST}: ${await signIn.text()}`);
    const gql = async (query: string, variables: Record<string, unknown>) => {
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as {
        data?: Record<string, { computedFrom?: string }>;
        errors?: unknown;
      };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data!;
    };

    const plain = new pg.Pool({ connectionString: url, max: 10 });
    // As the service sends them: a named statement is prepared (once per connection).
    const send = (s: Statement) =>
      s.name
        ? plain.query({ name: s.name, text: s.sql, values: s.params })
        : plain.query(s.sql, s.params);
    const runPlain = async (meta: Statement, mains: Statement[]) => {
      await send(meta);
      await Promise.all(mains.map(send));
    };

    const cohorts = {
      programmeKey: 'gezondheidscoaches',
      cohorts: [
        { label: '2018', filter: { editions: [2018] } },
        { label: '2019', filter: { editions: [2019] } },
        { label: 'Prebes', filter: { channels: ['prebes'] } },
      ],
      baseline: '2018',
    };
    const scenarios: Scenario[] = [
      {
        name: 'funnel, breakdown CHANNEL',
        kind: 'funnel',
        input: { programmeKey: 'gezondheidscoaches', breakdownBy: ['CHANNEL'] },
        runs: RUNS,
        warmup: WARMUP,
      },
      {
        name: 'cohortComparison, 3 cohorts',
        kind: 'cohort',
        input: cohorts,
        runs: RUNS,
        warmup: WARMUP,
      },
      {
        name: 'funnel, breakdown SIZE_CLASS, unit COMPANIES',
        kind: 'funnel',
        input: {
          programmeKey: 'gezondheidscoaches',
          breakdownBy: ['SIZE_CLASS'],
          unit: 'COMPANIES',
        },
        runs: RUNS,
        warmup: WARMUP,
      },
      {
        name: 'funnel, breakdown CHANNEL, asOf 2018-12-31 (live)',
        kind: 'funnel',
        input: { programmeKey: 'gezondheidscoaches', breakdownBy: ['CHANNEL'], asOf: '2018-12-31' },
        runs: LIVE_RUNS,
        warmup: 3,
      },
      {
        name: 'funnel, breakdown CHANNEL × SIZE_CLASS (live)',
        kind: 'funnel',
        input: { programmeKey: 'gezondheidscoaches', breakdownBy: ['CHANNEL', 'SIZE_CLASS'] },
        runs: LIVE_RUNS,
        warmup: 3,
      },
    ];

    const responseKb = (
      JSON.stringify(
        await gql(FUNNEL_QUERY, {
          input: { programmeKey: 'gezondheidscoaches', breakdownBy: ['CHANNEL'] },
        }),
      ).length / 1024
    ).toFixed(0);
    const loadAtStart = loadavg();
    // The floor of any signed-in request: HTTP, session lookup, GraphQL, JSON; no analytics.
    const floor = await measure(RUNS, WARMUP, async () => {
      await gql('{ viewer { id } }', {});
    });
    log(
      `signed-in { viewer { id } } round trip: median ${fmt(floor.median)} ms, p95 ${fmt(floor.p95)} ms`,
    );
    const rows: string[] = [];
    const results: { scenario: Scenario; source: string; api: Timing; sql: Timing }[] = [];
    for (const scenario of scenarios) {
      let source: string;
      let meta: Statement;
      let mains: Statement[];
      if (scenario.kind === 'funnel') {
        const s = await new FunnelService(ds).statements(scenario.input as unknown as FunnelQuery);
        meta = s.meta;
        mains = s.main ? [s.main] : [];
        source = s.source;
      } else {
        const s = await new CohortService(ds).statements(scenario.input as never);
        meta = s.meta;
        mains = s.mains;
        const probe = await gql(COHORT_QUERY, { input: scenario.input });
        source = [
          ...new Set(
            (
              probe.cohortComparison as unknown as { cohorts: { computedFrom: string }[] }
            ).cohorts.map((c) => c.computedFrom),
          ),
        ].join('+');
      }
      const query = scenario.kind === 'funnel' ? FUNNEL_QUERY : COHORT_QUERY;
      if (scenario.kind === 'funnel') {
        const probe = await gql(query, { input: scenario.input });
        if (probe.funnel?.computedFrom !== source) {
          throw new Error(
            `${scenario.name}: the API answered from ${probe.funnel?.computedFrom}, the plan said ${source}`,
          );
        }
      }
      log(
        `${scenario.name} [${source}]: ${scenario.warmup} warm-up + ${scenario.runs} runs each side…`,
      );
      const [api, sql] = (await measureAlternately(scenario.runs, scenario.warmup, [
        async () => {
          await gql(query, { input: scenario.input });
        },
        () => runPlain(meta, mains),
      ])) as [Timing, Timing];
      results.push({ scenario, source, api, sql });
      const row = `| ${scenario.name} | ${source} | ${scenario.runs} | ${fmt(api.median)} | ${fmt(api.p95)} | ${fmt(sql.median)} | ${fmt(sql.p95)} | ${(api.median / sql.median).toFixed(2)}× | ${(api.p95 / sql.p95).toFixed(2)}× |`;
      rows.push(row);
      log(row);
    }
    await plain.end();
    await new Promise<void>((done) => httpServer.close(() => done()));

    const counts = await ds.query(
      `SELECT (SELECT count(*) FROM application)::int AS applications,
              (SELECT count(*) FROM application_event)::int AS events,
              (SELECT count(*) FROM application_member)::int AS members,
              (SELECT count(*) FROM organisation)::int AS organisations,
              (SELECT count(*) FROM application a JOIN programme p ON p.id = a.programme_id
                WHERE p.key = 'gezondheidscoaches')::int AS coaching`,
    );
    await ds.destroy();

    const header =
      '| query | answered from | runs | API median (ms) | API p95 (ms) | plain SQL median (ms) | plain SQL p95 (ms) | ratio median | ratio p95 |\n' +
      '|---|---|---:|---:|---:|---:|---:|---:|---:|';
    const table = `${header}\n${rows.join('\n')}`;
    console.log(`\n${table}\n`);
    const funnel = results[0]!;
    const verdict = `Target (funnel with one breakdown): p95 ≤ 150 ms and ≤ 1.3× plain SQL. Measured: p95 ${fmt(funnel.api.p95)} ms, ${(funnel.api.p95 / funnel.sql.p95).toFixed(2)}× plain SQL (median ${(funnel.api.median / funnel.sql.median).toFixed(2)}×).`;
    const overhead = funnel.api.median - funnel.sql.median;
    const ratioNote = `Reading the ratio: the rollup statement takes ${fmt(funnel.sql.median)} ms, so 1.3× would leave ${fmt(0.3 * funnel.sql.median)} ms for everything else, less than the ${fmt(floor.median)} ms any signed-in request costs before it reaches the analytics. The API adds ${fmt(overhead)} ms (median) to the statements: the request floor, GraphQL execution of a ${responseKb} kB answer, and the assembly of steps, intervals and groups in Node. Where the SQL dominates (the live rows), the API is within ${Math.max(...results.slice(3).map((r) => r.api.median / r.sql.median)).toFixed(2)}× of plain SQL.`;
    const floorLine = `For scale: a signed-in \`{ viewer { id } }\` round trip (HTTP, session lookup, GraphQL, JSON, no analytics) takes median ${fmt(floor.median)} ms, p95 ${fmt(floor.p95)} ms on the same server.`;
    const now: TableRow = {
      apiMedian: funnel.api.median,
      apiP95: funnel.api.p95,
      sqlMedian: funnel.sql.median,
      sqlP95: funnel.sql.p95,
    };
    const goal = funnelGoal(now);
    const goalLine = `Issue #16 (funnel p95 ≤ 1.5 × plain SQL or ≤ 3 ms added, whichever is larger): API p95 ${fmt(now.apiP95)} ms against a limit of ${fmt(goal.limit)} ms (plain SQL p95 ${fmt(now.sqlP95)} ms): **${goal.met ? 'met' : 'not met'}**; the API adds ${fmt(now.apiMedian - now.sqlMedian)} ms at the median, ${fmt(now.apiP95 - now.sqlP95)} ms at p95.`;
    let comparison = '';
    if (args.baseline) {
      const before = readBaseline(args.baseline);
      const lines = results.flatMap((r) => {
        const b = before.get(r.scenario.name);
        if (!b) return [];
        const a = {
          apiMedian: r.api.median,
          apiP95: r.api.p95,
          sqlMedian: r.sql.median,
          sqlP95: r.sql.p95,
        };
        const pair = (x: number, y: number) => `${fmt(x)} → ${fmt(y)}`;
        return [
          `| ${r.scenario.name} | ${pair(b.apiMedian, a.apiMedian)} | ${pair(b.apiP95, a.apiP95)} | ${pair(b.sqlMedian, a.sqlMedian)} | ${pair(b.sqlP95, a.sqlP95)} | ${pair(b.apiMedian - b.sqlMedian, a.apiMedian - a.sqlMedian)} |`,
        ];
      });
      comparison = `Before → after (before: \`${args.baseline}\`, an earlier build measured the same way; the machine's load differs between the two runs):

| query | API median (ms) | API p95 (ms) | plain SQL median (ms) | plain SQL p95 (ms) | API − SQL median (ms) |
|---|---:|---:|---:|---:|---:|
${lines.join('\n')}`;
    }
    console.log(verdict);
    console.log(
      `load average ${loads(loadAtStart)} at the start of the measured requests, ${loads(loadavg())} at the end`,
    );
    console.log(goalLine);
    console.log(floorLine);
    console.log(ratioNote);
    if (comparison) console.log(`\n${comparison}\n`);
    const c = counts[0];
    const md = `# Analytics benchmark

Measured with \`pnpm bench\` (\`apps/api/src/scripts/bench.ts\`) on ${new Date().toISOString().slice(0, 10)}.

- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}
- Database: PostgreSQL ${serverVersion}${postgres ? ' (throwaway server started by the script: shared_buffers 1GB, work_mem 64MB, fsync off)' : ' (DATABASE_URL)'}
- Data: the generator at scale ${scale.toFixed(2)}: ${c.applications.toLocaleString('en-US')} applications (${c.coaching.toLocaleString('en-US')} in the coaching programme), ${c.events.toLocaleString('en-US')} events, ${c.members.toLocaleString('en-US')} group members, ${c.organisations.toLocaleString('en-US')} organisations${loadMs ? `; loaded in ${(loadMs / 1000).toFixed(1)} s` : ''}
- Rollup build (one statement, both units, every cuboid): ${(rollup.ms / 1000).toFixed(1)} s, ${rollup.cells.toLocaleString('en-US')} cells and ${rollup.lags.toLocaleString('en-US')} histogram rows
- Each query: warm-up runs, then sequential measured runs, API and plain SQL alternating in batches of 10 (so both see the same load). **API** = HTTP POST /graphql with an analyst session (session lookup, validation, programme metadata, aggregation, assembly, JSON). **Plain SQL** = the same statements the service runs (a funnel without years or filters: one prepared statement that reads the programme and, when the rollup may answer, its cells; otherwise the programme metadata, then the aggregation; the cohort statements in parallel as the service does), built by the same exported builders and sent through \`pg\`.

${table}

${verdict}

${goalLine}

${floorLine}
${comparison ? `\n${comparison}\n` : ''}
${ratioNote}

Other work was running on the machine during the measurement (load average ${loads(loadAtStart)} over 1 / 5 / 15 minutes when the measured requests began, ${loads(loadavg())} at the end), which shows mostly in the p95 columns.

## How the funnel gets there

- \`application\` carries a trigger-maintained projection of its events (first time each step was reached, first exit), so a funnel reads one row per application.
- On top of it a **rollup** (\`analytics_funnel_cell\`, \`analytics_funnel_lag\`): per programme, edition, unit and one dimension, the counts by exit (stage, reason, step at exit) and per step, and histograms of whole days between steps. It is rebuilt by one statement from one snapshot, which it records.
- Statement triggers on every table the funnels read log the writing transaction (\`analytics_change_log\`). A query uses the rollup only when every logged, committed transaction is visible in the rollup's snapshot, the as-of date is after the last event it holds, and at most one dimension besides EDITION is involved. Otherwise it aggregates the applications live (the "live" rows above) and a rebuild is scheduled in the background. Both statements return the same rows; integration tests compare their answers.
`;
    writeFileSync(args.out, md);
    log(`wrote ${args.out} (total ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  } finally {
    cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof Error && process.env.LOG_LEVEL === 'debug') console.error(error.stack);
  process.exitCode = 1;
});
