import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO, startTestServer, type TestServer } from '../../test/harness.js';
import { SessionCache } from './session-cache.js';

// Two API instances (own data source, own cache, own LISTEN connection) on one database, as two
// machines behind a load balancer. The cache exists on PostgreSQL only (see session-cache.ts).
const embedded = inject('embedded');
let a: TestServer;
let b: TestServer;
const cacheOf = (server: TestServer) => SessionCache.for(server.dataSource);

beforeAll(async () => {
  a = await startTestServer();
  b = await startTestServer({ keepRateLimits: true });
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

const viewerOn = async (server: TestServer, cookie: string) =>
  (
    await server.gql<{ viewer: { id: string; roles: string[] } | null }>(
      '{ viewer { id roles } }',
      {},
      { cookie },
    )
  ).data?.viewer ?? null;

/** Both instances have handled every notice committed so far. */
const settled = () => Promise.all([cacheOf(a).sync(), cacheOf(b).sync()]);

describe.skipIf(embedded)('session cache on two instances', () => {
  it('answers a session from memory after the first request', async () => {
    const { cookie } = await a.signIn(DEMO.analyst);
    expect(cacheOf(b).active).toBe(true);
    const before = cacheOf(b).counters();
    expect(await viewerOn(b, cookie)).not.toBeNull();
    expect(await viewerOn(b, cookie)).not.toBeNull();
    const after = cacheOf(b).counters();
    expect(after.misses - before.misses).toBe(1);
    expect(after.hits - before.hits).toBe(1);
  });

  it('signing out on one instance ends the session on the other', async () => {
    const { cookie } = await a.signIn(DEMO.analyst);
    expect(await viewerOn(a, cookie)).not.toBeNull();
    expect(await viewerOn(b, cookie)).not.toBeNull();
    expect(await viewerOn(b, cookie)).not.toBeNull(); // now from b's memory
    const out = await a.gql('mutation { signOut }', {}, { cookie });
    expect(out.errors).toBeUndefined();
    // The instance that signed out needs no notice.
    expect(await viewerOn(a, cookie)).toBeNull();
    await settled();
    expect(await viewerOn(b, cookie)).toBeNull();
  });

  it('a role changed by any writer (plain SQL here) reaches both instances', async () => {
    const { cookie } = await a.signIn(DEMO.manager);
    const userId = (await viewerOn(a, cookie))!.id;
    expect((await viewerOn(b, cookie))!.roles).toEqual(['PROGRAMME_MANAGER']);
    await a.dataSource.query(`INSERT INTO role_grant (user_id, role) VALUES ($1, 'ANALYST')`, [
      userId,
    ]);
    try {
      await settled();
      for (const server of [a, b])
        expect((await viewerOn(server, cookie))!.roles).toEqual(['PROGRAMME_MANAGER', 'ANALYST']);
    } finally {
      await a.dataSource.query(`DELETE FROM role_grant WHERE user_id = $1 AND role = 'ANALYST'`, [
        userId,
      ]);
    }
    await settled();
    expect((await viewerOn(b, cookie))!.roles).toEqual(['PROGRAMME_MANAGER']);
  });

  it('a sliding renewal is no change: the session stays in memory', async () => {
    const { cookie } = await a.signIn(DEMO.analyst);
    expect(await viewerOn(b, cookie)).not.toBeNull();
    const userId = (await viewerOn(b, cookie))!.id;
    await a.dataSource.query(
      `UPDATE user_session SET expires_at = expires_at + interval '1 minute' WHERE user_id = $1`,
      [userId],
    );
    await settled();
    const before = cacheOf(b).counters();
    expect(await viewerOn(b, cookie)).not.toBeNull();
    expect(cacheOf(b).counters().hits - before.hits).toBe(1);
  });

  it('without its LISTEN connection an instance reads every session from the database', async () => {
    const { cookie } = await a.signIn(DEMO.analyst);
    expect(await viewerOn(b, cookie)).not.toBeNull();
    expect(await viewerOn(b, cookie)).not.toBeNull();
    // Cut every instance's LISTEN connection: notices sent now are lost.
    await a.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'werkgezond-auth' AND datname = current_database()`,
    );
    await expect.poll(() => cacheOf(b).active, { timeout: 10_000, interval: 20 }).toBe(false);
    const userId = (await viewerOn(a, cookie))!.id;
    await a.dataSource.query('UPDATE user_session SET revoked_at = now() WHERE user_id = $1', [
      userId,
    ]);
    // No notice reached b, yet it does not answer from what it held.
    expect(await viewerOn(b, cookie)).toBeNull();
    // It listens again by itself, and then caches again.
    await expect.poll(() => cacheOf(b).active, { timeout: 10_000, interval: 50 }).toBe(true);
    const fresh = await a.signIn(DEMO.analyst);
    const before = cacheOf(b).counters();
    expect(await viewerOn(b, fresh.cookie)).not.toBeNull();
    expect(await viewerOn(b, fresh.cookie)).not.toBeNull();
    expect(cacheOf(b).counters().hits - before.hits).toBe(1);
  });

  it('stays off when its LISTEN connection does not hear the pool (e.g. pgbouncer in transaction mode)', async () => {
    // Notices do not cross databases: listening in another one is as deaf as a pooled session.
    const elsewhere = new URL(inject('databaseUrl'));
    elsewhere.pathname = '/postgres';
    const deaf = await startTestServer({
      keepRateLimits: true,
      sessionCache: { listenUrl: elsewhere.toString() },
    });
    try {
      expect(cacheOf(deaf).active).toBe(false);
      const { cookie } = await deaf.signIn(DEMO.analyst);
      const before = cacheOf(deaf).counters();
      expect(await viewerOn(deaf, cookie)).not.toBeNull();
      expect(await viewerOn(deaf, cookie)).not.toBeNull();
      expect(cacheOf(deaf).counters().hits).toBe(before.hits);
    } finally {
      await deaf.close();
    }
  });
});
