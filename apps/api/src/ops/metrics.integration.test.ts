import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDataSource } from '../database/data-source.js';
import { createApp } from '../server.js';
import { DEMO, startTestServer, type TestServer } from '../test/harness.js';
import { research } from '../test/research-client.js';

const TOKEN = 'metrics-token-for-the-tests';
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ metricsToken: TOKEN });
});
afterAll(() => server?.close());

async function scrape(url: string) {
  const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

/** The value of one series, e.g. value(text, 'x_total{a="b"}'). */
function value(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : undefined;
}

describe('/metrics', () => {
  it('needs the token in production', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${server.url}/metrics`, {
      headers: { authorization: 'Bearer not-the-token-at-all-000' },
    });
    expect(wrong.status).toBe(401);
    const untokened = await startTestServer({ keepRateLimits: true });
    try {
      const res = await fetch(`${untokened.url}/metrics`);
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('METRICS_TOKEN');
    } finally {
      await untokened.close();
    }
  });

  it('counts and times operations by name on both endpoints, and research points spent', async () => {
    const before = await scrape(server.url);
    const spentBefore = value(before, 'research_cost_points_total') ?? 0;
    for (let i = 0; i < 3; i++) await server.gql('query MetricsProgrammes { programmes { key } }');
    await server.gql('query MetricsBroken { noSuchField }');
    const answer = await research(
      server,
      'query MetricsResearch { aggregate(measures: [COMPANIES], dimensions: [PROGRAMME]) { total { companies { value } } } }',
    );
    const cost = (answer.extensions!.cost as { requested: number }).requested;
    expect(cost).toBeGreaterThan(0);

    const text = await scrape(server.url);
    const ok = 'endpoint="graphql",operation="MetricsProgrammes",outcome="ok"';
    expect(value(text, `graphql_operations_total{${ok}}`)).toBe(3);
    expect(
      value(
        text,
        'graphql_operations_total{endpoint="graphql",operation="(invalid)",outcome="error"}',
      ) ?? 0,
    ).toBeGreaterThanOrEqual(1);
    expect(
      value(
        text,
        'graphql_operation_duration_seconds_count{endpoint="graphql",operation="MetricsProgrammes"}',
      ),
    ).toBe(3);
    expect(
      value(
        text,
        'graphql_operations_total{endpoint="research",operation="MetricsResearch",outcome="ok"}',
      ),
    ).toBe(1);
    expect(
      value(text, 'http_requests_total{endpoint="research",status="200"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(value(text, 'research_cost_points_total')).toBe(spentBefore + cost);
    expect(value(text, 'db_pool_connections{pool="primary",state="max"}')).toBe(
      inject('embedded') ? 1 : 2,
    );
    // The bundled dataset load builds the rollup: it has an age.
    expect(value(text, 'analytics_rollup_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('counts session cache hits and misses and says whether it listens', async () => {
    const { cookie } = await server.signIn(DEMO.analyst);
    const before = await scrape(server.url);
    const hits = value(before, 'session_cache_lookups_total{result="hit"}') ?? 0;
    const misses = value(before, 'session_cache_lookups_total{result="miss"}') ?? 0;
    for (let i = 0; i < 3; i++) await server.gql('{ viewer { id } }', {}, { cookie });
    const after = await scrape(server.url);
    const embedded = inject('embedded');
    // Signing in read the session (and, on PostgreSQL, cached it): the three come from memory.
    expect(value(after, 'session_cache_listening')).toBe(embedded ? 0 : 1);
    expect(value(after, 'session_cache_lookups_total{result="hit"}')).toBe(
      hits + (embedded ? 0 : 3),
    );
    expect(value(after, 'session_cache_lookups_total{result="miss"}')).toBe(
      misses + (embedded ? 3 : 0),
    );
  });

  it('bounds the operation names clients can create', () => {
    const { metrics } = server.app;
    const labels = new Set<string>();
    for (let i = 0; i < 500; i++) labels.add(metrics.operationLabel(`Generated${i}`));
    expect(labels.size).toBeLessThanOrEqual(201);
    expect(labels.has('(other)')).toBe(true);
    expect(metrics.operationLabel('not a name; DROP')).toBe('(other)');
    expect(metrics.operationLabel(undefined)).toBe('(anonymous)');
  });
});

describe('internal errors', () => {
  it('are masked, counted on both endpoints and logged with the request id', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
        done();
      },
    });
    const dataSource = createDataSource({
      url: inject('databaseUrl'),
      embedded: inject('embedded'),
    });
    await dataSource.initialize();
    const app = await createApp({
      dataSource,
      logger: pino({ level: 'error' }, sink),
      attachmentDir: join(tmpdir(), `werkgezond-metrics-${process.pid}`),
      metricsToken: TOKEN,
    });
    await new Promise<void>((done) => app.httpServer.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
    try {
      // The database goes away under the running app: every query now fails inside.
      await dataSource.destroy();
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'req-internal-1' },
        body: JSON.stringify({ query: '{ programmes { key } }' }),
      });
      const body = (await res.json()) as { errors: { message: string; extensions: object }[] };
      expect(body.errors[0]).toMatchObject({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(JSON.stringify(body)).not.toContain('stacktrace');
      const r = await fetch(`${url}/research/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: 'Bearer wg_demo_research_key',
        },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(
        ((await r.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions
          .code,
      ).toBe('INTERNAL_SERVER_ERROR');

      const text = await scrape(url);
      expect(value(text, 'internal_errors_total{endpoint="graphql"}')).toBe(1);
      expect(value(text, 'internal_errors_total{endpoint="research"}')).toBe(1);
      const logged = lines.find((l) => l.msg === 'internal error' && l.endpoint === 'graphql');
      expect(logged?.requestId).toBe('req-internal-1');
    } finally {
      await new Promise<void>((done) => app.httpServer.close(() => done()));
    }
  });
});
