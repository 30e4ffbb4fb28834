import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dotted, freshKbo } from './portal-support';
import {
  expectHeading,
  expectNoSeriousAxeViolations,
  launchChromium,
  newPage,
  screenshot,
} from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('self sign-up of a company', () => {
  it('checks the KBO number on the client, then registers and lands in the portal', async () => {
    const { context, page, consoleErrors } = await newPage(browser);
    await page.goto('/registreren');
    await expectHeading(page, 'Je onderneming registreren');
    await expectNoSeriousAxeViolations(page);

    const kbo = page.getByLabel(/Ondernemingsnummer/);
    await kbo.fill('0123.456.748');
    await kbo.blur();
    await page.getByText('Dit ondernemingsnummer bestaat niet: controleer de cijfers.').waitFor();
    expect(await kbo.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'sign-up-invalid-kbo');

    await page.getByLabel(/Naam van de onderneming/).fill('Schrijnwerkerij Test e2e');
    await kbo.fill(dotted(freshKbo()));
    await page.getByLabel(/Aantal werknemers/).fill('8');
    await page.getByLabel('Gemeente').fill('Kortrijk');
    await page.getByLabel('Provincie').selectOption('West-Vlaanderen');
    await page.getByLabel(/Je naam/).fill('Lies Test');
    await page.getByLabel(/E-mailadres/).fill(`e2e-${randomUUID()}@schrijnwerkerij.be`);
    await page.getByLabel(/Wachtwoord/).fill('een heel lang wachtwoord');
    await page.getByRole('button', { name: 'Registreren', exact: true }).click();

    await page.waitForURL(/\/portaal$/);
    await expectHeading(page, 'Mijn aanvragen');
    await page.getByRole('heading', { name: 'Nog geen aanvragen' }).waitFor();
    expect(await page.getByText('Aangemeld als Lies Test').isVisible()).toBe(true);
    await screenshot(page, 'portal-new-company');
    await expectNoSeriousAxeViolations(page);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
