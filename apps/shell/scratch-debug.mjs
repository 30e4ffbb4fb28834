import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox','--disable-gpu','--disable-background-networking'] });
const ctx = await browser.newContext({ baseURL: 'http://localhost:4101', locale: 'nl-BE' });
const page = await ctx.newPage();
page.on('framenavigated', (f) => console.log('nav', f.url()));
await page.goto('/aanmelden');
await page.getByLabel('E-mailadres').fill('analist@demo.werkgezond.be');
await page.getByLabel('Wachtwoord').fill('werkgezond-demo');
await page.getByRole('button', { name: 'Aanmelden' }).click();
await page.waitForURL(/\/analyse/);
await page.evaluate(() => { const o = history.replaceState.bind(history); const p = history.pushState.bind(history); history.replaceState = (...a) => { console.log('replaceState', a[2], new Error().stack.split('\n').slice(1,4).join('|')); return o(...a); }; history.pushState = (...a) => { console.log('pushState', a[2]); return p(...a); }; });
page.on('console', (m) => console.log('console', m.text()));
await page.goto('/analyse/trechter?programme=gezondheidscoaches&asOf=2019-07-31');
for (let i = 0; i < 6; i++) { await page.waitForTimeout(500); console.log(i, page.url()); }
await browser.close();
