import type { Browser, Page } from 'playwright-core';
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

/** Item keys of the current instrument, by domain, as the API serves them. */
async function itemsByDomain(page: Page): Promise<Map<string, string[]>> {
  const data = await graphql<{ scanInstrument: { items: { key: string; domainKey: string }[] } }>(
    page,
    '{ scanInstrument { items { key domainKey } } }',
  );
  const map = new Map<string, string[]>();
  for (const i of data.scanInstrument.items)
    map.set(i.domainKey, [...(map.get(i.domainKey) ?? []), i.key]);
  return map;
}

const pick = (page: Page, item: string, points: number) =>
  page.locator(`input[type="radio"][name="${item}"][value="${points}"]`).check();

describe('health-policy scan in the portal', () => {
  // One journey of some 80 interactions and four axe runs: more time than a single page needs.
  it('a company takes the scan, sees its result, re-takes it and sees the change', {
    timeout: 180_000,
  }, async () => {
    const { context, page, consoleErrors } = await newPage(browser);
    await page.goto('/');
    await signUpCompany(page, 'Scan');
    const domains = await itemsByDomain(page);

    await page.goto('/portaal');
    await expectHeading(page, 'Mijn aanvragen');
    await page
      .getByRole('navigation', { name: 'Portaal' })
      .getByRole('link', { name: 'Gezondheidsbeleid-scan' })
      .click();
    await expectHeading(page, 'Gezondheidsbeleid-scan');
    await page.getByText('Nog geen ingediende scans.').waitFor();
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('link', { name: 'Scan starten' }).click();
    await expectHeading(page, 'Gezondheidsbeleid-scan invullen');

    // Submitting an empty form: the client lists every unanswered item, nothing is sent.
    await page.getByRole('button', { name: 'Scan indienen' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Kies een antwoord' });
    await summary.first().waitFor();
    expect(await page.getByText(/— Kies een antwoord/).count()).toBe(25);

    // A draft with the policy domain answered, saved and kept.
    for (const item of domains.get('beleid') ?? []) await pick(page, item, 4);
    await page.getByRole('button', { name: 'Concept bewaren' }).click();
    await page.getByText('Uw concept is bewaard.').waitFor();
    await page.getByRole('link', { name: 'Terug naar de scan' }).click();
    await page.getByText(/concept met 4 van de 25 vragen/).waitFor();
    await page.getByRole('link', { name: 'Verder invullen' }).click();
    await expectHeading(page, 'Gezondheidsbeleid-scan invullen');
    expect(await page.locator('input[name="beleid-visie"][value="4"]').isChecked()).toBe(true);

    // Everything else at 1 point: 4 × 4 + 21 × 1 = 37 out of 100.
    for (const [domain, items] of domains)
      if (domain !== 'beleid') for (const item of items) await pick(page, item, 1);
    await screenshot(page, 'portal-scan-form');
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('button', { name: 'Scan indienen' }).click();

    await expectHeading(page, 'Resultaat van de gezondheidsbeleid-scan');
    await page.getByText('Uw scan is ingediend.').waitFor();
    await page.getByText('37 / 100').waitFor();
    const table = page.getByRole('table', { name: 'Score per domein (0–100)' });
    await table.getByRole('row', { name: /Beleid en planning\s+100/ }).waitFor();
    await table.getByRole('row', { name: /Voeding\s+25/ }).waitFor();
    // The chart (Recharts, loaded on this page only) draws one bar per domain.
    const chart = page.getByRole('img', { name: /Staafdiagram van de score per domein/ });
    await chart.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBe(8);
    // Peers: a group of at least 10 companies, with the spread in a table.
    const peers = page.getByRole('region', { name: 'Vergelijking met andere bedrijven' });
    await peers.getByText(/Vergeleken met [\d.]+ bedrijven/).waitFor();
    const peerCount = Number(
      /Vergeleken met ([\d.]+) bedrijven/.exec(await peers.innerText())?.[1]?.replace('.', ''),
    );
    expect(peerCount).toBeGreaterThanOrEqual(10);
    await peers.getByRole('row', { name: /Mediaan/ }).waitFor();
    // Suggestions for the lowest domains, each linking to a toolbox component.
    const suggestions = page
      .getByRole('region', { name: 'Suggesties voor uw laagst scorende domeinen' })
      .getByRole('listitem');
    const count = await suggestions.count();
    expect(count).toBeGreaterThanOrEqual(3);
    expect(count).toBeLessThanOrEqual(5);
    expect(await suggestions.filter({ hasText: 'Beleid en planning' }).count()).toBe(0);
    await screenshot(page, 'portal-scan-result');
    await expectNoSeriousAxeViolations(page);

    // Re-take: the last answers are filled in; nutrition improves to 4 points per item (+9).
    await page.getByRole('link', { name: 'Terug naar de scan' }).click();
    await page.getByRole('link', { name: 'Scan opnieuw afnemen' }).click();
    await expectHeading(page, 'Gezondheidsbeleid-scan invullen');
    await page.getByText(/Uw antwoorden van de vorige scan staan al ingevuld/).waitFor();
    expect(await page.locator('input[name="voeding-aanbod"][value="1"]').isChecked()).toBe(true);
    for (const item of domains.get('voeding') ?? []) await pick(page, item, 4);
    // Keyboard: the submit button is reachable and works with Enter.
    await page.getByRole('button', { name: 'Scan indienen' }).focus();
    await page.keyboard.press('Enter');
    await expectHeading(page, 'Resultaat van de gezondheidsbeleid-scan');
    await page.getByText('46 / 100').waitFor();
    await page.getByText(/het verschil is \+9 punten/).waitFor();
    await table.getByRole('row', { name: /Voeding\s+100\s+25\s+\+75/ }).waitFor();
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBe(16);
    await screenshot(page, 'portal-scan-retake');
    await expectNoSeriousAxeViolations(page);

    // The history lists both scans, newest first.
    await page.getByRole('link', { name: 'Terug naar de scan' }).click();
    const history = page.getByRole('table', { name: 'Ingediende scans' });
    await history.getByRole('row', { name: /46/ }).waitFor();
    expect(await history.getByRole('row').count()).toBe(3);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('the analytics RE-AIM page shows scan effectiveness per cohort with n and interval', async () => {
    const { context, page, consoleErrors } = await newPage(browser);
    await signIn(page, DEMO.analyst);
    await page.waitForURL(/\/analyse/);
    await page.goto('/analyse/re-aim?programme=nv-gezond');
    await expectHeading(page, 'RE-AIM-evaluatie');
    const section = page.getByRole('region', { name: /Effectiviteit per cohort/ });
    const table = section.getByRole('table', { name: /Verandering van de scanscore per cohort/ });
    await table.getByRole('row').nth(1).waitFor();
    const header = await table.getByRole('row').first().innerText();
    expect(header).toMatch(/n \(bedrijven\)/);
    expect(header).toMatch(/95 %-interval/);
    // Each cohort with at least two pairs shows its interval "a – b".
    const rows = await table.getByRole('row').allInnerTexts();
    expect(rows.slice(1).some((r) => /\d+,\d+ – \d+,\d+/.test(r))).toBe(true);
    const measures = page.getByRole('table', { name: /RE-AIM: alle maatstaven/ });
    await measures.getByRole('row', { name: /gezondheidsbeleid-scan/ }).waitFor();
    await screenshot(page, 'analytics-re-aim-scan');
    await expectNoSeriousAxeViolations(page);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
