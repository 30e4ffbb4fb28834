import 'reflect-metadata';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { createDataSource } from '../database/data-source.js';
import { loadDemoUsers } from '../database/dataset/demo-users.js';
import { loadDataset } from '../database/dataset/loader.js';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '../database/embedded.js';
import { loadDemoResearchKey } from '../research/research-key.service.js';

const USAGE = `Usage: node dist/scripts/seed.js [--scale N] [--method auto|copy|insert] [--verbose]

Replaces the bundled dataset (idempotent). Uses DATABASE_URL when set, otherwise the embedded
database in DATA_DIR (default apps/api/.data/pglite). --scale N adds synthetic applications up to
about N times the bundled ones (about 1,000,000 at N = 3145; use a real PostgreSQL for that).`;

function parseCli(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: '1' },
      method: { type: 'string', default: 'auto' },
      verbose: { type: 'boolean', short: 'v', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  const scale = Number(values.scale);
  if (!Number.isFinite(scale) || scale < 1)
    throw new Error(`--scale must be a number ≥ 1, got '${values.scale}'`);
  const methods = ['auto', 'copy', 'insert'] as const;
  const method = methods.find((m) => m === values.method);
  if (!method) throw new Error(`--method must be auto, copy or insert, got '${values.method}'`);
  return { scale, method, verbose: values.verbose, help: values.help };
}

async function main(): Promise<void> {
  const args = parseCli(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  let embedded: EmbeddedDatabase | null = null;
  if (!config.DATABASE_URL) {
    const dir = config.DATA_DIR ?? resolve(import.meta.dirname, '../../.data/pglite');
    console.log(`embedded database in ${dir}`);
    embedded = await startEmbeddedDatabase(dir);
  }
  const url = config.DATABASE_URL ?? (embedded as EmbeddedDatabase).url;
  const ds = createDataSource({ url, embedded: embedded !== null });
  try {
    await ds.initialize();
    const ran = await ds.runMigrations({ transaction: 'each' });
    if (ran.length > 0) console.log(`migrations applied: ${ran.map((m) => m.name).join(', ')}`);

    const result = await loadDataset(ds, {
      scale: args.scale,
      method: args.method,
      ...(args.verbose ? { log: (m: string) => console.log(`  ${m}`) } : {}),
    });
    // Same rule as start-up: demo accounts only in the embedded database or when asked for.
    if (embedded || config.WERKGEZOND_DEMO) {
      await loadDemoUsers(ds);
      await loadDemoResearchKey(ds);
    }

    const width = Math.max(...Object.keys(result.counts).map((t) => t.length));
    for (const [table, n] of Object.entries(result.counts)) {
      console.log(`  ${table.padEnd(width)}  ${n.toLocaleString('en-US').padStart(12)}`);
    }
    for (const p of result.preserved.filter((x) => x.kept + x.dropped > 0)) {
      console.log(
        `  kept ${p.kept} ${p.table} row(s) that reference the dataset; dropped ${p.dropped}`,
      );
    }
    console.log(
      `loaded scale ${args.scale} via ${result.method} in ${(result.ms / 1000).toFixed(1)} s`,
    );
  } finally {
    await ds.destroy().catch(() => undefined);
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`seed failed: ${message}`);
  if (process.env.LOG_LEVEL === 'debug' && error instanceof Error) console.error(error.stack);
  process.exitCode = 1;
});
