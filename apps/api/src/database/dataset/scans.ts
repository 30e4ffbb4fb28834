import { scoreScan } from '@werkgezond/domain';
import { type Rng, uuidFor } from './random.js';
import type { DatasetTables, HealthPolicyScanRow, ScanItemRow } from './rows.js';
import { SCAN_INSTRUMENT_ID, scanDomains, scanInstrument, scanItems } from './scan-instrument.js';

const BASELINE = 'NV Gezond award: voormeting';
const FOLLOW_UP = 'NV Gezond award: nameting';

/**
 * The award's before/after indicator measurements as the scans behind them: a baseline scan on
 * the day of the voormeting and a follow-up on the day of the nameting, whose points total is
 * the measured score rounded to a whole point (the scan scores in whole points out of 100), so
 * the scans and the indicator agree within half a point. The follow-up builds on the baseline's
 * answers, as a company improves some practices and keeps the rest.
 */
export function generateScans(rng: Rng, tables: DatasetTables): void {
  tables.scan_instrument.push(scanInstrument);
  tables.scan_domain.push(...scanDomains);
  tables.scan_item.push(...scanItems);
  const byOrg = new Map<string, typeof tables.indicator_measurement>();
  for (const m of tables.indicator_measurement) {
    if (m.source !== BASELINE && m.source !== FOLLOW_UP) continue;
    byOrg.set(m.organisationId, [...(byOrg.get(m.organisationId) ?? []), m]);
  }
  const domainKeys = scanDomains.map((d) => d.key);
  const rows: HealthPolicyScanRow[] = [];
  for (const [organisationId, measurements] of byOrg) {
    // Per company, some domains come easier than others.
    const propensity = new Map(domainKeys.map((k) => [k, 0.3 + rng.next() * 1.4]));
    let answers: Record<string, number> = {};
    const sorted = measurements.sort(
      (a, b) => a.measuredOn.localeCompare(b.measuredOn) || a.source.localeCompare(b.source),
    );
    for (const m of sorted) {
      if (m.source === BASELINE) answers = {};
      answers = fillTo(rng, scanItems, propensity, answers, Math.round(Number(m.score)));
      const scores = scoreScan(scanItems, domainKeys, answers);
      const at = new Date(`${m.measuredOn}T09:00:00Z`);
      rows.push({
        id: uuidFor(`health_policy_scan:${m.id}`),
        organisationId,
        instrumentId: SCAN_INSTRUMENT_ID,
        status: 'SUBMITTED',
        answers: { ...answers },
        score: (scores.overall ?? 0).toFixed(1),
        domainScores: Object.fromEntries(scores.domains.map((d) => [d.key, d.score])),
        startedAt: at,
        updatedAt: at,
        submittedAt: at,
        indicatorMeasurementId: m.id,
      });
    }
  }
  tables.health_policy_scan.push(...rows);
}

/** Raises (or, for a new baseline, builds) answers one point at a time to a points total. */
function fillTo(
  rng: Rng,
  items: readonly ScanItemRow[],
  propensity: Map<string, number>,
  start: Record<string, number>,
  total: number,
): Record<string, number> {
  const answers = Object.fromEntries(items.map((i) => [i.key, start[i.key] ?? 0]));
  let sum = Object.values(answers).reduce((a, b) => a + b, 0);
  const target = Math.min(100, Math.max(0, total));
  while (sum < target) {
    const open = items.filter((i) => (answers[i.key] as number) < i.maxPoints);
    const weights = open.map((i) => propensity.get(i.domainKey) ?? 1);
    let pick = rng.next() * weights.reduce((a, b) => a + b, 0);
    let chosen = open[open.length - 1] as ScanItemRow;
    for (const [j, w] of weights.entries()) {
      pick -= w;
      if (pick <= 0) {
        chosen = open[j] as ScanItemRow;
        break;
      }
    }
    answers[chosen.key] = (answers[chosen.key] as number) + 1;
    sum += 1;
  }
  return answers;
}
