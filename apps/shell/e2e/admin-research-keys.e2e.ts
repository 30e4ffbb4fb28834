import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  DEMO,
  expectHeading,
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

/** A request to the research endpoint with a Bearer key, as a researcher's script would. */
async function askResearch(key: string) {
  const response = await fetch(`${baseUrl()}/research/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({
      query:
        '{ funnel(input: { programmeKey: "gezondheidscoaches" }) { steps { stage count { value } } } }',
    }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: { funnel: { steps: { stage: string; count: { value: number | null } }[] } } | null;
      errors?: { extensions?: { code?: string } }[];
    },
  };
}

describe('research API keys (admin page)', () => {
  it('lets an admin create a key (shown once), use it, and revoke it, by keyboard', async () => {
    const { context, page, consoleErrors } = await newPage(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
    await signIn(page, DEMO.admin);
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).waitFor();
    await page.getByRole('link', { name: 'Onderzoekssleutels' }).click();
    await expectHeading(page, 'Onderzoekssleutels');
    expect(new URL(page.url()).pathname).toBe('/beheer/onderzoekssleutels');
    expect(await page.title()).toBe('Onderzoekssleutels · Werkgezond');
    // The demo key is listed by its prefix only.
    await page.getByRole('table').getByText('Demo', { exact: false }).first().waitFor();
    await expectNoSeriousAxeViolations(page);

    // Create, by keyboard: type the name and press Enter.
    const name = `E2E onderzoeker ${Date.now()}`;
    await page.getByLabel('Voor wie of waarvoor').focus();
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    const created = page.getByRole('status').filter({ hasText: `Sleutel voor ${name} aangemaakt` });
    await created.waitFor();
    expect(await created.textContent()).toContain('maar één keer getoond');
    // Focus moved to the message, so a screen reader reads the warning first.
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(
      'maar één keer getoond',
    );
    const key = await page.getByLabel('Sleutel', { exact: true }).inputValue();
    expect(key).toMatch(/^wg_/);
    await page.getByRole('button', { name: 'Sleutel kopiëren' }).click();
    await page.getByText('De sleutel staat op het klembord.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await screenshot(page, 'admin-research-key-created');
    await expectNoSeriousAxeViolations(page);

    // The researcher uses it.
    const answered = await askResearch(key);
    expect(answered.status).toBe(200);
    expect(answered.body.errors).toBeUndefined();
    expect(answered.body.data?.funnel.steps[0]?.count.value).toBeGreaterThan(100);

    // Shown once: dismissed, it is gone from the page and the list shows only its prefix.
    await page.getByRole('button', { name: 'Klaar, de sleutel is bewaard' }).click();
    expect(await page.getByLabel('Sleutel', { exact: true }).count()).toBe(0);
    const row = page.getByRole('row').filter({ hasText: name });
    await row.waitFor();
    expect(await row.textContent()).not.toContain(key);
    expect(await row.textContent()).toContain('Actief');

    // Revoke, confirming by keyboard.
    await row.getByRole('button', { name: `Sleutel ${name} intrekken` }).press('Enter');
    const confirm = page.getByRole('alert').filter({ hasText: `Sleutel ${name} intrekken?` });
    await confirm.waitFor();
    await expectNoSeriousAxeViolations(page);
    await confirm.getByRole('button', { name: 'Ja, intrekken' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(`De sleutel ${name} is ingetrokken.`).waitFor();
    await row.getByText('Ingetrokken op').waitFor();
    expect(await row.getByRole('button').count()).toBe(0);

    // The next request with it is refused, with no data.
    const refused = await askResearch(key);
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(refused.body.data ?? null).toBeNull();
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('speaks English too', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.admin);
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).waitFor();
    await page.goto('/beheer/onderzoekssleutels');
    await expectHeading(page, 'Onderzoekssleutels');
    await page.getByLabel('Taal').selectOption('en');
    await expectHeading(page, 'Research keys');
    expect(await page.getByRole('link', { name: 'Research keys' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByText('Give the key a name of 2 to 120 characters.').first().waitFor();
    await context.close();
  });

  it('is not offered to other roles, and refuses them when they go there', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.analyst);
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).waitFor();
    expect(await page.getByRole('link', { name: 'Onderzoekssleutels' }).count()).toBe(0);
    await page.goto('/beheer/onderzoekssleutels');
    await expectHeading(page, 'Geen toegang');
    await context.close();
  });
});
