import { wilsonInterval } from '@werkgezond/domain';
import { describe, expect, it } from 'vitest';
import { assembleBody, assembleFunnel, round2 } from './funnel.assemble.js';
import type { FunnelRow } from './funnel.sql.js';

const steps = [
  { key: 'APPLIED', label: 'Aangevraagd', position: 1 },
  { key: 'APPROVED', label: 'Goedgekeurd', position: 2 },
  { key: 'STARTED', label: 'Gestart', position: 3 },
];
const exits = [
  { key: 'REJECTED', label: 'Afgekeurd', position: 1 },
  { key: 'DROPPED_OUT', label: 'Afgehaakt', position: 2 },
];

const cell = (over: Partial<FunnelRow>): FunnelRow => ({
  total: true,
  kind: 'cell',
  g1: null,
  g2: null,
  xs: null,
  xr: null,
  xf: null,
  step: null,
  lag: null,
  n: 0,
  n1: 0,
  n2: 0,
  n3: 0,
  n4: 0,
  ...over,
});
const lag = (step: number, days: number, n: number, over: Partial<FunnelRow> = {}) =>
  cell({ kind: 'lag', step, lag: days, n, ...over });

// 10 applied: 2 rejected, 8 approved; of those 5 started, 1 dropped out, 2 still waiting.
const rows: FunnelRow[] = [
  cell({ n: 5, n1: 5, n2: 5, n3: 5 }),
  cell({ n: 2, n1: 2, n2: 2 }),
  cell({ n: 2, n1: 2, xs: 'REJECTED', xr: 'NOT_ELIGIBLE_SIZE', xf: 1 }),
  cell({ n: 1, n1: 1, n2: 1, xs: 'DROPPED_OUT', xr: 'TIME_INVESTMENT', xf: 2 }),
  cell({ n: 1 }),
  lag(2, 3, 4),
  lag(2, 10, 4),
  lag(3, 30, 5),
  lag(2, null as unknown as number, 2),
];

describe('assembleBody', () => {
  const body = assembleBody(
    rows.filter((r) => r.kind === 'cell'),
    rows.filter((r) => r.kind === 'lag'),
    { steps, exits },
  );

  it('counts units and the units that reached each step', () => {
    expect(body.units).toBe(11);
    expect(body.steps.map((s) => s.count)).toEqual([10, 8, 5]);
  });

  it('splits the drop-off into exits at the previous step and still in progress', () => {
    expect(body.steps.map((s) => [s.dropOff, s.exited, s.inProgress])).toEqual([
      [null, null, null],
      [2, 2, 0],
      [3, 1, 2],
    ]);
  });

  it('gives Wilson intervals for the conversions', () => {
    expect(body.steps[1]!.fromPrevious).toEqual(wilsonInterval(8, 10));
    expect(body.steps[2]!.fromFirst).toEqual(wilsonInterval(5, 10));
    expect(body.steps[0]!.fromPrevious).toBeNull();
  });

  it('takes median and p90 days from the lag histograms (percentile_cont semantics)', () => {
    // Days 3,3,3,3,10,10,10,10: median 6.5; p90 at rank 6.3 → 10.
    expect(body.steps[1]!.medianDaysFromPrevious).toBe(6.5);
    expect(body.steps[1]!.p90DaysFromPrevious).toBe(10);
    expect(body.steps[2]!.medianDaysFromPrevious).toBe(30);
    expect(body.steps[0]!.medianDaysFromPrevious).toBeNull();
  });

  it('lists every defined exit, with reasons and where they left', () => {
    expect(body.exits.map((e) => [e.stage, e.count])).toEqual([
      ['REJECTED', 2],
      ['DROPPED_OUT', 1],
    ]);
    expect(body.exits[0]!.reasons).toEqual([
      { reason: 'NOT_ELIGIBLE_SIZE', label: 'Onderneming te groot', count: 2, share: 1 },
    ]);
    expect(body.exits[1]!.fromSteps).toEqual([{ stage: 'APPROVED', count: 1 }]);
    expect(body.exits[1]!.reasons[0]!.label).toBe('Tijdsinvestering');
  });

  it('keeps an empty funnel defined: zeros and null rates', () => {
    const empty = assembleBody([], [], { steps, exits });
    expect(empty.units).toBe(0);
    expect(empty.steps.map((s) => s.count)).toEqual([0, 0, 0]);
    expect(empty.steps[1]!.fromPrevious).toEqual({ value: null, lower: null, upper: null });
    expect(empty.exits.map((e) => e.count)).toEqual([0, 0]);
  });

  it('lists an exit the programme does not define rather than dropping it', () => {
    const odd = assembleBody([cell({ n: 1, n1: 1, xs: 'MOVED', xf: 1 })], [], { steps, exits });
    expect(odd.exits.map((e) => e.stage)).toEqual(['REJECTED', 'DROPPED_OUT', 'MOVED']);
  });
});

describe('assembleFunnel', () => {
  const labels = {
    editions: new Map([
      ['e18', { year: 2018, name: 'Editie 2018' }],
      ['e17', { year: 2017, name: 'Editie 2017' }],
    ]),
    channels: new Map([['prebes', 'Prebes']]),
    serviceProviders: new Map<string, string>(),
  };

  it('builds one group per breakdown value, ordered, and keeps the total apart', () => {
    const grouped: FunnelRow[] = [
      cell({ n: 3, n1: 3, n2: 2, n3: 1 }),
      cell({ total: false, g1: 'e18', n: 2, n1: 2, n2: 1 }),
      cell({ total: false, g1: 'e17', n: 1, n1: 1, n2: 1, n3: 1 }),
      lag(2, 4, 2),
      lag(2, 4, 1, { total: false, g1: 'e18' }),
      lag(2, 4, 1, { total: false, g1: 'e17' }),
    ];
    const f = assembleFunnel(grouped, { steps, exits, breakdown: ['EDITION'], labels });
    expect(f.steps.map((s) => s.count)).toEqual([3, 2, 1]);
    expect(f.groups.map((g) => g.key[0]!.key)).toEqual(['2017', '2018']);
    expect(f.groups[1]!.key[0]).toEqual({
      dimension: 'EDITION',
      key: '2018',
      label: 'Editie 2018',
    });
    expect(f.groups[1]!.steps.map((s) => s.count)).toEqual([2, 1, 0]);
    expect(f.groups[0]!.steps[1]!.medianDaysFromPrevious).toBe(4);
  });

  it('has no groups without a breakdown, and puts unknown values last', () => {
    expect(assembleFunnel(rows, { steps, exits, breakdown: [], labels }).groups).toEqual([]);
    const withUnknown = assembleFunnel(
      [
        cell({ total: false, g1: null, n: 1, n1: 1 }),
        cell({ total: false, g1: 'prebes', n: 1, n1: 1 }),
      ],
      { steps, exits, breakdown: ['CHANNEL'], labels },
    );
    expect(withUnknown.groups.map((g) => g.key[0]!.label)).toEqual(['Prebes', 'Onbekend']);
  });
});

describe('round2', () => {
  it('rounds interpolated days to hundredths and keeps null', () => {
    expect(round2(88.10000000000001)).toBe(88.1);
    expect(round2(null)).toBeNull();
  });
});
