import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ as: DEMO.analyst });
});
afterAll(() => server.close());

const DROP = `query ($programmeKey: String!, $stage: String!, $asOf: Date, $unit: FunnelUnit, $years: [Int!]) {
  dropOffReasons(programmeKey: $programmeKey, stage: $stage, asOf: $asOf, unit: $unit, years: $years) {
    stage kind atStage left stillInProgress topReason
    exits { stage count }
    reasons { reason label count share { value lower upper } }
  }
}`;

interface DropOff {
  stage: string;
  kind: string;
  atStage: number | null;
  left: number;
  stillInProgress: number | null;
  topReason: string | null;
  exits: { stage: string; count: number }[];
  reasons: {
    reason: string | null;
    label: string;
    count: number;
    share: { value: number | null };
  }[];
}

const drop = async (variables: Record<string, unknown>) => {
  const res = await server.gql<{ dropOffReasons: DropOff }>(DROP, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.dropOffReasons;
};

describe('dropOffReasons', () => {
  // Published figure coaches-dropout-main-reason: time investment or other priorities, not cost.
  it('approved but not started: the main reason is time investment or other priorities', async () => {
    const d = await drop({
      programmeKey: 'gezondheidscoaches',
      stage: 'APPROVED',
      asOf: '2019-07-31',
    });
    expect(d.kind).toBe('STEP');
    // 181 approved − 80 started.
    expect(d.atStage).toBe(101);
    expect(d.left + d.stillInProgress!).toBe(101);
    expect(['TIME_INVESTMENT', 'OTHER_PRIORITIES']).toContain(d.topReason);
    expect(d.reasons[0]!.reason).toBe(d.topReason);
    const cost = d.reasons.find((r) => r.reason === 'COST');
    expect(cost?.count ?? 0).toBeLessThan(d.reasons[0]!.count);
    expect(d.reasons.reduce((s, r) => s + r.count, 0)).toBe(d.left);
    expect(d.reasons.reduce((s, r) => s + (r.share.value ?? 0), 0)).toBeCloseTo(1, 12);
    expect(d.reasons.find((r) => r.reason === 'TIME_INVESTMENT')!.label).toBe('Tijdsinvestering');
  });

  it('counts reasons of one exit', async () => {
    const d = await drop({
      programmeKey: 'gezondheidscoaches',
      stage: 'REJECTED',
      asOf: '2019-07-31',
    });
    expect(d.kind).toBe('EXIT');
    expect(d.left).toBe(15);
    expect(d.atStage).toBeNull();
    expect(d.exits).toEqual([{ stage: 'REJECTED', count: 15 }]);
  });

  it('counts companies with unit COMPANIES', async () => {
    const apps = await drop({ programmeKey: 'nv-gezond', stage: 'REGISTERED', years: [2014] });
    const companies = await drop({
      programmeKey: 'nv-gezond',
      stage: 'REGISTERED',
      years: [2014],
      unit: 'COMPANIES',
    });
    // 29 − 22 registrations without a dossier; more companies behind them.
    expect(apps.atStage).toBe(7);
    expect(companies.atStage!).toBeGreaterThanOrEqual(apps.atStage!);
  });

  it.each([
    [{ programmeKey: 'gezondheidscoaches', stage: 'BESTAAT_NIET' }, 'stage'],
    [{ programmeKey: 'onbekend', stage: 'APPROVED' }, 'programmeKey'],
    [{ programmeKey: 'gezondheidscoaches', stage: 'APPROVED', asOf: '2015-01-01' }, 'asOf'],
  ])('refuses %j', async (variables, field) => {
    const res = await server.gql(DROP, variables);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
