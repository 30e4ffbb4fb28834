/**
 * Peer benchmark: the Werkgezond API next to PostGraphile v5 on the same PostgreSQL and the same
 * data (the dataset generator at about 1,000,000 applications), with autocannon.
 *
 *   pnpm bench:peers [--applications 1000000] [--duration 20] [--connections 1,32] [--out PEERS.md]
 *
 * DATABASE_URL: use that PostgreSQL; its data are replaced when it holds fewer applications than
 * asked for (the API's seed script), else reused. Without it a throwaway PostgreSQL 15 is started
 * from /usr/lib/postgresql/15/bin (or PG_BIN) under /tmp and removed afterwards.
 *
 * Both servers run as their own Node process with a pg pool of 10. Queries: the list (first 50
 * applications by id with organisation name, programme and current stage) and `{ __typename }`.
 * Werkgezond is asked as the admin (who sees every application, as PostGraphile without row
 * security does), so its figures include the session lookup every signed-in request makes.
 * Each query and connection count runs A B A B (20 s each); the report gives the mean of the two.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { type ListRow, type RunFigures, sameRows, summarise } from './compare.js';
import { type Postgres, startPostgres } from './postgres.js';

const { values: args } = parseArgs({
  options: {
    applications: { type: 'string', default: '1000000' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '1,32' },
    out: { type: 'string', default: resolve(import.meta.dirname, '../PEERS.md') },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  console.log(
    'pnpm bench:peers [--applications N] [--duration S] [--connections 1,32] [--out FILE]',
  );
  process.exit(0);
}
const TARGET = Number(args.applications);
const DURATION = Number(args.duration);
const CONNECTIONS = (args.connections ?? '1,32').split(',').map(Number);
const REPO = resolve(import.meta.dirname, '../../..');
const API_MAIN = resolve(REPO, 'apps/api/dist/main.js');
const SEED = resolve(REPO, 'apps/api/dist/scripts/seed.js');
const BUNDLED_APPLICATIONS = 318;
const ADMIN = 'admin@demo.werkgezond.be';
const PASSWORD = 'werkgezond-demo';
const WERKGEZOND_PORT = Number(process.env.BENCH_WERKGEZOND_PORT ?? 4153);
const POSTGRAPHILE_PORT = Number(process.env.BENCH_POSTGRAPHILE_PORT ?? 4154);

const log = (message: string) => console.log(`[bench:peers] ${message}`);

export const WERKGEZOND_LIST = `{ applications(first: 50, orderBy: ID) { edges { node {
  id organisation { name } programme { key name } currentStage { key label } } } } }`;
export const POSTGRAPHILE_LIST = `{ allApplications(first: 50, orderBy: ROW_ID_ASC) { nodes {
  rowId organisationByOrganisationId { name } programmeByProgrammeId { key name }
  currentStage { key label } } } }`;
const TYPENAME = '{ __typename }';

/**
 * PostGraphile exposes tables, not derived values: the current stage (the exit if any, else the
 * step at the furthest position reached, as the API derives it) is a computed column for it.
 */
const CURRENT_STAGE_FUNCTION = `
CREATE OR REPLACE FUNCTION public.application_current_stage(a public.application)
RETURNS public.stage_definition LANGUAGE sql STABLE AS $$
  SELECT sd.* FROM public.stage_definition sd
   WHERE sd.programme_id = a.programme_id
     AND CASE WHEN a.exit_stage IS NOT NULL THEN sd.kind = 'EXIT' AND sd.key = a.exit_stage
              ELSE sd.kind = 'STEP' AND sd.position = CASE
                WHEN a.stage4_at IS NOT NULL THEN 4 WHEN a.stage3_at IS NOT NULL THEN 3
                WHEN a.stage2_at IS NOT NULL THEN 2 WHEN a.stage1_at IS NOT NULL THEN 1 ELSE 0 END
         END
$$`;

/**
 * Node flags of Werkgezond's start command (a larger young generation: request handling
 * allocates a lot of short-lived objects, and fewer scavenges raised the list's throughput by a
 * quarter or more). Both servers get them, so the comparison is of the servers, not of the flags.
 */
