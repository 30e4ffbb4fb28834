import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_EDITION, createProgramme } from '../../test/backoffice-fixtures.js';
import { DEMO, startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
let admin: string;
let manager: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = (await server.signIn(DEMO.admin)).cookie;
  manager = (await server.signIn(DEMO.manager)).cookie;
});
afterAll(() => server.close());

const CREATE = `mutation ($input: BudgetAllocationInput!) {
  createBudgetAllocation(input: $input) { id programmeKey year editionId amountCents description source { key } } }`;
const UPDATE = `mutation ($input: UpdateBudgetAllocationInput!) {
  updateBudgetAllocation(input: $input) { id year amountCents description source { key } } }`;
const DELETE = 'mutation ($id: ID!) { deleteBudgetAllocation(id: $id) }';
const BUDGET = `query ($key: String!, $year: Int) { budget(programmeKey: $key, year: $year) {
  allocatedCents spentCents utilisation bySource { key allocatedCents spentCents }
  allocations { id editionId sourceKey year amountCents description } } }`;

interface BudgetAnswer {
  budget: {
    allocatedCents: number;
    spentCents: number;
    utilisation: number | null;
    bySource: { key: string; allocatedCents: number; spentCents: number }[];
    allocations: { id: string; sourceKey: string; year: number | null; amountCents: number }[];
  };
}
const budget = async (key: string, cookie = admin, year: number | null = 2025) =>
  server.gql<BudgetAnswer>(BUDGET, { key, year }, { cookie });

/** A new staff user who manages only this programme (invited by the admin); their session. */
async function newManagerOf(programmeKey: string): Promise<string> {
  const email = `budget-${randomUUID().slice(0, 8)}@example.be`;
  const invited = await server.gql<{ inviteUser: { acceptPath: string } }>(
    'mutation ($input: InviteUserInput!) { inviteUser(input: $input) { acceptPath } }',
    { input: { email, roles: ['PROGRAMME_MANAGER'], programmeKeys: [programmeKey] } },
    { cookie: admin },
  );
  const token = new URL(invited.data!.inviteUser.acceptPath, 'http://x').searchParams.get('token');
  const accepted = await server.gql(
    'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { id } }',
    { input: { token, displayName: 'Budgetbeheerder', password: 'een-lang-wachtwoord' } },
  );
  expect(accepted.errors, JSON.stringify(accepted.errors)).toBeUndefined();
  return (await server.signIn(email, 'een-lang-wachtwoord')).cookie;
}

const auditOf = async (entityId: string) =>
  (
    await server.gql<{
      auditTrail: { edges: { node: { action: string; before: unknown; after: unknown } }[] };
    }>(
      `query ($f: AuditFilter) { auditTrail(first: 10, filter: $f) { edges { node { action before after } } } }`,
      { f: { entityType: 'BUDGET_ALLOCATION', entityId } },
      { cookie: admin },
    )
  ).data!.auditTrail.edges.map((e) => e.node);

