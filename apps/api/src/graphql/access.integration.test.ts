import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_MATRIX, PERSONAS, type Persona } from '../test/access-matrix.js';
import { DEMO, startTestServer, type TestServer } from '../test/harness.js';

let server: TestServer;
const cookies: Partial<Record<Persona, string>> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const persona of PERSONAS) {
    if (persona !== 'anonymous') cookies[persona] = (await server.signIn(DEMO[persona])).cookie;
  }
});
afterAll(() => server.close());

const AUTH_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

describe('access matrix: every root field, every role, and no session', () => {
  it('covers every query and mutation of the schema', async () => {
    const res = await server.gql<{
      __schema: {
        queryType: { fields: { name: string }[] };
        mutationType: { fields: { name: string }[] };
      };
    }>('{ __schema { queryType { fields { name } } mutationType { fields { name } } } }');
    const fields = [
      ...res.data!.__schema.queryType.fields.map((f) => `Query.${f.name}`),
      ...res.data!.__schema.mutationType.fields.map((f) => `Mutation.${f.name}`),
    ].sort();
    expect(Object.keys(ACCESS_MATRIX).sort()).toEqual(fields);
  });

  for (const [field, rule] of Object.entries(ACCESS_MATRIX)) {
    for (const persona of PERSONAS) {
      const allowed =
        rule.allowed === 'everyone' ||
        (persona !== 'anonymous' &&
          (rule.allowed === 'signed-in' || rule.allowed.includes(persona)));
      it(`${field} as ${persona}: ${allowed ? 'allowed' : 'refused'}`, async () => {
        const cookie =
          rule.freshSession && persona !== 'anonymous'
            ? (await server.signIn(DEMO[persona])).cookie
            : cookies[persona];
        const headers: Record<string, string> = cookie ? { cookie } : {};
        const res = await server.gql(rule.query, rule.variables ?? {}, headers);
        const codes = (res.errors ?? []).map((e) => String(e.extensions?.code));
        if (allowed) {
          expect(
            codes.filter((c) => AUTH_CODES.has(c)),
            JSON.stringify(res.errors),
          ).toEqual([]);
        } else {
          expect(codes[0]).toBe(persona === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
          expect(res.data?.[rule.query.match(/\{\s*(\w+)/)![1]!] ?? null).toBeNull();
        }
      });
    }
  }
});

interface AppPage {
  applications: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        organisation: { id: string; name: string };
        members: { id: string }[];
        programme: { key: string };
      };
    }[];
  };
}
const MY_APPS = `{ applications(first: 100) { totalCount edges { node { id programme { key }
  organisation { id name } members { id } } } } }`;

describe('row-level access', () => {
  it('a participant sees only applications of their own company, in both programmes', async () => {
    const me = await server.gql<{ viewer: { organisation: { id: string } } }>(
      '{ viewer { organisation { id } } }',
      {},
      { cookie: cookies.participant! },
    );
    const orgId = me.data!.viewer.organisation.id;
    const res = await server.gql<AppPage>(MY_APPS, {}, { cookie: cookies.participant! });
    const apps = res.data!.applications.edges.map((e) => e.node);
    expect(apps.length).toBeGreaterThan(0);
    expect(new Set(apps.map((a) => a.programme.key))).toEqual(
      new Set(['nv-gezond', 'gezondheidscoaches']),
    );
    for (const a of apps) {
      expect(a.organisation.id === orgId || a.members.some((m) => m.id === orgId)).toBe(true);
    }
  });

  it("another company's application or organisation answers NOT_FOUND, exactly like a missing one", async () => {
    const all = await server.gql<AppPage>(MY_APPS, {}, { cookie: cookies.admin! });
    const mine = await server.gql<AppPage>(MY_APPS, {}, { cookie: cookies.participant! });
    const mineIds = new Set(mine.data!.applications.edges.map((e) => e.node.id));
    const other = all.data!.applications.edges.find(
      (e) => !mineIds.has(e.node.id) && e.node.members.length === 0,
    )!.node;
    const q = 'query ($id: ID!) { application(id: $id) { id } }';
    const foreign = await server.gql(q, { id: other.id }, { cookie: cookies.participant! });
    const missing = await server.gql(
      q,
      { id: '00000000-0000-4000-8000-000000000000' },
      { cookie: cookies.participant! },
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(foreign.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
    const org = await server.gql(
      'query ($id: ID!) { organisation(id: $id) { name } }',
      { id: other.organisation.id },
      { cookie: cookies.participant! },
    );
    expect(org.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it("a network coordinator also sees the network's group registrations", async () => {
    const res = await server.gql<AppPage>(MY_APPS, {}, { cookie: cookies.coordinator! });
    const apps = res.data!.applications.edges.map((e) => e.node);
    expect(apps.some((a) => a.members.length > 0)).toBe(true);
  });

  it('an analyst reads aggregates but no application rows', async () => {
    const res = await server.gql<AppPage>(MY_APPS, {}, { cookie: cookies.analyst! });
    expect(res.data!.applications.totalCount).toBe(0);
  });
});
