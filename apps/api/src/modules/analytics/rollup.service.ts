/**
 * The funnel rollup: built in one REPEATABLE READ transaction from a single snapshot, which it
 * records. Statement triggers log every transaction that writes to a table the funnels read
 * (analytics_change_log); the rollup is used only while every logged, committed transaction was
 * visible to that snapshot, so an answer from it always equals the live aggregation. After a
 * change, queries answer live and schedule a rebuild in the background.
 */
import type { DataSource } from 'typeorm';
import { FUNNEL_UNITS } from './dimensions.js';
import { ROLLUP_LAST_EVENT_SQL, rollupCellsInsertSql, rollupLagsInsertSql } from './funnel.sql.js';

/** pg_try_advisory_xact_lock key: one build at a time across processes. */
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

  /** Rebuilds the rollup from one snapshot; skips when another process is already building. */
  async refresh(): Promise<RefreshResult> {
    const started = performance.now();
    return this.ds.transaction('REPEATABLE READ', async (em) => {
      const [lock] = await em.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [ROLLUP_LOCK_KEY]);
      if (!lock?.locked) return { built: false, ms: 0, cells: 0, lags: 0 };
      const [{ snapshot }] = await em.query('SELECT pg_current_snapshot()::text AS snapshot');
      // DELETE, not TRUNCATE: readers keep seeing the previous rollup until this commits.
      await em.query('DELETE FROM analytics_funnel_cell');
      await em.query('DELETE FROM analytics_funnel_lag');
      await em.query('DELETE FROM analytics_rollup_programme');
      for (const unit of FUNNEL_UNITS) {
        await em.query(rollupCellsInsertSql(unit));
        await em.query(rollupLagsInsertSql(unit));
      }
      const [counts] = await em.query(
        `SELECT (SELECT count(*) FROM analytics_funnel_cell)::int AS cells,
                (SELECT count(*) FROM analytics_funnel_lag)::int AS lags`,
      );
      await em.query(ROLLUP_LAST_EVENT_SQL);
      const ms = Math.round(performance.now() - started);
      await em.query(
        `INSERT INTO analytics_rollup_state (id, snapshot, built_at, build_ms) VALUES (1, $1, now(), $2)
         ON CONFLICT (id) DO UPDATE SET snapshot = EXCLUDED.snapshot, built_at = EXCLUDED.built_at,
                                        build_ms = EXCLUDED.build_ms`,
        [snapshot, ms],
      );
      // Changes this snapshot already includes need no remembering.
      await em.query(
        'DELETE FROM analytics_change_log l WHERE pg_visible_in_snapshot(l.xid::text::xid8, $1::pg_snapshot)',
        [snapshot],
      );
      return { built: true, ms, cells: counts.cells, lags: counts.lags };
    });
  }
}

const refreshers = new WeakMap<DataSource, BackgroundRefresher>();

/** Rebuilds after changes, at most one build at a time and not more often than every few seconds. */
export class BackgroundRefresher {
  private running: Promise<void> | null = null;
  private lastStart = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly minIntervalMs = 5_000,
  ) {}

  static for(ds: DataSource): BackgroundRefresher {
    let r = refreshers.get(ds);
    if (!r) {
      r = new BackgroundRefresher(ds);
      refreshers.set(ds, r);
    }
    return r;
  }

  /** Asks for a rebuild soon; cheap to call on every stale read. */
  schedule(): void {
    if (this.running || this.timer || process.env.ANALYTICS_ROLLUP === 'off') return;
    const wait = Math.max(250, this.lastStart + this.minIntervalMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.run();
    }, wait);
    this.timer.unref();
  }

  private run(): void {
    if (!this.ds.isInitialized) return;
    this.lastStart = Date.now();
    this.running = new RollupService(this.ds)
      .refresh()
      .then(() => undefined)
      // A failed build leaves the previous rollup unused (it is stale); queries stay live.
      .catch(() => undefined)
      .finally(() => {
        this.running = null;
      });
  }
}
