import { day, isoDay, weekdayBetween } from './calendar.js';
import { figureNumber, type PublishedFigure } from './published-figures.js';
import { type Rng, uuidFor } from './random.js';
import type { IndicatorMeasurementRow, OrganisationRow } from './rows.js';

export const INDICATOR_2012_SOURCE = 'Gezondheidsindicatorenmeting 2012';

/**
 * The 2012 health-policy indicator measurement: as many organisations as the question states,
 * with scores (0–100, one decimal) whose mean is exactly the stated 22.90. Both are claims in
 * the question; the rows make them hold so analysts can show the data agree. The source also
 * measured public administrations and universities, which the registry has no kind for, so all
 * measured organisations here are companies.
 */
export function generateIndicator2012(
  rng: Rng,
  companies: OrganisationRow[],
  figures: PublishedFigure[],
): IndicatorMeasurementRow[] {
  const n = figureNumber('indicator-2012-n', figures);
  const mean = figureNumber('indicator-2012-mean', figures);
  const measured = rng.shuffle(companies.slice()).slice(0, n);
  if (measured.length !== n) throw new Error('indicator calibration: registry too small');

  // Larger organisations have more policy in place; skewed scores in tenths of a point.
  const bonus = { MICRO: -6, SMALL: -1, MEDIUM: 8, LARGE: 16 } as const;
  const tenths = measured.map((c) => {
    const s = rng.normal(mean + bonus[c.sizeClass ?? 'MICRO'], 11);
    return Math.round(Math.min(100, Math.max(0, s)) * 10);
  });
  // Shift to the exact published mean, spreading the rounding remainder one tenth at a time.
  const target = Math.round(mean * 10 * n);
  let diff = target - tenths.reduce((a, b) => a + b, 0);
  for (let guard = 0; diff !== 0 && guard < 10_000_000; guard++) {
    const i = rng.int(0, n - 1);
    const step = Math.sign(diff) * Math.min(Math.abs(diff), 5);
    const v = (tenths[i] as number) + step;
    if (v < 0 || v > 1000) continue;
    tenths[i] = v;
    diff -= step;
  }
  if (diff !== 0) throw new Error('indicator calibration: cannot reach the mean');

  const from = day('2012-03-01');
  const to = day('2012-11-30');
  return measured.map((c, i) => ({
    id: uuidFor(`indicator_measurement:2012:${c.id}`),
    organisationId: c.id,
    measuredOn: isoDay(weekdayBetween(rng, from, to)),
    score: ((tenths[i] as number) / 10).toFixed(2),
    source: INDICATOR_2012_SOURCE,
  }));
}
