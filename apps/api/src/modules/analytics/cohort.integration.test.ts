import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ as: DEMO.analyst });
});
afterAll(() => server.close());

const COHORTS = `query ($input: CohortComparisonInput!) {
  cohortComparison(input: $input) {
    programmeKey unit baseline minGroupSize
    cohorts {
      label isBaseline units computedFrom
      steps { stage count fromPrevious { value } fromFirst { value } }
      comparisons { stage
        fromPrevious { cohortRate baselineRate difference pValue test tooSmall }
        fromFirst { difference pValue test tooSmall } }
    }
  }
}`;

interface Comparison {
  cohortRate: number | null;
  baselineRate: number | null;
  difference: number | null;
  pValue: number;
  test: string;
  tooSmall: boolean;
}
interface Result {
  cohortComparison: {
    baseline: string;
    cohorts: {
      label: string;
      isBaseline: boolean;
      steps: { stage: string; count: number }[];
      comparisons:
        | { stage: string; fromPrevious: Comparison | null; fromFirst: Comparison | null }[]
        | null;
    }[];
  };
}

describe('cohortComparison', () => {
  it('compares award editions against a baseline with exact tests on small groups', async () => {
    const res = await server.gql<Result>(COHORTS, {
      input: {
        programmeKey: 'nv-gezond',
        cohorts: [
          { label: '2013', filter: { editions: [2013] } },
          { label: '2014', filter: { editions: [2014] } },
          { label: '2015', filter: { editions: [2015] } },
        ],
        baseline: '2014',
      },
    });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const c = res.data!.cohortComparison;
    expect(c.baseline).toBe('2014');
    const byLabel = Object.fromEntries(c.cohorts.map((x) => [x.label, x]));
    expect(byLabel['2014']!.isBaseline).toBe(true);
    expect(byLabel['2014']!.comparisons).toBeNull();
    expect(byLabel['2013']!.steps.map((s) => s.count)).toEqual([32, 16]);
    const cmp = byLabel['2013']!.comparisons![1]!.fromPrevious!;
    // 16/32 against 22/29 (published registrations and dossiers).
    expect(cmp.cohortRate).toBeCloseTo(16 / 32, 12);
    expect(cmp.baselineRate).toBeCloseTo(22 / 29, 12);
    expect(cmp.difference).toBeCloseTo(16 / 32 - 22 / 29, 12);
    expect(cmp.pValue).toBeGreaterThan(0);
    expect(cmp.pValue).toBeLessThan(1);
    // Expected "not participated" counts of 7.7 and 7.0 are ≥ 5: chi-square is allowed here.
    expect(['FISHER', 'CHI_SQUARE']).toContain(cmp.test);
    expect(cmp.tooSmall).toBe(false);
    expect(byLabel['2013']!.comparisons![0]!.fromPrevious).toBeNull();
  });

  it('flags groups below minGroupSize and uses Fisher when expected counts are small', async () => {
    const res = await server.gql<Result>(COHORTS, {
      input: {
        programmeKey: 'gezondheidscoaches',
        asOf: '2019-07-31',
        cohorts: [
          { label: 'Prebes', filter: { channels: ['prebes'] } },
          { label: 'Metro', filter: { channels: ['metro-carriere'] } },
        ],
        minGroupSize: 10,
      },
    });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const metro = res.data!.cohortComparison.cohorts.find((x) => x.label === 'Metro')!;
    expect(res.data!.cohortComparison.baseline).toBe('Prebes');
    const approved = metro.comparisons![1]!.fromPrevious!;
    expect(approved.tooSmall).toBe(true);
    expect(approved.test).toBe('FISHER');
  });

  it('compares companies by size class', async () => {
    const res = await server.gql<Result>(COHORTS, {
      input: {
        programmeKey: 'gezondheidscoaches',
        asOf: '2019-07-31',
        unit: 'COMPANIES',
        cohorts: [
          { label: 'micro', filter: { sizeClasses: ['MICRO'] } },
          { label: 'klein', filter: { sizeClasses: ['SMALL'] } },
        ],
        baseline: 'klein',
      },
    });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const cohorts = res.data!.cohortComparison.cohorts;
    expect(
      cohorts
        .map((x) => x.steps.find((s) => s.stage === 'STARTED')!.count)
        .reduce((a, b) => a + b, 0),
    ).toBe(80);
  });

  it.each([
    [{ programmeKey: 'nv-gezond', cohorts: [] }, 'input.cohorts'],
    [{ programmeKey: 'nv-gezond', cohorts: [{ label: 'a' }], baseline: 'b' }, 'input.baseline'],
    [{ programmeKey: 'nv-gezond', cohorts: [{ label: 'a' }, { label: 'a' }] }, 'input.cohorts'],
    [{ programmeKey: 'nv-gezond', cohorts: [{ label: ' ' }] }, 'input.cohorts[0].label'],
    [
      { programmeKey: 'nv-gezond', cohorts: [{ label: 'x', filter: { editions: [1999] } }] },
      'input.cohorts[0].filter.editions',
    ],
    [{ programmeKey: 'onbekend', cohorts: [{ label: 'x' }] }, 'input.programmeKey'],
    [{ programmeKey: 'nv-gezond', cohorts: [{ label: 'x' }], asOf: '2011-01-01' }, 'input.asOf'],
    [
      { programmeKey: 'nv-gezond', cohorts: [{ label: 'x' }], minGroupSize: 0 },
      'input.minGroupSize',
    ],
  ])('refuses %j', async (input, field) => {
    const res = await server.gql(COHORTS, { input });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.data?.cohortComparison ?? null).toBeNull();
  });
});
