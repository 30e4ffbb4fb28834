import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestServer, type TestServer } from '../../test/harness.js';
import { freshKbo } from '../../test/kbo.js';

let server: TestServer;
let manager: string;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  manager = (await server.signIn(DEMO.manager)).cookie;
  admin = (await server.signIn(DEMO.admin)).cookie;
});
afterAll(() => server.close());

async function signUpCompany(overrides: Record<string, unknown> = {}) {
  const kbo = await freshKbo(server.dataSource);
  const email = `bedrijf-${randomUUID()}@example.be`;
  const res = await server.gql<{ signUp: { organisation: { id: string } } }>(
    'mutation ($input: SignUpInput!) { signUp(input: $input) { organisation { id } } }',
    {
      input: {
        email,
        password: 'een-veilig-wachtwoord',
        displayName: 'Jan Testers',
        kboNumber: kbo,
        organisationName: `Testbedrijf ${kbo} BV`,
        employeeCount: 14,
        province: 'Limburg',
        municipality: 'Hasselt',
        hasPreventionCommittee: false,
        ...overrides,
      },
    },
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  const { cookie } = await server.signIn(email, 'een-veilig-wachtwoord');
  return {
    cookie,
    organisationId: res.data!.signUp.organisation.id,
    name: `Testbedrijf ${kbo} BV`,
  };
}

const APPLY = `mutation ($input: ApplicationDraftInput!) {
  applyToProgramme(input: $input) { id version companyCount currentStage { key } edition { year } }
}`;
const APP = `query ($id: ID!) { application(id: $id) {
  id version currentStage { key label } coach { fullName } decisionLeadTimeDays
  events { stage label reasonCode actor } nextStages { key }
} }`;
const STAGE = `mutation ($input: StageChangeInput!) { recordStageChange(input: $input) { id version currentStage { key } } }`;

interface AppData {
  application: {
    id: string;
    version: number;
    currentStage: { key: string; label: string } | null;
    coach: { fullName: string } | null;
    decisionLeadTimeDays: number | null;
    events: { stage: string; label: string; reasonCode: string | null; actor: string }[];
    nextStages: { key: string }[];
  };
}

describe('a new company applies to the coaching programme and is approved with a coach', () => {
  it('runs the whole journey through the API', async () => {
    const company = await signUpCompany();
    const key = `apply-${randomUUID()}`;
    const input = {
      programmeKey: 'gezondheidscoaches',
      organisationId: company.organisationId,
      registrationType: 'INDIVIDUAL',
      channelKey: 'prebes',
      idempotencyKey: key,
    };
    const first = await server.gql<{
      applyToProgramme: { id: string; version: number; currentStage: { key: string } };
    }>(APPLY, { input }, { cookie: company.cookie });
    expect(first.errors).toBeUndefined();
    expect(first.data!.applyToProgramme.currentStage.key).toBe('APPLIED');
    // A double click / retry with the same key returns the same application.
    const again = await server.gql<{ applyToProgramme: { id: string } }>(
      APPLY,
      { input },
      { cookie: company.cookie },
    );
    expect(again.data!.applyToProgramme.id).toBe(first.data!.applyToProgramme.id);
    // A second application in the same round, even with another key, is a conflict.
    const other = await server.gql(
      APPLY,
      { input: { ...input, idempotencyKey: `apply-${randomUUID()}` } },
      { cookie: company.cookie },
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const id = first.data!.applyToProgramme.id;
    const mine = await server.gql<{ applications: { totalCount: number } }>(
      'query ($f: ApplicationFilter) { applications(filter: $f) { totalCount } }',
      { f: { organisationId: company.organisationId } },
      { cookie: company.cookie },
    );
    expect(mine.data!.applications.totalCount).toBe(1);

    // The manager finds it in the queue and approves it.
    const queue = await server.gql<{ applications: { edges: { node: { id: string } }[] } }>(
      'query ($f: ApplicationFilter) { applications(first: 100, filter: $f) { edges { node { id } } } }',
      { f: { programmeKey: 'gezondheidscoaches', stages: ['APPLIED'] } },
      { cookie: manager },
    );
    expect(queue.data!.applications.edges.map((e) => e.node.id)).toContain(id);
    const approved = await server.gql<{
      recordStageChange: { version: number; currentStage: { key: string } };
    }>(
      STAGE,
      {
        input: {
          applicationId: id,
          stage: 'APPROVED',
          expectedVersion: first.data!.applyToProgramme.version,
        },
      },
      { cookie: manager },
    );
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.recordStageChange.currentStage.key).toBe('APPROVED');
    const coaches = await server.gql<{ coaches: { id: string; fullName: string }[] }>(
      '{ coaches(programmeKey: "gezondheidscoaches") { id fullName } }',
      {},
      { cookie: manager },
    );
    expect(coaches.data!.coaches).toHaveLength(42);
    const coach = coaches.data!.coaches[0]!;
    const assigned = await server.gql(
      'mutation ($input: AssignCoachInput!) { assignCoach(input: $input) { id } }',
      {
        input: {
          applicationId: id,
          coachId: coach.id,
          expectedVersion: approved.data!.recordStageChange.version,
        },
      },
      { cookie: manager },
    );
    expect(assigned.errors).toBeUndefined();

    // The company sees "approved" with its coach and the timeline.
    const seen = await server.gql<AppData>(APP, { id }, { cookie: company.cookie });
    expect(seen.data!.application.currentStage).toMatchObject({
      key: 'APPROVED',
      label: 'Goedgekeurd',
    });
    expect(seen.data!.application.coach?.fullName).toBe(coach.fullName);
    expect(seen.data!.application.events.map((e) => e.stage)).toEqual(['APPLIED', 'APPROVED']);
    expect(seen.data!.application.decisionLeadTimeDays).toBeGreaterThanOrEqual(0);
    expect(seen.data!.application.nextStages.map((s) => s.key)).toEqual(
      expect.arrayContaining(['STARTED', 'WITHDRAWN', 'DROPPED_OUT']),
    );
  });

  it('refuses an ineligible company and writes nothing', async () => {
    const company = await signUpCompany({ employeeCount: 120, hasPreventionCommittee: true });
    const before = await server.gql<{ applications: { totalCount: number } }>(
      '{ applications { totalCount } }',
      {},
      { cookie: admin },
    );
    const res = await server.gql(
      APPLY,
      {
        input: {
          programmeKey: 'gezondheidscoaches',
          organisationId: company.organisationId,
          registrationType: 'INDIVIDUAL',
        },
      },
      { cookie: company.cookie },
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reasons: ['TOO_LARGE', 'HAS_COMMITTEE'],
    });
    const after = await server.gql<{ applications: { totalCount: number } }>(
      '{ applications { totalCount } }',
      {},
      { cookie: admin },
    );
    expect(after.data!.applications.totalCount).toBe(before.data!.applications.totalCount);
  });
});

