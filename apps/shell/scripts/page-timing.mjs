/**
 * Lighthouse-style timing of three first screens in headless Chromium (playwright-core):
 * largest contentful paint and total blocking time (the part of each long task over 50 ms,
 * from first paint until the screen is ready), by PerformanceObserver in the page.
 * A measurement to report, not a test: the figures depend on the machine and its load.
 *
 *   node scripts/page-timing.mjs http://localhost:4000 [runs]
 *
 * Needs a running system with the demo accounts (`npm start`, or
 * `PORT=… DATA_DIR=$(mktemp -d) node apps/api/dist/main.js`).
 */
import { chromium } from 'playwright-core';

const base = (process.argv[2] ?? 'http://localhost:4000').replace(/\/$/, '');
const runs = Number(process.argv[3] ?? 5);
const PASSWORD = 'werkgezond-demo';
const SCREENS = [
  { name: 'shell sign-in', path: '/aanmelden', heading: 'Aanmelden' },
  {
    name: 'portal home',
    account: 'deelnemer@demo.werkgezond.be',
    path: '/portaal',
    heading: 'Mijn aanvragen',
  },
  {
    name: 'analytics overview',
    account: 'analist@demo.werkgezond.be',
    path: '/analyse',
    heading: "Overzicht van de programma's",
    ready: '.an-chart svg.recharts-surface',
  },
];

// Installed before any page script runs: collects LCP candidates and long tasks.
const OBSERVE = () => {
  const w = window;
  w.__timing = { lcp: 0, longTasks: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__timing.lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      w.__timing.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
};

async function measure(browser, screen) {
  const context = await browser.newContext({
    baseURL: base,
    locale: 'nl-BE',
    viewport: { width: 1280, height: 900 },
  });
  try {
    if (screen.account) {
      const res = await context.request.post('/graphql', {
        headers: { 'content-type': 'application/json' },
        data: {
          query: 'mutation($input: SignInInput!) { signIn(input: $input) { id } }',
          variables: { input: { email: screen.account, password: PASSWORD } },
        },
      });
      if (!res.ok()) throw new Error(`sign-in as ${screen.account} failed: ${res.status()}`);
    }
    const page = await context.newPage();
    await page.addInitScript(OBSERVE);
    await page.goto(screen.path);
    await page
      .getByRole('heading', { level: 1, name: screen.heading })
      .waitFor({ timeout: 30_000 });
    if (screen.ready) await page.locator(screen.ready).first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    // A user input would end the LCP search; the figures so far are final enough for a report.
    return await page.evaluate(() => {
      const t = window.__timing;
      const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
      const nav = performance.getEntriesByType('navigation')[0];
      const tbt = t.longTasks
        .filter((task) => task.start + task.duration > paint)
        .reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0);
      return {
        fcp: paint,
        lcp: t.lcp,
        tbt,
        load: nav ? nav.loadEventEnd : 0,
        longTasks: t.longTasks.length,
      };
    });
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
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
try {
  console.log(`Page timing at ${base}, median of ${runs} cold loads (fresh context each):`);
  console.log('| screen | FCP (ms) | LCP (ms) | TBT (ms) | long tasks |');
  console.log('|---|---:|---:|---:|---:|');
  for (const screen of SCREENS) {
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await measure(browser, screen));
    const pick = (key) => median(results.map((r) => r[key])).toFixed(0);
    console.log(
      `| ${screen.name} | ${pick('fcp')} | ${pick('lcp')} | ${pick('tbt')} | ${pick('longTasks')} |`,
    );
  }
} finally {
  await browser.close();
}
