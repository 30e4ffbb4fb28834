import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationIdOf, dotted, freshKbo, tinyPdf } from './portal-support';
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

const year = new Date().getFullYear();

describe('award: a network coordinator registers a group and submits the dossier', () => {
  it('saves a draft, resumes it, submits, then fills in and submits the dossier with a file', async () => {
    const { context, page, consoleErrors } = await newPage(browser);
    await signIn(page, DEMO.network);
    await page.waitForURL(/\/portaal$/);
    await expectHeading(page, 'Mijn aanvragen');
    await page.getByRole('link', { name: 'Nieuwe aanvraag' }).click();
    await expectHeading(page, 'Nieuwe aanvraag');
    await page.getByLabel('NV Gezond').check();
    // A network registers a group by default.
    expect(await page.getByLabel('Groepsinschrijving voor leden van het netwerk').isChecked()).toBe(
      true,
    );

    // Members picked from the network…
    const members = page.locator('.wg-members input[type=checkbox]');
    await members.first().waitFor();
    const picked = [
      (await page.locator('.wg-members label').nth(0).textContent()) ?? '',
      (await page.locator('.wg-members label').nth(1).textContent()) ?? '',
    ];
    await members.nth(0).check();
    await members.nth(1).check();
    await page.getByText('2 ondernemingen gekozen.').waitFor();
    // The search narrows the list; the choices stay.
    const search = page.getByLabel('Zoek in de leden van het netwerk');
    await search.fill(picked[1] ?? '');
    expect(await members.count()).toBe(1);
    expect(await members.first().isChecked()).toBe(true);
    await search.fill('');

    // …and one added by KBO number, checked in the browser first.
    const kbo = freshKbo();
    const newMember = `Nieuwe Buur ${kbo.slice(-4)} BV`;
    await page.getByRole('button', { name: 'Onderneming toevoegen' }).click();
    const added = page.getByRole('group', { name: 'Toegevoegde onderneming 1' });
    const kboField = added.getByLabel(/Ondernemingsnummer/);
    await kboField.fill('0123.456.748');
    await kboField.blur();
    await page.getByText('Dit ondernemingsnummer bestaat niet: controleer de cijfers.').waitFor();
    expect(await kboField.getAttribute('aria-invalid')).toBe('true');
    await kboField.fill(dotted(kbo));
    await added.getByLabel(/Naam/).fill(newMember);
    await page.getByLabel(/Hoe heb je van ons gehoord/).selectOption({
      label: 'Bedrijvenvereniging of netwerk',
    });
    await screenshot(page, 'portal-apply-group');
    await expectNoSeriousAxeViolations(page);

    // A draft first: it gets its own address and can be resumed.
    await page.getByRole('button', { name: 'Concept bewaren' }).click();
    await page.waitForURL(/\/portaal\/aanvragen\/[0-9a-f-]{36}\/bewerken$/);
    await page.getByText('Je concept is bewaard.').waitFor();
    const applicationId = applicationIdOf(page);
    await page.reload();
    await expectHeading(page, 'Aanvraag verder invullen');
    // The new company joined the network and is now one of the picked members.
    await page.getByLabel('Zoek in de leden van het netwerk').fill(newMember);
    expect(await page.getByLabel(newMember).isChecked()).toBe(true);
    await page.getByText('3 ondernemingen gekozen.').waitFor();
    await page.getByRole('button', { name: 'Aanvraag indienen' }).click();
    await page.waitForURL(new RegExp(`/portaal/aanvragen/${applicationId}$`));
    await expectHeading(page, `NV Gezond ${year}`);
    await page.getByText('Je aanvraag is ingediend.').waitFor();
    const membersSection = page.getByRole('heading', {
      name: /Vertegenwoordigde ondernemingen \(3\)/,
    });
    await membersSection.waitFor();
    for (const name of [...picked, newMember])
      await page.getByText(name, { exact: true }).waitFor();
    await screenshot(page, 'portal-application-group');
    await expectNoSeriousAxeViolations(page);

    // The participation dossier: answers, an attachment (type checked first), submit.
    await page.getByRole('link', { name: 'Deelnamedossier invullen' }).click();
    await expectHeading(page, 'Deelnamedossier');
    await page.getByRole('button', { name: 'Dossier indienen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Controleer het formulier' }).waitFor();
    expect(await page.getByLabel(/Visie op gezondheidsbeleid/).getAttribute('aria-invalid')).toBe(
      'true',
    );
    const answers: [RegExp, string][] = [
      [/Visie op gezondheidsbeleid/, 'Gezonde werknemers op het hele bedrijventerrein.'],
      [/^Acties/, 'Fietsactie, gezonde lunch en een rookstopcursus.'],
      [/Betrokkenheid van de werknemers/, 'Een werkgroep met iemand uit elk bedrijf.'],
      [/Samenwerking/, 'Samen met de bedrijvenvereniging en een externe dienst.'],
      [/Resultaten/, 'Meer deelnemers aan de fietsactie dan vorig jaar.'],
    ];
    for (const [label, text] of answers) await page.getByLabel(label).fill(text);
    await page.getByRole('button', { name: 'Tussentijds bewaren' }).click();
    await page.getByText('Je antwoorden zijn bewaard.').waitFor();

    const fileInput = page.getByLabel('Bestand kiezen');
    await fileInput.setInputFiles({
      name: 'notities.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('geen toegelaten type'),
    });
    await page.getByText('Dit soort bestand kan niet', { exact: false }).waitFor();
    await fileInput.setInputFiles({
      name: 'actieplan.pdf',
      mimeType: 'application/pdf',
      buffer: tinyPdf(),
    });
    await page.getByRole('button', { name: 'Bestand toevoegen' }).click();
    await page.getByText('actieplan.pdf is toegevoegd.').waitFor();
    await page.getByRole('link', { name: 'actieplan.pdf' }).waitFor();
    await screenshot(page, 'portal-dossier');
    await expectNoSeriousAxeViolations(page);

    await page.getByRole('button', { name: 'Dossier indienen' }).click();
    await page.waitForURL(new RegExp(`/portaal/aanvragen/${applicationId}$`));
    await page.getByText('Je deelnamedossier is ingediend.').waitFor();
    await page.getByText('Het deelnamedossier is ingediend.').waitFor();
    await page.locator('.wg-badge', { hasText: 'Deelnamedossier ingediend' }).first().waitFor();
    const link = page.getByRole('link', { name: 'actieplan.pdf' });
    const href = (await link.getAttribute('href')) ?? '';
    const download = await page.request.get(href);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('application/pdf');
    await screenshot(page, 'portal-application-dossier-submitted');
    await expectNoSeriousAxeViolations(page);

    // The API agrees: one group registration with three companies and a submitted dossier.
    const { application } = await graphql<{
      application: {
        registrationType: string;
        companyCount: number;
        currentStage: { key: string };
        dossier: { submittedAt: string | null };
        attachments: { fileName: string }[];
      };
    }>(
      page,
      'query ($id: ID!) { application(id: $id) { registrationType companyCount currentStage { key } dossier { submittedAt } attachments { fileName } } }',
      { id: applicationId },
    );
    expect(application.registrationType).toBe('GROUP');
    expect(application.companyCount).toBe(3);
    expect(application.currentStage.key).toBe('PARTICIPATED');
    expect(application.dossier.submittedAt).not.toBeNull();
    expect(application.attachments.map((a) => a.fileName)).toEqual(['actieplan.pdf']);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
