import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { JobQueue } from '../../jobs/job-queue.js';
import { APPLY, createProgramme, openCall } from '../../test/backoffice-fixtures.js';
import { applyForCoaching, STAGE_CHANGE, signUpCompany } from '../../test/companies.js';
import { DEMO, startTestServer, type TestServer } from '../../test/harness.js';
import { type SmtpCapture, startSmtpCapture } from '../../test/smtp-capture.js';
import './mail.jobs.js';
import { MAIL_SEND_JOB } from './mail.service.js';

let smtp: SmtpCapture;
let server: TestServer;
let manager: string;
const savedSmtpUrl = process.env.SMTP_URL;

beforeAll(async () => {
  smtp = await startSmtpCapture({ refuse: (a) => a.startsWith('weigert-') });
  server = await startTestServer();
  manager = (await server.signIn(DEMO.manager)).cookie;
});
afterEach(() => {
  process.env.SMTP_URL = savedSmtpUrl ?? '';
});
afterAll(async () => {
  await server.close();
  await smtp.close();
});

const sendAll = (s: TestServer) =>
  JobQueue.for(s.dataSource).runUntilIdle({ names: [MAIL_SEND_JOB], ignoreStartAfter: true });

const outbox = (s: TestServer, recipient: string) =>
  s.dataSource.query(
    'SELECT template, status, language, attempts FROM mail_outbox WHERE recipient = $1 ORDER BY created_at',
    [recipient],
  ) as Promise<{ template: string; status: string; language: string; attempts: number }[]>;

