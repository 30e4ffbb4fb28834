import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ as: DEMO.analyst });
});
afterAll(() => server.close());

const BUDGET = `query ($programmeKey: String!, $year: Int) {
  budget(programmeKey: $programmeKey, year: $year) {
    programmeKey year allocatedCents spentCents allocatedToDateCents spentToDateCents remainingCents utilisation
    bySource { key name allocatedCents spentCents }
    byCategory { category spentCents share }
    byYear { year allocatedCents spentCents }
    allocations { sourceKey year amountCents }
    costPerStage { stage count costCents }
  }
}`;

interface Budget {
  allocatedCents: number;
  spentCents: number;
  allocatedToDateCents: number;
  spentToDateCents: number;
  remainingCents: number;
  utilisation: number | null;
  bySource: { key: string; allocatedCents: number; spentCents: number }[];
  byCategory: { category: string; spentCents: number; share: number | null }[];
  byYear: { year: number | null; allocatedCents: number; spentCents: number }[];
  costPerStage: { stage: string; count: number; costCents: number | null }[];
}

const budget = async (programmeKey: string, year?: number) => {
  const res = await server.gql<{ budget: Budget }>(BUDGET, { programmeKey, year });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.budget;
};

describe('budget: gezondheidscoaches', () => {
  // Published figures coaches-budget-allocated (3 000 000 EUR) and coaches-budget-used (258 525 EUR).
  it('allocated 3,000,000 EUR, of which 258,525 EUR used', async () => {
    const b = await budget('gezondheidscoaches');
    expect(b.allocatedCents).toBe(300_000_000);
    expect(b.spentCents).toBe(25_852_500);
    expect(b.remainingCents).toBe(300_000_000 - 25_852_500);
    expect(b.utilisation).toBeCloseTo(25_852_500 / 300_000_000, 12);
  });

  it('splits spending by category and source, and the parts add up', async () => {
    const b = await budget('gezondheidscoaches');
    expect(b.byCategory.reduce((s, c) => s + c.spentCents, 0)).toBe(b.spentCents);
    expect(b.bySource.reduce((s, c) => s + c.spentCents, 0)).toBe(b.spentCents);
    expect(b.bySource.reduce((s, c) => s + c.allocatedCents, 0)).toBe(b.allocatedCents);
    // The union's claim (coaches-budget-coach-fees): 13 650 EUR for the coaches themselves.
    expect(b.byCategory.find((c) => c.category === 'COACH_FEES')?.spentCents).toBe(1_365_000);
  });

  it('gives the cost per approved, started and completed trajectory', async () => {
    const b = await budget('gezondheidscoaches');
    const started = b.costPerStage.find((s) => s.stage === 'STARTED')!;
    expect(started.count).toBeGreaterThanOrEqual(80);
    expect(started.costCents).toBe(Math.round(b.spentCents / started.count));
    expect(b.costPerStage.map((s) => s.stage)).toEqual([
      'APPLIED',
      'APPROVED',
      'STARTED',
      'COMPLETED',
    ]);
  });

  it('for one year: that year’s spending, the allocation to date', async () => {
    const y = await budget('gezondheidscoaches', 2018);
    expect(y.allocatedCents).toBe(0);
    expect(y.allocatedToDateCents).toBe(300_000_000);
    const all = await budget('gezondheidscoaches');
    const row = all.byYear.find((r) => r.year === 2018);
    expect(y.spentCents).toBe(row?.spentCents ?? 0);
    expect(y.spentToDateCents).toBeLessThanOrEqual(all.spentCents);
  });
});

describe('budget: the NV Gezond award', () => {
  // Published figures award-2013-budget, award-2014-budget, award-2015-budget.
  it.each([
    [2013, 3500],
    [2014, 6500],
    [2015, 6500],
  ])('%i: estimated award budget %i EUR', async (year, euros) => {
    const b = await budget('nv-gezond', year);
    expect(b.allocatedCents / 100).toBe(euros);
  });
});

describe('budget: bad input', () => {
  it.each([
    ['onbekend', undefined, 'programmeKey'],
    ['nv-gezond', 20140, 'year'],
  ])('refuses %s %s', async (programmeKey, year, field) => {
    const res = await server.gql(BUDGET, { programmeKey, year });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
