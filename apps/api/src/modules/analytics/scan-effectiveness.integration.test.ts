import { meanInterval } from '@werkgezond/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ as: DEMO.analyst });
});
afterAll(() => server.close());

const RE_AIM = `query ($programmeKey: String!, $year: Int) {
  reAim(programmeKey: $programmeKey, year: $year) {
    measures { key numerator denominator value lower upper available note }
    scanChangeByCohort { year pairs meanBefore meanAfter meanChange lower upper }
  }
}`;

interface Measure {
  key: string;
  denominator: number | null;
  value: number | null;
  lower: number | null;
  upper: number | null;
  available: boolean;
  note: string | null;
}
interface Cohort {
  year: number;
  pairs: number;
  meanChange: number | null;
  lower: number | null;
  upper: number | null;
}
interface Data {
  reAim: { measures: Measure[]; scanChangeByCohort: Cohort[] };
}

async function reAim(programmeKey: string, year?: number) {
  const res = await server.gql<Data>(RE_AIM, { programmeKey, year });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.reAim;
}

describe('RE-AIM effectiveness from paired health-policy scans', () => {
  it('gives the mean change with a 95 % interval and n, overall and per cohort', async () => {
    const r = await reAim('nv-gezond');
    const scan = r.measures.find((m) => m.key === 'scan-mean-change')!;
    expect(scan.available).toBe(true);
    expect(scan.denominator!).toBeGreaterThanOrEqual(10);
    expect(scan.lower!).toBeLessThan(scan.value!);
    expect(scan.upper!).toBeGreaterThan(scan.value!);
    // The scans are the award's before/after indicator measurements to within half a point.
    const indicator = r.measures.find((m) => m.key === 'indicator-mean-change')!;
    expect(Math.abs(scan.value! - indicator.value!)).toBeLessThanOrEqual(1);
    expect(scan.denominator).toBe(indicator.denominator);
    // Cohorts partition the pairs; every cohort with n ≥ 2 has an interval.
    expect(r.scanChangeByCohort.reduce((a, c) => a + c.pairs, 0)).toBe(scan.denominator);
    for (const c of r.scanChangeByCohort) {
      if (c.pairs >= 2) expect(c.lower!).toBeLessThanOrEqual(c.meanChange!);
      else expect(c.lower).toBeNull();
    }
  });

  it('computes the interval from the pairs in PostgreSQL, as the t-interval of the differences', async () => {
    // The same pairs by hand: the dataset links each award scan to its indicator measurement.
    const rows: { d: number }[] = await server.dataSource.query(
      `SELECT (a.score - b.score)::float8 AS d
         FROM health_policy_scan b JOIN indicator_measurement ib ON ib.id = b.indicator_measurement_id
         JOIN LATERAL (
           SELECT s.score FROM health_policy_scan s JOIN indicator_measurement i ON i.id = s.indicator_measurement_id
            WHERE s.organisation_id = b.organisation_id AND i.source = 'NV Gezond award: nameting'
              AND i.measured_on > ib.measured_on ORDER BY i.measured_on LIMIT 1) a ON TRUE
        WHERE ib.source = 'NV Gezond award: voormeting'`,
    );
    const r = await reAim('nv-gezond');
    const scan = r.measures.find((m) => m.key === 'scan-mean-change')!;
    // Companies that took part more than once count once in RE-AIM: compare only when they agree.
    if (rows.length === scan.denominator) {
      const d = rows.map((x) => x.d);
      const mean = d.reduce((a, b) => a + b, 0) / d.length;
      const sd = Math.sqrt(d.reduce((a, v) => a + (v - mean) ** 2, 0) / (d.length - 1));
      const ci = meanInterval(d.length, mean, sd);
      expect(scan.value).toBeCloseTo(mean, 2);
      expect(scan.lower).toBeCloseTo(ci.lower!, 2);
      expect(scan.upper).toBeCloseTo(ci.upper!, 2);
    } else {
      expect(rows.length).toBeGreaterThan(scan.denominator!);
    }
  });

  it('limits to one cohort, and says so where no company has both scans', async () => {
    const y = await reAim('nv-gezond', 2014);
    expect(y.scanChangeByCohort.every((c) => c.year === 2014)).toBe(true);
    const coaching = await reAim('gezondheidscoaches');
    const scan = coaching.measures.find((m) => m.key === 'scan-mean-change')!;
    expect(scan.available).toBe(false);
    expect(scan.note).toMatch(/No participant/);
    expect(coaching.scanChangeByCohort).toEqual([]);
  });
});