describe('concurrent retries of one submit', () => {
  it('five simultaneous calls with one idempotency key give one application', async () => {
    const company = await signUpCompany();
    const input = {
      programmeKey: 'gezondheidscoaches',
      organisationId: company.organisationId,
      registrationType: 'INDIVIDUAL',
      idempotencyKey: `burst-${randomUUID()}`,
    };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        server.gql<{ applyToProgramme: { id: string } }>(
          APPLY,
          { input },
          { cookie: company.cookie },
        ),
      ),
    );
    expect(answers.map((a) => a.errors)).toEqual(Array(5).fill(undefined));
    expect(new Set(answers.map((a) => a.data!.applyToProgramme.id)).size).toBe(1);
  });
});

describe('two managers deciding the same application at once', () => {
  it('lets exactly one win; the other gets CONFLICT and nothing is lost', async () => {
    const company = await signUpCompany();
    const applied = await server.gql<{ applyToProgramme: { id: string; version: number } }>(
      APPLY,
      {
        input: {
          programmeKey: 'gezondheidscoaches',
          organisationId: company.organisationId,
          registrationType: 'INDIVIDUAL',
        },
      },
      { cookie: company.cookie },
    );
    const { id, version } = applied.data!.applyToProgramme;
    const [a, b] = await Promise.all([
      server.gql(
        STAGE,
        { input: { applicationId: id, stage: 'APPROVED', expectedVersion: version } },
        { cookie: manager },
      ),
      server.gql(
        STAGE,
        {
          input: {
            applicationId: id,
            stage: 'REJECTED',
            reasonCode: 'INCOMPLETE',
            expectedVersion: version,
          },
        },
        { cookie: admin },
      ),
    ]);
    const codes = [a, b].map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const state = await server.gql<AppData>(APP, { id }, { cookie: manager });
    expect(state.data!.application.events).toHaveLength(2);
  });

  it('refuses stage changes out of order and rejections without a reason', async () => {
    const company = await signUpCompany();
    const applied = await server.gql<{ applyToProgramme: { id: string; version: number } }>(
      APPLY,
      {
        input: {
          programmeKey: 'gezondheidscoaches',
          organisationId: company.organisationId,
          registrationType: 'INDIVIDUAL',
        },
      },
      { cookie: company.cookie },
    );
    const { id, version } = applied.data!.applyToProgramme;
    const early = await server.gql(
      STAGE,
      { input: { applicationId: id, stage: 'STARTED', expectedVersion: version } },
      { cookie: manager },
    );
    expect(early.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.stage',
    });
    const noReason = await server.gql(
      STAGE,
      { input: { applicationId: id, stage: 'REJECTED', expectedVersion: version } },
      { cookie: manager },
    );
    expect(noReason.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.reasonCode',
    });
    const withdraw = await server.gql<{ withdrawApplication: { currentStage: { key: string } } }>(
      'mutation ($input: WithdrawInput!) { withdrawApplication(input: $input) { currentStage { key } } }',
      {
        input: {
          applicationId: id,
          expectedVersion: version,
          reasonCode: 'TIME_INVESTMENT',
          reasonText: 'Geen tijd',
        },
      },
      { cookie: company.cookie },
    );
    expect(withdraw.data!.withdrawApplication.currentStage.key).toBe('WITHDRAWN');
  });
});

