import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ as: DEMO.admin });
});
afterAll(() => server.close());

const PAGE = `query ($first: Int, $filter: ApplicationFilter) {
  applications(first: $first, filter: $filter) {
    totalCount
    edges { node {
      id registrationType companyCount
      organisation { id name sizeClass }
      edition { year }
      programme { key }
      channel { key name }
      currentStage { key kind }
      members { id }
    } }
  }
}`;

interface PageData {
  applications: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        registrationType: string;
        companyCount: number;
        organisation: { id: string };
        edition: { year: number };
        programme: { key: string };
        channel: { key: string } | null;
        currentStage: { key: string; kind: string } | null;
        members: { id: string }[];
      };
    }[];
  };
}

describe('applications', () => {
  it('filters by programme and edition', async () => {
    const res = await server.gql<PageData>(PAGE, {
      first: 100,
      filter: { programmeKey: 'nv-gezond', years: [2014] },
    });
    expect(res.errors).toBeUndefined();
    // 29 award registrations in 2014 (published figure award-2014-registrations).
    expect(res.data!.applications.totalCount).toBe(29);
    for (const { node } of res.data!.applications.edges) {
      expect(node.programme.key).toBe('nv-gezond');
      expect(node.edition.year).toBe(2014);
      if (node.registrationType === 'GROUP') expect(node.members.length).toBe(node.companyCount);
    }
  });

  it('filters by current stage and channel', async () => {
    const rejected = await server.gql<PageData>(PAGE, {
      first: 100,
      // Bounded to the published period: other tests add applications of their own.
      filter: {
        programmeKey: 'gezondheidscoaches',
        stages: ['REJECTED'],
        submittedTo: '2019-07-31',
      },
    });
    expect(rejected.data!.applications.totalCount).toBe(15);
    expect(
      rejected.data!.applications.edges.every((e) => e.node.currentStage?.key === 'REJECTED'),
    ).toBe(true);
    const prebes = await server.gql<PageData>(PAGE, {
      first: 5,
      filter: { programmeKey: 'gezondheidscoaches', channelKeys: ['prebes'] },
    });
    expect(prebes.data!.applications.edges.every((e) => e.node.channel?.key === 'prebes')).toBe(
      true,
    );
  });

  it('filters by submission date range (inclusive, Brussels days)', async () => {
    const res = await server.gql<PageData>(PAGE, {
      first: 1,
      filter: { programmeKey: 'gezondheidscoaches', submittedTo: '2017-12-31' },
    });
    // 11 applications through 2017 (published figure coaches-2017-applications).
    expect(res.data!.applications.totalCount).toBe(11);
    const bad = await server.gql(PAGE, {
      filter: { submittedFrom: '2019-01-01', submittedTo: '2018-01-01' },
    });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await server.gql(PAGE, { filter: { programmeKey: 'onbekend' } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('batches nested fields: a page of 100 costs a constant number of SQL statements', async () => {
    const before = server.queryCount();
    const res = await server.gql<PageData>(PAGE, { first: 100 });
    const used = server.queryCount() - before;
    expect(res.data!.applications.edges).toHaveLength(100);
    const before10 = server.queryCount();
    await server.gql<PageData>(PAGE, { first: 10 });
    const used10 = server.queryCount() - before10;
    // count + page + one per nested type (organisation, edition, programme, channel, stages,
    // members); the same for 10 rows as for 100.
    expect(used).toBe(used10);
    expect(used).toBeLessThanOrEqual(10);
  });
});

describe('the list page in one statement', () => {
  const NODE =
    'id organisation { id name sizeClass } programme { key name } currentStage { key label kind }';
  type Node = {
    id: string;
    organisation: { id: string; name: string; sizeClass: string | null };
    programme: { key: string; name: string };
    currentStage: { key: string; label: string; kind: string } | null;
  };

  it('brings organisation, programme and current stage along with the page (fragments too)', async () => {
    for (const query of [
      `{ applications(first: 50, orderBy: ID) { edges { node { ${NODE} } } } }`,
      `query { applications(first: 50) { edges { ...E } } }
       fragment E on ApplicationEdge { node { ... on Application { ...N } } }
       fragment N on Application { ${NODE} }`,
    ]) {
      const before = server.queryCount();
      const res = await server.gql<{ applications: { edges: { node: Node }[] } }>(query);
      expect(res.errors).toBeUndefined();
      expect(res.data!.applications.edges).toHaveLength(50);
      // The page only, no loader statements (the session lookup, and the unfiltered page too,
      // are prepared statements sent outside TypeORM's log).
      expect(server.queryCount() - before).toBeLessThanOrEqual(1);
    }
  });

  it('gives the same organisation, programme and stage as the single-application loaders', async () => {
    // Drafts, decided, started, completed and exited applications alike.
    const list = await server.gql<{ applications: { edges: { node: Node }[] } }>(
      `{ applications(first: 100, orderBy: ID) { edges { node { ${NODE} } } } }`,
    );
    const nodes = list.data!.applications.edges.map((e) => e.node);
    const single = await server.gql<Record<string, Node>>(
      `{ ${nodes.map((n, i) => `a${i}: application(id: "${n.id}") { ${NODE} }`).join('\n')} }`,
    );
    expect(single.errors).toBeUndefined();
    expect(nodes.map((_, i) => single.data![`a${i}`])).toEqual(nodes);
    expect(new Set(nodes.map((n) => n.currentStage?.kind ?? null)).size).toBeGreaterThan(1);
  });

  it('answers the applicant alike whether the page fetched its name only or every column', async () => {
    // The name-only shape reads two columns (see organisationColumns); any other field, all.
    for (const fields of [
      'name',
      '__typename id name kind',
      'name sizeClass',
      `id kind kboNumber name employeeCount sizeClass naceCode sector province municipality
       businessPark hasPreventionCommittee firstTouchChannel { key }`,
    ]) {
      const list = await server.gql<{
        applications: { edges: { node: { id: string; organisation: object } }[] };
      }>(
        `{ applications(first: 60, orderBy: ID) { edges { node { id organisation { ${fields} } } } } }`,
      );
      expect(list.errors).toBeUndefined();
      const nodes = list.data!.applications.edges.map((e) => e.node);
      const single = await server.gql<Record<string, { id: string; organisation: object }>>(
        `{ ${nodes.map((n, i) => `a${i}: application(id: "${n.id}") { id organisation { ${fields} } }`).join('\n')} }`,
      );
      expect(single.errors).toBeUndefined();
      expect(nodes.map((_, i) => single.data![`a${i}`])).toEqual(nodes);
    }
  });
});

describe('applications ordered by id', () => {
  const BY_ID = `query ($after: String) {
    applications(first: 40, orderBy: ID, after: $after) {
      edges { node { id } }
      pageInfo { hasNextPage endCursor }
    }
  }`;
  type ById = {
    applications: {
      edges: { node: { id: string } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };

  it('pages through every application once, in id order, as SQL orders them', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const res = await server.gql<ById>(BY_ID, { after });
      expect(res.errors).toBeUndefined();
      const page: ById['applications'] = res.data!.applications;
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const rows: { id: string }[] = await server.dataSource.query(
      'SELECT id FROM application ORDER BY id',
    );
    expect(seen).toEqual(rows.map((r) => r.id));
  });

  it('refuses a cursor of the newest-first order', async () => {
    const newest = await server.gql<ById>(
      '{ applications(first: 1) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
    );
    const cursor = newest.data!.applications.pageInfo.endCursor;
    const res = await server.gql<ById>(BY_ID, { after: cursor });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
