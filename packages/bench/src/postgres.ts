import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';

export interface Postgres {
  url: string;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => done(port));
    });
  });
}

/**
 * A throwaway PostgreSQL 15 under /tmp (as the `postgres` user when run as root), with the
 * settings of the API's analytics benchmark (apps/api/src/scripts/bench.ts).
 */
export async function startPostgres(): Promise<Postgres> {
  const bin = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
  for (const tool of ['initdb', 'pg_ctl']) {
    if (!existsSync(join(bin, tool))) {
      throw new Error(
        `PostgreSQL 15 binaries not found (${join(bin, tool)}): install postgresql-15, set PG_BIN, or set DATABASE_URL.`,
      );
    }
  }
  const dir = mkdtempSync('/tmp/werkgezond-peers-');
  const data = join(dir, 'data');
  const root = process.getuid?.() === 0;
  if (root) execFileSync('chown', ['postgres', dir]);
  const run = (cmd: string, cmdArgs: string[]) => {
    const [c, a] = root ? ['runuser', ['-u', 'postgres', '--', cmd, ...cmdArgs]] : [cmd, cmdArgs];
    const r = spawnSync(c as string, a as string[], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
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
    // Throwaway: durability is not what is measured.
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
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
