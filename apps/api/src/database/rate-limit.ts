import { RateLimiterPostgres } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/** Created by the RateLimits migration; one table for every limiter (keys are prefixed). */
export const RATE_LIMIT_TABLE = 'rate_limit';

export interface LimiterOptions {
  keyPrefix: string;
  points: number;
  /** Window in seconds. */
  duration: number;
}

/**
 * A limiter whose counters live in PostgreSQL, so every API instance on the database sees the
 * same ones (the process keeps nothing). It runs on the data source's own pg pool, which on
 * the embedded database is the single pooled connection; each operation is one statement.
 */
export function postgresLimiter(dataSource: DataSource, options: LimiterOptions) {
  const pool = (dataSource.driver as PostgresDriver).master;
  if (!pool) throw new Error('postgresLimiter: initialise the data source first');
  // The library names its prepared statements. Named statements are per connection in
  // PostgreSQL but global on the embedded server (two pools collide: "prepared statement
  // already exists") and need care behind pgbouncer in transaction mode: send them unnamed.
  const storeClient = {
    query: (q: { text: string; values?: unknown[] }) => pool.query(q.text, q.values),
  };
  return new RateLimiterPostgres({
    ...options,
    storeClient,
    storeType: 'pool',
    tableName: RATE_LIMIT_TABLE,
    tableCreated: true,
  });
}
