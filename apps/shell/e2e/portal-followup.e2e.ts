import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The API's own in-process SMTP test server (smtp-server + mailparser, dev dependencies there).
import { type SmtpCapture, startSmtpCapture } from '../../api/src/test/smtp-capture';
import { freshKbo } from './portal-support';
import {
  DEMO,
  DEMO_PASSWORD,
  expectHeading,
  expectNoSeriousAxeViolations,
  launchChromium,
  screenshot,
  signIn,
} from './support';

/**
 * A manager follows up an approved application that never started: this file runs its own API
 * (fresh embedded database with the demo data) pointed at an SMTP server in this process, so
 * the reminder really leaves over SMTP and the test reads what arrived.
 */
const repo = resolve(import.meta.dirname, '../../..');
let smtp: SmtpCapture;
let api: ChildProcess;
let base: string;
let dataDir: string;
let browser: Browser;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

async function waitFor<T>(what: string, probe: () => Promise<T | null>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => null);
    if (value) return value;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function gql<T>(cookie: string | null, query: string, variables: object = {}): Promise<T> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

async function signInApi(email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($input: SignInInput!) { signIn(input: $input) { id } }',
      variables: { input: { email, password } },
    }),
  });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

async function browserPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: base,
    locale: 'nl-BE',
    viewport: { width: 1280, height: 900 },
  });
  return { context, page: await context.newPage() };
}

