import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestServer, type TestServer } from '../test/harness.js';
import { createKey, research } from '../test/research-client.js';

let server: TestServer;
let admin: string;
let key: { key: string; id: string };

beforeAll(async () => {
  // The cost below counts the programmes (one group each): the bundled two, not those that
  // back-office test files added earlier in the same run (the file order is not fixed).
  server = await startTestServer({ freshDataset: true });
  admin = (await server.signIn(DEMO.admin)).cookie;
  key = await createKey(server, admin, 'Query log test');
});
afterAll(() => server.close());

interface Entry {
  keyId: string;
  keyPrefix: string;
  operationName: string | null;
  rootFields: string[];
  query: string;
  variables: string | null;
  cost: number;
  dryRun: boolean;
  outcome: string;
  at: string;
}
const LOG = `query ($keyId: ID, $limit: Int!, $before: DateTimeISO) {
  researchQueryLog(keyId: $keyId, limit: $limit, before: $before) {
    keyId keyPrefix operationName rootFields query variables cost dryRun outcome at } }`;

describe('research query log', () => {
  it('keeps what each key asked, when, its cost and outcome, for admins on /graphql', async () => {
    const ok = await research(
      server,
      'query Totals($d: [ResearchDimension!]) { a: aggregate(measures: [COMPANIES], dimensions: $d) { total { companies { value } } } programmes { key } }',
      { key: key.key, variables: { d: ['PROGRAMME'] } },
    );
    expect(ok.errors).toBeUndefined();
    const dry = await research(server, '{ aggregate(measures: [COMPANIES]) { threshold } }', {
      key: key.key,
      headers: { 'x-dry-run': '1' },
    });
    expect(dry.status).toBe(200);
    const bad = await research(
      server,
      '{ funnel(input: { programmeKey: "gezondheidscoaches", asOf: "2019-07-15" }) { threshold } }',
      { key: key.key },
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const res = await server.gql<{ researchQueryLog: Entry[] }>(
      LOG,
      { keyId: key.id, limit: 10 },
      { cookie: admin },
    );
    expect(res.errors).toBeUndefined();
    const entries = res.data!.researchQueryLog;
    expect(entries.map((e) => e.outcome)).toEqual(['BAD_USER_INPUT', 'OK', 'OK']);
    const [failed, dryRun, first] = entries as [Entry, Entry, Entry];
    expect(first).toMatchObject({
      keyId: key.id,
      operationName: 'Totals',
      rootFields: ['aggregate', 'programmes'],
      variables: JSON.stringify({ d: ['PROGRAMME'] }),
      dryRun: false,
    });
    expect(first.keyPrefix).toBe(key.key.slice(0, first.keyPrefix.length));
    expect(first.query).toContain('a: aggregate(measures: [COMPANIES]');
    // aggregate by PROGRAMME: 1 + its 2 groups; programmes: 1.
    expect(first.cost).toBe(4);
    expect(dryRun).toMatchObject({ dryRun: true, rootFields: ['aggregate'] });
    expect(dryRun.cost).toBeGreaterThan(0);
    expect(failed.rootFields).toEqual(['funnel']);
    // Paging back: entries strictly before the newest one.
    const older = await server.gql<{ researchQueryLog: Entry[] }>(
      LOG,
      { keyId: key.id, limit: 10, before: failed.at },
      { cookie: admin },
    );
    expect(older.data!.researchQueryLog.map((e) => e.outcome)).toEqual(['OK', 'OK']);
  });

  it('answers bad arguments with BAD_USER_INPUT', async () => {
    for (const variables of [{ limit: 0 }, { limit: 500 }, { keyId: 'not-a-key', limit: 5 }]) {
      const res = await server.gql(LOG, variables, { cookie: admin });
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
    }
  });

  it('is for admins only', async () => {
    const analyst = (await server.signIn(DEMO.analyst)).cookie;
    const res = await server.gql(LOG, { limit: 5 }, { cookie: analyst });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
