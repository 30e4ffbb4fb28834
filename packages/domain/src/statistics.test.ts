import { describe, expect, it } from 'vitest';
import {
  chiSquareSurvival,
  chiSquareTest2x2,
  compareProportions,
  fisherExactTest,
  percentile,
  percentileOfHistogram,
  wilsonInterval,
} from './statistics.js';

describe('wilsonInterval', () => {
  // Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison
  // of seven methods", Statistics in Medicine 17:857–872, Table I, method 3 (Wilson score
  // without continuity correction), 95 %, printed to four decimals.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i matches Newcombe (1998)', (x, n, lower, upper) => {
    const ci = wilsonInterval(x, n);
    expect(ci.value).toBe(x / n);
    expect(ci.lower).toBeCloseTo(lower, 4);
    expect(ci.upper).toBeCloseTo(upper, 4);
  });

  it('matches the 0/10 interval (0, 0.2775) and pins the zero bound exactly', () => {
    const ci = wilsonInterval(0, 10);
    expect(ci.lower).toBe(0);
    expect(ci.upper).toBeCloseTo(0.2775, 4);
    expect(wilsonInterval(10, 10).upper).toBe(1);
  });

  it('is symmetric: x/n mirrors (n - x)/n', () => {
    const a = wilsonInterval(7, 31);
    const b = wilsonInterval(24, 31);
    expect(a.lower).toBeCloseTo(1 - (b.upper ?? 0), 12);
    expect(a.upper).toBeCloseTo(1 - (b.lower ?? 0), 12);
  });

  it('widens with confidence', () => {
    const at95 = wilsonInterval(40, 100);
    const at99 = wilsonInterval(40, 100, 0.99);
    expect(at99.lower).toBeLessThan(at95.lower ?? 0);
    expect(at99.upper).toBeGreaterThan(at95.upper ?? 1);
  });

  it('gives nulls, not zeros, for zero trials', () => {
    expect(wilsonInterval(0, 0)).toEqual({ value: null, lower: null, upper: null });
  });

  it.each([
    [5, 4, 0.95],
    [-1, 4, 0.95],
    [1.5, 4, 0.95],
    [1, 4, 1],
    [1, 4, 0],
  ])('refuses %s/%s at %s', (x, n, confidence) => {
    expect(() => wilsonInterval(x, n, confidence)).toThrow(RangeError);
  });
});

describe('percentileOfHistogram', () => {
  // Type-7 quantiles (R's quantile() default, PostgreSQL's percentile_cont): for the values
  // 1, 1, 2, 3, 3, 3, 10 R gives quantile(x, c(0.5, 0.9, 0.25)) = 3, 5.8, 1.5.
  it('matches R quantile(c(1, 1, 2, 3, 3, 3, 10)) without expanding the bins', () => {
    const bins = [
      { value: 3, count: 3 },
      { value: 1, count: 2 },
      { value: 10, count: 1 },
      { value: 2, count: 1 },
    ];
    expect(percentileOfHistogram(bins, 0.5)).toBe(3);
    expect(percentileOfHistogram(bins, 0.9)).toBeCloseTo(5.8, 12);
    expect(percentileOfHistogram(bins, 0.25)).toBe(1.5);
    expect(percentileOfHistogram(bins, 0)).toBe(1);
    expect(percentileOfHistogram(bins, 1)).toBe(10);
  });

  it('agrees with percentile() on the expanded values', () => {
    let seed = 7;
    const next = (max: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % (max + 1);
    };
    for (let i = 0; i < 100; i++) {
      const bins = Array.from({ length: 1 + next(12) }, () => ({
        value: next(60),
        count: next(9),
      }));
      const values = bins.flatMap((b) => Array.from({ length: b.count }, () => b.value));
      for (const p of [0, 0.1, 0.5, 0.9, 0.95, 1]) {
        const expected = percentile(values, p);
        const actual = percentileOfHistogram(bins, p);
        if (expected === null) expect(actual).toBeNull();
        else expect(actual).toBeCloseTo(expected, 12);
      }
    }
  });

  it('returns null for an empty histogram or only empty bins', () => {
    expect(percentileOfHistogram([], 0.5)).toBeNull();
    expect(percentileOfHistogram([{ value: 4, count: 0 }], 0.5)).toBeNull();
  });

  it('refuses bad bins and p outside [0, 1]', () => {
    expect(() => percentileOfHistogram([{ value: 1, count: -1 }], 0.5)).toThrow(RangeError);
    expect(() => percentileOfHistogram([{ value: 1, count: 1.5 }], 0.5)).toThrow(RangeError);
    expect(() => percentileOfHistogram([{ value: Number.NaN, count: 1 }], 0.5)).toThrow(RangeError);
    expect(() => percentileOfHistogram([{ value: 1, count: 1 }], 1.1)).toThrow(RangeError);
  });
});

