/**
 * Work that outlives a request (rollup rebuilds, e-mail, imports) is a job in PostgreSQL
 * (pg-boss), never a timer in one process: any API instance may pick it up, and a job written
 * with the transaction's manager exists exactly when the change that caused it was committed.
 *
 * pg-boss talks to the database through TypeORM's connections (its `db` adapter), so it also
 * runs on the embedded PGlite database, which has a single pooled connection.
 */
import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { pino } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { type InternalErrorCounter, reportInternalError } from '../graphql/internal-errors.js';

export interface JobInfo {
  id: string;
  /** How many times this job failed before (0 on the first run). */
  retryCount: number;
  /** The database of the process running the job. */
  ds: DataSource;
  logger: Logger;
}

export type JobHandler<T> = (data: T, job: JobInfo) => Promise<void>;

export interface JobDefinition<T> {
  handler: JobHandler<T>;
  /**
   * standard: every job runs; stately: at most one queued and one running (a rebuild asked
   * for while one runs is merged into the next).
   */
  policy?: 'standard' | 'stately';
  /** Retries after a failure (default 5), with exponential backoff from retryDelaySeconds. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** A job that keeps failing ends in the queue `<name>.dead`, where admins can see it. */
  deadLetter?: boolean;
  /** Jobs of this queue handled at once by one process (default 1). */
  batchSize?: number;
}

export interface EnqueueOptions {
  /** Write the job in this transaction: it exists if and only if the transaction commits. */
  manager?: EntityManager;
  /**
   * Idempotency: a second job with the same key is not created while the first is kept in the
   * queue (pending, running, or finished and not yet archived). Permanent once-only effects
   * (an e-mail) still need their own unique row; this keeps retried requests from queueing twice.
   */
  key?: string;
  /** Delay before the job may run. */
  startAfterSeconds?: number;
}

const SCHEMA = 'pgboss';

/**
 * Every kind of job, defined once by the module that owns it (`defineJob` at module level in
 * its `*.jobs.ts`); jobs/all-jobs.ts imports them all, so a worker knows every queue.
 */
const definitions = new Map<string, JobDefinition<never>>();

export function defineJob<T>(name: string, definition: JobDefinition<T>): void {
  if (definitions.has(name)) throw new Error(`Job ${name} is defined twice`);
  definitions.set(name, definition as JobDefinition<never>);
}

/** A pg-boss database adapter over TypeORM (a transaction's query runner, or a pooled one). */
function adapter(ds: DataSource, manager?: EntityManager): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const runner = manager?.queryRunner ?? ds.createQueryRunner();
      try {
        const result = await runner.query(text, values ?? [], true);
        return { rows: (result.records as unknown[]) ?? [] };
      } finally {
        if (!manager?.queryRunner) await runner.release();
      }
    },
  };
}

