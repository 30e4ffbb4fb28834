import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackOffice } from './admin-support';
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

/** A valid enterprise number (mod-97 check digits) that the bundled dataset is unlikely to hold. */
function freshKbo(): string {
  const first8 = `1${String((Date.now() + 5_000_000) % 10_000_000).padStart(7, '0')}`;
  const check = String(97 - (Number(first8) % 97)).padStart(2, '0');
  return `${first8}${check}`;
}

const CHANNEL = 'Metro – carrièrerubriek';

describe('back office: referral partners', () => {
  it('the admin creates a sign-up link; a new company opens it, signs up and has that channel', {
    timeout: 180_000,
  }, async () => {
    const admin = await newPage(browser);
    const a = admin.page;
    await signIn(a, DEMO.admin);
    await a.waitForURL(/\/portaal$/);
    await openBackOffice(a, 'Kanalen en aanmeldlinks', 'Kanalen en aanmeldlinks');
    const row = a
      .getByRole('table', { name: 'Kanalen met hun aanmeldlink en wat die opleverde' })
      .getByRole('row')
      .filter({ hasText: CHANNEL });
    await row.waitFor();
    await a.getByRole('button', { name: `Link aanmaken voor ${CHANNEL}` }).click();
    await a.getByText(`De aanmeldlink voor ${CHANNEL} is aangemaakt.`).waitFor();
    const link = await a
      .getByRole('textbox', { name: `Aanmeldlink van ${CHANNEL}`, exact: true })
      .inputValue();
    expect(link).toMatch(/\/aanmelden\?via=[a-z0-9]{12}$/);
    await screenshot(a, 'admin-referral-link');
    await expectNoSeriousAxeViolations(a);

    // A new company opens the link: the sign-up form, naming the channel.
    const company = await newPage(browser);
    const c = company.page;
    await c.goto(link);
    await expectHeading(c, 'Je onderneming registreren');
    await c.getByText(`Je registreert je via ${CHANNEL}.`, { exact: false }).waitFor();
    expect(new URL(c.url()).search).toBe(new URL(link).search);
    await expectNoSeriousAxeViolations(c);
    await c.getByLabel(/Naam van de onderneming/).fill('Drukkerij Doorverwezen e2e');
    await c.getByLabel(/Ondernemingsnummer/).fill(freshKbo());
    await c.getByLabel(/Aantal werknemers/).fill('11');
    await c.getByLabel('Provincie').selectOption('Limburg');
    await c.getByLabel(/Je naam/).fill('Ruben Test');
    await c.getByLabel(/E-mailadres/).fill(`e2e-via-${Date.now()}@drukkerij.be`);
    await c.getByLabel(/Wachtwoord/).fill('een heel lang wachtwoord');
    await c.getByRole('button', { name: 'Registreren', exact: true }).click();
    await c.waitForURL(/\/portaal$/);

    // Applying: "how did you hear of us?" is not asked, the channel is already known.
    await c.goto('/portaal/aanvragen/nieuw');
    await c
      .getByText(`Je onderneming registreerde zich via ${CHANNEL}`, { exact: false })
      .waitFor();
    expect(await c.getByRole('combobox', { name: /gehoord/ }).count()).toBe(0);
    await screenshot(c, 'portal-apply-referred');
    expect(company.consoleErrors).toEqual([]);
    await company.context.close();

    // The admin sees the sign-up counted for the channel.
    await a.reload();
    await expectHeading(a, 'Kanalen en aanmeldlinks');
    const cells = row.getByRole('cell');
    await row.waitFor();
    expect((await cells.allInnerTexts()).map((t) => t.trim())).toContain('1');
    expect(admin.consoleErrors).toEqual([]);
    await admin.context.close();
  });
});
