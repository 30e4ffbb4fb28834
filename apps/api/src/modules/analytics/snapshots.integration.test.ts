import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ as: DEMO.analyst });
});
afterAll(() => server.close());

const SNAPSHOTS = `query ($input: FunnelInput!, $at: [Date!]!) {
  funnelSnapshots(input: $input, at: $at) {
    programmeKey breakdownBy
    snapshots { at steps { stage label count } exits { stage count }
                groups { key { dimension key } steps { stage count } } }
  }
}`;

interface Snapshots {
  funnelSnapshots: {
    snapshots: {
      at: string;
      steps: { stage: string; count: number }[];
      exits: { stage: string; count: number }[];
      groups: { key: { key: string | null }[]; steps: { stage: string; count: number }[] }[];
    }[];
  };
}

const AT = ['2017-12-31', '2018-12-31', '2019-07-31'];

describe('funnelSnapshots: the table of the answer on Gezondheidscoaches (cumulative)', () => {
  let table: Record<string, Record<string, number>>;
  beforeAll(async () => {
    const res = await server.gql<Snapshots>(SNAPSHOTS, {
      input: { programmeKey: 'gezondheidscoaches' },
      at: AT,
    });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    table = Object.fromEntries(
      res.data!.funnelSnapshots.snapshots.map((s) => [
        s.at,
        Object.fromEntries([...s.steps, ...s.exits].map((x) => [x.stage, x.count])),
      ]),
    );
  });

  // Published figures coaches-<year>-<metric>, source 001_12d430ffc075b730.txt.
  it.each([
    ['2017-12-31', 'APPLIED', 11],
    ['2018-12-31', 'APPLIED', 140],
    ['2019-07-31', 'APPLIED', 196],
    ['2017-12-31', 'APPROVED', 11],
    ['2018-12-31', 'APPROVED', 128],
    ['2019-07-31', 'APPROVED', 181],
    ['2017-12-31', 'REJECTED', 0],
    ['2018-12-31', 'REJECTED', 12],
    ['2019-07-31', 'REJECTED', 15],
    ['2017-12-31', 'STARTED', 0],
    ['2018-12-31', 'STARTED', 42],
    ['2019-07-31', 'STARTED', 80],
    ['2017-12-31', 'COMPLETED', 0],
    ['2018-12-31', 'COMPLETED', 0],
    ['2019-07-31', 'COMPLETED', 7],
  ])('through %s: %s = %i', (at, stage, expected) => {
    expect(table[at]?.[stage]).toBe(expected);
  });

  it('orders dates, drops duplicates and breaks down per group', async () => {
    const res = await server.gql<Snapshots>(SNAPSHOTS, {
      input: { programmeKey: 'gezondheidscoaches', breakdownBy: ['EDITION'] },
      at: ['2019-07-31', '2018-12-31', '2019-07-31'],
    });
    const snaps = res.data!.funnelSnapshots.snapshots;
    expect(snaps.map((s) => s.at)).toEqual(['2018-12-31', '2019-07-31']);
    const last = snaps[1]!;
    const sum = last.groups.reduce(
      (s, g) => s + (g.steps.find((x) => x.stage === 'APPLIED')?.count ?? 0),
      0,
    );
    expect(sum).toBe(last.steps.find((x) => x.stage === 'APPLIED')!.count);
    expect(last.groups.find((g) => g.key[0]!.key === '2017')!.steps[0]!.count).toBe(11);
  });

  it('counts award companies per edition with unit COMPANIES', async () => {
    const res = await server.gql<Snapshots>(SNAPSHOTS, {
      input: { programmeKey: 'nv-gezond', unit: 'COMPANIES', years: [2015] },
      at: ['2015-12-31'],
    });
    const s = res.data!.funnelSnapshots.snapshots[0]!;
    expect(s.steps.find((x) => x.stage === 'PARTICIPATED')!.count).toBe(132);
  });
});

describe('funnelSnapshots: bad input', () => {
  it.each([
    [{ programmeKey: 'gezondheidscoaches' }, [], 'at'],
    [{ programmeKey: 'gezondheidscoaches' }, ['2016-12-31'], 'at'],
    [{ programmeKey: 'onbekend' }, ['2019-01-01'], 'input.programmeKey'],
    [{ programmeKey: 'gezondheidscoaches', asOf: '2019-01-01' }, ['2019-01-01'], 'input.asOf'],
  ])('refuses %j at %j', async (input, at, field) => {
    const res = await server.gql(SNAPSHOTS, { input, at });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
