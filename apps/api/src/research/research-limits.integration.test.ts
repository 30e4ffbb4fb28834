import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO, startTestServer, type TestServer } from '../test/harness.js';
import { createKey, research } from '../test/research-client.js';

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer({ freshDataset: true });
  admin = (await server.signIn(DEMO.admin)).cookie;
});
afterAll(() => server.close());

interface Cost {
  requested: number;
  remaining: number;
  resetAt: string;
  dryRun: boolean;
}
const costOf = (res: { extensions?: Record<string, unknown> }) => res.extensions?.cost as Cost;

const SMALL =
  '{ aggregate(measures: [COMPANIES], dimensions: [PROGRAMME]) { total { companies { value } } } }';
/** 22 sectors × 10 channels × 6 provinces (with "unknown"): over the per-request maximum. */
const HUGE =
  '{ aggregate(measures: [COMPANIES], dimensions: [SECTOR, CHANNEL, PROVINCE]) { total { companies { value } } } }';

describe('cost, feedback and budget', () => {
  it('prices before executing and reports cost and budget on every answer, with RateLimit headers', async () => {
    const { key } = await createKey(server, admin, 'Limits – feedback');
    const res = await research(server, SMALL, { key });
    expect(res.status).toBe(200);
    const cost = costOf(res);
    expect(cost.requested).toBe(3); // 1 + two programmes
    expect(cost.remaining).toBe(5000 - 3);
    expect(Date.parse(cost.resetAt)).toBeGreaterThan(Date.now());
    expect(res.headers.get('ratelimit-limit')).toBe('5000');
    expect(res.headers.get('ratelimit-remaining')).toBe(String(5000 - 3));
    expect(Number(res.headers.get('ratelimit-reset'))).toBeGreaterThan(3000);

    // Errors carry it too.
    const bad = await research(
      server,
      '{ aggregate(measures: []) { total { companies { value } } } }',
      { key },
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(costOf(bad).remaining).toBeLessThan(5000);
    expect(bad.headers.get('ratelimit-remaining')).not.toBeNull();
  });

  it('dry run (x-dry-run: 1) returns only the cost and spends nothing', async () => {
    const { key } = await createKey(server, admin, 'Limits – dry run');
    const res = await research(server, SMALL, { key, headers: { 'x-dry-run': '1' } });
    expect(res.status).toBe(200);
    expect(res.data).toBeNull();
    expect(res.errors).toBeUndefined();
    expect(costOf(res)).toMatchObject({ requested: 3, remaining: 5000, dryRun: true });
    const again = await research(server, SMALL, { key });
    expect(costOf(again).remaining).toBe(4997);
  });

  it('refuses a request over 1000 points with QUERY_TOO_COMPLEX, executing nothing', async () => {
    const { key } = await createKey(server, admin, 'Limits – too costly');
    const before = server.queryCount();
    const res = await research(server, HUGE, { key });
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'COST' });
    expect(costOf(res).requested).toBeGreaterThan(1000);
    expect(costOf(res).remaining).toBe(5000);
    // Only the key look-up (and its last-used stamp), the dimension catalog (read per request
    // to price it) and the query log row ran: no population check, no aggregate.
    expect(server.queryCount() - before).toBeLessThanOrEqual(4);
    const control = server.queryCount();
    await research(server, SMALL, { key });
    expect(server.queryCount() - control).toBeGreaterThanOrEqual(3);
  });

  it('counts every alias: the same field ten times costs ten times', async () => {
    const { key } = await createKey(server, admin, 'Limits – aliases cost');
    const one =
      '{ aggregate(measures: [COMPANIES], dimensions: [SECTOR, PROVINCE]) { total { companies { value } } } }';
    const single = costOf(
      await research(server, one, { key, headers: { 'x-dry-run': '1' } }),
    ).requested;
    const ten = `{ ${Array.from({ length: 10 }, (_, i) => `a${i}: aggregate(measures: [COMPANIES], dimensions: [SECTOR, PROVINCE]) { total { companies { value } } }`).join(' ')} }`;
    const res = await research(server, ten, { key });
    expect(single).toBeGreaterThan(100);
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.errors?.[0]?.message).toContain(String(single * 10));
  });

  it('spends the hourly budget and then answers RATE_LIMITED (429, Retry-After) without data', async () => {
    const { key } = await createKey(server, admin, 'Limits – budget');
    // 1 + 22 × 6 × 5 = 661 points per request (sector × province × size class, with "unknown").
    const big =
      '{ aggregate(measures: [COMPANIES], dimensions: [SECTOR, PROVINCE, SIZE_CLASS]) { total { companies { value } } } }';
    const price = costOf(
      await research(server, big, { key, headers: { 'x-dry-run': '1' } }),
    ).requested;
    expect(price).toBeLessThanOrEqual(1000);
    const rounds = Math.floor(5000 / price);
    for (let i = 0; i < rounds; i++) {
      const ok = await research(server, big, { key });
      expect(ok.errors).toBeUndefined();
    }
    const refused = await research(server, big, { key });
    expect(refused.status).toBe(429);
    expect(refused.data).toBeUndefined();
    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(costOf(refused).remaining).toBe(5000 - rounds * price);
    // A cheap request still fits in what is left; another key is unaffected.
    expect((await research(server, SMALL, { key })).status).toBe(200);
    expect(costOf(await research(server, SMALL)).remaining).toBeGreaterThan(4000);
  });
});

