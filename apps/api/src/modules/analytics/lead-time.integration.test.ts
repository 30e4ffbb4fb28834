import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ as: DEMO.analyst });
});
afterAll(() => server.close());

const LEAD = `query ($programmeKey: String!, $asOf: Date, $withinDays: Int, $bucketDays: Int, $years: [Int!], $filter: FunnelFilterInput) {
  decisionLeadTime(programmeKey: $programmeKey, asOf: $asOf, withinDays: $withinDays, bucketDays: $bucketDays,
                   years: $years, filter: $filter) {
    decisionStages decided pending medianDays p90Days meanDays minDays maxDays withinDays decidedWithin
    shareWithin { value lower upper }
    histogram { fromDays toDays count }
  }
}`;

interface LeadTime {
  decisionStages: string[];
  decided: number;
  pending: number;
  medianDays: number | null;
  p90Days: number | null;
  minDays: number | null;
  withinDays: number;
  decidedWithin: number;
  shareWithin: { value: number | null; lower: number | null; upper: number | null };
  histogram: { fromDays: number; toDays: number; count: number }[];
}

const lead = async (variables: Record<string, unknown>) => {
  const res = await server.gql<{ decisionLeadTime: LeadTime }>(LEAD, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.decisionLeadTime;
};

describe('decisionLeadTime', () => {
  // Published figure coaches-decision-lead-time: most applications assessed within 2 weeks.
  it('more than half of the decisions came within 14 days', async () => {
    const t = await lead({ programmeKey: 'gezondheidscoaches', asOf: '2019-07-31' });
    expect(t.decisionStages).toEqual(['APPROVED', 'REJECTED']);
    // Every decision through July 2019: 181 approvals and 15 rejections.
    expect(t.decided).toBe(196);
    expect(t.pending).toBe(0);
    expect(t.withinDays).toBe(14);
    expect(t.shareWithin.value!).toBeGreaterThan(0.5);
    expect(t.decidedWithin / t.decided).toBeCloseTo(t.shareWithin.value!, 12);
    expect(t.medianDays!).toBeLessThanOrEqual(14);
    expect(t.p90Days!).toBeGreaterThanOrEqual(t.medianDays!);
  });

  it('has a histogram that adds up, in buckets of the requested width', async () => {
    const t = await lead({
      programmeKey: 'gezondheidscoaches',
      asOf: '2019-07-31',
      bucketDays: 14,
    });
    expect(t.histogram.reduce((s, b) => s + b.count, 0)).toBe(t.decided);
    expect(t.histogram[0]).toMatchObject({ fromDays: 0, toDays: 13 });
    expect(t.histogram.every((b) => b.toDays - b.fromDays === 13)).toBe(true);
  });

  it('matches percentile_cont over the same days', async () => {
    const t = await lead({ programmeKey: 'gezondheidscoaches', asOf: '2019-07-31' });
    const [row] = await server.dataSource.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d) AS median, count(*) FILTER (WHERE d <= 14)::int AS within
         FROM (SELECT (LEAST(a.stage2_at, CASE WHEN a.exit_stage = 'REJECTED' THEN a.exit_at END)
                        AT TIME ZONE 'Europe/Brussels')::date
                      - (a.stage1_at AT TIME ZONE 'Europe/Brussels')::date AS d
                 FROM application a JOIN programme p ON p.id = a.programme_id
                WHERE p.key = 'gezondheidscoaches' AND a.stage1_at < '2019-08-01T00:00:00+02:00') x
        WHERE d IS NOT NULL`,
    );
    expect(t.medianDays).toBe(row.median);
    expect(t.decidedWithin).toBe(row.within);
  });

  it('takes a window, editions and a filter', async () => {
    const all = await lead({
      programmeKey: 'gezondheidscoaches',
      asOf: '2019-07-31',
      withinDays: 7,
    });
    const byEdition = await Promise.all(
      [2017, 2018, 2019].map((y) =>
        lead({ programmeKey: 'gezondheidscoaches', asOf: '2019-07-31', withinDays: 7, years: [y] }),
      ),
    );
    expect(byEdition.reduce((s, t) => s + t.decided, 0)).toBe(all.decided);
    expect(byEdition.reduce((s, t) => s + t.decidedWithin, 0)).toBe(all.decidedWithin);
    const prebes = await lead({
      programmeKey: 'gezondheidscoaches',
      asOf: '2019-07-31',
      filter: { channels: ['prebes'] },
    });
    expect(prebes.decided).toBe(72);
  });

  it('counts pending applications as of an earlier date', async () => {
    const t = await lead({ programmeKey: 'gezondheidscoaches', asOf: '2017-12-10' });
    expect(t.decided + t.pending).toBeLessThanOrEqual(11);
  });

  it.each([
    [{ programmeKey: 'onbekend' }, 'programmeKey'],
    // The award has no decision: its second step is the dossier.
    [{ programmeKey: 'nv-gezond' }, 'programmeKey'],
    [{ programmeKey: 'gezondheidscoaches', withinDays: -1 }, 'withinDays'],
    [{ programmeKey: 'gezondheidscoaches', bucketDays: 0 }, 'bucketDays'],
    [{ programmeKey: 'gezondheidscoaches', asOf: '2016-01-01' }, 'asOf'],
    [{ programmeKey: 'gezondheidscoaches', years: [2016] }, 'years'],
  ])('refuses %j', async (variables, field) => {
    const res = await server.gql(LEAD, variables);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
