import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptInvitation, inviteFromUsersPage, openBackOffice } from './admin-support';
import { tableRows } from './analytics-support';
import { applicationIdOf, signUpCompany } from './portal-support';
import {
  DEMO,
  expectHeading,
  expectNoSeriousAxeViolations,
  launchChromium,
  newPage,
  screenshot,
  signIn,
  UI_TIMEOUT,
} from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const year = new Date().getFullYear();

describe('back office: a new programme with a 2020 call, from creation to the analytics funnel', () => {
  it('admin creates it, a company applies, an invited manager approves, the analyst sees it', {
    timeout: 240_000,
  }, async () => {
    const suffix = String(Date.now()).slice(-6);
    const programmeName = `Bewegen op het werk ${suffix}`;
    const programmeKey = `bewegen-${suffix}`;

    // 1. The admin creates the programme with rules; the preview counts eligible companies.
    const admin = await newPage(browser);
    const a = admin.page;
    await signIn(a, DEMO.admin);
    await a.waitForURL(/\/portaal$/);
    await openBackOffice(a, "Programma's en oproepen", "Programma's en oproepen");
    await a
      .getByRole('table', { name: "Programma's" })
      .getByRole('link', { name: 'NV Gezond' })
      .waitFor();
    await expectNoSeriousAxeViolations(a);
    await a.getByRole('link', { name: 'Nieuw programma' }).click();
    await expectHeading(a, 'Nieuw programma');
    await a.getByLabel(/^Naam/).fill(programmeName);
    await a.getByLabel(/^Sleutel/).fill(programmeKey);
    await a.getByLabel(/^Uitvoerder/).selectOption({ index: 1 });
    await a.getByLabel(/^Eigen bijdrage/).fill('250');
    await a.getByLabel(/^Hoogstens zoveel werknemers/).fill('49');
    await a.getByLabel(/zonder comité/).check();
    // The live preview follows the rules: fewer eligible than registered once they apply.
    const preview = a.getByText(
      /van de [\d.]+ geregistreerde ondernemingen en netwerken komen in aanmerking/,
    );
    const counts = async () =>
      ((await preview.textContent()) ?? '')
        .match(/[\d.]+/g)
        ?.map((n) => Number(n.replace(/\./g, ''))) ?? [];
    await preview.waitFor();
    await expect
      .poll(
        async () => {
          const [e, r] = await counts();
          return e! > 0 && e! < r!;
        },
        { timeout: UI_TIMEOUT },
      )
      .toBe(true);
    await screenshot(a, 'admin-programme-new');
    await expectNoSeriousAxeViolations(a);
    await a.getByRole('button', { name: 'Programma aanmaken' }).click();
    await expectHeading(a, programmeName);
    await a.getByText('Het programma is aangemaakt. Voeg nu een oproep toe.').waitFor();

    // 2. A call whose closing date precedes its opening is refused, translated, and not stored.
    const calls = a.getByRole('region', { name: 'Oproepen (edities)' });
    await calls.getByLabel(/^Jaar/).fill('2020');
    await calls.getByLabel(/^Naam van de oproep/).fill(`Oproep 2020 ${suffix}`);
    await calls.getByLabel(/^Opent op/).fill(`${year - 1}-01-01`);
    await calls.getByLabel(/^Sluit op/).fill(`${year - 2}-12-31`);
    await calls.getByLabel(/^Status/).selectOption('OPEN');
    await calls.getByRole('button', { name: 'Oproep toevoegen' }).click();
    await calls.getByRole('alert').filter({ hasText: 'Controleer de invoer' }).waitFor();
    expect(await calls.getByRole('table').textContent()).toContain('Nog geen oproepen.');
    // Corrected: the call opens.
    await calls.getByLabel(/^Sluit op/).fill(`${year + 1}-12-31`);
    await calls.getByRole('button', { name: 'Oproep toevoegen' }).click();
    await calls.getByText(`Oproep Oproep 2020 ${suffix} is toegevoegd.`).waitFor();
    await calls.getByRole('row').filter({ hasText: 'neemt vandaag aanvragen aan' }).waitFor();
    await screenshot(a, 'admin-programme');
    await expectNoSeriousAxeViolations(a);

    // 3. The admin invites a manager for this programme.
    await a
      .getByRole('navigation', { name: 'Beheer' })
      .getByRole('link', { name: 'Gebruikers en rollen' })
      .click();
    await expectHeading(a, 'Gebruikers en rollen');
    const managerEmail = `beheer-${suffix}@werkgezond.be`;
    const link = await inviteFromUsersPage(a, managerEmail, 'Programmabeheerder', programmeName);
    expect(new URL(link).pathname).toBe('/uitnodiging');

    // 4. A new company sees the open call in the portal and applies to it.
    const company = await newPage(browser);
    const c = company.page;
    await c.goto('/');
    const newCompany = await signUpCompany(c, 'Beweegbedrijf');
    await c.goto('/portaal/programmas');
    const card = c.getByRole('region', { name: programmeName });
    await card.getByText(`Open oproep: Oproep 2020 ${suffix}`, { exact: false }).waitFor();
    await card.getByRole('link', { name: /^Aanvragen/ }).click();
    await expectHeading(c, 'Nieuwe aanvraag');
    await c.getByLabel(/Hoe heb je van ons gehoord/).selectOption({ index: 1 });
    await c.getByRole('button', { name: 'Aanvraag indienen' }).click();
    await c.waitForURL(/\/portaal\/aanvragen\/[0-9a-f-]{36}$/);
    const applicationId = applicationIdOf(c);
    await c.getByText('Je aanvraag is ingediend.').waitFor();
    expect(company.consoleErrors).toEqual([]);
    await company.context.close();

    // 5. The invited manager sets a password, opens the application and approves it.
    const manager = await newPage(browser);
    const m = manager.page;
    await acceptInvitation(m, link, 'Mieke Beheer');
    await m.waitForURL(/\/portaal$/);
    await m.goto(`/portaal/aanvragen/${applicationId}`);
    await m.getByRole('heading', { name: 'Behandeling' }).waitFor();
    expect(await m.getByText(newCompany.name).count()).toBeGreaterThan(0);
    await m.getByLabel('Goedkeuren').check();
    await m.getByRole('button', { name: 'Vastleggen' }).click();
    await m.getByText('Vastgelegd: Goedgekeurd.').waitFor();
    expect(manager.consoleErrors).toEqual([]);
    await manager.context.close();

    // 6. The analyst's funnel for the new programme counts it, in its 2020 cohort.
    const analyst = await newPage(browser);
    const y = analyst.page;
    await signIn(y, DEMO.analyst);
    await y.waitForURL(/\/analyse$/);
    await y
      .getByRole('navigation', { name: 'Onderdelen van de analyse' })
      .getByRole('link', { name: 'Trechter' })
      .click();
    await expectHeading(y, 'Trechter');
    await y.getByLabel('Programma', { exact: true }).selectOption(programmeKey);
    const steps = y.getByRole('table', { name: /aantallen en percentages per stap/ });
    await expect
      .poll(async () => (await tableRows(steps)).slice(1, 3).map((r) => [r[0], r[1]]), {
        timeout: UI_TIMEOUT,
      })
      .toEqual([
        ['Aangevraagd', '1'],
        ['Goedgekeurd', '1'],
      ]);
    await screenshot(y, 'admin-programme-funnel');
    expect(analyst.consoleErrors).toEqual([]);
    await analyst.context.close();

    // 7. The audit trail has the programme, the call and the invitation, by the admin.
    await a
      .getByRole('navigation', { name: 'Beheer' })
      .getByRole('link', { name: 'Audittrail' })
      .click();
    await expectHeading(a, 'Audittrail');
    await a.getByLabel(/^Door/).fill(DEMO.admin);
    await a.getByRole('button', { name: 'Filteren' }).click();
    const trail = a.getByRole('table', { name: 'Wijzigingen, nieuwste eerst' });
    for (const action of ['programme.create', 'edition.create', 'user.invite']) {
      await trail.getByRole('row').filter({ hasText: action }).first().waitFor();
    }
    expect(await trail.textContent()).toContain(programmeKey);
    await screenshot(a, 'admin-audit');
    await expectNoSeriousAxeViolations(a);
    expect(admin.consoleErrors).toEqual([]);
    await admin.context.close();
  });
});
