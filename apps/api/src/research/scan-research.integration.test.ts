import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestServer, type TestServer } from '../test/harness.js';
import { research } from '../test/research-client.js';

let server: TestServer;
beforeAll(async () => {
  // Compares with the bundled dataset's pairs: start from a fresh copy.
  server = await startTestServer({ freshDataset: true });
});
afterAll(() => server.close());

interface Cell {
  value: number | null;
  suppressed: boolean;
  reason: string | null;
}
const CELL = 'value suppressed reason';

describe('research API: health-policy scan aggregates', () => {
  it('publishes the score distribution with every count protected', async () => {
    const res = await research<{
      scanScoreDistribution: {
        companies: Cell;
        bins: { from: number; to: number; companies: Cell }[];
        mean: Cell;
        median: Cell;
      };
    }>(
      server,
      `{ scanScoreDistribution { companies { ${CELL} } bins { from to companies { ${CELL} } }
         mean { ${CELL} } median { ${CELL} } } }`,
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const d = res.data!.scanScoreDistribution;
    const [{ n }] = await server.dataSource.query(
      `SELECT count(DISTINCT organisation_id)::int AS n FROM health_policy_scan WHERE status = 'SUBMITTED'`,
    );
    // Counts carry the cell-key noise (at most ±2), like every released count.
    expect(d.companies).toMatchObject({ suppressed: false, reason: null });
    expect(Math.abs(d.companies.value! - n)).toBeLessThanOrEqual(2);
    expect(d.bins.map((b) => b.from)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    for (const b of d.bins) {
      // A released bin rests on at least 10 companies; with its noise it shows 8 or more.
      if (!b.companies.suppressed)
        expect(b.companies.value === 0 || b.companies.value! >= 8).toBe(true);
    }
    // Never exactly one hidden bin: the total would give it back.
    expect(d.bins.filter((b) => b.companies.suppressed).length).not.toBe(1);
    expect(d.mean.value!).toBeGreaterThan(0);
    expect(d.median.value!).toBeGreaterThan(0);
  });

  it('publishes the paired change with its interval when enough companies are behind it', async () => {
    const res = await research<{ scanPairedChange: Record<string, Cell> }>(
      server,
      `{ all: scanPairedChange(programmeKey: "nv-gezond") { pairs { ${CELL} } improved { ${CELL} }
           meanChange { ${CELL} } lower { ${CELL} } upper { ${CELL} } } }`,
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const all = (res.data as unknown as { all: Record<string, Cell> }).all;
    const analyst = await server.signIn(DEMO.analyst);
    const ana = await server.gql<{
      reAim: {
        measures: {
          key: string;
          denominator: number;
          value: number;
          lower: number;
          upper: number;
        }[];
      };
    }>(
      '{ reAim(programmeKey: "nv-gezond") { measures { key denominator value lower upper } } }',
      {},
      { cookie: analyst.cookie },
    );
    const m = ana.data!.reAim.measures.find((x) => x.key === 'scan-mean-change')!;
    expect(Math.abs(all.pairs!.value! - m.denominator)).toBeLessThanOrEqual(2);
    expect(all.meanChange!.value).toBeCloseTo(m.value, 2);
    expect(all.lower!.value).toBeCloseTo(m.lower, 2);
    expect(all.upper!.value).toBeCloseTo(m.upper, 2);
  });

  it('withholds a cohort with fewer pairs than the threshold, and its statistics', async () => {
    const res = await research<{ one: Record<string, Cell> }>(
      server,
      `{ one: scanPairedChange(programmeKey: "nv-gezond", year: 2014) { pairs { ${CELL} }
           meanChange { ${CELL} } lower { ${CELL} } upper { ${CELL} } } }`,
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const one = res.data!.one;
    const [{ n }] = await server.dataSource.query(
      `SELECT count(*)::int AS n FROM health_policy_scan s JOIN indicator_measurement i
          ON i.id = s.indicator_measurement_id
        WHERE i.source = 'NV Gezond award: voormeting' AND i.measured_on BETWEEN '2014-01-01' AND '2014-12-31'`,
    );
    if (n > 0 && n < 10) {
      expect(one.pairs).toMatchObject({ value: null, suppressed: true });
      for (const k of ['meanChange', 'lower', 'upper'])
        expect(one[k]).toEqual({ value: null, suppressed: true, reason: 'DERIVED' });
    } else {
      // Published cohorts rest on at least 10 companies.
      expect(one.pairs!.value === 0 || one.pairs!.value! >= 10).toBe(true);
    }
  });
});
