import type { Logger } from 'pino';
import type { DataSource, QueryRunner } from 'typeorm';
import { createDataSource } from './data-source.js';

/** Errors after which a read is answered by the primary instead. */
const READ_ONLY = '25006'; // read_only_sql_transaction: the statement writes
const RECOVERY_CONFLICT = '40001'; // canceled on the standby (conflict with recovery)
const UNAVAILABLE = /^(08|57P0)/; // connection exceptions, admin shutdown, cannot connect now
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);
const RETRY_INIT_MS = 10_000;

export interface ReadStats {
  /** Statements answered by a replica. */
  replica: number;
  /** Sent to a replica, answered by the primary: the statement wrote (e.g. a rollup rebuild). */
  primaryWrite: number;
  /** Answered by the primary because no replica was reachable. */
  primaryUnavailable: number;
}

export interface ReadRouting {
  /**
   * Looks like the primary DataSource; its `query()` (what the analytics and research SQL use)
   * goes to a replica. Repositories, transactions and statements that write still reach the
   * primary, so handing it to code that sometimes writes is safe.
   */
  readDataSource: DataSource;
  replicas: { name: string; dataSource: DataSource }[];
  stats: ReadStats;
  destroy(): Promise<void>;
}

function isUnavailable(error: unknown) {
  const e = error as { code?: string; message?: string };
  if (e.code && (UNAVAILABLE.test(e.code) || NETWORK.has(e.code))) return true;
  return /Connection terminated|not Connected|ECONNREFUSED/i.test(e.message ?? '');
}

/**
 * DATABASE_REPLICA_URL: analytics and research reads go to streaming replicas, round robin;
 * everything else stays on the primary. Without replicas the primary itself is returned.
 * A replica that is down (at start or later) is skipped: the primary answers and a warning is
 * logged, so a replica never takes the API down with it.
 */
export async function createReadRouting(
  primary: DataSource,
  replicaUrls: string[],
  logger: Logger,
  poolSize?: number,
): Promise<ReadRouting> {
  const stats: ReadStats = { replica: 0, primaryWrite: 0, primaryUnavailable: 0 };
  if (!replicaUrls.length) {
    return { readDataSource: primary, replicas: [], stats, destroy: async () => undefined };
  }
  const replicas = replicaUrls.map((url, i) => ({
    name: `replica-${i + 1}`,
    url,
    dataSource: createDataSource({ url, ...(poolSize ? { poolSize } : {}) }),
    retryAt: 0,
  }));
  const ensure = async (r: (typeof replicas)[number]) => {
    if (r.dataSource.isInitialized) return true;
    if (Date.now() < r.retryAt) return false;
    try {
      await r.dataSource.initialize();
      logger.info({ replica: r.name }, 'read replica connected');
      return true;
    } catch (error) {
      r.retryAt = Date.now() + RETRY_INIT_MS;
      logger.warn(
        { err: error, replica: r.name },
        'read replica unreachable; reads use the primary',
      );
      return false;
    }
  };
  await Promise.all(replicas.map(ensure));

  let next = 0;
  let warnedAt = 0;
  async function query(
    sql: string,
    parameters?: Parameters<DataSource['query']>[1],
    queryRunner?: QueryRunner,
  ) {
    if (queryRunner) return primary.query(sql, parameters, queryRunner);
    for (let tried = 0; tried < replicas.length; tried++) {
      const replica = replicas[next++ % replicas.length]!;
      if (!(await ensure(replica))) continue;
      try {
        const rows = await replica.dataSource.query(sql, parameters);
        stats.replica += 1;
        return rows;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === READ_ONLY) {
          stats.primaryWrite += 1;
          return primary.query(sql, parameters);
        }
        if (code === RECOVERY_CONFLICT) break;
        if (!isUnavailable(error)) throw error;
        if (Date.now() - warnedAt > RETRY_INIT_MS) {
          warnedAt = Date.now();
          logger.warn(
            { err: error, replica: replica.name },
            'read replica failed; trying the next',
          );
        }
      }
    }
    stats.primaryUnavailable += 1;
    return primary.query(sql, parameters);
  }

  const readDataSource = new Proxy(primary, {
    get(target, prop) {
      if (prop === 'query') return query;
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    readDataSource,
    replicas: replicas.map(({ name, dataSource }) => ({ name, dataSource })),
    stats,
    async destroy() {
      await Promise.all(
        replicas.map((r) => (r.dataSource.isInitialized ? r.dataSource.destroy() : undefined)),
      );
    },
  };
}