describe('e-mail from the outbox', () => {
  it('a decision produces exactly one message, through a retried mutation and a process restart', async () => {
    process.env.SMTP_URL = smtp.url;
    const company = await signUpCompany(server, { language: 'en' });
    const app = await applyForCoaching(server, company);
    const decide = {
      input: { applicationId: app.id, stage: 'APPROVED', expectedVersion: app.version },
    };
    const first = await server.gql(STAGE_CHANGE, decide, { cookie: manager });
    expect(first.errors).toBeUndefined();
    // The client retries (a lost answer): the stale version is refused and nothing is queued.
    const retry = await server.gql(STAGE_CHANGE, decide, { cookie: manager });
    expect(retry.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await outbox(server, company.email)).map((m) => m.template)).toEqual([
      'APPLICATION_RECEIVED',
      'APPLICATION_APPROVED',
    ]);

    // The process dies after the commit, before any send job ran.
    await server.close();
    expect(smtp.to(company.email)).toHaveLength(0);
    server = await startTestServer();
    manager = (await server.signIn(DEMO.manager)).cookie;

    await sendAll(server);
    const received = smtp.to(company.email);
    expect(received.map((m) => m.subject)).toEqual([
      'Application received: Gezondheidscoaches in bedrijven',
      'Application approved: Gezondheidscoaches in bedrijven',
    ]);
    expect(received[1]!.language).toBe('en');
    expect(received[1]!.text).toContain(`/portaal/aanvragen/${app.id}`);
    expect(received[1]!.html).toContain(`/portaal/aanvragen/${app.id}`);

    // A send job that runs again (a worker died before completing it) sends nothing new.
    const [row] = await server.dataSource.query(
      `SELECT id FROM mail_outbox WHERE recipient = $1 AND template = 'APPLICATION_APPROVED'`,
      [company.email],
    );
    await JobQueue.for(server.dataSource).enqueue(MAIL_SEND_JOB, { outboxId: row.id });
    await sendAll(server);
    expect(smtp.to(company.email)).toHaveLength(2);
    expect((await outbox(server, company.email)).map((m) => m.status)).toEqual(['SENT', 'SENT']);
  });

  it('a rejection tells the reason, in Dutch by default', async () => {
    process.env.SMTP_URL = smtp.url;
    const company = await signUpCompany(server);
    const app = await applyForCoaching(server, company);
    const res = await server.gql(
      STAGE_CHANGE,
      {
        input: {
          applicationId: app.id,
          stage: 'REJECTED',
          expectedVersion: app.version,
          reasonCode: 'INCOMPLETE',
          reasonText: 'Het KBO-uittreksel ontbreekt.',
        },
      },
      { cookie: manager },
    );
    expect(res.errors).toBeUndefined();
    await sendAll(server);
    const [, rejected] = smtp.to(company.email);
    expect(rejected?.subject).toBe('Beslissing over uw aanvraag: Gezondheidscoaches in bedrijven');
    expect(rejected?.language).toBe('nl-BE');
    expect(rejected?.text).toContain('de aanvraag is onvolledig');
    expect(rejected?.text).toContain('Het KBO-uittreksel ontbreekt.');
  });

  it('without SMTP_URL messages are kept, not sent, and admins see them', async () => {
    process.env.SMTP_URL = '';
    const company = await signUpCompany(server);
    await applyForCoaching(server, company);
    await sendAll(server);
    expect(smtp.to(company.email)).toHaveLength(0);
    expect((await outbox(server, company.email)).map((m) => m.status)).toEqual(['KEPT']);
    const admin = (await server.signIn(DEMO.admin)).cookie;
    const page = await server.gql<{
      outboxMessages: { messages: { recipient: string; status: string; subject: string }[] };
    }>(
      '{ outboxMessages(status: KEPT, limit: 200) { messages { recipient status subject } totalCount } }',
      {},
      { cookie: admin },
    );
    expect(page.errors).toBeUndefined();
    expect(page.data!.outboxMessages.messages).toContainEqual({
      recipient: company.email,
      status: 'KEPT',
      subject: 'Aanvraag ontvangen: Gezondheidscoaches in bedrijven',
    });
  });

  it('assigning a coach sends the applicant one "coach assigned" message with the coach’s contact', async () => {
    process.env.SMTP_URL = smtp.url;
    const admin = (await server.signIn(DEMO.admin)).cookie;
    // A programme of its own, so the coach added here is on no other test's roster.
    const programme = await createProgramme(server, admin);
    await openCall(server, admin, programme.key, new Date().getUTCFullYear());
    const [provider] = await server.dataSource.query(
      "SELECT id, name FROM organisation WHERE kind = 'SERVICE_PROVIDER' ORDER BY name LIMIT 1",
    );
    const created = await server.gql<{ createCoach: { id: string } }>(
      `mutation ($input: CreateCoachInput!) { createCoach(input: $input) { id } }`,
      {
        input: {
          programmeKey: programme.key,
          serviceProviderId: provider.id,
          fullName: 'Lotte Coach',
          capacity: 5,
        },
      },
      { cookie: admin },
    );
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    const coachId = created.data!.createCoach.id;
    // The roster's API sets no contact details (imported with the dataset): set them here.
    await server.dataSource.query('UPDATE coach SET email = $2, phone = $3 WHERE id = $1', [
      coachId,
      'lotte.coach@example.be',
      '+32 11 22 33 44',
    ]);

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
    const approved = await server.gql<{ recordStageChange: { version: number } }>(
      STAGE_CHANGE,
      { input: { applicationId: app.id, stage: 'APPROVED', expectedVersion: app.version } },
      { cookie: admin },
    );
    expect(approved.errors).toBeUndefined();
    await sendAll(server);
    const before = smtp.to(company.email).length;

    const assign = await server.gql(
      `mutation ($input: AssignCoachInput!) { assignCoach(input: $input) { id coach { fullName } } }`,
      {
        input: {
          applicationId: app.id,
          coachId,
          expectedVersion: approved.data!.recordStageChange.version,
        },
      },
      { cookie: admin },
    );
    expect(assign.errors, JSON.stringify(assign.errors)).toBeUndefined();
    // Queued with the assignment (same transaction), sent by the queue.
    expect((await outbox(server, company.email)).at(-1)).toMatchObject({
      template: 'COACH_ASSIGNED',
      status: 'QUEUED',
      language: 'en',
    });
    await sendAll(server);
    const received = smtp.to(company.email).slice(before);
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail!.subject).toBe(`Your coach for Testprogramma ${programme.key}`);
    expect(mail!.language).toBe('en');
    expect(mail!.text).toContain(`Lotte Coach (${provider.name}) is the health coach of`);
    expect(mail!.text).toContain(
      'You can reach your coach at lotte.coach@example.be · +32 11 22 33 44.',
    );
    expect(mail!.html).toContain('lotte.coach@example.be');
    expect(mail!.text).toContain(`/portaal/aanvragen/${app.id}`);
  });

  it('a message the server keeps refusing is retried, marked FAILED and dead-lettered', async () => {
    process.env.SMTP_URL = smtp.url;
    const company = await signUpCompany(server, {
      email: `weigert-${Date.now()}@example.be`,
    });
    await applyForCoaching(server, company);
    await sendAll(server);
    const [row] = await outbox(server, company.email);
    expect(row).toMatchObject({ status: 'FAILED', attempts: 6 });
    const admin = (await server.signIn(DEMO.admin)).cookie;
    const page = await server.gql<{
      outboxMessages: { messages: { id: string }[]; deadLetters: { outboxId: string }[] };
    }>(
      '{ outboxMessages(status: FAILED) { messages { id } deadLetters { outboxId } } }',
      {},
      { cookie: admin },
    );
    const failedId = page.data!.outboxMessages.messages[0]!.id;
    expect(page.data!.outboxMessages.deadLetters.map((d) => d.outboxId)).toContain(failedId);
  });
});

