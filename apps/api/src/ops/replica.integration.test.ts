import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestServer, type TestServer } from '../test/harness.js';
import { research } from '../test/research-client.js';

/**
 * DATABASE_REPLICA_URL: a streaming replica of the test database (.ci/run starts one with
 * pg_basebackup). Without it this file is skipped, saying so.
 */
const replicaUrls = (process.env.DATABASE_REPLICA_URL ?? '')
  .split(',')
  .map((u) => u.trim())
  .filter(Boolean);
if (!replicaUrls.length) {
  console.warn(
    'replica.integration.test.ts skipped: set DATABASE_REPLICA_URL to a streaming replica of DATABASE_URL (.ci/run does)',
  );
}

const FUNNEL = `query ($input: FunnelInput!) { funnel(input: $input) {
  units steps { stage count dropOff exited } exits { stage count reasons { reason count } }
  groups { key { dimension key } units steps { stage count } } } }`;
/** How long the standby may take to replay the primary's latest write. */
const CATCH_UP_MS = 15_000;

const inputs = [
  { programmeKey: 'gezondheidscoaches', breakdownBy: ['CHANNEL'] },
  { programmeKey: 'nv-gezond', asOf: '2015-06-30' },
];

describe.skipIf(!replicaUrls.length)('read replica', () => {
  let primary: TestServer;
  let routed: TestServer;
  beforeAll(async () => {
    primary = await startTestServer({ as: DEMO.analyst });
    routed = await startTestServer({ as: DEMO.analyst, replicaUrls, keepRateLimits: true });
  });
  afterAll(async () => {
    await primary?.close();
    await routed?.close();
  });

  /**
   * Waits until the replica has replayed everything the primary has written so far, polling
   * every 50 ms; gives up after CATCH_UP_MS with the positions it saw (a broken or detached
   * standby fails the test instead of hanging it).
   */
  async function caughtUp() {
    const [{ lsn }] = await primary.dataSource.query('SELECT pg_current_wal_lsn()::text AS lsn');
    const replica = routed.app.readRouting!.replicas[0]!.dataSource;
    const deadline = Date.now() + CATCH_UP_MS;
    for (;;) {
      const [row] = await replica.query(
        `SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS done,
                pg_last_wal_replay_lsn()::text AS replayed`,
        [lsn],
      );
      if (row.done) return;
      if (Date.now() >= deadline)
        throw new Error(
          `replica did not catch up within ${CATCH_UP_MS} ms: primary at ${lsn}, replica replayed ${row.replayed ?? 'nothing'} (is the standby streaming from DATABASE_URL?)`,
        );
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('is a standby', async () => {
    const replica = routed.app.readRouting!.replicas[0]!.dataSource;
    expect((await replica.query('SELECT pg_is_in_recovery() AS r'))[0].r).toBe(true);
  });

  it('answers the funnel through the replica with the primary’s figures once caught up', async () => {
    // A write on the primary first (a new company signing up), then the replica catches up.
    const stamp = Date.now();
    await primary.dataSource.query(
      `INSERT INTO organisation (kind, name, employee_count, size_class, has_prevention_committee)
       VALUES ('COMPANY', $1, 12, 'SMALL', false)`,
      [`Replica test ${stamp}`],
    );
    await caughtUp();
    for (const input of inputs) {
      const before = routed.app.readRouting!.stats.replica;
      const viaReplica = await routed.gql(FUNNEL, { input });
      const viaPrimary = await primary.gql(FUNNEL, { input });
      expect(viaReplica.errors).toBeUndefined();
      expect(viaReplica.data).toEqual(viaPrimary.data);
      expect(routed.app.readRouting!.stats.replica).toBeGreaterThan(before);
    }
    const [{ seen }] = await routed.app.readRouting!.replicas[0]!.dataSource.query(
      'SELECT count(*)::int AS seen FROM organisation WHERE name = $1',
      [`Replica test ${stamp}`],
    );
    expect(seen).toBe(1);
  });

  it('answers research aggregates through the replica', async () => {
    const before = routed.app.readRouting!.stats.replica;
    const res = await research(
      routed,
      '{ aggregate(measures: [COMPANIES], dimensions: [PROGRAMME]) { total { companies { value } } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(routed.app.readRouting!.stats.replica).toBeGreaterThan(before);
  });
});
