import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartsDrawn, tableRows } from './analytics-support';
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

describe('analytics: cohorts', () => {
  it('compares the 2013 award against 2015 with the p-value of the API and a verdict', async () => {
    const { context, page, consoleErrors } = await newPage(browser);
    await signIn(page, DEMO.analyst);
    await page.waitForURL(/\/analyse$/);
    await page
      .getByRole('navigation', { name: 'Onderdelen van de analyse' })
      .getByRole('link', { name: 'Cohorten' })
      .click();
    await expectHeading(page, 'Cohorten vergelijken');
    await page.getByLabel('Programma', { exact: true }).selectOption('nv-gezond');
    await page.getByLabel('Vergelijk naar', { exact: true }).selectOption('EDITION');
    // Tick 2013 and 2015 only (none ticked means all editions).
    const group = page.getByRole('group', { name: /Groepen/ });
    await group.getByRole('checkbox', { name: '2013' }).waitFor();
    for (const year of ['2012', '2013', '2014', '2015']) {
      const box = group.getByRole('checkbox', { name: year });
      const wanted = year === '2013' || year === '2015';
      if ((await box.isChecked()) !== wanted) await box.click();
    }
    await page.getByLabel('Basisgroep', { exact: true }).selectOption('2013');
    await page.waitForURL(/cohorts=2013%2C2015/);

    const expected = await graphql<{
      cohortComparison: {
        cohorts: {
          label: string;
          comparisons: { fromFirst: { pValue: number } | null }[] | null;
        }[];
      };
    }>(
      page,
      `{ cohortComparison(input: { programmeKey: "nv-gezond", baseline: "2013", cohorts: [
          { label: "2013", filter: { editions: [2013] } }, { label: "2015", filter: { editions: [2015] } }] })
        { cohorts { label comparisons { fromFirst { pValue } } } } }`,
    );
    const p = expected.cohortComparison.cohorts.find((c) => c.label === '2015')?.comparisons?.[1]
      ?.fromFirst?.pValue;
    expect(p).toBeGreaterThan(0);
    const shown = `p = ${new Intl.NumberFormat('nl-BE', { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(p as number)}`;

    const verdicts = page.getByRole('region', { name: 'Besluit per stap' });
    await verdicts.getByText(shown).first().waitFor({ timeout: 30_000 });
    expect(await verdicts.textContent()).toContain('2015 t.o.v. 2013: Deelnamedossier ingediend');
    const tests = await tableRows(page.getByRole('table', { name: /Verschil met de basisgroep/ }));
    expect(tests[1]?.[0]).toBe('2015');
    expect(tests[1]).toContain(shown);
    await chartsDrawn(page);
    await screenshot(page, 'analytics-cohorts');
    await expectNoSeriousAxeViolations(page);

    // A group below the minimum size gets no verdict.
    await page.getByLabel('Minimale groepsgrootte', { exact: true }).fill('40');
    await page.waitForURL(/minGroup=40/);
    await verdicts
      .getByText(/Geen besluit mogelijk/)
      .first()
      .waitFor({ timeout: 30_000 });
    expect(await verdicts.textContent()).not.toContain('verschilt duidelijk');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