const NODE_FLAGS = ['--max-semi-space-size=64'];

function startServer(name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  // Logs straight into a file: through a pipe the server's synchronous log writes would wait
  // whenever this process (busy running autocannon) is slow to read them.
  const log = openSync(`/tmp/werkgezond-bench-${name}-${process.pid}.log`, 'w');
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  // The dataset and demo accounts are loaded by the seed step, not by the server's start-up.
  delete childEnv.WERKGEZOND_DEMO;
  const child = spawn(process.execPath, [...NODE_FLAGS, script], {
    env: childEnv,
    stdio: ['ignore', log, log],
  });
  child.once('exit', () => closeSync(log));
  return child;
}

async function waitFor(url: string, child: ChildProcess, what: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: TYPENAME }),
      });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what} did not answer within 180 s`);
}

async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: unknown };
  if (body.errors) throw new Error(`${url}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

interface Run extends RunFigures {
  system: string;
  query: string;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function cannon(
  system: string,
  url: string,
  query: string,
  queryName: string,
  connections: number,
  headers: Record<string, string>,
): Promise<Run> {
  const result = await autocannon({
    url,
    method: 'POST',
    connections,
    duration: DURATION,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return {
    system,
    query: queryName,
    connections,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function main() {
  const postgres: Postgres | null = process.env.DATABASE_URL ? null : await startPostgres();
  const url = process.env.DATABASE_URL ?? (postgres as Postgres).url;
  const children: ChildProcess[] = [];
  const cleanup = () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    postgres?.stop();
  };
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  try {
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const [{ server_version: version }] = (await db.query('SHOW server_version')).rows;
    const present = await db
      .query('SELECT count(*)::int AS n FROM application')
      .then((r) => r.rows[0].n as number)
      .catch(() => 0);
    await db.end();
    if (present >= TARGET) {
      log(`reusing the ${present.toLocaleString('en-US')} applications in the database`);
    } else {
      const scale = Math.ceil(TARGET / BUNDLED_APPLICATIONS);
      log(
        `loading the dataset at scale ${scale} (about ${TARGET.toLocaleString('en-US')} applications)…`,
      );
      const seed = spawn(process.execPath, [SEED, '--scale', String(scale)], {
        env: { ...process.env, DATABASE_URL: url, WERKGEZOND_DEMO: '1' },
        stdio: 'inherit',
      });
      const code = await new Promise<number | null>((done) => seed.on('exit', done));
      if (code !== 0) throw new Error(`seeding failed with code ${code}`);
    }
    const fn = new pg.Client({ connectionString: url });
    await fn.connect();
    await fn.query(CURRENT_STAGE_FUNCTION);
    const [{ n: applications }] = (await fn.query('SELECT count(*)::int AS n FROM application'))
      .rows;
    await fn.query('ANALYZE');
    await fn.end();

    const werkgezond = `http://127.0.0.1:${WERKGEZOND_PORT}/graphql`;
    const postgraphile = `http://127.0.0.1:${POSTGRAPHILE_PORT}/graphql`;
    const api = startServer('werkgezond', API_MAIN, {
      PORT: String(WERKGEZOND_PORT),
      HOST: '127.0.0.1',
      DATABASE_URL: url,
      NODE_ENV: 'production',
    });
    children.push(api);
    const peer = startServer(
      'postgraphile',
      resolve(import.meta.dirname, 'postgraphile-server.js'),
      {
        PORT: String(POSTGRAPHILE_PORT),
        DATABASE_URL: url,
        NODE_ENV: 'production',
      },
    );
    children.push(peer);
    await Promise.all([
      waitFor(werkgezond, api, 'the Werkgezond API'),
      waitFor(postgraphile, peer, 'PostGraphile'),
    ]);

    const signIn = await fetch(werkgezond, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($input: SignInInput!) { signIn(input: $input) { id } }',
        variables: { input: { email: ADMIN, password: PASSWORD } },
      }),
    });
    const cookie = signIn.headers.get('set-cookie')?.split(';')[0];
    if (!cookie) throw new Error(`could not sign in as ${ADMIN}: ${await signIn.text()}`);
    const werkgezondHeaders = { cookie };

    // Same rows, or the comparison means nothing.
    const ours = (await post(werkgezond, WERKGEZOND_LIST, werkgezondHeaders)) as {
      applications: { edges: { node: ListRow }[] };
    };
    const theirs = (await post(postgraphile, POSTGRAPHILE_LIST)) as {
      allApplications: {
        nodes: {
          rowId: string;
          organisationByOrganisationId: { name: string };
          programmeByProgrammeId: { key: string; name: string };
          currentStage: { key: string; label: string } | null;
        }[];
      };
    };
    const mismatch = sameRows(
      ours.applications.edges.map((e) => e.node),
      theirs.allApplications.nodes.map((n) => ({
        id: n.rowId,
        organisation: n.organisationByOrganisationId,
        programme: n.programmeByProgrammeId,
        currentStage: n.currentStage,
      })),
    );
    if (mismatch) throw new Error(`the two list queries return different rows: ${mismatch}`);
    log('both list queries return the same 50 rows');

    const runs: Run[] = [];
    for (const [queryName, ourQuery, theirQuery] of [
      ['list', WERKGEZOND_LIST, POSTGRAPHILE_LIST],
      ['__typename', TYPENAME, TYPENAME],
    ] as const) {
      for (const connections of CONNECTIONS) {
        // Warm both (JIT, plans, pools) before anything is measured.
        await cannon('warm-up', werkgezond, ourQuery, queryName, connections, werkgezondHeaders);
        await cannon('warm-up', postgraphile, theirQuery, queryName, connections, {});
        for (let round = 0; round < 2; round++) {
          for (const [system, endpoint, query, headers] of [
            ['Werkgezond', werkgezond, ourQuery, werkgezondHeaders],
            ['PostGraphile', postgraphile, theirQuery, {}],
          ] as const) {
            const run = await cannon(system, endpoint, query, queryName, connections, headers);
            log(
              `${queryName} × ${connections}: ${system} ${run.requestsPerSecond.toFixed(0)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms${run.non2xx || run.errors ? `, ${run.non2xx} non-2xx, ${run.errors} errors` : ''}`,
            );
            runs.push(run);
          }
        }
      }
    }

    const rows = summarise(runs);
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}`;
    const load = loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ');
    const report = [
      '# Peer benchmark: Werkgezond and PostGraphile',
      '',
      `Measured with \`pnpm bench:peers\` (packages/bench) on ${new Date().toISOString().slice(0, 10)}.`,
      '',
      `- Machine: ${machine}; load average at the end ${load} (1 / 5 / 15 min)`,
      `- PostgreSQL ${version}; ${applications.toLocaleString('en-US')} applications`,
      `- autocannon, ${DURATION} s per run, A B A B per query and connection count (mean of the two runs)`,
      `- Werkgezond: \`node ${NODE_FLAGS.join(' ')} apps/api/dist/main.js\` signed in as the admin; PostGraphile 5 (amber preset, same Node flags), each its own process with a pool of 10`,
      '',
      '| query | connections | Werkgezond req/s | p50 / p99 (ms) | PostGraphile req/s | p50 / p99 (ms) | ratio req/s |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...rows.map(
        (r) =>
          `| ${r.query} | ${r.connections} | ${r.ours.rps.toFixed(0)} | ${r.ours.p50.toFixed(1)} / ${r.ours.p99.toFixed(1)} | ${r.theirs.rps.toFixed(0)} | ${r.theirs.p50.toFixed(1)} / ${r.theirs.p99.toFixed(1)} | ${(r.ours.rps / r.theirs.rps).toFixed(2)}× |`,
      ),
      '',
      `Errors or non-2xx answers: ${runs.reduce((n, r) => n + r.errors + r.non2xx, 0)}.`,
      '',
    ].join('\n');
    writeFileSync(args.out as string, report);
    console.log(`\n${report}`);
    log(`written to ${args.out}`);
  } finally {
    cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
