import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobQueue } from '../../jobs/job-queue.js';
import { APPLY, createProgramme, openCall } from '../../test/backoffice-fixtures.js';
import { STAGE_CHANGE, signUpCompany } from '../../test/companies.js';
import { DEMO, startTestServer, type TestServer } from '../../test/harness.js';
import { type SmtpCapture, startSmtpCapture } from '../../test/smtp-capture.js';
import '../mail/mail.jobs.js';
import { MAIL_SEND_JOB } from '../mail/mail.service.js';

let server: TestServer;
let admin: string;
let manager: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = (await server.signIn(DEMO.admin)).cookie;
  manager = (await server.signIn(DEMO.manager)).cookie;
});
afterAll(() => server.close());

const DEFINITION = `id key title status moment currentVersion responseCount editionId
  questions { key text kind required options position }
  versions { version questionCount responseCount }`;
const CREATE = `mutation ($input: CreateSurveyInput!) { createSurvey(input: $input) { ${DEFINITION} } }`;
const UPDATE = `mutation ($input: UpdateSurveyInput!) { updateSurvey(input: $input) { ${DEFINITION} } }`;
const STATUS = `mutation ($input: SetSurveyStatusInput!) { setSurveyStatus(input: $input) { ${DEFINITION} } }`;
const SUBMIT = `mutation ($input: SurveyResponseInput!) { submitSurveyResponse(input: $input) {
  version response { version answers { questionKey value } } } }`;
const MINE = `query ($programmeKey: String!, $organisationId: ID!) {
  surveys(programmeKey: $programmeKey, organisationId: $organisationId) {
    id version questions { key }
    response { version questions { key text } answers { questionKey value } } } }`;

interface Definition {
  id: string;
  key: string;
  status: string;
  currentVersion: number;
  responseCount: number;
  questions: { key: string; text: string; kind: string; required: boolean }[];
  versions: { version: number; questionCount: number; responseCount: number }[];
}

const QUESTIONS = [
  { text: 'Hoe tevreden bent u over de coach?', kind: 'SCALE', required: true, min: 1, max: 5 },
  { text: 'Wat kan beter?', kind: 'TEXT', required: false },
];

