import { describe, expect, it } from 'vitest';
import { funnel } from './funnel.js';
import { wilsonInterval } from './statistics.js';

describe('funnel', () => {
  const counts = [
    { key: 'APPLIED', count: 200 },
    { key: 'APPROVED', count: 150 },
    { key: 'STARTED', count: 90 },
    { key: 'COMPLETED', count: 81 },
  ];

  it('gives conversion from the previous and from the first step, and drop-offs', () => {
    const steps = funnel(counts);
    expect(steps.map((s) => s.dropOff)).toEqual([null, 50, 60, 9]);
    expect(steps.map((s) => s.fromPrevious?.value ?? null)).toEqual([null, 0.75, 0.6, 0.9]);
    expect(steps.map((s) => s.fromFirst.value)).toEqual([1, 0.75, 0.45, 0.405]);
  });

  it('attaches Wilson intervals for the right denominators', () => {
    const completed = funnel(counts)[3];
    expect(completed?.fromPrevious).toEqual(wilsonInterval(81, 90));
    expect(completed?.fromFirst).toEqual(wilsonInterval(81, 200));
    const lower = completed?.fromFirst.lower ?? Number.NaN;
    expect(lower).toBeLessThan(0.405);
    expect(lower).toBeGreaterThan(0.3);
  });

  it('passes the confidence level on', () => {
    const narrow = funnel(counts, 0.8)[1]?.fromPrevious;
    expect(narrow).toEqual(wilsonInterval(150, 200, 0.8));
    const wide = funnel(counts)[1]?.fromPrevious;
    expect((narrow?.upper ?? 1) - (narrow?.lower ?? 0)).toBeLessThan(
      (wide?.upper ?? 0) - (wide?.lower ?? 1),
    );
  });

  it('keeps empty steps defined: no trials means null rates, not 0 %', () => {
    const steps = funnel([
      { key: 'A', count: 0 },
      { key: 'B', count: 0 },
    ]);
    expect(steps[1]).toEqual({
      key: 'B',
      count: 0,
      fromPrevious: { value: null, lower: null, upper: null },
      fromFirst: { value: null, lower: null, upper: null },
      dropOff: 0,
    });
  });

  it('returns nothing for no steps', () => {
    expect(funnel([])).toEqual([]);
  });

  it('refuses counts that grow or are not counts', () => {
    expect(() =>
      funnel([
        { key: 'A', count: 5 },
        { key: 'B', count: 6 },
      ]),
    ).toThrow(/only 5 reached A/);
    expect(() => funnel([{ key: 'A', count: -1 }])).toThrow(RangeError);
    expect(() => funnel([{ key: 'A', count: 2.5 }])).toThrow(RangeError);
  });
});
