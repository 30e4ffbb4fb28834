/**
 * Fault benchmark: mixed load on the API while its PostgreSQL restarts, then a check in the
 * database that every acknowledged write is there exactly once.
 *
 *   node dist/scripts/bench-faults.js [--seconds 60] [--clients 50] [--restart-at 30]
 *     [--writes 0.3] [--mode fast|immediate] [--pg-port 5444] [--api-port 4111] [--keep]
 *
 * It initdb's and starts its own PostgreSQL 15 (PG_BIN, default /usr/lib/postgresql/15/bin; as
 * the `postgres` user when run as root; fsync on, as in production), starts the built API
 * (dist/main.js) as a separate process on it with the bundled dataset, signs up one company
 * per client, and runs the load: each client loops, 70 % reads (viewer, programme list, its
 * applications) and 30 % writes (a new application draft with a fresh idempotency key; a write
 * that fails is retried with the same key until acknowledged, as the portal does). At
 * --restart-at seconds `pg_ctl restart -m <mode>` runs. Afterwards: requests, errors inside and
 * outside the restart window, seconds until requests succeed again, and — from SQL — lost
 * (acknowledged, not in the database, or with another id) and duplicated writes, and whether
 * the API process survived (same pid, ready). A benchmark, not a test: it prints figures.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { makeKbo } from '@werkgezond/domain';
import pg from 'pg';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    clients: { type: 'string', default: '50' },
    'restart-at': { type: 'string', default: '30' },
    writes: { type: 'string', default: '0.3' },
    mode: { type: 'string', default: 'fast' },
    'pg-port': { type: 'string', default: '5444' },
    'api-port': { type: 'string', default: '4111' },
    keep: { type: 'boolean', default: false },
  },
});
const SECONDS = Number(args.seconds);
const CLIENTS = Number(args.clients);
const RESTART_AT = Number(args['restart-at']);
const WRITE_SHARE = Number(args.writes);
const MODE = args.mode === 'immediate' ? 'immediate' : 'fast';
const PG_PORT = Number(args['pg-port']);
const API_PORT = Number(args['api-port']);
const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const API = `http://127.0.0.1:${API_PORT}`;
const REQUEST_TIMEOUT_MS = 10_000;

const root = process.getuid?.() === 0;
const asPostgres = (cmd: string, cmdArgs: string[]): [string, string[]] =>
  root ? ['runuser', ['-u', 'postgres', '--', cmd, ...cmdArgs]] : [cmd, cmdArgs];
function runSync(cmd: string, cmdArgs: string[]) {
  const [c, a] = asPostgres(cmd, cmdArgs);
  const r = spawnSync(c, a, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
}
/** pg_ctl restart without blocking the event loop (the clients keep running). */
function runAsync(cmd: string, cmdArgs: string[]) {
  const [c, a] = asPostgres(cmd, cmdArgs);
  return new Promise<void>((done, fail) => {
    const child = spawn(c, a, { stdio: 'ignore' });
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`${cmd} exited ${code}`))));
  });
}
const log = (msg: string) =>
  console.log(`[bench:faults ${new Date().toISOString().slice(11, 19)}] ${msg}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// --- PostgreSQL of our own ------------------------------------------------------------------
const dir = mkdtempSync('/tmp/werkgezond-faults-');
const data = join(dir, 'data');
if (root)
  chownSync(
    dir,
    Number(spawnSync('id', ['-u', 'postgres']).stdout),
    Number(spawnSync('id', ['-g', 'postgres']).stdout),
  );
const pgSettings = [
  `-p ${PG_PORT}`,
  `-k ${dir}`,
  '-c listen_addresses=127.0.0.1',
  '-c max_connections=200',
].join(' ');
const pgctl = (...a: string[]): [string, string[]] => [join(BIN, 'pg_ctl'), ['-D', data, ...a]];

let api: ChildProcess | null = null;
function cleanup() {
  if (api && api.exitCode === null) api.kill('SIGTERM');
  try {
    runSync(...pgctl('-m', 'fast', '-w', 'stop'));
  } catch {
    // already stopped
  }
  if (!args.keep) rmSync(dir, { recursive: true, force: true });
}
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

async function gql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  cookie?: string,
): Promise<{ ok: boolean; data?: T; error?: string; setCookie?: string | null }> {
  try {
    const res = await fetch(`${API}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = (await res.json().catch(() => ({}))) as {
      data?: T;
      errors?: { extensions?: { code?: string } }[];
    };
    if (res.status !== 200 || body.errors?.length) {
      return {
        ok: false,
        error: `${res.status} ${body.errors?.[0]?.extensions?.code ?? ''}`.trim(),
      };
    }
    return { ok: true, data: body.data as T, setCookie: res.headers.get('set-cookie') };
  } catch (error) {
    return { ok: false, error: (error as Error).name === 'TimeoutError' ? 'timeout' : 'network' };
  }
}

