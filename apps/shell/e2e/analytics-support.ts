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
