import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackOffice } from './admin-support';
import { signUpCompany } from './portal-support';
import {
  DEMO,
  expectHeading,
  expectNoSeriousAxeViolations,
  graphql,
  launchChromium,
  newPage,
  screenshot,
  signIn,
} from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A new company applies to coaching (this year's open call) through the API. */
async function applyToCoaching(page: Page): Promise<string> {
  await page.goto('/');
  const company = await signUpCompany(page, 'Capaciteit');
  const data = await graphql<{ applyToProgramme: { id: string } }>(
    page,
    `mutation ($input: ApplicationDraftInput!) { applyToProgramme(input: $input) { id } }`,
    {
      input: {
        programmeKey: 'gezondheidscoaches',
        organisationId: company.organisationId,
        registrationType: 'INDIVIDUAL',
        channelKey: 'prebes',
      },
    },
  );
  return data.applyToProgramme.id;
}

async function approve(page: Page, applicationId: string): Promise<number> {
  const { application } = await graphql<{ application: { version: number } }>(
    page,
    'query ($id: ID!) { application(id: $id) { version } }',
    { id: applicationId },
  );
  const data = await graphql<{ recordStageChange: { version: number } }>(
    page,
    `mutation ($input: StageChangeInput!) { recordStageChange(input: $input) { version } }`,
    { input: { applicationId, stage: 'APPROVED', expectedVersion: application.version } },
  );
  return data.recordStageChange.version;
}

describe('back office: coaches', () => {
  it('a coach at capacity cannot be assigned, and the roster shows them full', {
    timeout: 180_000,
  }, async () => {
    const coachName = `Vera Volzet ${String(Date.now()).slice(-5)}`;
    const admin = await newPage(browser);
    const a = admin.page;
    await signIn(a, DEMO.admin);
    await a.waitForURL(/\/portaal$/);
    await openBackOffice(a, 'Coaches', 'Coaches');
    await a.getByLabel('Programma', { exact: true }).selectOption('gezondheidscoaches');
    await a.getByRole('table', { name: 'Coaches van dit programma' }).waitFor();
    const form = a.getByRole('region', { name: 'Nieuwe coach' });
    await form.getByLabel(/^Naam/).fill(coachName);
    await form.getByLabel(/^Dienstverlener/).selectOption({ index: 1 });
    await form.getByLabel(/^Capaciteit/).fill('1');
    await form.getByRole('button', { name: 'Coach toevoegen' }).click();
    await a.getByText(`${coachName} is toegevoegd.`).waitFor();
    const row = a.getByRole('row').filter({ hasText: coachName });
    await row.getByText('0 van 1').waitFor();
    await expectNoSeriousAxeViolations(a);

    // Two approved applications; the coach takes the first.
    const companyA = await newPage(browser);
    const companyB = await newPage(browser);
    const first = await applyToCoaching(companyA.page);
    const second = await applyToCoaching(companyB.page);
    await companyA.context.close();
    await companyB.context.close();
    const manager = await newPage(browser);
    const m = manager.page;
    await signIn(m, DEMO.manager);
    await m.waitForURL(/\/portaal$/);
    const coachId = (
      await graphql<{ coachRoster: { coach: { id: string; fullName: string } }[] }>(
        m,
        '{ coachRoster(programmeKey: "gezondheidscoaches") { coach { id fullName } } }',
      )
    ).coachRoster.find((r) => r.coach.fullName === coachName)!.coach.id;
    const version = await approve(m, first);
    await graphql(m, `mutation ($input: AssignCoachInput!) { assignCoach(input: $input) { id } }`, {
      input: { applicationId: first, coachId, expectedVersion: version },
    });
    await approve(m, second);

    // The manager tries to give the full coach the second trajectory in the portal: refused.
    await m.goto(`/portaal/aanvragen/${second}`);
    await m.getByRole('heading', { name: 'Behandeling' }).waitFor();
    const coachSelect = m.getByLabel(/^Coach/);
    const option = coachSelect.locator('option', { hasText: coachName });
    await coachSelect.selectOption({ label: (await option.textContent()) ?? coachName });
    await m.getByRole('button', { name: 'Coach toewijzen' }).click();
    await m
      .getByText('Deze coach begeleidt al zoveel trajecten als de capaciteit toelaat.', {
        exact: false,
      })
      .waitFor();
    expect(await coachSelect.getAttribute('aria-invalid')).toBe('true');
    await screenshot(m, 'admin-coach-full-refused');
    await expectNoSeriousAxeViolations(m);
    expect(manager.consoleErrors).toEqual([]);
    await manager.context.close();

    // The roster: one running trajectory of one, so full.
    await a.reload();
    await expectHeading(a, 'Coaches');
    await a.getByLabel('Programma', { exact: true }).selectOption('gezondheidscoaches');
    const full = a.getByRole('row').filter({ hasText: coachName });
    await full.getByText('1 van 1').waitFor();
    expect(await full.textContent()).toContain('Volzet');
    await screenshot(a, 'admin-coaches');
    await expectNoSeriousAxeViolations(a);
    expect(admin.consoleErrors).toEqual([]);
    await admin.context.close();
  });
});
