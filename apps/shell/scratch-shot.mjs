// scratch (not committed): screenshots of the analytics pages against a running API
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const base = process.env.BASE ?? 'http://localhost:4101';
const pages = (process.argv[2] ?? '').split(' ').filter(Boolean);
const locale = process.env.LOC ?? 'nl-BE';
const width = Number(process.env.W ?? 1280);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const ctx = await browser.newContext({ baseURL: base, locale, viewport: { width, height: 900 } });
const page = await ctx.newPage();
const errors = [];
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
page.on('pageerror', (e) => errors.push(String(e)));
await page.goto('/aanmelden');
await page.getByLabel(/E-mailadres|E-mail/).fill('analist@demo.werkgezond.be');
await page.getByLabel(/Wachtwoord|Password/).fill('werkgezond-demo');
await page.getByRole('button', { name: /Aanmelden|Sign in/ }).click();
await page.waitForURL(/\/analyse/);
for (const p of pages) {
  const i = p.indexOf('='); const name = p.slice(0, i); const path = p.slice(i + 1);
  await page.goto(`/analyse${path}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `/tmp/wg-an/shots/${name}.png`, fullPage: true });
  if (process.env.CLIP) {
    const [y, h] = process.env.CLIP.split(',').map(Number);
    await page.screenshot({ path: `/tmp/wg-an/shots/${name}-clip.png`, fullPage: true, clip: { x: 0, y, width, height: h } });
  }
  if (process.env.SECTIONS) {
    const els = await page.locator('main .an-section, main .an-filters, main .wg-card, main .an-stats').all();
    let k = 0;
    for (const el of els) { k += 1; await el.screenshot({ path: `/tmp/wg-an/shots/${name}-${k}.png` }).catch(() => {}); }
  }
  await page.addScriptTag({ content: axeSource });
  const v = await page.evaluate(async () => (await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa','wcag22aa','best-practice'] }, resultTypes: ['violations'] })).violations.map((v) => `${v.impact} ${v.id}: ${v.help} ${v.nodes.slice(0,3).map((n) => JSON.stringify(n.target)).join(' ')}`));
  console.log(name, page.url(), '\n  axe:', v.join('\n   '));
}
console.log('console errors:', errors);
await browser.close();
