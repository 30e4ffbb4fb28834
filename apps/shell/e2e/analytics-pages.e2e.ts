import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartsDrawn, openAnalytics, tableRows } from './analytics-support';
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

describe('analytics: every page with real data', () => {
  it('overview, channels, budget, lead time and RE-AIM', async () => {
    const { context, page, consoleErrors } = await newPage(browser);
    await signIn(page, DEMO.analyst);
    await page.waitForURL(/\/analyse$/);

    // Overview: published figures next to the computed ones, differences flagged with sources.
    await expectHeading(page, "Overzicht van de programma's");
    const coaching = page.getByRole('region', { name: 'Gezondheidscoaches in bedrijven' });
    const figures = coaching.getByRole('table', { name: /parlementaire vragen/ });
    const smes = (await tableRows(figures)).find((r) => r[0] === 'SMEs that used the offer');
    expect(smes?.slice(2, 3)).toEqual(['74']);
    expect(smes?.[3]).toMatch(/^80/);
    expect(smes?.[4]).toBe('≠ Wijkt af');
    // How many differ depends on the data at this moment (other tests add records): the page
    // shows the API's count.
    const { publishedFigureReconciliation: summary } = await graphql<{
      publishedFigureReconciliation: { differing: number };
    }>(page, '{ publishedFigureReconciliation(programmeKey: "gezondheidscoaches") { differing } }');
    expect(summary.differing).toBeGreaterThanOrEqual(2);
    expect(
      await coaching.getByText(/gepubliceerde cijfers wijken af van de gegevens/).textContent(),
    ).toBe(`${summary.differing} gepubliceerde cijfers wijken af van de gegevens`);
    await chartsDrawn(page);
    await screenshot(page, 'analytics-overview');
    await expectNoSeriousAxeViolations(page);

    // Channels: Prebes first, the 2018 campaigns with their cost.
    await openAnalytics(
      page,
      '/analyse/kanalen?programme=gezondheidscoaches&asOf=2019-07-31',
      'Kanalen en campagnes',
    );
    const channels = await tableRows(page.getByRole('table', { name: /Trechter per kanaal/ }));
    expect(channels[1]?.[1]).toBe('Prebes – mailing aan de leden');
    const campaigns = await tableRows(page.getByRole('table', { name: /^Campagnes/ }));
    expect(campaigns.slice(1).map((r) => r[1])).toEqual([
      'Metro – carrièrerubriek',
      'HR-magazines',
      'Facebookcampagne voor professionals',
    ]);
    await chartsDrawn(page);
    await screenshot(page, 'analytics-channels');
    await expectNoSeriousAxeViolations(page);

    // Budget: 3 million allocated, 258,525 spent; cost per completed trajectory.
    await openAnalytics(page, '/analyse/budget?programme=gezondheidscoaches', 'Budget en kosten');
    await page.locator('main .an-stats .wg-stat').first().waitFor();
    const stats = await page.locator('main .an-stats .wg-stat').allTextContents();
    const { budget } = await graphql<{ budget: { spentCents: number } }>(
      page,
      '{ budget(programmeKey: "gezondheidscoaches") { spentCents } }',
    );
    const spent = new Intl.NumberFormat('nl-BE', {
      style: 'currency',
      currency: 'EUR',
      maximumFractionDigits: 0,
    }).format(budget.spentCents / 100);
    expect(budget.spentCents).toBeGreaterThanOrEqual(25_852_500);
    expect(stats.map((s) => s.replace(/[\u00a0\u202f]/g, ' '))).toContain(
      `Uitgegeven in de periode${spent.replace(/[\u00a0\u202f]/g, ' ')}`,
    );
    const perStage = await tableRows(
      page.getByRole('table', { name: /Kost per aanvraag per stap/ }),
    );
    expect(perStage.slice(1).map((r) => r[0])).toEqual([
      'Aangevraagd',
      'Goedgekeurd',
      'Traject gestart',
      'Traject afgerond',
    ]);
    await chartsDrawn(page);
    await screenshot(page, 'analytics-budget');
    await expectNoSeriousAxeViolations(page);

    // Lead time: most decisions within two weeks.
    await openAnalytics(
      page,
      '/analyse/doorlooptijd?programme=gezondheidscoaches&asOf=2019-07-31',
      'Doorlooptijd van de beslissing',
    );
    const share = page.locator('main .wg-stat', { hasText: 'Binnen 14 dagen beslist' });
    await share.waitFor();
    const percent = Number(
      ((await share.locator('.wg-stat__value').textContent()) ?? '')
        .split('%')[0]
        ?.replace(',', '.'),
    );
    expect(percent).toBeGreaterThan(50);
    await chartsDrawn(page);
    await screenshot(page, 'analytics-lead-time');
    await expectNoSeriousAxeViolations(page);

    // RE-AIM: five dimensions with numerators and denominators, and what the data cannot say.
    await openAnalytics(page, '/analyse/re-aim?programme=gezondheidscoaches', 'RE-AIM-evaluatie');
    for (const dimension of [
      'Reach (bereik)',
      'Effectiveness (effectiviteit)',
      'Adoption (adoptie)',
      'Implementation (implementatie)',
      'Maintenance (behoud)',
    ])
      await page.getByRole('region', { name: dimension, exact: true }).waitFor();
    const implementation = await tableRows(
      page
        .getByRole('region', { name: 'Implementation (implementatie)', exact: true })
        .getByRole('table'),
    );
    const { reAim } = await graphql<{
      reAim: { implementation: { numerator: number; denominator: number } };
    }>(
      page,
      '{ reAim(programmeKey: "gezondheidscoaches") { implementation { numerator denominator } } }',
    );
    expect(
      implementation.some(
        (r) =>
          r[1] === String(reAim.implementation.numerator) &&
          r[2] === String(reAim.implementation.denominator),
      ),
    ).toBe(true);
    await page
      .getByText('No participant has an indicator measurement both before and after taking part.')
      .first()
      .waitFor();
    await chartsDrawn(page);
    await screenshot(page, 'analytics-re-aim');
    await expectNoSeriousAxeViolations(page);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
