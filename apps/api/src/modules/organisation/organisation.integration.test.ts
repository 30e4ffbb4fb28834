import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ as: DEMO.admin });
});
afterAll(() => server.close());

const LIST = `query ($first: Int, $after: String, $filter: OrganisationFilter) {
  organisations(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id name kboNumber kind sizeClass province sector } }
  }
}`;

interface ListData {
  organisations: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      node: {
        id: string;
        name: string;
        kboNumber: string | null;
        kind: string;
        sizeClass: string | null;
        province: string | null;
      };
    }[];
  };
}

describe('organisations', () => {
  it('pages through companies with stable cursors and a total count', async () => {
    const filter = { kinds: ['COMPANY'], provinces: ['Limburg'] };
    const first = await server.gql<ListData>(LIST, { first: 5, filter });
    expect(first.errors).toBeUndefined();
    const page1 = first.data!.organisations;
    expect(page1.totalCount).toBeGreaterThan(5);
    expect(page1.edges).toHaveLength(5);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(
      page1.edges.every((e) => e.node.kind === 'COMPANY' && e.node.province === 'Limburg'),
    ).toBe(true);
    const second = await server.gql<ListData>(LIST, {
      first: 5,
      after: page1.pageInfo.endCursor,
      filter,
    });
    const page2 = second.data!.organisations;
    const ids1 = new Set(page1.edges.map((e) => e.node.id));
    expect(page2.edges.some((e) => ids1.has(e.node.id))).toBe(false);
    expect(page2.edges[0]!.node.name >= page1.edges[4]!.node.name).toBe(true);
  });

  it('finds a company by its KBO number in any notation', async () => {
    const some = await server.gql<ListData>(LIST, { first: 1, filter: { kinds: ['COMPANY'] } });
    const org = some.data!.organisations.edges[0]!.node;
    const kbo = org.kboNumber!;
    const dotted = `BE ${kbo.slice(0, 4)}.${kbo.slice(4, 7)}.${kbo.slice(7)}`;
    const found = await server.gql<ListData>(LIST, { filter: { search: dotted } });
    expect(found.data!.organisations.edges.map((e) => e.node.id)).toEqual([org.id]);
  });

  it('rejects first over 100, negative first and a malformed cursor with BAD_USER_INPUT', async () => {
    for (const variables of [
      { first: 101 },
      { first: -1 },
      { first: 0 },
      { after: 'not-a-cursor' },
    ]) {
      const res = await server.gql(LIST, variables);
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
    }
  });

  it('answers an unknown id with NOT_FOUND and a malformed id with BAD_USER_INPUT', async () => {
    const unknown = await server.gql(
      '{ organisation(id: "00000000-0000-4000-8000-000000000000") { id } }',
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = await server.gql(
      '{ organisation(id: "123; DROP TABLE organisation") { id } }',
    );
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const still = await server.gql<ListData>(LIST, { first: 1 });
    expect(still.data!.organisations.totalCount).toBeGreaterThan(0);
  });
});
