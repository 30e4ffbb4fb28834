/**
 * The funnel rollup: rebuilt by one statement from one snapshot, which it records. Statement
 * triggers log every transaction that writes to a table the funnels read (analytics_change_log);
 * the rollup is used only while every logged, committed transaction was visible to that
 * snapshot, so an answer from it always equals the live aggregation. After a change, queries
 * answer live and ask for a rebuild as a job (rollup.jobs.ts).
 */
import type { DataSource } from 'typeorm';
import { rollupRefreshSql } from './funnel.sql.js';

/** Advisory lock key: one build at a time across processes. */
const ROLLUP_LOCK_KEY = 7_301_946_021;

export interface RefreshResult {
  /** False when another build held the lock (its result will do). */
  built: boolean;
  ms: number;
  cells: number;
  lags: number;
}

export class RollupService {
  constructor(private readonly ds: DataSource) {}

  /**
   * Rebuilds the rollup. By default a no-op when another process is building it at the same
   * moment (its result will do); `wait: true` waits for that build to end and then builds from
   * a snapshot taken after it, so the caller always gets a rollup of what it can see.
   */
  async refresh(options: { wait?: boolean } = {}): Promise<RefreshResult> {
    const started = performance.now();
    type Row = { built: boolean; cells: number; lags: number };
    const [row] = options.wait
      ? await this.ds.transaction(async (m) => {
          // The lock first, in a statement of its own: the rebuild's snapshot must be taken
          // after the other build committed (the xact lock is re-entrant for its try-lock).
          await m.query('SELECT pg_advisory_xact_lock($1)', [ROLLUP_LOCK_KEY]);
          return (await m.query(rollupRefreshSql(ROLLUP_LOCK_KEY))) as Row[];
        })
      : ((await this.ds.query(rollupRefreshSql(ROLLUP_LOCK_KEY))) as Row[]);
    return {
      built: row?.built === true,
      ms: Math.round(performance.now() - started),
      cells: row?.cells ?? 0,
      lags: row?.lags ?? 0,
    };
  }
}