describe('the mail send job’s retries', () => {
  it('wait longer after each failure (exponential backoff), read from the job row without waiting', async () => {
    process.env.SMTP_URL = smtp.url;
    const company = await signUpCompany(server, {
      email: `weigert-backoff-${Date.now()}@example.be`,
    });
    await applyForCoaching(server, company);
    const [row] = await server.dataSource.query('SELECT id FROM mail_outbox WHERE recipient = $1', [
      company.email,
    ]);
    const job = async () =>
      (
        await server.dataSource.query(
          `SELECT id, state::text AS state, retry_count AS "retryCount", retry_limit AS "retryLimit",
                  retry_delay AS "retryDelay", retry_backoff AS "retryBackoff", start_after AS "startAfter"
             FROM pgboss.job WHERE name = $1 AND data->>'outboxId' = $2`,
          [MAIL_SEND_JOB, row.id],
        )
      )[0] as {
        id: string;
        state: string;
        retryCount: number;
        retryLimit: number;
        retryDelay: number;
        retryBackoff: boolean;
        startAfter: Date;
      };
    const clock = async () =>
      new Date((await server.dataSource.query('SELECT clock_timestamp() AS t'))[0].t).getTime();
    expect(await job()).toMatchObject({
      state: 'created',
      retryLimit: 5,
      retryDelay: 30,
      retryBackoff: true,
    });

    // pg-boss 10 sets the next start after failure k (k = 0, 1, …) to now + d·2^k·(1 + random),
    // i.e. in [d·2^k, d·2^(k+1)) seconds: the ranges do not overlap, so the delays grow whatever
    // the jitter. "now" is the failing transaction's time, between t0 and t1.
    const delays: number[] = [];
    for (let k = 0; k < 5; k += 1) {
      // Time passes: the retry is due now (instead of waiting up to 16 minutes).
      await server.dataSource.query('UPDATE pgboss.job SET start_after = now() WHERE id = $1', [
        (await job()).id,
      ]);
      const t0 = await clock();
      await JobQueue.for(server.dataSource).runUntilIdle({ names: [MAIL_SEND_JOB] });
      const t1 = await clock();
      const j = await job();
      expect(j).toMatchObject({ state: 'retry', retryCount: k });
      const startAfter = new Date(j.startAfter).getTime();
      const d = j.retryDelay * 1000;
      expect(startAfter - t0).toBeGreaterThanOrEqual(d * 2 ** k);
      expect(startAfter - t1).toBeLessThan(d * 2 ** (k + 1));
      delays.push(startAfter - t1);
    }
    for (let k = 1; k < delays.length; k += 1) expect(delays[k]!).toBeGreaterThan(delays[k - 1]!);
    expect(delays[0]!).toBeLessThan(60_000);
    expect(delays[4]!).toBeGreaterThanOrEqual(480_000 - 5_000);

    // The sixth attempt is the last: the row is FAILED, the job dead-lettered, no retry left.
    await server.dataSource.query('UPDATE pgboss.job SET start_after = now() WHERE id = $1', [
      (await job()).id,
    ]);
    await JobQueue.for(server.dataSource).runUntilIdle({ names: [MAIL_SEND_JOB] });
    expect(await job()).toMatchObject({ state: 'failed', retryCount: 5 });
    expect(await outbox(server, company.email)).toEqual([
      expect.objectContaining({ status: 'FAILED', attempts: 6 }),
    ]);
    expect(smtp.to(company.email)).toHaveLength(0);
  });
});