describe('percentile', () => {
  // Linear interpolation as PostgreSQL percentile_cont and R quantile(type = 7):
  // R's quantile(1:10, 0.1) is 1.9 and median(1:4) is 2.5.
  it('interpolates between closest ranks', () => {
    const oneToTen = [10, 3, 1, 7, 5, 2, 9, 4, 8, 6];
    expect(percentile(oneToTen, 0.1)).toBeCloseTo(1.9, 12);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(percentile([15, 20, 35, 40, 50], 0.4)).toBe(29);
  });

  it('gives the extremes at 0 and 1 and the value for one element', () => {
    expect(percentile([4, -2, 9], 0)).toBe(-2);
    expect(percentile([4, -2, 9], 1)).toBe(9);
    expect(percentile([42], 0.73)).toBe(42);
  });

  it('returns null for no values, as the SQL aggregate does', () => {
    expect(percentile([], 0.5)).toBeNull();
  });

  it('leaves its input alone', () => {
    const values = [3, 1, 2];
    percentile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });

  it('refuses p outside [0, 1] and NaN values', () => {
    expect(() => percentile([1, 2], 50)).toThrow(RangeError);
    expect(() => percentile([1, 2], -0.1)).toThrow(RangeError);
    expect(() => percentile([1, Number.NaN], 0.5)).toThrow(RangeError);
  });
});

/** Exact two-sided Fisher p-value with BigInt rationals, as an independent check. */
function exactFisher(a: number, b: number, c: number, d: number): number {
  const choose = (n: number, k: number): bigint => {
    let result = 1n;
    for (let i = 1; i <= k; i++) result = (result * BigInt(n - k + i)) / BigInt(i);
    return result;
  };
  const row1 = a + b;
  const col1 = a + c;
  const col2 = b + d;
  // P(x) = C(col1, x) C(col2, row1 - x) / C(N, row1); the denominator is common, so compare
  // and sum numerators exactly.
  const weight = (x: number) => choose(col1, x) * choose(col2, row1 - x);
  const observed = weight(a);
  let sum = 0n;
  for (let x = Math.max(0, row1 - col2); x <= Math.min(row1, col1); x++) {
    if (weight(x) <= observed) sum += weight(x);
  }
  const denominator = choose(a + b + c + d, row1);
  // Scale before dividing so the ratio keeps ~15 significant digits.
  const scale = 10n ** 18n;
  return Number((sum * scale) / denominator) / 1e18;
}

describe('fisherExactTest', () => {
  it("gives Fisher's tea-tasting p-value: R fisher.test(matrix(c(3, 1, 1, 3), 2)) = 0.4857", () => {
    // Exactly 34/70: tables with 0, 1, 3 or 4 correct cups are no more likely than 3.
    expect(fisherExactTest(3, 1, 1, 3).pValue).toBeCloseTo(34 / 70, 12);
  });

  it('matches the Convictions example in R ?fisher.test (two-sided p = 0.0005367)', () => {
    // matrix(c(2, 10, 15, 3), nrow = 2): rows dizygotic/monozygotic, columns convicted/not.
    expect(fisherExactTest(2, 15, 10, 3).pValue).toBeCloseTo(0.0005367, 7);
  });

  it('matches scipy.stats.fisher_exact([[8, 2], [1, 5]]) = 0.0349650...', () => {
    expect(fisherExactTest(8, 2, 1, 5).pValue).toBeCloseTo(0.034965035, 9);
  });

  it('is 1 for a table with an empty row or column, and for a perfectly balanced one', () => {
    expect(fisherExactTest(0, 0, 3, 4).pValue).toBe(1);
    expect(fisherExactTest(2, 0, 5, 0).pValue).toBe(1);
    expect(fisherExactTest(5, 5, 5, 5).pValue).toBeCloseTo(1, 12);
  });

  it('agrees with an exact rational computation on many tables', () => {
    let seed = 12345;
    const next = (max: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % (max + 1);
    };
    for (let i = 0; i < 200; i++) {
      const [a, b, c, d] = [next(25), next(25), next(25), next(25)];
      const expected = exactFisher(a, b, c, d);
      const actual = fisherExactTest(a, b, c, d).pValue;
      expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * expected + 1e-15);
    }
    // Large groups with rare outcomes, where compareProportions still picks Fisher.
    for (const [a, b, c, d] of [
      [3, 997, 12, 988],
      [1, 4999, 9, 4991],
      [0, 3000, 5, 2995],
    ] as const) {
      const expected = exactFisher(a, b, c, d);
      expect(Math.abs(fisherExactTest(a, b, c, d).pValue - expected)).toBeLessThan(1e-9 * expected);
    }
  });

  it('is symmetric under transposing and swapping rows', () => {
    const p = fisherExactTest(7, 2, 3, 9).pValue;
    expect(fisherExactTest(7, 3, 2, 9).pValue).toBeCloseTo(p, 12);
    expect(fisherExactTest(3, 9, 7, 2).pValue).toBeCloseTo(p, 12);
  });
});