/** Deterministic choices (mulberry32): the same run mixes reads and writes the same way. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? Math.round(sorted[Math.floor(sorted.length / 2)]!) : 0;
}

interface Sample {
  start: number;
  end: number;
  ok: boolean;
  write: boolean;
  error?: string;
}

async function main() {
  log(`PostgreSQL in ${data} on port ${PG_PORT} (mode of the restart: ${MODE})`);
  runSync(join(BIN, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  runSync(...pgctl('-o', pgSettings, '-l', join(dir, 'server.log'), '-w', 'start'));
  runSync(join(BIN, 'createdb'), [
    '-h',
    '127.0.0.1',
    '-p',
    String(PG_PORT),
    '-U',
    'postgres',
    'werkgezond',
  ]);
  const databaseUrl = `postgres://postgres@127.0.0.1:${PG_PORT}/werkgezond`;

  log('starting the API (migrations and the bundled dataset on first start)…');
  const out = openSync(join(dir, 'api.log'), 'a');
  api = spawn(process.execPath, [resolve(import.meta.dirname, '../main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      WERKGEZOND_DEMO: '1',
      PORT: String(API_PORT),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      DATA_DIR: dir,
    },
    stdio: ['ignore', out, out],
  });
  const apiPid = api.pid;
  let apiExited: number | null = null;
  api.on('exit', (code) => {
    apiExited = code ?? -1;
  });
  for (let i = 0; ; i++) {
    if (apiExited !== null) throw new Error(`the API exited (${apiExited}); see ${dir}/api.log`);
    const ready = await fetch(`${API}/health/ready`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ready) break;
    if (i > 600) throw new Error('the API did not become ready in 5 minutes');
    await sleep(500);
  }

  log(`signing up ${CLIENTS} companies (one per client)…`);
  const clients: { cookie: string; organisationId: string }[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const res = await gql<{ signUp: { organisation: { id: string } } }>(
      'mutation ($input: SignUpInput!) { signUp(input: $input) { organisation { id } } }',
      {
        input: {
          email: `faults-${i}@bench.werkgezond.test`,
          password: 'fault-benchmark-password',
          displayName: `Client ${i}`,
          kboNumber: makeKbo(19_000_000 + i),
          organisationName: `Foutbestendig ${i} BV`,
          employeeCount: 12 + i,
          hasPreventionCommittee: false,
        },
      },
    );
    if (!res.ok || !res.setCookie) throw new Error(`sign-up ${i} failed: ${res.error}`);
    clients.push({
      cookie: res.setCookie.split(';')[0]!,
      organisationId: res.data!.signUp.organisation.id,
    });
  }

  // As in production, where checkpoints run all the time: the restart's shutdown checkpoint
  // then has only the load's changes to write, not the whole freshly loaded dataset.
  runSync(join(BIN, 'psql'), [
    '-h',
    '127.0.0.1',
    '-p',
    String(PG_PORT),
    '-U',
    'postgres',
    '-qc',
    'CHECKPOINT',
  ]);

  const READS = [
    '{ viewer { email organisation { name } } }',
    '{ programmes { key name editions { year } } }',
    '{ applications(first: 5) { edges { node { id } } } }',
  ];
  const DRAFT =
    'mutation ($input: ApplicationDraftInput!) { saveApplicationDraft(input: $input) { id } }';
  const samples: Sample[] = [];
  const acknowledged = new Map<string, string>(); // idempotency key -> application id
  let unacknowledged = 0;
  const t0 = Date.now();
  const end = t0 + SECONDS * 1000;
  const at = () => (Date.now() - t0) / 1000;

  async function client(index: number) {
    const { cookie, organisationId } = clients[index]!;
    const rand = random(index + 1);
    let n = 0;
    while (Date.now() < end) {
      if (rand() < WRITE_SHARE) {
        const key = `bench-${index}-${n++}`;
        const input = {
          idempotencyKey: key,
          organisationId,
          programmeKey: 'gezondheidscoaches',
          registrationType: 'INDIVIDUAL',
        };
        let acked = false;
        while (!acked && Date.now() < end) {
          const start = at();
          const res = await gql<{ saveApplicationDraft: { id: string } }>(DRAFT, { input }, cookie);
          samples.push({
            start,
            end: at(),
            ok: res.ok,
            write: true,
            ...(res.error ? { error: res.error } : {}),
          });
          if (res.ok) {
            acknowledged.set(key, res.data!.saveApplicationDraft.id);
            acked = true;
          } else await sleep(100); // retried with the same key: at most one application
        }
        if (!acked) unacknowledged += 1;
      } else {
        const query = READS[Math.floor(rand() * READS.length)]!;
        const start = at();
        const res = await gql(query, {}, cookie);
        samples.push({
          start,
          end: at(),
          ok: res.ok,
          write: false,
          ...(res.error ? { error: res.error } : {}),
        });
        if (!res.ok) await sleep(100);
      }
    }
  }

  log(
    `load: ${CLIENTS} clients for ${SECONDS} s, ${Math.round(WRITE_SHARE * 100)} % writes; restart at ${RESTART_AT} s`,
  );
  let restartStart = 0;
  let restartDone = 0;
  const restart = (async () => {
    await sleep(RESTART_AT * 1000);
    restartStart = at();
    log(`pg_ctl restart -m ${MODE}`);
    await runAsync(
      ...pgctl('-m', MODE, '-o', pgSettings, '-l', join(dir, 'server.log'), '-w', 'restart'),
    );
    restartDone = at();
    log(
      `PostgreSQL accepting connections again after ${(restartDone - restartStart).toFixed(2)} s`,
    );
  })();
  await Promise.all([...clients.map((_, i) => client(i)), restart]);

  // --- figures ---
  const failures = samples.filter((s) => !s.ok);
  const afterRestart = failures.filter((s) => s.end >= restartStart);
  const lastFailure = afterRestart.reduce((m, s) => Math.max(m, s.end), restartStart);
  const firstSuccessAfter = samples
    .filter((s) => s.ok && s.start >= lastFailure)
    .reduce((m, s) => Math.min(m, s.end), Number.POSITIVE_INFINITY);
  const recoveredAt = Number.isFinite(firstSuccessAfter) ? firstSuccessAfter : at();
  const inWindow = (s: Sample) => s.end >= restartStart && s.start <= recoveredAt;
  const outside = failures.filter((s) => !inWindow(s));
  const errorKinds: Record<string, number> = {};
  for (const f of failures) errorKinds[f.error ?? '?'] = (errorKinds[f.error ?? '?'] ?? 0) + 1;

  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const keys = [...acknowledged.keys()];
  const { rows } = await db.query<{ key: string; ids: string[] }>(
    `SELECT idempotency_key AS key, array_agg(id::text) AS ids FROM application
      WHERE idempotency_key LIKE 'bench-%' GROUP BY idempotency_key`,
  );
  const stored = new Map(rows.map((r) => [r.key, r.ids]));
  const lost = keys.filter((k) => !stored.get(k)?.includes(acknowledged.get(k)!)).length;
  const duplicated = rows.reduce((sum, r) => sum + r.ids.length - 1, 0);
  await db.end();

  const ready = await fetch(`${API}/health/ready`)
    .then((r) => r.ok)
    .catch(() => false);
  const survived = apiExited === null && api.pid === apiPid && ready;
  const writes = samples.filter((s) => s.write);
  const summary = {
    seconds: SECONDS,
    clients: CLIENTS,
    restartMode: MODE,
    requests: samples.length,
    reads: samples.length - writes.length,
    writeAttempts: writes.length,
    writesAcknowledged: keys.length,
    writesNeverAcknowledged: unacknowledged,
    requestsPerSecond: Math.round(samples.length / SECONDS),
    /** Throughput while the database was up (before the restart). */
    requestsPerSecondBeforeRestart: Math.round(
      samples.filter((s) => s.end < restartStart).length / Math.max(restartStart, 1),
    ),
    medianMsBeforeRestart: median(
      samples.filter((s) => s.end < restartStart).map((s) => (s.end - s.start) * 1000),
    ),
    errors: failures.length,
    errorsInRestartWindow: failures.length - outside.length,
    errorsOutsideRestartWindow: outside.length,
    errorKinds,
    databaseDownSeconds: Number((restartDone - restartStart).toFixed(2)),
    secondsToRecover: Number((recoveredAt - restartStart).toFixed(2)),
    lostWrites: lost,
    duplicatedWrites: duplicated,
    apiSurvived: survived,
  };
  console.log(JSON.stringify(summary, null, 2));
  console.log(
    `\n| requests | errors outside restart window | errors in it | DB down | recovered after | acknowledged writes | lost | duplicated | API survived |\n|---|---|---|---|---|---|---|---|---|\n| ${summary.requests} | ${summary.errorsOutsideRestartWindow} | ${summary.errorsInRestartWindow} | ${summary.databaseDownSeconds} s | ${summary.secondsToRecover} s | ${summary.writesAcknowledged} | ${lost} | ${duplicated} | ${survived ? 'yes' : 'NO'} |`,
  );
  return summary;
}

main()
  .then((s) => {
    cleanup();
    process.exit(s.lostWrites || s.duplicatedWrites || !s.apiSurvived ? 1 : 0);
  })
  .catch((error) => {
    console.error(error);
    cleanup();
    process.exit(1);
  });
