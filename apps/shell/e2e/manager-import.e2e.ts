import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshKbo } from './portal-support';
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

describe('a programme manager imports organisations through the page', () => {
  it('uploads a CSV, maps it, reads the dry-run report, confirms and finds the organisations', async () => {
    const { context, page, consoleErrors } = await newPage(browser);
    await signIn(page, DEMO.manager);
    await page.getByRole('link', { name: 'Importeren' }).first().waitFor({ timeout: 20_000 });
    await page.goto('/portaal/beheer/import');
    await expectHeading(page, 'Importeren en exporteren');
    await expectNoSeriousAxeViolations(page);

    const [a, b] = [freshKbo(), freshKbo()];
    const bad = `${a.slice(0, 8)}00`; // check digits are never 00
    const csv = [
      'KBO-nummer;Naam;Werknemers;Gemeente',
      `${a};E2E Import Bakkerij ${a.slice(-4)};12;Gent`,
      `${b};E2E Import Garage ${b.slice(-4)};4;Brugge`,
      `${bad};Foute Check BV;3;Gent`,
    ].join('\n');
    await page.getByLabel('Wat staat er in het bestand?').selectOption('ORGANISATIONS');
    await page.getByLabel('Bestand', { exact: true }).setInputFiles({
      name: 'organisaties.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByRole('button', { name: 'Opladen' }).click();

    // The mapping is guessed from the Dutch headers; the preview shows the first rows.
    await page.getByRole('heading', { name: 'Kolommen koppelen' }).waitFor();
    expect(await page.getByLabel(/^kboNumber \*/).inputValue()).toBe('KBO-nummer');
    await page.getByRole('table', { name: 'Eerste rijen van het bestand' }).getByText(a).waitFor();
    await screenshot(page, 'manager-import-mapping');
    await expectNoSeriousAxeViolations(page);

    await page.getByRole('button', { name: 'Controleren (proefdraai)' }).click();
    // The dry run is a job on the server; the page polls until its report is there.
    const issues = page.getByRole('table', { name: /Problemen per rij/ });
    await issues.waitFor({ timeout: 30_000 });
    const rows = await issues.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('INVALID_KBO');
    expect(rows[0]).toMatch(/^4/);
    const report = await page
      .getByRole('link', { name: 'Rapport downloaden (CSV)' })
      .getAttribute('href');
    const reportCsv = await (await page.request.get(report!)).text();
    expect(reportCsv).toContain('4,kboNumber,INVALID_KBO');
    // Nothing is written before the confirmation (counted by an admin, who sees every organisation).
    const admin = await newPage(browser);
    await graphql(admin.page, 'mutation ($input: SignInInput!) { signIn(input: $input) { id } }', {
      input: { email: DEMO.admin, password: 'werkgezond-demo' },
    });
    const find = async () =>
      (
        await graphql<{ organisations: { totalCount: number } }>(
          admin.page,
          'query ($q: String) { organisations(first: 5, filter: { search: $q }) { totalCount } }',
          { q: `Import Bakkerij ${a.slice(-4)}` },
        )
      ).organisations.totalCount;
    const before = await find();
    await screenshot(page, 'manager-import-report');
    await expectNoSeriousAxeViolations(page);

    await page.getByRole('button', { name: 'Bevestigen en importeren' }).click();
    await page.getByRole('heading', { name: 'Import voltooid' }).waitFor({ timeout: 30_000 });
    await page.getByText('2 toegevoegd, 0 gewijzigd.').waitFor();
    expect(before).toBe(0);
    expect(await find()).toBe(1);
    await screenshot(page, 'manager-import-done');
    await expectNoSeriousAxeViolations(page);
    expect(consoleErrors).toEqual([]);
    await admin.context.close();
    await context.close();
  });
});
