/**
 * The funnel rollup: rebuilt by one statement from one snapshot, which it records. Statement
 * triggers log every transaction that writes to a table the funnels read (analytics_change_log);
 * the rollup is used only while every logged, committed transaction was visible to that
 * snapshot, so an answer from it always equals the live aggregation. After a change, queries
 * answer live and schedule a rebuild in the background.
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

  /** Rebuilds the rollup; a no-op when another process is building it at the same moment. */
  async refresh(): Promise<RefreshResult> {
    const started = performance.now();
    const [row] = (await this.ds.query(rollupRefreshSql(ROLLUP_LOCK_KEY))) as {
      built: boolean;
      cells: number;
      lags: number;
    }[];
    return {
      built: row?.built === true,
      ms: Math.round(performance.now() - started),
      cells: row?.cells ?? 0,
      lags: row?.lags ?? 0,
    };
  }
}

const refreshers = new WeakMap<DataSource, BackgroundRefresher>();

/**
 * Rebuilds after changes: one build at a time, and with a pause of at least four times the last
 * build's duration (and five seconds) between builds, so at a million applications (a build of
 * tens of seconds) steady writes cost the database at most a fifth of one core.
 */
export class BackgroundRefresher {
  private running: Promise<void> | null = null;
  private lastStart = 0;
  private lastDurationMs = 0;
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

  /** Asks for a rebuild soon; cheap to call on every stale read. ANALYTICS_ROLLUP=off disables it. */
  schedule(): void {
    if (this.running || this.timer || process.env.ANALYTICS_ROLLUP === 'off') return;
    const pause = Math.max(this.minIntervalMs, 4 * this.lastDurationMs);
    const wait = Math.max(250, this.lastStart + this.lastDurationMs + pause - Date.now());
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
      .then((r) => {
        this.lastDurationMs = r.ms;
      })
      // A failed build leaves the previous rollup unused (it is stale); queries stay live.
      .catch(() => undefined)
      .finally(() => {
        this.running = null;
      });
  }
}
