import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const DEMO_PASSWORD = 'werkgezond-demo';
export const DEMO = {
  participant: 'deelnemer@demo.werkgezond.be',
  network: 'netwerk@demo.werkgezond.be',
  manager: 'beheerder@demo.werkgezond.be',
  analyst: 'analist@demo.werkgezond.be',
  admin: 'admin@demo.werkgezond.be',
} as const;
export const DEMO_COMPANY = 'Bakkerij De Zonnebloem BV';

export const baseUrl = (): string => inject('baseUrl');
const resultsDir = resolve(import.meta.dirname, '../test-results');

/** Debian's chromium driven by playwright-core (no browser download). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    // Playwright gives every launch a fresh temporary user-data dir of its own.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh context (own cookies and storage) speaking Dutch, with console errors collected. */
export async function newPage(
  browser: Browser,
  options: { locale?: string; viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; page: Page; consoleErrors: string[] }> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: options.locale ?? 'nl-BE',
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  return { context, page, consoleErrors };
}

/**
 * How long a test waits for something the page shows after a request (tables filled,
 * headings of a lazily loaded remote, polled values): generous, since CI shares two cores.
 */
export const UI_TIMEOUT = 30_000;

export interface SignInOptions {
  /**
   * 'signedIn' (default): fail unless the API accepts the credentials, and return once the
   * page has left /aanmelden (the session cookie is set; navigating now keeps it).
   * 'refused': the test expects the API to refuse (wrong password, throttling); return once
   * that answer has arrived, on the sign-in page.
   */
  expect?: 'signedIn' | 'refused';
}

/**
 * Signs in through the sign-in page and waits until the attempt has landed: the SignIn
 * mutation's answer has arrived and, when it was accepted, the page has moved on. Returning
 * right after the click let callers navigate away while the request was in flight, which
 * aborted it (no session). Returns whether the API accepted the credentials.
 */
export async function signIn(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
  options: SignInOptions = {},
): Promise<{ signedIn: boolean }> {
  const expected = options.expect ?? 'signedIn';
  await page.goto('/aanmelden');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  const answer = page.waitForResponse(
    (response) =>
      new URL(response.url()).pathname === '/graphql' &&
      response.request().method() === 'POST' &&
      (response.request().postDataJSON() as { operationName?: string } | null)?.operationName ===
        'SignIn',
    { timeout: UI_TIMEOUT },
  );
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  const body = (await (await answer).json()) as {
    data?: { signIn?: { id: string } | null } | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  const signedIn = Boolean(body.data?.signIn) && !body.errors?.length;
  if (expected === 'signedIn' && !signedIn)
    throw new Error(`sign-in as ${email} was refused: ${JSON.stringify(body.errors ?? body)}`);
  if (expected === 'refused' && signedIn)
    throw new Error(`sign-in as ${email} was expected to be refused, but it was accepted`);
  if (signedIn)
    await page.waitForURL((url) => url.pathname !== '/aanmelden', { timeout: UI_TIMEOUT });
  return { signedIn };
}

/** Waits until the remote has rendered its page heading. */
export async function expectHeading(page: Page, name: string | RegExp): Promise<void> {
  await page
    .getByRole('heading', { level: 1, name })
    .waitFor({ state: 'visible', timeout: 20_000 });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(resultsDir, `${name}.png`), fullPage: true });
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe-core in the page: no serious or critical violations allowed (WCAG 2.x A/AA rules). */
export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
  );
  expect(report).toEqual([]);
}

/** A GraphQL request with the page's cookies (the same session as the browser). */
export async function graphql<T>(
  page: Page,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await page.request.post('/graphql', {
    data: { query, variables },
    headers: { 'content-type': 'application/json' },
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}