describe('a network coordinator registers a group for the award and submits the dossier', () => {
  it('registers members, uploads a file, submits the dossier', async () => {
    const coordinator = (await server.signIn(DEMO.coordinator)).cookie;
    const me = await server.gql<{
      viewer: { organisation: { id: string; members: { id: string }[] } };
    }>('{ viewer { organisation { id members { id } } } }', {}, { cookie: coordinator });
    const network = me.data!.viewer.organisation;
    expect(network.members.length).toBeGreaterThan(2);
    const group = await server.gql<{
      applyToProgramme: { id: string; version: number; companyCount: number };
    }>(
      APPLY,
      {
        input: {
          programmeKey: 'nv-gezond',
          organisationId: network.id,
          registrationType: 'GROUP',
          memberOrganisationIds: network.members.slice(0, 2).map((m) => m.id),
          newMembers: [{ kboNumber: await freshKbo(server.dataSource), name: 'Nieuw Lid BV' }],
          idempotencyKey: `group-${randomUUID()}`,
        },
      },
      { cookie: coordinator },
    );
    expect(group.errors, JSON.stringify(group.errors)).toBeUndefined();
    const { id, version } = group.data!.applyToProgramme;
    expect(group.data!.applyToProgramme.companyCount).toBe(3);

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const form = new FormData();
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'actieplan.pdf');
    const upload = await fetch(`${server.url}/api/applications/${id}/attachments`, {
      method: 'POST',
      headers: { cookie: coordinator, 'x-werkgezond-csrf': '1' },
      body: form,
    });
    expect(upload.status).toBe(201);
    const fake = new FormData();
    fake.append(
      'file',
      new Blob(['<script>alert(1)</script>'], { type: 'application/pdf' }),
      'x.pdf',
    );
    const refused = await fetch(`${server.url}/api/applications/${id}/attachments`, {
      method: 'POST',
      headers: { cookie: coordinator, 'x-werkgezond-csrf': '1' },
      body: fake,
    });
    expect(refused.status).toBe(415);
    const noCsrf = await fetch(`${server.url}/api/applications/${id}/attachments`, {
      method: 'POST',
      headers: { cookie: coordinator },
      body: form,
    });
    expect(noCsrf.status).toBe(400);
    const { downloadPath } = (await upload.json()) as { downloadPath: string };
    const participant = (await server.signIn(DEMO.participant)).cookie;
    expect(
      (await fetch(`${server.url}${downloadPath}`, { headers: { cookie: participant } })).status,
    ).toBe(404);
    const download = await fetch(`${server.url}${downloadPath}`, { headers: { cookie: manager } });
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);

    const DOSSIER = `mutation ($input: ParticipationDossierInput!) {
      saveParticipationDossier(input: $input) { version currentStage { key } dossier { submittedAt } attachments { fileName } } }`;
    const answers = [
      'healthPolicyVision',
      'actionsTaken',
      'employeeInvolvement',
      'collaboration',
      'results',
    ].map((key) => ({ key, value: `Antwoord op ${key}` }));
    const incomplete = await server.gql(
      DOSSIER,
      {
        input: {
          applicationId: id,
          answers: answers.slice(0, 2),
          submit: true,
          expectedVersion: version,
        },
      },
      { cookie: coordinator },
    );
    expect(incomplete.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const submitted = await server.gql<{
      saveParticipationDossier: {
        currentStage: { key: string };
        dossier: { submittedAt: string };
        attachments: { fileName: string }[];
      };
    }>(
      DOSSIER,
      { input: { applicationId: id, answers, submit: true, expectedVersion: version } },
      { cookie: coordinator },
    );
    expect(submitted.errors, JSON.stringify(submitted.errors)).toBeUndefined();
    expect(submitted.data!.saveParticipationDossier.currentStage.key).toBe('PARTICIPATED');
    expect(submitted.data!.saveParticipationDossier.attachments.map((a) => a.fileName)).toEqual([
      'actieplan.pdf',
    ]);
  });
});

