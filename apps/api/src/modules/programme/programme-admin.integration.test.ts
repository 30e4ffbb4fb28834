import { checkEligibility } from '@werkgezond/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APPLY,
  CREATE_EDITION,
  createProgramme,
  openCall,
  signUpCompany,
  UPDATE_EDITION,
} from '../../test/backoffice-fixtures.js';
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

const apply = (cookie: string, programmeKey: string, organisationId: string) =>
  server.gql<{ applyToProgramme: { id: string; version: number; edition: { year: number } } }>(
    APPLY,
    { input: { programmeKey, organisationId, registrationType: 'INDIVIDUAL' } },
    { cookie },
  );

describe('programmes and calls', () => {
  it('creates a programme with its stages and an audit record of who did it', async () => {
    const programme = await createProgramme(server, admin);
    const res = await server.gql<{
      programme: { stages: { key: string }[]; eligibility: { maxEmployees: number } };
    }>(
      `query ($key: String!) { programme(key: $key) { stages { key } eligibility { maxEmployees } } }`,
      {
        key: programme.key,
      },
    );
    expect(res.data!.programme.stages.map((s) => s.key)).toEqual([
      'APPLIED',
      'APPROVED',
      'STARTED',
      'COMPLETED',
      'REJECTED',
      'WITHDRAWN',
      'DROPPED_OUT',
    ]);
    expect(res.data!.programme.eligibility.maxEmployees).toBe(49);
    const audit = await server.gql<{
      auditTrail: {
        edges: { node: { action: string; actorEmail: string; after: { key: string } } }[];
      };
    }>(
      `query ($f: AuditFilter) { auditTrail(first: 5, filter: $f) { edges { node { action actorEmail after } } } }`,
      { f: { entityType: 'PROGRAMME', entityId: programme.id } },
      { cookie: admin },
    );
    const [record] = audit.data!.auditTrail.edges.map((e) => e.node);
    expect(record).toMatchObject({ action: 'programme.create', actorEmail: DEMO.admin });
    expect(record!.after.key).toBe(programme.key);
  });

  it('refuses applications outside an open call with a typed error, accepts them inside', async () => {
    const programme = await createProgramme(server, admin);
    const company = await signUpCompany(server);
    const none = await apply(company.cookie, programme.key, company.organisationId);
    expect(none.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'NO_OPEN_CALL',
    });

    // A draft call for 2020 does not take applications; opened, it does.
    const year = new Date().getUTCFullYear();
    const draft = await server.gql<{
      createEdition: { id: string; status: string; acceptsApplications: boolean };
    }>(
      CREATE_EDITION,
      {
        input: {
          programmeKey: programme.key,
          year: 2020,
          name: 'Oproep 2020',
          opensOn: `${year - 1}-01-01`,
          closesOn: `${year + 1}-12-31`,
        },
      },
      { cookie: admin },
    );
    expect(draft.data!.createEdition).toMatchObject({
      status: 'DRAFT',
      acceptsApplications: false,
    });
    expect(
      (await apply(company.cookie, programme.key, company.organisationId)).errors?.[0]?.extensions
        ?.reason,
    ).toBe('NO_OPEN_CALL');
    const opened = await server.gql(
      UPDATE_EDITION,
      { input: { id: draft.data!.createEdition.id, status: 'OPEN' } },
      { cookie: admin },
    );
    expect(opened.errors).toBeUndefined();
    const ok = await apply(company.cookie, programme.key, company.organisationId);
    expect(ok.errors, JSON.stringify(ok.errors)).toBeUndefined();
    expect(ok.data!.applyToProgramme.edition.year).toBe(2020);

    // The portal sees the open call; once closed, it is gone and applying is refused again.
    const portal = await server.gql<{ programme: { openCall: { year: number } | null } }>(
      `query ($key: String!) { programme(key: $key) { openCall { year } } }`,
      { key: programme.key },
    );
    expect(portal.data!.programme.openCall?.year).toBe(2020);
    await server.gql(
      UPDATE_EDITION,
      { input: { id: draft.data!.createEdition.id, status: 'CLOSED' } },
      { cookie: admin },
    );
    const other = await signUpCompany(server);
    expect(
      (await apply(other.cookie, programme.key, other.organisationId)).errors?.[0]?.extensions
        ?.reason,
    ).toBe('NO_OPEN_CALL');
    const closed = await server.gql<{ programme: { openCall: unknown } }>(
      `query ($key: String!) { programme(key: $key) { openCall { year } } }`,
      { key: programme.key },
    );
    expect(closed.data!.programme.openCall).toBeNull();
  });

  it('a sector rule: the preview counts it like checkEligibility, applications outside it are refused', async () => {
    const rules = { maxEmployees: 49, naceSections: ['c', 'F'] };
    const res = await server.gql<{ eligibilityPreview: { eligible: number; registered: number } }>(
      `query ($rules: EligibilityRulesInput!) { eligibilityPreview(rules: $rules) { eligible registered } }`,
      { rules },
      { cookie: manager },
    );
    const orgs: {
      kind: 'COMPANY' | 'NETWORK';
      employee_count: number | null;
      has_prevention_committee: boolean;
      province: string | null;
      nace_section: string | null;
    }[] = await server.dataSource.query(
      "SELECT kind, employee_count, has_prevention_committee, province, nace_section FROM organisation WHERE kind IN ('COMPANY', 'NETWORK')",
    );
    const expected = orgs.filter(
      (o) =>
        checkEligibility(
          { maxEmployees: 49, naceSections: ['C', 'F'] },
          {
            kind: o.kind,
            employeeCount: o.employee_count ?? 0,
            hasPreventionCommittee: o.has_prevention_committee,
            province: o.province,
            naceSection: o.nace_section,
          },
        ).eligible,
    ).length;
    expect(res.data!.eligibilityPreview).toEqual({ eligible: expected, registered: orgs.length });
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(orgs.filter((o) => (o.employee_count ?? 0) <= 49).length);

    const bad = await server.gql(
      `query ($rules: EligibilityRulesInput!) { eligibilityPreview(rules: $rules) { eligible } }`,
      { rules: { naceSections: ['Z'] } },
      { cookie: manager },
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'rules.naceSections.0',
    });

    // Stored as upper-case letters; a bakery (10.71, section C) may apply, a shop (47.11, G) not.
    const programme = await createProgramme(server, admin);
    const updated = await server.gql<{
      updateProgramme: { eligibility: { naceSections: string[] } };
    }>(
      `mutation ($input: UpdateProgrammeInput!) { updateProgramme(input: $input) { eligibility { naceSections } } }`,
      {
        input: { key: programme.key, eligibility: { maxEmployees: 49, naceSections: ['f', 'C'] } },
      },
      { cookie: admin },
    );
    expect(updated.errors, JSON.stringify(updated.errors)).toBeUndefined();
    expect(updated.data!.updateProgramme.eligibility.naceSections).toEqual(['C', 'F']);
    await openCall(server, admin, programme.key, new Date().getUTCFullYear());
    const shop = await signUpCompany(server, { naceCode: '47.11' });
    const refused = await apply(shop.cookie, programme.key, shop.organisationId);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reasons: ['SECTOR'],
    });
    const bakery = await signUpCompany(server, { naceCode: '10.71' });
    const accepted = await apply(bakery.cookie, programme.key, bakery.organisationId);
    expect(accepted.errors, JSON.stringify(accepted.errors)).toBeUndefined();
  });

  it('bad input gets a typed error naming the field and changes nothing', async () => {
    const programme = await createProgramme(server, admin);
    const count = async () =>
      (
        await server.dataSource.query(
          'SELECT count(*)::int AS n FROM edition WHERE programme_id = $1',
          [programme.id],
        )
      )[0].n;
    const res = await server.gql(
      CREATE_EDITION,
      {
        input: {
          programmeKey: programme.key,
          year: 2021,
          name: 'Oproep',
          opensOn: '2021-06-01',
          closesOn: '2021-01-01',
        },
      },
      { cookie: admin },
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.closesOn',
    });
    const dup = await server.gql(
      `mutation ($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }`,
      {
        input: {
          key: programme.key,
          name: 'Dubbel',
          operatorId: programme.id,
          stageTemplate: 'AWARD',
        },
      },
      { cookie: admin },
    );
    expect(dup.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(0);
  });

  it('a manager changes calls only of the programmes they manage', async () => {
    const programme = await createProgramme(server, admin);
    const res = await server.gql(
      CREATE_EDITION,
      {
        input: {
          programmeKey: programme.key,
          year: 2022,
          name: 'Oproep 2022',
          opensOn: '2022-01-01',
        },
      },
      { cookie: manager },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('the eligibility preview counts in SQL what checkEligibility decides per company', async () => {
    const rules = {
      maxEmployees: 49,
      requiresNoPreventionCommittee: true,
      provinces: ['Limburg', 'Antwerpen'],
    };
    const res = await server.gql<{ eligibilityPreview: { eligible: number; registered: number } }>(
      `query ($rules: EligibilityRulesInput!) { eligibilityPreview(rules: $rules) { eligible registered } }`,
      { rules },
      { cookie: manager },
    );
    const orgs: {
      kind: 'COMPANY' | 'NETWORK';
      employee_count: number | null;
      has_prevention_committee: boolean;
      province: string | null;
    }[] = await server.dataSource.query(
      "SELECT kind, employee_count, has_prevention_committee, province FROM organisation WHERE kind IN ('COMPANY', 'NETWORK')",
    );
    const expected = orgs.filter(
      (o) =>
        checkEligibility(rules, {
          kind: o.kind,
          employeeCount: o.employee_count ?? 0,
          hasPreventionCommittee: o.has_prevention_committee,
          province: o.province,
        }).eligible,
    ).length;
    expect(res.data!.eligibilityPreview).toEqual({ eligible: expected, registered: orgs.length });
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(orgs.length);
  });

  it('audit records cannot be changed or deleted', async () => {
    await createProgramme(server, admin);
    await expect(server.dataSource.query("UPDATE audit_record SET action = 'x'")).rejects.toThrow(
      /immutable/,
    );
    await expect(server.dataSource.query('DELETE FROM audit_record')).rejects.toThrow(/immutable/);
  });
});

describe('stages', () => {
  const UPDATE = `mutation ($input: UpdateStagesInput!) { updateStages(input: $input) { key label kind position } }`;
  const trajectory = (appliedLabel: string, withApplied = true) => [
    ...(withApplied ? [{ key: 'APPLIED', label: appliedLabel, kind: 'STEP' }] : []),
    { key: 'APPROVED', label: 'Goedgekeurd', kind: 'STEP' },
    { key: 'STARTED', label: 'Traject gestart', kind: 'STEP' },
    { key: 'COMPLETED', label: 'Traject afgerond', kind: 'STEP' },
    { key: 'REJECTED', label: 'Afgekeurd', kind: 'EXIT', beforeStep: 'APPROVED' },
    { key: 'WITHDRAWN', label: 'Ingetrokken', kind: 'EXIT' },
  ];

  it('keys used by events keep their place; labels change; bad input changes nothing', async () => {
    const programme = await createProgramme(server, admin);
    await openCall(server, admin, programme.key, 2020);
    const company = await signUpCompany(server);
    expect(
      (await apply(company.cookie, programme.key, company.organisationId)).errors,
    ).toBeUndefined();

    const relabel = await server.gql<{
      updateStages: { key: string; label: string; position: number }[];
    }>(
      UPDATE,
      { input: { programmeKey: programme.key, stages: trajectory('Aanvraag ontvangen') } },
      { cookie: admin },
    );
    expect(relabel.errors, JSON.stringify(relabel.errors)).toBeUndefined();
    expect(relabel.data!.updateStages.find((s) => s.key === 'APPLIED')).toMatchObject({
      label: 'Aanvraag ontvangen',
      position: 1,
    });
    // DROPPED_OUT was never used: removing it is allowed (it is not in the list above).
    expect(relabel.data!.updateStages.map((s) => s.key)).not.toContain('DROPPED_OUT');

    const removeUsed = await server.gql(
      UPDATE,
      { input: { programmeKey: programme.key, stages: trajectory('x', false) } },
      { cookie: admin },
    );
    expect(removeUsed.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      stage: 'APPLIED',
    });
    const five = await server.gql(
      UPDATE,
      {
        input: {
          programmeKey: programme.key,
          stages: [
            ...trajectory('Aangevraagd'),
            { key: 'FOLLOW_UP', label: 'Opvolging', kind: 'STEP' },
          ],
        },
      },
      { cookie: admin },
    );
    expect(five.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.stages',
    });
    const after = await server.dataSource.query(
      "SELECT key, label FROM stage_definition WHERE programme_id = $1 AND key = 'APPLIED'",
      [programme.id],
    );
    expect(after).toEqual([{ key: 'APPLIED', label: 'Aanvraag ontvangen' }]);
  });
});

