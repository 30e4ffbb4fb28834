/**
 * Research aggregate benchmark: the latency of `aggregate` through HTTP on /research/graphql
 * (population guard, neighbour differencing, the GROUPING SETS statement, linked suppression,
 * cell key perturbation, cost limits and the query log) next to the plain SQL GROUP BY of the
 * same counts sent through `pg`. Goal: at most 1.5 × the plain SQL.
 *
 *   DATABASE_URL=… node dist/scripts/bench-research.js [--runs 50] [--warmup 10]
 *
 * DATABASE_URL must hold a migrated database with the dataset loaded (e.g. `pnpm db:seed
 * --scale 30`); nothing in it is changed except a benchmark key and its query log rows.
 */
import { loadavg } from 'node:os';
// Measured as the start command runs it: libraries in production mode.
import '../node-env.js';
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { percentile } from '@werkgezond/domain';
import pg from 'pg';
import { pino } from 'pino';
import { createDataSource } from '../database/data-source.js';
import { COUNT_UNITS_SQL, UNIT_COLUMN } from '../research/research-dimensions.js';
import { ResearchKeyService } from '../research/research-key.service.js';
import { createApp } from '../server.js';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '10' },
  },
});
const RUNS = Number(args.runs);
const WARMUP = Number(args.warmup);
const url = process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL to a database with the dataset loaded');

const CASES: {
  name: string;
  dims: (keyof typeof UNIT_COLUMN)[];
  filter: Record<string, string[]>;
}[] = [
  { name: 'PROGRAMME × STAGE', dims: ['PROGRAMME', 'STAGE'], filter: {} },
  {
    name: 'PROVINCE × SIZE_CLASS (coaching)',
    dims: ['PROVINCE', 'SIZE_CLASS'],
    filter: { programmes: ['gezondheidscoaches'] },
  },
  { name: 'SECTOR (award)', dims: ['SECTOR'], filter: { programmes: ['nv-gezond'] } },
];

/** The plain SQL: the same units, one GROUP BY of the finest cells, no protection. */
function plainSql(dims: readonly (keyof typeof UNIT_COLUMN)[], filter: Record<string, string[]>) {
  const cols = dims.map((d) => UNIT_COLUMN[d]);
  const where = filter.programmes ? `WHERE programme = ANY($1::text[])` : '';
  return {
    text: `SELECT ${cols.join(', ')}, count(DISTINCT app_id)::int AS applications, count(*)::int AS companies
             FROM (${COUNT_UNITS_SQL}) u ${where} GROUP BY ${cols.join(', ')}`,
    values: filter.programmes ? [filter.programmes] : [],
  };
}

/**
 * Times two functions alternately (A B A B …), so both sides see the same load on a shared
 * machine and the ratio stays meaningful when the absolute figures move.
 */
async function timePair(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
): Promise<[number[], number[]]> {
  for (let i = 0; i < WARMUP; i++) {
    await a();
    await b();
  }
  const out: [number[], number[]] = [[], []];
  for (let i = 0; i < RUNS; i++) {
    for (const [j, fn] of [a, b].entries()) {
      const t = performance.now();
      await fn();
      out[j as 0 | 1].push(performance.now() - t);
    }
  }
  return out;
}

const ds = createDataSource({ url, embedded: false, poolSize: 4 });
await ds.initialize();
const client = new pg.Client({ connectionString: url });
await client.connect();
const { key } = await new ResearchKeyService(ds).create('Benchmark', null);
const { httpServer } = await createApp({
  dataSource: ds,
  logger: pino({ level: 'silent' }),
  attachmentDir: join('/tmp', `werkgezond-bench-attachments-${process.pid}`),
  research: { budgetPerHour: 10_000_000 },
});
await new Promise<void>((done) => httpServer.listen(0, '127.0.0.1', done));
const endpoint = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/research/graphql`;
const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM application');

const rows: string[] = [];
for (const c of CASES) {
  const query = `query ($d: [ResearchDimension!], $f: ResearchFilter) {
    aggregate(measures: [APPLICATIONS, COMPANIES], dimensions: $d, filter: $f) {
      total { companies { value } } groups { values { key } applications { value } companies { value } } } }`;
  const sql = plainSql(c.dims, c.filter);
  const [api, plain] = await timePair(
    async () => {
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query, variables: { d: c.dims, f: c.filter } }),
      });
      const body = (await res.json()) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    },
    () => client.query(sql),
  );
  const med = (x: number[]) => percentile(x, 0.5) as number;
  const p95 = (x: number[]) => percentile(x, 0.95) as number;
  rows.push(
    `| ${c.name} | ${med(api).toFixed(1)} / ${p95(api).toFixed(1)} ms | ` +
      `${med(plain).toFixed(1)} / ${p95(plain).toFixed(1)} ms | ${(med(api) / med(plain)).toFixed(2)}× |`,
  );
}
console.log(
  `${n} applications, ${RUNS} runs after ${WARMUP} warm-up (API and SQL alternating), load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}, ${new Date().toISOString()}`,
);
console.log('| aggregate | research API median / p95 | plain SQL GROUP BY median / p95 | ratio |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(r);
await ds.query(`DELETE FROM research_api_key WHERE name = 'Benchmark'`);
httpServer.close();
await client.end();
await ds.destroy();
