import { describe, expect, it } from 'vitest';
import { lowestDomains, scanProblems, scoreScan } from './scan.js';

const items = [
  { key: 'a1', domainKey: 'A', maxPoints: 4, required: true },
  { key: 'a2', domainKey: 'A', maxPoints: 4, required: true },
  { key: 'b1', domainKey: 'B', maxPoints: 4, required: true },
  { key: 'c1', domainKey: 'C', maxPoints: 4, required: false },
];

describe('scoreScan', () => {
  it('scores the share of attainable points overall and per domain', () => {
    const s = scoreScan(items, ['A', 'B', 'C'], { a1: 4, a2: 2, b1: 0, c1: 1 });
    expect(s.overall).toBe(43.8); // 7 of 16
    expect(s.domains).toEqual([
      { key: 'A', score: 75 },
      { key: 'B', score: 0 },
      { key: 'C', score: 25 },
    ]);
    expect(lowestDomains(s, 2)).toEqual(['B', 'C']);
  });

  it('leaves unanswered optional items out instead of counting them as zero', () => {
    const s = scoreScan(items, ['A', 'B', 'C'], { a1: 4, a2: 4, b1: 4 });
    expect(s.overall).toBe(100);
    expect(s.domains[2]).toEqual({ key: 'C', score: null });
    expect(scoreScan(items, ['A'], {}).overall).toBeNull();
  });
});

describe('scanProblems', () => {
  it('names unknown items, out-of-range values and, on submit, unanswered required items', () => {
    expect(scanProblems(items, { a1: 5, zz: 1, b1: 1.5 }, true)).toEqual([
      { kind: 'OUT_OF_RANGE', itemKey: 'a1', max: 4 },
      { kind: 'UNKNOWN_ITEM', itemKey: 'zz' },
      { kind: 'OUT_OF_RANGE', itemKey: 'b1', max: 4 },
      { kind: 'UNANSWERED', itemKey: 'a2' },
    ]);
    expect(scanProblems(items, { a1: 2 }, false)).toEqual([]);
    expect(scanProblems(items, { a1: 0, a2: 1, b1: 4 }, true)).toEqual([]);
  });
});
