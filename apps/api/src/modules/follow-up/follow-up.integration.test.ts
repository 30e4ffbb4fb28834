import { fisherExactTest } from '@werkgezond/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobQueue } from '../../jobs/job-queue.js';
import { applyForCoaching, STAGE_CHANGE, signUpCompany } from '../../test/companies.js';
import { DEMO, startTestServer, type TestServer } from '../../test/harness.js';
import { type SmtpCapture, startSmtpCapture } from '../../test/smtp-capture.js';
import '../mail/mail.jobs.js';
import { MAIL_SEND_JOB } from '../mail/mail.service.js';

let smtp: SmtpCapture;
let server: TestServer;
let manager: string;
let analyst: string;
const savedSmtpUrl = process.env.SMTP_URL;
let company: Awaited<ReturnType<typeof signUpCompany>>;
let app: { id: string; version: number };

const WORKLIST = `query ($p: String) { followUpWorklist(programmeKey: $p, limit: 500) {
  totalCount thresholds { programmeKey startDays progressDays }
  items { applicationId reason daysWaiting channel coach recipientEmail recipientLanguage
          lastContact { kind outcome } contacts { kind } }
} }`;
const SEND = `mutation ($input: ReminderInput!) { sendReminder(input: $input) { id kind note mailStatus recipient } }`;
const PREVIEW = `query ($input: ReminderInput!) { reminderPreview(input: $input) { subject text html body recipient language } }`;
const EFFECT = `{ followUpEffect(input: { programmeKey: "gezondheidscoaches" }) {
  withReminder { approved started startRate { value lower upper } }
  withoutReminder { approved started startRate { value lower upper } }
  pValue observational } }`;
const THRESHOLDS = `mutation ($input: FollowUpThresholdsInput!) { setFollowUpThresholds(input: $input) { programmeKey startDays } }`;

interface Item {
  applicationId: string;
  reason: string;
  daysWaiting: number;
  channel: string | null;
  recipientEmail: string | null;
  recipientLanguage: string | null;
  lastContact: { kind: string; outcome: string | null } | null;
  contacts: { kind: string }[];
}
interface Group {
  approved: number;
  started: number;
  startRate: { value: number | null; lower: number | null; upper: number | null };
}

const worklist = async () => {
  const res = await server.gql<{ followUpWorklist: { items: Item[] } }>(
    WORKLIST,
    { p: 'gezondheidscoaches' },
    { cookie: manager },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.followUpWorklist.items;
};
const effect = async () => {
  const res = await server.gql<{
    followUpEffect: {
      withReminder: Group;
      withoutReminder: Group;
      pValue: number | null;
      observational: boolean;
    };
  }>(EFFECT, {}, { cookie: analyst });
  expect(res.errors).toBeUndefined();
  return res.data!.followUpEffect;
};
const outboxCount = async () =>
  Number(
    (
      await server.dataSource.query(
        'SELECT count(*)::int AS n FROM mail_outbox WHERE application_id = $1',
        [app.id],
      )
    )[0].n,
  );
const sendAll = () =>
  JobQueue.for(server.dataSource).runUntilIdle({ names: [MAIL_SEND_JOB], ignoreStartAfter: true });

beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
  server = await startTestServer();
  manager = (await server.signIn(DEMO.manager)).cookie;
  analyst = (await server.signIn(DEMO.analyst)).cookie;
  company = await signUpCompany(server, { language: 'en' });
  app = await applyForCoaching(server, company);
  const approved = await server.gql<{ recordStageChange: { version: number } }>(
    STAGE_CHANGE,
    { input: { applicationId: app.id, stage: 'APPROVED', expectedVersion: app.version } },
    { cookie: manager },
  );
  expect(approved.errors).toBeUndefined();
  app.version = approved.data!.recordStageChange.version;
  await sendAll();
});
afterAll(async () => {
  // The shared programme keeps its default thresholds for later test files.
  await server.gql(
    THRESHOLDS,
    { input: { programmeKey: 'gezondheidscoaches', startDays: 30, progressDays: 90 } },
    { cookie: manager },
  );
  process.env.SMTP_URL = savedSmtpUrl ?? '';
  await server.close();
  await smtp.close();
});