describe('budget allocations', () => {
  it('creates, changes and deletes an allocation; utilisation follows; every change is audited', async () => {
    const programme = await createProgramme(server, admin);
    const created = await server.gql<{ createBudgetAllocation: { id: string; year: number } }>(
      CREATE,
      {
        input: {
          programmeKey: programme.key,
          fundingSourceKey: 'esf',
          year: 2025,
          amountCents: 1_000_000,
          description: '  ESF-tranche 2025 ',
        },
      },
      { cookie: admin },
    );
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    const id = created.data!.createBudgetAllocation.id;
    expect(created.data!.createBudgetAllocation).toMatchObject({
      programmeKey: programme.key,
      year: 2025,
      amountCents: 1_000_000,
      description: 'ESF-tranche 2025',
      source: { key: 'esf' },
    });

    const spend = await server.gql(
      `mutation ($input: ExpenditureInput!) { recordExpenditure(input: $input) { id } }`,
      {
        input: {
          programmeKey: programme.key,
          category: 'COACH_FEES',
          amountCents: 250_000,
          spentOn: '2025-06-01',
          description: 'Coachingsessies',
          fundingSourceKey: 'esf',
        },
      },
      { cookie: admin },
    );
    expect(spend.errors, JSON.stringify(spend.errors)).toBeUndefined();
    let res = await budget(programme.key);
    expect(res.data!.budget).toMatchObject({
      allocatedCents: 1_000_000,
      spentCents: 250_000,
      utilisation: 0.25,
      bySource: [{ key: 'esf', allocatedCents: 1_000_000, spentCents: 250_000 }],
    });
    expect(res.data!.budget.allocations).toEqual([
      expect.objectContaining({ id, sourceKey: 'esf', year: 2025, amountCents: 1_000_000 }),
    ]);

    const updated = await server.gql(
      UPDATE,
      {
        input: {
          id,
          fundingSourceKey: 'vlaamse-overheid',
          year: 2025,
          amountCents: 500_000,
          description: 'Vlaamse middelen',
        },
      },
      { cookie: admin },
    );
    expect(updated.errors, JSON.stringify(updated.errors)).toBeUndefined();
    res = await budget(programme.key);
    expect(res.data!.budget.allocatedCents).toBe(500_000);
    expect(res.data!.budget.utilisation).toBe(0.5);

    // A call of the programme: its year becomes the allocation's year.
    const edition = await server.gql<{ createEdition: { id: string } }>(
      CREATE_EDITION,
      {
        input: {
          programmeKey: programme.key,
          year: 2026,
          name: 'Oproep 2026',
          opensOn: '2026-01-01',
        },
      },
      { cookie: admin },
    );
    const forCall = await server.gql<{
      createBudgetAllocation: { id: string; year: number; editionId: string };
    }>(
      CREATE,
      {
        input: {
          programmeKey: programme.key,
          fundingSourceKey: 'esf',
          editionId: edition.data!.createEdition.id,
          amountCents: 300_000,
        },
      },
      { cookie: admin },
    );
    expect(forCall.data!.createBudgetAllocation).toMatchObject({
      year: 2026,
      editionId: edition.data!.createEdition.id,
    });
    expect((await budget(programme.key, admin, 2026)).data!.budget.allocatedCents).toBe(300_000);

    const deleted = await server.gql<{ deleteBudgetAllocation: string }>(
      DELETE,
      { id },
      { cookie: admin },
    );
    expect(deleted.data!.deleteBudgetAllocation).toBe(id);
    res = await budget(programme.key);
    expect(res.data!.budget).toMatchObject({ allocatedCents: 0, utilisation: null });

    const trail = await auditOf(id);
    expect(trail.map((r) => r.action)).toEqual(['budget.delete', 'budget.update', 'budget.create']);
    expect(trail[1]).toMatchObject({
      before: { fundingSource: 'esf', amountCents: 1_000_000 },
      after: { fundingSource: 'vlaamse-overheid', amountCents: 500_000 },
    });
  });

  it('answers bad input with a typed error and changes nothing', async () => {
    const programme = await createProgramme(server, admin);
    const other = await createProgramme(server, admin);
    const otherCall = await server.gql<{ createEdition: { id: string } }>(
      CREATE_EDITION,
      { input: { programmeKey: other.key, year: 2025, name: 'Oproep', opensOn: '2025-01-01' } },
      { cookie: admin },
    );
    const good = {
      programmeKey: programme.key,
      fundingSourceKey: 'esf',
      year: 2025,
      amountCents: 100_000,
    };
    const { id } = (
      await server.gql<{ createBudgetAllocation: { id: string } }>(
        CREATE,
        { input: good },
        { cookie: admin },
      )
    ).data!.createBudgetAllocation;
    const count = async () =>
      Number(
        (
          await server.dataSource.query(
            `SELECT (SELECT count(*) FROM budget_allocation WHERE programme_id = $1)
                  + (SELECT count(*) FROM audit_record WHERE entity_type = 'BUDGET_ALLOCATION') AS n`,
            [programme.id],
          )
        )[0].n,
      );
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, amountCents: -5 }, 'input.amountCents'],
      [{ ...good, amountCents: 12.5 }, 'input.amountCents'],
      [{ ...good, fundingSourceKey: 'nergens' }, 'input.fundingSourceKey'],
      [{ ...good, year: 1800 }, 'input.year'],
      [{ ...good, description: 'x'.repeat(501) }, 'input.description'],
      [{ ...good, editionId: otherCall.data!.createEdition.id }, 'input.editionId'],
      [{ ...good, editionId: 'geen-id' }, 'input.editionId'],
    ];
    for (const [input, field] of cases) {
      const res = await server.gql(CREATE, { input }, { cookie: admin });
      expect(res.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
      const { programmeKey: _k, ...rest } = input;
      const upd = await server.gql(UPDATE, { input: { ...rest, id } }, { cookie: admin });
      expect(upd.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    }
    expect(await count()).toBe(before);
    expect((await budget(programme.key)).data!.budget.allocatedCents).toBe(100_000);
  });

  it("a manager changes their programmes' budgets only, and reads only their budgets", async () => {
    const foreign = await createProgramme(server, admin);
    const res = await server.gql(
      CREATE,
      {
        input: { programmeKey: foreign.key, fundingSourceKey: 'esf', year: 2025, amountCents: 1 },
      },
      { cookie: manager },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const adminMade = await server.gql<{ createBudgetAllocation: { id: string } }>(
      CREATE,
      {
        input: { programmeKey: foreign.key, fundingSourceKey: 'esf', year: 2025, amountCents: 7 },
      },
      { cookie: admin },
    );
    const foreignId = adminMade.data!.createBudgetAllocation.id;
    for (const [query, variables] of [
      [DELETE, { id: foreignId }],
      [UPDATE, { input: { id: foreignId, fundingSourceKey: 'esf', amountCents: 9 } }],
    ] as const) {
      const r = await server.gql(query, variables, { cookie: manager });
      expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    expect((await budget(foreign.key, manager)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // A manager of their own (new) programme adds an allocation, sees it, takes it away again.
    const own = await createProgramme(server, admin);
    const cookie = await newManagerOf(own.key);
    const made = await server.gql<{ createBudgetAllocation: { id: string } }>(
      CREATE,
      { input: { programmeKey: own.key, fundingSourceKey: 'esf', year: 2025, amountCents: 123 } },
      { cookie },
    );
    expect(made.errors, JSON.stringify(made.errors)).toBeUndefined();
    expect((await budget(own.key, cookie)).data!.budget.allocatedCents).toBe(123);
    const del = await server.gql(DELETE, { id: made.data!.createBudgetAllocation.id }, { cookie });
    expect(del.errors).toBeUndefined();
    expect((await budget(own.key, cookie)).data!.budget.allocatedCents).toBe(0);
    expect((await budget(foreign.key, cookie)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
