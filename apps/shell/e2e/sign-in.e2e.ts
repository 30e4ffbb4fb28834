import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
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

describe('sign-in page', () => {
  it('is where a visitor starts, in Dutch, and has no serious accessibility problems', async () => {
    const { context, page, consoleErrors } = await newPage(browser);
    await page.goto('/');
    await page.waitForURL(/\/aanmelden/);
    await expectHeading(page, 'Aanmelden');
    expect(await page.title()).toBe('Aanmelden · Werkgezond');
    expect(await page.getAttribute('html', 'lang')).toBe('nl-BE');
    await screenshot(page, 'sign-in');
    await expectNoSeriousAxeViolations(page);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('puts the skip link first and moves focus to the content', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/aanmelden');
    await expectHeading(page, 'Aanmelden');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe('Naar de inhoud');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await context.close();
  });

  it('shows what is missing next to the fields before asking the server', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/aanmelden');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    const email = page.getByLabel('E-mailadres');
    await page.getByText('E-mailadres is verplicht.').first().waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('alert').first().textContent()).toContain(
      'Aanmelden is niet gelukt',
    );
    await context.close();
  });

  it('says so when the password is wrong, and stays on the sign-in page', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.participant, 'not-the-password', { expect: 'refused' });
    const alert = page.getByRole('alert').filter({ hasText: 'klopt niet' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Het e-mailadres of het wachtwoord klopt niet.');
    expect(new URL(page.url()).pathname).toBe('/aanmelden');
    expect(await page.getByLabel('Wachtwoord').inputValue()).toBe('');
    await screenshot(page, 'sign-in-wrong-password');
    await expectNoSeriousAxeViolations(page);
    await context.close();
  });

  it('tells how long to wait after too many failed attempts', async () => {
    const { context, page } = await newPage(browser);
    const email = `onbekend-${randomUUID()}@example.be`;
    await page.goto('/aanmelden');
    await page.getByLabel('E-mailadres').fill(email);
    for (let attempt = 1; attempt <= 6; attempt++) {
      await page.getByLabel('Wachtwoord').fill(`wrong-${attempt}`);
      await page.getByRole('button', { name: 'Aanmelden' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: /klopt niet|Te veel/ })
        .waitFor();
      if (await page.getByText('Te veel mislukte pogingen').isVisible()) break;
    }
    const alert = page.getByRole('alert').filter({ hasText: 'Te veel mislukte pogingen' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /opnieuw proberen|over \d+ (minuut|minuten|seconde|seconden)/,
    );
    expect(await alert.textContent()).toMatch(/\d+ (minuut|minuten|seconde|seconden)/);
    await screenshot(page, 'sign-in-rate-limited');
    await context.close();
  });

  it('returns to the deep link asked for after signing in', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/portaal');
    await page.waitForURL(/\/aanmelden\?terug=%2Fportaal/);
    await page.getByLabel('E-mailadres').fill(DEMO.participant);
    await page.getByLabel('Wachtwoord').fill('werkgezond-demo');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.waitForURL(/\/portaal$/);
    await expectHeading(page, 'Mijn aanvragen');
    await context.close();
  });

  it('signs out back to the sign-in page, and the session is gone', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.analyst);
    await expectHeading(page, "Overzicht van de programma's");
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.waitForURL(/\/aanmelden$/);
    await expectHeading(page, 'Aanmelden');
    await page.goto('/analyse');
    await page.waitForURL(/\/aanmelden\?terug=/);
    await screenshot(page, 'signed-out');
    await context.close();
  });

  it('switches to English and remembers the choice', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/aanmelden');
    await page.getByLabel('Taal').selectOption('en');
    await expectHeading(page, 'Sign in');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await expectHeading(page, 'Sign in');
    await page.getByLabel('E-mail address').fill(DEMO.analyst);
    await page.getByLabel(/^Password/).fill('werkgezond-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectHeading(page, 'Programme overview');
    await page.getByRole('region').first().getByRole('table').first().waitFor();
    expect(
      await page.getByRole('region').first().locator('.wg-stat').first().textContent(),
    ).toMatch(/^Editions/);
    await screenshot(page, 'analytics-en');
    await context.close();
  });
});