describe('follow-up worklist', () => {
  it('lists approved applications only once the programme’s waiting time has passed', async () => {
    expect((await worklist()).map((i) => i.applicationId)).not.toContain(app.id);
    const set = await server.gql(
      THRESHOLDS,
      { input: { programmeKey: 'gezondheidscoaches', startDays: 0, progressDays: 90 } },
      { cookie: manager },
    );
    expect(set.errors).toBeUndefined();
    const mine = (await worklist()).find((i) => i.applicationId === app.id);
    expect(mine).toMatchObject({
      reason: 'NOT_STARTED',
      daysWaiting: 0,
      channel: 'Prebes – mailing aan de leden',
      recipientEmail: company.email,
      recipientLanguage: 'en',
      lastContact: null,
    });
    const bad = await server.gql(
      THRESHOLDS,
      { input: { programmeKey: 'gezondheidscoaches', startDays: 1000, progressDays: 90 } },
      { cookie: manager },
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.startDays',
    });
  });

  it('a change of thresholds is audited (who, before, after); bad input records nothing', async () => {
    const audits = () =>
      server.dataSource.query(
        `SELECT action, actor_email, before, after FROM audit_record
          WHERE entity_type = 'FOLLOW_UP_THRESHOLDS'
            AND entity_id = (SELECT id::text FROM programme WHERE key = 'gezondheidscoaches')
          ORDER BY occurred_at DESC`,
      ) as Promise<{ action: string; actor_email: string; before: unknown; after: unknown }[]>;
    const set = await server.gql(
      THRESHOLDS,
      { input: { programmeKey: 'gezondheidscoaches', startDays: 14, progressDays: 60 } },
      { cookie: manager },
    );
    expect(set.errors).toBeUndefined();
    const [last] = await audits();
    expect(last).toMatchObject({
      action: 'follow-up.thresholds',
      actor_email: DEMO.manager,
      after: { programmeKey: 'gezondheidscoaches', startDays: 14, progressDays: 60 },
    });
    expect(last!.before).toMatchObject({ programmeKey: 'gezondheidscoaches' });
    const count = (await audits()).length;
    const bad = await server.gql(
      THRESHOLDS,
      { input: { programmeKey: 'gezondheidscoaches', startDays: 1, progressDays: -1 } },
      { cookie: manager },
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await audits()).length).toBe(count);
    // Back to what the tests below expect.
    const restored = await server.gql(
      THRESHOLDS,
      { input: { programmeKey: 'gezondheidscoaches', ...(last!.before as object) } },
      { cookie: manager },
    );
    expect(restored.errors).toBeUndefined();
  });

  it('previews the reminder in the recipient’s language with the default text', async () => {
    const res = await server.gql<{
      reminderPreview: {
        subject: string;
        text: string;
        body: string;
        recipient: string;
        language: string;
      };
    }>(
      PREVIEW,
      { input: { applicationId: app.id, template: 'REMINDER_START' } },
      { cookie: manager },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.reminderPreview).toMatchObject({
      subject: 'Reminder: Gezondheidscoaches in bedrijven',
      recipient: company.email,
      language: 'en',
    });
    expect(res.data!.reminderPreview.body).toMatch(/^Your application for Gezondheidscoaches/);
    expect(res.data!.reminderPreview.text).toContain(`/portaal/aanvragen/${app.id}`);
  });

  it('answers bad input with a typed error and sends nothing', async () => {
    const before = await outboxCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ template: 'REMINDER_START', text: '   ' }, 'input.text'],
      [{ template: 'NO_SUCH_TEMPLATE', text: 'Hallo' }, 'input.template'],
      [{ template: 'APPLICATION_APPROVED', text: 'Hallo' }, 'input.template'],
      [{ template: 'REMINDER_START', text: 'Hallo', recipient: 'geen-adres' }, 'input.recipient'],
      [{ template: 'REMINDER_START', text: 'Hallo', language: 'fr' }, 'input.language'],
    ];
    for (const [input, field] of cases) {
      const res = await server.gql(
        SEND,
        { input: { applicationId: app.id, ...input } },
        { cookie: manager },
      );
      expect(res.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    }
    const call = await server.gql(
      'mutation ($input: FollowUpCallInput!) { recordFollowUpCall(input: $input) { id } }',
      { input: { applicationId: app.id, outcome: 'MAYBE' } },
      { cookie: manager },
    );
    expect(call.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await outboxCount()).toBe(before);
    await sendAll();
    expect(smtp.to(company.email).filter((m) => m.subject.startsWith('Reminder'))).toHaveLength(0);
    expect((await worklist()).find((i) => i.applicationId === app.id)?.contacts).toEqual([]);
  });

  it('sends an edited reminder once, even when the request is repeated, and records the contact', async () => {
    const input = {
      applicationId: app.id,
      template: 'REMINDER_START',
      text: 'Your coach has time next week.\n\nShall we plan the kick-off?',
      idempotencyKey: 'reminder-test-0001',
    };
    const first = await server.gql<{
      sendReminder: { id: string; kind: string; mailStatus: string };
    }>(SEND, { input }, { cookie: manager });
    expect(first.errors).toBeUndefined();
    expect(first.data!.sendReminder).toMatchObject({ kind: 'REMINDER', mailStatus: 'QUEUED' });
    const again = await server.gql<{ sendReminder: { id: string } }>(
      SEND,
      { input },
      { cookie: manager },
    );
    expect(again.data!.sendReminder.id).toBe(first.data!.sendReminder.id);
    await sendAll();
    const reminders = smtp.to(company.email).filter((m) => m.subject.startsWith('Reminder'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.language).toBe('en');
    expect(reminders[0]!.text).toContain('Shall we plan the kick-off?');
    expect(reminders[0]!.text).toContain(`/portaal/aanvragen/${app.id}`);

    const call = await server.gql(
      'mutation ($input: FollowUpCallInput!) { recordFollowUpCall(input: $input) { id kind } }',
      { input: { applicationId: app.id, outcome: 'WILL_START', note: 'Start in januari' } },
      { cookie: manager },
    );
    expect(call.errors).toBeUndefined();
    const row = (await worklist()).find((i) => i.applicationId === app.id)!;
    expect(row.lastContact).toEqual({ kind: 'CALL', outcome: 'WILL_START' });
    expect(row.contacts.map((c) => c.kind)).toEqual(['CALL', 'REMINDER']);
    // Contacts are not stages: the application's events are still applied + approved.
    const events = await server.dataSource.query(
      'SELECT stage FROM application_event WHERE application_id = $1 ORDER BY occurred_at',
      [app.id],
    );
    expect(events.map((e: { stage: string }) => e.stage)).toEqual(['APPLIED', 'APPROVED']);
  });

  it('shows the contacts on the application, newest first, to its managers only', async () => {
    const CONTACTS = `query ($id: ID!) { application(id: $id) {
      id contacts { kind occurredAt outcome note mailStatus recipient } } }`;
    type Contacts = {
      application: {
        contacts: {
          kind: string;
          occurredAt: string;
          outcome: string | null;
          note: string | null;
          mailStatus: string | null;
          recipient: string | null;
        }[];
      };
    };
    const read = (cookie: string) => server.gql<Contacts>(CONTACTS, { id: app.id }, { cookie });
    const mine = await read(manager);
    expect(mine.errors).toBeUndefined();
    const contacts = mine.data!.application.contacts;
    expect(contacts).toMatchObject([
      { kind: 'CALL', outcome: 'WILL_START', note: 'Start in januari', mailStatus: null },
      {
        kind: 'REMINDER',
        outcome: null,
        note: 'Your coach has time next week.\n\nShall we plan the kick-off?',
        mailStatus: 'SENT',
        recipient: company.email,
      },
    ]);
    expect(Date.parse(contacts[0]!.occurredAt)).toBeGreaterThanOrEqual(
      Date.parse(contacts[1]!.occurredAt),
    );
    // Admins read them too; the applicant sees the application but not the managers' notes.
    const admin = (await server.signIn(DEMO.admin)).cookie;
    expect((await read(admin)).data!.application.contacts).toHaveLength(2);
    const own = await read(company.cookie);
    expect(own.errors).toBeUndefined();
    expect(own.data!.application.contacts).toEqual([]);

    // A manager of another programme reads neither the application nor its contacts.
    const email = `nv-beheerder-${Date.now()}@example.be`;
    const invited = await server.gql<{ inviteUser: { acceptPath: string } }>(
      `mutation ($input: InviteUserInput!) { inviteUser(input: $input) { acceptPath } }`,
      { input: { email, roles: ['PROGRAMME_MANAGER'], programmeKeys: ['nv-gezond'] } },
      { cookie: admin },
    );
    expect(invited.errors).toBeUndefined();
    const token = new URL(invited.data!.inviteUser.acceptPath, 'http://x').searchParams.get(
      'token',
    );
    const accepted = await server.gql(
      `mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { id } }`,
      { input: { token, displayName: 'Andere Beheerder', password: 'een-lang-wachtwoord' } },
    );
    expect(accepted.errors).toBeUndefined();
    const other = (await server.signIn(email, 'een-lang-wachtwoord')).cookie;
    const denied = await read(other);
    expect(denied.data?.application ?? null).toBeNull();
    expect(denied.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const listed = await server.gql<{
      applications: { edges: { node: { id: string; contacts: unknown[] } }[] };
    }>(
      '{ applications(first: 100) { edges { node { id contacts { id } } } } }',
      {},
      {
        cookie: other,
      },
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.applications.edges.map((e) => e.node.id)).not.toContain(app.id);
  });

  it('loads the contacts of a page of applications in one statement (no N+1)', async () => {
    const PAGE = `query ($first: Int!) { applications(first: $first) {
      edges { node { id contacts { id kind mailStatus } } } } }`;
    const used = async (first: number) => {
      const before = server.queryCount();
      const res = await server.gql<{ applications: { edges: unknown[] } }>(
        PAGE,
        { first },
        { cookie: manager },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.applications.edges).toHaveLength(first);
      return server.queryCount() - before;
    };
    expect(await used(100)).toBe(await used(5));
  });

  it('counts a reminded application that starts in the follow-up effect, with Fisher’s test', async () => {
    const before = await effect();
    expect(before.observational).toBe(true);
    const started = await server.gql(
      STAGE_CHANGE,
      { input: { applicationId: app.id, stage: 'STARTED', expectedVersion: app.version } },
      { cookie: manager },
    );
    expect(started.errors).toBeUndefined();
    const after = await effect();
    expect(after.withReminder.started).toBe(before.withReminder.started + 1);
    expect(after.withReminder.approved).toBe(before.withReminder.approved);
    expect(after.withoutReminder).toEqual(before.withoutReminder);
    const w = after.withReminder;
    const wo = after.withoutReminder;
    expect(w.startRate.value).toBeCloseTo(w.started / w.approved, 12);
    expect(after.pValue).toBeCloseTo(
      fisherExactTest(w.started, w.approved - w.started, wo.started, wo.approved - wo.started)
        .pValue,
      12,
    );
    // Started: it leaves the not-started list.
    expect((await worklist()).find((i) => i.applicationId === app.id)).toBeUndefined();
  });

  it('lists a started application with no progress once the programme’s M days have passed', async () => {
    const setThresholds = async (progressDays: number) => {
      const res = await server.gql(
        THRESHOLDS,
        { input: { programmeKey: 'gezondheidscoaches', startDays: 0, progressDays } },
        { cookie: manager },
      );
      expect(res.errors).toBeUndefined();
    };
    // The start, as if recorded ten days ago (the projection the worklist reads).
    await server.dataSource.query(
      `UPDATE application SET stage3_at = now() - interval '10 days' WHERE id = $1`,
      [app.id],
    );
    const mine = async () => (await worklist()).find((i) => i.applicationId === app.id);
    // M = 30: ten days without progress is not yet a stall.
    await setThresholds(30);
    expect(await mine()).toBeUndefined();
    // M = 7: it is, counted from the start (not the approval), with its contacts so far.
    await setThresholds(7);
    expect(await mine()).toMatchObject({
      reason: 'NO_PROGRESS',
      daysWaiting: 10,
      channel: 'Prebes – mailing aan de leden',
      recipientEmail: company.email,
      lastContact: { kind: 'CALL' },
    });
    // Completed: progress, so it leaves the list.
    const [{ version }] = await server.dataSource.query(
      'SELECT version FROM application WHERE id = $1',
      [app.id],
    );
    const completed = await server.gql<{ recordStageChange: { version: number } }>(
      STAGE_CHANGE,
      { input: { applicationId: app.id, stage: 'COMPLETED', expectedVersion: version } },
      { cookie: manager },
    );
    expect(completed.errors).toBeUndefined();
    expect(await mine()).toBeUndefined();
  });
});
