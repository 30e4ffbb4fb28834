import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO,
  DEMO_COMPANY,
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

async function navLinks(page: Page): Promise<string[]> {
  return page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link')
    .allTextContents();
}

/** The first column (row headers) of the applications table: who applied. */
async function applicantCells(page: Page): Promise<string[]> {
  await page.getByRole('table').first().waitFor();
  return page.getByRole('table').first().locator('tbody th[scope=row]').allTextContents();
}

describe('landing in the app that fits the role', () => {
  it('participant: the portal with their own company’s applications and no one else’s', async () => {
    const { context, page, consoleErrors } = await newPage(browser);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await signIn(page, DEMO.participant);
    await page.waitForURL(/\/portaal$/);
    await expectHeading(page, 'Mijn aanvragen');
    // Shared singletons: the remote takes React, the router and Apollo Client from the shell
    // and never downloads its own fallback copies.
    const portalFiles = requests.filter((path) => path.startsWith('/portal/'));
    expect(portalFiles).toContain('/portal/remoteEntry.js');
    expect(portalFiles.filter((path) => path.includes('__prebuild__'))).toEqual([]);
    expect(await page.title()).toBe('Mijn aanvragen · Werkgezond');
    expect(await navLinks(page)).toEqual(['Portaal']);

    const applicants = await applicantCells(page);
    expect(applicants.length).toBeGreaterThan(0);
    expect(new Set(applicants)).toEqual(new Set([DEMO_COMPANY]));
    const own = await graphql<{ applications: { totalCount: number } }>(
      page,
      '{ applications(first: 1) { totalCount } }',
    );
    expect(
      await page.getByText(new RegExp(`van ${own.applications.totalCount} aanvra`)).count(),
    ).toBe(1);

    // Names of other applicants, as the admin sees them, must not appear on this page.
    const { context: adminContext, page: admin } = await newPage(browser);
    await signIn(admin, DEMO.admin);
    await admin.waitForURL(/\/portaal$/);
    const everyone = await graphql<{
      applications: { edges: { node: { organisation: { name: string } } }[] };
    }>(admin, '{ applications(first: 100) { edges { node { organisation { name } } } } }');
    await adminContext.close();
    const others = [
      ...new Set(everyone.applications.edges.map((e) => e.node.organisation.name)),
    ].filter((name) => name !== DEMO_COMPANY);
    expect(others.length).toBeGreaterThan(10);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(others.filter((name) => text.includes(name))).toEqual([]);

    await screenshot(page, 'portal-participant');
    await expectNoSeriousAxeViolations(page);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('network coordinator: the portal with the network’s applications', async () => {
    const { context, page, consoleErrors } = await newPage(browser);
    await signIn(page, DEMO.network);
    await page.waitForURL(/\/portaal$/);
    await expectHeading(page, 'Mijn aanvragen');
    expect(await navLinks(page)).toEqual(['Portaal']);
    await page.locator('main table, main .wg-empty').first().waitFor();
    await screenshot(page, 'portal-network');
    await expectNoSeriousAxeViolations(page);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('programme manager: the portal with the applications of their programmes', async () => {
    const { context, page, consoleErrors } = await newPage(browser);
    await signIn(page, DEMO.manager);
    await page.waitForURL(/\/portaal$/);
    await expectHeading(page, "Aanvragen van mijn programma's");
    expect(await navLinks(page)).toEqual(['Portaal', 'Beheer']);
    const applicants = await applicantCells(page);
    expect(new Set(applicants).size).toBeGreaterThan(1);
    await screenshot(page, 'portal-manager');
    await expectNoSeriousAxeViolations(page);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('analyst: analytics with figures from the API, and no portal', async () => {
    const { context, page, consoleErrors } = await newPage(browser);
    await signIn(page, DEMO.analyst);
    await page.waitForURL(/\/analyse$/);
    await expectHeading(page, "Overzicht van de programma's");
    expect(await navLinks(page)).toEqual(['Analyse']);
    const api = await graphql<{ programmes: { key: string; name: string }[] }>(
      page,
      '{ programmes { key name } }',
    );
    expect(api.programmes.length).toBeGreaterThanOrEqual(2);
    for (const programme of api.programmes) {
      const { funding, publishedFigures } = await graphql<{
        funding: { allocatedCents: number };
        publishedFigures: { id: string }[];
      }>(
        page,
        'query ($key: String!) { funding(filter: { programmeKey: $key }) { allocatedCents } publishedFigures(programmeKey: $key) { id } }',
        { key: programme.key },
      );
      const section = page.getByRole('region', { name: programme.name });
      await section.getByRole('table').first().waitFor({ timeout: 20_000 });
      const euros = new Intl.NumberFormat('nl-BE', {
        style: 'currency',
        currency: 'EUR',
        maximumFractionDigits: 0,
      }).format(funding.allocatedCents / 100);
      const stats = await section.locator('.wg-stat').allTextContents();
      expect(stats).toContain(`Budget toegekend${euros}`);
      expect(stats).toContain(`Gepubliceerde cijfers${publishedFigures.length}`);
      const figureRows = section
        .getByRole('table', { name: /gepubliceerd|parlementaire/i })
        .locator('tbody tr');
      expect(await figureRows.count()).toBe(Math.max(1, publishedFigures.length));
    }
    await page.goto('/portaal');
    await expectHeading(page, 'Geen toegang');
    await page.goBack();
    await expectHeading(page, "Overzicht van de programma's");
    await page.getByRole('region').first().getByRole('table').first().waitFor();
    // The chart (Recharts, loaded lazily) is drawn beside its table.
    await page.locator('main [role=img] svg.recharts-surface').first().waitFor();
    await screenshot(page, 'analytics-analyst');
    await expectNoSeriousAxeViolations(page);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('admin: both apps, switched from the navigation', async () => {
    const { context, page, consoleErrors } = await newPage(browser);
    await signIn(page, DEMO.admin);
    await page.waitForURL(/\/portaal$/);
    expect(await navLinks(page)).toEqual([
      'Portaal',
      'Analyse',
      'Beheer',
      'Onderzoekssleutels',
      'Verzonden berichten',
    ]);
    await page.locator('main table, main .wg-empty').first().waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'portal-admin');
    await page.getByRole('link', { name: 'Analyse' }).click();
    await page.waitForURL(/\/analyse$/);
    await expectHeading(page, "Overzicht van de programma's");
    expect(await page.getByRole('link', { name: 'Analyse' }).getAttribute('aria-current')).toBe(
      'page',
    );
    await page.getByRole('region').first().getByRole('table').first().waitFor();
    await page.locator('main [role=img] svg.recharts-surface').first().waitFor();
    await screenshot(page, 'analytics-admin');
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('link', { name: 'Portaal' }).click();
    await expectHeading(page, 'Alle aanvragen');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('on a narrow screen', () => {
  it('keeps the table reachable by keyboard and has no serious accessibility problems', async () => {
    const { context, page } = await newPage(browser, { viewport: { width: 390, height: 844 } });
    await signIn(page, DEMO.manager);
    await expectHeading(page, "Aanvragen van mijn programma's");
    const scroller = page.getByRole('region', { name: 'Aanvragen' });
    await scroller.waitFor();
    expect(await scroller.getAttribute('tabindex')).toBe('0');
    await screenshot(page, 'portal-manager-narrow');
    await expectNoSeriousAxeViolations(page);
    await context.close();
  });
});

describe('a remote that fails to load', () => {
  it('shows a clear message with a retry button instead of a blank page', async () => {
    const { context, page } = await newPage(browser);
    await page.route('**/analytics/remoteEntry.js', (route) => route.abort('connectionrefused'));
    await signIn(page, DEMO.analyst);
    const alert = page.getByRole('alert').filter({ hasText: 'Analyse kon niet geladen worden' });
    await alert.waitFor({ timeout: 30_000 });
    expect(await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).isVisible()).toBe(true);
    await screenshot(page, 'remote-failed');
    await expectNoSeriousAxeViolations(page);
    await page.unroute('**/analytics/remoteEntry.js');
    await alert.getByRole('button', { name: 'Opnieuw laden' }).click();
    await expectHeading(page, "Overzicht van de programma's");
    await context.close();
  });
});