describe('company profile, surveys and toolbox', () => {
  it('keeps profile changes with their date', async () => {
    const company = await signUpCompany();
    const res = await server.gql<{
      updateOrganisationProfile: {
        employeeCount: number;
        sizeClass: string;
        profileHistory: { changes: Record<string, unknown> }[];
      };
    }>(
      `mutation ($input: OrganisationProfileInput!) { updateOrganisationProfile(input: $input) {
        employeeCount sizeClass profileHistory { changedAt changes } } }`,
      {
        input: {
          organisationId: company.organisationId,
          name: company.name,
          employeeCount: 60,
          hasPreventionCommittee: false,
        },
      },
      { cookie: company.cookie },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateOrganisationProfile.sizeClass).toBe('MEDIUM');
    expect(res.data!.updateOrganisationProfile.profileHistory[0]!.changes).toMatchObject({
      employeeCount: { from: 14, to: 60 },
      sizeClass: { from: 'SMALL', to: 'MEDIUM' },
    });
  });

  it('one survey response per company, editable while open', async () => {
    const company = await signUpCompany();
    const programme = await server.dataSource.query(
      `SELECT id FROM programme WHERE key = 'gezondheidscoaches'`,
    );
    const [{ id: surveyId }] = await server.dataSource.query(
      `INSERT INTO survey (key, programme_id, title, opens_on, status) VALUES ($1, $2, 'Testbevraging', '2020-01-01', 'PUBLISHED') RETURNING id`,
      [`test-${randomUUID()}`, programme[0].id],
    );
    await server.dataSource.query(
      `INSERT INTO survey_question (survey_id, key, text, kind, options, position)
       VALUES ($1, 'time', 'Tijdsinvestering (1-5)', 'SCALE', '{"min":1,"max":5}', 1)`,
      [surveyId],
    );
    const SUBMIT = `mutation ($input: SurveyResponseInput!) { submitSurveyResponse(input: $input) { response { id answers { questionKey value } } } }`;
    const input = (value: string) => ({
      surveyId,
      organisationId: company.organisationId,
      answers: [{ questionKey: 'time', value }],
    });
    const bad = await server.gql(SUBMIT, { input: input('9') }, { cookie: company.cookie });
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.answers.0.value',
    });
    const a = await server.gql<{ submitSurveyResponse: { response: { id: string } } }>(
      SUBMIT,
      { input: input('4') },
      { cookie: company.cookie },
    );
    const b = await server.gql<{
      submitSurveyResponse: { response: { id: string; answers: { value: string }[] } };
    }>(SUBMIT, { input: input('2') }, { cookie: company.cookie });
    expect(b.data!.submitSurveyResponse.response.id).toBe(a.data!.submitSurveyResponse.response.id);
    expect(b.data!.submitSurveyResponse.response.answers[0]!.value).toBe('2');
  });

  it('records toolbox use per company', async () => {
    const company = await signUpCompany();
    const programme = await server.gql<{
      programme: { components: { key: string; kind: string }[] };
    }>('{ programme(key: "nv-gezond") { components { key kind } } }');
    const component = programme.data!.programme.components.find((c) => c.kind === 'TOOLBOX')!;
    await server.gql(
      'mutation ($o: ID!, $c: String!) { recordToolboxUse(programmeKey: "nv-gezond", componentKey: $c, organisationId: $o) { lastUsedAt } }',
      { o: company.organisationId, c: component.key },
      { cookie: company.cookie },
    );
    const uses = await server.gql<{
      programme: { toolboxUse: { componentKey: string; lastUsedAt: string | null }[] };
    }>(
      'query ($o: ID!) { programme(key: "nv-gezond") { toolboxUse(organisationId: $o) { componentKey lastUsedAt } } }',
      { o: company.organisationId },
      { cookie: company.cookie },
    );
    const used = uses.data!.programme.toolboxUse.filter((u) => u.lastUsedAt);
    expect(used.map((u) => u.componentKey)).toEqual([component.key]);
  });
});
