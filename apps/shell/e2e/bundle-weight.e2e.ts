import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO, launchChromium } from './support';
import { kb, measureScreen, type Screen, type ScreenWeight } from './weight';

/**
 * Budgets (KB gzip) for the JavaScript each first screen downloads from the production build,
 * measured in Chromium (e2e/weight.ts). `app`: the app's own files for that screen (the shell's
 * on the sign-in page; what the remote adds for its home); `shared`: the shared singletons the
 * shell downloads once for every app. Figures and method: README, "Front-end weight".
 */
const SHARED_BUDGET_KB = 260;
const SCREENS: (Screen & { budgetKb: number })[] = [
  { name: 'shell sign-in', path: '/aanmelden', heading: 'Aanmelden', files: '/', budgetKb: 80 },
  {
    name: 'portal home',
    account: DEMO.participant,
    path: '/portaal',
    heading: 'Mijn aanvragen',
    files: '/portal/',
    budgetKb: 150,
  },
  {
    name: 'analytics overview',
    account: DEMO.analyst,
    path: '/analyse',
    heading: "Overzicht van de programma's",
    // The overview shows a chart per programme: recharts is part of its first screen.
    ready: '.an-chart svg.recharts-surface',
    files: '/analytics/',
    budgetKb: 220,
  },
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});

const results: (ScreenWeight & { budgetKb: number })[] = [];
afterAll(async () => {
  await browser?.close();
  const rows = results.map(
    (r) =>
      `  ${r.screen.padEnd(19)} app ${kb(r.appGzip).padStart(6)} KB (budget ${r.budgetKb})  shared ${kb(r.sharedGzip).padStart(6)} KB (budget ${SHARED_BUDGET_KB})  all JS ${kb(r.gzip).padStart(6)} KB`,
  );
  console.log(`Front-end weight, gzip:\n${rows.join('\n')}`);
});

describe('front-end weight of the first screens (gzip, production build)', () => {
  for (const screen of SCREENS) {
    it(`${screen.name}: the app's JS stays within ${screen.budgetKb} KB`, async () => {
      const weight = await measureScreen(browser, baseUrl(), screen);
      results.push({ ...weight, budgetKb: screen.budgetKb });
      console.log(
        `${screen.name}:\n${weight.files.map((f) => `  ${kb(f.gzip).padStart(7)} KB  ${f.path}`).join('\n')}`,
      );
      expect(weight.appGzip).toBeGreaterThan(0);
      expect(weight.appGzip / 1024).toBeLessThanOrEqual(screen.budgetKb);
      expect(weight.sharedGzip / 1024).toBeLessThanOrEqual(SHARED_BUDGET_KB);
    });
  }

  it('the sign-in page fetches no remote', async () => {
    const weight = await measureScreen(browser, baseUrl(), SCREENS[0] as Screen);
    expect(
      weight.files
        .map((f) => f.path)
        .filter((path) => /^\/[a-z-]+\/(assets\/|remoteEntry)/.test(path)),
    ).toEqual([]);
  });
});
