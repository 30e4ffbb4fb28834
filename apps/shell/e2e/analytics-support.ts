import type { Locator, Page } from 'playwright-core';

/** The visible cells of a table, row by row (header row included), as plain text. */
export async function tableRows(table: Locator): Promise<string[][]> {
  await table.waitFor({ timeout: 30_000 });
  return table.evaluate((element) =>
    Array.from(element.querySelectorAll('tr')).map((row) =>
      Array.from(row.children).map((cell) =>
        (cell.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ').trim(),
      ),
    ),
  );
}

/** Waits until the analytics page has drawn its charts (Recharts loads lazily). */
export async function chartsDrawn(page: Page): Promise<void> {
  await page.locator('main [role=img] svg.recharts-surface').first().waitFor({ timeout: 30_000 });
  // Let every lazily loaded chart settle before a screenshot.
  await page.waitForFunction(
    () =>
      Array.from(document.querySelectorAll('main [role=img]')).every((chart) =>
        chart.querySelector('svg.recharts-surface'),
      ),
    undefined,
    { timeout: 30_000 },
  );
}

/**
 * Opens an analytics page by URL and waits for its heading. If the heading does not come, the
 * page as it is (screenshot, text of <main>) is written to test-results before failing, so a
 * failure says what the analyst would have seen.
 */
export async function openAnalytics(
  page: Page,
  path: string,
  heading: string | RegExp,
): Promise<void> {
  await page.goto(path);
  try {
    await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 20_000 });
  } catch (error) {
    const name = path.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    await page.screenshot({
      path: `${import.meta.dirname}/../test-results/failed-${name}.png`,
      fullPage: true,
    });
    const main = await page
      .locator('main')
      .textContent()
      .catch(() => null);
    throw new Error(
      `${(error as Error).message}\nURL: ${page.url()}\n<main>: ${main?.slice(0, 800)}`,
    );
  }
}