describe('coaches', () => {
  it('refuses to assign a coach at capacity and shows the load on the roster', async () => {
    const programme = await createProgramme(server, admin);
    await openCall(server, admin, programme.key, 2020);
    const [provider] = await server.dataSource.query(
      "SELECT id FROM organisation WHERE kind = 'SERVICE_PROVIDER' ORDER BY name LIMIT 1",
    );
    const coach = await server.gql<{ createCoach: { id: string; capacity: number } }>(
      `mutation ($input: CreateCoachInput!) { createCoach(input: $input) { id capacity } }`,
      {
        input: {
          programmeKey: programme.key,
          serviceProviderId: provider.id,
          fullName: 'An Coach',
          capacity: 1,
        },
      },
      { cookie: admin },
    );
    expect(coach.errors, JSON.stringify(coach.errors)).toBeUndefined();
    const coachId = coach.data!.createCoach.id;

    const approved: { id: string; version: number }[] = [];
    for (let i = 0; i < 2; i += 1) {
      const company = await signUpCompany(server);
      const app = await apply(company.cookie, programme.key, company.organisationId);
      expect(app.errors, JSON.stringify(app.errors)).toBeUndefined();
      const decided = await server.gql<{ recordStageChange: { id: string; version: number } }>(
        `mutation ($input: StageChangeInput!) { recordStageChange(input: $input) { id version } }`,
        {
          input: {
            applicationId: app.data!.applyToProgramme.id,
            stage: 'APPROVED',
            expectedVersion: app.data!.applyToProgramme.version,
          },
        },
        { cookie: admin },
      );
      expect(decided.errors, JSON.stringify(decided.errors)).toBeUndefined();
      approved.push(decided.data!.recordStageChange);
    }
    const assign = (a: { id: string; version: number }) =>
      server.gql(
        `mutation ($input: AssignCoachInput!) { assignCoach(input: $input) { id coach { fullName } } }`,
        { input: { applicationId: a.id, coachId, expectedVersion: a.version } },
        { cookie: admin },
      );
    expect((await assign(approved[0]!)).errors).toBeUndefined();
    const refused = await assign(approved[1]!);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.coachId',
    });
    expect(refused.errors?.[0]?.message).toMatch(/1 of at most 1/);
    const [still] = await server.dataSource.query(
      'SELECT coach_id FROM application WHERE id = $1',
      [approved[1]!.id],
    );
    expect(still.coach_id).toBeNull();

    const roster = await server.gql<{
      coachRoster: { coach: { id: string }; runningTrajectories: number; available: boolean }[];
    }>(
      `query ($key: String) { coachRoster(programmeKey: $key) { coach { id } runningTrajectories available } }`,
      { key: programme.key },
      { cookie: admin },
    );
    expect(roster.data!.coachRoster).toEqual([
      { coach: { id: coachId }, runningTrajectories: 1, available: false },
    ]);

    // More capacity frees a place; an inactive coach takes none.
    await server.gql(
      `mutation { updateCoach(input: { id: "${coachId}", active: false, capacity: 3 }) { id } }`,
      {},
      { cookie: admin },
    );
    expect((await assign(approved[1]!)).errors?.[0]?.message).toMatch(/not active/);
    await server.gql(
      `mutation { updateCoach(input: { id: "${coachId}", active: true }) { id } }`,
      {},
      { cookie: admin },
    );
    expect((await assign(approved[1]!)).errors).toBeUndefined();
  });
});