/** The job id for an idempotency key: the same key gives the same id, which can exist once. */
function idForKey(name: string, key: string): string {
  const h = createHash('sha256').update(`${name}\u0000${key}`).digest('hex');
  // Shaped as a version-8 (custom) UUID, which pg-boss's uuid column accepts.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * pg-boss claims a batch with UPDATE … RETURNING, whose row order PostgreSQL does not define:
 * run a batch oldest first, so a queue is first in, first out (an application's "received"
 * message goes before its decision).
 */
function oldestFirst(jobs: PgBoss.JobWithMetadata<never>[]): PgBoss.JobWithMetadata<never>[] {
  return [...jobs].sort(
    (a, b) =>
      new Date(a.createdOn).getTime() - new Date(b.createdOn).getTime() ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

const queues = new WeakMap<DataSource, JobQueue>();

export class JobQueue {
  private readonly boss: PgBoss;
  private starting: Promise<void> | null = null;
  private readonly created = new Set<string>();
  private working = false;
  private metrics: InternalErrorCounter | undefined;

  private constructor(
    private readonly ds: DataSource,
    supervise: boolean,
    private readonly logger: Logger,
  ) {
    this.boss = new PgBoss({
      db: adapter(ds),
      schema: SCHEMA,
      // Maintenance (retrying jobs whose worker died, archiving) in server processes only;
      // pg-boss coordinates it across instances through the database.
      supervise,
      schedule: false,
      migrate: true,
    });
    this.boss.on('error', (err) => this.logger.error({ err }, 'job queue error'));
  }

  /**
   * The queue of this data source (one per process and database). `supervise` (the server
   * passes true at start-up) only counts when the queue is first made.
   */
  static for(ds: DataSource, options: { supervise?: boolean; logger?: Logger } = {}): JobQueue {
    let q = queues.get(ds);
    if (!q) {
      q = new JobQueue(ds, options.supervise ?? false, options.logger ?? pino({ level: 'silent' }));
      queues.set(ds, q);
    }
    return q;
  }

  /** Installs or upgrades pg-boss's schema and creates the defined queues; idempotent. */
  start(): Promise<void> {
    this.starting ??= (async () => {
      await this.boss.start();
      for (const [name, def] of definitions) await this.createQueue(name, def);
    })().catch((error) => {
      this.starting = null;
      throw error;
    });
    return this.starting;
  }

  private async createQueue(name: string, def: JobDefinition<never>) {
    if (this.created.has(name)) return;
    if (def.deadLetter) await this.boss.createQueue(`${name}.dead`, { name: `${name}.dead` });
    await this.boss.createQueue(name, {
      name,
      policy: def.policy ?? 'standard',
      retryLimit: def.retryLimit ?? 5,
      retryDelay: def.retryDelaySeconds ?? 10,
      retryBackoff: true,
      ...(def.deadLetter ? { deadLetter: `${name}.dead` } : {}),
    });
    this.created.add(name);
  }

  /** Started, with this queue created (a job module imported after start() still works). */
  private async ready(name: string): Promise<JobDefinition<never>> {
    const def = definitions.get(name);
    if (!def) throw new Error(`No job queue named ${name}`);
    await this.start();
    await this.createQueue(name, def);
    return def;
  }

  names(): string[] {
    return [...definitions.keys()];
  }

  /**
   * Counts failed job attempts in internal_errors_total (endpoint "jobs") from now on; the app
   * calls this with its metrics. `logger` replaces the queue's logger for failure reports.
   */
  reportFailuresTo(metrics: InternalErrorCounter, logger?: Logger): void {
    this.metrics = metrics;
    if (logger) this.failureLogger = logger;
  }

  private failureLogger: Logger | undefined;

  /**
   * A job attempt that threw: an internal error like a request's, logged with the job id in
   * place of a request id and counted. pg-boss retries it (with backoff) or dead-letters it.
   */
  private reportFailure(job: PgBoss.JobWithMetadata<never>, info: JobInfo, error: unknown): void {
    reportInternalError(
      this.failureLogger?.child({ job: job.name, jobId: job.id }) ?? info.logger,
      job.id,
      error,
      { endpoint: 'jobs', job: job.name, jobId: job.id, retryCount: job.retryCount },
      this.metrics,
    );
  }

  private info(job: PgBoss.JobWithMetadata<never>): JobInfo {
    return {
      id: job.id,
      retryCount: job.retryCount,
      ds: this.ds,
      logger: this.logger.child({ job: job.name, jobId: job.id }),
    };
  }

  /** Adds a job; returns its id, or null when an identical pending job (same key) exists. */
  async enqueue<T extends object>(
    name: string,
    data: T,
    options: EnqueueOptions = {},
  ): Promise<string | null> {
    await this.ready(name);
    return this.boss.send(name, data, {
      ...(options.key ? { id: idForKey(name, options.key) } : {}),
      ...(options.startAfterSeconds ? { startAfter: Math.ceil(options.startAfterSeconds) } : {}),
      ...(options.manager ? { db: adapter(this.ds, options.manager) } : {}),
    });
  }

  /** Starts polling for jobs in this process (the server does; tests use runUntilIdle). */
  async work(options: { pollingIntervalSeconds?: number } = {}): Promise<void> {
    await this.start();
    if (this.working) return;
    this.working = true;
    for (const name of this.names()) {
      const def = await this.ready(name);
      await this.boss.work<never>(
        name,
        {
          batchSize: def.batchSize ?? 1,
          pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
          includeMetadata: true,
        },
        async (jobs) => {
          for (const job of oldestFirst(jobs as PgBoss.JobWithMetadata<never>[])) {
            const info = this.info(job);
            try {
              await def.handler(job.data, info);
            } catch (err) {
              // pg-boss records the failure and retries with backoff; the log says why.
              this.reportFailure(job, info, err);
              throw err;
            }
          }
        },
      );
    }
  }

  /**
   * Runs every job that is due, in this process, until none is left; returns how many ran.
   * Tests call this instead of waiting for a poller, so they never race a background job.
   * `ignoreStartAfter`: delayed jobs and retries run now too (a failing job is then retried
   * at once until its retry limit, so the loop still ends).
   */
  async runUntilIdle(
    options: { names?: string[]; ignoreStartAfter?: boolean } = {},
  ): Promise<number> {
    const { names = this.names(), ignoreStartAfter = false } = options;
    await this.start();
    let ran = 0;
    for (let progress = true; progress; ) {
      progress = false;
      for (const name of names) {
        const def = await this.ready(name);
        const jobs = (await this.boss.fetch<never>(name, {
          batchSize: 10,
          includeMetadata: true,
          ignoreStartAfter,
        })) as PgBoss.JobWithMetadata<never>[];
        for (const job of oldestFirst(jobs)) {
          progress = true;
          ran += 1;
          const info = this.info(job);
          try {
            await def.handler(job.data, info);
            await this.boss.complete(name, job.id);
          } catch (error) {
            this.reportFailure(job, info, error);
            await this.boss.fail(name, job.id, {
              message: error instanceof Error ? error.message : String(error),
            });
          }
        }
      }
    }
    return ran;
  }

  /** Jobs of a queue in a state, newest first (admin views, tests). */
  async jobs(
    name: string,
    state?: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed',
    limit = 100,
  ): Promise<
    {
      id: string;
      state: string;
      data: unknown;
      output: unknown;
      retryCount: number;
      createdOn: Date;
    }[]
  > {
    await this.start();
    return this.ds.query(
      `SELECT id, state, data, output, retry_count AS "retryCount", created_on AS "createdOn"
         FROM ${SCHEMA}.job WHERE name = $1 AND ($2::text IS NULL OR state::text = $2)
        ORDER BY created_on DESC LIMIT $3`,
      [name, state ?? null, limit],
    );
  }

  /** Stops polling; running handlers finish first (up to `timeoutMs`). */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (!this.starting) return;
    await this.boss.stop({ graceful: true, close: false, timeout: timeoutMs, wait: true });
    this.working = false;
    this.starting = null;
    this.created.clear();
  }
}
