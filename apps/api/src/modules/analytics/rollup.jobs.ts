/**
 * The funnel rollup is rebuilt by a job, not by a timer in the process that noticed it was
 * stale: any instance may run it, and the queue's "stately" policy keeps at most one rebuild
 * waiting while one runs.
 */
import type { DataSource } from 'typeorm';
import { defineJob, JobQueue } from '../../jobs/job-queue.js';
import { RollupService } from './rollup.service.js';

export const ROLLUP_REFRESH_JOB = 'analytics.rollup-refresh';

/** A rebuild waits at least this long after it was asked for. */
const MIN_PAUSE_SECONDS = 5;

defineJob<Record<string, never>>(ROLLUP_REFRESH_JOB, {
  policy: 'stately',
  retryLimit: 3,
  async handler(_data, { ds, logger }) {
    const result = await new RollupService(ds).refresh({ wait: true });
    logger.info(result, 'funnel rollup rebuilt');
  },
});

/**
 * Queues a rebuild. It starts no sooner than five seconds from now and than four times the
 * last build's duration after that build ended: at a million applications a build takes tens
 * of seconds, and steady writes must not keep a core busy rebuilding.
 */
export async function askForRollupRefresh(ds: DataSource): Promise<string | null> {
  const [state] = (await ds.query(
    `SELECT GREATEST($1, extract(epoch FROM built_at + make_interval(secs => 5 * build_ms / 1000.0) - now()))::float AS wait
       FROM analytics_rollup_state WHERE id = 1`,
    [MIN_PAUSE_SECONDS],
  )) as { wait: number }[];
  return JobQueue.for(ds).enqueue(
    ROLLUP_REFRESH_JOB,
    {},
    { startAfterSeconds: state?.wait ?? MIN_PAUSE_SECONDS },
  );
}

const lastAsked = new WeakMap<DataSource, number>();

/**
 * Fire-and-forget form for stale reads: at most one request every few seconds per process
 * (an optimisation only; the queue merges duplicates across instances).
 * ANALYTICS_ROLLUP=off disables it.
 */
export function requestRollupRefresh(ds: DataSource): void {
  if (process.env.ANALYTICS_ROLLUP === 'off') return;
  const now = Date.now();
  if (now - (lastAsked.get(ds) ?? 0) < MIN_PAUSE_SECONDS * 1000) return;
  lastAsked.set(ds, now);
  // A lost request only means answering live a little longer.
  askForRollupRefresh(ds).catch(() => lastAsked.delete(ds));
}
