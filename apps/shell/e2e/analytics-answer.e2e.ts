import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartsDrawn, openAnalytics, tableRows } from './analytics-support';
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

/** The table of the minister's answer (source 001, question 1), cumulative per year. */
const SOURCE_TABLE = [
  ['Stap', '2017', '2018', '2019 (t.e.m. 31 juli)'],
  ['Aangevraagd', '11', '140', '196'],
  ['Goedgekeurd', '11', '128', '181'],
  ['Afgekeurd', '0', '12', '15'],
  ['Traject gestart', '0', '42', '80'],
  ['Traject afgerond', '0', '0', '7'],
];

describe('analytics: the answer to a parliamentary question', () => {
  it('reproduces the 2017 / 2018 / 2019 table of the answer and downloads it as CSV and XLSX', async () => {
    const { context, page, consoleErrors } = await newPage(browser);
    await signIn(page, DEMO.analyst);
    await page.waitForURL(/\/analyse$/);
    await page
      .getByRole('navigation', { name: 'Onderdelen van de analyse' })
      .getByRole('link', { name: 'Antwoord samenstellen' })
      .click();
    await expectHeading(page, 'Antwoord op een parlementaire vraag');
    await page.getByLabel('Programma', { exact: true }).selectOption('gezondheidscoaches');
    // Rows: applications, approved, rejected, started, completed (the default choice).
    for (const stage of [
      'Aangevraagd',
      'Goedgekeurd',
      'Afgekeurd',
      'Traject gestart',
      'Traject afgerond',
    ])
      expect(await page.getByRole('checkbox', { name: stage, exact: true }).isChecked()).toBe(true);
    // Columns: end of 2017, end of 2018, end of July 2019. (The default is one column per
    // edition; other tests may have opened a later one, so remove the extra columns first.)
    const removeButtons = page.getByRole('button', { name: /^Datum \d+ \(.*\) verwijderen$/ });
    while ((await removeButtons.count()) > 3) await removeButtons.last().click();
    for (let i = await removeButtons.count(); i < 3; i += 1)
      await page.getByRole('button', { name: 'Datum toevoegen' }).click();
    await page.getByLabel('Datum 1', { exact: true }).fill('2017-12-31');
    await page.getByLabel('Datum 2', { exact: true }).fill('2018-12-31');
    await page.getByLabel('Datum 3', { exact: true }).fill('2019-07-31');
    await page.waitForURL(/at=2017-12-31%2C2018-12-31%2C2019-07-31/);
    const table = page.getByRole('table', { name: /gecumuleerd aantal aanvragen per stap/ });
    await expect.poll(() => tableRows(table), { timeout: UI_TIMEOUT }).toEqual(SOURCE_TABLE);
    await chartsDrawn(page);
    await screenshot(page, 'analytics-answer');
    await expectNoSeriousAxeViolations(page);

    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV downloaden (met bevraging)' }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toBe(
      'antwoord-gezondheidscoaches-2017-12-31_2018-12-31_2019-07-31.csv',
    );
    const csv = (await readFile((await csvDownload.path()) as string, 'utf8')).replace(
      /^\uFEFF/,
      '',
    );
    const lines = csv.split('\r\n');
    expect(lines).toContain('Stap,2017,2018,2019 (t.e.m. 31 juli)');
    expect(lines).toContain('Aangevraagd,11,140,196');
    expect(lines).toContain('Goedgekeurd,11,128,181');
    expect(lines).toContain('Afgekeurd,0,12,15');
    expect(lines).toContain('Traject gestart,0,42,80');
    expect(lines).toContain('Traject afgerond,0,0,7');
    // The query and the data date are written in.
    expect(lines).toContain(
      'Stand van de gegevens,t.e.m. 2017-12-31; t.e.m. 2018-12-31; t.e.m. 2019-07-31',
    );
    expect(csv).toMatch(
      /Bevraging,"funnelSnapshots\(input: \{""programmeKey"":""gezondheidscoaches""/,
    );
    expect(csv).toMatch(/Gegevens opgevraagd op,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);

    const [xlsxDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Excel downloaden (met bevraging)' }).click(),
    ]);
    expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
    const xlsx = await readFile((await xlsxDownload.path()) as string);
    expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK'); // an OOXML zip
    expect(xlsx.length).toBeGreaterThan(4000);
    expect(consoleErrors).toEqual([]);

    // The link reopens the same table.
    const link = page.url();
    await openAnalytics(page, '/analyse', "Overzicht van de programma's");
    await page.goto(link);
    await expect.poll(() => tableRows(table), { timeout: UI_TIMEOUT }).toEqual(SOURCE_TABLE);
    await context.close();
  });
});
