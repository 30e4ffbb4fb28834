import { describe, expect, it } from 'vitest';
import {
  addRecordKey,
  CELL_KEY_PROTECTION,
  cellKeyNoise,
  cellKeyOf,
  MAX_NOISE,
  noiseMoments,
  perturbCount,
  preimage,
  ptableRow,
  RECORD_KEY_MODULUS,
  SMALL_GAP,
} from './cell-key.js';

const COUNTS = Array.from({ length: 60 }, (_, i) => i);
/** Cell keys spread over the whole range, the bucket edges included. */
const KEYS = [
  ...Array.from({ length: 1000 }, (_, i) => Math.floor((i * RECORD_KEY_MODULUS) / 1000)),
  ...Array.from({ length: 101 }, (_, i) => Math.min(RECORD_KEY_MODULUS - 1, i * 10_000_000)),
  ...Array.from({ length: 100 }, (_, i) => Math.max(0, i * 10_000_000 - 1)),
];

describe('perturbation table', () => {
  it('has rows of probabilities that sum to one', () => {
    for (const c of COUNTS) {
      const row = ptableRow(c);
      expect(row.reduce((s, [, p]) => s + p, 0)).toBe(100);
      expect(row.every(([, p]) => p > 0)).toBe(true);
    }
  });

  it('never adds more than the maximum noise', () => {
    // Violations collected, one assertion: a loop of expect() calls is slow on a busy machine.
    const over = COUNTS.flatMap((c) =>
      KEYS.filter((k) => Math.abs(cellKeyNoise(c, k)) > MAX_NOISE).map((k) => [c, k]),
    );
    expect(over).toEqual([]);
    expect(CELL_KEY_PROTECTION).toEqual({ method: 'CELL_KEY', maxNoise: 2 });
  });

  it('keeps zeros zero and publishes no value between 1 and 4', () => {
    expect(KEYS.filter((k) => perturbCount(0, k) !== 0)).toEqual([]);
    const bad = COUNTS.flatMap((c) =>
      KEYS.map((k) => [c, perturbCount(c, k)] as const).filter(
        ([, p]) => p < 0 || (p >= 1 && p <= SMALL_GAP),
      ),
    );
    expect(bad).toEqual([]);
  });

  it('is unbiased with variance 1 from a count of 6 on', () => {
    for (const c of COUNTS.filter((c) => c >= 6)) {
      const { mean, variance } = noiseMoments(c);
      expect(mean).toBeCloseTo(0, 10);
      expect(variance).toBeCloseTo(1, 10);
    }
  });

  it('draws the noise from the row with the cell key as the uniform variable', () => {
    // Over evenly spread keys the noise frequencies are the row's probabilities.
    const n = 100_000;
    const freq = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const noise = cellKeyNoise(50, Math.floor((i * RECORD_KEY_MODULUS) / n));
      freq.set(noise, (freq.get(noise) ?? 0) + 1);
    }
    for (const [noise, p] of ptableRow(50))
      expect((freq.get(noise) ?? 0) / n).toBeCloseTo(p / 100, 3);
  });

  it('gives the same cell the same noise, whatever order its records are summed in', () => {
    const keys = [999_999_999, 123_456_789, 500_000_000, 1, 876_543_210];
    const forward = keys.reduce(addRecordKey, 0);
    const backward = [...keys].reverse().reduce(addRecordKey, 0);
    expect(forward).toBe(backward);
    expect(forward).toBe(keys.reduce((s, k) => s + k, 0) % RECORD_KEY_MODULUS);
    expect(perturbCount(40, forward)).toBe(perturbCount(40, backward));
    expect(cellKeyOf(keys.reduce((s, k) => s + k, 0))).toBe(forward);
  });

  it('names the true counts a published value can come from', () => {
    expect(preimage(0)).toEqual([0, 1, 2]);
    expect(preimage(5)).toEqual([3, 4, 5, 6, 7]);
    expect(preimage(20)).toEqual([18, 19, 20, 21, 22]);
    const missing = COUNTS.flatMap((c) =>
      KEYS.slice(0, 200)
        .filter((k) => !preimage(perturbCount(c, k)).includes(c))
        .map((k) => [c, k]),
    );
    expect(missing).toEqual([]);
  });

  it('refuses what is not a count or a key sum', () => {
    expect(() => ptableRow(-1)).toThrow(RangeError);
    expect(() => ptableRow(1.5)).toThrow(RangeError);
    expect(() => cellKeyOf(-3)).toThrow(RangeError);
  });
});