describe('chiSquareSurvival', () => {
  // Upper critical values of the chi-square distribution, as in every statistics table
  // (R: qchisq(0.95, 1) = 3.841459, qchisq(0.99, 1) = 6.634897, qchisq(0.999, 1) = 10.82757,
  // qchisq(0.95, 2) = 5.991465).
  it.each([
    [3.841459, 1, 0.05],
    [6.634897, 1, 0.01],
    [10.827566, 1, 0.001],
    [5.991465, 2, 0.05],
  ])('P(X > %d; df %i) = %d', (x, df, p) => {
    expect(chiSquareSurvival(x, df)).toBeCloseTo(p, 6);
  });

  it('matches the closed form exp(-x/2) for two degrees of freedom', () => {
    for (const x of [0.5, 2, 9, 40]) {
      expect(chiSquareSurvival(x, 2)).toBeCloseTo(Math.exp(-x / 2), 14);
    }
  });

  it('keeps tiny p-values instead of rounding them to 0', () => {
    const p = chiSquareSurvival(200, 1);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-40);
    expect(chiSquareSurvival(0, 1)).toBe(1);
  });
});

describe('chiSquareTest2x2', () => {
  it('computes the Pearson statistic without continuity correction', () => {
    // prop.test(c(30, 45), c(100, 100), correct = FALSE): by hand,
    // X² = 200 (30·55 - 70·45)² / (100·100·75·125) = 4.8.
    const result = chiSquareTest2x2(30, 70, 45, 55);
    expect(result.statistic).toBeCloseTo(4.8, 12);
    expect(result.pValue).toBeCloseTo(chiSquareSurvival(4.8, 1), 14);
    expect(result.pValue).toBeCloseTo(0.02846, 5);
  });

  it('is 0 for proportional rows and symmetric under transposition', () => {
    expect(chiSquareTest2x2(10, 20, 30, 60)).toEqual({ statistic: 0, pValue: 1 });
    const t = chiSquareTest2x2(12, 5, 7, 9);
    expect(chiSquareTest2x2(12, 7, 5, 9).statistic).toBeCloseTo(t.statistic, 12);
    // X² = 33 (12·9 - 5·7)² / (17·16·19·14) = 175857 / 72352
    expect(t.statistic).toBeCloseTo(175857 / 72352, 12);
  });

  it('refuses a table with an empty row or column', () => {
    expect(() => chiSquareTest2x2(0, 0, 4, 5)).toThrow(RangeError);
    expect(() => chiSquareTest2x2(3, 0, 4, 0)).toThrow(RangeError);
  });
});

describe('compareProportions', () => {
  it('uses chi-square when every expected count is at least 5', () => {
    const result = compareProportions(30, 100, 45, 100);
    expect(result.test).toBe('CHI_SQUARE');
    expect(result.difference).toBeCloseTo(-0.15, 12);
    expect(result.pValue).toBe(chiSquareTest2x2(30, 70, 45, 55).pValue);
    expect(result.tooSmall).toBe(false);
  });

  it('switches to Fisher as soon as one expected count drops below 5', () => {
    // 5/10 vs 5/10: every expected count is exactly 5.
    expect(compareProportions(5, 10, 5, 10).test).toBe('CHI_SQUARE');
    // 4/10 vs 5/10: expected successes 4.5 per group.
    const small = compareProportions(4, 10, 5, 10);
    expect(small.test).toBe('FISHER');
    expect(small.pValue).toBe(fisherExactTest(4, 6, 5, 5).pValue);
    const rare = compareProportions(1, 20, 6, 20);
    expect(rare.test).toBe('FISHER');
    expect(rare.pValue).toBe(fisherExactTest(1, 19, 6, 14).pValue);
  });

  it('flags groups below minGroup', () => {
    expect(compareProportions(3, 9, 20, 40).tooSmall).toBe(true);
    expect(compareProportions(3, 10, 20, 40).tooSmall).toBe(false);
    expect(compareProportions(3, 10, 20, 40, { minGroup: 30 }).tooSmall).toBe(true);
  });

  it('handles an empty group without a difference', () => {
    expect(compareProportions(0, 0, 3, 12)).toEqual({
      difference: null,
      pValue: 1,
      test: 'FISHER',
      tooSmall: true,
    });
  });

  it('refuses impossible counts', () => {
    expect(() => compareProportions(11, 10, 2, 10)).toThrow(RangeError);
    expect(() => compareProportions(-1, 10, 2, 10)).toThrow(RangeError);
  });
});
