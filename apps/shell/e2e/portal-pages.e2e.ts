import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('the participant’s other pages', () => {
  it('profile: checks the KBO number, saves a change and lists it in the history', async () => {
    const { context, page, consoleErrors } = await newPage(browser);
    await page.goto('/');
    const company = await signUpCompany(page, 'Profiel');
    await page.goto('/portaal/profiel');
    await expectHeading(page, 'Bedrijfsprofiel');
    await page.getByText('Het profiel is nog niet gewijzigd sinds de registratie.').waitFor();
    const kbo = page.getByLabel(/Ondernemingsnummer/);
    await kbo.fill('0123.456.748');
    // Leaving the field checks it at once…
    await kbo.blur();
    await page.getByText('Dit ondernemingsnummer bestaat niet: controleer de cijfers.').waitFor();
    // …and saving lists the problem at the top too, without asking the server.
    await page.getByRole('button', { name: 'Profiel bewaren' }).click();
    await page.getByRole('alert').filter({ hasText: 'Controleer het formulier' }).waitFor();
    expect(await kbo.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'portal-profile-invalid');
    await expectNoSeriousAxeViolations(page);

    await kbo.fill(company.kbo);
    const newName = `${company.name} (Gent)`;
    await page.getByLabel(/^Naam/).fill(newName);
    await page.getByLabel(/Aantal werknemers/).fill('55');
    await page.getByRole('button', { name: 'Profiel bewaren' }).click();
    // The shell mounts the portal again for the new name; the message survives that.
    await page.getByText('Het profiel is bewaard.').waitFor();
    await page.getByText(`Aangemeld als Profiel Tester`).waitFor();
    const history = page.getByRole('table', { name: 'Wijzigingen, de nieuwste eerst' });
    await history.waitFor();
    const rows = await history.locator('tbody tr').allTextContents();
    expect(rows.some((r) => r.includes('Naam') && r.includes(newName))).toBe(true);
    expect(rows.some((r) => r.includes('Aantal werknemers') && r.includes('55'))).toBe(true);
    expect(rows.some((r) => r.includes('Grootteklasse') && r.includes('middelgroot'))).toBe(true);
    await screenshot(page, 'portal-profile-saved');
    await expectNoSeriousAxeViolations(page);

    // The eligibility check reads the new profile: 55 employees is too many for coaching.
    await page
      .getByRole('navigation', { name: 'Portaal' })
      .getByRole('link', { name: "Programma's" })
      .click();
    const coaching = page.getByRole('region', { name: 'Gezondheidscoaches in bedrijven' });
    await coaching
      .getByText('Je organisatie komt niet in aanmerking voor Gezondheidscoaches in bedrijven')
      .waitFor();
    await coaching.getByText(/55 werknemers; het maximum is 49/).waitFor();
    expect(await coaching.getByRole('link', { name: /^Aanvragen/ }).count()).toBe(0);
    await screenshot(page, 'portal-programmes-not-eligible');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('surveys: one response per company, checked, saved and editable while open', async () => {
    const { context, page, consoleErrors } = await newPage(browser);
    await signIn(page, DEMO.participant);
    await page.waitForURL(/\/portaal$/);
    await page
      .getByRole('navigation', { name: 'Portaal' })
      .getByRole('link', { name: 'Bevragingen' })
      .click();
    await expectHeading(page, 'Bevragingen');
    await screenshot(page, 'portal-surveys');
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('link', { name: /^Invullen\s*: Evaluatie gezondheidscoaches/ }).click();
    await expectHeading(page, 'Evaluatie gezondheidscoaches (najaar 2019)');
    await page.getByRole('button', { name: 'Antwoorden versturen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Controleer het formulier' }).waitFor();
    await screenshot(page, 'portal-survey-invalid');
    await expectNoSeriousAxeViolations(page);

    const question = (name: RegExp) => page.getByRole('group', { name });
    await question(/tijdsinvestering/)
      .getByLabel('4', { exact: true })
      .check();
    await question(/eigen bijdrage/)
      .getByLabel('2', { exact: true })
      .check();
    await question(/meest tegen/)
      .getByLabel('Andere prioriteiten')
      .check();
    await question(/aanraden/)
      .getByLabel('Ja')
      .check();
    await page.getByLabel(/Wat kunnen we verbeteren/).fill('Minder papierwerk bij de aanvraag.');
    await page.getByRole('button', { name: 'Antwoorden versturen' }).click();
    await page.getByText('Je antwoorden zijn bewaard.').waitFor();

    // Editable: change one answer, and the change is kept.
    await page.reload();
    await expectHeading(page, 'Evaluatie gezondheidscoaches (najaar 2019)');
    expect(
      await question(/tijdsinvestering/)
        .getByLabel('4', { exact: true })
        .isChecked(),
    ).toBe(true);
    await question(/tijdsinvestering/)
      .getByLabel('5', { exact: true })
      .check();
    await page.getByRole('button', { name: 'Wijzigingen bewaren' }).click();
    await page.getByText('Je antwoorden zijn bewaard.').waitFor();
    await screenshot(page, 'portal-survey-saved');
    await expectNoSeriousAxeViolations(page);
    const me = await graphql<{ viewer: { organisation: { id: string } } }>(
      page,
      '{ viewer { organisation { id } } }',
    );
    const { surveys } = await graphql<{
      surveys: {
        key: string;
        response: { answers: { questionKey: string; value: string }[] } | null;
      }[];
    }>(
      page,
      'query ($o: ID!) { surveys(programmeKey: "gezondheidscoaches", organisationId: $o) { key response { answers { questionKey value } } } }',
      { o: me.viewer.organisation.id },
    );
    const answers = surveys.find((s) => s.key === 'gezondheidscoaches-evaluatie-najaar-2019')
      ?.response?.answers;
    expect(answers?.find((a) => a.questionKey === 'timeInvestment')?.value).toBe('5');
    expect(answers?.find((a) => a.questionKey === 'mainObstacle')?.value).toBe('OTHER_PRIORITIES');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('toolbox: opening a component records its use for the company', async () => {
    const { context, page, consoleErrors } = await newPage(browser);
    await page.goto('/');
    await signUpCompany(page, 'Toolbox');
    await page.goto('/portaal/toolbox');
    await expectHeading(page, 'Toolbox');
    await page.getByText('Nog niet geopend door je organisatie.').first().waitFor();
    expect(await page.getByText('Nog niet geopend door je organisatie.').count()).toBe(3);
    await screenshot(page, 'portal-toolbox');
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('link', { name: /^Openen\s*: Leidraad leefstijladvies/ }).click();
    await expectHeading(page, 'Leidraad leefstijladvies');
    await page.getByText(/Je gebruik van dit onderdeel is geregistreerd/).waitFor();
    await page.getByRole('heading', { name: 'De stappen' }).waitFor();
    await screenshot(page, 'portal-toolbox-component');
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('link', { name: 'Terug naar de toolbox' }).click();
    await expectHeading(page, 'Toolbox');
    await page.getByText('Laatst geopend op').waitFor();
    expect(await page.getByText('Nog niet geopend door je organisatie.').count()).toBe(2);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('withdraw: asks for a reason and shows it in the timeline', async () => {
    const { context, page, consoleErrors } = await newPage(browser);
    await page.goto('/');
    const company = await signUpCompany(page, 'Intrekking');
    const { applyToProgramme } = await graphql<{ applyToProgramme: { id: string } }>(
      page,
      'mutation ($input: ApplicationDraftInput!) { applyToProgramme(input: $input) { id } }',
      {
        input: {
          programmeKey: 'gezondheidscoaches',
          organisationId: company.organisationId,
          registrationType: 'INDIVIDUAL',
          channelKey: 'metro-carriere',
          idempotencyKey: `e2e-withdraw-${company.kbo}`,
        },
      },
    );
    await page.goto(`/portaal/aanvragen/${applyToProgramme.id}`);
    await page.getByRole('link', { name: 'Aanvraag intrekken' }).click();
    await expectHeading(page, 'Aanvraag intrekken');
    await page.getByRole('button', { name: 'Aanvraag intrekken' }).click();
    await page.getByRole('alert').filter({ hasText: 'Controleer het formulier' }).waitFor();
    await screenshot(page, 'portal-withdraw-invalid');
    await expectNoSeriousAxeViolations(page);
    await page.getByLabel('Kostprijs').check();
    await page
      .getByLabel(/Toelichting/)
      .fill('De eigen bijdrage past dit jaar niet in het budget.');
    await page.getByRole('button', { name: 'Aanvraag intrekken' }).click();
    await page.waitForURL(new RegExp(`/portaal/aanvragen/${applyToProgramme.id}$`));
    await page.getByText('Je aanvraag is ingetrokken.').waitFor();
    await page.getByText('Reden: Kostprijs.').waitFor();
    await page.getByText('De eigen bijdrage past dit jaar niet in het budget.').waitFor();
    await page.locator('.wg-badge', { hasText: 'Ingetrokken' }).first().waitFor();
    expect(await page.getByRole('link', { name: 'Aanvraag intrekken' }).count()).toBe(0);
    await screenshot(page, 'portal-application-withdrawn');
    await expectNoSeriousAxeViolations(page);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('speaks English when the shell does', async () => {
    const { context, page, consoleErrors } = await newPage(browser);
    await signIn(page, DEMO.participant);
    await page.waitForURL(/\/portaal$/);
    await page.getByLabel('Taal').selectOption('en');
    await expectHeading(page, 'My applications');
    await page
      .getByRole('navigation', { name: 'Portal' })
      .getByRole('link', { name: 'Programmes' })
      .click();
    await expectHeading(page, 'Programmes');
    await page.getByText('Your organisation is eligible for NV Gezond.').waitFor();
    await page.getByText(/Employer contribution: €500\.00\./).waitFor();
    await page
      .getByRole('navigation', { name: 'Portal' })
      .getByRole('link', { name: 'Applications' })
      .click();
    await page.getByRole('link', { name: /^View/ }).first().click();
    await page.getByRole('heading', { name: 'Progress' }).waitFor();
    await page.getByText('Trajectory started', { exact: true }).first().waitFor();
    await screenshot(page, 'portal-application-en');
    await expectNoSeriousAxeViolations(page);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('the manager’s spending page', () => {
  it('checks the amount, records the expense in cents and lists it', async () => {
    const { context, page, consoleErrors } = await newPage(browser);
    await signIn(page, DEMO.manager);
    await page.waitForURL(/\/portaal$/);
    await page
      .getByRole('navigation', { name: 'Portaal' })
      .getByRole('link', { name: 'Uitgaven' })
      .click();
    await expectHeading(page, 'Uitgaven');
    await page.getByLabel(/^Programma/).selectOption('gezondheidscoaches');
    await page.getByLabel(/^Categorie/).selectOption('COACH_FEES');
    await page.getByLabel(/Bedrag in euro/).fill('twaalf euro');
    await page.getByLabel(/Omschrijving/).fill('Coachingvergoeding e2e');
    await page.getByRole('button', { name: 'Uitgave vastleggen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Controleer het formulier' }).waitFor();
    await screenshot(page, 'portal-expenditure-invalid');
    await expectNoSeriousAxeViolations(page);
    await page.getByLabel(/Bedrag in euro/).fill('1.234,56');
    await page.getByRole('button', { name: 'Uitgave vastleggen' }).click();
    await page.getByText(/Uitgave van €\s1\.234,56 op .* vastgelegd\./).waitFor();
    const table = page.getByRole('table', { name: /Recente uitgaven van Gezondheidscoaches/ });
    await table.getByRole('rowheader', { name: 'Coachingvergoeding e2e' }).first().waitFor();
    await screenshot(page, 'portal-expenditure');
    await expectNoSeriousAxeViolations(page);
    const { expenditures } = await graphql<{
      expenditures: { edges: { node: { description: string; amountCents: number } }[] };
    }>(
      page,
      '{ expenditures(first: 20, filter: { programmeKey: "gezondheidscoaches" }) { edges { node { description amountCents } } } }',
    );
    expect(
      expenditures.edges.find((e) => e.node.description === 'Coachingvergoeding e2e')?.node
        .amountCents,
    ).toBe(123456);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