async function createSurvey(cookie: string, programmeKey: string, extra = {}) {
  const res = await server.gql<{ createSurvey: Definition }>(
    CREATE,
    {
      input: { programmeKey, title: 'Tevredenheid na goedkeuring', questions: QUESTIONS, ...extra },
    },
    { cookie },
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.createSurvey;
}

async function publish(cookie: string, id: string) {
  const res = await server.gql<{ setSurveyStatus: Definition }>(
    STATUS,
    { input: { id, status: 'PUBLISHED' } },
    { cookie },
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.setSurveyStatus;
}

const counts = async () => {
  const [row] = await server.dataSource.query(
    `SELECT (SELECT count(*)::int FROM survey) AS surveys,
            (SELECT count(*)::int FROM survey_question) AS questions,
            (SELECT count(*)::int FROM survey_response) AS responses,
            (SELECT count(*)::int FROM audit_record WHERE entity_type = 'SURVEY') AS audits`,
  );
  return row as { surveys: number; questions: number; responses: number; audits: number };
};

describe('survey builder', () => {
  it('creates version 1 as a draft, with an audit record', async () => {
    const survey = await createSurvey(manager, 'gezondheidscoaches', { moment: 'AFTER_APPROVAL' });
    expect(survey).toMatchObject({ status: 'DRAFT', currentVersion: 1, responseCount: 0 });
    expect(survey.questions.map((q) => [q.key, q.kind, q.required])).toEqual([
      ['q1', 'SCALE', true],
      ['q2', 'TEXT', false],
    ]);
    expect(survey.versions).toEqual([{ version: 1, questionCount: 2, responseCount: 0 }]);
    const [audit] = await server.dataSource.query(
      `SELECT action, actor_email AS "actorEmail" FROM audit_record WHERE entity_id = $1`,
      [survey.id],
    );
    expect(audit).toEqual({ action: 'survey.create', actorEmail: DEMO.manager });
    // A draft is not shown to companies.
    const company = await signUpCompany(server);
    const mine = await server.gql<{ surveys: { id: string }[] }>(
      MINE,
      { programmeKey: 'gezondheidscoaches', organisationId: company.organisationId },
      { cookie: company.cookie },
    );
    expect(mine.data!.surveys.map((s) => s.id)).not.toContain(survey.id);
  });

  it('an edit after answers makes version 2; the old response keeps its questions', async () => {
    const survey = await createSurvey(admin, 'gezondheidscoaches');
    await publish(admin, survey.id);
    const company = await signUpCompany(server);
    const answered = await server.gql(
      SUBMIT,
      {
        input: {
          surveyId: survey.id,
          organisationId: company.organisationId,
          answers: [{ questionKey: 'q1', value: '4' }],
        },
      },
      { cookie: company.cookie },
    );
    expect(answered.errors, JSON.stringify(answered.errors)).toBeUndefined();

    const edited = await server.gql<{ updateSurvey: Definition }>(
      UPDATE,
      {
        input: {
          id: survey.id,
          title: 'Tevredenheid na goedkeuring (herzien)',
          questions: [
            { key: 'q1', ...QUESTIONS[0] },
            { text: 'Zou u het aanraden?', kind: 'BOOLEAN', required: true },
          ],
        },
      },
      { cookie: admin },
    );
    expect(edited.errors, JSON.stringify(edited.errors)).toBeUndefined();
    expect(edited.data!.updateSurvey.currentVersion).toBe(2);
    expect(edited.data!.updateSurvey.questions.map((q) => q.key)).toEqual(['q1', 'q3']);
    expect(edited.data!.updateSurvey.versions).toEqual([
      { version: 1, questionCount: 2, responseCount: 1 },
      { version: 2, questionCount: 2, responseCount: 0 },
    ]);

    const mine = await server.gql<{
      surveys: {
        id: string;
        version: number;
        questions: { key: string }[];
        response: { version: number; questions: { key: string; text: string }[] };
      }[];
    }>(
      MINE,
      { programmeKey: 'gezondheidscoaches', organisationId: company.organisationId },
      { cookie: company.cookie },
    );
    const mySurvey = mine.data!.surveys.find((s) => s.id === survey.id)!;
    expect(mySurvey.version).toBe(2);
    expect(mySurvey.questions.map((q) => q.key)).toEqual(['q1', 'q3']);
    expect(mySurvey.response.version).toBe(1);
    expect(mySurvey.response.questions.map((q) => q.text)).toEqual([
      'Hoe tevreden bent u over de coach?',
      'Wat kan beter?',
    ]);

    // An edit with the same questions changes the title only: no version 3.
    const again = await server.gql<{ updateSurvey: Definition }>(
      UPDATE,
      {
        input: {
          id: survey.id,
          title: 'Tevredenheid',
          questions: edited.data!.updateSurvey.questions.map((q) => ({
            key: q.key,
            text: q.text,
            kind: q.kind,
            required: q.required,
            ...(q.kind === 'SCALE' ? { min: 1, max: 5 } : {}),
          })),
        },
      },
      { cookie: admin },
    );
    expect(again.data!.updateSurvey.currentVersion).toBe(2);
  });

  it('a response without a required answer is refused and nothing is stored', async () => {
    const survey = await createSurvey(admin, 'gezondheidscoaches');
    await publish(admin, survey.id);
    const company = await signUpCompany(server);
    const before = await counts();
    const res = await server.gql(
      SUBMIT,
      {
        input: {
          surveyId: survey.id,
          organisationId: company.organisationId,
          answers: [{ questionKey: 'q2', value: 'Niets' }],
        },
      },
      { cookie: company.cookie },
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.answers',
      questionKey: 'q1',
    });
    expect(await counts()).toEqual(before);
  });

  it('bad input gets a typed error naming the field and writes nothing', async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, string][] = [
      [{ title: 'x' }, 'input.title'],
      [{ questions: [] }, 'input.questions'],
      [
        { questions: [{ text: 'Welke?', kind: 'CHOICE', required: false, choices: ['A'] }] },
        'input.questions.0.choices',
      ],
      [
        { questions: [{ text: 'Schaal', kind: 'SCALE', required: false, min: 5, max: 2 }] },
        'input.questions.0.max',
      ],
      [
        {
          questions: [
            { key: 'a', text: 'Een vraag', kind: 'TEXT', required: false },
            { key: 'a', text: 'Nog een', kind: 'TEXT', required: false },
          ],
        },
        'input.questions.1.key',
      ],
      [{ editionId: '00000000-0000-4000-8000-000000000000' }, 'input.editionId'],
    ];
    for (const [change, field] of cases) {
      const res = await server.gql(
        CREATE,
        {
          input: {
            programmeKey: 'gezondheidscoaches',
            title: 'Een bevraging',
            questions: QUESTIONS,
            ...change,
          },
        },
        { cookie: admin },
      );
      expect(res.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await counts()).toEqual(before);
  });

  it('a manager cannot build or change surveys of another programme', async () => {
    const programme = await createProgramme(server, admin);
    const before = await counts();
    const create = await server.gql(
      CREATE,
      { input: { programmeKey: programme.key, title: 'Niet van mij', questions: QUESTIONS } },
      { cookie: manager },
    );
    expect(create.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);

    const theirs = await createSurvey(admin, programme.key);
    const update = await server.gql(
      UPDATE,
      { input: { id: theirs.id, title: 'Overgenomen', questions: QUESTIONS } },
      { cookie: manager },
    );
    expect(update.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const status = await server.gql(
      STATUS,
      { input: { id: theirs.id, status: 'PUBLISHED' } },
      { cookie: manager },
    );
    expect(status.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const list = await server.gql<{ surveyDefinitions: { id: string }[] }>(
      '{ surveyDefinitions { id } }',
      {},
      { cookie: manager },
    );
    expect(list.data!.surveyDefinitions.map((s) => s.id)).not.toContain(theirs.id);
  });
});

describe('survey invitation', () => {
  let smtp: SmtpCapture;
  const savedSmtpUrl = process.env.SMTP_URL;
  beforeAll(async () => {
    smtp = await startSmtpCapture();
  });
  afterAll(async () => {
    process.env.SMTP_URL = savedSmtpUrl ?? '';
    await smtp.close();
  });

  it('approving an application sends one invitation to its AFTER_APPROVAL survey, in the applicant language', async () => {
    process.env.SMTP_URL = smtp.url;
    const programme = await createProgramme(server, admin);
    await openCall(server, admin, programme.key, 2020);
    const survey = await createSurvey(admin, programme.key, { moment: 'AFTER_APPROVAL' });
    const other = await createSurvey(admin, programme.key, { moment: 'AFTER_COMPLETION' });
    await publish(admin, survey.id);
    await publish(admin, other.id);
    await createSurvey(admin, programme.key, { moment: 'AFTER_APPROVAL' }); // stays a draft

    const company = await signUpCompany(server, { language: 'en' });
    const applied = await server.gql<{ applyToProgramme: { id: string; version: number } }>(
      APPLY,
      {
        input: {
          programmeKey: programme.key,
          organisationId: company.organisationId,
          registrationType: 'INDIVIDUAL',
        },
      },
      { cookie: company.cookie },
    );
    expect(applied.errors, JSON.stringify(applied.errors)).toBeUndefined();
    const app = applied.data!.applyToProgramme;
    const approve = {
      input: { applicationId: app.id, stage: 'APPROVED', expectedVersion: app.version },
    };
    expect((await server.gql(STAGE_CHANGE, approve, { cookie: admin })).errors).toBeUndefined();
    // A retried decision is refused (stale version) and queues nothing more.
    expect((await server.gql(STAGE_CHANGE, approve, { cookie: admin })).errors).toBeDefined();

    const [queued] = await server.dataSource.query(
      `SELECT count(*)::int AS n FROM mail_outbox WHERE recipient = $1 AND template = 'SURVEY_INVITATION'`,
      [company.email],
    );
    expect(queued.n).toBe(1);
    await JobQueue.for(server.dataSource).runUntilIdle({
      names: [MAIL_SEND_JOB],
      ignoreStartAfter: true,
    });
    const invitations = smtp
      .to(company.email)
      .filter((m) => m.subject.startsWith('Your opinion please'));
    expect(invitations).toHaveLength(1);
    expect(invitations[0]!.subject).toBe('Your opinion please: Tevredenheid na goedkeuring');
    expect(invitations[0]!.language).toBe('en');
    expect(invitations[0]!.text).toContain(`/portaal/bevragingen/${programme.key}/${survey.id}`);
  });
});