describe('shape limits', () => {
  it('refuses depth over 8 (QUERY_TOO_COMPLEX, DEPTH)', async () => {
    let inner = 'total { companies { value } }';
    for (let i = 0; i < 8; i++) inner = `... on AggregateAnswer { ${inner} }`;
    const res = await research(server, `{ aggregate(measures: [COMPANIES]) { ${inner} } }`);
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'DEPTH',
    });
  });

  it('refuses more than 15 aliases (QUERY_TOO_COMPLEX, ALIASES)', async () => {
    const fields = Array.from(
      { length: 16 },
      (_, i) => `p${i}: disclosurePolicy { threshold }`,
    ).join(' ');
    const res = await research(server, `{ ${fields} }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'ALIASES',
    });
    const fifteen = Array.from(
      { length: 15 },
      (_, i) => `p${i}: disclosurePolicy { threshold }`,
    ).join(' ');
    expect((await research(server, `{ ${fifteen} }`)).status).toBe(200);
  });

  it('refuses documents that are too large: body size (413) and token count (400)', async () => {
    const padding = ' '.repeat(20_000);
    const big = await research(server, `{ disclosurePolicy { threshold } ${padding}}`);
    expect(big.status).toBe(413);
    expect(big.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_LARGE');
    const tokens = `{ disclosurePolicy { ${'a '.repeat(2100)} } }`;
    const many = await research(server, tokens);
    expect(many.status).toBe(400);
    expect(many.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_LARGE');
  });

  it('answers TIMEOUT (503) when the time limit is over before the work starts', async () => {
    // A zero limit: the deadline has passed by the time any resolver runs, whatever the speed
    // of the machine, so nothing is sent to the database.
    const late = await startTestServer({ research: { timeoutMs: 0 } });
    try {
      const res = await research(late, SMALL);
      expect(res.status).toBe(503);
      expect(res.errors?.[0]?.extensions?.code).toBe('TIMEOUT');
      expect(res.data?.aggregate ?? null).toBeNull();
    } finally {
      await late.close();
    }
  });

  // A statement held up by a lock this test owns: it cannot finish before the deadline, and
  // the test decides when it ends. PostgreSQL only: the embedded database is one session, in
  // which a lock blocks nobody.
  it.skipIf(inject('embedded'))(
    'answers TIMEOUT (503) while the statement still runs; the statement is cancelled before the server closes',
    async () => {
      const slow = await startTestServer({ research: { timeoutMs: 5_000 } });
      const lock = server.dataSource.createQueryRunner();
      await lock.connect();
      try {
        await lock.startTransaction();
        // The aggregate reads application_member; the key check, budget and catalog do not.
        await lock.query('LOCK TABLE application_member IN ACCESS EXCLUSIVE MODE');
        const [{ pid: lockPid }] = await lock.query('SELECT pg_backend_pid() AS pid');
        const blockedBy = async (): Promise<number[]> =>
          (
            await server.dataSource.query(
              'SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))',
              [lockPid],
            )
          ).map((r: { pid: number }) => r.pid);

        const res = await research(slow, SMALL);
        expect(res.status).toBe(503);
        expect(res.errors?.[0]?.extensions?.code).toBe('TIMEOUT');
        expect(res.data?.aggregate ?? null).toBeNull();

        // The API gave up on the work; the database still has its statement, waiting for the
        // lock (polled: work abandoned at the deadline may send it a moment later).
        const until = (ms: number) => Date.now() + ms;
        const found = until(10_000);
        let waiting = await blockedBy();
        while (!waiting.length) {
          if (Date.now() >= found)
            throw new Error('the aggregate statement never reached the lock');
          await new Promise((r) => setTimeout(r, 50));
          waiting = await blockedBy();
        }
        for (const pid of waiting)
          await server.dataSource.query('SELECT pg_cancel_backend($1)', [pid]);
        await lock.rollbackTransaction();
        // Nothing of it left running when the server closes (bounded wait, no busy loop).
        const deadline = until(10_000);
        for (;;) {
          const [{ active }] = await server.dataSource.query(
            `SELECT count(*)::int AS active FROM pg_stat_activity
              WHERE pid = ANY($1::int[]) AND state = 'active'`,
            [waiting],
          );
          if (active === 0) break;
          if (Date.now() >= deadline)
            throw new Error(`statements of ${waiting.join(', ')} still running after 10 s`);
          await new Promise((r) => setTimeout(r, 50));
        }
      } finally {
        if (lock.isTransactionActive) await lock.rollbackTransaction();
        await lock.release();
        await slow.close();
      }
    },
  );
});
