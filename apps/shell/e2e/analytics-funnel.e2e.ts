import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartsDrawn, tableRows } from './analytics-support';
import {
  DEMO,
  DEMO_PASSWORD,
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

describe('analytics: the funnel', () => {
  it('shows the coaching funnel as of 2019-07-31 (196 / 181 / 80 / 7, 15 rejected), and a shared link reopens it', async () => {
    const { context, page, consoleErrors } = await newPage(browser);
    await signIn(page, DEMO.analyst);
    await page.waitForURL(/\/analyse$/);
    await page
      .getByRole('navigation', { name: 'Onderdelen van de analyse' })
      .getByRole('link', { name: 'Trechter' })
      .click();
    await expectHeading(page, 'Trechter');
    await page.getByLabel('Programma', { exact: true }).selectOption('gezondheidscoaches');
    await page.getByLabel('Stand op', { exact: true }).fill('2019-07-31');
    await page.waitForURL(/asOf=2019-07-31/);

    const steps = page.getByRole('table', { name: /aantallen en percentages per stap/ });
    await page.getByRole('heading', { name: 'Stappen', exact: true }).waitFor();
    await expect
      .poll(async () => (await tableRows(steps)).slice(1).map((r) => [r[0], r[1]]), {
        timeout: UI_TIMEOUT,
      })
      .toEqual([
        ['Aangevraagd', '196'],
        ['Goedgekeurd', '181'],
        ['Traject gestart', '80'],
        ['Traject afgerond', '7'],
      ]);
    const stepRows = await tableRows(steps);
    // Percentages next to the counts, with their Wilson interval; still in progress apart.
    expect(stepRows[2]?.slice(0, 7)).toEqual([
      'Goedgekeurd',
      '181',
      '92,3% (87,8–95,3%)',
      '92,3% (87,8–95,3%)',
      '15',
      '15',
      '0',
    ]);
    expect(stepRows[3]?.[6]).toBe('39');
    const exits = await tableRows(page.getByRole('table', { name: /Uitstroom per soort/ }));
    expect(exits.find((r) => r[0] === 'Afgekeurd')?.[1]).toBe('15');

    // A breakdown and a unit, both kept in the link.
    await page.getByLabel(/^Eenheid/).selectOption('COMPANIES');
    await page.getByLabel('Opsplitsen naar', { exact: true }).selectOption('SIZE_CLASS');
    await page.getByRole('heading', { name: 'Opsplitsing naar Grootteklasse' }).waitFor();
    await chartsDrawn(page);
    const shared = page.url();
    expect(new URL(shared).search).toBe(
      '?programme=gezondheidscoaches&asOf=2019-07-31&unit=COMPANIES&breakdown=SIZE_CLASS',
    );
    const before = await tableRows(page.getByRole('table', { name: /Trechter per groep/ }));
    await screenshot(page, 'analytics-funnel');
    await expectNoSeriousAxeViolations(page);

    // Someone else opens the link: after signing in they see exactly the same view.
    const other = await newPage(browser);
    await other.page.goto(shared);
    await other.page.waitForURL(/\/aanmelden/);
    await other.page.getByLabel('E-mailadres').fill(DEMO.analyst);
    await other.page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await other.page.getByRole('button', { name: 'Aanmelden' }).click();
    await other.page.waitForURL((url) => url.href === shared);
    await expectHeading(other.page, 'Trechter');
    expect(await other.page.getByLabel('Stand op', { exact: true }).inputValue()).toBe(
      '2019-07-31',
    );
    expect(await other.page.getByLabel(/^Eenheid/).inputValue()).toBe('COMPANIES');
    expect(await other.page.getByLabel('Opsplitsen naar', { exact: true }).inputValue()).toBe(
      'SIZE_CLASS',
    );
    expect(await tableRows(other.page.getByRole('table', { name: /Trechter per groep/ }))).toEqual(
      before,
    );
    expect(other.consoleErrors).toEqual([]);
    await other.context.close();

    // Back and forward walk through the filter changes.
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('breakdown'));
    await expect
      .poll(() => page.getByLabel('Opsplitsen naar', { exact: true }).inputValue(), {
        timeout: UI_TIMEOUT,
      })
      .toBe('');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('reads well on a laptop screen in English', async () => {
    const { context, page, consoleErrors } = await newPage(browser, {
      viewport: { width: 1366, height: 768 },
    });
    await signIn(page, DEMO.analyst);
    await page.waitForURL(/\/analyse$/);
    await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
    await expectHeading(page, 'Programme overview');
    await page.goto('/analyse/trechter?programme=gezondheidscoaches&asOf=2019-07-31');
    await expectHeading(page, 'Funnel');
    const steps = await tableRows(
      page.getByRole('table', { name: /counts and percentages per step/ }),
    );
    expect(steps.slice(1).map((r) => r[0])).toEqual([
      'Applied',
      'Approved',
      'Trajectory started',
      'Trajectory completed',
    ]);
    await chartsDrawn(page);
    // Nothing sticks out sideways on a laptop: wide tables scroll inside their own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      1366,
    );
    await screenshot(page, 'analytics-funnel-en-laptop');
    await expectNoSeriousAxeViolations(page);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('a stopped count opens who stopped: counts by reason for the analyst', async () => {
    const { context, page, consoleErrors } = await newPage(browser);
    await signIn(page, DEMO.analyst);
    await page.waitForURL(/\/analyse$/);
    // As of today: the drill-down counts today, for the programme and years.
    await page.goto('/analyse/trechter?programme=gezondheidscoaches');
    await expectHeading(page, 'Trechter');
    const steps = page.getByRole('table', { name: /aantallen en percentages per stap/ });
    await page.getByRole('heading', { name: 'Stappen', exact: true }).waitFor();
    await expect.poll(async () => (await tableRows(steps)).length, { timeout: UI_TIMEOUT }).toBe(5);
    // "Traject gestart" row, column "Gestopt": approved, then stopped before starting.
    const stopped = Number((await tableRows(steps))[3]?.[5]);
    expect(stopped).toBeGreaterThan(0);
    const button = steps.getByRole('button', {
      name: `${stopped} gestopt na “Goedgekeurd”: toon wie`,
    });
    await button.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: 'Gestopt na “Goedgekeurd”' });
    const reasons = panel.getByRole('table', { name: /Aantallen per reden/ });
    await reasons.waitFor();
    const rows = (await tableRows(reasons)).slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.reduce((n, r) => n + Number(r[1]), 0)).toBe(stopped);
    // Analysts never see who: no applications, no links to a case.
    expect(await panel.getByRole('link').count()).toBe(0);
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await expectNoSeriousAxeViolations(page);
    await panel.getByRole('button', { name: /^Sluiten/ }).click();
    await panel.waitFor({ state: 'detached' });
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('an admin gets the applications behind a count, each with a link to its case', async () => {
    const { context, page, consoleErrors } = await newPage(browser);
    await signIn(page, DEMO.admin);
    // Wait for the sign-in to land: navigating earlier aborts its request (no session yet).
    await page.waitForURL(/\/portaal$/);
    await page.goto('/analyse/trechter?programme=gezondheidscoaches');
    await expectHeading(page, 'Trechter');
    const steps = page.getByRole('table', { name: /aantallen en percentages per stap/ });
    await expect.poll(async () => (await tableRows(steps)).length, { timeout: UI_TIMEOUT }).toBe(5);
    const waiting = Number((await tableRows(steps))[3]?.[6]);
    expect(waiting).toBeGreaterThan(0);
    await steps
      .getByRole('button', { name: `${waiting} nog bezig na “Goedgekeurd”: toon wie` })
      .click();
    const panel = page.getByRole('region', { name: 'Nog bezig na “Goedgekeurd”' });
    const list = panel.getByRole('table', { name: /Aanvragen/ });
    await list.waitFor();
    expect((await tableRows(list)).length - 1).toBe(waiting);
    const link = panel.getByRole('link', { name: /^Dossier openen van / }).first();
    expect(await link.getAttribute('href')).toMatch(/^\/portaal\/aanvragen\/[^/]+$/);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