const company = {
  email: `opvolging-${randomUUID()}@example.be`,
  name: `Opvolging Testbedrijf ${randomUUID().slice(0, 8)} BV`,
};
let applicationId: string;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  dataDir = mkdtempSync(join(tmpdir(), 'werkgezond-e2e-followup-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SMTP_URL: smtp.url,
    PUBLIC_URL: base,
  };
  delete env.DATABASE_URL;
  delete env.WERKGEZOND_DEMO;
  api = spawn(process.execPath, ['apps/api/dist/main.js'], { cwd: repo, env, stdio: 'ignore' });
  await waitFor('the API', async () => ((await fetch(`${base}/health`)).ok ? true : null), 170_000);
  browser = await launchChromium();

  // A company (English-speaking) applies; the manager approves; the start waiting time is 0
  // days in this instance so the approval lands on the worklist today.
  const kbo = freshKbo();
  await gql(null, 'mutation ($input: SignUpInput!) { signUp(input: $input) { id } }', {
    input: {
      email: company.email,
      password: 'een-veilig-wachtwoord',
      displayName: 'Jane Tester',
      kboNumber: kbo,
      organisationName: company.name,
      employeeCount: 12,
      province: 'Limburg',
      municipality: 'Hasselt',
      hasPreventionCommittee: false,
      language: 'en',
    },
  });
  const participant = await signInApi(company.email, 'een-veilig-wachtwoord');
  const me = await gql<{ viewer: { organisation: { id: string } } }>(
    participant,
    '{ viewer { organisation { id } } }',
  );
  const applied = await gql<{ applyToProgramme: { id: string; version: number } }>(
    participant,
    'mutation ($input: ApplicationDraftInput!) { applyToProgramme(input: $input) { id version } }',
    {
      input: {
        programmeKey: 'gezondheidscoaches',
        organisationId: me.viewer.organisation.id,
        registrationType: 'INDIVIDUAL',
        channelKey: 'prebes',
      },
    },
  );
  applicationId = applied.applyToProgramme.id;
  const manager = await signInApi(DEMO.manager);
  await gql(
    manager,
    'mutation ($input: StageChangeInput!) { recordStageChange(input: $input) { id } }',
    {
      input: {
        applicationId,
        stage: 'APPROVED',
        expectedVersion: applied.applyToProgramme.version,
      },
    },
  );
  await gql(
    manager,
    'mutation { setFollowUpThresholds(input: { programmeKey: "gezondheidscoaches", startDays: 0, progressDays: 90 }) { startDays } }',
  );
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (api && api.exitCode === null) {
    const exited = new Promise((done) => api.once('exit', done));
    api.kill('SIGTERM');
    await exited;
  }
  await smtp?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const reminders = () => smtp.to(company.email).filter((m) => m.subject.startsWith('Reminder'));

describe('follow-up worklist (manager, Chromium, real SMTP)', () => {
  it('sends one reminder in the applicant’s language with the link, after a typed error for a bad address', async () => {
    const { context, page } = await browserPage();
    await signIn(page, DEMO.manager);
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).waitFor();
    await page.goto('/portaal');
    await page
      .getByRole('navigation', { name: 'Portaal' })
      .getByRole('link', { name: 'Opvolging' })
      .click();
    await expectHeading(page, 'Opvolging');
    const row = page.getByRole('row').filter({ hasText: company.name });
    await row.waitFor();
    expect(await row.textContent()).toContain('Goedgekeurd, niet gestart');
    await expectNoSeriousAxeViolations(page);
    await row.getByRole('button', { name: 'Opvolgen' }).click();
    await page.getByRole('heading', { name: `Opvolgen: ${company.name}` }).waitFor();
    const panel = page.getByRole('region', { name: `Opvolgen: ${company.name}` });

    // The recipient's language (English) is preselected and its default text filled in.
    const text = panel.getByLabel('Tekst', { exact: true });
    await waitFor(
      'the default text',
      async () => ((await text.inputValue()).startsWith('Your application for') ? true : null),
      20_000,
    );
    expect(await panel.getByLabel('Taal', { exact: true }).inputValue()).toBe('en');
    expect(await panel.getByLabel('E-mailadres', { exact: true }).inputValue()).toBe(company.email);

    // A bad address: the API answers with a typed error shown beside the field; nothing is sent.
    await panel.getByLabel('E-mailadres', { exact: true }).fill('geen-adres');
    await panel.getByRole('button', { name: 'Herinnering versturen' }).click();
    await panel.getByText('Not a valid e-mail address').first().waitFor();
    await panel.getByLabel('E-mailadres', { exact: true }).fill(company.email);

    // Edit the text, preview it, send it (by keyboard).
    await text.fill('Your coach has time next week.\n\nShall we plan the kick-off?');
    await panel.getByRole('button', { name: 'Voorbeeld' }).click();
    const preview = page.getByRole('region', { name: 'Voorbeeld van het bericht' });
    await preview.getByText('Reminder: Gezondheidscoaches in bedrijven').waitFor();
    expect(await preview.textContent()).toContain('Shall we plan the kick-off?');
    await screenshot(page, 'portal-followup-preview');
    await expectNoSeriousAxeViolations(page);
    await panel.getByRole('button', { name: 'Herinnering versturen' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(`Herinnering verstuurd naar ${company.email}`).waitFor();
    await screenshot(page, 'portal-followup-sent');

    // The server's worker sends it: wait for the message (never race it), then make sure the
    // outbox row is SENT so no second copy can still be on its way.
    const [message] = await waitFor(
      'the reminder e-mail',
      async () => (reminders().length ? reminders() : null),
      30_000,
    );
    const admin = await signInApi(DEMO.admin);
    await waitFor(
      'the outbox row marked SENT',
      async () => {
        const page = await gql<{
          outboxMessages: { messages: { recipient: string; template: string; status: string }[] };
        }>(admin, '{ outboxMessages(limit: 200) { messages { recipient template status } } }');
        return page.outboxMessages.messages.some(
          (m) =>
            m.recipient === company.email && m.template === 'REMINDER_START' && m.status === 'SENT',
        )
          ? true
          : null;
      },
      30_000,
    );
    expect(reminders()).toHaveLength(1);
    expect(message!.language).toBe('en');
    expect(message!.subject).toBe('Reminder: Gezondheidscoaches in bedrijven');
    expect(message!.text).toContain('Shall we plan the kick-off?');
    expect(message!.text).toContain(`${base}/portaal/aanvragen/${applicationId}`);
    expect(message!.html).toContain(`href="${base}/portaal/aanvragen/${applicationId}"`);

    // The contact shows on the worklist row.
    await page.reload();
    const again = page.getByRole('row').filter({ hasText: company.name });
    await again.waitFor();
    expect(await again.textContent()).toContain('Herinnering');
    await context.close();
  });

  it('shows the effect of follow-up on the analytics funnel page, labelled observational', async () => {
    const { context, page } = await browserPage();
    await signIn(page, DEMO.analyst);
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).waitFor();
    await page.goto('/analyse/trechter?programma=gezondheidscoaches');
    const section = page.getByRole('region', { name: 'Effect van opvolging' });
    await section.waitFor({ timeout: 30_000 });
    await section.getByText('Observationeel, niet causaal').waitFor();
    const withReminder = section.getByRole('row').filter({ hasText: 'Met herinnering' });
    await withReminder.waitFor();
    // The one reminded application: approved 1, started 0.
    const cells = await withReminder.getByRole('cell').allTextContents();
    expect(cells.slice(0, 2)).toEqual(['1', '0']);
    await section.getByText(/Exacte toets van Fisher \(tweezijdig\): p = /).waitFor();
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'analytics-followup-effect');
    await expectNoSeriousAxeViolations(page);
    await context.close();
  });
});
