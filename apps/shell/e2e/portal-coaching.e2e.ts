import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationIdOf, dotted, freshKbo } from './portal-support';
import {
  DEMO,
  expectHeading,
  expectNoSeriousAxeViolations,
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

const year = new Date().getFullYear();

describe('coaching: from sign-up to an approved application with a coach', () => {
  it('a new company applies, the manager approves and assigns a coach, the company sees both', async () => {
    // 1. A new company signs up in the shell and lands in the portal.
    const company = await newPage(browser);
    const { page } = company;
    const kbo = freshKbo();
    const name = `Drukkerij Coaching ${kbo.slice(-4)} BV`;
    await page.goto('/registreren');
    await expectHeading(page, 'Je onderneming registreren');
    await page.getByLabel(/Naam van de onderneming/).fill(name);
    await page.getByLabel(/Ondernemingsnummer/).fill(dotted(kbo));
    await page.getByLabel(/Aantal werknemers/).fill('11');
    await page.getByLabel('Gemeente').fill('Brugge');
    await page.getByLabel('Provincie').selectOption('West-Vlaanderen');
    await page.getByLabel(/Je naam/).fill('Jana Coaching');
    await page.getByLabel(/E-mailadres/).fill(`e2e-${kbo}@drukkerij.be`);
    await page.getByLabel(/Wachtwoord/).fill('een heel lang wachtwoord');
    await page.getByRole('button', { name: 'Registreren', exact: true }).click();
    await page.waitForURL(/\/portaal$/);
    await expectHeading(page, 'Mijn aanvragen');

    // 2. The catalogue says the company is eligible for coaching; it applies from there.
    const portalNav = page.getByRole('navigation', { name: 'Portaal' });
    await portalNav.getByRole('link', { name: "Programma's" }).click();
    await expectHeading(page, "Programma's");
    const coaching = page.getByRole('region', { name: 'Gezondheidscoaches in bedrijven' });
    await coaching
      .getByText('Je organisatie komt in aanmerking voor Gezondheidscoaches in bedrijven.')
      .waitFor();
    await screenshot(page, 'portal-programmes');
    await expectNoSeriousAxeViolations(page);
    await coaching.getByRole('link', { name: /^Aanvragen/ }).click();
    await expectHeading(page, 'Nieuwe aanvraag');
    expect(await page.getByLabel('Gezondheidscoaches in bedrijven').isChecked()).toBe(true);

    // Client-side check first: the channel is required.
    await page.getByRole('button', { name: 'Aanvraag indienen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Controleer het formulier' }).waitFor();
    const channel = page.getByLabel(/Hoe heb je van ons gehoord/);
    expect(await channel.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'portal-apply-invalid');
    await expectNoSeriousAxeViolations(page);
    await channel.selectOption({ label: 'Prebes – mailing aan de leden' });
    await page.getByRole('button', { name: 'Aanvraag indienen' }).click();

    await page.waitForURL(/\/portaal\/aanvragen\/[0-9a-f-]{36}$/);
    const applicationId = applicationIdOf(page);
    await expectHeading(page, `Gezondheidscoaches in bedrijven ${year}`);
    await page.getByText('Je aanvraag is ingediend.').waitFor();
    const facts = page.locator('.wg-facts').first();
    expect(await facts.textContent()).toContain('Aangevraagd');
    expect(await facts.textContent()).toContain('Prebes – mailing aan de leden');
    await screenshot(page, 'portal-application-applied');
    await expectNoSeriousAxeViolations(page);

    // 3. The manager finds it in the queue (filtered), approves it and assigns a coach.
    const manager = await newPage(browser);
    const m = manager.page;
    await signIn(m, DEMO.manager);
    await m.waitForURL(/\/portaal$/);
    await m
      .getByRole('navigation', { name: 'Portaal' })
      .getByRole('link', { name: 'Behandelen' })
      .click();
    await expectHeading(m, 'Aanvragen behandelen');
    await m.getByLabel('Programma', { exact: true }).selectOption('gezondheidscoaches');
    await m.getByLabel('Huidige fase').selectOption({ label: 'Aangevraagd' });
    await m.getByRole('button', { name: 'Filters toepassen' }).click();
    await m.waitForURL(/programma=gezondheidscoaches.*fase=APPLIED/);
    const row = m.getByRole('row').filter({ hasText: name });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/wacht sinds vandaag/);
    await screenshot(m, 'portal-queue');
    await expectNoSeriousAxeViolations(m);
    await row.getByRole('link', { name }).click();
    await m.waitForURL(new RegExp(`/portaal/aanvragen/${applicationId}$`));
    await expectHeading(m, `Gezondheidscoaches in bedrijven ${year}`);
    await m.getByRole('heading', { name: 'Behandeling' }).waitFor();
    await screenshot(m, 'portal-manager-application');
    await expectNoSeriousAxeViolations(m);

    // Rejecting needs a reason: checked before anything is sent.
    await m.getByLabel('Afkeuren (met reden)').check();
    await m.getByRole('button', { name: 'Vastleggen' }).click();
    await m.getByText('Kies een reden.').first().waitFor();
    // Approve instead.
    await m.getByLabel('Goedkeuren').check();
    await m.getByRole('button', { name: 'Vastleggen' }).click();
    await m.getByText('Vastgelegd: Goedgekeurd.').waitFor();
    const coachSelect = m.getByLabel(/^Coach/);
    await coachSelect.waitFor();
    const coachOption = coachSelect.locator('option').nth(1);
    const coachLabel = (await coachOption.textContent()) ?? '';
    const coachName = coachLabel.replace(/\s*\(.*$/, '');
    await coachSelect.selectOption({ index: 1 });
    await m.getByRole('button', { name: 'Coach toewijzen' }).click();
    await m.getByText(`${coachName} is toegewezen.`).waitFor();
    await screenshot(m, 'portal-manager-approved');
    await expectNoSeriousAxeViolations(m);
    expect(manager.consoleErrors).toEqual([]);
    await manager.context.close();

    // 4. The company sees "Goedgekeurd" with the coach.
    await page.reload();
    await expectHeading(page, `Gezondheidscoaches in bedrijven ${year}`);
    await page.locator('.wg-badge', { hasText: 'Goedgekeurd' }).first().waitFor();
    const coachCard = page.locator('.wg-card', { hasText: 'Gezondheidscoach en traject' });
    await coachCard.getByText(coachName).waitFor();
    const timeline = page.getByRole('list').filter({ hasText: 'De aanvraag is goedgekeurd.' });
    expect(await timeline.count()).toBe(1);
    await screenshot(page, 'portal-application-approved');
    await expectNoSeriousAxeViolations(page);

    // The list shows it too, with its stage.
    await page
      .getByRole('navigation', { name: 'Portaal' })
      .getByRole('link', { name: 'Aanvragen' })
      .click();
    await expectHeading(page, 'Mijn aanvragen');
    await page.getByRole('row').filter({ hasText: 'Goedgekeurd' }).waitFor();
    expect(company.consoleErrors).toEqual([]);
    await company.context.close();
  });
});
