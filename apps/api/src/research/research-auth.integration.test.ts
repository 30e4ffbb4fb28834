import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestServer, type TestServer } from '../test/harness.js';
import { createKey, DEMO_KEY, research } from '../test/research-client.js';

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer({ freshDataset: true });
  admin = (await server.signIn(DEMO.admin)).cookie;
});
afterAll(() => server.close());

const TOTAL = '{ aggregate(measures: [APPLICATIONS]) { total { applications { value } } } }';

describe('research API keys', () => {
  it('answers with the demo key', async () => {
    const res = await research<{ aggregate: { total: { applications: { value: number } } } }>(
      server,
      TOTAL,
    );
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data!.aggregate.total.applications.value).toBeGreaterThan(300);
  });

  it.each([
    ['no Authorization header', null],
    ['an unknown key', 'wg_thisKeyDoesNotExist_0123456789'],
    ['a malformed header value', 'not-a-key'],
  ])('refuses %s with 401 UNAUTHENTICATED and no data', async (_label, key) => {
    const res = await research(server, TOTAL, { key });
    expect(res.status).toBe(401);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('refuses a Basic or cookie-only request the same way', async () => {
    const res = await research(server, TOTAL, {
      key: null,
      headers: { authorization: `Basic ${Buffer.from(`x:${DEMO_KEY}`).toString('base64')}` },
    });
    expect(res.status).toBe(401);
    const withCookie = await research(server, TOTAL, { key: null, headers: { cookie: admin } });
    expect(withCookie.status).toBe(401);
  });

  it('an admin creates a key (shown once, stored as a hash), lists it and revokes it', async () => {
    const { key, id } = await createKey(server, admin, 'Integration test – revoke');
    expect(key).toMatch(/^wg_[A-Za-z0-9_-]{43}$/);
    expect((await research(server, TOTAL, { key })).status).toBe(200);

    const [row] = await server.dataSource.query(
      'SELECT key_hash, prefix, created_by, last_used_at FROM research_api_key WHERE id = $1',
      [id],
    );
    expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.key_hash).not.toContain(key);
    expect(key.startsWith(row.prefix)).toBe(true);
    expect(row.created_by).not.toBeNull();
    expect(row.last_used_at).not.toBeNull();

    const list = await server.gql<{
      researchApiKeys: { id: string; prefix: string; createdBy: string }[];
    }>('{ researchApiKeys { id prefix createdBy revokedAt } }', {}, { cookie: admin });
    const listed = list.data!.researchApiKeys.find((k) => k.id === id)!;
    expect(listed.createdBy).toBe(DEMO.admin);
    expect(JSON.stringify(list.data)).not.toContain(key);

    const revoked = await server.gql<{ revokeResearchApiKey: { revokedAt: string | null } }>(
      'mutation ($id: ID!) { revokeResearchApiKey(id: $id) { revokedAt } }',
      { id },
      { cookie: admin },
    );
    expect(revoked.data!.revokeResearchApiKey.revokedAt).not.toBeNull();
    const after = await research(server, TOTAL, { key });
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.message).toMatch(/revoked/);
    expect(after.data).toBeUndefined();

    // Both changes are in the audit trail, without the secret or its hash; revoking again
    // changes nothing and records nothing.
    await server.gql(
      'mutation ($id: ID!) { revokeResearchApiKey(id: $id) { id } }',
      { id },
      {
        cookie: admin,
      },
    );
    const trail = await server.gql<{
      auditTrail: {
        edges: { node: { action: string; actorEmail: string; before: unknown; after: unknown } }[];
      };
    }>(
      `query ($f: AuditFilter) { auditTrail(first: 5, filter: $f) { edges { node { action actorEmail before after } } } }`,
      { f: { entityType: 'RESEARCH_KEY', entityId: id } },
      { cookie: admin },
    );
    const records = trail.data!.auditTrail.edges.map((e) => e.node);
    expect(records.map((r) => r.action)).toEqual(['research-key.revoke', 'research-key.create']);
    expect(records.every((r) => r.actorEmail === DEMO.admin)).toBe(true);
    expect(records[1]!.after).toEqual({ name: 'Integration test – revoke', prefix: row.prefix });
    expect(JSON.stringify(records)).not.toContain(key);
    expect(JSON.stringify(records)).not.toContain(row.key_hash);
  });

  it('only an admin manages keys', async () => {
    const analyst = (await server.signIn(DEMO.analyst)).cookie;
    const res = await server.gql(
      'mutation { createResearchApiKey(input: { name: "Not allowed" }) { key } }',
      {},
      { cookie: analyst },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.data?.createResearchApiKey ?? null).toBeNull();
  });
});
