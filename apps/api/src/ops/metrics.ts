import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { ReadRouting } from '../database/read-replicas.js';
import { SessionCache } from '../modules/auth/session-cache.js';

export type Endpoint = 'graphql' | 'research';

/** Operation names come from clients: only plain names, and at most this many distinct ones. */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The process's Prometheus metrics, in a registry of its own (tests run several apps in one
 * process). Database-backed values are read when scraped, never on a timer.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly httpRequests: Counter<'endpoint' | 'status'>;
  readonly httpDuration: Histogram<'endpoint'>;
  readonly operations: Counter<'endpoint' | 'operation' | 'outcome'>;
  readonly operationDuration: Histogram<'endpoint' | 'operation'>;
  readonly internalErrors: Counter<'endpoint'>;
  readonly researchCost: Counter;
  private readonly names = new Set<string>();

  constructor(dataSource: DataSource, readRouting?: ReadRouting) {
    const registers = [this.registry];
    const pools = [{ name: 'primary', dataSource }, ...(readRouting?.replicas ?? [])];
    collectDefaultMetrics({ register: this.registry });
    this.httpRequests = new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests to the GraphQL endpoints, by status code (401s and 413s included)',
      labelNames: ['endpoint', 'status'],
      registers,
    });
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from request to the last byte of the response, GraphQL endpoints',
      labelNames: ['endpoint'],
      buckets: SECONDS,
      registers,
    });
    this.operations = new Counter({
      name: 'graphql_operations_total',
      help: 'GraphQL operations by operation name and outcome (ok: no errors in the answer)',
      labelNames: ['endpoint', 'operation', 'outcome'],
      registers,
    });
    this.operationDuration = new Histogram({
      name: 'graphql_operation_duration_seconds',
      help: 'GraphQL operation latency (parse to response) by operation name',
      labelNames: ['endpoint', 'operation'],
      buckets: SECONDS,
      registers,
    });
    this.internalErrors = new Counter({
      name: 'internal_errors_total',
      help: 'Errors masked as "Internal server error" (bugs, database failures); see the log by request id',
      labelNames: ['endpoint'],
      registers,
    });
    this.researchCost = new Counter({
      name: 'research_cost_points_total',
      help: 'Points spent from research keys’ hourly budgets',
      registers,
    });
    new Gauge({
      name: 'db_pool_connections',
      help: 'Connections of the pg pools by state (max: the configured size)',
      labelNames: ['pool', 'state'],
      registers,
      collect() {
        for (const { name, dataSource: ds } of pools) {
          const pool = poolOf(ds);
          if (!pool) continue;
          this.set({ pool: name, state: 'total' }, pool.totalCount);
          this.set({ pool: name, state: 'idle' }, pool.idleCount);
          this.set({ pool: name, state: 'waiting' }, pool.waitingCount);
          this.set({ pool: name, state: 'max' }, pool.options.max);
        }
      },
    });
    if (readRouting) {
      const stats = readRouting.stats;
      new Counter({
        name: 'db_read_statements_total',
        help: 'Analytics and research statements by who answered: a replica, or the primary (the statement wrote, or no replica could answer)',
        labelNames: ['target'],
        registers,
        collect() {
          this.reset();
          this.inc({ target: 'replica' }, stats.replica);
          this.inc({ target: 'primary_write' }, stats.primaryWrite);
          this.inc({ target: 'primary_fallback' }, stats.primaryUnavailable);
        },
      });
    }
    const sessions = SessionCache.for(dataSource);
    new Counter({
      name: 'session_cache_lookups_total',
      help: 'Signed-in requests by whether their viewer came from the session cache (hit) or PostgreSQL (miss)',
      labelNames: ['result'],
      registers,
      collect() {
        const { hits, misses } = sessions.counters();
        this.reset();
        this.inc({ result: 'hit' }, hits);
        this.inc({ result: 'miss' }, misses);
      },
    });
    new Gauge({
      name: 'session_cache_listening',
      help: '1 while the session cache hears PostgreSQL notices (LISTEN up) and may answer, else 0',
      registers,
      collect() {
        this.set(sessions.active ? 1 : 0);
      },
    });
    new Gauge({
      name: 'analytics_rollup_age_seconds',
      help: 'Seconds since the funnel rollup was last built (analytics_rollup_state.built_at)',
      registers,
      async collect() {
        try {
          const [row] = (await dataSource.query(
            'SELECT extract(epoch FROM now() - max(built_at))::float8 AS age FROM analytics_rollup_state',
          )) as { age: number | null }[];
          if (row?.age == null) this.reset();
          else this.set(row.age);
        } catch {
          // Database unreachable: leave the series out rather than fail the whole scrape.
          this.reset();
        }
      },
    });
  }

  /** A bounded label for a client-chosen operation name. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return '(anonymous)';
    if (!OPERATION_NAME.test(name)) return '(other)';
    if (this.names.has(name)) return name;
    if (this.names.size >= MAX_OPERATION_NAMES) return '(other)';
    this.names.add(name);
    return name;
  }

  /** Counts every request of an endpoint at the HTTP level (also those refused before GraphQL). */
  httpMiddleware(endpoint: Endpoint): RequestHandler {
    return (_req, res, next) => {
      const end = this.httpDuration.startTimer({ endpoint });
      res.once('finish', () => {
        end();
        this.httpRequests.inc({ endpoint, status: String(res.statusCode) });
      });
      next();
    };
  }

  /** Counts and times each operation by name. */
  apolloPlugin<T extends object>(endpoint: Endpoint): ApolloServerPlugin<T> {
    return {
      requestDidStart: async () => {
        const started = process.hrtime.bigint();
        let operation = '(invalid)';
        return {
          didResolveOperation: async (rc) => {
            operation = this.operationLabel(rc.operationName);
          },
          willSendResponse: async (rc) => {
            const seconds = Number(process.hrtime.bigint() - started) / 1e9;
            const body = rc.response.body;
            const failed = body.kind === 'single' ? !!body.singleResult.errors?.length : false;
            this.operations.inc({ endpoint, operation, outcome: failed ? 'error' : 'ok' });
            this.operationDuration.observe({ endpoint, operation }, seconds);
          },
        };
      },
    };
  }

  /** Counts what a budget limiter actually consumes (refused requests spend nothing). */
  countResearchSpending<L extends RateLimiterAbstract>(limiter: L): L {
    const consume = limiter.consume.bind(limiter);
    limiter.consume = async (key, points = 1, options) => {
      const res = await consume(key, points, options);
      this.researchCost.inc(points);
      return res;
    };
    return limiter;
  }
}

export function poolOf(dataSource: DataSource): Pool | undefined {
  return dataSource.isInitialized ? (dataSource.driver as PostgresDriver).master : undefined;
}
