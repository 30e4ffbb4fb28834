import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackOffice } from './admin-support';
import {
  DEMO,
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

describe('back office: surveys', () => {
  it('an admin builds a survey with a required question, publishes it, and sees version 1', {
    timeout: 180_000,
  }, async () => {
    const title = `Tevredenheid na goedkeuring ${String(Date.now()).slice(-5)}`;
    const admin = await newPage(browser);
    const a = admin.page;
    await signIn(a, DEMO.admin);
    await a.waitForURL(/\/portaal$/);
    await openBackOffice(a, 'Enquêtes', 'Enquêtes');
    await a.getByRole('table', { name: 'Enquêtes' }).waitFor();
    // Eight columns at 1280 px: the list fits its box, actions included (no sideways scroll).
    const fits = await a
      .locator('.wg-admin-surveys .wg-table-wrap')
      .evaluate((wrap) => wrap.scrollWidth <= wrap.clientWidth);
    expect(fits).toBe(true);

    await a.getByRole('button', { name: 'Nieuwe enquête' }).click();
    const form = a.getByRole('region', { name: 'Nieuwe enquête' });
    await form.getByLabel(/^Titel/).fill(title);
    await form.getByLabel(/^Programma/).selectOption('gezondheidscoaches');
    await form.getByLabel(/^Moment van uitnodiging/).selectOption('AFTER_APPROVAL');

    // Bad input first: a choice question with one choice is refused with a translated error.
    const first = form.getByRole('group', { name: 'Vraag 1' });
    await first.getByLabel(/^Vraagtekst/).fill('Welke module gebruikte u het meest?');
    await first.getByLabel('Soort antwoord').selectOption('CHOICE');
    await first.getByLabel(/^Keuzes/).fill('Voeding');
    await form.getByRole('button', { name: 'Enquête aanmaken' }).click();
    await form
      .getByText('Vraag 1: geef minstens twee verschillende keuzes.', { exact: false })
      .first()
      .waitFor();
    expect(await first.getByLabel(/^Keuzes/).getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousAxeViolations(a);
    await first.getByLabel(/^Keuzes/).fill('Voeding, Beweging, Stress');

    // A second, required scale question, moved to the top with the keyboard.
    await form.getByRole('button', { name: 'Vraag toevoegen' }).click();
    const second = form.getByRole('group', { name: 'Vraag 2' });
    await second.getByLabel(/^Vraagtekst/).fill('Hoe tevreden bent u over de coach?');
    await second.getByLabel('Verplicht te beantwoorden').check();
    await form.getByRole('button', { name: 'Vraag 2 omhoog' }).focus();
    await a.keyboard.press('Enter');
    await expect
      .poll(() =>
        form
          .getByRole('group', { name: 'Vraag 1' })
          .getByLabel(/^Vraagtekst/)
          .inputValue(),
      )
      .toBe('Hoe tevreden bent u over de coach?');
    expect(
      await form
        .getByRole('group', { name: 'Vraag 1' })
        .getByLabel('Verplicht te beantwoorden')
        .isChecked(),
    ).toBe(true);
    await form.getByRole('button', { name: 'Enquête aanmaken' }).click();
    await a.getByText(`Enquête ‘${title}’ is aangemaakt (ontwerp, versie 1).`).waitFor();

    const row = a.getByRole('row').filter({ hasText: title });
    await row.getByText('Ontwerp').waitFor();
    await row.getByRole('button', { name: `${title} publiceren` }).click();
    await a.getByText(`‘${title}’ is gepubliceerd.`).waitFor();
    await row.getByText('Gepubliceerd').waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    // Programme, moment, status, version, questions, responses, actions.
    expect(cells.slice(0, 5)).toEqual([
      'Gezondheidscoaches in bedrijven',
      'Na goedkeuring',
      'Gepubliceerd',
      '1',
      '2',
    ]);
    await screenshot(a, 'admin-surveys');
    await expectNoSeriousAxeViolations(a);
    expect(admin.consoleErrors).toEqual([]);
    await admin.context.close();
  });
});
